// FileInput.readRange, the bounded read past the first MiB that the media readers use.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_READ_BYTES, RANGE_BUDGET_BYTES, RANGE_BUDGET_READS, readFileInput } from '../../../src/walk/read.js';
import { makeTree, removeTree } from '../../helpers.js';

const root = makeTree({});
afterAll(() => removeTree(root));

describe('readRange', () => {
  const size = 4 * MAX_READ_BYTES;
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4096) bytes.writeUInt32BE(i, i);
  writeFileSync(join(root, 'big.bin'), bytes);

  it('reads bytes anywhere in the file, clipped at its end', () => {
    const f = readFileInput(join(root, 'big.bin'), 'big.bin');
    expect(f.bytes.length).toBe(MAX_READ_BYTES);
    expect(Buffer.from(f.readRange!(3 * MAX_READ_BYTES, 8)).readUInt32BE(0)).toBe(3 * MAX_READ_BYTES);
    expect(f.readRange!(size - 4, 100).length).toBe(4);
    expect(f.readRange!(size + 10, 100).length).toBe(0);
  });

  it('stops at its byte budget', () => {
    const f = readFileInput(join(root, 'big.bin'), 'big.bin');
    expect(f.readRange!(0, size).length).toBe(RANGE_BUDGET_BYTES);
    expect(f.readRange!(0, 10).length).toBe(0);
  });

  it('stops at its call budget', () => {
    const f = readFileInput(join(root, 'big.bin'), 'big.bin');
    for (let i = 0; i < RANGE_BUDGET_READS; i++) expect(f.readRange!(i * 4096, 4).length).toBe(4);
    expect(f.readRange!(0, 4).length).toBe(0);
  });

  it('gives nothing for a file deleted after the first read', () => {
    writeFileSync(join(root, 'gone.bin'), Buffer.alloc(2 * MAX_READ_BYTES, 1));
    const f = readFileInput(join(root, 'gone.bin'), 'gone.bin');
    removeTree(join(root, 'gone.bin'));
    expect(f.readRange!(MAX_READ_BYTES, 10).length).toBe(0);
  });
});
