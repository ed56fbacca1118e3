// lint --reuse against the REUSE 3.3 criteria, and against reuse-tool itself where it is
// installed (Debian 12's reuse 1.1.2 predates REUSE.toml: compared on trees without one).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsesAsExpression } from '../../src/detect/reuse-read.js';
import { checkReuse, licenseKeys } from '../../src/lint/reuse.js';
import type { Tree } from '../helpers.js';
import { removeTree } from '../helpers.js';
import { inputOf, licenseText, reuseTree, roots, tree } from './helpers.js';

afterAll(() => roots.forEach(removeTree));

// FARLEFT_REUSE_TOOL names another reuse-tool to compare with (a newer one than Debian 12's, say: Debian 13's 5.0.2).
const REUSE = process.env.FARLEFT_REUSE_TOOL ?? '/usr/bin/reuse';
const HAS_REUSE = existsSync(REUSE);
/** reuse-tool before 3.0.1 (Debian 12's 1.1.2) also read REUSE information in binary files' contents; lint --reuse does as 3.0.1 and later do. */
const REUSE_READS_BINARIES = HAS_REUSE && olderThan(/(\d+)\.(\d+)\.(\d+)/.exec(spawnSync(REUSE, ['--version'], { encoding: 'utf8' }).stdout ?? ''), [3, 0, 1]);

function olderThan(version: RegExpExecArray | null, than: readonly number[]): boolean {
  if (!version) return false;
  for (let k = 0; k < than.length; k++) {
    const v = Number(version[k + 1]);
    if (v !== than[k]) return v < than[k]!;
  }
  return false;
}
const GEN_TREE = join(import.meta.dirname, '..', '..', '..', 'shared', 'tools', 'gen-tree.mjs');

const MEDIA = join(process.cwd(), 'fixtures', 'media');
const tag = (expr: string, holder = '2026 Example Collective'): string => `# SPDX-FileCopyrightText: ${holder}\n# SPDX-License-Identifier: ${expr}\nx = 1\n`;

/** reuse-tool's summary, as `key: value` lines (the keys both tools print). */
function summaryOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const at = text.indexOf('# SUMMARY');
  // (Up to the next heading: reuse-tool 3.0 and later print RECOMMENDATIONS after it.)
  const next = text.indexOf('\n# ', at + 1);
  for (const line of text.slice(at, next < 0 ? text.length : next).split('\n')) {
    const m = /^\* ([^:]+):\s*(.*)$/.exec(line);
    // A list in sorted order: reuse-tool 5 prints it in the order of a Python set (another each run).
    if (m) out[m[1]!] = m[2]!.trim() === '' ? '0' : m[2]!.includes(', ') ? m[2]!.trim().split(', ').sort().join(', ') : m[2]!.trim();
  }
  return out;
}

async function farleftSummary(root: string): Promise<{ summary: Record<string, string>; compliant: boolean }> {
  const { reuseLintResult } = await import('../../src/lint/reuse.js');
  const { renderReuse } = await import('../../src/report/lint/reuse-text.js');
  const { Chalk } = await import('chalk');
  const r = reuseLintResult(await inputOf(root, { asReuse: true }), { rules: {}, ignore: [], failOn: 'error' }, { version: 't', root });
  return { summary: summaryOf(renderReuse(r.reuse!, new Chalk({ level: 0 }))), compliant: r.reuse!.compliant };
}

function reuseToolSummary(root: string): { summary: Record<string, string>; compliant: boolean; stdout: string } {
  const r = spawnSync(REUSE, ['--root', root, 'lint'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const summary = summaryOf(r.stdout);
  delete summary['Invalid SPDX License Expressions'];
  return { summary, compliant: r.status === 0, stdout: r.stdout };
}

describe('REUSE 3.3 criteria', () => {
  it("reads nothing in a binary file (reuse-tool 3.0.1 and later): not the tags among its bytes, not a colour profile's notice", async () => {
    const { reuseLintResult } = await import('../../src/lint/reuse.js');
    const root = tree({
      'LICENSES/MIT.txt': licenseText('MIT'),
      'a.py': tag('MIT'),
      'blob.bin': Buffer.from('\0\x01\x02\0SPDX-License-Identifier: MIT\0SPDX-FileCopyrightText: 2026 Example Collective\0\xff', 'latin1'),
      'cover.jpg': readFileSync(join(MEDIA, 'cc-by-sa.jpg')),
    });
    const r = reuseLintResult(await inputOf(root, { asReuse: true }), { rules: {}, ignore: [], failOn: 'error' }, { version: 't', root });
    expect(r.reuse).toMatchObject({ files: 3, filesWithoutLicenses: ['blob.bin', 'cover.jpg'], filesWithoutCopyright: ['blob.bin', 'cover.jpg'], compliant: false });
  });

  it('calls a complete project compliant', async () => {
    const r = await reuseTree({ 'LICENSES/MIT.txt': licenseText('MIT'), 'a.py': tag('MIT'), 'img.bin': new Uint8Array([0, 1]), 'img.bin.license': tag('MIT') });
    expect(r.reuse!.compliant).toBe(true);
    expect(r.verdict).toBe('pass');
    expect(r.findings).toEqual([]);
    expect(r.reuse!.files).toBe(2);
  });

  it.each<[string, Tree, Partial<Record<string, unknown>>]>([
    ['a license without its text is missing', { 'a.py': tag('MIT') }, { missingLicenses: { MIT: ['a.py'] } }],
    ['a text nobody uses is unused; X+ uses X', { 'LICENSES/MIT.txt': 'x', 'LICENSES/GPL-2.0.txt': 'x', 'a.py': tag('GPL-2.0+') }, { unusedLicenses: ['MIT'], usedLicenses: ['GPL-2.0+'] }],
    ['an id as written, not as farleft normalizes it', { 'LICENSES/MIT.txt': 'x', 'a.py': tag('mit') }, { badLicenses: { mit: ['a.py'] }, missingLicenses: { mit: ['a.py'] }, unusedLicenses: ['MIT'] }],
    ['an unknown LicenseRef is bad and missing', { 'a.py': tag('LicenseRef-Ours') }, { badLicenses: { 'LicenseRef-Ours': ['a.py'] }, missingLicenses: { 'LicenseRef-Ours': ['a.py'] } }],
    ['a LicenseRef with a text is fine', { 'LICENSES/LicenseRef-Ours.md': 'x', 'a.py': tag('LicenseRef-Ours') }, { badLicenses: {}, missingLicenses: {}, compliant: true }],
    ['a text named after no license is bad', { 'LICENSES/Foo.txt': 'x', 'a.py': tag('Foo') }, { badLicenses: { Foo: ['LICENSES/Foo.txt', 'a.py'] } }],
    ['a deprecated name, an extensionless text', { 'LICENSES/GPL-3.0.txt': 'x', 'LICENSES/MIT': 'x', 'a.py': tag('GPL-3.0 AND MIT') }, { deprecatedLicenses: ['GPL-3.0'], licensesWithoutExtension: { MIT: 'LICENSES/MIT' } }],
    // reuse-tool reads GFDL-1.1 whole: `.1` is no extension, for GFDL-1 is no id (Linux's LICENSES/deprecated/).
    [
      'a name with a dot that is an id is extensionless; an unknown one is bad',
      { 'LICENSES/GFDL-1.1': 'x', 'LICENSES/ISC': 'x', 'LICENSES/Foo': 'x', 'LICENSES/Bar.1': 'x', 'a.py': tag('GFDL-1.1 OR ISC') },
      { deprecatedLicenses: ['GFDL-1.1'], licensesWithoutExtension: { 'GFDL-1.1': 'LICENSES/GFDL-1.1', ISC: 'LICENSES/ISC' }, badLicenses: { Bar: ['LICENSES/Bar.1'], Foo: ['LICENSES/Foo'] }, missingLicenses: {}, unusedLicenses: ['Bar', 'Foo'] },
    ],
    ['an exception is used and needs its text', { 'LICENSES/GPL-2.0-or-later.txt': 'x', 'a.py': tag('GPL-2.0-or-later WITH Classpath-exception-2.0') }, { missingLicenses: { 'Classpath-exception-2.0': ['a.py'] } }],
    ['dep5 licenses what it matches', { 'LICENSES/MIT.txt': 'x', '.reuse/dep5': 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: data/*\nCopyright: 2026 C\nLicense: MIT\n', 'data/x.csv': '1,2\n' }, { filesWithoutLicenses: [], filesWithoutCopyright: [], compliant: true }],
    ['a tag naming no known license is a bad license, not an invalid expression', { 'a.py': tag('Foo OR MIT'), 'LICENSES/MIT.txt': 'x' }, { badLicenses: { Foo: ['a.py'] }, missingLicenses: { Foo: ['a.py'] }, invalidExpressions: [], filesWithoutLicenses: [] }],
    ['REUSE.toml licenses what it matches', { 'LICENSES/MIT.txt': 'x', 'REUSE.toml': 'version = 1\n[[annotations]]\npath = "data/**"\nSPDX-License-Identifier = "MIT"\nSPDX-FileCopyrightText = "2026 C"\n', 'data/x.csv': '1,2\n' }, { filesWithoutLicenses: [], files: 1, compliant: true }],
    [
      "a REUSE.toml override hides the file's own tags, a bad one too",
      {
        'LICENSES/CC0-1.0.txt': 'x',
        'REUSE.toml': 'version = 1\n[[annotations]]\npath = "form.ui"\nprecedence = "override"\nSPDX-FileCopyrightText = "2016 Jane"\nSPDX-License-Identifier = "CC0-1.0"\n',
        'form.ui': '<ui>\n <legal>Copyright (C) 2016 Jane\nSPDX-License-Identifier: GPL-3.0-only</legal>\n</ui>\n',
      },
      { badLicenses: {}, missingLicenses: {}, invalidExpressions: [], usedLicenses: ['CC0-1.0'], compliant: true },
    ],
    ["a .license file hides the file's own tags, a bad one too", { 'LICENSES/MIT.txt': 'x', 'a.py': tag('Foo OR'), 'a.py.license': tag('MIT') }, { badLicenses: {}, invalidExpressions: [], compliant: true }],
    // Checked against Debian's reuse 1.1.2 and reuse 5.0.2 (U-Boot has both kinds: `GPL-2.0+ BSD-3-Clause`, `GPL 2.0+`).
    ['words without an operator are one bad license', { 'LICENSES/MIT.txt': 'x', 'a.py': tag('MIT Apache'), 'b.py': tag('GPL 2.0+ OR MIT') }, { badLicenses: { 'GPL 2.0+': ['b.py'], 'MIT Apache': ['a.py'] } }],
    ['an invalid expression is reported, and the file has no license', { 'LICENSES/MIT.txt': 'x', 'a.py': tag('MIT OR'), 'b.py': tag('MIT') }, { filesWithoutLicenses: ['a.py'], invalidExpressions: [expect.objectContaining({ file: 'a.py', line: 2 })] }],
  ])('%s', async (_, t, expected) => {
    const root = tree(t);
    const r = checkReuse(await inputOf(root));
    expect(r).toMatchObject({ compliant: false, ...expected });
  });

  // reuse-tool skips a file with a tag it cannot parse: its copyright and its other tags count no more, but a REUSE.toml's
  // annotation still does (checked with reuse-tool 5.0.2). farleft's own lint keeps the file's notice, and reports the tag.
  it("a tag reuse-tool cannot parse leaves the file with nothing of its own, as reuse-tool reads it; REUSE.toml's still counts", async () => {
    const root = tree({
      'LICENSES/MIT.txt': 'x',
      'REUSE.toml': 'version = 1\n[[annotations]]\npath = "d.py"\nSPDX-License-Identifier = "MIT"\nSPDX-FileCopyrightText = "2026 Toml Coop"\n',
      'b.py': tag('Foo OR MIT'),
      'c.py': `${tag('MIT OR')}# SPDX-License-Identifier: Foo\n`,
      'd.py': '# SPDX-FileCopyrightText: 2020 Jo\nx = "SPDX-License-Identifier: MIT"\n',
    });
    expect(checkReuse(await inputOf(root, { asReuse: true }))).toMatchObject({ badLicenses: { Foo: ['b.py'] }, filesWithoutLicenses: ['c.py'], filesWithoutCopyright: ['c.py'] });
    expect(checkReuse(await inputOf(root))).toMatchObject({ filesWithoutLicenses: ['c.py'], filesWithoutCopyright: [] });
  });

  // reuse-tool takes "Copyright" and a word anywhere in a line of a file's first 4 KiB for a notice (libxml2's "See
  // Copyright for the status of this software", 213 files); not past those 4 KiB, nor in an ignored block. lint --reuse
  // counts as reuse-tool does; farleft's own reading takes none of them.
  it('counts a "Copyright" anywhere in a line of the first 4 KiB as a copyright notice, as reuse-tool does', async () => {
    const root = tree({
      'LICENSES/MIT.txt': 'x',
      'a.c': '/*\n * SPDX-License-Identifier: MIT\n */\n/* See Copyright for the status of this software. */\n',
      'b.c': `/*\n * SPDX-License-Identifier: MIT\n */\n${'int x;\n'.repeat(700)}/* See Copyright for the status of this software. */\n`,
      'c.c': '/*\n * SPDX-License-Identifier: MIT\n */\n/* REUSE-IgnoreStart */\n/* See Copyright for the status of this software. */\n/* REUSE-IgnoreEnd */\n',
    });
    expect(checkReuse(await inputOf(root, { asReuse: true })).filesWithoutCopyright).toEqual(['b.c', 'c.c']);
    expect(checkReuse(await inputOf(root)).filesWithoutCopyright).toEqual(['a.c', 'b.c', 'c.c']);
  });

  // And no more than reuse-tool: its "Copyright" is capitalised and followed by a space (libpng's "copyright (C) 1999 by
  // Willem van Schaik" and "# Copyright: (c) John Bowler, 2013" are none to it), which farleft's own reading takes.
  it('takes no copyright notice reuse-tool would not', async () => {
    const root = tree({
      'LICENSES/MIT.txt': 'x',
      'a.c': '/*\n *  copyright (C) 1999-2019 by Willem van Schaik\n * SPDX-License-Identifier: MIT\n */\n',
      'b.dfa': '# Copyright: (c) John Bowler, 2013\n# SPDX-License-Identifier: MIT\n',
      'c.c': '/* Copyright (C) 2020 Jo */\n/* SPDX-License-Identifier: MIT */\n',
    });
    expect(checkReuse(await inputOf(root, { asReuse: true })).filesWithoutCopyright).toEqual(['a.c', 'b.dfa']);
    expect(checkReuse(await inputOf(root)).filesWithoutCopyright).toEqual([]);
  });

  // reuse-tool reads a file's tags in its first 4 KiB only, unless it holds a snippet (checked with Debian's reuse
  // 1.1.2: a tag after 6 KB of code leaves the file without licensing); farleft's own reading takes the whole file.
  it('reads tags in the first 4 KiB of a text file only, as reuse-tool does, unless it holds a snippet', async () => {
    const late = `${'x = 1\n'.repeat(1000)}${tag('MIT')}`;
    const root = tree({ 'LICENSES/MIT.txt': 'x', 'early.py': tag('MIT'), 'late.py': late, 'snippet.py': `# SPDX-SnippetBegin\n${late}# SPDX-SnippetEnd\n` });
    expect(checkReuse(await inputOf(root, { asReuse: true })).filesWithoutLicenses).toEqual(['late.py']);
    expect(checkReuse(await inputOf(root)).filesWithoutLicenses).toEqual([]);
  });

  it.each([
    ['MIT', true],
    ['Foo OR (mit and GPL-2.0+ WITH x)', true],
    ['MIT/Apache', false], // reuse-tool (1.1.2 and 5.0.2) cannot parse it, and skips the file
    ['\\s-1MIT\\s0', false], // nroff's small capitals, in Perl's podlators test data
    ['MIT WITH Some exception', true], // an exception symbol with spaces, as a license symbol may have
    ['LicenseRef-Émile OR +MIT.x:y_z', true],
    ['MIT WITH a WITH b', false],
    ['(MIT) WITH x', false],
    ['MIT OR', false],
    ['(MIT', false],
    ['MIT Apache', true], // one license symbol with a space, as reuse-tool's parser reads it (a bad license)
    ['GPL 2.0+ OR BSD-2-Clause', true],
    ['WITH x', false],
    ['', false],
  ])('%s parses as a REUSE expression: %s', (value, ok) => {
    expect(parsesAsExpression(value)).toBe(ok);
  });

  it.each([
    ['MIT', ['MIT']],
    ['(MIT OR Apache-2.0) AND GPL-2.0-or-later WITH Classpath-exception-2.0', ['MIT', 'Apache-2.0', 'GPL-2.0-or-later', 'Classpath-exception-2.0']],
    ['GPL-2.0+ or mit', ['GPL-2.0+', 'mit']],
    ['GPL 2.0+ OR (GPL-2.0+ BSD-3-Clause)', ['GPL 2.0+', 'GPL-2.0+ BSD-3-Clause']],
  ])('license keys of %s', (expression, keys) => {
    expect(licenseKeys(expression)).toEqual(keys);
  });
});

describe.skipIf(!HAS_REUSE)(`the same summary as reuse-tool (${REUSE})`, () => {
  const trees: [string, Tree][] = [
    ['compliant', { 'LICENSES/MIT.txt': licenseText('MIT'), 'a.py': tag('MIT'), 'b.bin': new Uint8Array([0, 1, 2]), 'b.bin.license': tag('MIT') }],
    ['missing, unused, bad, deprecated, extensionless', { 'LICENSES/Apache-2.0.txt': 'x', 'LICENSES/GPL-3.0.txt': 'x', 'LICENSES/ISC': 'x', 'LICENSES/Nope.txt': 'x', 'a.py': tag('MIT OR GPL-3.0'), 'b.py': tag('LicenseRef-Ours AND ISC'), 'c.py': 'print(1)\n', 'd.py': '# SPDX-License-Identifier: Apache-2.0\n' }],
    ['dep5 and sidecars', { 'LICENSES/CC0-1.0.txt': 'x', 'LICENSES/MIT.txt': 'x', '.reuse/dep5': 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: data/*\nCopyright: 2026 Data Coop\nLicense: CC0-1.0\n', 'data/a.csv': '1\n', 'data/b.csv': tag('MIT'), 'img.png.license': tag('MIT'), 'img.png': new Uint8Array([137, 80, 78, 71]), 'LICENSE': 'see LICENSES\n', 'empty.txt': '' }],
  ];
  it.each(trees)('%s', async (_, t) => {
    const root = tree(t);
    const theirs = reuseToolSummary(root);
    const ours = await farleftSummary(root);
    expect(ours.summary).toMatchObject(theirs.summary);
    expect(ours.compliant).toBe(theirs.compliant);
  });

  // A photo and a font that carry their copyright in metadata, licensed by sidecars that name no holder:
  // REUSE reads the sidecar alone, and neither the metadata nor (since reuse-tool 3.0.1) a binary's bytes.
  const media: Tree = {
    'LICENSES/CC-BY-SA-4.0.txt': licenseText('CC-BY-SA-4.0'),
    'LICENSES/OFL-1.1.txt': licenseText('OFL-1.1'),
    'photo.jpg': readFileSync(join(MEDIA, 'cc-by-sa.jpg')),
    'photo.jpg.license': 'SPDX-License-Identifier: CC-BY-SA-4.0\n',
    'font.ttf': readFileSync(join(MEDIA, 'ofl.ttf')),
    'font.ttf.license': 'SPDX-License-Identifier: OFL-1.1\n',
    'cover.jpg': readFileSync(join(MEDIA, 'cc-by-sa.jpg')),
    'title.ttf': readFileSync(join(MEDIA, 'ofl.ttf')),
  };

  it.skipIf(REUSE_READS_BINARIES)('media metadata is not REUSE information, nor are the bytes of a binary file', async () => {
    const root = tree(media);
    const theirs = reuseToolSummary(root);
    const ours = await farleftSummary(root);
    expect(ours.summary).toMatchObject(theirs.summary);
    expect(ours.summary['Files with copyright information']).toBe('0 / 4');
  });

  it.skipIf(!existsSync(GEN_TREE))('on a gen-tree tree: the same verdict and the same counts', async () => {
    const out = tree({});
    const gen = spawnSync(process.execPath, [GEN_TREE, out, '--files', '1500', '--seed', '7'], { encoding: 'utf8' });
    expect(gen.status, gen.stderr).toBe(0);
    const root = join(out, 'tree');
    const theirs = reuseToolSummary(root);
    const ours = await farleftSummary(root);
    // Every line reuse-tool prints agrees (newer reuse-tool also prints invalid expressions, as farleft does).
    expect(ours.summary).toMatchObject(theirs.summary);
    expect(ours.compliant).toBe(theirs.compliant);
  }, 120_000);
});
