// The facts issue 5 says the engine must get right, each with the clauses it must cite.
import { describe, expect, it } from 'vitest';
import { cited, verdict } from './helpers.js';

describe('known facts', () => {
  it('MIT <- GPL-3.0-only: incompatible bundled (the whole would have to be GPL), compatible as an aggregate', () => {
    const bundled = verdict('MIT', 'GPL-3.0-only');
    expect(bundled.verdict).toBe('incompatible');
    expect(cited(bundled)).toContain('GPL-3.0-only §5(c)');
    expect(bundled.explanation).toMatch(/released as a whole under GPL-3\.0-only/);
    const aggregate = verdict('MIT', 'GPL-3.0-only', { context: 'aggregate' });
    expect(aggregate.verdict).toBe('compatible');
    expect(cited(aggregate)).toContain('GPL-3.0-only §5 (last paragraph)');
    expect(aggregate.conditions.join(' ')).toMatch(/Offer the source code of the GPL-3\.0-only part .*\(GPL-3\.0-only §6\)/);
  });

  it('GPL-3.0-only <- Apache-2.0: compatible, keeping the notices and marking changes', () => {
    const v = verdict('GPL-3.0-only', 'Apache-2.0');
    expect(v.verdict).toBe('compatible');
    expect(v.conditions).toEqual(expect.arrayContaining([expect.stringMatching(/notices.*Apache-2\.0 §4\(a\), §4\(c\)/), expect.stringMatching(/changes.*§4\(b\)/)]));
  });

  it('GPL-2.0-only <- Apache-2.0: incompatible (patent termination and indemnity are further restrictions, GPL-2.0 §6)', () => {
    const v = verdict('GPL-2.0-only', 'Apache-2.0');
    expect(v.verdict).toBe('incompatible');
    expect(cited(v)).toEqual(['Apache-2.0 §3, §9', 'GPL-2.0-only §6']);
    expect(v.explanation).toMatch(/Apache-2\.0's patent and indemnity terms/);
  });

  it("GPL-3.0-only <- CC-BY-SA-4.0: compatible through CC's one-way declaration; the reverse is incompatible", () => {
    const forward = verdict('GPL-3.0-only', 'CC-BY-SA-4.0');
    expect(forward.verdict).toBe('compatible');
    expect(cited(forward)).toEqual(['CC-BY-SA-4.0 §3(b)(1), §1(c)']);
    const back = verdict('CC-BY-SA-4.0', 'GPL-3.0-only');
    expect(back.verdict).toBe('incompatible');
    expect(cited(back)).toContain('GPL-3.0-only §5(c)');
  });

  it('AGPL-3.0-only <- GPL-3.0-only: compatible under §13', () => {
    const v = verdict('AGPL-3.0-only', 'GPL-3.0-only');
    expect(v.verdict).toBe('compatible');
    expect(cited(v)).toEqual(['AGPL-3.0-only §13']);
    expect(v.conditions[0]).toMatch(/stays under GPL-3\.0/);
  });

  it('GPL-3.0-only <- PPL: incompatible (PPL restricts commercial use; GPLv3 §7/§10 forbid further restrictions)', () => {
    const v = verdict('GPL-3.0-only', 'PPL');
    expect(v.verdict).toBe('incompatible');
    expect(cited(v)).toEqual(expect.arrayContaining(['PPL §4(c)-(d)', 'PPL §4(d)', 'GPL-3.0-only §7, §10']));
  });

  it("PPL <- MIT: compatible, keeping MIT's notice", () => {
    const v = verdict('PPL', 'MIT');
    expect(v.verdict).toBe('compatible');
    expect(v.conditions).toEqual(["Keep MIT's copyright and license notices with the MIT part (MIT ¶2)."]);
  });

  it('MIT <- PPL bundled: incompatible, an MIT release would hand the PPL part out without its restriction', () => {
    const v = verdict('MIT', 'PPL');
    expect(v.verdict).toBe('incompatible');
    expect(cited(v)).toEqual(expect.arrayContaining(['PPL §4(a)', 'PPL §4(c)-(d)', 'PPL §4(d)']));
    expect(v.explanation).toMatch(/hand the PPL part on without these restrictions/);
  });

  // Fonts in a release or used by a program (Roboto in a CC BY-SA zine, systemd's docs fonts beside GPL code).
  it.each(['OFL-1.1', 'OFL-1.1-RFN', 'OFL-1.1-no-RFN', 'OFL-1.0'])('any <- %s: compatible bundled or linked (OFL condition 2); the font files keep the OFL', (font) => {
    for (const outbound of ['MIT', 'GPL-3.0-only', 'CC-BY-SA-4.0', 'PPL', 'AGPL-3.0-only'])
      for (const context of ['bundle', 'link'] as const) {
        const v = verdict(outbound, font, { context });
        expect(v.verdict).toBe('compatible');
        expect(v.conditions.join(' ')).toMatch(context === 'bundle' ? /not sold by themselves/ : /OFL/);
      }
    expect(cited(verdict('GPL-3.0-only', font))).toEqual([`${font} condition 2`]);
  });

  it.each(['NONE', 'UNLICENSED'])('any <- %s: incompatible; as an aggregate it needs the owner\'s permission (review)', (marker) => {
    for (const outbound of ['MIT', 'GPL-3.0-only', 'PPL']) {
      expect(verdict(outbound, marker).verdict).toBe('incompatible');
      expect(verdict(outbound, marker, { context: 'link' }).verdict).toBe('incompatible');
      const aggregate = verdict(outbound, marker, { context: 'aggregate' });
      expect(aggregate.verdict).toBe('review');
      expect(aggregate.explanation).toMatch(/owner's permission/);
    }
  });

  it.each(['MIT', 'Apache-2.0', 'MPL-2.0', 'LGPL-2.1-only', 'GPL-2.0-only', 'GPL-3.0-or-later', 'AGPL-3.0-only', 'CC-BY-SA-4.0', 'PPL', 'LicenseRef-CNPL-7.0', 'LicenseRef-ACSL-1.4'])(
    'an open or copyfarleft license X <- X: compatible (%s)',
    (id) => {
      for (const context of ['bundle', 'link', 'network', 'aggregate'] as const) expect(verdict(id, id, { context }).verdict).toBe('compatible');
    },
  );

  it.each(['UNLICENSED', 'NONE', 'BUSL-1.1', 'Elastic-2.0'])('two proprietary terms are different terms: %s <- itself is review', (id) => {
    expect(verdict(id, id).verdict).toBe('review');
  });
});
