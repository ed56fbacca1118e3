// The project's policy: deny always wins and names the rule; an exception needs a path or
// package and carries its reason; allow accepts ids or categories.
import { describe, expect, it } from 'vitest';
import { checkPolicyEntries } from '../../src/compat/policy.js';
import type { PolicyConfig } from '../../src/config.js';
import { testCatalog } from '../helpers.js';
import { verdict } from './helpers.js';

const policy: PolicyConfig = {
  deny: ['AGPL-3.0-only', 'non-commercial'],
  allow: ['LGPL-2.1-only', 'weak-copyleft'],
  exceptions: [
    { path: 'tools/', license: 'GPL-3.0-only', reason: 'build tool, never shipped' },
    { package: 'left-pad', license: 'strong-copyleft', reason: 'replaced next release' },
    { path: 'server/', license: 'AGPL-3.0-only', reason: 'denied anyway' },
  ],
};

describe('policy', () => {
  it('deny wins over the engine, naming the entry and the file', () => {
    const v = verdict('GPL-3.0-only', 'AGPL-3.0-only', { policy });
    expect(v.verdict).toBe('incompatible');
    expect(v.reasons).toEqual([{ license: 'AGPL-3.0-only', clause: 'policy', text: 'refused by policy.deny "AGPL-3.0-only" in test/.farleft.yml' }]);
  });
  it('deny wins over an exception for the same path', () => {
    expect(verdict('MIT', 'AGPL-3.0-only', { policy, subject: { path: 'server/api.js' } }).verdict).toBe('incompatible');
  });
  it('deny may name a category', () => {
    const v = verdict('CC-BY-NC-SA-4.0', 'CC-BY-NC-4.0', { policy });
    expect(v.verdict).toBe('incompatible');
    expect(v.reasons[0]!.text).toMatch(/policy\.deny "non-commercial"/);
  });
  it('an exception covers its path only, with its reason', () => {
    const inside = verdict('MIT', 'GPL-3.0-only', { policy, subject: { path: 'tools/gen/main.c' } });
    expect(inside.verdict).toBe('compatible');
    expect(inside.reasons[0]!.text).toBe('accepted by a policy exception in test/.farleft.yml for tools/: build tool, never shipped');
    expect(verdict('MIT', 'GPL-3.0-only', { policy, subject: { path: 'src/main.c' } }).verdict).toBe('incompatible');
    expect(verdict('MIT', 'GPL-3.0-only', { policy }).verdict).toBe('incompatible');
  });
  it('an exception for a package may name a category', () => {
    expect(verdict('MIT', 'GPL-2.0-only', { policy, subject: { package: 'left-pad' } }).verdict).toBe('compatible');
    expect(verdict('MIT', 'GPL-2.0-only', { policy, subject: { package: 'right-pad' } }).verdict).toBe('incompatible');
  });
  it('allow accepts ids and categories, in any case', () => {
    expect(verdict('MIT', 'LGPL-2.1-only', { policy }).verdict).toBe('compatible');
    expect(verdict('MIT', 'EPL-2.0', { policy }).verdict).toBe('compatible');
    expect(verdict('MIT', 'lgpl-2.1-only', { policy: { allow: ['lgpl-2.1-only'] } }).verdict).toBe('compatible');
  });
  it('applies to each part of an expression: OR avoids a denied alternative, AND fails on one', () => {
    const or = verdict('MIT', 'AGPL-3.0-only OR MIT', { policy });
    expect([or.verdict, or.choose]).toEqual(['compatible', 'MIT']);
    expect(verdict('MIT', 'AGPL-3.0-only AND MIT', { policy }).verdict).toBe('incompatible');
  });
  it('a denied version is not chosen for "or later"', () => {
    const v = verdict('GPL-3.0-only', 'GPL-2.0-or-later', { policy: { deny: ['GPL-3.0-only'] } });
    expect(v.verdict).not.toBe('compatible');
  });
  it('no policy, no effect', () => {
    expect(verdict('MIT', 'LGPL-2.1-only').verdict).toBe('incompatible');
  });
});

describe('checkPolicyEntries', () => {
  it('names the entries that match nothing', () => {
    expect(
      checkPolicyEntries({ allow: ['MIT', 'permissive', 'GPL3 please'], deny: ['agpl-3.0-only'], exceptions: [{ path: 'x/', license: 'Nonsense License', reason: 'r' }] }, testCatalog()),
    ).toEqual([
      'policy.allow: "GPL3 please" is neither a license id nor a category, so it matches nothing',
      'policy.exceptions.0.license: "Nonsense License" is neither a license expression nor a category, so it matches nothing',
    ]);
  });
});
