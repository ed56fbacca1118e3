// Expressions and versions: OR takes the best alternative and says which, AND needs every
// part, "or later" takes the versions that work, and what cannot be read is review.
import { describe, expect, it } from 'vitest';
import { cited, verdict } from './helpers.js';

describe('inbound expressions', () => {
  it('OR: the best alternative, named in `choose`', () => {
    const v = verdict('MIT', 'GPL-3.0-only OR MIT');
    expect(v.verdict).toBe('compatible');
    expect(v.choose).toBe('MIT');
    expect(v.explanation).toMatch(/Take the component under MIT\./);
    expect(verdict('Apache-2.0', 'GPL-2.0-only OR Apache-2.0 OR MIT').choose).toBe('Apache-2.0');
  });
  it('OR with no alternative that fits: the verdict of the best one', () => {
    expect(verdict('MIT', 'GPL-2.0-only OR AGPL-3.0-only').verdict).toBe('incompatible');
  });
  it('AND: every part must pass; the failing part is cited', () => {
    const v = verdict('MIT', 'Apache-2.0 AND GPL-3.0-only');
    expect(v.verdict).toBe('incompatible');
    expect(cited(v)).toEqual(['GPL-3.0-only §5(c)']);
    const ok = verdict('GPL-3.0-only', 'Apache-2.0 AND MIT');
    expect(ok.verdict).toBe('compatible');
    expect(ok.conditions.join(' ')).toMatch(/Apache-2\.0.*MIT/);
  });
  it('AND with a choice inside: the whole expression to take it under', () => {
    expect(verdict('MIT', 'Apache-2.0 AND (MIT OR GPL-2.0-only)').choose).toBe('Apache-2.0 AND MIT');
  });
  it('AND with an unknown part is review, never compatible', () => {
    expect(verdict('MIT', 'MIT AND LicenseRef-Mystery').verdict).toBe('review');
  });
});

describe('outbound expressions', () => {
  it('OR: the work keeps offering every alternative only if each takes the component', () => {
    expect(verdict('MIT OR Apache-2.0', 'BSD-3-Clause').verdict).toBe('compatible');
    expect(verdict('MIT OR Apache-2.0', 'GPL-2.0-only').verdict).toBe('incompatible');
    const partial = verdict('GPL-2.0-only OR GPL-3.0-only', 'Apache-2.0');
    expect(partial.verdict).toBe('review');
    expect(partial.explanation).toMatch(/fits only the GPL-3\.0-only alternative/);
  });
  it('AND: the component may sit with the part that takes it', () => {
    const v = verdict('MIT AND GPL-3.0-only', 'LGPL-2.1-only');
    expect(v.verdict).toBe('compatible');
    expect(v.explanation).toMatch(/part of your work under GPL-3\.0-only/);
    expect(verdict('MIT AND CC-BY-4.0', 'GPL-3.0-only').verdict).toBe('incompatible');
  });
});

describe('versions ("or later")', () => {
  it('inbound: the version that makes it work, said', () => {
    const v = verdict('GPL-3.0-only', 'GPL-2.0-or-later');
    expect(v.verdict).toBe('compatible');
    expect(v.choose).toBe('GPL-3.0-only');
    expect(cited(v)[0]).toBe('GPL-2.0-or-later §9');
    const agpl = verdict('AGPL-3.0-only', 'GPL-2.0-or-later');
    expect(agpl.verdict).toBe('compatible');
    expect(agpl.choose).toBe('GPL-3.0-only');
  });
  it('inbound: a version that is not offered does not help', () => {
    expect(verdict('GPL-2.0-only', 'GPL-3.0-or-later').verdict).toBe('incompatible');
    expect(verdict('GPL-3.0-only', 'GPL-2.0-only').verdict).toBe('incompatible');
  });
  it('outbound: every version offered must take the component, later ones included', () => {
    expect(verdict('GPL-2.0-or-later', 'GPL-2.0-only').verdict).toBe('incompatible');
    expect(verdict('GPL-3.0-or-later', 'GPL-2.0-or-later').verdict).toBe('compatible');
    expect(verdict('GPL-2.0-or-later', 'LGPL-2.1-only').verdict).toBe('compatible');
    // LGPL-3.0 becomes GPL-3.0 only: an "or later" work could not offer later versions.
    const pinned = verdict('GPL-3.0-or-later', 'LGPL-3.0-only');
    expect(pinned.verdict).toBe('incompatible');
    expect(pinned.explanation).toMatch(/versions named only/);
    expect(verdict('GPL-3.0-or-later', 'LGPL-3.0-or-later').verdict).toBe('compatible');
  });
  it('versions matter only where the copyleft reaches: shipped alongside, GPL-2.0-only is fine', () => {
    expect(verdict('GPL-2.0-or-later', 'GPL-2.0-only', { context: 'aggregate' }).verdict).toBe('compatible');
  });
  it('CNPL "+": a later CNPL takes CNPLv5+ code, not v5-only code, and a v5+ work cannot take v7-only code', () => {
    const plus = verdict('LicenseRef-CNPL-7.0', 'LicenseRef-CNPL-5.0-or-later');
    expect(plus.verdict).toBe('compatible');
    expect(plus.choose).toBe('LicenseRef-CNPL-7.0');
    expect(cited(plus)[0]).toBe('LicenseRef-CNPL-5.0-or-later §8');
    expect(verdict('LicenseRef-CNPL-7.0', 'LicenseRef-CNPL-5.0').verdict).toBe('incompatible');
    expect(verdict('LicenseRef-CNPL-5.0-or-later', 'LicenseRef-CNPL-7.0').verdict).toBe('incompatible');
    expect(verdict('LicenseRef-CNPL-7.0-or-later', 'LicenseRef-CNPL-5.0-or-later').verdict).toBe('compatible');
  });
  it('the "+" of SPDX ids is read as "or later"', () => {
    const v = verdict('GPL-3.0-only', 'GPL-2.0+');
    expect(v.inbound).toBe('GPL-2.0-or-later');
    expect(v.verdict).toBe('compatible');
  });
});

describe('what cannot be read', () => {
  it.each([
    ['NOASSERTION', /NOASSERTION/],
    ['LicenseRef-Whatever', /does not know this license/],
    ['GPLv3', /not an SPDX identifier; it names GPL-3\.0-only/],
    ['MIT AND', /not a valid SPDX expression/],
    ['SEE LICENSE IN LICENSE.txt', /LICENSE\.txt/],
  ])('%s is review, never compatible', (inbound, text) => {
    for (const context of ['bundle', 'aggregate'] as const) {
      const v = verdict('MIT', inbound, { context });
      expect(v.verdict).toBe('review');
      expect(v.reasons.map((r) => r.text).join(' ')).toMatch(text);
    }
  });
  it('an unreadable outbound license is review too', () => {
    expect(verdict('Foo Bar License', 'MIT').verdict).toBe('review');
  });
  it('ids are normalized in the verdict (case, aliases, deprecated ids)', () => {
    const v = verdict('mit', 'LicenseRef-PPL');
    expect([v.outbound, v.inbound]).toEqual(['MIT', 'PPL']);
    expect(verdict('MIT', 'GPL-2.0').inbound).toBe('GPL-2.0-only');
  });
});

describe('hostile expressions', () => {
  it('a huge expression pair is review, not minutes of work', () => {
    const big = Array.from({ length: 200 }, (_, i) => (i % 2 ? 'MIT' : 'GPL-3.0-only')).join(' OR ');
    const v = verdict(big, big);
    expect(v.verdict).toBe('review');
    expect(v.reasons[0]!.text).toMatch(/more than 10000 pairs/);
  });
  it('a long OR is still read, and the fitting alternative chosen', () => {
    const long = [...Array.from({ length: 500 }, () => 'GPL-3.0-only'), 'MIT'].join(' OR ');
    expect(verdict('MIT', long).choose).toBe('MIT');
  });
  it('deep nesting does not crash', () => {
    expect(verdict('MIT', `${'('.repeat(3000)}MIT${')'.repeat(3000)}`).verdict).toMatch(/compatible|review/);
  });
});
