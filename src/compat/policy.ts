// The project's own policy (.farleft.yml `policy`): licenses or categories it always
// refuses (deny) or always accepts (allow), and exceptions for given paths or packages,
// each with its reason. A deny always wins, and every policy verdict names the rule.
import ignore, { type Ignore } from 'ignore';
import type { Catalog } from '../catalog/index.js';
import { CATEGORIES } from '../catalog/schema.js';
import type { PolicyConfig, PolicyException } from '../config.js';
import type { Finding } from './finding.js';
import { profileOf } from './profile.js';

export interface PolicyOptions {
  readonly catalog: Catalog;
  readonly policy?: PolicyConfig | undefined;
  /** Where the policy was read, for messages (.farleft.yml). */
  readonly policyFile?: string | undefined;
  /** What is being checked, for per-path and per-package exceptions. */
  readonly subject?: { readonly path?: string; readonly package?: string } | undefined;
}

/** The policy's verdict on one inbound license, or null when the policy says nothing. */
export function checkPolicy(leaf: { license: string; exception?: string | undefined }, o: PolicyOptions): Finding | null {
  const policy = o.policy;
  if (!policy) return null;
  const file = o.policyFile ?? '.farleft.yml';
  const names = namesOf(leaf, o.catalog);
  const deny = policy.deny?.find((entry) => matches(entry, names, o.catalog));
  if (deny !== undefined)
    return ruled('incompatible', leaf, `refused by policy.deny "${deny}" in ${file}`, `Your policy (${file}) refuses ${deny}.`);
  const exception = policy.exceptions?.find((e) => coversSubject(e, o.subject) && licenseMatches(e.license, names, o.catalog));
  if (exception)
    return ruled('compatible', leaf, `accepted by a policy exception in ${file} for ${exception.path ?? exception.package}: ${exception.reason}`, `Your policy (${file}) makes an exception here: ${exception.reason}`);
  const allow = policy.allow?.find((entry) => matches(entry, names, o.catalog));
  if (allow !== undefined) return ruled('compatible', leaf, `accepted by policy.allow "${allow}" in ${file}`, `Your policy (${file}) accepts ${allow}.`);
  return null;
}

/** The id (with and without its exception) and the category a policy entry may name. */
function namesOf(leaf: { license: string; exception?: string | undefined }, catalog: Catalog): string[] {
  const names = [leaf.license.toLowerCase(), profileOf(leaf.license, catalog).category];
  if (leaf.exception) names.push(`${leaf.license} WITH ${leaf.exception}`.toLowerCase());
  return names;
}

function matches(entry: string, names: readonly string[], catalog: Catalog): boolean {
  const id = catalog.resolve(entry.trim())?.entry.id ?? entry.trim();
  return names.includes(id.toLowerCase()) || names.includes(entry.trim());
}

function licenseMatches(license: string, names: readonly string[], catalog: Catalog): boolean {
  if (matches(license, names, catalog)) return true;
  const ids = catalog.normalize(license).ids;
  return ids.some((id) => names.includes(id.toLowerCase()));
}

// One matcher per exception, built when first needed (a project checks many paths).
const matchers = new WeakMap<PolicyException, Ignore>();

function coversSubject(e: PolicyException, subject: PolicyOptions['subject']): boolean {
  if (!subject) return false;
  if (e.package !== undefined && subject.package === e.package) return true;
  if (e.path === undefined || subject.path === undefined) return false;
  let m = matchers.get(e);
  if (!m) matchers.set(e, (m = ignore({ ignorecase: false }).add(e.path)));
  return m.ignores(subject.path);
}

function ruled(verdict: 'compatible' | 'incompatible', leaf: { license: string }, text: string, plain: string): Finding {
  return { verdict, reasons: [{ license: leaf.license, clause: 'policy', text }], conditions: [], plain: [plain], hints: [] };
}

/** Policy entries that name neither a license nor a category: they would never match, so say so. */
export function checkPolicyEntries(policy: PolicyConfig, catalog: Catalog): string[] {
  const known = (entry: string): boolean => (CATEGORIES as readonly string[]).includes(entry.trim()) || catalog.resolve(entry.trim()) !== undefined || catalog.normalize(entry).valid;
  const out: string[] = [];
  for (const key of ['allow', 'deny'] as const)
    for (const entry of policy[key] ?? []) if (!known(entry)) out.push(`policy.${key}: "${entry}" is neither a license id nor a category, so it matches nothing`);
  for (const [i, e] of (policy.exceptions ?? []).entries())
    if (!known(e.license)) out.push(`policy.exceptions.${i}.license: "${e.license}" is neither a license expression nor a category, so it matches nothing`);
  return out;
}
