// The catalog's vocabulary: what a license entry may say, in one fixed set of words
// the compatibility engine, the reporters and licenses/*.yaml all share.

export const CATEGORIES = [
  'public-domain',
  'permissive',
  'weak-copyleft',
  'strong-copyleft',
  'network-copyleft',
  'copyfarleft',
  'non-commercial',
  'proprietary',
  'unknown',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** How far the license's share-alike reaches. */
export const COPYLEFT = ['none', 'file', 'library', 'strong', 'network'] as const;
export type Copyleft = (typeof COPYLEFT)[number];

/** Who may use the work commercially. */
export const COMMERCIAL = ['any', 'worker-owned', 'none'] as const;
export type Commercial = (typeof COMMERCIAL)[number];

/** Whether anyone may be a licensee, or only those the license names as eligible. */
export const USERS = ['any', 'eligible'] as const;
export type Users = (typeof USERS)[number];

/** Whether adaptations may be made and shared at all (CC "NoDerivatives" says no). */
export const DERIVATIVES = ['any', 'none'] as const;
export type Derivatives = (typeof DERIVATIVES)[number];

/** Field-of-use restrictions, as ethical-source and copyfarleft licenses write them. */
export const FIELDS_OF_USE = [
  'no-military',
  'no-law-enforcement',
  'no-war',
  'no-harm',
  'no-surveillance',
  'no-incarceration',
  'no-fossil-fuels',
  'no-child-labour',
  'no-discrimination',
  'no-human-rights-violations',
  'no-capitalist-use',
  'no-nuclear',
] as const;
export type FieldOfUse = (typeof FIELDS_OF_USE)[number];

export const PERMISSIONS = ['commercial-use', 'modification', 'distribution', 'private-use', 'patent-grant', 'sublicense'] as const;
export const CONDITIONS = [
  'include-notice',
  'state-changes',
  'disclose-source',
  'network-disclose-source',
  'same-license',
  'same-license-file',
  'same-license-library',
  'worker-owned-only',
  'non-commercial-only',
  'eligible-users-only',
  'attribution',
] as const;
export const LIMITATIONS = ['no-liability', 'no-warranty', 'no-trademark', 'no-patent-grant', 'no-derivatives'] as const;

export type EntryKind = 'license' | 'exception' | 'marker';

/**
 * Where an entry's category came from; CHANGELOG.md names each external data set and its license.
 * 'farleft' = our licenses/*.yaml entry; 'farleft-classification' = our table
 * licenses/tables/categories.yaml; 'spdx-copyleft' = Blue Oak's copyleft list (npm spdx-copyleft).
 */
export const CATEGORY_SOURCES = ['farleft', 'farleft-classification', 'blueoak', 'scancode-licensedb', 'spdx-copyleft', 'family-rule', 'none'] as const;
export type CategorySource = (typeof CATEGORY_SOURCES)[number];

export interface LicenseEntry {
  readonly id: string;
  readonly name: string;
  readonly kind: EntryKind;
  readonly version: string | null;
  /** On the SPDX License List (or exceptions list). */
  readonly spdx: boolean;
  readonly deprecated: boolean;
  /** For a deprecated id: the expression that replaces it. */
  readonly replacement: string | null;
  readonly osiApproved: boolean | null;
  readonly category: Category;
  readonly categorySource: CategorySource;
  readonly copyleft: Copyleft;
  readonly commercial: Commercial;
  readonly users: Users;
  readonly derivatives: Derivatives;
  readonly fieldOfUse: readonly FieldOfUse[];
  readonly sourceOnNetwork: boolean;
  readonly permissions: readonly string[];
  readonly conditions: readonly string[];
  readonly limitations: readonly string[];
  /** Other ways people write it; read on input, reported as `id` with a note. */
  readonly aliases: readonly string[];
  /** The canonical home of the text. */
  readonly url: string | null;
  /** Every URL that names this license (matched by notices and media metadata). */
  readonly urls: readonly string[];
  /** SHA-256 (hex) of the canonical text named by `textSource`. */
  readonly sha256: string | null;
  /** Where the canonical text is: `spdx-license-list`, or a description of the upstream copy. */
  readonly textSource: string | null;
  /** Our own plain-language summary (not legal advice). */
  readonly summary: string | null;
  /** Phrases whose presence identifies the text (all must be present for the matcher to name it). */
  readonly phrases: readonly string[];
  /** Clause references the compatibility engine cites, e.g. { commercial: '§4(c)-(d)' }. */
  readonly clauses: Readonly<Record<string, string>>;
}

/** The compiled catalog, written by the build to generated/catalog.json. */
export interface CatalogData {
  readonly schema: 1;
  readonly spdxLicenseIdsVersion: string;
  readonly spdxLicenseListVersion: string;
  readonly entries: readonly LicenseEntry[];
  /**
   * The table license names are looked up in (catalog/names.ts): normalized key, id, and whether the key is an
   * alias or a name. Compiled by the build from `entries`, so a run does not normalize ~3,000 names first; a
   * catalog made from other entries leaves it out, and the table is then made on first use.
   */
  readonly names?: readonly (readonly [key: string, id: string, how: 'alias' | 'name'])[];
}
