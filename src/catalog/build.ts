// Build-time only: merges SPDX's own data (spdx-license-ids, spdx-exceptions,
// spdx-license-list) with our facts in licenses/*.yaml, the categories of
// src/catalog/categories.ts and the replacements of deprecated ids into one CatalogData
// that src/catalog/generate.ts writes to generated/catalog.json. Nothing here runs in a scan.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { CategoryHint } from './categories.js';
import {
  CATEGORIES,
  COMMERCIAL,
  COPYLEFT,
  DERIVATIVES,
  FIELDS_OF_USE,
  USERS,
  type CatalogData,
  type Category,
  type CategorySource,
  type LicenseEntry,
} from './schema.js';

export type { CategoryHint } from './categories.js';

const require = createRequire(import.meta.url);

interface SpdxListEntry {
  name: string;
  url: string;
  osiApproved: boolean;
  licenseText?: string;
}

/** A licenses/*.yaml file: any LicenseEntry field; `id` is required. */
export type YamlEntry = Partial<Omit<LicenseEntry, 'id'>> & { id: string };

const ENUMS: Record<string, readonly string[]> = {
  category: CATEGORIES,
  copyleft: COPYLEFT,
  commercial: COMMERCIAL,
  users: USERS,
  derivatives: DERIVATIVES,
};
const LIST_KEYS = new Set(['aliases', 'urls', 'phrases', 'permissions', 'conditions', 'limitations', 'fieldOfUse']);
const STRING_KEYS = new Set(['id', 'name', 'version', 'replacement', 'url', 'sha256', 'textSource', 'summary']);
const BOOL_KEYS = new Set(['spdx', 'deprecated', 'osiApproved', 'sourceOnNetwork']);
const KNOWN_KEYS = new Set([...Object.keys(ENUMS), ...LIST_KEYS, ...STRING_KEYS, ...BOOL_KEYS, 'kind', 'clauses']);

/**
 * Reads and checks one licenses/*.yaml file: one entry (a mapping) or several (a list of
 * mappings, for near-identical ids; YAML merge keys `<<: *base` share their common facts).
 * Throws an Error naming the file, the entry and the key.
 */
export function parseYamlFile(file: string, text: string): YamlEntry[] {
  const data: unknown = parseYaml(text, { merge: true });
  if (!Array.isArray(data)) return [checkEntry(file, data)];
  if (data.length === 0) throw new Error(`${file}: the list of entries is empty`);
  return data.map((d, n) => checkEntry(`${file}: entry ${n + 1}`, d));
}

/** Reads and checks a file that holds exactly one entry. */
export function parseYamlEntry(file: string, text: string): YamlEntry {
  const entries = parseYamlFile(file, text);
  if (entries.length !== 1) throw new Error(`${file}: expected one entry, found ${entries.length}`);
  return entries[0]!;
}

function checkEntry(file: string, data: unknown): YamlEntry {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${file}: not a mapping`);
  const rec = { ...(data as Record<string, unknown>) };
  for (const [key, value] of Object.entries(rec)) {
    const where = `${file}: ${key}`;
    if (!KNOWN_KEYS.has(key)) throw new Error(`${where}: unknown key`);
    if (key in ENUMS && !ENUMS[key]!.includes(value as string))
      throw new Error(`${where}: ${String(value)} is not one of ${ENUMS[key]!.join(', ')}`);
    if (LIST_KEYS.has(key) && (!Array.isArray(value) || value.some((v) => typeof v !== 'string')))
      throw new Error(`${where}: expected a list of strings`);
    if (STRING_KEYS.has(key) && value !== null && typeof value !== 'string' && typeof value !== 'number')
      throw new Error(`${where}: expected a string`);
    if (BOOL_KEYS.has(key) && typeof value !== 'boolean') throw new Error(`${where}: expected true or false`);
    if (key === 'kind' && !['license', 'exception', 'marker'].includes(value as string))
      throw new Error(`${where}: expected license, exception or marker`);
    if (key === 'clauses' && (typeof value !== 'object' || value === null || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')))
      throw new Error(`${where}: expected a mapping of topic to clause`);
  }
  for (const f of (rec.fieldOfUse as string[] | undefined) ?? [])
    if (!(FIELDS_OF_USE as readonly string[]).includes(f)) throw new Error(`${file}: fieldOfUse: unknown value ${f}`);
  if (typeof rec.id !== 'string' || rec.id === '') throw new Error(`${file}: id: required`);
  if (typeof rec.version === 'number') rec.version = String(rec.version);
  return rec as YamlEntry;
}

/** Every entry of licenses/*.yaml (files starting with `_` are skipped); an id defined twice is an error. */
export function readYamlEntries(dir: string): YamlEntry[] {
  const seen = new Map<string, string>();
  const entries: YamlEntry[] = [];
  for (const f of readdirSync(dir).filter((name) => name.endsWith('.yaml') && !name.startsWith('_')).sort()) {
    const file = join('licenses', f);
    for (const entry of parseYamlFile(file, readFileSync(join(dir, f), 'utf8'))) {
      const before = seen.get(entry.id);
      if (before) throw new Error(`${file}: ${entry.id} is already defined in ${before}`);
      seen.set(entry.id, file);
      entries.push(entry);
    }
  }
  return entries;
}

/** licenses/tables/deprecated.yaml: deprecated SPDX id -> the expression that replaces it. */
export function parseReplacements(file: string, text: string): Record<string, string> {
  const data: unknown = parseYaml(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${file}: expected a mapping of id to expression`);
  for (const [id, value] of Object.entries(data))
    if (typeof value !== 'string' || value.trim() === '') throw new Error(`${file}: ${id}: expected an SPDX expression`);
  return data as Record<string, string>;
}

/** Attributes a category implies when an entry does not say otherwise. */
function categoryDefaults(category: Category): Pick<LicenseEntry, 'copyleft' | 'commercial' | 'users' | 'sourceOnNetwork' | 'derivatives'> {
  const base = { copyleft: 'none', commercial: 'any', users: 'any', sourceOnNetwork: false, derivatives: 'any' } as const;
  switch (category) {
    case 'weak-copyleft':
      return { ...base, copyleft: 'file' };
    case 'strong-copyleft':
      return { ...base, copyleft: 'strong' };
    case 'network-copyleft':
      return { ...base, copyleft: 'network', sourceOnNetwork: true };
    case 'copyfarleft':
      return { ...base, commercial: 'worker-owned' };
    case 'non-commercial':
      return { ...base, commercial: 'none' };
    case 'proprietary':
      return { ...base, commercial: 'none', derivatives: 'none' };
    default:
      return base;
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The SPDX replacement for a deprecated id, by SPDX's own naming rules. */
function deprecatedReplacement(id: string): string | null {
  const plus = /^((?:A|L)?GPL-\d\.\d)\+$/.exec(id);
  if (plus) return `${plus[1]}-or-later`;
  if (/^(?:A|L)?GPL-\d\.\d$|^GFDL-\d\.\d$/.test(id)) return `${id}-only`;
  return null;
}

export interface BuildInputs {
  readonly yaml: readonly YamlEntry[];
  /** Category for ids our YAML does not classify, from our table, external data sets and family rules. */
  readonly categoryOf?: (id: string, kind: 'license' | 'exception') => CategoryHint | null;
  /** Replacement expressions for deprecated ids beyond those SPDX's naming rules give. */
  readonly replacements?: Readonly<Record<string, string>>;
}

export function buildCatalogData(inputs: BuildInputs): CatalogData {
  const ids: string[] = require('spdx-license-ids/index.json');
  const deprecatedIds: string[] = require('spdx-license-ids/deprecated.json');
  const exceptions: string[] = require('spdx-exceptions/index.json');
  const deprecatedExceptions: string[] = require('spdx-exceptions/deprecated.json');
  const list: Record<string, SpdxListEntry> = require('spdx-license-list/spdx-full.json');
  const yamlById = new Map(inputs.yaml.map((y) => [y.id, y]));

  const make = (id: string, kind: LicenseEntry['kind'], spdx: boolean, deprecated: boolean): LicenseEntry => {
    const y = yamlById.get(id);
    const listed = list[id];
    const hint = y?.category ? null : inputs.categoryOf?.(id, kind === 'exception' ? 'exception' : 'license');
    const category: Category = y?.category ?? hint?.category ?? 'unknown';
    const categorySource: CategorySource = y?.category ? 'farleft' : (hint?.source ?? 'none');
    const text = listed?.licenseText;
    return {
      id,
      name: y?.name ?? listed?.name ?? id,
      kind: y?.kind ?? kind,
      version: y?.version ?? null,
      spdx,
      deprecated,
      replacement: y?.replacement ?? (deprecated ? (inputs.replacements?.[id] ?? deprecatedReplacement(id)) : null),
      osiApproved: y?.osiApproved ?? listed?.osiApproved ?? null,
      category,
      categorySource,
      ...categoryDefaults(category),
      ...pick(hint?.attributes, ['copyleft', 'commercial', 'users', 'sourceOnNetwork', 'derivatives']),
      ...pick(y, ['copyleft', 'commercial', 'users', 'sourceOnNetwork', 'derivatives']),
      fieldOfUse: y?.fieldOfUse ?? hint?.attributes?.fieldOfUse ?? [],
      permissions: y?.permissions ?? [],
      conditions: y?.conditions ?? [],
      limitations: y?.limitations ?? [],
      aliases: y?.aliases ?? [],
      url: y?.url ?? listed?.url ?? null,
      urls: [...new Set([...(listed?.url ? [listed.url] : []), ...(y?.urls ?? [])])],
      sha256: y?.sha256 ?? (text ? sha256(text) : null),
      textSource: y?.textSource ?? (text ? 'spdx-license-list' : null),
      summary: y?.summary ?? null,
      phrases: y?.phrases ?? [],
      clauses: y?.clauses ?? {},
    };
  };

  const entries = new Map<string, LicenseEntry>();
  for (const id of ids) entries.set(id, make(id, 'license', true, false));
  for (const id of deprecatedIds) entries.set(id, make(id, 'license', true, true));
  for (const id of exceptions) entries.set(id, make(id, 'exception', true, false));
  for (const id of deprecatedExceptions) entries.set(id, make(id, 'exception', true, true));
  for (const y of inputs.yaml) if (!entries.has(y.id)) entries.set(y.id, make(y.id, y.kind ?? 'license', y.spdx ?? false, y.deprecated ?? false));
  for (const [id, entry] of entries) {
    const successor = entry.replacement ? entries.get(entry.replacement) : undefined;
    if (entry.deprecated && !yamlById.get(id)?.category && successor) entries.set(id, inheritTerms(entry, successor));
  }

  return {
    schema: 1,
    spdxLicenseIdsVersion: require('spdx-license-ids/package.json').version,
    spdxLicenseListVersion: require('spdx-license-list/package.json').version,
    entries: [...entries.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

/**
 * A deprecated id replaced by exactly one id (GPL-2.0 -> GPL-2.0-only) means the same terms,
 * so it takes that entry's category and attributes; its own name, text and URL stay.
 * Replacements with WITH/AND/OR keep their own category (an exception changes the terms).
 */
function inheritTerms(entry: LicenseEntry, successor: LicenseEntry): LicenseEntry {
  const { category, categorySource, copyleft, commercial, users, derivatives, fieldOfUse, sourceOnNetwork, permissions, conditions, limitations, clauses } = successor;
  return { ...entry, category, categorySource, copyleft, commercial, users, derivatives, fieldOfUse, sourceOnNetwork, permissions, conditions, limitations, clauses };
}

function pick<T extends object, K extends keyof T>(obj: T | undefined, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  if (!obj) return out;
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}
