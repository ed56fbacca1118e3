// Every SPDX license text, against the index the build made from all of them: each names
// itself (or a member of the group of ids sharing its text) with confidence 1, and after
// re-wrapping or light typos it is never named as another license (it may stay unknown
// where two licenses differ by less than the noise).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMatcher, type LicenseMatcher } from '../../../src/detect/license-text/index.js';
import { readIndex } from '../../../src/detect/license-text/index-data.js';
import { GENERATED_DIR } from '../../../src/paths.js';
import { spdxText } from './corpus.js';
import { reflow } from './transforms.js';

let matcher: LicenseMatcher;
let groups: { ids: readonly string[]; kind: string; origin: string }[];
beforeAll(() => {
  matcher = loadMatcher();
  groups = readIndex(GENERATED_DIR).header.targets.filter((t) => t.origin === 'spdx' && t.kind === 'license');
});

const typos = (text: string): string => {
  let i = 0;
  return text.replace(/[A-Za-z]{4,}/g, (w) => (++i % 60 === 0 ? `${w.slice(0, -1)}x` : w));
};

describe('all SPDX license texts', () => {
  it('are all in the index (hundreds of groups)', () => {
    expect(groups.length).toBeGreaterThan(600);
  });

  it('each names itself or a member of its group, with confidence 1', () => {
    const wrong: string[] = [];
    for (const g of groups)
      for (const id of g.ids) {
        const r = matcher.match(spdxText(id), { minConfidence: 0.9 });
        const ok = r.matches.length === 1 && g.ids.includes(r.matches[0]!.expression) && r.matches[0]!.confidence === 1;
        if (!ok) wrong.push(`${id}: ${JSON.stringify(r.matches)}`);
      }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['re-wrapped', (t: string) => reflow(t)],
    ['with a typo in every 60 words', typos],
  ])('%s, each names itself or nothing, never another license', (_how, render) => {
    const wrong: string[] = [];
    let named = 0;
    for (const g of groups) {
      const r = matcher.match(render(spdxText(g.ids[0]!)), { minConfidence: 0.9 });
      const other = r.matches.filter((m) => !g.ids.includes(m.expression));
      if (other.length) wrong.push(`${g.ids[0]} named ${other.map((m) => `${m.expression} (${m.confidence})`).join(', ')}`);
      if (r.matches.some((m) => g.ids.includes(m.expression))) named++;
    }
    expect(wrong).toEqual([]);
    expect(named / groups.length).toBeGreaterThan(0.97);
  });
});
