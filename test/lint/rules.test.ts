import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES, RULE_IDS, ruleForCode } from '../../src/lint/index.js';
import { anchored } from '../../src/walk/walk.js';
import ignore from 'ignore';
import { removeTree } from '../helpers.js';
import { LINT_FORMATS } from '../../src/report/lint/index.js';
import { evaluateLint } from '../../src/lint/evaluate.js';
import { idsInUse, targetFiles } from '../../src/lint/facts.js';
import { DEFAULTS, inputOf, licenseText, lintTree, pairs, roots, tree } from './helpers.js';

afterAll(() => roots.forEach(removeTree));

const tag = (expr: string, holder = '2026 Example Collective'): string => `// SPDX-FileCopyrightText: ${holder}\n// SPDX-License-Identifier: ${expr}\nint x;\n`;
const PPL = licenseText('PPL');

describe('the rule list', () => {
  const files = readdirSync(fileURLToPath(new URL('../../src/lint/rules/', import.meta.url))).map((f) => f.replace(/\.ts$/, ''));

  it('lists every file in src/lint/rules, each rule named after its file', () => {
    expect([...RULE_IDS].sort()).toEqual(files.sort());
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s has a title, a doc paragraph, a fix hint and a default severity', (_, rule) => {
    expect(rule.title.length).toBeGreaterThan(10);
    expect(rule.doc.length).toBeGreaterThan(100);
    expect(rule.fix.length).toBeGreaterThan(20);
    expect(['error', 'warning']).toContain(rule.severity);
  });

  it('gives every scan problem code one rule, unnamed codes to scan-problem', () => {
    const named = RULES.flatMap((r) => (Array.isArray(r.codes) ? r.codes : []));
    expect(new Set(named).size).toBe(named.length);
    expect(ruleForCode('invalid-expression')?.id).toBe('invalid-expression');
    expect(ruleForCode('malformed-dep5')?.id).toBe('malformed-file');
    expect(ruleForCode('media-unrecognized')?.id).toBe('scan-problem');
    // A license file that only names its license among words of its own: a license farleft cannot identify.
    expect(ruleForCode('license-named-in-terms')?.id).toBe('unknown-license');
  });
});

describe('rules on real trees', () => {
  const base = { 'LICENSES/PPL.txt': PPL, '.farleft.yml': '# SPDX-FileCopyrightText: 2026 C\n# SPDX-License-Identifier: PPL\nlicense: PPL\n' };

  it('finds nothing in a clean PPL project', async () => {
    const r = await lintTree({ ...base, 'src/a.c': tag('PPL'), 'src/b.c': tag('PPL') });
    expect(r.findings).toEqual([]);
    expect(r.verdict).toBe('pass');
    expect(r.summary).toEqual({ files: 3, errors: 0, warnings: 0, byRule: {} });
  });

  it.each([
    ['missing-license', { 'src/n.c': 'int x;\n' }, 'src/n.c'],
    ['missing-copyright', { 'src/n.c': '// SPDX-License-Identifier: PPL\n' }, 'src/n.c'],
    ['invalid-expression', { 'src/n.c': tag('MIT/Apache') }, 'src/n.c'],
    ['deprecated-id', { 'src/n.c': tag('GPL-3.0') }, 'src/n.c'],
    ['unknown-license', { 'src/n.c': tag('LicenseRef-OurOwn'), 'LICENSES/LicenseRef-Other.txt': 'x' }, 'src/n.c'],
    ['missing-license-text', { 'src/n.c': tag('MIT') }, 'src/n.c'],
    ['unused-license-text', { 'LICENSES/MIT.txt': licenseText('MIT') }, 'LICENSES/MIT.txt'],
    ['misnamed-license-text', { 'LICENSES/mit.txt': licenseText('MIT'), 'src/n.c': tag('MIT') }, 'LICENSES/mit.txt'],
    ['misnamed-license-text', { 'LICENSES/MIT': licenseText('MIT'), 'src/n.c': tag('MIT') }, 'LICENSES/MIT'],
    ['declared-conflict', { 'package.json': '{"name":"x","license":"MIT"}', 'package.json.license': 'SPDX-FileCopyrightText: 2026 C\nSPDX-License-Identifier: PPL\n' }, 'package.json'],
    ['incompatible', { 'src/n.c': tag('GPL-3.0-only'), 'LICENSES/GPL-3.0-only.txt': licenseText('GPL-3.0-only') }, 'src/n.c'],
    ['malformed-file', { 'REUSE.toml': 'version = 1\n[[annotations]\npath = "x"\n' }, 'REUSE.toml'],
  ] as const)('%s: reported where it is (%#)', async (rule, extra, file) => {
    const r = await lintTree({ ...base, 'src/a.c': tag('PPL'), ...extra });
    expect(pairs(r)).toContainEqual([rule, file]);
    // The clean part of the tree stays clean.
    expect(r.findings.filter((f) => f.file === 'src/a.c')).toEqual([]);
  });

  it('offers one REUSE.toml annotation for a folder of images without licensing information', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001'.padEnd(160, '0'), 'hex');
    const icons = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`icons/a${i}.png`, png]));
    const few = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`art/b${i}.png`, png]));
    const r = await lintTree({ ...base, 'src/a.c': tag('PPL'), ...icons, ...few, 'icons/CMakeLists.txt': 'install()\n' });
    const missing = r.findings.filter((f) => f.rule === 'missing-license');
    expect(missing.find((f) => f.file === 'icons/a7.png')!.suggestion).toBe(
      'Run `farleft apply --reuse-toml --license <license> icons`: one REUSE.toml annotation covers icons/, where 20 images, media and other binary files have none (a sidecar each would be 20 files)',
    );
    // A text file there takes a header; three images elsewhere, a sidecar each.
    expect(missing.find((f) => f.file === 'icons/CMakeLists.txt')!.suggestion).not.toContain('--reuse-toml');
    expect(missing.find((f) => f.file === 'art/b1.png')!.suggestion).not.toContain('--reuse-toml');
    // The text report says the folder's message and fix once, about its 20 files.
    const text = LINT_FORMATS.text.render(r, { color: 0 }) as string;
    expect(text.split('--reuse-toml').length - 1).toBe(1);
    expect(text).toMatch(/ {2}no licensing information: [^\n]* \(20 files\):\n {4}icons\/a0\.png\n {4}icons\/a1\.png\n/);
    expect(text).toContain('    icons/a9.png\n    fix: Run `farleft apply --reuse-toml --license <license> icons`');
  });

  it('says which LICENSES/ file a LicenseRef means when it is there without its prefix', async () => {
    // systemd: LICENSES/alg-sha1-public-domain.txt, and files say LicenseRef-alg-sha1-public-domain.
    const r = await lintTree({ ...base, 'src/a.c': tag('PPL'), 'src/sha1.c': tag('LicenseRef-alg-sha1-public-domain'), 'src/sha1.h': tag('LicenseRef-alg-sha1-public-domain'), 'LICENSES/alg-sha1-public-domain.txt': 'Public domain.\n', 'LICENSES/MIT.txt': licenseText('MIT'), 'src/m.c': tag('LicenseRef-MIT') });
    const byRule = (rule: string, file: string) => r.findings.find((f) => f.rule === rule && f.file === file);
    expect(byRule('misnamed-license-text', 'LICENSES/alg-sha1-public-domain.txt')).toMatchObject({
      message: "'alg-sha1-public-domain' is neither an SPDX license id nor LicenseRef-<name>; 2 files use LicenseRef-alg-sha1-public-domain",
      suggestion: 'Rename it LICENSES/LicenseRef-alg-sha1-public-domain.txt',
    });
    expect(byRule('missing-license-text', 'src/sha1.c')).toMatchObject({
      message: expect.stringContaining('(LICENSES/alg-sha1-public-domain.txt is named without LicenseRef-)'),
      suggestion: 'Rename LICENSES/alg-sha1-public-domain.txt to LICENSES/LicenseRef-alg-sha1-public-domain.txt',
    });
    expect(byRule('unknown-license', 'src/sha1.c')).toMatchObject({ suggestion: 'Rename LICENSES/alg-sha1-public-domain.txt to LICENSES/LicenseRef-alg-sha1-public-domain.txt' });
    // An SPDX-named text is no LicenseRef's: LicenseRef-MIT is still missing its own.
    expect(byRule('missing-license-text', 'src/m.c')).toMatchObject({ suggestion: 'Add the text of LicenseRef-MIT as LICENSES/LicenseRef-MIT.txt' });
    expect(byRule('unknown-license', 'src/m.c')!.suggestion).toMatch(/^Put the text of LicenseRef-MIT in LICENSES\/LicenseRef-MIT\.txt/);
  });

  it('reports a policy deny as policy-denied, not as incompatible, and a review as needs-review', async () => {
    const yml = '# SPDX-FileCopyrightText: 2026 C\n# SPDX-License-Identifier: PPL\nlicense: PPL\npolicy:\n  deny: [MIT]\n';
    const r = await lintTree({ ...base, '.farleft.yml': yml, 'src/m.c': tag('MIT'), 'LICENSES/MIT.txt': licenseText('MIT'), 'src/own.c': tag('LicenseRef-OurOwn'), 'LICENSES/LicenseRef-OurOwn.txt': 'Our own terms.\n' });
    expect(pairs(r).filter(([rule]) => ['policy-denied', 'incompatible', 'needs-review'].includes(rule))).toEqual([
      ['policy-denied', 'src/m.c'],
      ['needs-review', 'src/own.c'],
    ]);
    expect(r.findings.find((f) => f.rule === 'policy-denied')!.message).toContain('policy.deny');
  });

  it('names the tag to write when a header says its license in prose', async () => {
    const header = '/*\n * Licensed under the Apache License 2.0 (the "License").\n */\nint x;\n';
    const r = await lintTree({ ...base, 'src/a.c': tag('PPL'), 'src/p.c': header });
    expect(r.findings.filter((f) => f.file === 'src/p.c' && f.rule === 'missing-license')).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining('its header names Apache-2.0 in prose'), suggestion: 'Run `farleft apply --license Apache-2.0 src/p.c`: it adds `SPDX-License-Identifier: Apache-2.0` above the notice' }),
    ]);
  });

  it("names the tag to write when a header holds a license's text", async () => {
    const mit = licenseText('MIT').replace(/^MIT License\s*/, '').replace('THE AUTHORS OR COPYRIGHT HOLDERS', 'JANE DOE');
    const header = `/*\n${mit.trim().split('\n').map((l) => ` * ${l}`.trimEnd()).join('\n')}\n */\nint x;\n`;
    const r = await lintTree({ ...base, 'src/a.c': tag('PPL'), 'src/m.c': header });
    expect(r.findings.filter((f) => f.file === 'src/m.c' && f.rule === 'missing-license')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('its header holds the text of MIT'), suggestion: 'Run `farleft apply --license MIT src/m.c`: it adds `SPDX-License-Identifier: MIT` above the notice' }),
    ]);
  });

  it('names both licenses when a header gives a notice and the text of code the file took in', async () => {
    const mit = licenseText('MIT').replace(/^MIT License\s*/, '').replace(/^Copyright.*\n+/m, '').trim();
    const header = `/*\n * Licensed under the Apache License 2.0 (the "License").\n *\n * This file incorporates work covered by the following copyright and permission notice:\n *\n * Copyright (c) 2008 Jane Doe\n *\n${mit.split('\n').map((l) => ` * ${l}`.trimEnd()).join('\n')}\n */\nint x;\n`;
    const r = await lintTree({ ...base, 'src/a.c': tag('PPL'), 'src/m.c': header });
    expect(r.findings.filter((f) => f.file === 'src/m.c' && f.rule === 'missing-license')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('its header names Apache-2.0 in prose and holds the text of MIT'), suggestion: "Run `farleft apply --license 'Apache-2.0 AND MIT' src/m.c`: it adds `SPDX-License-Identifier: Apache-2.0 AND MIT` above the notice" }),
    ]);
  });

  it('warns when the project declares no license, and a REUSE project whose every file is licensed passes', async () => {
    const texts = { 'LICENSES/MIT.txt': licenseText('MIT'), 'LICENSES/CC0-1.0.txt': licenseText('CC0-1.0') };
    const r = await lintTree({ 'src/a.c': tag('MIT'), 'src/b.c': tag('CC0-1.0'), ...texts });
    expect(r.findings).toEqual([expect.objectContaining({ rule: 'no-project-license', severity: 'warning', file: null, message: expect.stringContaining('declares no license') })]);
    // Two texts in LICENSES/ back the files' tags and say nothing of which is the project's.
    expect(r.findings[0]!.suggestion).not.toContain('LICENSES/');
    expect(r.verdict).toBe('pass');
    expect((await lintTree({ 'src/a.c': tag('MIT'), 'src/b.c': tag('CC0-1.0'), ...texts }, { failOn: 'warning' })).verdict).toBe('fail');
    // Configured like any rule; and files without a license are errors of their own.
    expect((await lintTree({ 'src/a.c': tag('MIT'), ...texts }, { rules: { 'no-project-license': 'off' } })).findings.filter((f) => f.rule === 'no-project-license')).toEqual([]);
    const bare = await lintTree({ 'src/a.c': 'int a;\n' });
    expect(bare.findings.map((f) => [f.rule, f.severity, f.file])).toEqual(expect.arrayContaining([['missing-license', 'error', 'src/a.c'], ['no-project-license', 'warning', null]]));
    expect(bare.verdict).toBe('fail');
  });

  it('shares facts between rules without one changing them for the next', async () => {
    // The project's license (its LICENSE) is used by no file: missing-license-text adds it to the uses it checks, in its own copy.
    const input = await inputOf(tree({ LICENSE: licenseText('Apache-2.0'), 'LICENSES/MIT.txt': licenseText('MIT'), 'src/a.c': tag('MIT') }));
    evaluateLint(input, DEFAULTS, { version: '0', root: '.' });
    expect([...idsInUse(targetFiles(input), input.catalog)].map(([id, use]) => [id, use.count])).toEqual([['MIT', 1]]);
  });

  it("takes a REUSE project's one text in LICENSES/ for its license", async () => {
    const r = await lintTree({ 'src/a.c': tag('MIT'), 'LICENSES/MIT.txt': licenseText('MIT') });
    expect(r.findings).toEqual([]);
  });

  it('looks up the license of the file a header defers to ("…found in the LICENSE file"): the nearest one above', async () => {
    const go = '// Copyright 2009 The Go Authors. All rights reserved.\n// Use of this source code is governed by a BSD-style\n// license that can be found in the LICENSE file.\n\npackage a\n';
    const r = await lintTree({ ...base, 'src/a.c': tag('PPL'), LICENSE: licenseText('BSD-3-Clause'), 'pkg/a.go': go, 'vendor/x/LICENSE': licenseText('MIT'), 'vendor/x/y/b.go': go, 'vendor/z/LICENSE.md': licenseText('ISC'), 'vendor/z/c.go': go });
    const findings = r.findings.filter((f) => f.rule === 'missing-license' && f.file !== null);
    expect(findings.map((f) => [f.file, f.line, f.suggestion])).toEqual([
      ['pkg/a.go', 2, 'Run `farleft apply --license BSD-3-Clause pkg/a.go`: it adds `SPDX-License-Identifier: BSD-3-Clause` above the notice'],
      ['vendor/x/y/b.go', 2, 'Run `farleft apply --license MIT vendor/x/y/b.go`: it adds `SPDX-License-Identifier: MIT` above the notice'],
      // "the LICENSE file" is LICENSE.md there.
      ['vendor/z/c.go', 2, 'Run `farleft apply --license ISC vendor/z/c.go`: it adds `SPDX-License-Identifier: ISC` above the notice'],
    ]);
    expect(findings[0]!.message).toContain('its header defers to LICENSE, which holds BSD-3-Clause');
    // A header that also names a license, beside a LICENSE that is not there (U-Boot's physmem.c, from Chromium OS):
    // both said, and no command (apply tags only a file whose every notice it can read).
    const both = '/*\n * Use of this source code is governed by a BSD-style license that can be\n * found in the LICENSE file.\n *\n * Alternatively, this software may be distributed under the terms of the\n * GNU General Public License ("GPL") version 2 as published by the Free\n * Software Foundation.\n */\nint x;\n';
    const mixed = await lintTree({ ...base, 'src/a.c': tag('PPL'), 'arch/physmem.c': both });
    expect(mixed.findings.find((f) => f.file === 'arch/physmem.c' && f.rule === 'missing-license')).toMatchObject({
      message: expect.stringContaining('its header defers to a LICENSE file, and there is none in its folder or above and names GPL-2.0-only in prose'),
      suggestion: expect.not.stringContaining('farleft apply'),
    });
    // The file's name in another case than the notice writes it (libxml2's "See COPYRIGHT" for its Copyright file).
    const cased = await lintTree({ ...base, 'src/a.c': tag('PPL'), 'lib/License.txt': licenseText('MIT'), 'lib/x.c': '/*\n * See LICENSE for details.\n */\nint x;\n' });
    expect(cased.findings.find((f) => f.file === 'lib/x.c' && f.rule === 'missing-license')).toMatchObject({ message: expect.stringContaining('its header defers to lib/License.txt, which holds MIT'), suggestion: expect.stringContaining('--license MIT lib/x.c') });
    // No LICENSE anywhere above: said so, and no command.
    const none = await lintTree({ ...base, 'src/a.c': tag('PPL'), 'pkg/a.go': go });
    expect(none.findings.find((f) => f.file === 'pkg/a.go' && f.rule === 'missing-license')).toMatchObject({ line: 2, message: expect.stringContaining('defers to a LICENSE file, and there is none in its folder or above'), suggestion: expect.not.stringContaining('farleft apply') });
  });

  it("names the tag a Perl module's POD gives, and says the tag goes at the top of the file", async () => {
    const pm = 'package A;\n1;\n\n=head1 LICENSE\n\nThis module is free software; you can redistribute it and/or modify it\nunder the same terms as Perl itself.\n\n=cut\n';
    const { findings } = await lintTree({ ...base, 'src/a.c': tag('PPL'), 'lib/A.pm': pm });
    expect(findings.find((f) => f.file === 'lib/A.pm' && f.rule === 'missing-license')).toMatchObject({
      line: 6,
      message: expect.stringContaining('its POD names Artistic-1.0-Perl OR GPL-1.0-or-later in prose'),
      suggestion: "Run `farleft apply --license 'Artistic-1.0-Perl OR GPL-1.0-or-later' lib/A.pm`: it adds `SPDX-License-Identifier: Artistic-1.0-Perl OR GPL-1.0-or-later` at the top of the file",
    });
  });

  it('quotes the apply command it suggests where a shell would split it', async () => {
    const header = '# This module is licensed under either of the Apache License, Version 2.0 or the MIT license, at your option.\nimport os\n';
    const r = await lintTree({ ...base, 'src/a.c': tag('PPL'), "src/it's here.py": header, '-x.py': header });
    expect(r.findings.filter((f) => f.rule === 'missing-license').map((f) => f.suggestion)).toEqual([
      "Run `farleft apply --license 'Apache-2.0 OR MIT' ./-x.py`: it adds `SPDX-License-Identifier: Apache-2.0 OR MIT` above the notice",
      "Run `farleft apply --license 'Apache-2.0 OR MIT' 'src/it'\\''s here.py'`: it adds `SPDX-License-Identifier: Apache-2.0 OR MIT` above the notice",
    ]);
  });

  it('applies lint.rules, lint.ignore and failOn', async () => {
    const t = { ...base, 'src/a.c': tag('PPL'), 'src/n.c': '// SPDX-License-Identifier: PPL\n', 'vendor/v.c': 'x\n' };
    const plain = await lintTree(t);
    expect(pairs(plain)).toEqual([
      ['missing-copyright', 'src/n.c'],
      ['missing-copyright', 'vendor/v.c'],
      ['missing-license', 'vendor/v.c'],
    ]);
    expect(plain.verdict).toBe('fail');
    const tuned = await lintTree(t, { rules: { 'missing-license': 'warn', 'missing-copyright': 'off' }, ignore: ['vendor/'] });
    expect(pairs(tuned)).toEqual([]);
    expect(tuned.rules.find((x) => x.id === 'missing-copyright')!.severity).toBe('off');
    const warnOnly = await lintTree(t, { rules: { 'missing-license': 'warn' } });
    expect(warnOnly.verdict).toBe('pass');
    expect((await lintTree(t, { rules: { 'missing-license': 'warn' }, failOn: 'warning' })).verdict).toBe('fail');
  });

  it('lints only the files asked for, with the REUSE.toml and LICENSES/ that license them', async () => {
    const t = {
      ...base,
      'REUSE.toml': 'version = 1\n[[annotations]]\npath = "img/**"\nSPDX-License-Identifier = "PPL"\nSPDX-FileCopyrightText = "2026 C"\n',
      'img/a.bin': new Uint8Array([1, 2, 3]),
      'src/bad.c': 'x\n',
      'src/other-bad.c': 'y\n',
    };
    const r = await lintTree(t, {}, { only: ['img/a.bin', 'src/bad.c'] });
    expect(pairs(r)).toEqual([
      ['missing-copyright', 'src/bad.c'],
      ['missing-license', 'src/bad.c'],
    ]);
    expect(r.summary.files).toBe(2);
  });

  it('is deterministic', async () => {
    const t = { ...base, 'src/b.c': 'x\n', 'src/a.c': tag('MIT'), 'LICENSES/Apache-2.0.txt': licenseText('Apache-2.0') };
    const a = await lintTree(t);
    const b = await lintTree(t);
    expect({ ...a, root: '' }).toEqual({ ...b, root: '' });
  });
});

describe('anchored', () => {
  it.each(['a.c', 'dir/with space.c', 'br[ack]et.c', '!bang.c', '#hash.c', 'star*.c', 'q?.c', 'back\\slash.c'])('matches exactly %s', (path) => {
    const ig = ignore().add(anchored(path));
    expect(ig.ignores(path)).toBe(true);
    expect(ig.ignores(`x/${path}`)).toBe(false);
    expect(ig.ignores(`${path}x`)).toBe(false);
  });
});

describe('dependencies', () => {
  it('reports installed dependencies: incompatible, to review, and what could not be read, on the manifest', async () => {
    const { cpSync, mkdtempSync, renameSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { evaluateLint } = await import('../../src/lint/evaluate.js');
    const { inputOf, DEFAULTS } = await import('./helpers.js');
    const root = mkdtempSync(join(tmpdir(), 'farleft-lint-deps-'));
    roots.push(root);
    cpSync(fileURLToPath(new URL('../../fixtures/deps/npm-basic/', import.meta.url)), root, { recursive: true });
    renameSync(join(root, '_node_modules'), join(root, 'node_modules'));
    const r = evaluateLint(await inputOf(root, { deps: true }), DEFAULTS, { version: 't', root });
    const byRule = (rule: string) => r.findings.filter((f) => f.rule === rule);
    expect(byRule('incompatible').map((f) => [f.file, f.message.split(' is under')[0]])).toContainEqual(['package.json', 'dependency deprecated@1.0.0 (npm)']);
    expect(byRule('needs-review').length).toBeGreaterThan(0);
    expect(byRule('dependency-problem').length).toBeGreaterThan(0);
    // No .gitignore here: the folder the dependencies are installed in is theirs, not the project's files; without the audit it is.
    expect(r.findings.filter((f) => f.file?.startsWith('node_modules/'))).toEqual([]);
    const own = evaluateLint(await inputOf(root, { deps: false }), DEFAULTS, { version: 't', root });
    expect(own.findings.filter((f) => f.file?.startsWith('node_modules/')).length).toBeGreaterThan(0);
    // Not installed: lint goes on and says what it did not check.
    const bare = mkdtempSync(join(tmpdir(), 'farleft-lint-deps-'));
    roots.push(bare);
    cpSync(join(root, 'package.json'), join(bare, 'package.json'));
    const b = evaluateLint(await inputOf(bare, { deps: true }), DEFAULTS, { version: 't', root: bare });
    expect(b.findings.filter((f) => f.rule === 'dependency-problem').map((f) => f.message)).toEqual([expect.stringMatching(/^dependencies were not checked: .*npm ci/)]);
  });
});
