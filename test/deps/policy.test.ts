import { describe, expect, it } from 'vitest';
import { decidePolicy } from '../../src/deps/policy.js';
import type { PolicyConfig } from '../../src/config.js';
import { testCatalog } from '../helpers.js';

const subject = (license: string, name = 'pkg', path: string | null = 'node_modules/pkg') => ({ name, path, license });

describe('decidePolicy', () => {
  it.each([
    ['no policy', undefined, 'GPL-3.0-only', null],
    ['deny by id', { deny: ['GPL-3.0-only'] }, 'GPL-3.0-only', 'deny'],
    ['deny in another case', { deny: ['gpl-3.0-only'] }, 'GPL-3.0-only', 'deny'],
    ['deny by category', { deny: ['strong-copyleft'] }, 'GPL-3.0-only', 'deny'],
    ['an OR can avoid the denied license', { deny: ['GPL-3.0-only'] }, 'MIT OR GPL-3.0-only', null],
    ['an AND cannot', { deny: ['GPL-3.0-only'] }, 'MIT AND GPL-3.0-only', 'deny'],
    ['unknown licenses by the category unknown', { deny: ['unknown'] }, 'NOASSERTION', 'deny'],
    ['UNLICENSED counts as proprietary', { deny: ['proprietary'] }, 'UNLICENSED', 'deny'],
    ['allow by id', { allow: ['MIT'] }, 'MIT', 'allow'],
    ['allow by category', { allow: ['permissive'] }, 'MIT AND ISC', 'allow'],
    ['allow needs every part of an AND', { allow: ['MIT'] }, 'MIT AND GPL-3.0-only', null],
    ['allow takes one side of an OR', { allow: ['MIT'] }, 'MIT OR GPL-3.0-only', 'allow'],
    ['a deny wins over an allow', { allow: ['copyfarleft'], deny: ['PPL'] }, 'PPL', 'deny'],
    ['an exception by package', { exceptions: [{ package: 'pkg', license: 'GPL-3.0-only', reason: 'only a build tool' }] }, 'GPL-3.0-only', 'exception'],
    ['an exception for another package does not apply', { exceptions: [{ package: 'other', license: 'GPL-3.0-only', reason: 'x' }] }, 'GPL-3.0-only', null],
    ['an exception for another license does not apply', { exceptions: [{ package: 'pkg', license: 'MIT', reason: 'x' }] }, 'GPL-3.0-only', null],
    ['an exception by path', { exceptions: [{ path: 'node_modules/pkg/', license: 'strong-copyleft', reason: 'vendored tool' }] }, 'GPL-3.0-only', 'exception'],
    ['a deny wins over an exception', { deny: ['GPL-3.0-only'], exceptions: [{ package: 'pkg', license: 'GPL-3.0-only', reason: 'x' }] }, 'GPL-3.0-only', 'deny'],
  ] as const)('%s', (_, policy, license, decision) => {
    expect(decidePolicy(subject(license), policy as PolicyConfig | undefined, testCatalog())?.decision ?? null).toBe(decision);
  });

  it('names the rule that fired and carries the reason', () => {
    const d = decidePolicy(subject('GPL-3.0-only'), { deny: ['MIT', 'strong-copyleft'] }, testCatalog(), 'proj/.farleft.yml');
    expect(d).toEqual({ decision: 'deny', rule: 'proj/.farleft.yml: policy.deny[1] strong-copyleft', reason: null });
    const e = decidePolicy(subject('GPL-3.0-only'), { exceptions: [{ package: 'pkg', license: 'GPL-3.0-only', reason: 'build only' }] }, testCatalog());
    expect(e?.reason).toBe('build only');
  });
});
