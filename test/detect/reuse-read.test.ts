// lint --reuse reads a text file's license tags and copyright notices as reuse-tool 5.0 extracts them
// (src/detect/reuse-read.ts). Each value below is what reuse-tool 5.0.2 extracted from the same line (checked
// by hand with Debian 13's reuse: find_spdx_tag and extract_reuse_info).
import { describe, expect, it } from 'vitest';
import { parsesAsExpression, readAsReuseTool } from '../../src/detect/reuse-read.js';
import { fileInput } from '../helpers.js';

const values = (text: string): string[] => readAsReuseTool(fileInput('a.txt', text)).licenses.map((t) => t.value);
const notices = (text: string): string[] => readAsReuseTool(fileInput('a.txt', text)).copyrights.map((c) => c.text);

describe("reuse-tool's reading of license tags", () => {
  it.each([
    ['# SPDX-License-Identifier: MIT', 'MIT'],
    ['/* SPDX-License-Identifier: MIT */', 'MIT'],
    ['<!-- SPDX-License-Identifier: MIT -->', 'MIT'],
    // In code, as it stands: a string's quote stays (and reuse-tool then cannot parse the value).
    ['x = "SPDX-License-Identifier: MIT"', 'MIT"'],
    ['print("SPDX-License-Identifier: " + lic)', '" + lic)'],
    ['const t = `SPDX-License-Identifier: ${id}`;', '${id}`;'],
    // Endings it strips: a template's `}`, an attribute's `" />`, reStructuredText's `] ::`, ERB's `--%>`.
    ['{{ SPDX-License-Identifier: MIT }}', 'MIT'],
    ['<tag value="SPDX-License-Identifier: MIT" />', 'MIT'],
    ['[SPDX-License-Identifier: MIT] ::', 'MIT'],
    ['<%-- SPDX-License-Identifier: MIT --%>', 'MIT'],
    ['{- SPDX-License-Identifier: MIT -}', 'MIT -'],
    ['x --}} SPDX-License-Identifier: MIT--}}', 'MIT'],
    // A framed comment: the prefix, reversed, closes the line.
    ['|* SPDX-License-Identifier: MIT *|', 'MIT'],
    // No space after the colon: no tag; the first tag that has one counts.
    ['SPDX-License-Identifier:MIT', null],
    ['SPDX-License-Identifier:MIT SPDX-License-Identifier: ISC', 'ISC'],
    ['# SPDX-License-Identifier:\tGPL-2.0-or-later WITH Linux-syscall-note', 'GPL-2.0-or-later WITH Linux-syscall-note'],
  ])('%s -> %s', (line, value) => {
    expect(values(`${line}\n`)).toEqual(value === null ? [] : [value]);
  });

  it.each([
    ['# SPDX-FileCopyrightText: 2020 Jo', 'SPDX-FileCopyrightText: 2020 Jo'],
    ['See Copyright for the status of this software', 'Copyright for the status of this software'],
    ['/* Copyright (C) 1999 Jo */', 'Copyright (C) 1999 Jo'],
    ['copyright (C) 1999 by Jo', null],
    ['\u00a9 2021 Al', '\u00a9 2021 Al'],
    ['Copyright: (c) 2013 X', null],
    ['x = "Copyright 2020 Jo"', 'Copyright 2020 Jo"'],
    ['CopyrightNotice', null],
    ['<tag value="Copyright 2019 Jane" />', 'Copyright 2019 Jane'],
    ['Copyright\v2020 Jo', null], // a vertical tab ends a line for Python's splitlines()
    ['#   SPDX-FileCopyrightText: 2020 Jo -->', 'SPDX-FileCopyrightText: 2020 Jo'],
  ])('copyright notice in %j -> %j', (line, notice) => {
    expect(notices(`${line}\n`)).toEqual(notice === null ? [] : [notice]);
  });

  it('reads the first 4 KiB only, unless the file holds a snippet', () => {
    const late = `${'x = 1\n'.repeat(1000)}# SPDX-License-Identifier: MIT\n`;
    expect(values(late)).toEqual([]);
    expect(values(`# SPDX-SnippetBegin\n${late}`)).toEqual(['MIT']);
  });

  it('skips REUSE-IgnoreStart…End blocks as reuse-tool cuts them, and keeps the lines their numbers', () => {
    const text = '# a\n# REUSE-IgnoreStart\nx = "SPDX-License-Identifier: " + y\n# REUSE-IgnoreEnd\n# SPDX-License-Identifier: MIT\n';
    expect(readAsReuseTool(fileInput('a.py', text)).licenses).toEqual([{ kind: 'license', value: 'MIT', line: 5, snippet: null }]);
    // Unclosed: the rest of the text is cut.
    expect(values('# a\n# REUSE-IgnoreStart\n# SPDX-License-Identifier: MIT\n')).toEqual([]);
    // A block at the very start of the text is kept (reuse-tool's `if not ignore_start`).
    expect(values('REUSE-IgnoreStart\n# SPDX-License-Identifier: MIT\nREUSE-IgnoreEnd\n')).toEqual(['MIT']);
  });

  it('reads a hostile line in time linear in its length', () => {
    const line = `SPDX-License-Identifier: ${'}'.repeat(200_000)}x${'" '.repeat(100_000)}`;
    const start = process.hrtime.bigint();
    expect(values(`# SPDX-SnippetBegin\n${line}\n`)).toHaveLength(1);
    expect(Number(process.hrtime.bigint() - start) / 1e9).toBeLessThan(10); // a bound against quadratic work (minutes here), not a benchmark
  });

  it('reads a tag of 100,000 nested parentheses without running out of stack', () => {
    const deep = `${'('.repeat(100_000)}MIT${')'.repeat(100_000)}`;
    expect(parsesAsExpression(deep)).toBe(true);
    expect(parsesAsExpression(`${deep})`)).toBe(false);
    expect(parsesAsExpression(`(${deep}`)).toBe(false);
  });

  it('cuts 30,000 ignored blocks in one pass, without running out of stack', () => {
    const text = `# SPDX-SnippetBegin\n${'x REUSE-IgnoreStart SPDX-License-Identifier: MIT/x REUSE-IgnoreEnd\n'.repeat(30_000)}# SPDX-License-Identifier: ISC\n`;
    const read = readAsReuseTool(fileInput('a.py', text));
    expect(read.licenses).toEqual([{ kind: 'license', value: 'ISC', line: 30_002, snippet: null }]);
  });
});
