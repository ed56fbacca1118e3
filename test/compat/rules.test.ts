// Each rule table of the engine (src/compat/rules/) has a test per row, so removing or
// breaking a row fails here.
import { describe, expect, it } from 'vitest';
import { clauseOf } from '../../src/compat/profile.js';
import { CONDITION_RULES, REACH_RULES } from '../../src/compat/rules/contexts.js';
import { CLARIFICATIONS, EXCEPTIONS } from '../../src/compat/rules/exceptions.js';
import { FURTHER_RESTRICTIONS, OUTBOUND_GROUPS } from '../../src/compat/rules/further-restrictions.js';
import { PATHS } from '../../src/compat/rules/paths.js';
import { testCatalog } from '../helpers.js';
import { cited, verdict } from './helpers.js';

const catalog = testCatalog();

describe('per-license paths (rules/paths.ts)', () => {
  const rows = PATHS.flatMap((p) => {
    const to = Array.isArray(p.to) ? (p.to as string[]) : ['MIT'];
    return p.from.map((from) => ({ from, to: to[0]!, p }));
  });
  it.each(rows.map((r) => [`${r.to} <- ${r.from}`, r] as const))('%s follows its path rule', (_, { from, to, p }) => {
    const context = (p.contexts ?? ['bundle'])[0]!;
    const v = verdict(to, from, { context });
    expect(v.verdict).toBe(p.verdict ?? 'compatible');
    const by = p.by === 'inbound' ? from : to;
    const clause = catalog.get(by)?.clauses[p.clause] ?? p.clause;
    expect(cited(v)).toContain(`${by} ${clause}`);
  });

  it.each(PATHS.filter((p) => p.kind === 'relicense' && Array.isArray(p.to)).map((p) => [p.from[0]!, (p.to as string[])[0]!, p] as const))(
    'relicensing is one way: %s <- %s does not go through it',
    (from, to, p) => {
      const back = verdict(from, to);
      const by = p.by === 'inbound' ? from : to;
      expect(back.reasons.some((r) => r.license === by && r.text === p.text)).toBe(false);
      // Only the MPL-2.0 Larger Work takes copyleft code back the other way (MPL-1.1 <- MPL-2.0).
      if (!to.startsWith('MPL-2.0')) expect(back.verdict).not.toBe('compatible');
    },
  );

  it('the MPL-2.0 Larger Work keeps the MPL files under MPL, but not inside a strong copyleft', () => {
    expect(verdict('CC-BY-NC-SA-4.0', 'MPL-2.0').verdict).toBe('incompatible');
    expect(verdict('OSL-3.0', 'MPL-2.0').verdict).toBe('incompatible');
    expect(verdict('PPL', 'MPL-2.0').conditions[0]).toMatch(/stay under MPL-2\.0/);
  });
});

describe('further restrictions (rules/further-restrictions.ts)', () => {
  const rows = FURTHER_RESTRICTIONS.flatMap((r) => r.inbound.flatMap((inbound) => r.outbound.map((g) => ({ inbound, outbound: OUTBOUND_GROUPS[g][0], r }))));
  it.each(rows.map((x) => [`${x.outbound} <- ${x.inbound}`, x] as const))('%s: incompatible, citing the condition', (_, { inbound, outbound, r }) => {
    const v = verdict(outbound, inbound);
    expect(v.verdict).toBe('incompatible');
    expect(cited(v)).toContain(`${inbound} ${r.clause}`);
    expect(verdict('MIT', inbound).verdict).toBe('compatible');
  });
  it('Apache-2.0 fits GPL version 3, and GPL-2.0 "or later" only through version 3 (which is not the whole range)', () => {
    expect(verdict('GPL-3.0-only', 'Apache-2.0').verdict).toBe('compatible');
    expect(verdict('GPL-2.0-or-later', 'Apache-2.0').verdict).toBe('incompatible');
  });
});

describe('exceptions (rules/exceptions.ts)', () => {
  it('Classpath: linking is compatible, bundling keeps the library under the GPL', () => {
    expect(verdict('MIT', 'GPL-2.0-only WITH Classpath-exception-2.0', { context: 'link' }).verdict).toBe('compatible');
    expect(verdict('MIT', 'GPL-2.0-only WITH Classpath-exception-2.0').verdict).toBe('incompatible');
    expect(cited(verdict('MIT', 'GPL-2.0-only WITH Classpath-exception-2.0', { context: 'link' }))).toContain('Classpath-exception-2.0 linking exception');
  });
  it.each(['GCC-exception-3.1', 'Autoconf-exception-3.0', 'Bison-exception-2.2', 'Font-exception-2.0'])('%s frees the work it applies to from the GPL', (e) => {
    const v = verdict('MIT', `GPL-3.0-only WITH ${e}`);
    expect(v.verdict).toBe('compatible');
    expect(v.reasons[0]!.license).toBe(e);
  });
  // The GPL notices at the head of GNU's build scripts (src/detect/header-notice.ts reads them).
  it.each([
    ['GPL-2.0-or-later', 'Autoconf-exception-generic'],
    ['GPL-3.0-or-later', 'Autoconf-exception-generic-3.0'],
    ['GPL-2.0-or-later', 'Libtool-exception'],
    ['GPL-2.0-or-later', 'Autoconf-exception-2.0'],
  ])('%s WITH %s: the build script may go out under the terms of the program it builds', (license, e) => {
    for (const outbound of ['MIT', 'PPL']) {
      const v = verdict(outbound, `${license} WITH ${e}`);
      expect(v.verdict, outbound).toBe('compatible');
      expect(v.reasons[0]!.license).toBe(e);
    }
  });
  it('Autoconf-exception-macro frees the configure scripts, not the macro: the macro file keeps its GPL, and says why', () => {
    const v = verdict('PPL', 'GPL-3.0-or-later WITH Autoconf-exception-macro');
    expect(v.verdict).toBe('incompatible');
    expect(v.reasons[0]!.license).toBe('Autoconf-exception-macro');
    expect(v.reasons[0]!.text).toContain('the macro itself stays under its license');
    // Shipped beside the work, as a build script is, it is what the plain GPL is there.
    expect(verdict('PPL', 'GPL-3.0-or-later WITH Autoconf-exception-macro', { context: 'aggregate' }).verdict).toBe(verdict('PPL', 'GPL-3.0-or-later', { context: 'aggregate' }).verdict);
  });
  it('GCC-exception-2.0 on GPL-2.0', () => {
    expect(verdict('MIT', 'GPL-2.0-only WITH GCC-exception-2.0').verdict).toBe('compatible');
  });
  it('LLVM-exception waives the Apache-2.0 terms that clash with GPL-2.0', () => {
    expect(verdict('GPL-2.0-only', 'Apache-2.0 WITH LLVM-exception').verdict).toBe('compatible');
    expect(verdict('GPL-2.0-only', 'Apache-2.0').verdict).toBe('incompatible');
  });
  it('every exception in the table is a real SPDX exception id', () => {
    for (const id of [...Object.keys(EXCEPTIONS), ...Object.keys(CLARIFICATIONS)]) expect(catalog.get(id)?.kind, id).toBe('exception');
  });
  it('an exception farleft does not know: review when only it could help, the license alone otherwise', () => {
    const unknown = verdict('MIT', 'GPL-3.0-only WITH Qt-GPL-exception-1.0');
    expect(unknown.verdict).toBe('review');
    expect(unknown.reasons[0]!.license).toBe('Qt-GPL-exception-1.0');
    expect(verdict('GPL-3.0-only', 'GPL-3.0-only WITH Qt-GPL-exception-1.0').verdict).toBe('compatible');
  });
  it('an exception may be left out: GPL-2.0-only takes GPL-2.0-only WITH Classpath-exception-2.0', () => {
    const v = verdict('GPL-2.0-only', 'GPL-2.0-only WITH Classpath-exception-2.0');
    expect(v.verdict).toBe('compatible');
    expect(v.choose).toBe('GPL-2.0-only');
  });
  it('a work offered WITH an exception takes copyleft code only if it grants the same exception', () => {
    expect(verdict('GPL-2.0-only WITH Classpath-exception-2.0', 'GPL-2.0-only').verdict).toBe('incompatible');
    expect(verdict('GPL-2.0-only WITH Classpath-exception-2.0', 'LGPL-2.1-only').verdict).toBe('incompatible');
    expect(verdict('GPL-2.0-only WITH Classpath-exception-2.0', 'GPL-2.0-only WITH Classpath-exception-2.0').verdict).toBe('compatible');
    expect(verdict('GPL-2.0-only WITH Classpath-exception-2.0', 'MIT').verdict).toBe('compatible');
    expect(verdict('GPL-2.0-only WITH Classpath-exception-2.0', 'MPL-2.0').verdict).toBe('compatible');
  });
  it("Linux's syscall note is said of the kernel as a whole: a kernel offered with it takes plain GPL-2.0 code", () => {
    const v = verdict('GPL-2.0-only WITH Linux-syscall-note', 'GPL-2.0-only');
    expect(v.verdict).toBe('compatible');
    expect(v.reasons.at(-1)!.license).toBe('Linux-syscall-note');
    expect(verdict('GPL-2.0-only WITH Linux-syscall-note', 'GPL-2.0-or-later').verdict).toBe('compatible');
    // A license the kernel cannot take stays out, note or no note.
    expect(verdict('GPL-2.0-only WITH Linux-syscall-note', 'GPL-3.0-only').verdict).toBe('incompatible');
    const apache = verdict('GPL-2.0-only WITH Linux-syscall-note', 'Apache-2.0');
    expect(apache.verdict).toBe('incompatible');
    expect(apache.reasons.map((r) => r.license)).not.toContain('Linux-syscall-note');
  });
});

describe('category defaults by context (rules/contexts.ts REACH_RULES)', () => {
  // One license of each reach: none, file, library, strong, network.
  const BY_REACH = { none: 'ISC', file: 'EPL-2.0', library: 'LGPL-2.1-only', strong: 'GPL-3.0-only', network: 'AGPL-3.0-only' } as const;
  const rows = (Object.keys(REACH_RULES) as (keyof typeof REACH_RULES)[]).flatMap((context) =>
    (Object.keys(BY_REACH) as (keyof typeof BY_REACH)[]).map((reach) => ({ context, reach, inbound: BY_REACH[reach], rule: REACH_RULES[context][reach] })),
  );
  it.each(rows.map((r) => [`${r.context}: MIT <- ${r.inbound} (${r.reach})`, r] as const))('%s', (_, { context, inbound, rule }) => {
    const v = verdict('MIT', inbound, { context });
    expect(v.verdict).toBe(rule.verdict);
    const clause = clauseOf(catalog.get(inbound)!, rule.clauses);
    expect(v.reasons[0]!.clause).toBe(clause);
    expect(v.reasons[0]!.text).toBe(rule.text.replaceAll('{in}', inbound).replaceAll('{out}', 'MIT'));
  });
  it('a strong copyleft outbound reaches linked code: linking counts as bundling', () => {
    expect(verdict('GPL-3.0-only', 'CDDL-1.0', { context: 'link' }).verdict).toBe('incompatible');
    expect(verdict('MIT', 'CDDL-1.0', { context: 'link' }).verdict).toBe('compatible');
    expect(verdict('GPL-3.0-only', 'LGPL-2.1-only', { context: 'link' }).verdict).toBe('compatible');
  });
  it('network copyleft in a network service: GPL-3.0 takes AGPL-3.0 (§13), MIT does not', () => {
    expect(verdict('GPL-3.0-only', 'AGPL-3.0-only', { context: 'network' }).verdict).toBe('compatible');
    expect(verdict('MIT', 'AGPL-3.0-only', { context: 'network' }).verdict).toBe('incompatible');
    expect(verdict('MIT', 'EUPL-1.2', { context: 'network' }).verdict).toBe('incompatible');
  });
});

describe('special rules (rules/contexts.ts SPECIAL_RULES)', () => {
  it.each([
    ['publicDomain', 'MIT', 'CC0-1.0', 'bundle', 'compatible', /no conditions/],
    ['noDerivatives', 'MIT', 'CC-BY-ND-4.0', 'bundle', 'incompatible', /adapted material may not be shared/],
    ['noDerivatives (unchanged, alongside)', 'MIT', 'CC-BY-ND-4.0', 'aggregate', 'compatible', /separate work/],
    ['proprietaryInOpen', 'MIT', 'BUSL-1.1', 'bundle', 'incompatible', /not a public license/],
    ['proprietary (linked)', 'MIT', 'BUSL-1.1', 'link', 'review', /particular to its owner/],
    // The Commons Clause on Apache-2.0: no right to sell, so not a public license a PPL work may include.
    ['a condition against selling', 'PPL', 'Apache-2.0 AND LicenseRef-Commons-Clause-1.0', 'bundle', 'incompatible', /not a public license/],
    ['proprietary in proprietary', 'UNLICENSED', 'BUSL-1.1', 'bundle', 'review', /particular to its owner/],
    ['unknown', 'MIT', 'LicenseRef-Vendor-EULA', 'aggregate', 'review', /does not know this license/],
    ['noAssertion', 'MIT', 'NOASSERTION', 'aggregate', 'review', /could not be determined \(NOASSERTION: none is stated, or it is stated in terms farleft cannot name\)/],
    ['unknownOutbound', 'LicenseRef-Ours', 'MIT', 'bundle', 'review', /outbound license is not known/],
    ['unknownOutbound (NOASSERTION)', 'NOASSERTION', 'MIT', 'bundle', 'review', /outbound license is not known/],
    ['noLicenseBoth', 'UNLICENSED', 'NONE', 'bundle', 'review', /same owner|one owner/],
    ['sameProprietary', 'BUSL-1.1', 'BUSL-1.1', 'bundle', 'review', /separate agreements/],
  ] as const)('%s: %s <- %s (%s) is %s', (_, outbound, inbound, context, expected, text) => {
    const v = verdict(outbound, inbound, { context });
    expect(v.verdict).toBe(expected);
    expect(v.reasons.map((r) => r.text).join(' ')).toMatch(text);
  });
  it('a public-domain dedication puts no conditions on the work', () => {
    expect(verdict('MIT', 'CC0-1.0').conditions).toEqual([]);
  });
});

describe('conditions (rules/contexts.ts CONDITION_RULES)', () => {
  const cases: Record<string, [string, string, 'bundle' | 'link' | 'network' | 'aggregate', RegExp]> = {
    'include-notice': ['PPL', 'MIT', 'bundle', /^Keep MIT's copyright and license notices .*\(MIT ¶2\)/],
    attribution: ['GPL-3.0-only', 'CC-BY-SA-4.0', 'bundle', /^Credit the authors of the CC-BY-SA-4\.0 part .*\(CC-BY-SA-4\.0 §3\(a\)\)/],
    'state-changes': ['GPL-3.0-only', 'Apache-2.0', 'bundle', /^Mark the changes .*\(Apache-2\.0 §4\(b\)\)/],
    'disclose-source': ['MIT', 'GPL-3.0-only', 'aggregate', /^Offer the source code of the GPL-3\.0-only part .*\(GPL-3\.0-only §6\)/],
    'disclose-source (link)': ['MIT', 'LGPL-2.1-only', 'link', /^If you distribute the LGPL-2\.1-only part .*\(LGPL-2\.1-only §4\)/],
    'network-disclose-source': ['LicenseRef-CNPL-7.0', 'LicenseRef-CNPL-7.0', 'network', /^Offer the source of the LicenseRef-CNPL-7\.0 part to everyone who uses the service .*Network Service paragraph/],
    'same-license-file': ['MIT', 'MPL-2.0', 'link', /^The MPL-2\.0 files stay under MPL-2\.0 \(MPL-2\.0 §3\.1\)/],
    'same-license-library': ['MIT', 'LGPL-2.1-only', 'link', /^The LGPL-2\.1-only library stays under LGPL-2\.1-only.*\(LGPL-2\.1-only §5-§6\)/],
    'same-license': ['MIT', 'GPL-3.0-only', 'aggregate', /^The GPL-3\.0-only part stays under GPL-3\.0-only/],
  };
  it('every condition rule has a case here', () => {
    expect(new Set(CONDITION_RULES.map((c) => c.when))).toEqual(new Set(Object.keys(cases).map((k) => k.replace(/ \(.*\)$/, ''))));
  });
  it.each(Object.entries(cases))('%s', (_, [outbound, inbound, context, text]) => {
    const v = verdict(outbound, inbound, { context });
    expect(v.verdict).toBe('compatible');
    expect(v.conditions.some((c) => text.test(c)), v.conditions.join('\n')).toBe(true);
  });
  it('a component relicensed into the outbound license does not stay under its own', () => {
    expect(verdict('GPL-3.0-only', 'LGPL-2.1-only').conditions.join(' ')).not.toMatch(/stays under LGPL/);
  });
});
