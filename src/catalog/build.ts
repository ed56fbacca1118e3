// Build-time only: merges SPDX's own data (spdx-license-ids, spdx-exceptions,
// spdx-license-list) with our facts in licenses/*.yaml into one CatalogData that
// scripts/build-data.ts writes to generated/catalog.json. Nothing here runs in a scan.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
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

/** Reads and checks one YAML entry; throws an Error naming the file and key. */
export function parseYamlEntry(file: string, text: string): YamlEntry {
  const data: unknown = parseYaml(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${file}: not a mapping`);
  const rec = data as Record<string, unknown>;
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
    if (key === 'clauses' && (typeof value !== 'object' || value === null || Array.isArray(value)))
      throw new Error(`${where}: expected a mapping of topic to clause`);
  }
  for (const f of (rec.fieldOfUse as string[] | undefined) ?? [])
    if (!(FIELDS_OF_USE as readonly string[]).includes(f)) throw new Error(`${file}: fieldOfUse: unknown value ${f}`);
  if (typeof rec.id !== 'string' || rec.id === '') throw new Error(`${file}: id: required`);
  if (typeof rec.version === 'number') rec.version = String(rec.version);
  return rec as YamlEntry;
}

export function readYamlEntries(dir: string): YamlEntry[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
    .sort()
    .map((f) => parseYamlEntry(join('licenses', f), readFileSync(join(dir, f), 'utf8')));
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

export interface CategoryHint {
  readonly category: Category;
  readonly source: CategorySource;
}

export interface BuildInputs {
  readonly yaml: readonly YamlEntry[];
  /** Category for ids our YAML does not classify, from external data sets and family rules. */
  readonly categoryOf?: (id: string, kind: 'license' | 'exception') => CategoryHint | null;
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
      replacement: y?.replacement ?? (deprecated ? deprecatedReplacement(id) : null),
      osiApproved: y?.osiApproved ?? listed?.osiApproved ?? null,
      category,
      categorySource,
      ...categoryDefaults(category),
      ...pick(y, ['copyleft', 'commercial', 'users', 'sourceOnNetwork', 'derivatives']),
      fieldOfUse: y?.fieldOfUse ?? [],
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

  return {
    schema: 1,
    spdxLicenseIdsVersion: require('spdx-license-ids/package.json').version,
    spdxLicenseListVersion: require('spdx-license-list/package.json').version,
    entries: [...entries.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

function pick<T extends object, K extends keyof T>(obj: T | undefined, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  if (!obj) return out;
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}
