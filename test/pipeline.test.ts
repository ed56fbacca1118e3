import { describe, expect, it } from 'vitest';
import { makeBatches } from '../src/pipeline/batches.js';

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
