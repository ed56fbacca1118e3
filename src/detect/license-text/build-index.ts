// Build step (npm run build, after the catalog): profiles every SPDX license text (with the
// variable and optional parts of its template, licenses/tables/variables.yaml) and every
// committed fingerprint with the scanner's own normalizer and writes the postings the
// matcher loads (index-data.ts). Nothing here runs in a scan.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { asExceptionText, EXCEPTION_TEXTS } from '../../catalog/exception-texts.js';
import type { CatalogData } from '../../catalog/schema.js';
import { GENERATED_DIR, LICENSES_DIR } from '../../paths.js';
import {
  encodePostings,
  INDEX_FORMAT,
  INDEX_HEADER_FILE,
  INDEX_POSTINGS_FILE,
  OPTIONAL_BIT,
  OWNER_MASK,
  type IndexHeader,
  type IndexTarget,
} from './index-data.js';
import { normalizeWords, NORMALIZER_VERSION } from './normalize.js';
import { appendixStart, fingerprintProfile, profileWords, staleReason, type FingerprintFile, type TextProfile } from './profile.js';
import { hashWords, SHINGLE_SIZE } from './shingle.js';
import { locateSpans, parseTemplates, templateParts, type TemplateEntry, type TemplatePart, type TemplateSpan } from './template.js';

const require = createRequire(import.meta.url);

export const FINGERPRINTS_DIR = join(LICENSES_DIR, 'fingerprints');
export const TEMPLATES_FILE = join(LICENSES_DIR, 'tables', 'variables.yaml');


/** See buildIndex. */
const OFL_NOTICE = 'This Font Software is licensed under the SIL Open Font License, Version 1.1. This license is copied below, and is also available with a FAQ at:';
/**
 * Amazon's wording of Apache-2.0's notice, the whole LICENSE of the AWS CLI and the header of the AWS SDKs' files: the
 * appendix's notice but for where the license is found ("located at http://aws.amazon.com/apache2.0/ or in the
 * "license" file accompanying this file"), too far from it to be named.
 */
const AWS_APACHE_NOTICE =
  'Licensed under the Apache License, Version 2.0 (the "License"). You may not use this file except in compliance with the License. A copy of the License is located at http://aws.amazon.com/apache2.0/ or in the "license" file accompanying this file. This file is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing permissions and limitations under the License.';

export interface IndexInputs {
  /** spdx-license-list's spdx-full.json: id -> { licenseText }. */
  readonly spdx: Readonly<Record<string, { readonly licenseText?: string }>>;
  readonly spdxLicenseListVersion: string;
  readonly catalog: CatalogData;
  readonly fingerprints: readonly { readonly file: string; readonly data: FingerprintFile }[];
  /** licenses/tables/variables.yaml, parsed: the replaceable parts of SPDX texts, by id. */
  readonly templates?: ReadonlyMap<string, readonly TemplateEntry[]>;
}

interface Draft {
  ids: string[];
  kind: IndexTarget['kind'];
  origin: IndexTarget['origin'];
  /** The normalized words of an SPDX text (profiled once its group and template are known), or a fingerprint's profile. */
  words: readonly string[] | TextProfile;
  phrases: string[];
}

export function buildIndex(inputs: IndexInputs): { header: IndexHeader; postings: Buffer } {
  const entries = new Map(inputs.catalog.entries.map((e) => [e.id, e]));
  const drafts = new Map<string, Draft>(); // by normalized SHA-256: equal texts form one group

  const add = (id: string, kind: Draft['kind'], origin: Draft['origin'], words: Draft['words']): void => {
    // A license known only by its fingerprint must show its catalog phrases too (match.ts); one SPDX has a text of need not.
    const fingerprintOnly = origin === 'fingerprint' && !inputs.spdx[id]?.licenseText;
    const phrases = fingerprintOnly ? (entries.get(id)?.phrases ?? []).map((p) => normalizeWords(p).join('')).filter(Boolean) : [];
    const sha256 = isProfile(words) ? words.sha256 : hashWords(words);
    const same = drafts.get(sha256);
    if (same) {
      if (same.kind !== kind || same.origin !== origin) throw new Error(`license-text index: ${id} has the same text as ${same.ids[0]}`);
      same.ids.push(id);
      same.phrases.push(...phrases);
    } else drafts.set(sha256, { ids: [id], kind, origin, words, phrases });
  };

  for (const id of Object.keys(inputs.spdx).sort()) {
    const text = inputs.spdx[id]?.licenseText;
    if (!text) continue;
    const exception = EXCEPTION_TEXTS[id];
    if (exception) {
      add(exception, 'exception', 'spdx', normalizeWords(asExceptionText(text)));
      continue;
    }
    // Deprecated ids are never named (their current ids share or replace their texts).
    const entry = entries.get(id);
    if (!entry || entry.deprecated) continue;
    add(id, 'license', 'spdx', normalizeWords(text));
  }
  // Apache-2.0's notice, as its appendix gives it: a LICENSE of only that (Go's mousetrap) names the license.
  const apache = inputs.spdx['Apache-2.0']?.licenseText;
  const notice = apache?.indexOf('Licensed under the Apache License, Version 2.0') ?? -1;
  if (apache && notice >= 0) add('Apache-2.0', 'notice', 'spdx', normalizeWords(apache.slice(notice)));
  if (apache) add('Apache-2.0', 'notice', 'spdx', normalizeWords(AWS_APACHE_NOTICE));
  // OFL-1.1's notice, which its SPDX template puts before the text (an optional part spdx-license-list's text
  // lacks): nearly every font's OFL.txt starts with it. Without the FAQ's address, which has moved.
  if (inputs.spdx['OFL-1.1']?.licenseText) add('OFL-1.1', 'notice', 'spdx', normalizeWords(OFL_NOTICE));
  for (const { file, data } of inputs.fingerprints) {
    const stale = staleReason(data);
    if (stale)
      throw new Error(
        `${file}: fingerprint is stale (${stale}); make it again from its text: npx tsx scripts/fingerprint.ts update ${file} <text file>`,
      );
    // The authors' text of a license SPDX has a text of (whose words SPDX's lacks in part) names every id SPDX's text does.
    const spdxGroup = [...drafts.values()].find((d) => d.origin === 'spdx' && d.kind === 'license' && d.ids.includes(data.id));
    if (spdxGroup) {
      for (const id of spdxGroup.ids) add(id, 'license', 'fingerprint', fingerprintProfile(data));
      continue;
    }
    // A fingerprint is a license's, or an exception's (SPDX lists exceptions without texts).
    add(data.id, entries.get(data.id)?.kind === 'exception' ? 'exception' : 'license', 'fingerprint', fingerprintProfile(data));
    // The catalog's "or any later version" id for a LicenseRef shares its text (as GPL-3.0-or-later does GPL-3.0-only's).
    const later = entries.get(`${data.id}-or-later`);
    if (later && !later.deprecated) add(later.id, 'license', 'fingerprint', fingerprintProfile(data));
  }

  // A template entry names one id; it shapes the profile of the text that id shares with others.
  const templated = new Set<string>();
  const targets = [...drafts.values()].map((d) => {
    if (isProfile(d.words)) return { ...d, profile: d.words };
    const id = d.kind === 'notice' ? undefined : d.ids.find((i) => inputs.templates?.has(i));
    if (id) templated.add(id);
    const spans = id ? locateSpans(id, d.words, inputs.templates!.get(id)!) : [];
    return { ...d, profile: profileWords(d.words, spans), template: d.kind === 'notice' ? undefined : exactTemplate(d.words, spans) };
  });
  const untemplated = [...(inputs.templates?.keys() ?? [])].filter((id) => !templated.has(id));
  if (untemplated.length) throw new Error(`licenses/tables/variables.yaml: no SPDX text (or a deprecated id) for ${untemplated.join(', ')}`);
  if (targets.length > OWNER_MASK) throw new Error('license-text index: too many texts for 15-bit owners');
  let total = 0;
  for (const t of targets) total += t.profile.required.length + t.profile.optional.length;
  const pairs = new Float64Array(total); // hash * 2^16 + owner: one sortable number per posting
  let n = 0;
  targets.forEach((t, owner) => {
    for (const h of t.profile.required) pairs[n++] = h * 65536 + owner;
    for (const h of t.profile.optional) pairs[n++] = h * 65536 + (owner | OPTIONAL_BIT);
  });
  pairs.sort();
  const hashes = new Uint32Array(total);
  const owners = new Uint16Array(total);
  const counts = new Uint8Array(total);
  for (let i = 0; i < total; i++) {
    hashes[i] = Math.floor(pairs[i]! / 65536);
    owners[i] = pairs[i]! % 65536;
    counts[i] = targets[owners[i]! & OWNER_MASK]!.profile.repeats.get(hashes[i]!) ?? 1;
  }

  const header: IndexHeader = {
    format: INDEX_FORMAT,
    normalizer: NORMALIZER_VERSION,
    shingleSize: SHINGLE_SIZE,
    spdxLicenseListVersion: inputs.spdxLicenseListVersion,
    postings: total,
    targets: targets.map((t) => ({
      ids: t.ids.sort(preferredFirst),
      kind: t.kind,
      origin: t.origin,
      sha256: t.profile.sha256,
      tokens: t.profile.tokens,
      required: t.profile.required.length,
      shingles: t.profile.required.length + t.profile.optional.length,
      phrases: [...new Set(t.phrases)],
      ...(t.profile.blanks.length ? { blanks: t.profile.blanks } : {}),
      ...('template' in t && t.template ? { template: t.template } : {}),
    })),
  };
  return { header, postings: encodePostings(hashes, owners, counts) };
}

/**
 * The template the exact-template pass matches a text against (template-match.ts): the
 * variable and optional parts of variables.yaml, and the appendix after "END OF TERMS AND
 * CONDITIONS", which every copy may leave out (as profile.ts reads it). Undefined for a text
 * with neither: an exact copy of it is found by its hash.
 */
function exactTemplate(words: readonly string[], spans: readonly TemplateSpan[]): TemplatePart[] | undefined {
  const all = [...spans];
  // Within an optional part from "END OF TERMS AND CONDITIONS" to the end (Apache-2.0's), the
  // appendix after the marker is optional by itself: most copies end with the marker.
  const end = appendixStart(words);
  if (end < words.length && !spans.some((s) => s.kind === 'optional' && s.from === end && s.to === words.length))
    all.push({ kind: 'optional', from: end, to: words.length, max: 0 });
  return all.length ? templateParts(words, all) : undefined;
}

function isProfile(words: Draft['words']): words is TextProfile {
  return !Array.isArray(words);
}

/** Which id of a group a match names: the `-only` form (SPDX's default reading), else the shortest. */
function preferredFirst(a: string, b: string): number {
  const rank = (id: string): number => (id.endsWith('-only') ? 0 : 1);
  return rank(a) - rank(b) || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function readFingerprints(dir: string = FINGERPRINTS_DIR): { file: string; data: FingerprintFile }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: join('licenses/fingerprints', f), data: JSON.parse(readFileSync(join(dir, f), 'utf8')) as FingerprintFile }));
}

/** Writes generated/license-index.{json,bin}; reads generated/catalog.json, so it runs after generateCatalog(). */
export function generateLicenseIndex(dir: string = GENERATED_DIR): void {
  const { header, postings } = buildIndex({
    spdx: require('spdx-license-list/spdx-full.json'),
    spdxLicenseListVersion: require('spdx-license-list/package.json').version,
    catalog: JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as CatalogData,
    fingerprints: readFingerprints(),
    templates: parseTemplates('licenses/tables/variables.yaml', readFileSync(TEMPLATES_FILE, 'utf8')),
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, INDEX_POSTINGS_FILE), postings);
  writeFileSync(join(dir, INDEX_HEADER_FILE), JSON.stringify(header));
}
