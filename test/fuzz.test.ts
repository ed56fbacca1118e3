// Seeded fuzzing, as a guard: the fixtures mutated at random (bytes changed, cut, tags and comment
// syntax inserted), read by every detector; random license expressions; apply's planner on mutated
// source files. Each run is the same (a fixed seed), and any exception fails it. Found so far: a
// lone '+' crashed the scan (spdx-correct throws on it). Larger runs of the same harness, outside
// the suite, are described in CHANGELOG.md.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STYLES } from '../src/apply/comment-styles/index.js';
import { planText } from '../src/apply/plan-file.js';
import { detectFile } from '../src/detect/index.js';
import { scanBuffer } from '../src/detect/tag-scan.js';
import type { FileInput } from '../src/detect/types.js';
import { decode, sniff } from '../src/walk/read.js';
import { testCatalog, testContext } from './helpers.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** mulberry32: a small seeded generator, so every run mutates the same way. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fixtureFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat?.isDirectory()) walk(path);
      else if (stat?.isFile() && stat.size < 64 * 1024) out.push(path);
    }
  };
  walk(FIXTURES);
  return out.sort();
}

const PIECES = ['"', "'", '\n', '\r\n', '\0', '\\', '\xff', '<', '>', '/*', '*/', '#', '//', '<!--', '-->', '{{!--', '--}}', '+', ' OR ', ' or ', '(', ')', '[', ']', '{', '}', ',', ':', '=', '\ufeff', 'SPDX-License-Identifier: ', 'SPDX-FileCopyrightText: 2020 Jo', 'Copyright (c) 2019 Jo', 'REUSE-IgnoreStart', 'SPDX-SnippetBegin', '[[annotations]]\npath = "**"\n', 'License: ', '"license": ', 'Files: *\n'];

function mutate(bytes: Buffer, rnd: () => number): Buffer {
  let out = bytes;
  for (let k = 1 + Math.floor(rnd() * 6); k > 0; k--) {
    const at = Math.floor(rnd() * Math.max(1, out.length));
    const op = rnd();
    if (op < 0.25 && out.length > 0) {
      out = Buffer.from(out);
      out[at] = Math.floor(rnd() * 256);
    } else if (op < 0.45) out = Buffer.concat([out.subarray(0, at), out.subarray(Math.min(out.length, at + 1 + Math.floor(rnd() * 40)))]);
    else out = Buffer.concat([out.subarray(0, at), Buffer.from(PIECES[Math.floor(rnd() * PIECES.length)]!, 'utf8'), out.subarray(at)]);
  }
  return out;
}

/** A file as the scan reads one (sniffed, decoded), from bytes in memory. */
function input(path: string, bytes: Buffer): FileInput {
  const encoding = sniff(bytes);
  return {
    path,
    kind: encoding === null ? 'binary' : 'text',
    size: bytes.length,
    bytes,
    encoding,
    complete: true,
    text: encoding === null ? '' : decode(bytes, encoding, true),
    rest: () => [],
  };
}

const NAMES = ['LICENSE', 'COPYING', 'NOTICE', 'README.md', 'package.json', 'REUSE.toml', '.reuse/dep5', 'a.png.license', 'Cargo.toml', 'pyproject.toml', 'x.dist-info/METADATA', 'PKG-INFO', 'DESCRIPTION', 'a.gemspec', 'a.nuspec', 'composer.json', 'setup.cfg', 'LICENSES/MIT.txt', 'src/a.c', 'a.svg', 'a.jpg', 'a.mp3', 'a.pdf', 'a.ttf'];

describe('seeded fuzzing', () => {
  const files = fixtureFiles();

  it('every detector reads 3,000 mutated fixtures, under their own names and others, without an exception', () => {
    const rnd = random(20261127);
    const ctx = testContext();
    let declared = 0;
    for (let i = 0; i < 3000; i++) {
      const file = files[Math.floor(rnd() * files.length)]!;
      const path = rnd() < 0.5 ? file.slice(FIXTURES.length) : NAMES[Math.floor(rnd() * NAMES.length)]!;
      const bytes = mutate(readFileSync(file), rnd);
      const detection = detectFile(input(path, bytes), ctx);
      if (detection.declarations.length > 0) declared++;
    }
    // The mutations leave most files readable: the detectors are exercised, not just refused.
    expect(declared).toBeGreaterThan(500);
  });

  it('reads 5,000 random expressions as valid or invalid, with at most ten notes each', () => {
    const rnd = random(7);
    const catalog = testCatalog();
    const words = ['MIT', 'GPL-2.0', 'GPL-2.0+', 'Apache-2.0', 'AND', 'OR', 'WITH', 'and', 'or', '(', ')', 'LicenseRef-x', 'Classpath-exception-2.0', '+', 'GPLv3', 'BSD', 'Apache 2', 'PPL', 'CNPL', 'UNLICENSED', 'NONE', '/', ',', ';', '"', '\u00a9', 'MITClause', 'license', 'https://opensource.org/licenses/MIT', 'x'.repeat(300), '('.repeat(40)];
    for (let i = 0; i < 5000; i++) {
      let raw = '';
      for (let k = 1 + Math.floor(rnd() * 8); k > 0; k--) raw += words[Math.floor(rnd() * words.length)]! + (rnd() < 0.6 ? ' ' : '');
      const r = catalog.normalize(raw);
      expect(r.notes.length).toBeLessThanOrEqual(10);
      expect(r.valid || r.expression === null || r.marker !== null).toBe(true);
    }
  });

  it("apply's planner on 1,500 mutated source files: what it writes declares the license and is already done the second time", () => {
    const rnd = random(99);
    const catalog = testCatalog();
    const request = { expression: 'PPL', copyright: ['2026 Coop'], template: [], replace: false };
    const styles = Object.values(STYLES);
    let changed = 0;
    for (let i = 0; i < 1500; i++) {
      const file = files[Math.floor(rnd() * files.length)]!;
      const bytes = mutate(readFileSync(file), rnd);
      const encoding = sniff(bytes);
      if (encoding !== 'utf-8') continue;
      const style = styles[Math.floor(rnd() * styles.length)]!;
      const plan = planText(`f${i}`, bytes, encoding, style, request, catalog);
      if (plan.status !== 'changed') continue;
      changed++;
      // A tag line framed by an opener and a stray '}' is framed the same (apply's check after writing reports it).
      const tags = scanBuffer(plan.bytes, plan.bytes[0] === 0xef ? 3 : 0, 'utf8').tags.filter((t) => t.kind === 'license').map((t) => t.value);
      if (tags.some((t) => t !== 'PPL')) continue;
      expect(tags).toContain('PPL');
      expect(planText(`f${i}`, plan.bytes, encoding, style, request, catalog).status).toBe('already-done');
    }
    expect(changed).toBeGreaterThan(500);
  });
});
