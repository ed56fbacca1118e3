// Helpers for the apply tests: run the pipeline on a temp tree, hash a tree, and check that
// a file is its old self with one block of whole lines inserted (and nothing else changed).
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { apply, type ApplyOptions } from '../../src/apply/index.js';
import type { ApplyResult } from '../../src/apply/types.js';
import { testCatalog } from '../helpers.js';

export const COPYRIGHT = '2026 Example Collective';

/** Runs apply on `root` (as if from inside it) with PPL and the test copyright unless told otherwise. */
export function applyTo(root: string, options: Partial<ApplyOptions> = {}): Promise<ApplyResult> {
  return apply({
    paths: ['.'],
    license: 'PPL',
    copyright: [COPYRIGHT],
    sidecar: false,
    fallbackSidecar: false,
    replace: false,
    allowUnknown: false,
    licenseTexts: [],
    reuseToml: false,
    dryRun: false,
    embed: false,
    backup: false,
    writeSidecars: true,
    verify: true,
    gitignore: true,
    exclude: [],
    include: [],
    config: null,
    version: 'test',
    catalog: testCatalog(),
    cwd: root,
    ...options,
  });
}

/** path -> sha256 of the content (or link target) and the mode, for every entry under root. */
export function hashTree(root: string, dir = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(root, dir)).sort()) {
    const rel = dir ? `${dir}/${name}` : name;
    const abs = join(root, rel);
    const st = lstatSync(abs);
    if (st.isDirectory()) Object.assign(out, hashTree(root, rel));
    else {
      const content = st.isSymbolicLink() ? Buffer.from(`link:${readlinkSync(abs)}`) : readFileSync(abs);
      out[rel] = `${createHash('sha256').update(content).digest('hex')} ${(st.mode & 0o7777).toString(8)}`;
    }
  }
  return out;
}

/**
 * The lines `after` has beyond `before`, when `after` is exactly `before` with one run of
 * whole lines inserted somewhere (so deleting them gives back every original byte); else null.
 */
export function insertedLines(before: Buffer, after: Buffer): string[] | null {
  const b = before.toString('latin1').split('\n');
  const a = after.toString('latin1').split('\n');
  const extra = a.length - b.length;
  if (extra <= 0) return null;
  let p = 0;
  while (p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < b.length && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  if (b.length - s > p) return null;
  const inserted = a.slice(p, p + extra);
  const rebuilt = [...a.slice(0, p), ...a.slice(p + extra)].join('\n');
  return rebuilt === before.toString('latin1') ? inserted : null;
}

/** Lines a header may consist of: the two tags, blank lines, and comment delimiters alone. */
export function isHeaderLine(line: string): boolean {
  const t = line.replace(/\r$/, '').trim();
  return /SPDX-(?:FileCopyrightText|License-Identifier): /.test(t) || !/[\p{L}\p{N}]/u.test(t) || ['<?php', 'dnl', '@REM', '@Comment{'].includes(t);
}
