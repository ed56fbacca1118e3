import { describe, expect, it } from 'vitest';
import { detector } from '../../src/detect/spdx-tags.js';
import { MAX_TAGS, scanBuffer, scanByteChunks, scanTags } from '../../src/detect/tag-scan.js';
import { fileInput, testContext } from '../helpers.js';

const ctx = testContext();
const detect = (path: string, text: string | Uint8Array) => detector.detect(fileInput(path, text), ctx);
const licenses = (path: string, text: string) => detect(path, text).declarations.map((d) => d.expression);

describe('tags in every comment style', () => {
  it.each([
    ['a.c', '// SPDX-License-Identifier: MIT\n'],
    ['a.c', '/* SPDX-License-Identifier: MIT */\n'],
    ['a.c', '/*\n * SPDX-License-Identifier: MIT\n */\n'],
    ['a.py', '#!/usr/bin/env python3\n# SPDX-License-Identifier: MIT\n'],
    ['a.sql', '-- SPDX-License-Identifier: MIT\n'],
    ['a.el', ';;; SPDX-License-Identifier: MIT\n'],
    ['a.tex', '% SPDX-License-Identifier: MIT\n'],
    ['a.html', '<!-- SPDX-License-Identifier: MIT -->\n'],
    ['a.html', '<!--\n  SPDX-License-Identifier: MIT\n-->\n'],
    ['a.j2', '{# SPDX-License-Identifier: MIT #}\n'],
    ['a.ml', '(* SPDX-License-Identifier: MIT *)\n'],
    ['a.hs', '{- SPDX-License-Identifier: MIT -}\n'],
    ['a.1', '.\\" SPDX-License-Identifier: MIT\n'],
    ['a.3', '.\\" * SPDX-License-Identifier: MIT\n'], // a box comment in roff (curl's man pages)
    ['a.7', "'\\\" SPDX-License-Identifier: MIT\n"],
    ['a.ms', '.\\# SPDX-License-Identifier: MIT\n'], // groff's own comment
    ['a.bat', '@REM SPDX-License-Identifier: MIT\n'],
    ['a.bat', 'REM SPDX-License-Identifier: MIT\n'],
    ['a.bat', 'rem * SPDX-License-Identifier: MIT\n'], // a box comment in batch (curl)
    ['a.vb', "' SPDX-License-Identifier: MIT\n"],
    ['a.vim', '" SPDX-License-Identifier: MIT\n'],
    ['a.f90', '! SPDX-License-Identifier: MIT\n'],
    ['a.m4', 'dnl SPDX-License-Identifier: MIT\n'],
    ['a.md', 'SPDX-License-Identifier: MIT\n'],
    ['a.rs', '//! SPDX-License-Identifier: MIT\n'],
    ['a.py', 'x = 1  # SPDX-License-Identifier: MIT\n'],
    ['a.txt', 'SPDX-License-Identifier:MIT\r\n'],
  ])('%s: %j', (path, text) => {
    expect(licenses(path, text)).toEqual(['MIT']);
  });

  it('reads a tag anywhere in the file, with its line', () => {
    const text = `${'x\n'.repeat(500)}# SPDX-License-Identifier: PPL\n`;
    expect(detect('a.sh', text).declarations).toEqual([
      { expression: 'PPL', source: 'spdx-tag', file: 'a.sh', line: 501, confidence: 1, scope: 'file' },
    ]);
  });
});

// reuse-tool strips every comment style's block closer; apply writes these styles' closers too.
describe('a one-line block comment around a tag: the closer is no part of the value', () => {
  it.each([
    ['a.hbs', '{{!-- SPDX-FileCopyrightText: 2020 Jo --}}\n{{!-- SPDX-License-Identifier: MIT --}}\n'],
    ['a.jsp', '<%-- SPDX-FileCopyrightText: 2020 Jo --%>\n<%-- SPDX-License-Identifier: MIT --%>\n'],
    ['a.mdx', '{/* SPDX-FileCopyrightText: 2020 Jo */}\n{/* SPDX-License-Identifier: MIT */}\n'],
    ['a.xq', '(: SPDX-FileCopyrightText: 2020 Jo :)\n(: SPDX-License-Identifier: MIT :)\n'],
    ['a.j2', '{# SPDX-FileCopyrightText: 2020 Jo #}\n{# SPDX-License-Identifier: MIT #}\n'],
    // BibTeX's comment entry: the brace closes it (reuse-tool strips it too).
    ['refs.bib', '@Comment{ SPDX-FileCopyrightText: 2020 Jo }\n@comment{SPDX-License-Identifier: MIT}\n\n@article{x, title={T}}\n'],
  ])('%s', (path, text) => {
    const r = detect(path, text);
    expect(r.declarations.map((d) => d.expression)).toEqual(['MIT']);
    expect(r.copyrights.map((c) => c.text)).toEqual(['2020 Jo']);
    expect(r.problems).toEqual([]);
  });
});

describe('tags in code are not declarations', () => {
  it.each([
    ['a.js', 'const header = "// SPDX-License-Identifier: MIT\\n";\n'],
    ['a.js', 'const header = `// SPDX-License-Identifier: ${license}`;\n'],
    ['a.py', "TAG = re.compile(r'SPDX-License-Identifier: (.*)')\n"],
    ['a.sh', 'echo "SPDX-License-Identifier: GPL-3.0-only" > out.txt\n'],
    ['a.js', 'const re = /SPDX-License-Identifier: (.*)/;\n'],
    ['a.py', 'print(f"SPDX-License-Identifier: {spdx}")\n'],
    ['a.md', 'Put `SPDX-License-Identifier: MIT` in each file.\n'],
    ['a.txt', 'See the SPDX-License-Identifier field in the header of other files.\n'],
    ['a.c', 'puts("\\"SPDX-License-Identifier: MIT");\n'],
  ])('%s: %j', (path, text) => {
    const r = detect(path, text);
    expect(r.declarations).toEqual([]);
    expect(r.problems.every((p) => p.severity === 'note')).toBe(true);
  });

  it('ignores what stands between REUSE-IgnoreStart and REUSE-IgnoreEnd', () => {
    const text = '# SPDX-License-Identifier: MIT\n# REUSE-IgnoreStart\n# SPDX-License-Identifier: GPL-3.0-only\n# SPDX-FileCopyrightText: 2020 Nobody\n# REUSE-IgnoreEnd\n# SPDX-FileCopyrightText: 2024 Jo\n';
    const r = detect('a.sh', text);
    expect(r.declarations.map((d) => d.expression)).toEqual(['MIT']);
    expect(r.copyrights.map((c) => c.text)).toEqual(['2024 Jo']);
  });

  it('reads block markers only in a comment of their own, not where prose or code names them', () => {
    const text = 'Use `REUSE-IgnoreStart/End` around examples.\nconst m = "SPDX-SnippetBegin";\n# SPDX-License-Identifier: MIT\n';
    const r = detect('a.md', text);
    expect(r.declarations.map((d) => [d.expression, d.scope])).toEqual([['MIT', 'file']]);
    expect(r.problems.filter((p) => p.severity !== 'note')).toEqual([]);
    expect(detect('a.html', '<!-- REUSE-IgnoreStart -->\n<!-- SPDX-License-Identifier: MIT -->\n<!-- REUSE-IgnoreEnd -->\n').declarations).toEqual([]);
  });

  it('warns about an ignore block that is never closed', () => {
    const r = detect('a.sh', '# REUSE-IgnoreStart\n# SPDX-License-Identifier: MIT\n');
    expect(r.declarations).toEqual([]);
    expect(r.problems).toMatchObject([{ code: 'unclosed-ignore', line: 1, severity: 'warning' }]);
  });
});

describe('box comments', () => {
  it('a tag and a notice inside a box comment are read without the frame', () => {
    const box = [
      '/***************************************************************',
      ' *   SPDX-FileCopyrightText: 2014 Jane Doe <jane@example.com>  *',
      ' *   Copyright (C) 2015 Acme Inc.                              *',
      ' *                                                             *',
      ' *   SPDX-License-Identifier: LGPL-2.0-or-later                *',
      ' ***************************************************************/',
      '##########################################',
      '#  SPDX-License-Identifier: MIT          #',
      '##########################################',
      '',
    ].join('\n');
    const r = detect('box.c', box);
    expect(r.declarations.map((d) => d.expression)).toEqual(['LGPL-2.0-or-later', 'MIT']);
    expect(r.copyrights.map((c) => c.text)).toEqual(['2014 Jane Doe <jane@example.com>', '2015 Acme Inc.']);
    expect(r.problems).toEqual([]);
  });
});

describe('copyright notices', () => {
  it.each([
    ['# SPDX-FileCopyrightText: 2019 Jane Doe <jane@example.com>', '2019 Jane Doe <jane@example.com>'],
    ['# SPDX-FileCopyrightText: © 2019 John Doe', '2019 John Doe'],
    ['// Copyright 2016, 2018-2019 Joe Anybody', '2016, 2018-2019 Joe Anybody'],
    ['// Copyright (c) Alice, some rights reserved', 'Alice, some rights reserved'],
    ['/* © Example Corporation <https://corp.example.com> */', 'Example Corporation <https://corp.example.com>'],
    [' * Copyright (C) 2020 Example Coop', '2020 Example Coop'],
    ['# COPYRIGHT 2021 Big Caps', '2021 Big Caps'],
    ['# copyright 2023 Small Letters', '2023 Small Letters'],
    ['Copyright: 2022 Colon Person', '2022 Colon Person'],
    // After the prefix and (c), REUSE 3.3 lets any further information come: forms found in Linux and u-boot.
    [' * Copyright (c) by Jane Doe <jane@example.com>', 'by Jane Doe <jane@example.com>'],
    [' * Copyright by Jane Doe, 2008', 'by Jane Doe, 2008'],
    [' * Copyright (c), 2004-2005 Example Inc.', '2004-2005 Example Inc.'],
    [' * Copyright : Example Inc. 2018', 'Example Inc. 2018'],
    ['   Copyright |copy| 2012 Example Inc.', '|copy| 2012 Example Inc.'],
    [' * Copyright (C): 2016 Jane Doe', '2016 Jane Doe'],
    [' * Copyright (2004) Jane Doe', '(2004) Jane Doe'],
    [' * (C) Copyright 2015 Freescale Semiconductor, Inc.', '2015 Freescale Semiconductor, Inc.'],
    ['// (c) Copyright 2010 Acme', '2010 Acme'],
    ['# Copyright 株式会社サンプル', '株式会社サンプル'],
    ['# Copyright (c) @jane and contributors', '@jane and contributors'],
    // As the value of a metadata key: Markdown front matter (curl's docs), a label in a comment (Linux).
    ['c: Copyright (C) Daniel Stenberg, <daniel@haxx.se>, et al.', 'Daniel Stenberg, <daniel@haxx.se>, et al.'],
    [' *      Author: Copyright (C) Miguel Ojeda <ojeda@kernel.org>', 'Miguel Ojeda <ojeda@kernel.org>'],
    [' * md-bitmap.h: Copyright (C) 2003 Peter T. Breuer', '2003 Peter T. Breuer'],
    // A comment opener with a box comment's star after it (curl's batch files).
    ['rem * Copyright (C) Steve Holme, <steve_holme@hotmail.com>.', 'Steve Holme, <steve_holme@hotmail.com>.'],
    // An address in angle brackets is no placeholder, whatever its words.
    ['// Copyright (C) 2020 Jo Doe <author@example.com>', '2020 Jo Doe <author@example.com>'],
    // An HTML entity keeps its ';' (brace-expansion's README); a statement's own ';' still goes.
    ['Copyright (c) 2013 Julian Gruber &lt;julian@juliangruber.com&gt;', '2013 Julian Gruber &lt;julian@juliangruber.com&gt;'],
    ['# Copyright 2020 Jo &#169;', '2020 Jo &#169;'],
    ['x = 1; // Copyright 2020 Jo;', '2020 Jo'],
  ])('%j', (line, statement) => {
    expect(detect('a.c', `${line}\n`).copyrights.map((c) => c.text)).toEqual([statement]);
  });

  it.each([
    ['The above copyright notice and this permission notice shall be included'],
    ['// Copyright law applies'],
    ['// Copyright notice'],
    ['// Copyright holders are listed below'],
    ['Copyright [yyyy] [name of copyright owner]'], // Apache-2.0's appendix: a template, not a notice
    ['   Copyright {yyyy} {name of copyright owner}'],
    [' * Copyright (C)'], // no holder
    ['copyright notice, this list of conditions and the following disclaimer.'],
    ['(c) You must not remove notices'],
    ['©2020 No Space'], // reuse-tool wants whitespace after ©
    ['©\u000b2020 Vertical Tab'], // a line break where reuse-tool reads (str.splitlines), not a space
    [' * (C) 2020 Example Coop'], // REUSE 3.3: (C) may follow a prefix, but is none itself
    ['(c) the Licensor grants Copyright permission'],
    ['<para>&kwrite; Copyright 2001-2014 by the &kate; team.</para>'], // DocBook prose (Kate's manual)
    ['const s = "Copyright 2020 X";'],
    ['# CopyrightNotice: see the about box'], // a longer word (XMP's plus:CopyrightOwner, a config key)
    ['msgid "Copyright 2017, Marco Martin"'], // a translation's string
    ['note = Copyright (C) 2020 X'], // an assignment is code, not a metadata key
    ['it is, per the README: Copyright (C) 2020 X'], // prose before the key
    // The notice a license's appendix shows how to write: placeholders, not a holder.
    ['    Copyright (C) <year>  <name of author>'],
    ['    Copyright (C) 19yy  <name of author>'],
    ['Copyright (c) <year> <copyright holders>'],
    ['Copyright <yyyy, yyyy> The Open Group'],
    ['Copyright (c) [yyyy] [name of copyright owner]'],
  ])('prose is not a notice: %j', (line) => {
    expect(detect('a.c', `${line}\n`).copyrights).toEqual([]);
  });
});

describe('snippets', () => {
  it('keeps snippet tags apart from the file tags', () => {
    const text = [
      '# SPDX-License-Identifier: MIT',
      '# SPDX-FileCopyrightText: 2024 Jo',
      'x = 1',
      '# SPDX-SnippetBegin',
      '# SPDX-License-Identifier: BSD-3-Clause',
      '# SPDX-SnippetCopyrightText: 2022 Ann',
      'y = 2',
      '# SPDX-SnippetEnd',
      '',
    ].join('\n');
    const r = detect('a.py', text);
    expect(r.declarations).toMatchObject([
      { expression: 'MIT', scope: 'file', line: 1 },
      { expression: 'BSD-3-Clause', scope: 'snippet', line: 5, endLine: 8 },
    ]);
    expect(r.copyrights).toMatchObject([
      { text: '2024 Jo', scope: 'file' },
      { text: '2022 Ann', scope: 'snippet' },
    ]);
  });

  it('warns about a snippet that is never closed', () => {
    expect(detect('a.py', '# SPDX-SnippetBegin\n# SPDX-License-Identifier: MIT\n').problems).toMatchObject([{ code: 'unclosed-snippet', line: 1 }]);
  });
});

describe('invalid expressions', () => {
  it.each([
    ['GPL 2.0+ OR BSD-3-Clause', 'GPL-2.0-or-later OR BSD-3-Clause'],
    ['MIT License', 'MIT'],
    ['GPL-2.0+159', 'GPL-2.0-or-later'],
    ['MIT or Apache-2.0', 'MIT OR Apache-2.0'],
    ['(MIT OR Apache-2.0', 'MIT OR Apache-2.0'],
    ['GPL-2.0+ or X11', 'GPL-2.0-or-later OR X11'],
    ['(GPL-2.0+ and MIT)', 'GPL-2.0-or-later AND MIT'],
    ['LGPL-2.0-or-later                            *', 'LGPL-2.0-or-later'],
  ])('%j is a problem with file, line, text and fix, and the other tags still count', (value, fix) => {
    const r = detect('src/a.c', `// SPDX-FileCopyrightText: 2024 Jo\n// SPDX-License-Identifier: ${value}\n// SPDX-License-Identifier: CC0-1.0\n`);
    expect(r.declarations.map((d) => d.expression)).toEqual(['CC0-1.0']);
    expect(r.copyrights.map((c) => c.text)).toEqual(['2024 Jo']);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'invalid-expression', severity: 'error', file: 'src/a.c', line: 2 });
    expect(r.problems[0]!.message).toContain(value);
    expect(r.problems[0]!.suggestion).toBe(`Write: SPDX-License-Identifier: ${fix}`);
  });

  it.each(['${license}', '%s', '" + id + "', 'MIT" + suffix', '[ \\t]+(.*?)', '\\s*(?P<expr>.+)$', '(.+)'])('a value that is code (%j) is a note, not an error', (value) => {
    const r = detect('gen.c', `// SPDX-License-Identifier: ${value}\n`);
    expect(r.declarations).toEqual([]);
    expect(r.problems).toMatchObject([{ code: 'tag-in-code', severity: 'note', line: 1 }]);
  });

  // reuse-tool's compiled _util.cpython-311.pyc holds its tag patterns among bytecode.
  it('a pattern that reads tags, in a binary, is a note, not an invalid expression', () => {
    const pyc = Buffer.concat([Buffer.from([0xa7, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0]), Buffer.from('z\x1b^(.*?)SPDX-License-Identifier:[ \t]+(.*?)zl(?P<copyright>')]);
    const r = detect('reuse/__pycache__/_util.cpython-311.pyc', pyc);
    expect(r.declarations).toEqual([]);
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['tag-in-code', 'note']]);
  });

  it('an empty value is a problem', () => {
    expect(detect('a.c', '// SPDX-License-Identifier:\n').problems).toMatchObject([{ code: 'invalid-expression', line: 1 }]);
  });

  it('a deprecated id counts, with a warning naming the replacement', () => {
    const r = detect('a.c', '// SPDX-License-Identifier: GPL-2.0+\n');
    expect(r.declarations).toMatchObject([{ expression: 'GPL-2.0-or-later', raw: 'GPL-2.0+' }]);
    expect(r.problems).toMatchObject([{ code: 'deprecated-id', severity: 'warning' }]);
  });
});

describe('bounded reading', () => {
  it('gives the same result when the text arrives in chunks, whatever the cut', () => {
    const text = '#!/bin/sh\r\n# SPDX-FileCopyrightText: 2020 Jane\r\n# SPDX-License-Identifier: MIT OR Apache-2.0\r\nx\n# SPDX-SnippetBegin\n# SPDX-License-Identifier: ISC\n# SPDX-SnippetEnd\n© 2021 Bob\n';
    const whole = scanTags(text);
    for (let cut = 1; cut < text.length; cut += 3) {
      expect(scanTags(text.slice(0, cut), [text.slice(cut)])).toEqual(whole);
    }
    for (let size = 1; size < 12; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(scanTags('', chunks)).toEqual(whole);
    }
  });

  it.each([
    ['utf8', 'SPDX-License-Identifier: MIT\r\n© 2020 Jösé\n// SPDX-FileCopyrightText: 2021 Ünal\nno marker\n# Copyright 2022 Last'],
    ['latin1', '# Copyright \xa9 2020 Jos\xe9\n# SPDX-License-Identifier: ISC\n'],
  ] as const)('reads the bytes of a whole file as it reads its text (%s)', (encoding, text) => {
    const buf = Buffer.from(text, encoding);
    expect(scanBuffer(buf, 0, encoding)).toEqual(scanTags(text));
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buf]);
    expect(scanBuffer(withBom, 3, encoding)).toEqual(scanTags(text));
  });

  it.each(['utf8', 'latin1'] as const)('reads a large file chunk by chunk in its bytes as it reads it whole, whatever the cuts (%s)', (encoding) => {
    const text = '#!/bin/sh\r\n# SPDX-FileCopyrightText: 2020 Jösé\r\n# SPDX-License-Identifier: MIT OR Apache-2.0\r\nx\n# REUSE-IgnoreStart\n# SPDX-License-Identifier: GPL-3.0\n# REUSE-IgnoreEnd\n# SPDX-SnippetBegin\n# SPDX-License-Identifier: ISC\n# SPDX-SnippetEnd\n© 2021 Bob\nno newline at the end: Copyright 2022 Ann';
    const buf = Buffer.from(text, encoding);
    const whole = scanBuffer(buf, 0, encoding);
    expect(whole.tags.length).toBe(4);
    expect(whole.snippets).toHaveLength(1);
    // Cuts anywhere: inside a tag, inside a two-byte character, at a line break.
    for (let size = 1; size < 14; size++)
      for (let head = 0; head < 20; head += 7) {
        const chunks: Buffer[] = [];
        for (let i = head; i < buf.length; i += size) chunks.push(buf.subarray(i, i + size));
        expect(scanByteChunks(buf.subarray(0, head), 0, chunks, encoding), `head ${head}, chunks of ${size}`).toEqual(whole);
      }
  });

  it('finds a notice in each case it may be written in, in the bytes and in the text', () => {
    const text = '// copyright 2001 Low\n// COPYRIGHT 2002 High\n// Copyright 2003 Title\n// playright 2004 Not\n';
    const want = [1, 2, 3].map((line) => ({ kind: 'copyright', line, value: `${2000 + line} ${['Low', 'High', 'Title'][line - 1]}` }));
    expect(scanBuffer(Buffer.from(text), 0, 'utf8').tags).toMatchObject(want);
    expect(scanTags(text).tags).toMatchObject(want);
    expect(scanTags(text).tags).toHaveLength(3);
  });

  it('keeps at most MAX_TAGS tags of a file and says where it stopped', () => {
    const d = detect('a.c', '// SPDX-License-Identifier: MIT\n'.repeat(MAX_TAGS + 5));
    expect(d.declarations).toHaveLength(MAX_TAGS);
    expect(d.problems).toEqual([expect.objectContaining({ code: 'too-many-tags', severity: 'warning', line: MAX_TAGS + 1 })]);
  });

  // A backtracking strip of trailers would need ~10^10 steps here and never finish.
  it('reads a hostile tag line (a long run of spaces) in one pass', () => {
    expect(detect('a.c', `// SPDX-License-Identifier: MIT${' '.repeat(200_000)}x\n`).problems).toMatchObject([{ code: 'invalid-expression' }]);
    expect(detect('a.c', `// SPDX-License-Identifier: MIT ${' '.repeat(50_000)}*/ \n`).declarations.map((d) => d.expression)).toEqual(['MIT']);
  });

  // The comment-opener test, tried from every start of a 1 MB run of '/', '#', '-' or ';', would take minutes each.
  it('reads a notice after a long run of comment characters in one pass, as before', () => {
    for (const c of ['/', '#', '-', ';', '%']) {
      expect(detect('a.c', `${c.repeat(1_000_000)}x Copyright 2020 Jo\n`).copyrights).toEqual([]);
      expect(detect('a.c', `${c.repeat(1_000_000)} Copyright 2020 Jo\n`).copyrights.map((n) => n.text)).toEqual(['2020 Jo']);
    }
    // The opener at the end of a long prefix still makes a comment; a box comment's star after it too.
    expect(detect('a.bat', `${'x '.repeat(100_000)}rem * Copyright 2020 Jo\n`).copyrights.map((n) => n.text)).toEqual(['2020 Jo']);
    expect(detect('a.c', `${'x '.repeat(100_000)}x Copyright 2020 Jo\n`).copyrights).toEqual([]);
    // After the word, spaces then an optional ':' or ',': read one way, not n² ways, where nothing follows them.
    expect(detect('a.c', `// Copyright${' '.repeat(1_000_000)}\n// Copyright${' '.repeat(1_000)}: 2020 Jo\n`).copyrights.map((n) => n.text)).toEqual(['2020 Jo']);
  });

  it('drops a line too long to hold a tag instead of keeping it in memory', () => {
    const long = 'x'.repeat(200_000);
    const chunks = [long.slice(0, 100_000), long.slice(100_000), '\n# SPDX-License-Identifier: MIT\n'];
    expect(scanTags('', chunks).tags).toMatchObject([{ kind: 'license', value: 'MIT', line: 2 }]);
  });

  it('reads a binary\'s head as reuse-tool does: UTF-8, and tags anywhere (a PNG text chunk)', () => {
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), Buffer.from('tEXtComment\0SPDX-License-Identifier: CC0-1.0\n'), Buffer.from([0x0a, 0xa9, 0x20, 0x41, 0x42, 0x0a])]);
    const r = detect('a.png', bytes);
    expect(r.declarations.map((d) => d.expression)).toEqual(['CC0-1.0']);
    expect(r.copyrights).toEqual([]); // a stray 0xA9 byte is no ©
  });

  it("in a binary, a tag's text ends at the data after it, and a bare copyright string is an embedded part's, not the file's", () => {
    // A JPEG with the sRGB ICC profile (its 'cprt' text) and an XMP-less comment segment holding tags, no line breaks.
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe2, 0x0c, 0x58]),
      Buffer.from('ICC_PROFILE\0\x01\x01cprt\0\0\0\x33text\0\0\0\0Copyright (c) 1998 Hewlett-Packard Company\0desc\0\0\0\x12', 'latin1'),
      Buffer.from([0xff, 0xfe, 0x00, 0x40]),
      Buffer.from('SPDX-FileCopyrightText: 2024 Jane Doe\0\x07SPDX-License-Identifier: CC-BY-4.0\x1f\x8b\x08junk', 'latin1'),
    ]);
    const r = detect('photo.bin', bytes);
    expect(r.declarations.map((d) => d.expression)).toEqual(['CC-BY-4.0']);
    expect(r.copyrights.map((c) => c.text)).toEqual(['2024 Jane Doe']);
  });

  it('searches only the head of a binary file', () => {
    const head = new Uint8Array([0, 1, 2, ...new TextEncoder().encode('\n# SPDX-License-Identifier: MIT\n')]);
    const bytes = new Uint8Array(10_000);
    bytes.set(head);
    bytes.set(new TextEncoder().encode('\n# SPDX-License-Identifier: GPL-3.0-only\n'), 8000);
    expect(detect('a.bin', bytes).declarations.map((d) => d.expression)).toEqual(['MIT']);
  });
});
