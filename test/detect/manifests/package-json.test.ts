import { describe, expect, it } from 'vitest';
import { detect, summary } from './run.js';

const json = (body: string): string => `{\n  "name": "demo",\n  "version": "1.0.0",\n${body}\n}\n`;

describe('package.json', () => {
  // [case, file body, expression, field, line, confidence, problem codes]
  it.each([
    ['SPDX id', '  "license": "PPL"', 'PPL', 'license', 4, 1, []],
    ['SPDX expression', '  "license": "(MIT OR Apache-2.0)"', 'MIT OR Apache-2.0', 'license', 4, 1, []],
    ['deprecated id', '  "license": "GPL-3.0"', 'GPL-3.0-only', 'license', 4, 1, ['deprecated-id']],
    ['mapped name', '  "license": "Apache 2"', 'Apache-2.0', 'license', 4, 0.95, ['non-spdx-declaration']],
    ['mapped short form', '  "license": "GPL version 3 or later"', 'GPL-3.0-or-later', 'license', 4, 0.95, ['non-spdx-declaration']],
    ['catalog alias', '  "license": "CNPLv7"', 'LicenseRef-CNPL-7.0', 'license', 4, 0.95, ['non-spdx-declaration']],
    ['ambiguous name', '  "license": "BSD"', 'BSD-3-Clause', 'license', 4, 0.5, ['non-spdx-declaration']],
    ['UNLICENSED (no license, not the Unlicense)', '  "license": "UNLICENSED"', 'UNLICENSED', 'license', 4, 1, []],
    ['SEE LICENSE IN', '  "license": "SEE LICENSE IN LICENSE.md"', 'SEE LICENSE IN LICENSE.md', 'license', 4, 1, []],
    ['{ type, url } object', '  "license": { "type": "MIT", "url": "https://opensource.org/licenses/MIT" }', 'MIT', 'license.type', 4, 1, ['legacy-license-field']],
    ['legacy licenses array: a choice', '  "licenses": [\n    { "type": "MIT", "url": "x" },\n    { "type": "Apache-2.0", "url": "y" }\n  ]', 'MIT OR Apache-2.0', 'licenses', 4, 1, ['legacy-license-field']],
    ['legacy array of one', '  "licenses": [{ "type": "ISC" }]', 'ISC', 'licenses[0].type', 4, 1, ['legacy-license-field']],
    ['legacy entry with only a URL', '  "licenses": [{ "url": "https://opensource.org/licenses/MIT" }]', 'MIT', 'licenses[0].type', 4, 0.63, ['deprecated-license-url', 'legacy-license-field']],
    ['unknown text', '  "license": "Do whatever"', 'NOASSERTION', 'license', 4, 0.3, ['unknown-license']],
    ['garbage spdx-correct would fix wrongly', '  "license": "GPL-2.0+159"', 'NOASSERTION', 'license', 4, 0.3, ['unknown-license']],
    ['no license field', '  "private": true', null, null, null, null, []],
    ['empty license', '  "license": ""', null, null, null, null, ['empty-license']],
    ['license is a number', '  "license": 3', null, null, null, null, ['invalid-license-field']],
  ] as const)('%s', (_, body, expression, field, line, confidence, codes) => {
    expect(summary(detect('package.json', json(body)))).toEqual({ expression, field, line, confidence, codes: [...codes] });
  });

  // ag-grid-enterprise: "license": "Commercial". The ids nearest in spelling (PolyForm-Noncommercial) would mislead.
  it('says of a kind of terms ("Commercial", "Custom") that it names no license, suggesting no id', () => {
    for (const kind of ['Commercial', 'custom', 'Other', 'Closed source', 'Commercial License']) {
      const d = detect('package.json', json(`  "license": "${kind}"`));
      expect(d.declarations).toMatchObject([{ expression: 'NOASSERTION' }]);
      expect(d.problems).toMatchObject([{ code: 'unknown-license', severity: 'warning', message: expect.stringContaining('names no license') }]);
      expect(d.problems[0]!.suggestion).not.toMatch(/closest|PolyForm|CC-BY-NC/);
    }
    // A name that is not a kind still gets the nearest ids.
    expect(detect('package.json', json('  "license": "MTI Licence v9"')).problems[0]!.suggestion).toMatch(/closest ids/);
  });

  it('keeps what was written in raw', () => {
    const [d] = detect('package.json', json('  "license": "Apache 2"')).declarations;
    expect(d).toMatchObject({ source: 'manifest', file: 'package.json', scope: 'project', raw: 'Apache 2' });
  });

  it('scopes a manifest below the root to its package', () => {
    expect(detect('packages/a/package.json', json('  "license": "MIT"')).declarations[0]?.scope).toBe('package');
  });

  it('reads the top-level license, not a nested one', () => {
    const text = '{\n  "config": { "license": "GPL-2.0" },\n  "license": "MIT"\n}';
    expect(detect('package.json', text).declarations).toMatchObject([{ expression: 'MIT', line: 3 }]);
  });

  it('tells the suggestion and what was read', () => {
    const [p] = detect('package.json', json('  "license": "Apache 2"')).problems;
    expect(p).toMatchObject({ severity: 'warning', file: 'package.json', line: 4 });
    expect(p!.message).toContain("'Apache 2'");
    expect(p!.message).toContain('Apache-2.0');
    expect(p!.suggestion).toContain('"Apache-2.0"');
  });

  // [case, line, column, text]
  it.each([
    ['trailing comma', 4, 1, '{\n  "name": "x",\n  "license": "MIT",\n}'],
    ['unquoted value', 3, 14, '{\n  "name": "x",\n  "license": MIT\n}'],
    ['missing comma', 3, 3, '{\n  "name": "x"\n  "license": "MIT"\n}'],
    ['truncated', 3, 19, '{\n  "name": "x",\n  "license": "MIT"'],
    ['comment', 2, 3, '{\n  // the license\n  "license": "MIT"\n}'],
  ])('malformed: %s -> error at %i:%i', (_, line, column, text) => {
    const d = detect('package.json', text);
    expect(d.declarations).toEqual([]);
    expect(d.problems).toHaveLength(1);
    expect(d.problems[0]).toMatchObject({ code: 'malformed-manifest', severity: 'error', file: 'package.json', line });
    expect(d.problems[0]!.message).toContain(`package.json:${line}:${column}`);
  });

  it('reads a file that starts with a byte order mark', () => {
    expect(detect('package.json', `\uFEFF${json('  "license": "MIT"')}`).declarations[0]?.expression).toBe('MIT');
  });
});
