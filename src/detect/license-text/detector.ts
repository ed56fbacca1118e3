// License files (LICENSE, COPYING, NOTICE, LICENSES/<id>.txt, ...: see route.ts) named by
// their full text. One declaration per license found in the file, with the match's
// confidence; a text that cannot be named is declared NOASSERTION with the closest
// licenses as candidates and a problem, never dropped and never guessed. The words beside or
// instead of the texts are read in prose.ts.
import { isLicenseRefId } from '../../catalog/index.js';
import { nameToExpression } from '../../catalog/names.js';
import type { Candidate } from '../../types.js';
import { EMPTY_DETECTION, type DetectContext, type Detection, type Detector, type FileInput } from '../types.js';
import type { MatchResult, TextMatch, UnknownText } from './index.js';
import { collector, type Collector } from './collector.js';
import { combineMatches } from './combine.js';
import { declareChoice, declareListed, declareStated, lineSpan, proseBesideTexts, readWordsInstead, unnamedTerms } from './prose.js';
import { describesParts, inLicenseFolder, routeLicenseFile, type Route, type Role } from './route.js';
import { noticesIn } from '../notice.js';
import { scanFileTags } from '../tag-scan.js';

/** In a notice (NOTICE, COPYRIGHT, a notice of parts), unexplained text is reported only when it is this close to a license. */
const NOTICE_UNKNOWN_FLOOR = 0.5;
/** Fewer normalized words than this is too short to be a license text. */
const MIN_TEXT_WORDS = 20;
/** A file whose only line is this short may just name its license ("MIT", "Apache License 2.0"). */
const MAX_NAME_LINE = 200;
/** A license file of at most this many words around its SPDX tags points to its license (Linux's COPYING has 64). */
const MAX_POINTER_WORDS = 300;
/** The fields of R's license files that fill a template (Writing R Extensions: "MIT + file LICENSE", "BSD_3_clause + file LICENSE"). */
const R_TEMPLATE_FIELD = /^\s*(?:YEAR|COPYRIGHT HOLDERS?|ORGANI[SZ]ATION)\s*:\s*\S/;

/** The first field of a Debian machine-readable copyright file (copyright-format 1.0). */
const DEBIAN_COPYRIGHT_FORMAT = /^\s*Format:[ \t]*<?https?:\/\/www\.debian\.org\/doc\/packaging-manuals\/copyright-format\//i;

/** The route of a file a root manifest names as the license text, whatever its name. */
const NAMED_BY_MANIFEST: Route = { role: 'license', name: null };

export const detector: Detector = {
  name: 'license-text',
  accepts: (path, kind, ctx) => kind === 'text' && routeOf(path, ctx) !== null,
  detect: (file, ctx) => detectLicenseText(file, ctx),
};

function routeOf(path: string, ctx: DetectContext | undefined): Route | null {
  return routeLicenseFile(path) ?? (ctx?.licenseTexts?.has(path) ? NAMED_BY_MANIFEST : null);
}

export function detectLicenseText(file: FileInput, ctx: DetectContext): Detection {
  const route = routeOf(file.path, ctx);
  if (!route || file.kind !== 'text') return EMPTY_DETECTION;
  // A Debian machine-readable copyright file (usr/share/doc/<package>/copyright, as debian/copyright is
  // by its path): its License paragraphs quote, and often adapt, many texts; it is no license file.
  if (route.role !== 'reuse' && DEBIAN_COPYRIGHT_FORMAT.test(file.text.slice(0, 300))) return EMPTY_DETECTION;
  const out = collector(file.path, isProjectLevel(file.path) ? 'project' : 'package', ctx.catalog);
  if (!file.complete)
    out.problem('license-text-truncated', 'note', null, `only the first ${file.text.length} characters of ${file.path} were compared with known license texts`, null);

  // A license file may name its license with a tag instead of holding the text (Linux's COPYING:
  // "provided under: SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note"): what it names
  // is what the file declares, as a license file that holds only a name does.
  const tagged = route.role === 'license' ? taggedLicenses(file, ctx) : [];
  const content = contentLines(file.text);
  // R's "License: MIT + file LICENSE": the file holds only what the license's template leaves open.
  if (content.length > 0 && content.length <= 4 && content.every((l) => R_TEMPLATE_FIELD.test(l.text))) {
    out.problem('license-template-fields', 'note', content[0]!.line, `${file.path} holds the year and holder a license's template leaves open (R's "MIT + file LICENSE"); the license is the one the package's DESCRIPTION names`, null);
    return out.detection();
  }
  if (content.length === 0) {
    for (const t of tagged) out.declare(t.expression, 1, t.line);
    if (route.role !== 'notice') reportNoText(out, file);
    return out.detection();
  }
  if (content.length === 1 && route.role !== 'notice' && content[0]!.text.length <= MAX_NAME_LINE) {
    const only = nameToExpression(content[0]!.text, ctx.catalog, { correct: false });
    if (only) {
      out.declare(only.expression, only.confidence, content[0]!.line);
      // "All rights reserved" (UNLICENSED) has no text to hold.
      if (!ctx.catalog.normalize(only.expression).marker)
        out.problem(
          'license-file-without-text',
          'warning',
          content[0]!.line,
          `${file.path} names ${only.expression} but does not hold its text`,
          'Most licenses must be distributed with their full text: put the text in this file (e.g. from https://spdx.org/licenses/)',
        );
      return out.detection();
    }
  }

  // A name in the file name (LICENSES/<id>.txt, LICENSE-<id>) picks among ids that share a
  // text; in LICENSES/ it is also the id the text must be.
  const named = route.name ? resolveName(route.name, ctx) : null;
  const expected = route.role === 'reuse' ? named : null;
  const hint = named?.id;
  const matcher = ctx.matcher();
  const result = matcher.match(file.text, { minConfidence: ctx.options.minConfidence, ...(hint ? { hint } : {}) });

  declareMatches(out, orLater(result.matches, file.text, ctx), file.path, route.role);
  // The licenses whose texts (or standard notices) the file holds, each worked out once, if asked.
  let heldIds: string[] | undefined;
  let noticeIds: string[] | undefined;
  const held = (): string[] => (heldIds ??= heldTexts(result, ctx));
  const heldNotices = (): string[] => (noticeIds ??= heldTexts(result, ctx, 'notice'));
  // A few words before the first text, too few to be reported as unexplained, may still offer a choice among the texts.
  const first = result.matches.reduce((min, m) => Math.min(min, m.startLine), Infinity);
  if (route.role === 'license' && first > 1 && first !== Infinity && result.matches.length > 1 && !result.unknown.some((u) => u.startLine < first)) {
    const before = linesOf(file.text, 1, first - 1).join('\n');
    declareChoice(out, before, () => noticesIn(file.path, before, ctx.catalog, 'any').declarations.flatMap((d) => ctx.catalog.normalize(d.expression).ids), new Set(held()), ctx);
  }
  if (expected) checkReuseFile(out, file.path, expected, result, matcher.knows(expected.id));
  // Tags and no license text: the words around the tags are a pointer, not an unknown license.
  // Under LicenseRef tags alone, the file's text is that license's (as in LICENSES/LicenseRef-*.txt).
  // A long text with tags is a document about them (Linux's license-rules.rst), not a pointer.
  const pointer = tagged.length > 0 && !result.matches.some((m) => m.kind === 'license') && result.words <= MAX_POINTER_WORDS;
  const definesRef = pointer && tagged.every((t) => t.ref);
  if (pointer) declarePointer(out, file.path, tagged);
  // No text and no tag: what the words say instead (a sentence, a pointer to other files; prose.ts).
  const instead = !pointer && route.role === 'license' && result.matches.length === 0 ? readWordsInstead(out, file, result.words, ctx) : null;
  // Dependencies' texts (LICENSE-DEPENDENCIES.md) come with prose about them, as a notice's do.
  const parts = describesParts(file.path, route);
  // Words beside the texts that say nothing farleft can read, said once for the file (node's LICENSE has them
  // between each of its bundled libraries' texts: "- c-ares, located at deps/cares, is licensed as follows:").
  const beside: UnknownText[] = [];
  for (const u of result.unknown) {
    const best = u.candidates[0]?.confidence ?? 0;
    if (definesRef || instead === 'files' || ((route.role === 'notice' || parts || pointer || instead === 'prose') && best < NOTICE_UNKNOWN_FLOOR)) continue;
    // Beside a license its words name, the rest is still unknown (terms of its own?): NOASSERTION, said by that warning.
    if (instead === 'terms') {
      out.declare('NOASSERTION', 0, u.startLine, u.candidates);
      continue;
    }
    if (expected && result.matches.length === 0) continue; // the REUSE check said what the file is
    const short = result.words < MIN_TEXT_WORDS;
    // Far from any license: perhaps a list of bundled parts' licenses, words on how the texts apply, or on a part's
    // license; or terms of their own under a license nobody can name.
    if (route.role === 'license' && best < NOTICE_UNKNOWN_FLOOR) {
      const lines = linesOf(file.text, u.startLine, u.endLine);
      if (declareListed(out, file.path, lines, u.startLine, ctx) || declareStated(out, file.path, lines, u, held(), ctx) || proseBesideTexts(out, file.path, lines, u, held(), ctx)) continue;
      const terms = !short && held().length > 0 ? unnamedTerms(file.path, lines.join('\n'), held(), ctx) : null;
      if (terms) {
        reportTerms(out, file.path, u, terms, held());
        continue;
      }
    }
    // Far from any license, beside a text farleft named: words about the text (lodash's history and
    // "applies to all parts of this software except as documented below"), not a mangled license.
    // Beside a license's standard notice alone (a bundler's *.LICENSE.txt: a banner, then the Apache-2.0 header), the same.
    if (!short && best < NOTICE_UNKNOWN_FLOOR && (held().length > 0 || heldNotices().length > 0)) {
      // One NOASSERTION for all of them, where the first stands.
      if (beside.push(u) === 1) out.declare('NOASSERTION', 0, u.startLine, u.candidates);
      continue;
    }
    // Confidence 0: nothing was named. The candidates say how close the nearest licenses came.
    out.declare('NOASSERTION', 0, u.startLine, u.candidates);
    out.problem(
      short ? 'license-text-too-short' : 'unknown-license-text',
      'warning',
      u.startLine,
      short
        ? `${file.path} holds only ${result.words} words: too short to be a license text, and no license is named by it`
        : `${file.path} (${lineSpan(u)}) holds a license text that is not a known license${closestText(u.candidates)}`,
      'Use the unmodified text of a known license (https://spdx.org/licenses/); for your own terms, name them LicenseRef-<name> and keep the text in LICENSES/LicenseRef-<name>.txt',
    );
  }
  if (beside.length > 0) reportBeside(out, file.path, beside, held().length > 0 ? `${listed(held())} text` : `${listed(heldNotices())} notice`);
  return out.detection();
}

/** Terms of their own beside the texts, under a license nobody can name (prose.ts, unnamedTerms): NOASSERTION with their words, and a warning. */
function reportTerms(out: Collector, path: string, u: UnknownText, terms: string, held: readonly string[]): void {
  out.declare('NOASSERTION', 0, u.startLine, u.candidates, terms);
  out.problem(
    'unknown-license-text',
    'warning',
    u.startLine,
    `${path} (${lineSpan(u)}) states terms of its own beside its ${listed(held)} text, under a license farleft cannot name ("${terms}")`,
    'Read them: they may be the terms the work is under. Record what you decide in a policy exception (LicenseRef-<name>)',
  );
}

/** Places listed in one message at most; the rest are counted. */
const LISTED_PLACES = 5;

/** Words beside the texts that name nothing: one warning for the file, with the places. */
function reportBeside(out: Collector, path: string, stretches: readonly UnknownText[], besideWhat: string): void {
  const first = stretches[0]!;
  const spans = stretches.slice(0, LISTED_PLACES).map((u) => (u.startLine === u.endLine ? `${u.startLine}` : `${u.startLine}-${u.endLine}`));
  const more = stretches.length - spans.length;
  const where = stretches.length === 1 ? lineSpan(first) : `lines ${spans.join(', ')}${more > 0 ? ` and ${more} more places` : ''}`;
  out.problem(
    'unknown-license-text',
    'warning',
    first.startLine,
    `${path} (${where}) holds words beside its ${besideWhat} that are no license farleft knows: terms of their own, or words about the project`,
    'Read them: terms of their own (an exception, a part under other terms) need a name a tool can read (an SPDX exception with WITH, or LicenseRef-<name> with its text in LICENSES/); words about the project (its history, its authors) belong in the README',
  );
}

/** "MIT, ISC", or for many "MIT, ISC, Zlib and 6 more". */
function listed(ids: readonly string[]): string {
  return ids.length <= 4 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`;
}

/**
 * A GNU license's text with its notice before it (a COPYING that starts "…either version 2 of the
 * License, or (at your option) any later version." and then holds the GPL): the notice says which
 * versions, the text only which license. A text is "-only" unless the words before its title say "or later".
 */
function orLater(matches: readonly TextMatch[], text: string, ctx: DetectContext): readonly TextMatch[] {
  if (!matches.some((m) => m.kind === 'license' && /^(?:A|L)?GPL-[\d.]+-only$/.test(m.expression))) return matches;
  const lines = text.split('\n', MAX_NOTICE_LINES + 1);
  const title = lines.findIndex((l) => GNU_TITLE.test(l));
  if (title <= 0) return matches;
  const later = new Set(noticesIn('', lines.slice(0, title).join('\n'), ctx.catalog, 'any').declarations.map((d) => d.expression).filter((e) => e.endsWith('-or-later')));
  if (later.size === 0) return matches;
  return matches.map((m) => {
    const wider = m.expression.replace(/-only$/, '-or-later');
    return m.kind === 'license' && wider !== m.expression && later.has(wider) ? { ...m, expression: wider } : m;
  });
}

/** The title line of a GNU license's text. */
const GNU_TITLE = /^\s*GNU (?:AFFERO |LESSER |LIBRARY )?GENERAL PUBLIC LICENSE\s*$/;
/** A notice before a license's title is looked for in this many lines. */
const MAX_NOTICE_LINES = 80;

/** Declarations for the licenses found (combine.ts: an exception joins the license it was written for). */
function declareMatches(out: Collector, matches: readonly TextMatch[], path: string, role: Role): void {
  const { named, lone, crowded, notices } = combineMatches(matches);
  // LICENSES/<exception>.txt holds an exception alone, as it should.
  if (role !== 'reuse')
    for (const e of lone)
      out.problem(
        'exception-without-license',
        'warning',
        e.startLine,
        `${path} holds the text of the exception ${e.expression} but no license text it could apply to`,
        `Add the license text the exception belongs to, or declare the pair as an expression (e.g. GPL-2.0-only WITH ${e.expression})`,
      );
  for (const { license: l, exceptions } of crowded)
    out.problem('several-exceptions', 'warning', l.startLine, `${path} holds several exceptions for ${l.expression} (${exceptions.map((e) => e.expression).join(', ')}); an SPDX expression takes one`, 'Declare the license and its exceptions with SPDX-License-Identifier tags');
  for (const { expression, confidence, line } of named) out.declare(expression, confidence, line);
  // A license's notice names it; where its text is missing, a license file says so, as one that only names it does.
  if (role === 'license')
    for (const n of notices)
      out.problem(
        'license-file-without-text',
        'warning',
        n.startLine,
        `${path} holds the notice of ${n.expression} (lines ${n.startLine}-${n.endLine}) but not its text`,
        `Most licenses must be distributed with their full text: put the text of ${n.expression} in this file (https://spdx.org/licenses/${n.expression}.html)`,
      );
}

interface Expected {
  readonly id: string;
  readonly kind: 'license' | 'exception';
  readonly written: string;
}

/** The id a file name claims: a catalog id (a deprecated one read as its replacement) or a LicenseRef. */
function resolveName(name: string, ctx: DetectContext): Expected | null {
  const resolved = ctx.catalog.resolve(name);
  if (resolved) {
    const { entry } = resolved;
    const id = resolved.via === 'deprecated' && entry.replacement ? entry.replacement : entry.id;
    return { id, kind: entry.kind === 'exception' ? 'exception' : 'license', written: name };
  }
  return isLicenseRefId(name) ? { id: name, kind: 'license', written: name } : null;
}

/**
 * A REUSE license file must hold the text of the id it is named after. When we know that
 * text, the match says whether it does. When we do not (a LicenseRef of the project's own,
 * or an SPDX id whose text SPDX's package lacks) and the text is no license we know, the
 * file is by the REUSE specification the definition of that id: the id is declared with
 * confidence 1, as for a tag, since nothing is guessed.
 */
function checkReuseFile(out: Collector, path: string, expected: Expected, result: MatchResult, known: boolean): void {
  const first = result.matches[0];
  if (!known) {
    if (first)
      out.problem(
        'license-file-mismatch',
        'note',
        first.startLine,
        `${path} is named ${expected.written} but holds the text of ${result.matches.map((m) => m.expression).join(', ')}`,
        `Use the SPDX id instead: tag files with ${first.expression} and name this file LICENSES/${first.expression}.txt`,
      );
    else {
      if (expected.kind === 'license') out.declare(expected.id, 1, 1);
      if (!expected.id.startsWith('LicenseRef-'))
        out.problem('license-text-unverified', 'note', null, `${path}: farleft has no reference text for ${expected.id}, so the file's text was not checked`, null);
    }
    return;
  }
  if (result.matches.some((m) => m.kind === expected.kind && m.expression === expected.id)) return;
  const what = first
    ? `holds the text of ${result.matches.map((m) => `${m.expression} (confidence ${m.confidence.toFixed(2)})`).join(', ')}`
    : `does not hold the text of ${expected.id}${closestText(result.candidates)}`;
  out.problem(
    'license-file-mismatch',
    'warning',
    first?.startLine ?? null,
    `${path} is named after ${expected.written} but ${what}`,
    `Put the unmodified text of ${expected.id} in ${path} (https://spdx.org/licenses/${expected.id}.html), or rename the file after the license it holds`,
  );
  if (!first) out.declare('NOASSERTION', 0, result.unknown[0]?.startLine ?? 1, result.candidates);
}

interface Tagged {
  readonly expression: string;
  readonly line: number;
  /** Every id in it is a LicenseRef: the project's own terms. */
  readonly ref: boolean;
}

/** The valid expressions of a file's SPDX-License-Identifier tags, with their lines. */
function taggedLicenses(file: FileInput, ctx: DetectContext): Tagged[] {
  if (!file.text.includes('SPDX-License-Identifier')) return [];
  const out = new Map<string, Tagged>(); // by expression: a hostile file may hold thousands of tags
  for (const t of scanFileTags(file).tags) {
    const n = t.kind === 'license' ? ctx.catalog.normalize(t.value) : null;
    if (n?.expression && !out.has(n.expression)) out.set(n.expression, { expression: n.expression, line: t.line, ref: n.ids.every((id) => id.startsWith('LicenseRef-')) });
  }
  return [...out.values()];
}

/** What a file that names its licenses by tag declares; a license's text belongs beside its name (a LicenseRef's is the file's own). */
function declarePointer(out: Collector, path: string, tagged: readonly Tagged[]): void {
  for (const t of tagged) out.declare(t.expression, 1, t.line);
  const named = tagged.filter((t) => !t.ref);
  if (named.length > 0)
    out.problem(
      'license-file-without-text',
      'warning',
      named[0]!.line,
      `${path} names ${named.map((t) => t.expression).join(', ')} in an SPDX tag but does not hold its text`,
      'Most licenses must be distributed with their full text: put it in this file, or in LICENSES/<id>.txt as REUSE does',
    );
}

/** The ids of the license texts a file holds (not its exceptions; or of its standard notices), in the order they stand. */
function heldTexts(result: MatchResult, ctx: DetectContext, kind: 'license' | 'notice' = 'license'): string[] {
  return [...new Set(result.matches.filter((m) => m.kind === kind).flatMap((m) => ctx.catalog.normalize(m.expression).ids))];
}

/** Lines [from, to] of a text, 1-based. */
function linesOf(text: string, from: number, to: number): string[] {
  return text.split('\n', to).slice(from - 1);
}

function reportNoText(out: Collector, file: FileInput): void {
  if (/SPDX-License-Identifier:/.test(file.text))
    out.problem('license-file-without-text', 'warning', null, `${file.path} holds SPDX tags but no license text`, 'Put the full text of the license in this file');
  else out.problem('empty-license-file', 'warning', null, `${file.path} is empty`, 'Put the full text of the license in it, or remove it');
}

/** Non-empty lines that are not copyright notices or SPDX tags, with their 1-based numbers. */
function contentLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && out.length < 2; i++) {
    const s = lines[i]!.trim();
    if (s === '' || /^(?:copyright\b|©|\(c\)\s*\d|spdx-[a-z-]+:)/i.test(s)) continue;
    out.push({ text: s, line: i + 1 });
  }
  return out;
}

function closestText(candidates: readonly Candidate[]): string {
  return candidates.length ? `; closest: ${candidates.map((c) => `${c.expression} (${c.confidence.toFixed(2)})`).join(', ')}` : '';
}

/** Root files, and REUSE files in the root LICENSES/, speak for the project; others for their package. */
function isProjectLevel(path: string): boolean {
  return !path.includes('/') || (path.indexOf('/') === path.lastIndexOf('/') && inLicenseFolder(path));
}
