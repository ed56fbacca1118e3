import { describe, expect, it } from 'vitest';
import { normalizeText, normalizeWords } from '../../../src/detect/license-text/normalize.js';

const words = (text: string): string => normalizeWords(text).join(' ');

describe('normalizeWords', () => {
  it.each([
    ['case and whitespace', 'Permission  IS\n\thereby   GRANTED', 'permission is hereby granted'],
    ['straight and curly quotes', 'THE SOFTWARE IS PROVIDED "AS IS" and “AS IS” and ‘as is’', 'the software is provided as is and as is and as is'],
    ['punctuation', 'use, copy; modify: merge/publish (and) distribute.', 'use copy modify merge publish and distribute'],
    ['hyphenated words join', 'non-commercial and worker‑owned', 'noncommercial and workerowned'],
    ['a word hyphenated across lines joins', 'reason-\nably and worker-\nowned', 'reasonably and workerowned'],
    ['apostrophes join', "Licensor's and Licensor’s", 'licensors and licensors'],
    ['pandoc escapes', 'THIS LICENSE (\\"LICENSE\\"). The Licensor\\\'s terms', 'this license license the licensors terms'],
    ['markdown headings, emphasis, bullets', '# Title\n\n## 1. Definitions\n\n- **Adaptation** means _a work_\n* `item`', 'title definitions adaptation means a work item'],
    ['markdown links keep their text', 'see [the License](https://example.org/license "title") and [ref][1]\n\n[1]: https://example.org', 'see the license and ref'],
    ['HTML tags and entities', '<p>Permission is <b>hereby</b> granted &quot;AS IS&quot; &amp; more</p><!-- a\ncomment -->', 'permission is hereby granted as is more'],
    ['list markers wherever they stand', '1. Redistributions\n(a) first; b) second: iv. third\n  2.1 Sub', 'redistributions first second third sub'],
    ['bullets and numbers read the same', '* Redistributions of source', 'redistributions of source'],
    ['copyright notices', 'Copyright (c) 2020 Jane Doe\n© 2021 X\n(C) 1999 Y\nCopyright 2021 The Foo Authors\nCopyright [yyyy] [name of copyright owner]\nCOPYRIGHT (C) 2000 Z\nAll rights reserved.\nKeep', 'keep'],
    ['a name or link before the sign, and "Portions Copyright"', 'Copyright (https://github.com/onlxltd/bonjour-service) (c) 2021 ON LX Limited\nPortions Copyright (Bonjour - https://github.com/watson/bonjour) (c) 2015 T\nPortions Copyright (c) 1994, The Regents\nportions © 2001 X\nKeep', 'keep'],
    ['prose about portions and copyright stays', 'Portions of this software are\nCopyright (see below) holders\nportions copyright law', 'portions of this software are copyright see below holders portions copyright law'],
    ['prose about copyright stays', 'copyright law applies\nCOPYRIGHT HOLDERS BE LIABLE\nCopyright Notice', 'copyright law applies copyright holders be liable copyright notice'],
    ['template placeholders, even across lines', 'Offered by <name of\nauthor> for [Work Title] and {owner} OK', 'offered by for and ok'],
    ['placeholders in a sentence', 'Neither the name of <ORGANIZATION> nor', 'neither the name of nor'],
    ['SPDX and REUSE tags', 'SPDX-License-Identifier: MIT\nSPDX-FileCopyrightText: 2024 X\nText', 'text'],
    ['equivalent words', 'licence, licences, copyright owner, per cent, sub-license, https://x, labour', 'license licenses copyright holder percent sublicense http x labor'],
    ['accents and ligatures', 'Licencié ﬁnal Ärger', 'licencie final arger'],
    ['object-prototype words are words', 'constructor toString __proto__', 'constructor tostring proto'],
  ])('%s', (_name, input, expected) => {
    expect(words(input)).toBe(expected);
  });

  it("drops a word every line starts with as comment syntax (Adobe's %%Copyright:, REM), and no other", () => {
    const text = 'Permission is hereby granted\nfree of charge\n\nto any person\nobtaining a copy\nof this software';
    const prefixed = (p: string) => text.split('\n').map((l) => (l ? `${p}${l}` : l)).join('\n');
    expect(words(prefixed('%%Copyright: '))).toBe(words(text));
    expect(words(prefixed('REM '))).toBe(words(text));
    expect(normalizeText(prefixed('%%Copyright: ')).lines).toEqual(normalizeText(text).lines);
    // Fewer than five lines, lines that differ, or a column of copyright notices: as written.
    expect(words('Note: one\nNote: two\nNote: three')).toBe('note one note two note three');
    expect(words(`${prefixed('%%Copyright: ')}\nand one line without`)).toContain('copyright');
    expect(words('Copyright 2020 A\nCopyright 2021 B\nCopyright 2022 C\nCopyright 2023 D\nCopyright 2024 E\nKeep')).toBe('keep');
  });

  it('reads a text the same after its paragraphs are re-wrapped', () => {
    const text = 'The Licensor grants You a worldwide,\nroyalty-free license:\n\n  a. to Reproduce the Work;\n  b. to Distribute it.\n';
    const reflowed = 'The Licensor grants You a worldwide, royalty-free\nlicense: a. to Reproduce the Work; b. to\nDistribute it.\n';
    expect(words(reflowed)).toBe(words(text));
  });
});

describe('normalizeText', () => {
  it('gives every word the 1-based line it came from', () => {
    const { tokens, lines } = normalizeText('MIT License\n\nCopyright (c) 2020 X\n\nPermission is\nhereby granted');
    expect(tokens).toEqual(['mit', 'license', 'permission', 'is', 'hereby', 'granted']);
    expect(lines).toEqual([1, 1, 5, 5, 6, 6]);
  });

  it('keeps line numbers where decoration and list markers go, blank lines and the first line included', () => {
    const { tokens, lines } = normalizeText('\n  > # 1. One\n\n\t* (a) two\n\n   - iv. three 1.2 four\n');
    expect(tokens).toEqual(['one', 'two', 'three', 'four']);
    expect(lines).toEqual([2, 4, 6, 6]);
    expect(normalizeText('  - First\nsecond').lines).toEqual([1, 2]);
  });

  it('reads words by UTF-16 units in a text with astral characters, as the reference texts were read', () => {
    // \u{20000} is a letter, but each of its two units alone is not: it parts the words around it.
    expect(normalizeText('one\u{20000}two 𝐀 three-\nfour').tokens).toEqual(['one', 'two', 'a', 'threefour']);
    expect(normalizeText('one-two licence').tokens).toEqual(['onetwo', 'license']);
  });

  it('keeps line numbers after a placeholder that spans lines', () => {
    const { tokens, lines } = normalizeText('one <two\nthree> four\nfive');
    expect(tokens).toEqual(['one', 'four', 'five']);
    expect(lines).toEqual([1, 2, 3]);
  });

  it.each([
    ['angle brackets', '<'.repeat(200_000) + 'a'],
    ['square brackets', '['.repeat(200_000)],
    ['escapes', '\\'.repeat(200_000)],
    ['one long word with joiners', 'a-'.repeat(200_000)],
    ['an unclosed HTML comment', '<!--' + ' x'.repeat(100_000)],
    ['a copyright line of spaces', 'Copyright' + ' '.repeat(100_000) + ':' + ' '.repeat(100_000) + 'x'],
    ['a markdown link that never closes', '['.repeat(1000) + 'a](' .repeat(20_000)],
  ])('stays linear on hostile input: %s', (_name, input) => {
    normalizeText(input);
  });
});
