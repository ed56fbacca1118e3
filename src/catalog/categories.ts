// Build-time only: the category of every SPDX id our YAML entries do not classify, from
// layered sources, highest first:
//   1. licenses/tables/categories.yaml — our own reading of a text ('farleft-classification')
//   2. @blueoak/list (CC0) — Blue Oak Council's rating of permissive licenses ('blueoak')
//   3. the ScanCode LicenseDB index (CC-BY-4.0), mapped below ('scancode-licensedb')
//   4. spdx-copyleft (CC0), Blue Oak's list of copyleft ids ('spdx-copyleft')
//   5. family rules on the id's shape, for ids SPDX adds later ('family-rule')
// (licenses/*.yaml entries sit above all of these; build.ts applies them.)
import { parse as parseYaml } from 'yaml';
import { CATEGORIES, COMMERCIAL, COPYLEFT, DERIVATIVES, FIELDS_OF_USE, USERS, type Category, type CategorySource, type LicenseEntry } from './schema.js';

/** Attributes a classification may set beside the category (the rest follow the category). */
export type Attributes = Partial<Pick<LicenseEntry, 'copyleft' | 'commercial' | 'users' | 'derivatives' | 'sourceOnNetwork' | 'fieldOfUse'>>;

export interface CategoryHint {
  readonly category: Category;
  readonly source: CategorySource;
  readonly attributes?: Attributes;
}

export interface Classification {
  readonly category: Category;
  readonly reason: string;
  readonly attributes?: Attributes;
}

export interface CategorySources {
  /** licenses/tables/categories.yaml, by id. */
  readonly table: ReadonlyMap<string, Classification>;
  /** licenses/external/scancode-categories.json `categories`: SPDX id -> ScanCode category. */
  readonly scancode: Readonly<Record<string, string>>;
  /** Ids on Blue Oak's permissive list. */
  readonly blueoak: ReadonlySet<string>;
  /** Ids on the spdx-copyleft list. */
  readonly copyleft: ReadonlySet<string>;
}

/**
 * ScanCode's categories in ours. 'Copyleft' is strong (network clauses are set in our
 * YAML or table); 'Copyleft Limited' (file- or library-level share-alike) is weak;
 * licenses that are not free or open source ('Proprietary Free', 'Source-available',
 * 'Commercial') are proprietary. 'Free Restricted' (free except for a use restriction:
 * non-commercial, no-military, ethical clauses) is decided per id in our table; any left
 * over is read as proprietary, the cautious side. 'Patent License', 'CLA' and
 * 'Unstated License' say nothing about copying terms, so they stay unknown.
 */
export const SCANCODE_CATEGORY: Readonly<Record<string, Category>> = {
  Permissive: 'permissive',
  'Public Domain': 'public-domain',
  'Copyleft Limited': 'weak-copyleft',
  Copyleft: 'strong-copyleft',
  'Free Restricted': 'proprietary',
  'Proprietary Free': 'proprietary',
  'Source-available': 'proprietary',
  Commercial: 'proprietary',
  'Patent License': 'unknown',
  CLA: 'unknown',
  'Unstated License': 'unknown',
};

/** Rules on an id's shape, for license ids no data set knows yet; first match wins. */
export const FAMILY_RULES: readonly { readonly pattern: RegExp; readonly category: Category; readonly attributes?: Attributes }[] = [
  { pattern: /^CC-BY-NC(?:-SA|-ND)?-\d/, category: 'non-commercial' },
  { pattern: /^CC-BY-ND-\d/, category: 'proprietary', attributes: { commercial: 'any', derivatives: 'none' } },
  { pattern: /^CC-(?:BY-)?SA-\d/, category: 'strong-copyleft' },
  { pattern: /^CC-BY-\d/, category: 'permissive' },
  { pattern: /^(?:CC0-|CC-PDDC|CC-PDM-)|(?:^|-)PD(?:-|$)|^Unlicense/, category: 'public-domain' },
  { pattern: /^AGPL-/, category: 'network-copyleft' },
  { pattern: /^(?:LGPL-|MPL-|EPL-|CDDL-)/, category: 'weak-copyleft' },
  { pattern: /^(?:GPL-|GFDL-|Linux-man-pages-copyleft)/, category: 'strong-copyleft' },
  {
    pattern: /^(?:0BSD|BSD-|HPND|MIT|X11|ISC|Apache-|Zlib|zlib|OLDAP-|AFL-|Boehm-GC|Brian-Gladman|Mackerras|CMU-|HP-|Sun-PPP|NTP|DocBook-|libpng|ICU|Linux-man-pages-|Artistic-)/,
    category: 'permissive',
  },
];

/** The category of `id` from the layered sources, or null when none knows it. */
export function categorize(id: string, kind: 'license' | 'exception', sources: CategorySources): CategoryHint | null {
  const row = sources.table.get(id);
  if (row) return { category: row.category, source: 'farleft-classification', ...(row.attributes ? { attributes: row.attributes } : {}) };
  const scancode = sources.scancode[id];
  const mapped = scancode ? SCANCODE_CATEGORY[scancode] : undefined;
  // Blue Oak rates public-domain dedications as permissive too; ScanCode's word is the finer one there.
  if (sources.blueoak.has(id) && mapped !== 'public-domain') return { category: 'permissive', source: 'blueoak' };
  if (mapped && mapped !== 'unknown') return { category: mapped, source: 'scancode-licensedb' };
  // spdx-copyleft says copyleft without saying how far it reaches: assume the farthest short of network.
  if (sources.copyleft.has(id)) return { category: 'strong-copyleft', source: 'spdx-copyleft' };
  if (kind === 'license')
    for (const rule of FAMILY_RULES)
      if (rule.pattern.test(id)) return { category: rule.category, source: 'family-rule', ...(rule.attributes ? { attributes: rule.attributes } : {}) };
  return null;
}

const ATTRIBUTE_ENUMS: Record<string, readonly string[]> = { copyleft: COPYLEFT, commercial: COMMERCIAL, users: USERS, derivatives: DERIVATIVES };

/**
 * Reads licenses/tables/categories.yaml: a list of groups `{ category, reason, ids, attributes? }`.
 * Throws an Error naming the file, the group and the problem; an id in two groups is an error.
 */
export function parseClassificationTable(file: string, text: string): Map<string, Classification> {
  const data: unknown = parseYaml(text);
  if (!Array.isArray(data)) throw new Error(`${file}: expected a list of groups`);
  const table = new Map<string, Classification>();
  data.forEach((group: unknown, n) => {
    const where = `${file}: group ${n + 1}`;
    if (typeof group !== 'object' || group === null) throw new Error(`${where}: not a mapping`);
    const { category, reason, ids, attributes, ...rest } = group as Record<string, unknown>;
    if (Object.keys(rest).length) throw new Error(`${where}: unknown key ${Object.keys(rest)[0]}`);
    if (!(CATEGORIES as readonly unknown[]).includes(category)) throw new Error(`${where}: category: ${String(category)} is not one of ${CATEGORIES.join(', ')}`);
    if (typeof reason !== 'string' || reason.trim() === '') throw new Error(`${where}: reason: required`);
    if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) throw new Error(`${where}: ids: expected a list of ids`);
    const attrs = attributes === undefined ? undefined : checkAttributes(where, attributes);
    for (const id of ids as string[]) {
      if (table.has(id)) throw new Error(`${where}: ${id} is already classified`);
      table.set(id, { category: category as Category, reason, ...(attrs ? { attributes: attrs } : {}) });
    }
  });
  return table;
}

function checkAttributes(where: string, value: unknown): Attributes {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where}: attributes: expected a mapping`);
  for (const [key, v] of Object.entries(value)) {
    if (key in ATTRIBUTE_ENUMS) {
      if (!ATTRIBUTE_ENUMS[key]!.includes(v as string)) throw new Error(`${where}: attributes: ${key}: ${String(v)} is not one of ${ATTRIBUTE_ENUMS[key]!.join(', ')}`);
    } else if (key === 'sourceOnNetwork') {
      if (typeof v !== 'boolean') throw new Error(`${where}: attributes: sourceOnNetwork: expected true or false`);
    } else if (key === 'fieldOfUse') {
      if (!Array.isArray(v) || v.some((f) => !(FIELDS_OF_USE as readonly unknown[]).includes(f)))
        throw new Error(`${where}: attributes: fieldOfUse: expected a list of ${FIELDS_OF_USE.join(', ')}`);
    } else throw new Error(`${where}: attributes: unknown key ${key}`);
  }
  return value as Attributes;
}
