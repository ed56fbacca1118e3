// The use layer: who may use a restricted license (NC, copyfarleft, eligible users), what
// the licensee settings decide, and what they leave to review.
import { describe, expect, it } from 'vitest';
import { profileOf } from '../../src/compat/profile.js';
import { carries, decide } from '../../src/compat/restrict.js';
import { RESTRICTION_OVERRIDES, RESTRICTIONS } from '../../src/compat/rules/restrictions.js';
import { LICENSEE_KINDS, type LicenseeConfig } from '../../src/config.js';
import { testCatalog } from '../helpers.js';
import { cited, verdict } from './helpers.js';

const catalog = testCatalog();
const p = (id: string) => profileOf(id, catalog);

describe('decide(): the licensee table of each restriction', () => {
  it.each([
    // restriction, licensee, outcome, settings still needed
    ['non-commercial', { commercial: false }, 'ok', []],
    ['non-commercial', { commercial: true }, 'fail', []],
    ['non-commercial', { kind: 'worker-cooperative', commercial: true }, 'fail', []],
    ['non-commercial', { kind: 'worker-cooperative' }, 'review', ['commercial']],
    ['non-commercial', null, 'review', ['commercial']],
    ['worker-owned-commercial', { kind: 'worker-cooperative', commercial: true }, 'ok', []],
    ['worker-owned-commercial', { kind: 'collective' }, 'ok', []],
    ['worker-owned-commercial', { kind: 'company', commercial: true }, 'fail', []],
    ['worker-owned-commercial', { kind: 'public-body', commercial: true }, 'fail', []],
    ['worker-owned-commercial', { kind: 'individual', commercial: true }, 'review', []],
    ['worker-owned-commercial', { kind: 'nonprofit', commercial: true }, 'review', []],
    ['worker-owned-commercial', { kind: 'education', commercial: false }, 'ok', []],
    ['worker-owned-commercial', { commercial: true }, 'review', ['kind']],
    ['worker-owned-commercial', { commercial: false }, 'ok', []],
    ['worker-owned-commercial', { kind: 'individual' }, 'review', ['commercial']],
    ['worker-owned-commercial', null, 'review', ['commercial', 'kind']],
    ['no-capitalist-use', { kind: 'company', commercial: false }, 'fail', []],
    ['no-capitalist-use', { kind: 'public-body' }, 'ok', []],
    ['no-capitalist-use', { commercial: false }, 'review', ['kind']],
    ['eligible-users', { kind: 'nonprofit', commercial: true }, 'ok', []],
    ['eligible-users', { kind: 'individual' }, 'ok', []],
    ['eligible-users', { kind: 'company' }, 'fail', []],
    ['eligible-users', { kind: 'public-body' }, 'review', []],
    ['eligible-users', null, 'review', ['kind']],
  ] as const)('%s for %j: %s', (r, licensee, outcome, needs) => {
    const d = decide(RESTRICTIONS[r].licensee!, licensee as LicenseeConfig | null);
    expect(d.outcome).toBe(outcome);
    expect(d.needs).toEqual(needs);
  });

  it('every licensee kind has an answer in every table', () => {
    for (const [id, rule] of Object.entries(RESTRICTIONS)) {
      for (const table of [rule.licensee?.byKind, rule.licensee?.commercialByKind]) if (table) expect(Object.keys(table).sort(), id).toEqual([...LICENSEE_KINDS].sort());
    }
  });
});

describe('carries(): which outbound license passes a restriction on', () => {
  it.each([
    ['CC-BY-NC-SA-4.0', 'CC-BY-NC-4.0', 'non-commercial', true],
    ['CC-BY-NC-SA-4.0', 'PPL', 'worker-owned-commercial', true],
    ['CC-BY-NC-SA-4.0', 'PPL', 'no-capitalist-use', false],
    ['PPL', 'CC-BY-NC-4.0', 'non-commercial', false],
    ['LicenseRef-CNPL-7.0', 'PPL', 'no-capitalist-use', true],
    ['PPL', 'LicenseRef-CNPL-7.0', 'no-harm', false],
    ['LicenseRef-ACSL-1.4', 'BSD-3-Clause-No-Military-License', 'no-military', true],
    ['LicenseRef-CNPL-7.0', 'LicenseRef-ACSL-1.4', 'eligible-users', false],
    ['LicenseRef-ACSL-1.4', 'LicenseRef-ACSL-1.4', 'eligible-users', true],
    ['MIT', 'PPL', 'worker-owned-commercial', false],
    ['UNLICENSED', 'PPL', 'worker-owned-commercial', true],
  ] as const)('%s carries %s\'s %s: %s', (outbound, inbound, r, expected) => {
    expect(carries(p(outbound), p(inbound), r)).toBe(expected);
  });
});

describe('the ACSL override', () => {
  it('lists eligible users, no capitalist firms, no police and no military, and no worker-owned-only sales rule', () => {
    expect(p('LicenseRef-ACSL-1.4').restrictions).toEqual(RESTRICTION_OVERRIDES['LicenseRef-ACSL-1.4']);
    expect(p('LicenseRef-ACSL-1.4').restrictions).not.toContain('worker-owned-commercial');
  });
  it('a non-profit may sell ACSL software (§2(b)) but not commercially use PPL work unless worker-owned (§4(c))', () => {
    const licensee = { kind: 'nonprofit', commercial: true } as const;
    expect(verdict('MIT', 'LicenseRef-ACSL-1.4', { context: 'aggregate', licensee }).verdict).toBe('compatible');
    expect(verdict('MIT', 'PPL', { context: 'aggregate', licensee }).verdict).toBe('review');
  });
});

describe('restrictions in verdicts', () => {
  it('bundled into a license that drops them: incompatible whoever the licensee is', () => {
    for (const licensee of [null, { kind: 'worker-cooperative', commercial: false } as const]) {
      const v = verdict('MIT', 'LicenseRef-ACSL-1.4', { licensee });
      expect(v.verdict).toBe('incompatible');
      expect(cited(v)).toEqual(expect.arrayContaining(['LicenseRef-ACSL-1.4 §2', 'LicenseRef-ACSL-1.4 §4']));
    }
  });
  it('shipped alongside: the licensee decides, and without one it is review naming the setting', () => {
    const unknown = verdict('MIT', 'PPL', { context: 'aggregate' });
    expect(unknown.verdict).toBe('review');
    expect(unknown.reasons.map((r) => r.text).join(' ')).toMatch(/--licensee KIND \(licensee\.kind in \.farleft\.yml\)/);
    expect(unknown.reasons.map((r) => r.text).join(' ')).toMatch(/--commercial or --no-commercial/);
    expect(verdict('MIT', 'PPL', { context: 'aggregate', licensee: { kind: 'company' } }).verdict).toBe('incompatible');
    const coop = verdict('MIT', 'PPL', { context: 'aggregate', licensee: { kind: 'worker-cooperative', commercial: true } });
    expect(coop.verdict).toBe('compatible');
    expect(coop.conditions.join(' ')).toMatch(/all surplus goes to the worker-owners \(PPL §4\(c\)-\(d\)\)/);
  });
  it('the same restriction on both sides binds the whole work: compatible, with the restriction as a condition', () => {
    const v = verdict('CC-BY-NC-SA-4.0', 'CC-BY-NC-4.0');
    expect(v.verdict).toBe('compatible');
    expect(v.conditions.join(' ')).toMatch(/No commercial use by anyone.*set --commercial or --no-commercial/);
    expect(verdict('CC-BY-NC-SA-4.0', 'CC-BY-NC-4.0', { licensee: { commercial: true } }).verdict).toBe('incompatible');
  });
  it('a proprietary work carries every restriction, but the licensee still decides: review', () => {
    expect(verdict('UNLICENSED', 'CC-BY-NC-4.0').verdict).toBe('review');
    expect(verdict('UNLICENSED', 'CC-BY-NC-4.0', { licensee: { commercial: false } }).verdict).toBe('compatible');
  });
  it('fields of use are conditions the licensee settings cannot decide', () => {
    const v = verdict('MIT', 'LicenseRef-NVPL-7.0', { context: 'aggregate' });
    expect(v.verdict).toBe('compatible');
    expect(v.conditions.join(' ')).toMatch(/Do not use the LicenseRef-NVPL-7\.0 part for what it forbids: no use to inflict bodily harm/);
  });
  it("a worker co-op selling an album that samples CC BY-NC-SA tracks: incompatible, CC's NC has no co-op exception", () => {
    const v = verdict('PPL', 'CC-BY-NC-SA-4.0', { licensee: { kind: 'worker-cooperative', commercial: true } });
    expect(v.verdict).toBe('incompatible');
    expect(cited(v)).toEqual(expect.arrayContaining(['CC-BY-NC-SA-4.0 §3(b)', 'CC-BY-NC-SA-4.0 §1(k), §2(a)(1)']));
    expect(v.reasons.some((r) => /the licensee is a worker co-operative using it commercially/.test(r.text))).toBe(true);
  });
});
