import { describe, expect, it } from 'vitest';
import { detector } from '../../src/detect/reuse-toml.js';
import { copyrightStatement } from '../../src/detect/tag-scan.js';
import { fileInput, testContext } from '../helpers.js';

const ctx = testContext();
const read = (text: string, path = 'REUSE.toml') => detector.detect(fileInput(path, text), ctx);
const codes = (text: string) => read(text).problems.map((p) => [p.code, p.line]);

const VALID = `version = 1

[[annotations]]
path = ["po/*.po", "po/*.pot"]
precedence = "aggregate"
SPDX-FileCopyrightText = "2019 Translation Collective"
SPDX-License-Identifier = "GPL-3.0-or-later"

[[annotations]]
path = "tests/resources/**"
precedence = "override"
SPDX-FileCopyrightText = ["SPDX-FileCopyrightText: 2019 Jane Doe", "© 2020 Worker Co-op"]
SPDX-License-Identifier = ["CC0-1.0", "PPL"]

[[annotations]]
path = 'assets/\\*star\\*.png'
SPDX-License-Identifier = "CC-BY-SA-4.0"
`;

describe('REUSE.toml detector', () => {
  it.each([
    ['REUSE.toml', true],
    ['sub/dir/REUSE.toml', true],
    ['REUSE.toml.license', false],
    ['reuse.toml', false],
    ['xREUSE.toml', false],
    ['sub/REUSE.toml.bak', false],
  ])('accepts %s: %s', (path, expected) => {
    expect(detector.accepts(path, 'text')).toBe(expected);
  });

  it('reads every table with its line, precedence, copyrights and normalized licenses', () => {
    const d = read(VALID);
    expect(d.problems).toEqual([]);
    expect(d.declarations).toEqual([]);
    expect(d.annotations!.map((a) => [a.line, a.base, a.paths, a.precedence])).toEqual([
      [3, '', ['po/*.po', 'po/*.pot'], 'aggregate'],
      [9, '', ['tests/resources/**'], 'override'],
      [15, '', ['assets/\\*star\\*.png'], 'closest'],
    ]);
    const second = d.annotations![1]!;
    expect(second.copyrights.map((c) => [c.text, c.line, c.scope, c.precedence])).toEqual([
      ['2019 Jane Doe', 12, 'glob', 'override'],
      ['2020 Worker Co-op', 12, 'glob', 'override'],
    ]);
    expect(second.declarations).toEqual([
      { expression: 'CC0-1.0', source: 'reuse-toml', file: 'REUSE.toml', line: 13, confidence: 1, scope: 'glob', field: 'SPDX-License-Identifier', precedence: 'override' },
      { expression: 'PPL', source: 'reuse-toml', file: 'REUSE.toml', line: 13, confidence: 1, scope: 'glob', field: 'SPDX-License-Identifier', precedence: 'override' },
    ]);
  });

  it('takes its base folder from where it lies', () => {
    const d = read('version = 1\n[[annotations]]\npath = "*.c"\nSPDX-License-Identifier = "MIT"\n', 'lib/vendor/REUSE.toml');
    expect(d.annotations!.map((a) => [a.file, a.base])).toEqual([['lib/vendor/REUSE.toml', 'lib/vendor']]);
  });

  it('reports an invalid expression on the line it is written on; the other annotations still count', () => {
    const text = `version = 1

[[annotations]]
path = "a/**"
SPDX-License-Identifier = "MIT"

[[annotations]]
path = "b/**"
SPDX-FileCopyrightText = "2024 Jane"
SPDX-License-Identifier = [
  "Apache-2.0",
  "GPL-3.0-or-laterr",
]
`;
    const d = read(text);
    expect(d.problems.map((p) => [p.code, p.severity, p.file, p.line])).toEqual([['invalid-expression', 'error', 'REUSE.toml', 12]]);
    expect(d.problems[0]!.suggestion).toBe('Write: SPDX-License-Identifier = "GPL-3.0-or-later"');
    expect(d.annotations!.map((a) => [a.paths[0], a.declarations.map((x) => x.expression), a.copyrights.length])).toEqual([
      ['a/**', ['MIT'], 0],
      ['b/**', ['Apache-2.0'], 1], // the table still claims its files (last match wins)
    ]);
  });

  it('normalizes aliases and deprecated ids, with a note saying what to write', () => {
    const d = read('version = 1\n[[annotations]]\npath = "x"\nSPDX-License-Identifier = "GPL-2.0+"\n');
    expect(d.annotations![0]!.declarations.map((x) => [x.expression, x.raw])).toEqual([['GPL-2.0-or-later', 'GPL-2.0+']]);
    expect(d.problems.map((p) => [p.code, p.line, p.suggestion])).toEqual([['deprecated-id', 4, 'Write: SPDX-License-Identifier = "GPL-2.0-or-later"']]);
  });

  it.each([
    ['malformed TOML', 'version = 1\n\n[[annotations]]\npath = ["a",\n', [['malformed-reuse-toml', 5]]],
    ['an unclosed string', 'version = 1\n[[annotations]]\npath = "a\n', [['malformed-reuse-toml', 3]]],
    ['no version', '[[annotations]]\npath = "a"\n', [['invalid-reuse-toml', 1]]],
    ['version 2', '# c\nversion = 2\n[[annotations]]\npath = "a"\n', [['invalid-reuse-toml', 2]]],
    ['version as a string', 'version = "1"\n', [['invalid-reuse-toml', 1]]],
    ['version as a float', 'version = 1.0\n', [['invalid-reuse-toml', 1]]],
    ['a table without path', 'version = 1\n[[annotations]]\nSPDX-License-Identifier = "MIT"\n', [['invalid-reuse-toml', 2]]],
    ['a path that is a number', 'version = 1\n[[annotations]]\npath = 3\n', [['invalid-reuse-toml', 3]]],
    ['a path list with a number', 'version = 1\n[[annotations]]\npath = ["a", 3]\n', [['invalid-reuse-toml', 3]]],
    ['a path escaping the folder', 'version = 1\n[[annotations]]\npath = ["../x", "ok/*"]\n', [['reuse-path-outside', 3]]],
    ['an absolute path', 'version = 1\n[[annotations]]\npath = "/etc/x"\n', [['reuse-path-outside', 3]]],
    ['a precedence REUSE does not know', 'version = 1\n[[annotations]]\npath = "a"\nprecedence = "overide"\n', [['invalid-reuse-toml', 4]]],
    ['a license that is not a string', 'version = 1\n[[annotations]]\npath = "a"\nSPDX-License-Identifier = 3\n', [['invalid-reuse-toml', 4]]],
    ['annotations that are no list', 'version = 1\nannotations = "x"\n', [['invalid-reuse-toml', 2]]],
    ['an empty file', '', [['invalid-reuse-toml', 1]]],
  ])('reports %s with its line', (_, text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('keeps what is usable from a table with problems', () => {
    const d = read('version = 1\n[[annotations]]\npath = ["../x", "ok/*"]\nprecedence = "overide"\nSPDX-License-Identifier = "MIT"\n');
    expect(d.annotations!.map((a) => [a.paths, a.precedence, a.declarations.map((x) => x.expression)])).toEqual([[['ok/*'], 'closest', ['MIT']]]);
  });

  it('ignores a table whose only path escapes', () => {
    expect(read('version = 1\n[[annotations]]\npath = "../x"\nSPDX-License-Identifier = "MIT"\n').annotations).toEqual([]);
  });

  it('applies no annotation from malformed TOML', () => {
    const d = read('version = 1\n[[annotations]]\npath = "a"\nSPDX-License-Identifier = "MIT"\n[[annotations]\n');
    expect(d.annotations ?? []).toEqual([]);
    expect(d.problems[0]!.message).toMatch(/not valid TOML/);
  });

  it('ignores keys the spec leaves to users', () => {
    const d = read('version = 1\n[meta]\nx = 1\n[[annotations]]\npath = "a"\nSPDX-FileComment = "vendored"\nSPDX-License-Identifier = "MIT"\n');
    expect(d.problems).toEqual([]);
    expect(d.annotations![0]!.line).toBe(4);
  });

  it('survives hostile nesting', () => {
    const d = read(`version = 1\nx = ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(d.problems.map((p) => p.code)).toEqual(['malformed-reuse-toml']);
  });
});

describe('copyrightStatement', () => {
  it.each([
    ['2019 Jane Doe', '2019 Jane Doe'],
    ['SPDX-FileCopyrightText: 2019 Jane Doe', '2019 Jane Doe'],
    ['Copyright 2019 Jane Doe', '2019 Jane Doe'],
    ['Copyright (C) 2019 Jane Doe', '2019 Jane Doe'],
    ['© 2019 Jane Doe', '2019 Jane Doe'],
    ['  (c) Worker Co-op  ', 'Worker Co-op'],
    ['', ''],
  ])('%j -> %j', (raw, expected) => {
    expect(copyrightStatement(raw)).toBe(expected);
  });
});

describe('REUSE.toml detector on hostile input', () => {
  it('reads a table with tens of thousands of values', () => {
    const many = (f: (i: number) => string) => Array.from({ length: 30_000 }, (_, i) => `  ${JSON.stringify(f(i))},`).join('\n');
    const text = `version = 1\n[[annotations]]\npath = [\n${many((i) => `dir${i}/**`)}\n]\nSPDX-License-Identifier = [\n${many((i) => (i % 2 ? 'MIT' : 'PPL'))}\n]\nSPDX-FileCopyrightText = [\n${many((i) => `2024 Holder ${i}`)}\n]\n`;
    const d = read(text);
    const a = d.annotations![0]!;
    expect([a.paths.length, a.declarations.length, a.copyrights.length]).toEqual([30_000, 2, 30_000]);
    expect(a.copyrights.at(-1)!.line).toBe(90_007);
  });
});
