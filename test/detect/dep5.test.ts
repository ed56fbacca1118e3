import { describe, expect, it } from 'vitest';
import { detector } from '../../src/detect/dep5.js';
import { fileInput, testContext } from '../helpers.js';

const ctx = testContext();
const read = (text: string) => detector.detect(fileInput('.reuse/dep5', text), ctx);
const HEADER = 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: commons\n';

describe('dep5 detector', () => {
  it.each([
    ['.reuse/dep5', true],
    ['sub/.reuse/dep5', false],
    ['debian/copyright', false],
    ['.reuse/dep5.license', false],
  ])('accepts %s: %s', (path, expected) => {
    expect(detector.accepts(path, 'text')).toBe(expected);
  });

  it('reads Files paragraphs as aggregate annotations of the root', () => {
    const text = `${HEADER}
# translations come from the collective
Files: po/*.po
 po/*.pot
Copyright: 2019 Translation Collective
 Copyright 2020 Jane Doe <jane@example.org>
 .
License: GPL-3.0-or-later
 The license text may follow here;
 it is not an expression.

Files: tests/resources/*
Copyright: 2019 Jane Doe
License: CC0-1.0

License: LicenseRef-Example
 A stand-alone license paragraph holds only a text.
`;
    const d = read(text);
    expect(d.problems).toEqual([]);
    expect(d.declarations).toEqual([]);
    expect(d.annotations!.map((a) => [a.source, a.line, a.base, a.paths, a.precedence])).toEqual([
      ['dep5', 5, '', ['po/*.po', 'po/*.pot'], 'aggregate'],
      ['dep5', 14, '', ['tests/resources/*'], 'aggregate'],
    ]);
    const first = d.annotations![0]!;
    expect(first.copyrights.map((c) => [c.text, c.line])).toEqual([
      ['2019 Translation Collective', 7],
      ['2020 Jane Doe <jane@example.org>', 8],
    ]);
    expect(first.declarations).toEqual([
      { expression: 'GPL-3.0-or-later', source: 'dep5', file: '.reuse/dep5', line: 10, confidence: 1, scope: 'glob', field: 'License', precedence: 'aggregate' },
    ]);
  });

  it('reads CRLF line ends and field names in any case', () => {
    const d = read('format: x\r\n\r\nfiles: a.c\r\ncopyright: 2024 Co-op\r\nlicense: MIT\r\n');
    expect(d.problems).toEqual([]);
    expect(d.annotations!.map((a) => [a.paths, a.declarations[0]!.expression, a.copyrights[0]!.text])).toEqual([[['a.c'], 'MIT', '2024 Co-op']]);
  });

  it.each([
    ['no header', 'Files: a\nCopyright: x\nLicense: MIT\n', [['malformed-dep5', 1]]],
    ['an invalid expression', `${HEADER}\nFiles: a\nCopyright: x\nLicense: GPL-3.0-or-later OR\n`, [['invalid-expression', 6]]],
    ['an empty License', `${HEADER}\nFiles: a\nCopyright: x\nLicense:\n`, [['invalid-expression', 6]]],
    ['a missing License', `${HEADER}\nFiles: a\nCopyright: x\n`, [['malformed-dep5', 4]]],
    ['a missing Copyright', `${HEADER}\nFiles: a\nLicense: MIT\n`, [['malformed-dep5', 4]]],
    ['a line that is no field', `${HEADER}\nFiles: a\nthis is prose\nCopyright: x\nLicense: MIT\n`, [['malformed-dep5', 5]]],
    ['a duplicated field', `${HEADER}\nFiles: a\nCopyright: x\nLicense: MIT\nlicense: PPL\n`, [['malformed-dep5', 7]]],
    ['a paragraph with neither Files nor License', `${HEADER}\nComment: hello\n`, [['malformed-dep5', 4]]],
    ['an invalid escape', `${HEADER}\nFiles: a\\b ok\nCopyright: x\nLicense: MIT\n`, [['malformed-dep5', 4]]],
    ['a continuation without a field', ` stray\n${HEADER}`, [['malformed-dep5', 1]]],
  ])('reports %s with its line', (_, text, expected) => {
    expect(read(text).problems.map((p) => [p.code, p.line])).toEqual(expected);
  });

  it('keeps the paragraphs it can read when one is broken', () => {
    const text = `${HEADER}\nFiles: a/*\nCopyright: x\nLicense: not a license\n\nFiles: b/*\nCopyright: y\nLicense: PPL\n`;
    const d = read(text);
    expect(d.problems.map((p) => p.code)).toEqual(['invalid-expression']);
    expect(d.problems[0]!.file).toBe('.reuse/dep5');
    // the broken paragraph still claims its files (the last matching paragraph wins), without a license
    expect(d.annotations!.map((a) => [a.paths[0], a.declarations.map((x) => x.expression)])).toEqual([
      ['a/*', []],
      ['b/*', ['PPL']],
    ]);
  });

  it('suggests the corrected License line', () => {
    const d = read(`${HEADER}\nFiles: a\nCopyright: x\nLicense: Apache 2.0\n`);
    expect(d.problems[0]!.suggestion).toBe('Write: License: Apache-2.0');
  });
});

describe('dep5 detector on hostile input', () => {
  it('reads a huge paragraph', () => {
    const holders = Array.from({ length: 50_000 }, (_, i) => ` ${2000 + (i % 20)} Holder ${i}`).join('\n');
    const fields = Array.from({ length: 50_000 }, (_, i) => `X-Field-${i}: ${i}`).join('\n');
    const d = read(`${HEADER}\n${fields}\nFiles: *\nCopyright: 2024 Co-op\n${holders}\nLicense: MIT\n`);
    expect(d.annotations![0]!.copyrights).toHaveLength(50_001);
  });
});
