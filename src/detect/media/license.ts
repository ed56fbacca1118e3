// From metadata fields to what a file declares. A field's URLs are read first (a license URL
// is the most exact thing metadata holds), then license names, whole or in prose ("This work
// is licensed under a Creative Commons Attribution-ShareAlike 4.0 International License"),
// through the shared mapper in catalog/names.ts; a whole license text in a field, through the
// full-text matcher. A rights statement that names no license but reserves all rights reads as
// NONE (beside a license, it is a note: the license applies); a license field nobody can name
// is NOASSERTION with the text kept. Several fields saying the same thing give one declaration,
// from the most explicit field; fields that disagree give each declaration and a warning.
import type { Catalog } from '../../catalog/index.js';
import { nameToExpression, urlKey, urlToExpression, type NameMatch } from '../../catalog/names.js';
import type { CopyrightNotice, Declaration, Problem } from '../../types.js';
import { combineMatches } from '../license-text/combine.js';
import type { MatchResult } from '../license-text/match.js';
import { copyrightStatement } from '../tag-scan.js';
import type { FieldRole, MediaField } from './fields.js';

/**
 * Names the licenses in a whole license text (the scan's full-text matcher): a font's License
 * record often holds the text itself (DejaVu's: the Bitstream Vera and Arev licenses).
 */
export type TextReader = (text: string) => MatchResult;

export interface FieldReading {
  readonly field: MediaField;
  /** `license`: named; `none`: all rights reserved; `unknown`: a license statement nobody can name. */
  readonly kind: 'license' | 'none' | 'unknown';
  readonly expression: string;
  readonly confidence: number;
  readonly note: string | null;
  /** For a URL the catalog lists under several licenses. */
  readonly candidates?: readonly string[];
  /** Read from a whole license text the field holds (see readText). */
  readonly fromText?: true;
}

/** The most explicit roles first: the order declarations are kept in. */
const ROLE_RANK: Readonly<Record<FieldRole, number>> = { license: 0, web: 1, terms: 2, rights: 3, holder: 4, more: 5, marked: 6 };
/** Prose readings are less certain than a field made for a license. */
const PROSE = 0.9;
const MAX_URLS = 8;
const MAX_PROBE_WORDS = 14;

// URLs with a scheme, or bare creativecommons.org paths; a character class each, so linear.
const URL_RE = /\bhttps?:\/\/[^\s<>"'()[\]{}]+|\b(?:www\.)?creativecommons\.org\/[^\s<>"'()[\]{}]+/gi;
// Where a license name starts in prose: after "licensed under", or at a family's own words.
const ANCHOR_RE = /\b(?:licen[cs]ed|released|distributed|available|published|provided)(?: to the public)? under (?:the terms of )?(?:the |a |an )?|\b(?:licen[cs]e|terms)\s?: ?/gi;
const NAME_START_RE = /\b(?:CC[- ](?:BY|0|ZERO)|CC0|Creative Commons|Peer Production|Copyfarleft|CNPL|NVPL|Cooperative Non-Violent|Non-Violent Public|Anti-Capitalist|ACSL|SIL Open Font|Open Font License|OFL|GNU|Public Domain)\b/gi;
const SENTENCE_END_RE = /[.;!?](?:\s|$)|\n| - | — |, (?:see|verify|visit|available|for)\b| \(|\bverify at\b/i;
/** A value that starts as a copyright notice does. */
const COPYRIGHT_START_RE = /^\s*(?:©|℗|\([cp]\)|copyright\b)/i;
/** "All rights reserved", and the same in a few languages photographers' tools write. */
const RESERVED_RE = /\ball rights reserved\b|\btous droits r[ée]serv[ée]s\b|\balle rechte vorbehalten\b|\btodos los derechos reservados\b|\btutti i diritti riservati\b|\btodos os direitos reservados\b/i;

/**
 * Readings by role and value, per catalog. A release repeats its license URL and notice in
 * every file, and reading prose is the costly part of a media scan; the readings are pure
 * functions of the value, so they are kept (bounded: cleared when full).
 */
const MEMO = new WeakMap<Catalog, Map<string, unknown>>();
const MEMO_SIZE = 4096;
/** Longer values (rare, and often hostile) are read each time rather than kept. */
const MEMO_KEY = 1024;

function memo<T>(catalog: Catalog, key: string, compute: () => T): T {
  if (key.length > MEMO_KEY) return compute();
  let table = MEMO.get(catalog);
  if (!table) MEMO.set(catalog, (table = new Map()));
  const hit = table.get(key);
  if (hit !== undefined) return hit as T;
  if (table.size >= MEMO_SIZE) table.clear();
  const value = compute();
  table.set(key, value);
  return value;
}

/** How one field reads; several readings when it names several licenses (by URL). */
export function readField(field: MediaField, catalog: Catalog, texts?: TextReader): FieldReading[] {
  const { role } = field;
  if (role === 'more' || role === 'marked' || role === 'holder') return [];
  return memo(catalog, `r\0${texts ? 't' : ''}\0${role}\0${field.value}`, () => readValue(field, catalog, texts).map(({ field: _, ...r }) => r)).map((r) => ({ field, ...r }));
}

/** What a form or a tool writes in a field nobody filled in: no statement at all (zlib's crc-doc PDF: UsageTerms "Unknown"). */
const PLACEHOLDER_RE = /^\s*(?:unknown|n\/?a|not (?:specified|available|applicable)|unspecified|undefined|null|tbd|-+|\?+)\s*$/i;

function readValue(field: MediaField, catalog: Catalog, texts?: TextReader): FieldReading[] {
  const { role } = field;
  const value = field.value.replace(/^SPDX-License-Identifier:\s*/i, '');
  if (PLACEHOLDER_RE.test(value)) return [];
  const readings: FieldReading[] = [];
  const shared: string[][] = [];
  let creativeCommons = false;
  for (const url of extractUrls(value)) {
    const m = urlToExpression(url, catalog);
    if (m) {
      if (!readings.some((r) => r.expression === m.expression)) readings.push(named(field, m, role === 'license' && m.how === 'url' ? 1 : m.confidence));
    } else {
      const ids = licensesAtUrl(url, catalog);
      if (ids.length > 1) shared.push(ids);
      creativeCommons ||= /^(?:https?:\/\/)?(?:www\.)?creativecommons\.org\/licenses\//i.test(url);
    }
  }
  if (readings.length) return readings;
  if (role === 'web') return [];

  const text = texts && (role === 'license' || role === 'terms') && isLicenseText(value) ? readText(field, value, texts) : [];
  if (text.length) return text;
  const name = readName(value, role, catalog);
  if (name && name.expression !== 'UNLICENSED') return [named(field, name.match, name.prose ? name.match.confidence * PROSE : name.match.confidence)];
  if ((role === 'rights' || role === 'terms') && (RESERVED_RE.test(value) || name?.expression === 'UNLICENSED'))
    return [{ field, kind: 'none', expression: 'NONE', confidence: 1, note: 'all rights reserved: no license is granted' }];
  if (shared.length) {
    const candidates = [...new Set(shared.flat())];
    return [{ field, kind: 'unknown', expression: 'NOASSERTION', confidence: 0, note: `is a page shared by several licenses (${candidates.join(', ')})`, candidates }];
  }
  const note = creativeCommons ? 'names a Creative Commons license that has no SPDX identifier' : 'names no license farleft knows';
  if (role === 'license' || role === 'terms') return [{ field, kind: 'unknown', expression: 'NOASSERTION', confidence: 0, note }];
  return [];
}

/** A value long enough to be a license text rather than a name or a sentence (as a manifest's License field is judged). */
function isLicenseText(value: string): boolean {
  return value.length > 300 || value.split('\n').length > 3;
}

/**
 * The licenses whose texts a field holds, as one reading (their AND); and a second one,
 * NOASSERTION, for text in it that no license explains. None when no license text is in it
 * (it is then read as prose).
 */
function readText(field: MediaField, value: string, texts: TextReader): FieldReading[] {
  const result = texts(value);
  const found = combineMatches(result.matches).named;
  if (found.length === 0) return [];
  // Each is one license, or one with its exception: no parentheses needed.
  const expression = found.map((f) => f.expression).join(' AND ');
  const readings: FieldReading[] = [{ field, kind: 'license', expression, confidence: Math.min(...found.map((f) => f.confidence)), note: null, fromText: true }];
  if (result.unknown.length) {
    // Lines of a field mean little to a reader of the file (they are not the file's): say how much.
    const words = result.unknown.reduce((n, u) => n + u.words, 0);
    const closest = result.unknown.flatMap((u) => u.candidates).sort((a, b) => b.confidence - a.confidence)[0];
    readings.push({ field, kind: 'unknown', expression: 'NOASSERTION', confidence: 0, note: `holds ${words} words that no known license explains${closest ? ` (closest: ${closest.expression}, ${closest.confidence.toFixed(2)})` : ''}` });
  }
  return readings;
}

function named(field: MediaField, m: NameMatch, confidence: number): FieldReading {
  return { field, kind: 'license', expression: m.expression, confidence: Math.round(confidence * 100) / 100, note: m.note };
}

export function extractUrls(value: string): string[] {
  const out: string[] = [];
  for (const m of value.matchAll(URL_RE)) {
    out.push(m[0].replace(/(?<![.,;:!?])[.,;:!?]+$/, ''));
    if (out.length >= MAX_URLS) break;
  }
  return out;
}

/** A license name: the whole value, or a phrase in prose after an anchor or at a family's name. */
function readName(value: string, role: FieldRole, catalog: Catalog): { match: NameMatch; expression: string; prose: boolean } | null {
  // A notice names its holder: "(c) MIT" is the Institute's work, not the MIT License. A license in a
  // notice is found in its prose ("© 2026 Jo — CC BY-SA 4.0").
  const notice = role === 'rights' && COPYRIGHT_START_RE.test(value);
  const whole = notice ? null : nameToExpression(value, catalog, { correct: role === 'license' });
  if (whole) return { match: whole, expression: whole.expression, prose: false };
  const starts = new Set<number>();
  for (const re of [ANCHOR_RE, NAME_START_RE])
    for (const m of value.matchAll(re)) {
      starts.add(re === ANCHOR_RE ? m.index + m[0].length : m.index);
      if (starts.size > 8) break;
    }
  for (const start of [...starts].sort((a, b) => a - b)) {
    const rest = value.slice(start, start + 300);
    const end = rest.search(SENTENCE_END_RE);
    const words = (end < 0 ? rest : rest.slice(0, end)).split(' ').filter(Boolean).slice(0, MAX_PROBE_WORDS);
    for (let k = words.length; k >= 1; k--) {
      const m = nameToExpression(words.slice(0, k).join(' '), catalog, { correct: false });
      if (m) return { match: m, expression: m.expression, prose: true };
    }
  }
  return null;
}

const SHARED_URLS = new WeakMap<Catalog, Map<string, string[]>>();

/** Every license whose catalog entry lists this URL (the CNPL and NVPL share one page). */
export function licensesAtUrl(url: string, catalog: Catalog): string[] {
  let table = SHARED_URLS.get(catalog);
  if (!table) {
    table = new Map();
    for (const e of catalog.entries) {
      if (e.kind !== 'license' || e.deprecated) continue;
      for (const u of new Set([e.url, ...e.urls])) {
        if (!u) continue;
        const k = urlKey(u);
        const ids = table.get(k) ?? [];
        if (!ids.includes(e.id)) ids.push(e.id);
        table.set(k, ids);
      }
    }
    SHARED_URLS.set(catalog, table);
  }
  return table.get(urlKey(url)) ?? [];
}

// ---------------------------------------------------------------- a file's fields

export interface MediaDetection {
  readonly declarations: Declaration[];
  readonly copyrights: CopyrightNotice[];
  readonly problems: Problem[];
}

/**
 * Turns the fields read from one file into declarations, copyright notices and problems.
 * Files of one release usually carry the same fields: the result is kept per field set and
 * only given each file's path.
 */
export function fieldsToDetection(path: string, fields: readonly MediaField[], catalog: Catalog, texts?: TextReader): MediaDetection {
  if (fields.length === 0) return { declarations: [], copyrights: [], problems: [] };
  const key = `d\0${texts ? 't' : ''}\0${fields.map((f) => `${f.name}\u0001${f.role}\u0001${f.line ?? ''}\u0001${f.value}`).join('\u0002')}`;
  const t = memo(catalog, key, () => detectionOf('', fields, catalog, texts));
  return {
    declarations: t.declarations.map((d) => ({ ...d, file: path })),
    copyrights: t.copyrights.map((c) => ({ ...c, file: path })),
    problems: t.problems.map((p) => ({ ...p, file: path })),
  };
}

function detectionOf(path: string, fields: readonly MediaField[], catalog: Catalog, texts?: TextReader): MediaDetection {
  // Most explicit first: by role, and within a role a URL before prose.
  const rank = (f: MediaField): number => ROLE_RANK[f.role] * 2 + (/^(?:https?:\/\/|www\.)\S+$/i.test(f.value) ? 0 : 1);
  const ordered = fields
    .map((f) => ({ f, r: rank(f) }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.f);
  const readings = ordered.flatMap((f) => readField(f, catalog, texts));
  const problems: Problem[] = [];
  const problem = (code: string, severity: Problem['severity'], f: MediaField, message: string, suggestion: string | null): void => {
    problems.push({ code, severity, file: path, line: f.line ?? null, message, suggestion });
  };

  const known = readings.filter((r) => r.kind === 'license');
  const none = readings.filter((r) => r.kind === 'none');
  const unknown = readings.filter((r) => r.kind === 'unknown');
  let chosen: FieldReading[];
  if (known.length) {
    chosen = [];
    for (const r of known) if (!chosen.some((c) => c.expression === r.expression)) chosen.push(r);
    // "All rights reserved" asserts the copyright; the license beside it grants what it grants. Most
    // fonts say both (Roboto: "Copyright 2011 Google Inc. All Rights Reserved." and Apache-2.0): no conflict.
    for (const n of none)
      problem(
        'rights-reserved-beside-license',
        'note',
        n.field,
        `${n.field.name} says "${short(n.field.value)}" beside the license ${chosen[0]!.field.name} declares (${chosen[0]!.expression}), which is what applies: the phrase only asserts the copyright`,
        'Write "Some rights reserved", or leave the phrase out, if it misleads readers (farleft apply --embed rewrites the notice)',
      );
    for (const u of unknown)
      if (!u.candidates?.some((c) => chosen.some((k) => k.expression === c)))
        problem('unknown-license', 'note', u.field, `${u.field.name} is "${short(u.field.value)}", which ${u.note} (${chosen[0]!.field.name} declares ${chosen[0]!.expression})`, null);
  } else if (none.length && !unknown.some((u) => u.field.role === 'license' || u.field.role === 'terms')) chosen = [none[0]!];
  else if (unknown.length) {
    // A license statement nobody can name still grants a license: "All rights reserved" in the
    // copyright notice beside it (Liberation's fonts) does not make the file unlicensed.
    const u = unknown[0]!;
    chosen = [u];
    problem(
      'unknown-license',
      'warning',
      u.field,
      `${u.field.name} is "${short(u.field.value)}", which ${u.note}; declared as NOASSERTION`,
      u.candidates?.length ? `Name the version, e.g. with a version's own URL (${u.candidates.join(', ')})` : "Use the license's canonical URL (for Creative Commons, its creativecommons.org/licenses/... URL)",
    );
  } else chosen = [];

  if (new Set(chosen.map((c) => c.expression)).size > 1) {
    const [a, b] = chosen as [FieldReading, FieldReading];
    // Beside a whole license text, a copyright notice that names another license speaks of a part
    // (DejaVu: "DejaVu changes are in public domain", beside the Bitstream Vera license): both apply.
    if (a.fromText && chosen.slice(1).every((c) => c.field.role === 'rights'))
      problem('declared-in-parts', 'note', b.field, `${b.field.name} names ${b.expression} beside the license text ${a.field.name} holds (${a.expression}): both are kept, as licenses of parts of the file`, null);
    else problem('declared-conflict', 'warning', b.field, `the metadata disagrees: ${a.field.name} declares ${a.expression}, ${b.field.name} declares ${b.expression}`, 'Make the metadata fields agree (farleft apply --embed rewrites them)');
  }
  for (const c of chosen)
    if (c.kind === 'license' && c.note?.startsWith('ambiguous')) problem('ambiguous-license', 'note', c.field, `${c.field.name} "${short(c.field.value)}" is ${c.note}`, null);

  const declarations: Declaration[] = chosen.map((r) => ({
    expression: r.expression,
    source: 'media',
    file: path,
    ...(r.field.line !== undefined ? { line: r.field.line } : {}),
    confidence: r.kind === 'unknown' ? 0 : r.confidence,
    scope: 'file',
    field: r.field.name,
    ...(r.field.value !== r.expression ? { raw: r.field.value } : {}),
    ...(r.candidates ? { candidates: r.candidates.map((expression) => ({ expression, confidence: 0.5 })) } : {}),
  }));
  return { declarations, copyrights: copyrightsOf(path, ordered, catalog), problems };
}

/** Copyright notices: the rights fields, less any license statement in them; else the name to credit. */
function copyrightsOf(path: string, fields: readonly MediaField[], catalog: Catalog): CopyrightNotice[] {
  const texts: { text: string; line?: number }[] = [];
  const push = (text: string, line?: number): void => {
    if (/[\p{L}\p{N}]/u.test(text) && !texts.some((t) => t.text === text)) texts.push(line === undefined ? { text } : { text, line });
  };
  for (const f of fields) if (f.role === 'rights') push(noticeOf(f.value, catalog), f.line);
  if (texts.length === 0) for (const f of fields) if (f.role === 'holder') push(f.value, f.line);
  return texts.map((t) => ({ text: t.text, source: 'media', file: path, ...(t.line !== undefined ? { line: t.line } : {}), scope: 'file' }));
}

/** The notice in a rights value: without a leading "Copyright"/"©", and cut where a license statement starts. */
export function noticeOf(value: string, catalog: Catalog): string {
  return memo(catalog, `n\0${value}`, () => readNotice(value, catalog));
}

function readNotice(value: string, catalog: Catalog): string {
  if (extractUrls(value).join(' ') === value.trim()) return '';
  // A value that is only a license name, with or without its URL, is no notice (Adwaita's icons: "CC
  // Attribution-ShareAlike http://creativecommons.org/licenses/by-sa/4.0/"); "(c) MIT" is one, of its holder.
  if (!COPYRIGHT_START_RE.test(value)) {
    let name = value;
    for (const url of extractUrls(value)) name = name.replace(url, ' ');
    if (nameToExpression(name.replace(/\s+/g, ' ').trim(), catalog, { correct: false })) return '';
  }
  let text = value;
  const cut = [...value.matchAll(ANCHOR_RE)][0]?.index;
  if (cut !== undefined) {
    // Back to the start of the sentence that holds "licensed under".
    const before = value.slice(0, cut);
    const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '), before.lastIndexOf(', '));
    text = stop >= 0 ? before.slice(0, stop) : /^(?:this|the|all|it)\b/i.test(before.trim()) ? '' : before;
  }
  for (const url of extractUrls(text)) text = text.replace(url, '');
  // A URL given in brackets leaves them empty: "Authors (https://…)" is "Authors", not "Authors ()".
  text = text.replace(/(?<!\s)\s*(?:\(\s*\)|\[\s*\]|<\s*>)/g, '');
  return copyrightStatement(text.replace(/(?<![\s,;:–—-])[\s,;:–—-]+$/u, '').replace(/\s+/g, ' '));
}

function short(value: string): string {
  const s = value.replace(/\s+/g, ' ');
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}
