// The project stage on real trees: its license, and a manifest against the license texts beside it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import { spdxText } from '../detect/license-text/corpus.js';
import { makeTree, removeTree } from '../helpers.js';

const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));

async function scanTree(tree: Parameters<typeof makeTree>[0]) {
  const root = makeTree(tree);
  roots.push(root);
  return scan({ root, gitignore: false, exclude: [], include: [], followSymlinks: false, minConfidence: 0.9, config: null, version: 'test', jobs: 1 });
}

async function conflicts(tree: Parameters<typeof makeTree>[0]): Promise<string[]> {
  return (await scanTree(tree)).problems.filter((p) => p.code === 'declared-conflict').map((p) => `${p.file}:${p.line} ${p.message}`);
}

const bsd2 = spdxText('BSD-2-Clause').replace('<year>', '2005').replace('<owner>', 'Jo');
const metadata = (fields: string) => `Metadata-Version: 2.2\nName: decorator\nVersion: 5.2.1\n${fields}`;

describe('a manifest against the license text beside it', () => {
  it("checks a METADATA's License field, not a classifier's guess beside it (decorator's)", async () => {
    // "BSD License" names no clause count: read as BSD-3-Clause, less surely than the field.
    const dist = { 'METADATA': metadata('License: BSD-2-Clause\nClassifier: License :: OSI Approved :: BSD License\n'), 'LICENSE.txt': bsd2 };
    expect(await conflicts({ 'decorator-5.2.1.dist-info': dist })).toEqual([]);
    // The field itself is still checked.
    const wrong = { 'METADATA': metadata('License: MIT\nClassifier: License :: OSI Approved :: BSD License\n'), 'LICENSE.txt': bsd2 };
    expect(await conflicts({ 'decorator-5.2.1.dist-info': wrong })).toEqual([expect.stringMatching(/^decorator-5\.2\.1\.dist-info\/METADATA:4 .*declares MIT, but .*LICENSE\.txt:\d+ is the text of BSD-2-Clause/)]);
  });
});

describe("the project's declared license against its files' licenses", () => {
  const zlib = spdxText('Zlib');
  it('is a conflict when every licensed file says another license, named once for one file', async () => {
    expect(await conflicts({ 'LICENSE': zlib, 'a.c': '// SPDX-License-Identifier: MIT\nint a;\n' })).toEqual([expect.stringMatching(/the project is declared Zlib \(LICENSE:\d+\), but no file is under it: a\.c says MIT$/)]);
    expect(await conflicts({ 'LICENSE': zlib, 'a.c': '// SPDX-License-Identifier: MIT\n', 'b.c': '// SPDX-License-Identifier: MIT\n' })).toEqual([expect.stringMatching(/no file is under it: 2 files say MIT \(e\.g\. a\.c\)$/)]);
  });

  // HarfBuzz: 231 test fonts whose notices reserve all rights, among source files without a tag, under COPYING's license.
  it('is none when the files under another license are fewer than those that say nothing, which the declared license covers', async () => {
    const untagged = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`src/f${i}.c`, 'int x;\n']));
    const vendored = { 'third_party/a.c': '// SPDX-License-Identifier: MIT\n', 'third_party/b.c': '// SPDX-License-Identifier: MIT\n' };
    expect(await conflicts({ 'LICENSE': zlib, ...untagged, ...vendored })).toEqual([]);
    // As many as say nothing, or more: the files contradict it.
    expect(await conflicts({ 'LICENSE': zlib, 'src/f0.c': 'int x;\n', 'src/f1.c': 'int x;\n', ...vendored })).toEqual([expect.stringMatching(/no file is under it: 2 files say MIT/)]);
  });

  // Font Awesome 4.7's fonts name their license by a URL farleft cannot read: NOASSERTION, under no other license.
  it('is none when the only files with a license say NOASSERTION: each is reported on its own', async () => {
    const svg = readFileSync(fileURLToPath(new URL('../../fixtures/media/inkscape.svg', import.meta.url)), 'utf8').replace('http://creativecommons.org/licenses/by-sa/3.0/de/', 'http://fontawesome.io/license/');
    const result = await scanTree({ 'LICENSE': zlib, 'icon.svg': svg });
    expect(result.files.filter((f) => f.covered && f.license !== null).map((f) => f.license)).toEqual(['NOASSERTION']);
    expect(result.problems.filter((p) => p.code === 'declared-conflict')).toEqual([]);
  });
});

describe("the project's license from its root license files", () => {
  const texts = { 'LICENSE-MIT': spdxText('MIT').replace('<year> <copyright holders>', '2020 Jo'), 'LICENSE-APACHE': spdxText('Apache-2.0') };
  const readme = (license: string) => `# foo\n\nA crate.\n\n## License\n\n${license}\n`;

  it('joins them with OR where the README offers them as a choice (the Rust layout), with AND elsewhere', async () => {
    const either = readme('Licensed under either of\n\n * Apache License, Version 2.0 ([LICENSE-APACHE](LICENSE-APACHE))\n * MIT license ([LICENSE-MIT](LICENSE-MIT))\n\nat your option.');
    expect((await scanTree({ ...texts, 'README.md': either })).project.license).toBe('Apache-2.0 OR MIT');
    // No README, or one that names another set of licenses: the texts, all of them.
    expect((await scanTree(texts)).project.license).toBe('Apache-2.0 AND MIT');
    expect((await scanTree({ ...texts, 'README.md': readme('Licensed under either the MIT license or the ISC license.') })).project.license).toBe('Apache-2.0 AND MIT');
  });

  it("takes a GNU license's versions from the README where the text has none (COPYING holds the GPL's text)", async () => {
    const copying = { COPYING: spdxText('GPL-3.0-only') };
    const later = readme('This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version.');
    expect((await scanTree({ ...copying, 'README.md': later })).project.license).toBe('GPL-3.0-or-later');
    expect((await scanTree(copying)).project.license).toBe('GPL-3.0-only');
  });
});
