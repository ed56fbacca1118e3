import { describe, expect, it } from 'vitest';
import { makeBatches } from '../src/pipeline/batches.js';
import { FileRunner } from '../src/pipeline/run.js';
import { testCatalog, treeMaker } from './helpers.js';

const tree = treeMaker();

describe('makeBatches', () => {
  it('cuts at the size, never between a file and its sidecar', () => {
    const paths = ['a.png', 'a.png.bak', 'a.png.license', 'b.txt', 'c.jpg', 'c.jpg.license', 'd', 'e'];
    const batches = makeBatches(paths, 1);
    expect(batches.flat()).toEqual(paths);
    expect(batches).toEqual([['a.png', 'a.png.bak', 'a.png.license'], ['b.txt'], ['c.jpg', 'c.jpg.license'], ['d'], ['e']]);
    expect(makeBatches(paths, 3).map((b) => b.length)).toEqual([3, 3, 2]);
    expect(makeBatches([], 3)).toEqual([]);
  });

  it('keeps .xmp sidecars with their photo, in both spellings', () => {
    const paths = ['a.jpg', 'a.jpg.xmp', 'b.cr2', 'b.jpg', 'b.xmp', 'c'];
    expect(makeBatches(paths, 1)).toEqual([['a.jpg', 'a.jpg.xmp'], ['b.cr2', 'b.jpg', 'b.xmp'], ['c']]);
  });

  it('keeps an orphan sidecar where it falls', () => {
    expect(makeBatches(['x.license', 'y', 'z'], 1)).toEqual([['x.license'], ['y'], ['z']]);
  });
});

describe('FileRunner', () => {
  const files = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}.c`, i % 2 ? '// SPDX-License-Identifier: MIT\n' : 'int x;\n']));

  it('runs in this thread when no worker module is built, unless threads were asked for', async () => {
    // From the TypeScript sources there is no compiled worker: the default quietly stays on one thread...
    const root = tree(files);
    const paths = Object.keys(files).sort();
    const runner = new FileRunner(testCatalog(), { minConfidence: 0.9 });
    runner.found(paths.length);
    const result = await runner.run(root, paths);
    expect(result.reports.map((r) => r.license)).toEqual(paths.map((p) => (Number(p.slice(1, -2)) % 2 ? 'MIT' : null)));
    // ...but --jobs 2 says what is missing instead of ignoring it.
    await expect(new FileRunner(testCatalog(), { minConfidence: 0.9, jobs: 2 }).run(root, paths)).rejects.toThrow(/--jobs 2: the worker module .*cli\/worker-entry\.cjs is missing/);
  });
});

describe('orphan sidecars', () => {
  it('reports a sidecar whose file is missing, not one whose file is there but not walked', async () => {
    const root = tree({ img: { 'cat.jpg': '\u0000jpg', 'cat.jpg.license': 'SPDX-License-Identifier: MIT\n', 'dog.png.license': 'SPDX-License-Identifier: MIT\n' }, '.license': 'x\n', 'b.txt.license': 'x\n', 'a.license.license': 'x\n', 'kept.tmp': 'x\n', 'kept.tmp.license': 'x\n' });
    // kept.tmp is on disk, as an ignored or excluded file is, but not among the files given.
    const paths = ['.license', 'a.license.license', 'b.txt.license', 'img/cat.jpg', 'img/cat.jpg.license', 'img/dog.png.license', 'kept.tmp.license'];
    const result = await new FileRunner(testCatalog(), { minConfidence: 0.9 }).run(root, paths);
    expect(result.problems.filter((p) => p.code === 'orphan-sidecar').map((p) => p.file)).toEqual(['a.license.license', 'b.txt.license', 'img/dog.png.license']);
  });
});

describe('reading', () => {
  it("notes a text file that is not UTF-8, but not a PDF or an EPS, which are bytes whatever Git's rule says", async () => {
    const latin1 = Buffer.from('/* SPDX-License-Identifier: MIT */\n/* caf\xe9 */\n', 'latin1');
    const pdf = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n%%EOF\n', 'latin1');
    const root = tree({ 'a.c': latin1, 'b.pdf': pdf, 'c.eps': Buffer.from('%!PS-Adobe-3.0 EPSF-3.0\n%\xa9 Jo\n', 'latin1') });
    const result = await new FileRunner(testCatalog(), { minConfidence: 0.9 }).run(root, ['a.c', 'b.pdf', 'c.eps']);
    expect(result.reports.map((r) => r.kind)).toEqual(['text', 'text', 'text']);
    expect(result.problems.filter((p) => p.code === 'not-utf8').map((p) => p.file)).toEqual(['a.c']);
  });
});
