import { describe, expect, it } from 'vitest';
import { detect, summary } from './run.js';

const composer = (license: string): string => `{\n    "name": "acme/demo",\n    "type": "library",\n    "license": ${license},\n    "require": { "php": ">=8.1" }\n}\n`;

describe('composer.json', () => {
  it.each([
    ['string', '"MIT"', 'MIT', 'license', 4, 1, []],
    ['array: a choice', '["LGPL-2.1-only", "GPL-3.0-or-later"]', 'LGPL-2.1-only OR GPL-3.0-or-later', 'license', 4, 1, []],
    ['lower-case operator (Composer docs write it)', '"(LGPL-2.1-only or GPL-3.0-or-later)"', 'LGPL-2.1-only OR GPL-3.0-or-later', 'license', 4, 0.9, ['non-spdx-declaration']],
    ['"proprietary" is closed source', '"proprietary"', 'UNLICENSED', 'license', 4, 1, []],
    ['proprietary beside a license is left out of the choice', '["GPL-3.0-only", "proprietary"]', 'GPL-3.0-only', 'license', 4, 1, ['license-list']],
    ['not a string', '{"type": "MIT"}', null, null, null, null, ['invalid-license-field']],
  ] as const)('%s', (_, license, expression, field, line, confidence, codes) => {
    expect(summary(detect('composer.json', composer(license)))).toEqual({ expression, field, line, confidence, codes: [...codes] });
  });

  it('reports malformed JSON with line and column', () => {
    const d = detect('vendor/acme/demo/composer.json', '{\n    "license": "MIT"\n    "type": "library"\n}');
    expect(d.problems).toMatchObject([{ code: 'malformed-manifest', line: 3 }]);
    expect(d.problems[0]!.message).toContain('vendor/acme/demo/composer.json:3:5');
  });
});
