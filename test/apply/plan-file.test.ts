import { describe, expect, it } from 'vitest';
import { STYLES, type CommentStyle } from '../../src/apply/comment-styles/index.js';
import { planText, renderHeader, type HeaderRequest } from '../../src/apply/plan-file.js';
import type { Encoding } from '../../src/walk/read.js';
import { testCatalog } from '../helpers.js';
import { insertedLines, isHeaderLine } from './helpers.js';

const catalog = testCatalog();
const REQUEST: HeaderRequest = { expression: 'PPL', copyright: ['2026 Example Collective'], template: [], replace: false };

function plan(text: string | Buffer, style: CommentStyle | null, request: Partial<HeaderRequest> = {}, encoding: Encoding = 'utf-8') {
  return planText('f', Buffer.isBuffer(text) ? text : Buffer.from(text), encoding, style, { ...REQUEST, ...request }, catalog);
}

function after(text: string | Buffer, style: CommentStyle | null, request: Partial<HeaderRequest> = {}, encoding: Encoding = 'utf-8'): Buffer {
  const p = plan(text, style, request, encoding);
  if (p.status !== 'changed') throw new Error(`expected a change, got ${JSON.stringify(p)}`);
  return p.bytes;
}

describe('header insertion keeps what must stay first', () => {
  it.each([
    ['a shebang', STYLES.python, '#!/usr/bin/env python3\nprint(1)\n', '#!/usr/bin/env python3\n\n# SPDX-FileCopyrightText'],
    ['a shebang and an encoding line', STYLES.python, '#!/usr/bin/python\n# -*- coding: latin-1 -*-\nx = 1\n', '#!/usr/bin/python\n# -*- coding: latin-1 -*-\n\n# SPDX'],
    ['an encoding line', STYLES.python, '# vim: set fileencoding=utf-8 :\nx = 1\n', '# vim: set fileencoding=utf-8 :\n\n# SPDX'],
    ['an encoding line below a comment', STYLES.python, '# test iso-8859-1 encoding\n# -*- encoding: iso-8859-1 -*-\ntest = "\xc1"\n', '# test iso-8859-1 encoding\n# -*- encoding: iso-8859-1 -*-\n\n# SPDX'],
    ['an encoding line below a blank line', STYLES.python, '\n# -*- coding: koi8-r -*-\nx = 1\n', '\n# -*- coding: koi8-r -*-\n\n# SPDX'],
    ['a Ruby magic comment', STYLES.python, '# frozen_string_literal: true\nputs 1\n', '# frozen_string_literal: true\n\n# SPDX'],
    ['an Emacs mode line', STYLES.lisp, ';;; x.el --- X -*- lexical-binding: t -*-\n(provide (quote x))\n', ';;; x.el --- X -*- lexical-binding: t -*-\n\n;; SPDX'],
    ['an XML declaration', STYLES.html, '<?xml version="1.0" encoding="UTF-8"?>\n<svg/>\n', '<?xml version="1.0" encoding="UTF-8"?>\n\n<!--\nSPDX'],
    ['an XML declaration and a DOCTYPE with a subset', STYLES.html, '<?xml version="1.0"?>\n<!DOCTYPE note [\n  <!ENTITY x "y">\n]>\n<note/>\n', ']>\n\n<!--\nSPDX'],
    ['an HTML DOCTYPE', STYLES.html, '<!DOCTYPE html>\n<html></html>\n', '<!DOCTYPE html>\n\n<!--\nSPDX'],
    ['Markdown front matter', STYLES.html, '---\ntitle: Hi\ntags: [a]\n---\n# Hi\n', '---\ntitle: Hi\ntags: [a]\n---\n\n<!--\nSPDX'],
    ['TOML front matter', STYLES.html, '+++\ntitle = "Hi"\n+++\n# Hi\n', '+++\ntitle = "Hi"\n+++\n\n<!--'],
    ['<?php', STYLES.php, '<?php\nnamespace App;\n', '<?php\n\n// SPDX'],
    ['@charset', STYLES.c, '@charset "UTF-8";\nbody {}\n', '@charset "UTF-8";\n\n/*\n * SPDX'],
    ['Dockerfile parser directives', STYLES.python, '# syntax=docker/dockerfile:1\n# escape=`\nFROM alpine\n', '# escape=`\n\n# SPDX'],
    ['a roff preprocessor line', STYLES.man, "'\\\" t\n.TH LS 1\n", "'\\\" t\n\n.\\\" SPDX"],
    ['PostScript\'s first line', STYLES.tex, '%!PS-Adobe-3.0\n/x 1 def\n', '%!PS-Adobe-3.0\n\n% SPDX'],
  ])('keeps %s', (_what, style, text, expected) => {
    const out = after(text, style).toString('utf8');
    expect(out).toContain(expected);
    const inserted = insertedLines(Buffer.from(text), Buffer.from(out));
    expect(inserted).not.toBeNull();
    expect(inserted!.every(isHeaderLine)).toBe(true);
  });

  it('gives PHP that starts with HTML a PHP block of its own, which prints nothing', () => {
    const out = after('<html><?php echo 1; ?></html>\n', STYLES.php).toString();
    expect(out).toBe('<?php\n// SPDX-FileCopyrightText: 2026 Example Collective\n//\n// SPDX-License-Identifier: PPL\n?>\n<html><?php echo 1; ?></html>\n');
  });

  it('does not take an unclosed front matter or a --- rule in the text for front matter', () => {
    expect(after('---\nno end\n', STYLES.html).toString().startsWith('<!--')).toBe(true);
    expect(after('# Title\n\n---\n', STYLES.html).toString().startsWith('<!--')).toBe(true);
  });

  it('keeps a UTF-8 BOM first', () => {
    const out = after(Buffer.from('\ufeffint x;\n'), STYLES.c);
    expect([...out.subarray(0, 5)]).toEqual([0xef, 0xbb, 0xbf, 0x2f, 0x2a]);
    expect(insertedLines(Buffer.from('\ufeffint x;\n').subarray(3), out.subarray(3))).not.toBeNull();
  });

  it('writes CRLF lines into a CRLF file and LF lines into an LF file', () => {
    const crlf = after('a = 1\r\nb = 2\r\n', STYLES.python).toString();
    expect(crlf).toBe('# SPDX-FileCopyrightText: 2026 Example Collective\r\n#\r\n# SPDX-License-Identifier: PPL\r\n\r\na = 1\r\nb = 2\r\n');
    expect(after('a = 1\nb = 2\n', STYLES.python).toString()).not.toContain('\r');
  });

  it('keeps the absence of a final newline, even when the file is only a shebang', () => {
    expect(after('echo hi', STYLES.python).toString()).toBe('# SPDX-FileCopyrightText: 2026 Example Collective\n#\n# SPDX-License-Identifier: PPL\n\necho hi');
    const shebang = after('#!/bin/sh', STYLES.python);
    expect(shebang.toString()).toBe('#!/bin/sh\n\n# SPDX-FileCopyrightText: 2026 Example Collective\n#\n# SPDX-License-Identifier: PPL');
    expect(insertedLines(Buffer.from('#!/bin/sh'), shebang)).not.toBeNull();
  });

  it('keeps bytes that are not UTF-8 exactly', () => {
    const latin1 = Buffer.from([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a, 0x78, 0x3d, 0xff, 0x0a]); // "# café\nx=\xff\n" in Latin-1
    const out = after(latin1, STYLES.python, {}, 'latin1');
    expect(insertedLines(latin1, out)).toEqual(['# SPDX-FileCopyrightText: 2026 Example Collective', '#', '# SPDX-License-Identifier: PPL', '']);
  });

  it('refuses to write a non-ASCII holder into a file whose encoding is unknown, and writes it as UTF-8 into a UTF-8 file', () => {
    const p = plan(Buffer.from([0x78, 0xe9, 0x0a]), STYLES.python, { copyright: ['2026 Coopérative Ünïon'] }, 'latin1');
    expect(p).toMatchObject({ status: 'failed', code: 'encoding' });
    expect(after('x\n', STYLES.python, { copyright: ['2026 Coopérative Ünïon'] }).toString('utf8')).toContain('# SPDX-FileCopyrightText: 2026 Coopérative Ünïon\n');
  });

  it('edits UTF-16 files in UTF-16, BOM kept', () => {
    const text = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('x = 1\r\n', 'utf16le')]);
    const out = after(text, STYLES.python, {}, 'utf-16le');
    expect(out.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    expect(out.subarray(2).toString('utf16le')).toBe('# SPDX-FileCopyrightText: 2026 Example Collective\r\n#\r\n# SPDX-License-Identifier: PPL\r\n\r\nx = 1\r\n');
  });

  it('leaves UTF-16 that would not round-trip alone', () => {
    const odd = Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41]); // an unpaired surrogate and an odd byte
    expect(plan(odd, STYLES.python, {}, 'utf-16le')).toMatchObject({ status: 'failed', code: 'unsupported-encoding' });
  });
});

describe('existing SPDX headers are merged', () => {
  it.each([
    [
      'a new holder is added after the last one',
      '# SPDX-FileCopyrightText: 2024 Jo Artist\n# SPDX-License-Identifier: PPL\nx\n',
      '# SPDX-FileCopyrightText: 2024 Jo Artist\n# SPDX-FileCopyrightText: 2026 Example Collective\n# SPDX-License-Identifier: PPL\nx\n',
    ],
    [
      'the same holder gets its years merged',
      '# SPDX-FileCopyrightText: 2020-2022 Example Collective <hi@example.org>\n# SPDX-License-Identifier: PPL\n',
      '# SPDX-FileCopyrightText: 2020-2022, 2026 Example Collective <hi@example.org>\n# SPDX-License-Identifier: PPL\n',
    ],
    [
      'a holder without years gets the years',
      '# SPDX-FileCopyrightText: Example Collective\n# SPDX-License-Identifier: PPL\n',
      '# SPDX-FileCopyrightText: 2026 Example Collective\n# SPDX-License-Identifier: PPL\n',
    ],
    [
      'a license tag without copyright gets the copyright above it',
      '/* SPDX-License-Identifier: PPL */\nint x;\n',
      '/* SPDX-FileCopyrightText: 2026 Example Collective */\n/* SPDX-License-Identifier: PPL */\nint x;\n',
    ],
    [
      'a copyright tag without license gets the license below it, inside the block',
      '/*\n * SPDX-FileCopyrightText: 2026 Example Collective\n */\nint x;\n',
      '/*\n * SPDX-FileCopyrightText: 2026 Example Collective\n * SPDX-License-Identifier: PPL\n */\nint x;\n',
    ],
    [
      'a tag on the line that closes a block gets the new line above it',
      '/* Copyright notice\n * SPDX-License-Identifier: PPL */\nint x;\n',
      '/* Copyright notice\n * SPDX-FileCopyrightText: 2026 Example Collective\n * SPDX-License-Identifier: PPL */\nint x;\n',
    ],
    [
      'a tag on the line that opens a block gets the new line below it',
      '/* SPDX-License-Identifier: PPL\n * more\n */\n',
      '/* SPDX-License-Identifier: PPL\n * SPDX-FileCopyrightText: 2026 Example Collective\n * more\n */\n',
    ],
    [
      'a classic notice of the same holder gets its years merged in place, and the license is added as a header',
      '// Copyright (c) 2019 Example Collective\nx()\n',
      '// SPDX-License-Identifier: PPL\n\n// Copyright (c) 2019, 2026 Example Collective\nx()\n',
    ],
  ])('%s', (_what, before, expected) => {
    const style = before.includes('/*') ? STYLES.c : before.startsWith('//') ? STYLES.cpp : STYLES.python;
    expect(after(before, style).toString()).toBe(expected);
  });

  it('does not repeat a holder whose years are covered, however it is written', () => {
    expect(plan('# SPDX-FileCopyrightText: 2024-2026 example collective. All rights reserved.\n# SPDX-License-Identifier: PPL\n', STYLES.python).status).toBe('already-done');
    expect(plan('# Copyright © 2026 Example Collective\n# SPDX-License-Identifier: PPL\n', STYLES.python).status).toBe('already-done');
    expect(plan('<!-- SPDX-FileCopyrightText: 2026 Example Collective -->\n<!-- SPDX-License-Identifier: PPL -->\n', STYLES.html).status).toBe('already-done');
  });

  it('reads the license with the scanner: an alias or another case is the same license', () => {
    expect(plan('# SPDX-FileCopyrightText: 2026 Example Collective\n# SPDX-License-Identifier: LicenseRef-PPL\n', STYLES.python).status).toBe('already-done');
    expect(plan('# SPDX-FileCopyrightText: 2026 Example Collective\n# SPDX-License-Identifier: MIT\n# SPDX-License-Identifier: PPL\n', STYLES.python, { expression: 'MIT AND PPL' }).status).toBe('already-done');
  });

  it('leaves a different license alone without --replace, and says where it is', () => {
    const p = plan('x\n// SPDX-License-Identifier: MIT\n', STYLES.cpp);
    expect(p).toMatchObject({ status: 'conflict', code: 'license-differs', line: 2 });
    expect((p as { message: string }).message).toMatch(/declares MIT \(line 2\), not PPL/);
  });

  it('replaces a different license with --replace, in place, and removes the other license tags', () => {
    const p = plan('# SPDX-FileCopyrightText: 2020 Jo\n# SPDX-License-Identifier: MIT\n# SPDX-License-Identifier: Apache-2.0\nx\n', STYLES.python, { replace: true });
    expect(p.status).toBe('changed');
    if (p.status !== 'changed') return;
    expect(p.replaced).toBe('MIT AND Apache-2.0');
    expect(p.bytes.toString()).toBe('# SPDX-FileCopyrightText: 2020 Jo\n# SPDX-FileCopyrightText: 2026 Example Collective\n# SPDX-License-Identifier: PPL\nx\n');
  });

  it('replaces and adds at the same place without losing or repeating a line', () => {
    const text = '# SPDX-License-Identifier: MIT\n# SPDX-FileCopyrightText: 2020 Jo\n# SPDX-License-Identifier: Apache-2.0\nx\n';
    const expected = '# SPDX-License-Identifier: PPL\n# SPDX-FileCopyrightText: 2020 Jo\n# SPDX-FileCopyrightText: 2026 Example Collective\nx\n';
    expect(after(text, STYLES.python, { replace: true }).toString()).toBe(expected);
    const utf16 = (t: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]);
    expect(after(utf16(text), STYLES.python, { replace: true }, 'utf-16le')).toEqual(utf16(expected));
  });

  it('ignores tags inside snippets and REUSE-Ignore blocks', () => {
    const text = '# x\n# SPDX-SnippetBegin\n# SPDX-License-Identifier: MIT\n# SPDX-SnippetEnd\n';
    expect(after(text, STYLES.python).toString()).toBe(`# SPDX-FileCopyrightText: 2026 Example Collective\n#\n# SPDX-License-Identifier: PPL\n\n${text}`);
  });
});

describe('notices that are not SPDX tags', () => {
  it.each([
    ['// Licensed under the MIT License\nx()\n', STYLES.cpp, 1],
    ['/*!\n * lib v1\n * @license MIT\n */\n', STYLES.cpp, 3],
    ['# This program is free software: you can redistribute it\n', STYLES.python, 1],
    ['/*\n * Copyright 2020 Jo\n *\n * Permission is hereby granted, free of charge, to any person\n */\n', STYLES.c, 4],
    ['# Title\n\nReleased under the Apache License 2.0.\n', STYLES.html, 3],
  ])('%j is a conflict, left alone', (text, style, line) => {
    expect(plan(text, style)).toMatchObject({ status: 'conflict', code: 'existing-notice', line });
  });

  it.each([
    ['const msg = "Licensed under the MIT License";\n', STYLES.cpp],
    ['# nothing here\nlicense = "MIT"\n', STYLES.python],
    ['# REUSE-IgnoreStart\n# Licensed under MIT\n# REUSE-IgnoreEnd\n', STYLES.python],
  ])('%j is no notice: code, not a comment', (text, style) => {
    expect(plan(text, style).status).toBe('changed');
  });
});

describe('headers and sidecars', () => {
  it.each([
    [STYLES.c, ['/*', ' * SPDX-FileCopyrightText: 2026 A', ' *', ' * SPDX-License-Identifier: PPL', ' */']],
    [STYLES.python, ['# SPDX-FileCopyrightText: 2026 A', '#', '# SPDX-License-Identifier: PPL']],
    [STYLES.html, ['<!--', 'SPDX-FileCopyrightText: 2026 A', '', 'SPDX-License-Identifier: PPL', '-->']],
    [STYLES.erb, ['<%# SPDX-FileCopyrightText: 2026 A %>', '<%# SPDX-License-Identifier: PPL %>']],
    [null, ['SPDX-FileCopyrightText: 2026 A', '', 'SPDX-License-Identifier: PPL']],
  ])('renders a %s header', (style, lines) => {
    expect(renderHeader(style, ['2026 A'], 'PPL', [])).toEqual(lines);
  });

  it('adds template lines after the tags', () => {
    expect(renderHeader(STYLES.cpp, [], 'PPL', ['Licensed under the Peer Production License.'])).toEqual(['// SPDX-License-Identifier: PPL', '//', '// Licensed under the Peer Production License.']);
  });

  it('writes a new sidecar as plain tags, and merges into an existing one', () => {
    expect(after('', null).toString()).toBe('SPDX-FileCopyrightText: 2026 Example Collective\n\nSPDX-License-Identifier: PPL\n');
    expect(after('SPDX-FileCopyrightText: 2024 Photo Co-op\nSPDX-License-Identifier: PPL', null).toString()).toBe(
      'SPDX-FileCopyrightText: 2024 Photo Co-op\nSPDX-FileCopyrightText: 2026 Example Collective\nSPDX-License-Identifier: PPL',
    );
  });
});
