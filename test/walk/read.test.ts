import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanFileTags, scanTags } from '../../src/detect/tag-scan.js';
import { MAX_READ_BYTES, readFileInput } from '../../src/walk/read.js';
import { makeTree, removeTree } from '../helpers.js';

const root = makeTree({});
afterAll(() => removeTree(root));
const write = (name: string, data: string | Uint8Array): string => {
  writeFileSync(join(root, name), data);
  return join(root, name);
};

describe('readFileInput', () => {
  it.each([
    ['plain.txt', Buffer.from('hello\n'), 'text', 'utf-8', 'hello\n'],
    ['bom.txt', Buffer.from('\ufeffSPDX-License-Identifier: MIT\n'), 'text', 'utf-8', 'SPDX-License-Identifier: MIT\n'],
    ['utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a © b\n', 'utf16le')]), 'text', 'utf-16le', 'a © b\n'],
    ['latin1.txt', Buffer.from('# Copyright \xa9 2020 Jos\xe9\n', 'latin1'), 'text', 'latin1', '# Copyright © 2020 José\n'],
    ['nul.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), 'binary', null, ''],
    // Random bytes without a NUL: not UTF-8, and far too many control bytes for Latin-1 text.
    ['random.bin', Buffer.from(Array.from({ length: 600 }, (_, i) => 1 + ((i * 131 + 7) % 255))), 'binary', null, ''],
    ['empty.txt', Buffer.alloc(0), 'text', 'utf-8', ''],
  ])('%s', (name, data, kind, encoding, text) => {
    const f = readFileInput(write(name, data), name);
    expect(f).toMatchObject({ kind, encoding, text, size: data.length, complete: true });
  });

  it('tells UTF-8 that is all ASCII, where no © can be, to the tag search, which still finds every other tag', () => {
    expect(readFileInput(write('ascii.c', '// Copyright 2024 Jo\nint x;\n'), 'ascii.c')).toMatchObject({ encoding: 'utf-8', ascii: true });
    expect(readFileInput(write('utf8.c', '// caf\u00e9\n'), 'utf8.c')).toMatchObject({ encoding: 'utf-8', ascii: false });
    expect(readFileInput(write('latin1.c', Buffer.from('// caf\xe9\n', 'latin1')), 'latin1.c')).toMatchObject({ encoding: 'latin1', ascii: false });
    // A file of exactly one read whose one character beyond ASCII ends it: every byte counts, the last three too.
    const tail = Buffer.concat([Buffer.alloc(MAX_READ_BYTES - 3, 'a'), Buffer.from('\u00a9\n')]);
    expect(readFileInput(write('tail.txt', tail), 'tail.txt')).toMatchObject({ encoding: 'utf-8', ascii: false, complete: true, size: MAX_READ_BYTES });
    const full = Buffer.concat([Buffer.alloc(MAX_READ_BYTES - 12, 'a'), Buffer.from('\n\u00a9 2024 Jo\n')]);
    const f = readFileInput(write('full.txt', full), 'full.txt');
    expect(f).toMatchObject({ encoding: 'utf-8', ascii: false, complete: true, size: MAX_READ_BYTES });
    expect(scanFileTags(f).tags).toMatchObject([{ kind: 'copyright', value: '2024 Jo' }]);
    const g = readFileInput(write('ascii-tags.c', '// SPDX-License-Identifier: MIT\n// COPYRIGHT 2020 Ann\n/* REUSE-IgnoreStart */\n// SPDX-License-Identifier: GPL-2.0-only\n/* REUSE-IgnoreEnd */\n'), 'ascii-tags.c');
    expect(g.ascii).toBe(true);
    expect(scanFileTags(g).tags.map((t) => [t.kind, t.value])).toEqual([['license', 'MIT'], ['copyright', '2020 Ann']]);
  });

  it('reads a file larger than one chunk in bounded chunks, and finds a tag near its end', () => {
    const size = 3 * MAX_READ_BYTES + 123;
    const tail = '\n# SPDX-License-Identifier: MIT\n';
    const body = Buffer.alloc(size - tail.length, 'a');
    for (let i = 80; i < body.length; i += 81) body[i] = 10; // lines of 80 characters
    const path = write('big.txt', Buffer.concat([body, Buffer.from(tail)]));
    const f = readFileInput(path, 'big.txt');
    expect(f.complete).toBe(false);
    expect(f.size).toBe(size);
    expect(Buffer.byteLength(f.text)).toBe(MAX_READ_BYTES);
    const chunks = [...f.rest()];
    expect(chunks.length).toBe(3);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(MAX_READ_BYTES);
    expect(scanTags(f.text, chunks).tags).toMatchObject([{ kind: 'license', value: 'MIT' }]);
  });

  it('throws the fs error for a file that vanished', () => {
    expect(() => readFileInput(join(root, 'missing.txt'), 'missing.txt')).toThrow(/ENOENT/);
  });
});
