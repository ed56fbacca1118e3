// The short forms people write for the big license families, read from a name's key (names.ts
// keyOf: lower case, spaces, no "license"): "GPLv3+", "Apache 2", "LGPL", "new BSD", "CC BY-SA 4.0",
// "public domain". A form that leaves the version or the family open reads as the likeliest id
// with why it is a guess (`ambiguous`), never as certain. names.ts asks here after the catalog's
// own names and aliases, and for the licenses a Creative Commons URL names.
import type { Catalog } from './index.js';

const PUBLIC_DOMAIN = 'LicenseRef-Public-Domain';

export interface ShortForm {
  readonly id: string;
  /** Why the reading is a guess, when it is one. */
  readonly ambiguous?: string;
}

interface Family {
  readonly stem: string;
  /** GNU licenses: -only / -or-later ids. */
  readonly gnu?: true;
  /** The reading of the bare family name, and why it is a guess (absent: the one version there is). */
  readonly bare: string;
  readonly why?: string;
}

const GNU_ANY = 'it names no version, and then the license lets the recipient choose any version ever published';
// Longest prefix first; the key has been through keyOf (spaces, no "license").
const FAMILIES: readonly (readonly [string, Family])[] = [
  ...['gnu affero general public', 'affero general public', 'gnu agpl', 'affero gpl', 'agpl'].map(
    (p) => [p, { stem: 'AGPL', gnu: true, bare: 'AGPL-3.0-or-later', why: `${GNU_ANY} (AGPL-3.0 §14)` }] as const,
  ),
  ...['gnu library or lesser general public', 'gnu lesser general public', 'gnu library general public', 'lesser general public', 'library general public', 'gnu lesser gpl', 'lesser gpl', 'gnu lgpl', 'lgpl'].map(
    (p) => [p, { stem: 'LGPL', gnu: true, bare: 'LGPL-2.0-or-later', why: `${GNU_ANY} (LGPL-2.1 §13)` }] as const,
  ),
  ...['gnu general public', 'general public', 'gnu public', 'gnu gpl', 'gpl'].map(
    (p) => [p, { stem: 'GPL', gnu: true, bare: 'GPL-1.0-or-later', why: `${GNU_ANY} (GPL-2.0 §9, GPL-3.0 §14)` }] as const,
  ),
  ...['gnu free documentation', 'free documentation', 'gnu fdl', 'gfdl', 'fdl'].map(
    (p) => [p, { stem: 'GFDL', gnu: true, bare: 'GFDL-1.1-or-later', why: `${GNU_ANY} (GFDL-1.3 §10)` }] as const,
  ),
  ...['apache software', 'apache public', 'apache', 'asl'].map(
    (p) => [p, { stem: 'Apache', bare: 'Apache-2.0', why: 'it names no version (1.0, 1.1, 2.0)' }] as const,
  ),
  ...['mozilla public', 'mozilla', 'mpl'].map((p) => [p, { stem: 'MPL', bare: 'MPL-2.0', why: 'it names no version (1.0, 1.1, 2.0)' }] as const),
  ...['eclipse public', 'eclipse', 'epl'].map((p) => [p, { stem: 'EPL', bare: 'EPL-2.0', why: 'it names no version (1.0, 2.0)' }] as const),
  ...['european union public', 'eupl'].map((p) => [p, { stem: 'EUPL', bare: 'EUPL-1.2', why: 'it names no version' }] as const),
  ...['common development and distribution', 'cddl'].map((p) => [p, { stem: 'CDDL', bare: 'CDDL-1.0', why: 'it names no version (1.0, 1.1)' }] as const),
  ...['sil open font', 'open font', 'ofl'].map((p) => [p, { stem: 'OFL', bare: 'OFL-1.1', why: 'it names no version (1.0, 1.1)' }] as const),
  ...['academic free', 'afl'].map((p) => [p, { stem: 'AFL', bare: 'AFL-3.0', why: 'it names no version' }] as const),
  ...['open software', 'osl'].map((p) => [p, { stem: 'OSL', bare: 'OSL-3.0', why: 'it names no version' }] as const),
  ...['artistic'].map((p) => [p, { stem: 'Artistic', bare: 'Artistic-2.0', why: 'it names no version (1.0, 2.0)' }] as const),
  ...['boost software', 'boost'].map((p) => [p, { stem: 'BSL', bare: 'BSL-1.0' }] as const),
  ...['python software foundation', 'psf'].map((p) => [p, { stem: 'PSF', bare: 'PSF-2.0' }] as const),
  // The catalog's copyfarleft and ethical-source families (LicenseRef- ids, and SPDX's Hippocratic-2.1).
  ...['cooperative non violent public', 'cnpl'].map((p) => [p, { stem: 'CNPL', bare: 'LicenseRef-CNPL-7.0', why: 'it names no version (4.0, 5.0, 6.0, 7.0)' }] as const),
  ...['non violent public', 'nvpl'].map((p) => [p, { stem: 'NVPL', bare: 'LicenseRef-NVPL-7.0', why: 'it names no version (4.0, 7.0)' }] as const),
  ...['hippocratic'].map((p) => [p, { stem: 'Hippocratic', bare: 'LicenseRef-Hippocratic-3.0', why: 'it names no version (2.1, 3.0)' }] as const),
  // isaacs' npm packages (glob, chownr, yallist, minipass): "licensed under the Blue Oak Model License, as follows"
  ...['blue oak model', 'blueoak'].map((p) => [p, { stem: 'BlueOak', bare: 'BlueOak-1.0.0' }] as const),
];

const LATER = new Set(['+', 'or later', 'or any later', 'or any later version', 'or later version', 'or newer', 'or greater', 'or above', 'and later', 'later']);

// Short forms no rule derives (Maps, not objects: a key like "constructor" must find nothing).
const PHRASES: ReadonlyMap<string, string> = new Map([
  ['expat', 'MIT'],
  ['mit expat', 'MIT'],
  ['zlib libpng', 'Zlib'],
  // Dist::Zilla's line in thousands of CPAN distributions: "…under the same terms as the Perl 5 programming language system itself".
  ['same terms as the perl 5 programming language system itself', 'Artistic-1.0-Perl OR GPL-1.0-or-later'],
  ['perl 5', 'Artistic-1.0-Perl OR GPL-1.0-or-later'],
  // Perl's own wording of its terms (its README, and every C file of the interpreter): "…under the terms of either the
  // GNU General Public License or the Artistic License, as specified in the README file."
  ['gnu general public license or the artistic', 'Artistic-1.0-Perl OR GPL-1.0-or-later'],
  ['either the gnu general public license or the artistic', 'Artistic-1.0-Perl OR GPL-1.0-or-later'],
  ['perl artistic', 'Artistic-1.0-Perl'],
  ['proprietary', 'UNLICENSED'],
  ['all rights reserved', 'UNLICENSED'],
]);

/**
 * A language's own terms, as CPAN modules and Ruby's standard library say them: "the same terms as Perl itself", "the
 * same license as Perl", "the same terms as Perl 5", "the same terms of ruby", "the same term as Ruby", "the same
 * license terms as Ruby", "the same term of license as Ruby" (keys: "licence" and "Ruby's license" already read as
 * "license" and "ruby").
 */
const SAME_TERMS = /^same (?:terms?(?: of license)?|license(?: terms)?) (?:as|of) (perl(?: 5)?|ruby)(?: itself)?$/;
const LANGUAGE_TERMS: ReadonlyMap<string, string> = new Map([
  ['perl', 'Artistic-1.0-Perl OR GPL-1.0-or-later'],
  ['perl 5', 'Artistic-1.0-Perl OR GPL-1.0-or-later'],
  ['ruby', 'Ruby'],
]);

export function readShortForm(key: string, catalog: Catalog): ShortForm | null {
  const phrase = PHRASES.get(key) ?? LANGUAGE_TERMS.get(SAME_TERMS.exec(key)?.[1] ?? '');
  if (phrase) return { id: phrase };
  if (/^(?:in the )?public domain(?: dedication)?$/.test(key))
    return { id: PUBLIC_DOMAIN, ambiguous: 'public domain is a dedication, not a license, and its effect depends on the country (CC0-1.0 or Unlicense say it in a way that works everywhere)' };
  return readCreativeCommons(key, catalog) ?? readBsd(key) ?? readFamily(key, catalog);
}

function readFamily(key: string, catalog: Catalog): ShortForm | null {
  for (const [prefix, family] of FAMILIES) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length).replace(/^ ?(?:licenses?|gpl|agpl|lgpl)?\b ?/, '').trim();
    const m = /^(\d+(?:\.\d+)*)? ?(.*)$/.exec(rest)!;
    const version = m[1];
    const qualifier = m[2]!.replace(/ (?:licenses?|version)$/, '').trim();
    const later = LATER.has(qualifier);
    if (qualifier !== '' && !later && qualifier !== 'only') continue;
    if (!version) {
      if (qualifier !== '' && !later) return null;
      return family.why ? { id: family.bare, ambiguous: family.why } : { id: family.bare };
    }
    // An SPDX id, or the catalog's LicenseRef- one (CNPL, NVPL, Hippocratic 3.0).
    const id = ['.0', '', '.0.0']
      .flatMap((z) => [`${family.stem}-${version}${z}`, `LicenseRef-${family.stem}-${version}${z}`])
      .find((c) => catalog.get(c) || catalog.get(`${c}-only`));
    if (!id) return null;
    if (family.gnu) {
      const gnu = `${id}-${later ? 'or-later' : 'only'}`;
      return catalog.get(gnu) ? { id: gnu } : null;
    }
    // "or later" is the catalog's -or-later entry where it has one ("CNPL 5 or later"), else SPDX's "+".
    return { id: later ? (catalog.get(`${id}-or-later`) ? `${id}-or-later` : `${id}+`) : id };
  }
  return null;
}

function readBsd(key: string): ShortForm | null {
  const m = /^(?:(zero|0|two|2|three|3|four|4) clause )?(new |revised |modified |simplified |original |old |free)?bsd ?(?:(\d) ?(?:clause)?)?$/.exec(key);
  if (!m) return key === '0bsd' ? { id: '0BSD' } : null;
  const words: Record<string, number> = { zero: 0, two: 2, three: 3, four: 4, 'new ': 3, 'revised ': 3, 'modified ': 3, 'simplified ': 2, free: 2, 'original ': 4, 'old ': 4 };
  const count = m[1] !== undefined ? (words[m[1]] ?? Number(m[1])) : m[3] !== undefined ? Number(m[3]) : m[2] ? words[m[2]] : undefined;
  if (count === undefined)
    return { id: 'BSD-3-Clause', ambiguous: 'BSD names several licenses (BSD-2-Clause, BSD-3-Clause, BSD-4-Clause)' };
  if (count === 0) return { id: '0BSD' };
  return count >= 2 && count <= 4 ? { id: `BSD-${count}-Clause` } : null;
}

const CC_ELEMENTS: ReadonlyMap<string, string> = new Map([
  ...['by', 'attribution'].map((w) => [w, 'BY'] as const),
  ...['nc', 'noncommercial', 'non commercial'].map((w) => [w, 'NC'] as const),
  ...['nd', 'noderivatives', 'noderivs', 'no derivatives', 'no derivs'].map((w) => [w, 'ND'] as const),
  ...['sa', 'sharealike', 'share alike'].map((w) => [w, 'SA'] as const),
]);
const CC_FILLER = new Set(['international', 'unported', 'generic', 'public', 'deed', 'legal', 'code', 'legalcode']);

export function readCreativeCommons(key: string, catalog: Catalog): ShortForm | null {
  if (/^(?:cc0|cc zero|creative commons zero|creative commons cc0)(?: 1)?(?: universal)?(?: public domain dedication)?$/.test(key)) return { id: 'CC0-1.0' };
  const m = /^(?:cc|creative commons) (.+)$/.exec(key);
  if (!m) return null;
  const words = m[1]!.split(' ');
  const elements = new Set<string>();
  let version: string | undefined;
  let port: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const two = CC_ELEMENTS.get(`${words[i]} ${words[i + 1] ?? ''}`);
    const one = CC_ELEMENTS.get(words[i]!);
    if (two) {
      elements.add(two);
      i++;
    } else if (one) elements.add(one);
    else if (!version && /^\d+(?:\.\d+)?$/.test(words[i]!)) version = words[i]!.includes('.') ? words[i]! : `${words[i]}.0`;
    else if (version && !port && /^(?:[a-z]{2}|igo|scotland)$/.test(words[i]!)) port = words[i]!.toUpperCase();
    else if (!CC_FILLER.has(words[i]!)) return null;
  }
  if (!elements.has('BY') || (elements.has('ND') && elements.has('SA'))) return null;
  const base = `CC-BY${elements.has('NC') ? '-NC' : ''}${elements.has('ND') ? '-ND' : ''}${elements.has('SA') ? '-SA' : ''}`;
  if (!version) return { id: `${base}-4.0`, ambiguous: 'it names no version (1.0 to 4.0)' };
  if (port && catalog.get(`${base}-${version}-${port}`)) return { id: `${base}-${version}-${port}` };
  const id = `${base}-${version}`;
  if (!catalog.get(id)) return null;
  // A port SPDX does not list is its own license text; its unported version is the nearest id.
  return port ? { id, ambiguous: `the ${port} port of ${id} is not on the SPDX list` } : { id };
}
