// The matcher remembers answers by text and by words (memo.ts): a remembered answer must be
// the one a fresh match gives, on the asking text's own lines and for its own options.
import { describe, expect, it } from 'vitest';
import { loadMatcher } from '../../../src/detect/license-text/index.js';
import { matchText } from '../../../src/detect/license-text/match.js';
import { readIndex } from '../../../src/detect/license-text/index-data.js';
import { GENERATED_DIR } from '../../../src/paths.js';
import { spdxText } from './corpus.js';

const index = readIndex(GENERATED_DIR);
const fresh = (text: string, minConfidence = 0.9, hint?: string) => matchText(index, text, { minConfidence, ...(hint ? { hint } : {}) });
const mit = spdxText('MIT');
const wrapped = (text: string, width: number): string =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim().replace(new RegExp(`(.{1,${width}})(?: |$)`, 'g'), '$1\n').trimEnd())
    .join('\n\n');

describe('the match memo', () => {
  it('answers a text that differs only in copyright lines on that text, even when the lines moved', () => {
    const matcher = loadMatcher();
    const a = `Copyright (c) 2020 Jo\n\n${mit}`;
    const b = `Copyright (c) 2021 Al\nCopyright (c) 2022 Bo\n\n\n${mit}`;
    const c = `# Licence\n\n${wrapped(mit, 50)}`;
    const d = `Copyright (c) 2020 Jo\nCopyright (c) 2021 Al\n${mit}`;
    const e = `Copyright (c) 2022 Bo\n${mit}`;
    for (const text of [a, b, c, a, d, e]) expect(matcher.match(text, { minConfidence: 0.9 })).toEqual(fresh(text));
    expect(matcher.match(b, { minConfidence: 0.9 }).matches[0]!.startLine).toBe(matcher.match(a, { minConfidence: 0.9 }).matches[0]!.startLine + 2);
  });

  it('blanks only whole notice lines: a notice split over two lines, or after U+2028, is words like any other', () => {
    const matcher = loadMatcher();
    const words = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');
    // Equal keys, were the notice read across the line break or from U+2028: the second would get the first one's answer.
    for (const [a, b] of [
      [`${mit}\nCopyright\n2020 ${words(25, 'alpha')}`, `${mit}\nCopyright\n2020 ${words(40, 'beta')}`],
      [`${mit}\nSee also\u2028Copyright 2020 ${words(25, 'gamma')}`, `${mit}\nSee also\u2028Copyright 2020 ${words(40, 'delta')}`],
    ]) {
      expect(matcher.match(a!, { minConfidence: 0.9 })).toEqual(fresh(a!));
      expect(matcher.match(b!, { minConfidence: 0.9 })).toEqual(fresh(b!));
    }
  });

  it('keeps answers apart by options', () => {
    const matcher = loadMatcher();
    // One word changed: a fuzzy match, named at 0.9 but not at 0.999.
    const text = mit.replace(/merchantability/i, 'merchantibility');
    const loose = matcher.match(text, { minConfidence: 0.9 });
    expect(loose.matches.map((m) => m.expression)).toEqual(['MIT']);
    expect(loose.matches[0]!.confidence).toBeLessThan(1);
    expect(matcher.match(text, { minConfidence: 0.999 })).toEqual(fresh(text, 0.999));
    expect(matcher.match(text, { minConfidence: 0.999 }).matches).toEqual([]);
    const lgpl = spdxText('LGPL-2.1-only');
    expect(matcher.match(lgpl, { minConfidence: 0.9, hint: 'LGPL-2.1-or-later' })).toEqual(fresh(lgpl, 0.9, 'LGPL-2.1-or-later'));
    expect(matcher.match(lgpl, { minConfidence: 0.9 })).toEqual(fresh(lgpl));
    // The exact pass alone does not name a changed word; the whole matcher, asked after it, still does.
    expect(matcher.match(text, { minConfidence: 0.9, exactOnly: true }).matches).toEqual([]);
    expect(matcher.match(text, { minConfidence: 0.9 })).toEqual(loose);
    const other = mit.replace(/merchantability/i, 'merchantabilty');
    expect(matcher.match(other, { minConfidence: 0.9 }).matches.map((m) => m.expression)).toEqual(['MIT']);
    expect(matcher.match(other, { minConfidence: 0.9, exactOnly: true }).matches).toEqual([]);
  });
});
