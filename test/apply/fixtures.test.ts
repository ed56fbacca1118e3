// fixtures/apply/preserve: real files whose first lines, encodings, line endings, final
// newline and modes a header must not disturb. Apply -> scan finds PPL in each -> deleting
// the inserted lines gives back every original byte; a second run changes nothing.
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import { makeTree, removeTree, testCatalog } from '../helpers.js';
import { applyTo, hashTree, insertedLines, isHeaderLine } from './helpers.js';

const FIXTURES = join(process.cwd(), 'fixtures', 'apply', 'preserve');
const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));

/** The text of a file as lines: UTF-16 decoded, a UTF-8 BOM set aside (it stays first, before any line). */
function comparable(bytes: Buffer): { bom: string; body: Buffer } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { bom: 'utf-16le', body: Buffer.from(bytes.subarray(2).toString('utf16le'), 'utf8') };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { bom: 'utf-8', body: bytes.subarray(3) };
  return { bom: '', body: bytes };
}

describe('the preserve fixtures', () => {
  it('get PPL, keep every original byte and their modes, and a second run changes nothing', async () => {
    const root = makeTree({});
    roots.push(root);
    cpSync(FIXTURES, root, { recursive: true });
    const names = readdirSync(FIXTURES).sort();
    const r = await applyTo(root);
    expect(r.problems).toEqual([]);
    expect(Object.fromEntries(r.files.map((f) => [f.path, f.status]))).toEqual(Object.fromEntries(names.map((n) => [n, 'changed'])));

    const scanned = await scan({ root, gitignore: true, exclude: [], include: [], followSymlinks: false, minConfidence: 0.9, config: null, version: 'test', catalog: testCatalog(), jobs: 1 });
    for (const name of names) {
      const report = scanned.files.find((f) => f.path === name);
      expect(report?.license, name).toBe('PPL');
      expect(report?.copyright.join(), name).toMatch(/\b2026 Example Collective/);
      // old.rb's classic notice of the same holder gets its years merged in place, by design (see the table below).
      if (name === 'old.rb') continue;
      const before = comparable(readFileSync(join(FIXTURES, name)));
      const after = comparable(readFileSync(join(root, name)));
      expect(after.bom, name).toBe(before.bom);
      const lines = insertedLines(before.body, after.body);
      expect(lines, `${name}: the original bytes are all kept`).not.toBeNull();
      expect(lines!.filter((l) => !isHeaderLine(l)), name).toEqual([]);
      expect(statSync(join(root, name)).mode & 0o777, name).toBe(statSync(join(FIXTURES, name)).mode & 0o777);
    }
    const hashed = hashTree(root);
    expect((await applyTo(root)).summary.changed).toBe(0);
    expect(hashTree(root)).toEqual(hashed);
  });

  it.each([
    ['script.py', '#!/usr/bin/env python3\n# -*- coding: latin-1 -*-\n\n# SPDX-FileCopyrightText'],
    ['page.xhtml', 'xhtml11.dtd">\n\n<!--\nSPDX-FileCopyrightText'],
    ['post.md', '---\n\n<!--\nSPDX'],
    ['index.php', '<?php\n\n// SPDX'],
    ['template.php', '<?php\n// SPDX-FileCopyrightText: 2026 Example Collective\n//\n// SPDX-License-Identifier: PPL\n?>\n<!DOCTYPE html>'],
    ['run.bat', '@REM SPDX-FileCopyrightText: 2026 Example Collective\r\n@REM\r\n@REM SPDX-License-Identifier: PPL\r\n\r\n@echo off\r\n'],
    ['Dockerfile', '# syntax=docker/dockerfile:1\n\n# SPDX'],
    ['style.css', '@charset "UTF-8";\n\n/*'],
    ['tool', '#!/usr/bin/env node\n\n// SPDX'],
    ['shared.c', ' * SPDX-FileCopyrightText: 2024 Jo Artist\n * SPDX-FileCopyrightText: 2026 Example Collective\n * SPDX-License-Identifier: PPL\n'],
    ['old.rb', '# frozen_string_literal: true\n\n# SPDX-License-Identifier: PPL\n\n# Copyright (c) 2019, 2026 Example Collective\n'],
    ['icon.svg', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>\n\n<!--\nSPDX'],
    ['10-no-antialias.conf', '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n\n<!--\nSPDX'],
    ['nonewline.sh', '# SPDX-License-Identifier: PPL\n\necho hi'],
  ])('%s reads as expected', async (name, expected) => {
    const root = makeTree({});
    roots.push(root);
    cpSync(join(FIXTURES, name), join(root, name));
    await applyTo(root, { paths: [name] });
    expect(readFileSync(join(root, name), 'latin1')).toContain(expected);
  });
});
