// The .farleft.yml policy applied to one dependency: `deny` and `allow` list license ids or
// categories; `exceptions` let one package (or path) through with a written reason.
// A deny always wins. An expression is denied when every way to comply with it uses a
// denied license (MIT OR GPL-3.0-only is not denied by a GPL deny: choose MIT), and allowed
// when some way uses allowed licenses only. NOASSERTION counts as the category `unknown`,
// UNLICENSED and NONE as `proprietary`.
import parseSpdx from 'spdx-expression-parse';
import { ignore as lazyIgnore } from '../lazy.js';
import type { Catalog } from '../catalog/index.js';
import { CATEGORIES } from '../catalog/schema.js';
import type { PolicyConfig } from '../config.js';
import type { PolicyDecision } from './types.js';

type Tree = { license: string; exception?: string } | { left: Tree; conjunction: 'and' | 'or'; right: Tree };

export interface PolicySubject {
  readonly name: string;
  readonly path: string | null;
  readonly license: string;
}

export function decidePolicy(subject: PolicySubject, policy: PolicyConfig | undefined, catalog: Catalog, file = '.farleft.yml'): PolicyDecision | null {
  if (!policy) return null;
  const tree = parseTree(subject.license);
  const test = (entry: string) => (leaf: { license: string; exception?: string }) => leafMatches(leaf, entry, catalog);

  for (const [i, entry] of (policy.deny ?? []).entries())
    if (denies(tree, test(entry))) return { decision: 'deny', rule: `${file}: policy.deny[${i}] ${entry}`, reason: null };
  for (const [i, ex] of (policy.exceptions ?? []).entries()) {
    const who = ex.package !== undefined ? ex.package === subject.name : subject.path !== null && pathMatches(ex.path!, subject.path);
    if (!who) continue;
    const wanted = catalog.normalize(ex.license).expression ?? ex.license;
    if (wanted === subject.license || allows(tree, test(ex.license)))
      return { decision: 'exception', rule: `${file}: policy.exceptions[${i}] (${ex.package ?? ex.path}: ${ex.license})`, reason: ex.reason };
  }
  const allowList = policy.allow ?? [];
  if (allowList.length > 0 && allows(tree, (leaf) => allowList.some((entry) => leafMatches(leaf, entry, catalog))))
    return { decision: 'allow', rule: `${file}: policy.allow (${allowList.join(', ')})`, reason: null };
  return null;
}

/** Every way to comply uses a matching license. */
function denies(t: Tree, hit: (leaf: { license: string; exception?: string }) => boolean): boolean {
  if ('license' in t) return hit(t);
  return t.conjunction === 'and' ? denies(t.left, hit) || denies(t.right, hit) : denies(t.left, hit) && denies(t.right, hit);
}

/** Some way to comply uses matching licenses only. */
function allows(t: Tree, hit: (leaf: { license: string; exception?: string }) => boolean): boolean {
  if ('license' in t) return hit(t);
  return t.conjunction === 'and' ? allows(t.left, hit) && allows(t.right, hit) : allows(t.left, hit) || allows(t.right, hit);
}

/** A policy entry names the leaf's license (any case, alias), its `X WITH E` form, or its category. */
function leafMatches(leaf: { license: string; exception?: string }, entry: string, catalog: Catalog): boolean {
  const e = entry.trim();
  if ((CATEGORIES as readonly string[]).includes(e)) return categoryOf(leaf.license, catalog) === e;
  if (e.includes(' WITH ')) {
    const [l, x] = e.split(' WITH ').map((s) => s.trim());
    return !!leaf.exception && same(leaf.license, l!, catalog) && same(leaf.exception, x!, catalog);
  }
  return same(leaf.license, e, catalog);
}

function same(a: string, b: string, catalog: Catalog): boolean {
  const ca = catalog.resolve(a)?.entry.id ?? a;
  const cb = catalog.resolve(b)?.entry.id ?? b;
  return ca.toLowerCase() === cb.toLowerCase();
}

function categoryOf(id: string, catalog: Catalog): string {
  if (id === 'NOASSERTION') return 'unknown';
  if (id === 'UNLICENSED' || id === 'NONE') return 'proprietary';
  return catalog.resolve(id)?.entry.category ?? 'unknown';
}

function parseTree(expression: string): Tree {
  try {
    return parseSpdx(expression) as Tree;
  } catch {
    // Markers (NOASSERTION, UNLICENSED) and anything unparsable are one opaque leaf.
    return { license: /^(?:NONE|UNLICENSED)$/.test(expression) ? expression : 'NOASSERTION' };
  }
}

/** A package folder matches a .gitignore-style pattern (`node_modules/pkg/` names the folder). */
function pathMatches(pattern: string, path: string): boolean {
  // The matcher is loaded only for a policy exception by path.
  const ignore = lazyIgnore();
  try {
    const rules = ignore({ ignorecase: false }).add(pattern);
    return rules.ignores(path) || rules.ignores(`${path}/`);
  } catch {
    return false; // a path the matcher refuses (absolute: a cache outside the project) matches no pattern
  }
}
