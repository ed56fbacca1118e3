// The deps reporters on a real audit (fixtures/deps/npm-basic): every format, and both SBOMs
// against their official schemas.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/cli/deps.js';
import { DEPS_FORMATS, type DepsRenderOptions } from '../../src/report/deps/index.js';
import { stripCopyright } from '../../src/report/deps/notice.js';
import { spdxText } from '../detect/license-text/corpus.js';
import { reflow } from '../detect/license-text/transforms.js';
import { cyclonedxValidator, errorsOf, HAS_SPDX_SCHEMA, spdxValidator, checkSpdx } from '../report/sbom/schemas.js';
import { copyFixture } from './fixture.js';
import { audit } from './run.js';

const root = copyFixture('npm-basic');
afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));
const result = audit(root, { withTexts: true, policy: { deny: ['GPL-2.0-or-later'] }, policyFile: '.farleft.yml' });
const options: DepsRenderOptions = { color: 0, verbose: false, created: '2026-01-31T12:00:00Z' };
const render = (format: keyof typeof DEPS_FORMATS, o: Partial<DepsRenderOptions> = {}): string => DEPS_FORMATS[format](result, { ...options, ...o });

describe('deps reporters', () => {
  it('offer exactly the formats the command line lists', () => {
    expect(Object.keys(DEPS_FORMATS).sort()).toEqual([...FORMATS].sort());
  });

  it('text: licenses with their packages, then problems, then verdicts', () => {
    const text = render('text');
    const [licenses, problems, verdicts] = ['Licenses:', 'Problems:', 'Verdicts:'].map((h) => text.indexOf(h));
    expect(licenses).toBeGreaterThan(0);
    expect(problems).toBeGreaterThan(licenses!);
    expect(verdicts).toBeGreaterThan(problems!);
    expect(text).toMatch(/^ +3 {2}ISC\s+pad-core 1\.0\.0, pad-core 2\.0\.0, seefile 1\.0\.0$/m);
    expect(text).toContain('[declared-vs-text-conflict]');
    expect(text).toMatch(/denied\s+deprecated 1\.0\.0 \(GPL-2\.0-or-later\)\s+\.farleft\.yml: policy\.deny\[0\] GPL-2\.0-or-later/);
    expect(text).not.toContain('\u001b['); // colour level 0
    expect(render('text', { verbose: true })).toContain('node_modules/left-pad/node_modules/pad-core');
  });

  it('text: a few problems of each code, the rest counted, so that one code does not hide the others', () => {
    const same = Array.from({ length: 12 }, (_, i) => ({ code: 'license-named-in-terms', severity: 'warning' as const, file: `node_modules/p${i}/LICENSE.md`, line: 7, message: `p${i} names GPL-2.0-or-later`, suggestion: null }));
    const other = { code: 'unknown-text', severity: 'warning' as const, file: 'node_modules/q/LICENSE', line: 1, message: 'q holds a license text that is not a known license', suggestion: null };
    const many = { ...result, problems: [...same, other] };
    const text = DEPS_FORMATS.text(many, options);
    expect(text.match(/names GPL-2\.0-or-later/g)).toHaveLength(5);
    expect(text).toContain('  … and 7 more license-named-in-terms\n');
    expect(text).toContain('q holds a license text that is not a known license');
    expect(text).toContain('(--verbose or --format json lists all)');
    expect(DEPS_FORMATS.text(many, { ...options, verbose: true }).match(/names GPL-2\.0-or-later/g)).toHaveLength(12);
  });

  it('json: schema 1, no license texts, the same bytes twice', () => {
    const json = render('json');
    const data = JSON.parse(json) as { schema: number; packages: Record<string, unknown>[] };
    expect(data.schema).toBe(1);
    expect(data.packages.every((p) => !('texts' in p))).toBe(true);
    expect(Object.keys(data.packages[0]!)).toEqual(expect.arrayContaining(['ecosystem', 'name', 'version', 'path', 'direct', 'scope', 'declared', 'detected', 'license', 'copyright', 'problems', 'verdict']));
    expect(render('json')).toBe(json);
  });

  it('csv: a header and one row per package, quoted where needed', () => {
    const rows = render('csv').trimEnd().split('\r\n');
    expect(rows[0]).toBe('ecosystem,name,version,license,declared,detected,status,scope,direct,installed,path,copyright,problems');
    expect(rows).toHaveLength(result.packages.length + 1);
    expect(rows.find((r) => r.startsWith('npm,@coop/legacy,'))).toContain(',MIT OR Apache-2.0,MIT OR Apache-2.0,Apache-2.0; MIT,');
  });

  it('csv: a cell a spreadsheet would run as a formula is written as text', () => {
    const hostile = { ...result, packages: [{ ...result.packages[0]!, name: '=HYPERLINK("http://x")', copyright: ['a, "b"'] }, { ...result.packages[0]!, name: '@SUM(A1)' }] };
    const [, row, row2] = DEPS_FORMATS.csv(hostile).split('\r\n');
    expect(row2).toMatch(/^npm,'@SUM\(A1\),/);
    expect(row).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(row).toContain('"a, ""b"""');
  });

  it('markdown: tables that survive pipes in names', () => {
    const md = render('markdown');
    expect(md).toMatch(/^# Dependencies of commons-ledger\n/);
    expect(md).toContain('| `MIT` |');
    expect(md).toContain('| left-pad | 1.3.0 | `MIT` | `MIT` | `MIT` | prod, direct |');
    const hostile = { ...result, packages: [{ ...result.packages[0]!, name: 'a|b\n<script>' }] };
    // The line break shown as an escape, as every report shows a control character from the tree.
    expect(DEPS_FORMATS.markdown(hostile)).toContain('| a\\|b\\x0a&lt;script> |');
  });

  it('notice: each text once, after the packages it covers and their copyright lines', () => {
    const notice = render('notice');
    const mitBlocks = notice.split('\n').filter((l) => l === 'MIT');
    expect(mitBlocks).toHaveLength(1);
    expect(notice).toContain('  * left-pad 1.3.0 (node_modules/left-pad)\n      Copyright 2018 Left Pad Collective <pad@example.org>');
    expect(notice).toContain('  * corrupt 1.0.0 (node_modules/corrupt)\n      Copyright 2021 Corrupt Authors');
    expect(notice.match(/Permission is hereby granted, free of charge/g)).toHaveLength(1);
    expect(notice).not.toContain('gpl-tool'); // dev dependencies are not shipped
    expect(notice).toContain('Packages whose license text could not be included');
    expect(notice).toMatch(/\* nolicense 1\.0\.0: NOASSERTION/);
  });

  it.skipIf(!HAS_SPDX_SCHEMA)('spdx: valid SPDX 2.3', () => {
    const doc = JSON.parse(render('spdx')) as Record<string, unknown>;
    const validate = spdxValidator();
    expect(validate(doc), errorsOf(validate).join('\n')).toBe(true);
    checkSpdx(doc);
    expect((doc.creationInfo as { created: string }).created).toBe('2026-01-31T12:00:00Z');
  });

  it('cyclonedx: valid CycloneDX 1.5, with package URLs', () => {
    const bom = JSON.parse(render('cyclonedx')) as { components: { name: string; purl?: string; scope: string }[] };
    const validate = cyclonedxValidator();
    expect(validate(bom), errorsOf(validate).join('\n')).toBe(true);
    expect(bom.components.find((c) => c.name === '@coop/legacy')).toMatchObject({ purl: 'pkg:npm/%40coop/legacy@2.0.0', scope: 'required' });
    expect(bom.components.find((c) => c.name === 'gpl-tool')).toMatchObject({ scope: 'excluded' });
  });
});

describe('the notice file', () => {
  // inherits 2.0.4's LICENSE wraps ISC's "copyright notice and this permission notice appear in all copies." to a line of its own.
  it('drops copyright notice lines from a license text, never a line of the license that starts with the word', () => {
    const isc = 'The ISC License\n\nCopyright (c) Isaac Z. Schlueter\n\nPermission to use, copy, modify, and/or distribute this software for any\npurpose with or without fee is hereby granted, provided that the above\ncopyright notice and this permission notice appear in all copies.\n';
    expect(stripCopyright(isc)).toBe('The ISC License\n\nPermission to use, copy, modify, and/or distribute this software for any\npurpose with or without fee is hereby granted, provided that the above\ncopyright notice and this permission notice appear in all copies.\n');
    expect(stripCopyright('Copyright Joyent, Inc. and other Node contributors.\nCOPYRIGHT (C) 2000 Z\n© 2021 X\n(c) 1999 Y\nCopyright: 2020 W\nkeep\n')).toBe('keep\n');
    // Every SPDX text, wrapped at any width, keeps its words but for its own notice lines ("Copyright [yyyy] [name of copyright owner]").
    for (const id of ['ISC', 'MIT', 'BSD-3-Clause', 'Apache-2.0', 'GPL-2.0-only', 'GPL-3.0-only', 'MPL-2.0', 'OFL-1.1', 'CC-BY-SA-4.0'])
    for (const width of [40, 52, 64, 72, 80]) {
      const text = reflow(spdxText(id), width);
      const lost = text.split('\n').filter((l) => !stripCopyright(`${l}\n`).includes(l));
      for (const l of lost) expect(l, id).toMatch(/^\s*(?:Copyright|COPYRIGHT|©|\([cC]\))/);
    }
  });
});
