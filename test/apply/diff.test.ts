import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/apply/diff.js';
import { makeTree, removeTree } from '../helpers.js';

const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));
const hasPatch = spawnSync('patch', ['--version']).status === 0;

const CASES: [string, string | null, string][] = [
  ['an insertion at the top', 'a\nb\nc\nd\ne\nf\n', 'H1\nH2\n\na\nb\nc\nd\ne\nf\n'],
  ['an insertion after a shebang in a file without a final newline', '#!/bin/sh', '#!/bin/sh\n\n# H'],
  ['two changes far apart', `${Array.from({ length: 30 }, (_, i) => `l${i}`).join('\n')}\n`, `X\n${Array.from({ length: 30 }, (_, i) => (i === 25 ? 'changed' : `l${i}`)).join('\n')}\n`],
  ['a line changed in place', '# SPDX-FileCopyrightText: 2020 Jo\nx\n', '# SPDX-FileCopyrightText: 2020, 2026 Jo\nx\n'],
  ['CRLF lines', 'a\r\nb\r\n', 'h\r\n\r\na\r\nb\r\n'],
  ['a new file', null, 'SPDX-License-Identifier: PPL\n'],
];

describe('unified diffs', () => {
  it('is empty when nothing changes', () => {
    expect(unifiedDiff('a', 'x\n', 'x\n')).toBe('');
  });

  it('writes hunk headers as diff -u does', () => {
    expect(unifiedDiff('a.py', 'x = 1\n', '# H\n\nx = 1\n')).toBe('--- a/a.py\n+++ b/a.py\n@@ -1 +1,3 @@\n+# H\n+\n x = 1\n');
    expect(unifiedDiff('n', null, 'one\n')).toBe('--- /dev/null\n+++ b/n\n@@ -0,0 +1 @@\n+one\n');
    expect(unifiedDiff('s', 'a', 'a\nb')).toBe('--- a/s\n+++ b/s\n@@ -1 +1,2 @@\n-a\n\\ No newline at end of file\n+a\n+b\n\\ No newline at end of file\n');
  });

  it.skipIf(!hasPatch)('gives patches that patch(1) applies to the exact result', () => {
    for (const [what, before, after] of CASES) {
      const root = makeTree({});
      roots.push(root);
      const file = join(root, 'sub', 'f.txt');
      mkdirSync(dirname(file), { recursive: true });
      if (before !== null) writeFileSync(file, before);
      const r = spawnSync('patch', ['-p1', '--quiet', '--binary'], { cwd: root, input: unifiedDiff('sub/f.txt', before, after), encoding: 'utf8' });
      expect(r.status, `${what}: ${r.stdout}${r.stderr}`).toBe(0);
      expect(readFileSync(file, 'utf8'), what).toBe(after);
    }
  });
});
