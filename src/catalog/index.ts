// The license catalog at run time: one JSON file compiled by the build, looked up by
// id, by id in any case, and by the aliases people really write.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distance } from 'fastest-levenshtein';
import { InternalError } from '../errors.js';
import { GENERATED_DIR } from '../paths.js';
import { normalizeExpression, type NormalizedExpression } from './expression.js';
import type { CatalogData, Category, LicenseEntry } from './schema.js';

export type { Category, LicenseEntry } from './schema.js';

/** How a written id was recognised. */
export type Resolution = 'exact' | 'case' | 'alias' | 'deprecated';

export interface Resolved {
  readonly entry: LicenseEntry;
  readonly via: Resolution;
}

export interface Catalog {
  readonly data: CatalogData;
  readonly entries: readonly LicenseEntry[];
  /** The entry whose canonical id is exactly `id`. */
  get(id: string): LicenseEntry | undefined;
  /** An id as written: exact, in another case, or an alias. Deprecated ids resolve to themselves with via 'deprecated'. */
  resolve(written: string): Resolved | undefined;
  /** Known ids (and aliases, reported as their ids) closest to what was written, best first. */
  closest(written: string, count?: number): string[];
  /** Parses and normalizes an SPDX expression (cached per distinct input). */
  normalize(raw: string): NormalizedExpression;
  list(category?: Category): LicenseEntry[];
}

export function loadCatalog(dir: string = GENERATED_DIR): Catalog {
  let text: string;
  try {
    text = readFileSync(join(dir, 'catalog.json'), 'utf8');
  } catch {
    throw new InternalError(`the license catalog is missing (${join(dir, 'catalog.json')}); run npm run build`);
  }
  return createCatalog(JSON.parse(text) as CatalogData);
}

/** normalize() remembers at most this many expressions, each of at most this many characters. */
const MAX_CACHED_EXPRESSIONS = 20_000;
const MAX_CACHED_CHARS = 500;

export function createCatalog(data: CatalogData): Catalog {
  const byId = new Map<string, LicenseEntry>();
  const byLower = new Map<string, LicenseEntry>();
  const byAlias = new Map<string, LicenseEntry>();
  for (const e of data.entries) {
    byId.set(e.id, e);
    byLower.set(e.id.toLowerCase(), e);
  }
  for (const e of data.entries)
    for (const a of e.aliases) {
      const key = a.toLowerCase();
      if (!byLower.has(key) && !byAlias.has(key)) byAlias.set(key, e);
    }
  // A LicenseRef of the catalog also answers to its name without the prefix (CNPL-7.0-or-later), where no id or alias does.
  for (const e of data.entries) {
    const key = e.id.startsWith('LicenseRef-') ? e.id.slice('LicenseRef-'.length).toLowerCase() : null;
    if (key && !byLower.has(key) && !byAlias.has(key)) byAlias.set(key, e);
  }
  const cache = new Map<string, NormalizedExpression>();
  let names: string[] | null = null;

  const catalog: Catalog = {
    data,
    entries: data.entries,
    get: (id) => byId.get(id),
    resolve(written) {
      const exact = byId.get(written);
      if (exact) return { entry: exact, via: exact.deprecated ? 'deprecated' : 'exact' };
      const lower = written.toLowerCase();
      const ci = byLower.get(lower);
      if (ci) return { entry: ci, via: ci.deprecated ? 'deprecated' : 'case' };
      const alias = byAlias.get(lower);
      return alias ? { entry: alias, via: 'alias' } : undefined;
    },
    closest(written, count = 3) {
      names ??= [...byLower.keys(), ...byAlias.keys()];
      const q = written.toLowerCase();
      const limit = Math.max(2, Math.ceil(q.length / 2));
      const scored: { id: string; d: number }[] = [];
      for (const n of names) {
        const entry = byLower.get(n) ?? byAlias.get(n)!;
        if (entry.deprecated) continue;
        // A prefix or contained match ("gpl-3" in "gpl-3.0-only") counts as close.
        const near = n.startsWith(q) || (q.length >= 3 && n.includes(q));
        // An edit distance is at least the difference in length: past the limit, no need to compute it.
        if (!near && Math.abs(n.length - q.length) > limit) continue;
        scored.push({ id: entry.id, d: near ? 0.5 + (n.length - q.length) / 100 : distance(q, n) });
      }
      scored.sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));
      const out: string[] = [];
      for (const s of scored) {
        if (s.d > limit || out.length >= count) break;
        if (!out.includes(s.id)) out.push(s.id);
      }
      return out;
    },
    normalize(raw) {
      let hit = cache.get(raw);
      if (!hit) {
        hit = normalizeExpression(raw, catalog);
        // A tree repeats a few expressions; a hostile one may hold a million long ones: what is kept is bounded.
        if (raw.length <= MAX_CACHED_CHARS && cache.size < MAX_CACHED_EXPRESSIONS) cache.set(raw, hit);
      }
      return hit;
    },
    list(category) {
      return data.entries.filter((e) => !e.deprecated && (!category || e.category === category));
    },
  };
  return catalog;
}

/** Whether an id is a well-formed LicenseRef (`LicenseRef-` and letters, digits, `.` and `-`), as SPDX writes them. */
export function isLicenseRefId(id: string): boolean {
  return /^LicenseRef-[A-Za-z0-9.-]+$/.test(id);
}

/** The file a normalized `SEE LICENSE IN <file>` names (without a leading ./), or null for any other expression. */
export function seeLicenseFile(expression: string): string | null {
  const file = /^SEE LICENSE IN (.+)$/.exec(expression)?.[1]?.trim();
  return file ? file.replace(/^\.\//, '') : null;
}

/** The family of a license id: GPL-3.0-only, GPL-3.0-or-later and GPL-3.0+ share one text. */
export function licenseFamily(id: string): string {
  return id.replace(/-(?:only|or-later)$|\+$/, '');
}
