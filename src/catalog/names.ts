// Free-text license names and license URLs -> SPDX expressions. Manifests ("Apache 2",
// "GPLv3+", Trove classifiers), README notices ("the Peer Production License") and media
// metadata (a Creative Commons URL) all write licenses the way people say them; this is
// the one mapper they share, so a name reads the same wherever it was written.
//
// Order, most to least certain: a valid SPDX expression; a catalog alias or SPDX full
// name (compared after one shared key normalisation: case, punctuation, "v3"/"3.0"/
// "version 3", a trailing "License"); the common short forms of the big families (GNU,
// Apache, MPL, BSD, Creative Commons, ...: short-forms.ts); a license URL; a compound
// ("MIT/Apache-2.0", "GPL-2.0 or MIT"); and last spdx-correct, whose guesses are checked
// (it reads "UNLICENSED" as Unlicense and "Eclipse Public License 2.0" as EPL-1.0). A name
// that leaves the version or the family open ("GPL", "BSD", "Apache") is 'ambiguous': a
// reading with a note, never passed off as certain.
import type { Catalog } from './index.js';
import { correctId as correct } from './correct.js';
import { readCreativeCommons, readShortForm } from './short-forms.js';

export type NameHow = 'spdx' | 'alias' | 'name' | 'url' | 'corrected' | 'ambiguous';

export interface NameMatch {
  readonly expression: string;
  readonly confidence: number;
  readonly how: NameHow;
  /** How the text was read ("read as X", "ambiguous: why; read as X"), for a message; null for a plain SPDX expression. */
  readonly note: string | null;
}

export interface NameOptions {
  /** Fall back on spdx-correct (default true). Off when probing prose for where a name ends. */
  readonly correct?: boolean;
}

/** Longer text is not a license name (a whole license text, a paragraph). */
const MAX_NAME = 200;
const RANK: readonly NameHow[] = ['spdx', 'alias', 'name', 'url', 'corrected', 'ambiguous'];

interface Tables {
  /** compact key -> entry id and whether the key came from an alias or a name. */
  readonly names: Map<string, { id: string; how: 'alias' | 'name' }>;
  /** URL key -> id; null where one URL names several licenses. */
  readonly urls: Map<string, string | null>;
}

const TABLES = new WeakMap<Catalog, Tables>();

export function nameToExpression(text: string, catalog: Catalog, options: NameOptions = {}): NameMatch | null {
  if (text.length > MAX_NAME * 2) return null;
  const input = clean(text);
  if (input === '' || input.length > MAX_NAME || !/[A-Za-z]/.test(input)) return null;
  if (isUrl(input)) return urlToExpression(input, catalog);
  return readSingle(input, catalog) ?? readCompound(input, catalog) ?? (options.correct === false ? null : readCorrected(input, catalog));
}

/** A URL that names a license (catalog URLs, Creative Commons, opensource.org, gnu.org, ...), or null. */
export function urlToExpression(url: string, catalog: Catalog): NameMatch | null {
  const key = urlKey(url);
  const known = tablesOf(catalog).urls.get(key);
  if (known) return match(known, 'url', `read as ${known}`);
  const read = readLicenseUrl(key, catalog);
  if (!read) return null;
  return read.ambiguous
    ? match(read.id, 'ambiguous', `ambiguous: ${read.ambiguous}; read as ${read.id}`)
    : match(read.id, 'url', `read as ${read.id}`);
}

const CONFIDENCE: Record<NameHow, number> = { spdx: 1, alias: 0.95, name: 0.95, url: 0.9, corrected: 0.8, ambiguous: 0.5 };
/** Names read by this module's own short-form rules rather than found in the catalog. */
const SHORT_FORM = 0.9;

function match(expression: string, how: NameHow, note: string | null, confidence = CONFIDENCE[how]): NameMatch {
  return { expression, confidence, how, note };
}

/** Strips quotes, outer parentheses and sentence punctuation around a name. */
function clean(text: string): string {
  // ' -or- ' is ' or ' (sniffio's "MIT -or- Apache License 2.0"): a compound the reader splits, not one name to guess.
  let s = text.trim().replace(/\s+/g, ' ').replace(/ -(or|and)- /gi, ' $1 ');
  s = s.replace(/^["'“”‘’`]+|(?<!["'“”‘’`])["'“”‘’`]+$/g, '').replace(/(?<![.,;:])[.,;:]+$/, '').trim();
  while (s.startsWith('(') && s.endsWith(')') && s.indexOf(')') === s.length - 1) s = s.slice(1, -1).trim();
  return s;
}

/** A URL, with or without its scheme ("creativecommons.org/licenses/by/4.0/"). */
function isUrl(s: string): boolean {
  return /^(?:https?:\/\/\S+|(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/\S*)$/i.test(s);
}

// ---------------------------------------------------------------- one name

function readSingle(input: string, catalog: Catalog): NameMatch | null {
  // Only text shaped like an expression is worth the parser (and its cache).
  if (/^[A-Za-z0-9.+:-]+$/.test(input) || /\s(?:AND|OR|WITH)\s/.test(input)) {
    const n = catalog.normalize(input);
    if (n.marker && n.marker !== 'SEE LICENSE IN') return match(n.expression!, 'spdx', null);
    if (n.valid && n.expression) {
      const alias = n.notes.find((x) => x.code === 'alias');
      return alias ? match(n.expression, 'alias', `read as ${n.expression} (an alias)`) : match(n.expression, 'spdx', null);
    }
  }
  const key = keyOf(input);
  const keys = [key];
  // A parenthesis is an aside ("The MIT License (MIT)") unless it restricts the version (R's
  // "GPL (> 2)"): dropping that would allow every version.
  const bare = keyOf(input.replace(/\((?![^()]*[<>=])[^()]*\)/g, ' '));
  if (bare && bare !== key) keys.push(bare);
  const { names } = tablesOf(catalog);
  for (const k of keys) {
    const hit = names.get(compact(k));
    if (hit) return match(hit.id, hit.how, `read as ${hit.id}`);
  }
  for (const k of keys) {
    const short = readShortForm(k, catalog);
    if (short) return short.ambiguous
      ? match(short.id, 'ambiguous', `ambiguous: ${short.ambiguous}; read as ${short.id}`)
      : match(short.id, 'name', `read as ${short.id}`, SHORT_FORM);
  }
  // "…, either version 1.3c of this license or (at your option) any later version" of a license without -or-later ids
  // (LPPL, EUPL, CeCILL): SPDX's "+". The GNU families have their -or-later ids from the short forms above; the
  // catalog's own (CNPL, NVPL: "CNPL v7 or later"), from the entry of that name beside the version's.
  const later = / or (?:any )?(?:later|newer)(?: versions?)?$/.exec(key);
  if (later) {
    const base = /\d/.test(key.slice(0, later.index)) ? names.get(compact(key.slice(0, later.index))) : undefined;
    const own = base && catalog.get(`${base.id}-or-later`)?.kind === 'license' ? `${base.id}-or-later` : null;
    if (own) return match(own, 'name', `read as ${own}`, SHORT_FORM);
    const plus = base ? catalog.normalize(`${base.id}+`) : null;
    if (plus?.valid && plus.expression && !plus.marker && catalog.get(base!.id)?.kind === 'license') return match(plus.expression, 'name', `read as ${plus.expression}`, SHORT_FORM);
  }
  // "The MIT License (MIT)", "Boost Software License (BSL-1.0)": the parenthesis names it.
  const inner = /\(([A-Za-z0-9.+-]+)\)$/.exec(input)?.[1];
  if (inner) {
    const n = catalog.normalize(inner);
    if (n.valid && n.expression && !n.marker) return match(n.expression, 'name', `read as ${n.expression}`, SHORT_FORM);
  }
  return null;
}

/**
 * One shared normalisation for what was written and for what the catalog holds:
 * lower case, punctuation to spaces, "v3" / "version 3" / "3.0" to "3", "+" apart,
 * and no leading "the" or trailing "license".
 */
export function keyOf(text: string): string {
  return ` ${text.toLowerCase()} `
    .replace(/licen[cs]e/g, 'license')
    .replace(/(\w)['’]s\b/g, '$1') // a possessive: "Ruby's" (license) is Ruby
    .replace(/\(\s*>=\s*([\d.]+)\s*\)/g, ' $1 or later ') // R: GPL (>= 2)
    .replace(/\(\s*==\s*([\d.]+)\s*\)/g, ' $1 ') // R: Apache License (== 2.0)
    .replace(/\bas published by the free software foundation\b|\bof (?:the|this) license\b|\(at your option\)|\beither(?= version)/g, ' ')
    // The date under a text's title ("The GNU General Public License, Version 2, June 1991", as Perl's Software::License names it).
    .replace(/,\s*(?:january|february|march|april|may|june|july|august|september|october|november|december) (?:19|20)\d\d $/, ' ')
    .replace(/[‐‑‒–—_,;:"'`*!?/()[\]{}]|-/g, ' ')
    .replace(/([a-z])v(?=\d)/g, '$1 ') // gplv3
    .replace(/\s(?:version|ver|v)\.?\s*(?=\d)/g, ' ')
    .replace(/(\d)\+/g, '$1 + ')
    .replace(/(\d+(?:\.\d+)*)/g, (v) => v.replace(/(?:\.0+)+$/, ''))
    .replace(/\s+/g, ' ')
    .replace(/^ (?:the|a|an) /, ' ')
    .replace(/ licenses? $/, ' ')
    .trim();
}

function compact(key: string): string {
  return key.replace(/ /g, '');
}

function tablesOf(catalog: Catalog): Tables {
  let t = TABLES.get(catalog);
  if (t) return t;
  // Each table is made on first use: a media folder mostly asks for URLs, a manifest for names.
  let names: Tables['names'] | undefined;
  let urls: Tables['urls'] | undefined;
  t = {
    get names() {
      // Compiled by the build into the catalog; a catalog made otherwise (tests) compiles it here.
      return (names ??= new Map((catalog.data.names ?? compileNameTable(catalog.entries)).map(([key, id, how]) => [key, { id, how }])));
    },
    get urls() {
      return (urls ??= urlTable(catalog.entries));
    },
  };
  TABLES.set(catalog, t);
  return t;
}

type LicenseEntries = Catalog['entries'];

/** The entries names and URLs may point at: licenses (not exceptions) that are not deprecated. */
function liveLicenses(entries: LicenseEntries): LicenseEntries {
  return entries.filter((e) => e.kind === 'license' && !e.deprecated);
}

/** The name table as the build compiles it into the catalog (CatalogData.names): the first key wins. */
export function compileNameTable(entries: LicenseEntries): [key: string, id: string, how: 'alias' | 'name'][] {
  const live = liveLicenses(entries);
  const names = new Map<string, { id: string; how: 'alias' | 'name' }>();
  const put = (text: string, id: string, how: 'alias' | 'name'): void => {
    const k = compact(keyOf(text));
    if (k && !names.has(k)) names.set(k, { id, how });
  };
  // Ids first, then aliases (ours, curated), then SPDX's full names.
  for (const e of live) put(e.id, e.id, 'name');
  for (const e of live) for (const a of e.aliases) put(a, e.id, 'alias');
  for (const e of live) put(e.name, e.id, 'name');
  return [...names].map(([key, { id, how }]) => [key, id, how]);
}

function urlTable(entries: LicenseEntries): Tables['urls'] {
  const urls = new Map<string, string | null>();
  for (const e of liveLicenses(entries))
    for (const u of new Set([e.url, ...e.urls])) {
      if (!u) continue;
      const k = urlKey(u);
      const seen = urls.get(k);
      if (seen === undefined) urls.set(k, e.id);
      else if (seen !== null && seen !== e.id) urls.set(k, preferOnly(seen, e.id));
    }
  return urls;
}

/** Two ids sharing a URL: GPL-3.0-only and GPL-3.0-or-later read the same text, which says -only. */
function preferOnly(a: string, b: string): string | null {
  const stem = (id: string): string => id.replace(/-(?:only|or-later)$/, '');
  if (stem(a) !== stem(b)) return null;
  return a.endsWith('-only') ? a : b.endsWith('-only') ? b : null;
}

// ---------------------------------------------------------------- several names

/**
 * "MIT/Apache-2.0" (old Cargo manifests), "GPL-2 | MIT" (R), "GPL-2.0 or MIT", "MIT and Apache 2.0":
 * each part read on its own, joined with OR ('/', '|', 'or') or AND ('and', '&', 'as well as', and
 * 'with' a license, not an exception: "Apache-2.0 WITH Commons-Clause"). "or later" stays with its name.
 */
function readCompound(input: string, catalog: Catalog): NameMatch | null {
  // "Dual licensed under MIT and Apache-2.0" offers a choice, whatever the conjunction.
  const dual = /^(?:dual(?:[- ]licen[cs]ed)?|either)\b/i.test(input);
  const text = input.replace(/^(?:dual(?:[- ]licen[cs]ed)?(?: under)?|either(?: of)?|both(?: of)?) (?:the )?/i, '');
  const parts = text.split(/\s+(or|and|as well as|with)\s+(?!(?:\(at your option\) )?(?:any )?later\b|newer\b|greater\b|above\b)|\s*(\/|&|\|)\s*/i);
  if (parts.length < 4) return null;
  const read: NameMatch[] = [];
  for (let i = 0; i < parts.length; i += 3) {
    const part = clean(parts[i] ?? '');
    const hit = part ? readSingle(part, catalog) : null;
    if (!hit || /^(?:UNLICENSED|NONE|NOASSERTION)$/.test(hit.expression)) return null;
    read.push(hit);
  }
  const hits = perlsArtistic(read);
  const out: string[] = [];
  let worst = 0;
  let confidence = 1;
  let doubt = '';
  for (let i = 0; i < parts.length; i += 3) {
    const part = clean(parts[i] ?? '');
    const hit = hits[i / 3]!;
    const op = (parts[i + 1] ?? parts[i + 2] ?? '').toLowerCase();
    out.push(hit.expression.includes(' ') ? `(${hit.expression})` : hit.expression);
    // A license "with" another, such as a condition on it ("Apache-2.0 WITH Commons-Clause"), is both.
    if (i + 3 < parts.length) out.push(op === 'with' || (op !== 'or' && op !== '/' && op !== '|' && !dual) ? 'AND' : 'OR');
    worst = Math.max(worst, RANK.indexOf(hit.how), RANK.indexOf('name'));
    if (hit.how === 'ambiguous' && !doubt) doubt = `'${part}' is ${hit.note}; `;
    confidence = Math.min(confidence, hit.confidence, SHORT_FORM);
  }
  const joined = catalog.normalize(out.join(' '));
  if (!joined.valid || !joined.expression) return null;
  const how = RANK[worst]!;
  const slash = input.includes('/') ? " ('/' is read as OR, as old Cargo manifests and most writers mean it)" : '';
  return match(joined.expression, how, `${doubt}read as ${joined.expression}${slash}`, how === 'ambiguous' ? CONFIDENCE.ambiguous : confidence);
}

/**
 * Perl's terms: beside GPL-1.0-or-later, "the Artistic License" with no version is Perl's (Artistic-1.0-Perl). Perl has
 * offered the two since 1991 and thousands of CPAN modules repeat it; the Artistic License 2.0 came in 2006. The names
 * of a choice, read one by one.
 */
export function perlsArtistic(hits: readonly NameMatch[]): NameMatch[] {
  if (!hits.some((h) => h.expression === 'GPL-1.0-or-later')) return [...hits];
  return hits.map((h) => (h.how === 'ambiguous' && h.expression === 'Artistic-2.0' ? match('Artistic-1.0-Perl', 'name', "read as Artistic-1.0-Perl (Perl's, offered with GPL-1.0-or-later)", SHORT_FORM) : h));
}

// ---------------------------------------------------------------- spdx-correct

/**
 * spdx-correct as a last resort, kept honest: the id it proposes must share a word with
 * what was written (its first word starting a written one), keep its version number and its
 * "or later"; a version it adds to a text that had none is a guess, reported as ambiguous.
 */
function readCorrected(input: string, catalog: Catalog): NameMatch | null {
  // Several names, or several versions, are more than one license: no single id fits.
  if (input.split(' ').length > 8 || /^[A-Za-z]{1,2}$/.test(input) || /[|/&;,]|\s(?:or|and|as well as|with)\s/i.test(input)) return null;
  if (new Set(input.match(/\d+(?:\.\d+)*/g) ?? []).size > 1) return null;
  const guess = correct(input, { upgrade: false });
  if (!guess) return null;
  const n = catalog.normalize(guess);
  if (!n.valid || !n.expression || n.marker || n.ids.length !== 1) return null;
  const id = n.expression;
  const written = input.toLowerCase();
  // The id's first word must begin a word of what was written: "icalendar" (a gem's own
  // license) holds "cal" but is no CAL-1.0, the Cryptographic Autonomy License.
  const stem = id.toLowerCase().split(/[-.\d]+/).find((w) => w.length >= 2)?.replace(/[^a-z0-9]/g, '');
  if (!stem || !written.split(/[^a-z0-9]+/).some((w) => w.startsWith(stem))) return null;
  const versionWritten = /\d+(?:\.\d+)*/.exec(written)?.[0];
  const versionRead = /\d+(?:\.\d+)*/.exec(id)?.[0];
  const laterWritten = /\+|later|newer|greater/.test(written);
  const laterRead = /-or-later$|\+$/.test(id);
  if (laterWritten !== laterRead) return null;
  if (versionWritten) {
    const v = versionWritten.replace(/(?:\.0+)+$/, '');
    if (!versionRead || versionRead.replace(/(?:\.0+)+$/, '') !== v) return null;
    return match(id, 'corrected', `read as ${id} (a guess by spdx-correct, not an exact name)`);
  }
  if (versionRead) return match(id, 'ambiguous', `ambiguous: it names no version; read as ${id} (a guess by spdx-correct)`);
  return match(id, 'corrected', `read as ${id} (a guess by spdx-correct, not an exact name)`);
}

// ---------------------------------------------------------------- URLs

/** host + path, lower case, without scheme, www, query, trailing slash, file extension or legalcode/deed page. */
export function urlKey(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/(?<!\/)\/+$/, '')
    .replace(/\/(?:legalcode|deed)(?:\.[a-z_-]+)?$/, '')
    .replace(/(?:\.[a-z]{2})?\.(?:html?|txt|php|md)$/, '')
    .replace(/-standalone$/, '')
    .replace(/(?<!\/)\/+$/, '');
}

const GNU_LATEST: Readonly<Record<string, string>> = { gpl: 'GPL-3.0', lgpl: 'LGPL-3.0', agpl: 'AGPL-3.0', fdl: 'GFDL-1.3' };

function readLicenseUrl(key: string, catalog: Catalog): { id: string; ambiguous?: string } | null {
  const [host = '', ...path] = key.split('/');
  const resolveId = (s: string): string | null => {
    const hit = catalog.resolve(s);
    return hit && hit.entry.kind === 'license' ? (hit.entry.replacement ?? hit.entry.id) : null;
  };
  if (host === 'creativecommons.org') {
    if (path[0] === 'publicdomain' && path[1] === 'zero') return { id: 'CC0-1.0' };
    if (path[0] !== 'licenses' || !path[1]) return null;
    const cc = readCreativeCommons(`cc ${path[1].replace(/-/g, ' ')} ${path[2] ?? ''} ${path[3] ?? ''}`.trim(), catalog);
    return cc ? { id: cc.id, ...(cc.ambiguous ? { ambiguous: cc.ambiguous.replace(/^it names/, 'the URL names') } : {}) } : null;
  }
  const last = path.at(-1) ?? '';
  if (host === 'opensource.org' && (path[0] === 'licenses' || path[0] === 'license') && path.length === 2)
    return id(resolveId(last.replace(/-license$/, '')) ?? resolveId(last));
  if (host === 'spdx.org' && path[0] === 'licenses' && path.length === 2) return id(resolveId(last));
  if (host === 'choosealicense.com' && path[0] === 'licenses' && path.length === 2) return id(resolveId(last));
  if (host === 'apache.org' && path[0] === 'licenses') {
    const v = /^license-(\d\.\d)$/.exec(last)?.[1];
    return v ? id(resolveId(`Apache-${v}`)) : null;
  }
  if (host === 'mozilla.org' && path[0] === 'mpl' && path[1]) return id(resolveId(`MPL-${path[1]}`));
  // The Hippocratic License 3.0's builder names a page for each set of modules (version/3/0/cl-eco-extr): the
  // license with modules. Its core text (…/core) and its own pages (…/full, …/license) are the catalog's URLs.
  if (host === 'firstdonoharm.dev' && path[0] === 'version' && path[1] === '3' && path[2] === '0' && path.length === 4 && /^[a-z]{2,5}(?:-[a-z]{2,5})*$/.test(last) && !['core', 'full', 'license'].includes(last))
    return id(resolveId('LicenseRef-Hippocratic-3.0'));
  if (host === 'gnu.org' && path[0] === 'licenses') {
    const m = /^(gpl|lgpl|agpl|fdl)(?:-(\d\.\d))?$/.exec(last);
    if (!m) return null;
    const stem = m[1] === 'fdl' ? 'GFDL' : m[1]!.toUpperCase();
    // The unversioned page (gnu.org/licenses/gpl.html) shows the current version.
    if (!m[2]) return { id: `${GNU_LATEST[m[1]!]}-only` };
    return id(catalog.get(`${stem}-${m[2]}-only`) ? `${stem}-${m[2]}-only` : null);
  }
  return null;
}

function id(value: string | null): { id: string } | null {
  return value ? { id: value } : null;
}
