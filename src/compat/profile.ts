// What the engine knows about one license id: its category and the attributes that decide
// compatibility, read from the catalog entry (plus the engine's own overrides), and its
// place in a family of versions ("GPL-2.0-or-later" covers GPL-2.0-only and GPL-3.0-only).
import type { Catalog, Category, LicenseEntry } from '../catalog/index.js';
import { EXCEPTIONS } from './rules/exceptions.js';
import { RESTRICTION_OVERRIDES, type Restriction } from './rules/restrictions.js';

/** How far a license's share-alike reaches into the work that contains it. */
export type Reach = 'none' | 'file' | 'library' | 'strong' | 'network';

export interface Profile {
  /** The id as evaluated (an exception shown as `X WITH e`). */
  readonly id: string;
  readonly entry: LicenseEntry | null;
  readonly category: Category;
  readonly reach: Reach;
  readonly restrictions: readonly Restriction[];
  readonly noDerivatives: boolean;
  /** 'none': NONE or UNLICENSED, no license granted; 'unknown': NOASSERTION or an id farleft does not know. */
  readonly standing: 'licensed' | 'none' | 'unknown';
  /**
   * Terms anyone may take on the same footing: every open, copyfarleft and non-commercial
   * license, and published ethical-use or no-derivatives licenses. Not a vendor's own terms.
   */
  readonly isPublic: boolean;
  readonly exception: string | null;
}

export function profileOf(id: string, catalog: Catalog, exception: string | null = null): Profile {
  const entry = catalog.get(id) ?? null;
  const shown = exception ? `${id} WITH ${exception}` : id;
  if (!entry || entry.kind === 'exception') return unknownProfile(shown, null);
  if (entry.kind === 'marker') {
    if (entry.id === 'NONE' || entry.id === 'UNLICENSED')
      return { id: shown, entry, category: 'proprietary', reach: 'none', restrictions: [], noDerivatives: true, standing: 'none', isPublic: false, exception };
    return unknownProfile(shown, entry);
  }
  if (entry.category === 'unknown') return unknownProfile(shown, entry);
  const reach: Reach = entry.copyleft === 'strong' && entry.sourceOnNetwork ? 'network' : entry.copyleft;
  const rule = exception ? EXCEPTIONS[exception] : undefined;
  const isPublic =
    entry.category !== 'proprietary' || (entry.commercial === 'any' && (entry.fieldOfUse.length > 0 || entry.derivatives === 'none'));
  return {
    id: shown,
    entry,
    category: entry.category,
    reach: rule?.reach ?? reach,
    restrictions: RESTRICTION_OVERRIDES[entry.id] ?? restrictionsOf(entry),
    noDerivatives: entry.derivatives === 'none',
    standing: 'licensed',
    isPublic,
    exception,
  };
}

function unknownProfile(id: string, entry: LicenseEntry | null): Profile {
  return { id, entry, category: 'unknown', reach: 'none', restrictions: [], noDerivatives: false, standing: 'unknown', isPublic: false, exception: null };
}

function restrictionsOf(entry: LicenseEntry): Restriction[] {
  const out: Restriction[] = [];
  if (entry.commercial === 'none') out.push('non-commercial');
  if (entry.commercial === 'worker-owned') out.push('worker-owned-commercial');
  if (entry.users === 'eligible') out.push('eligible-users');
  out.push(...entry.fieldOfUse);
  return out;
}

/** The clause a license gives for the first of `keys` it has, or ''. */
export function clauseOf(entry: LicenseEntry | null, keys: readonly string[]): string {
  for (const key of keys) {
    const clause = entry?.clauses[key];
    if (clause) return clause;
  }
  return '';
}

// ---- versions ----

/** A versioned id read apart: `GPL-2.0-or-later` -> template `GPL-{v}`, version [2, 0], later. */
export interface Versioned {
  readonly template: string;
  readonly version: readonly number[];
  readonly orLater: boolean;
}

const VERSION = /-(\d+(?:\.\d+)+)(?=-|$)/;

export function parseVersioned(id: string): Versioned | null {
  const orLater = id.endsWith('-or-later');
  const base = id.replace(/-(?:or-later|only)$/, '');
  const m = VERSION.exec(base);
  if (!m) return null;
  return { template: `${base.slice(0, m.index)}-{v}${base.slice(m.index + m[0].length)}`, version: m[1]!.split('.').map(Number), orLater };
}

export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

interface FamilyMember {
  readonly version: readonly number[];
  /** The single-version id: `GPL-3.0-only`, or `LicenseRef-CNPL-7.0` where there is no -only. */
  readonly id: string;
}

const families = new WeakMap<Catalog, Map<string, FamilyMember[]>>();

/** The single versions of a family, oldest first. */
function familyOf(template: string, catalog: Catalog): readonly FamilyMember[] {
  let index = families.get(catalog);
  if (!index) {
    index = new Map();
    for (const e of catalog.entries) {
      if (e.kind !== 'license' || e.deprecated) continue;
      const v = parseVersioned(e.id);
      if (!v || v.orLater) continue;
      const list = index.get(v.template) ?? [];
      list.push({ version: v.version, id: e.id });
      index.set(v.template, list);
    }
    for (const list of index.values()) list.sort((a, b) => compareVersions(a.version, b.version));
    families.set(catalog, index);
  }
  return index.get(template) ?? [];
}

/** For `X-vN-or-later`: the single versions N and later farleft knows, oldest first. */
export function versionsFrom(id: string, catalog: Catalog): string[] {
  const v = parseVersioned(id);
  if (!v) return [id];
  return familyOf(v.template, catalog)
    .filter((m) => compareVersions(m.version, v.version) >= 0)
    .map((m) => m.id);
}

export function sameFamily(a: string, b: string): boolean {
  const va = parseVersioned(a);
  const vb = parseVersioned(b);
  return va !== null && vb !== null && va.template === vb.template;
}
