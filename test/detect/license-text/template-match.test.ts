// The exact-template pass (template-match.ts): templates built from reference words and
// their spans (templateParts), the automaton that reads a text against them, and the
// matcher's use of it on real copies.
import { describe, expect, it } from 'vitest';
import { readIndex } from '../../../src/detect/license-text/index-data.js';
import { matchText } from '../../../src/detect/license-text/match.js';
import { normalizeWords } from '../../../src/detect/license-text/normalize.js';
import { TemplateSet } from '../../../src/detect/license-text/template-match.js';
import { templateParts, type TemplatePart, type TemplateSpan } from '../../../src/detect/license-text/template.js';
import type { IndexTarget } from '../../../src/detect/license-text/index-data.js';
import { GENERATED_DIR } from '../../../src/paths.js';
import { spdxText } from './corpus.js';
import { reflow } from './transforms.js';

const words = (s: string): string[] => s.split(' ');
const span = (kind: 'var' | 'optional', from: number, to: number, max = 10): TemplateSpan => ({ kind, from, to, max });

describe('templateParts', () => {
  const ref = words('a b c d e f g h i j');
  it('keeps the words between parts, a var as its size, an optional part as its words', () => {
    expect(templateParts(ref, [span('var', 2, 4, 3), span('optional', 6, 8)])).toEqual(['a b', 3, 'e f', ['g h'], 'i j']);
  });
  it('gives a var at least room for the reference words', () => {
    expect(templateParts(ref, [span('var', 0, 5, 2)])).toEqual([5, 'f g h i j']);
  });
  it('keeps a part nested in an optional one inside it, and one nested in a var is the var', () => {
    expect(templateParts(ref, [span('optional', 2, 10), span('var', 4, 5, 2), span('optional', 7, 10)])).toEqual(['a b', ['c d', 2, 'f g', ['h i j']]]);
    expect(templateParts(ref, [span('var', 2, 6, 6), span('optional', 3, 4)])).toEqual(['a b', 6, 'g h i j']);
  });
  it('drops a part that overlaps another without nesting (a stricter template)', () => {
    expect(templateParts(ref, [span('optional', 2, 5), span('optional', 4, 7)])).toEqual(['a b', ['c d e'], 'f g h i j']);
  });
  it('marks a place where words may be inserted', () => {
    expect(templateParts(ref, [span('var', 3, 3, 4)])).toEqual(['a b c', 4, 'd e f g h i j']);
  });
});

/** A set of hand-made templates, by index. */
function setOf(...templates: (readonly TemplatePart[])[]): TemplateSet {
  return new TemplateSet(templates.map((template, i) => ({ ids: [`T${i}`], kind: 'license', template }) as unknown as IndexTarget));
}
const find = (set: TemplateSet, text: string, slack = 3) => set.find(words(text), slack);

describe('TemplateSet', () => {
  const set = setOf(['permission is granted to', 2, 'to use it', ['with or without fee'], 'the end']);

  it('matches the words with a var filled by up to its size, and an optional part kept or left out', () => {
    expect(find(set, 'permission is granted to to use it the end')).toEqual({ target: 0, first: 0, last: 8 });
    expect(find(set, 'permission is granted to jo ann to use it with or without fee the end')).toEqual({ target: 0, first: 0, last: 14 });
    expect(find(set, 'permission is granted to jo to use it the end')).not.toBeNull();
  });
  it('refuses a var filled beyond its size, an optional part in half, a word changed', () => {
    expect(find(set, 'permission is granted to jo ann lee to use it the end')).toBeNull();
    expect(find(set, 'permission is granted to to use it with or the end')).toBeNull();
    expect(find(set, 'permission is given to to use it the end')).toBeNull();
  });
  it('allows fewer than `slack` words before and after the template, and says where it is', () => {
    expect(find(set, 'my title permission is granted to to use it the end see', 3)).toEqual({ target: 0, first: 2, last: 10 });
    expect(find(set, 'a long title here permission is granted to to use it the end', 3)).toBeNull();
    expect(find(set, 'permission is granted to to use it the end and more words', 3)).toBeNull();
  });
  it('reads a template that starts with a var or an optional part', () => {
    const open = setOf([['the foo license'], 'you may copy', 1, 'freely']);
    expect(find(open, 'the foo license you may copy it freely')).toEqual({ target: 0, first: 0, last: 7 });
    expect(find(open, 'you may copy freely')).toEqual({ target: 0, first: 0, last: 3 });
    const blank = setOf([2, 'shall be liable']);
    expect(find(blank, 'the author shall be liable')).toEqual({ target: 0, first: 0, last: 4 });
  });
  it('leaves a text two templates match to the shingle matcher', () => {
    const two = setOf(['you may', 1, 'copy it'], ['you may freely copy it']);
    expect(find(two, 'you may freely copy it')).toBeNull();
    expect(find(two, 'you may not copy it')).toEqual({ target: 0, first: 0, last: 4 });
  });
  it('takes only license texts with a template', () => {
    const targets = [
      { ids: ['N'], kind: 'notice', template: ['you may copy it'] },
      { ids: ['P'], kind: 'license' },
    ] as unknown as IndexTarget[];
    expect(new TemplateSet(targets).find(words('you may copy it'), 3)).toBeNull();
  });
  it('starts its state marks over before they would overflow, and still reads right', () => {
    const fresh = setOf(['permission is granted to', 2, 'to use it']);
    (fresh as unknown as { generation: number }).generation = 0x3fffffff - 3;
    expect(find(fresh, 'permission is granted to jo ann to use it')).toEqual({ target: 0, first: 0, last: 8 });
    expect((fresh as unknown as { generation: number }).generation).toBeLessThan(100);
  });
  it('costs the words times the states alive: a long hostile text is read at once', () => {
    const wide = setOf(['a', 60, 'b', 60, 'c']);
    const text = Array.from({ length: 200_000 }, () => 'a').join(' ');
    const started = Date.now();
    expect(wide.find(words(text), 20)).toBeNull();
    expect(Date.now() - started).toBeLessThan(5000); // a bound against backtracking, not a benchmark
  });
});

describe('the matcher with the real templates', () => {
  const index = readIndex(GENERATED_DIR);
  const targets = index.header.targets;
  const templates = new TemplateSet(targets);
  const idOf = (text: string): string | undefined => {
    const hit = templates.find(normalizeWords(text), 20);
    return hit ? targets[hit.target]!.ids[0] : undefined;
  };
  const mit = spdxText('MIT');
  const holder = mit.replace(/THE AUTHORS OR COPYRIGHT HOLDERS/, 'JOHN DOE');
  const apache = spdxText('Apache-2.0');
  const marker = apache.indexOf('END OF TERMS AND CONDITIONS');

  it('names template variants: a holder filled in, a title, an appendix left out', () => {
    expect(idOf(holder)).toBe('MIT');
    expect(idOf(`The MIT License\n\n${holder}`)).toBe('MIT');
    expect(idOf(apache.slice(0, marker + 'END OF TERMS AND CONDITIONS'.length))).toBe('Apache-2.0');
    expect(idOf(apache.slice(0, marker))).toBe('Apache-2.0');
    expect(idOf(spdxText('BSD-3-Clause').replace(/THE COPYRIGHT HOLDERS AND CONTRIBUTORS/, 'THE REGENTS'))).toBe('BSD-3-Clause');
  });
  it('leaves texts that are more than a template to the shingle matcher', () => {
    // X11 is MIT plus a paragraph, named by its own template, never MIT's; MIT-0 is MIT less its condition.
    expect(idOf(spdxText('X11'))).toBe('X11');
    expect(idOf(spdxText('MIT-0'))).toBeUndefined();
    expect(idOf(`${holder}\n\nExcept as contained in this notice, the name of the holder shall not be used in advertising or otherwise to promote the sale.`)).toBeUndefined();
  });

  it("names HPND as c-ares has it: the holder's name filled in, the disclaimer paragraph left out", () => {
    const hpnd = spdxText('HPND').replace(/^Historical Permission Notice and Disclaimer\s*Copyright[^\n]*\n\s*/, '');
    const cares = hpnd.replace('the name of <copyright holder> or <related entities> not', 'the name of M.I.T. not').replace('<copyright holder> makes no', 'M.I.T. makes no').replace(/\n\n<copyright holder> DISCLAIMS[\s\S]*$/, '');
    expect(cares).toContain('It is provided "as is" without express or implied warranty.');
    expect(cares).not.toContain('DISCLAIMS');
    expect(idOf(cares)).toBe('HPND');
    // With the disclaimer, its holder named there too.
    expect(idOf(hpnd.replace(/<copyright holder>(?: or <related entities>)?/g, 'The Example Collective'))).toBe('HPND');
  });

  it("names HPND-sell-variant as cairo's and pixman's files have it: another holder in its four places, \"appear\" for \"appears\"", () => {
    const cairo = spdxText('HPND-sell-variant').replace(/OpenVision Technologies, Inc\./g, 'Chris Wilson').replace(/OpenVision/g, 'Chris Wilson').replace('notice appears in', 'notice appear in');
    expect(cairo).not.toContain('OpenVision');
    expect(idOf(cairo)).toBe('HPND-sell-variant');
  });

  it("names X11 as GNU's install-sh has it: no title, no trademark line, words broken across lines", () => {
    const installSh = spdxText('X11')
      .replace(/^X11 License\s*/, '')
      .replace(/\s*X Window System is a trademark of X Consortium, Inc\.\s*$/, '')
      .replace('IN CONNECTION WITH', 'IN CONNEC-\nTION WITH');
    expect(installSh).not.toContain('trademark');
    expect(idOf(installSh)).toBe('X11');
  });

  it('gives a template variant 0.99 with its lines, an exact copy after a title 1', () => {
    // SPDX's text starts "MIT License", the template's optional title: the match starts there, after "The Expat" and a blank line.
    const r = matchText(index, `The Expat\n\n${reflow(holder, 60)}`, { minConfidence: 0.9 });
    expect(r.matches).toEqual([expect.objectContaining({ expression: 'MIT', confidence: 0.99, startLine: 3 })]);
    expect(r.unknown).toEqual([]);
    // Line 3 is the copyright line; the license's words start on line 5.
    const titled = matchText(index, `BSD 3-Clause License\n\n${spdxText('BSD-3-Clause')}`, { minConfidence: 0.9 });
    expect(titled.matches).toEqual([expect.objectContaining({ expression: 'BSD-3-Clause', confidence: 1, startLine: 5 })]);
    expect(titled.unknown).toEqual([]);
  });
  it('is not used when a higher confidence is asked for', () => {
    expect(matchText(index, holder, { minConfidence: 0.995 }).matches).toEqual([]);
  });
  it('names the hinted id of a text several ids share', () => {
    const gpl = spdxText('GPL-2.0-only');
    const without = gpl.slice(0, gpl.indexOf('END OF TERMS AND CONDITIONS'));
    expect(matchText(index, without, { minConfidence: 0.9 }).matches[0]!.expression).toBe('GPL-2.0-only');
    expect(matchText(index, without, { minConfidence: 0.9, hint: 'GPL-2.0-or-later' }).matches[0]!.expression).toBe('GPL-2.0-or-later');
  });
});
