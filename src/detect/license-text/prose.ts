// The words of a license file that are no license text: a sentence or a pointer where there is no
// text at all, and the words beside the texts (how they apply, a choice among them, a list of parts'
// licenses, a license named without its text). The license-text detector (detector.ts) asks these
// of the stretches its matcher could not explain.
import { licenseFamily } from '../../catalog/index.js';
import { nameToExpression, urlToExpression } from '../../catalog/names.js';
import { detectNotices, inline, LINK, noticesIn, underTheTermsOf } from '../notice.js';
import type { DetectContext, FileInput } from '../types.js';
import type { Collector } from './collector.js';
import type { UnknownText } from './index.js';

/**
 * A license file of at most this many words and no license text may name its licenses in a
 * sentence (BurntSushi's COPYING has 22): read as a README's notice is. A longer text may be
 * terms of its own that mention a license, and is reported as an unknown text.
 */
const MAX_PROSE_WORDS = 60;
/** Unexplained words beside a license text read as a notice, at most (proseBesideTexts; words on how the texts apply, MAX_PROSE_WORDS)... */
const MAX_PART_NOTICE_WORDS = 80;
/** ...naming a license at least this surely: a sentence ("licensed under ...", 0.76) or a link to its text (0.54), not a bare "GPL" (0.4). */
const PART_NOTICE_CONFIDENCE = 0.5;

/** Words that offer a choice among licenses (see proseBesideTexts): "dual licensed", or "either", "at your choice" with an "or". */
const DUAL = /\bdual[- ]?licen[cs]ed\b/i;
const CHOICE = /\beither\b|\bat your (?:choice|option|discretion)\b|\b(?:choose|choice)\b/i;
/** Words of terms that restrict or except (see proseBesideTexts). */
const RESTRICTING = /\b(?:not|no|nor|never|except|unless|only|without|prohibit\w*|forbid\w*|restrict\w*|exclud\w*)\b/i;

/**
 * A license file with no license text and no tag: what its words say instead, declared. A few words may
 * name the licenses in a sentence, as a README does ('prose': BurntSushi's COPYING, "This project is
 * dual-licensed under the Unlicense and MIT licenses.", with their texts beside it), or point to other
 * license files ('files': PyCA's and Trio's LICENSE, "made available under the terms of *either* of the
 * licenses found in LICENSE.APACHE or LICENSE.BSD"); a longer text that is no license may still say which
 * one applies in a sentence among terms of its own ('terms': CKEditor's "Software License Agreement",
 * "this software is available under: the GNU General Public License Version 2 or later, or commercial
 * license terms …"). Null when they say none of these: an unknown text.
 */
export function readWordsInstead(out: Collector, file: FileInput, words: number, ctx: DetectContext): 'prose' | 'files' | 'terms' | null {
  if (words <= MAX_PROSE_WORDS) return declareProse(out, file, ctx) ? 'prose' : pointsToFiles(out, file) ? 'files' : null;
  return declareInTerms(out, file, ctx) ? 'terms' : null;
}

/** Declares the licenses a short license file names in prose (read as the README notices are); false when it names none. */
function declareProse(out: Collector, file: FileInput, ctx: DetectContext): boolean {
  const found = detectNotices(file, ctx).declarations;
  for (const d of found) out.declare(d.expression, d.confidence, d.line ?? 1);
  if (found.length > 0)
    out.problem(
      'license-file-without-text',
      'note',
      found[0]!.line ?? null,
      `${file.path} names ${found.map((d) => d.expression).join(', ')} in a sentence and holds no license text`,
      'Keep the text of each license it names beside it (LICENSE-MIT, UNLICENSE, ...) or in LICENSES/<id>.txt',
    );
  return found.length > 0;
}

/**
 * The licenses a license file that is no license text names in its sentences, read as a License section's (the
 * subject may be any words but a part's or a dependency's; links are not read), declared at the sentence's
 * confidence, with a warning: farleft reads the name, not the terms around it. False when no sentence names one.
 */
function declareInTerms(out: Collector, file: FileInput, ctx: DetectContext): boolean {
  const named = noticesIn(file.path, underTheTermsOf(file.text), ctx.catalog, 'license-file').declarations.filter((d) => d.field === 'sentence' && d.confidence >= PART_NOTICE_CONFIDENCE);
  if (named.length === 0) return false;
  for (const d of named) out.declare(d.expression, d.confidence, d.line ?? 1);
  const them = named.map((d) => `${d.expression} (line ${d.line})`).join(', ');
  out.problem(
    'license-named-in-terms',
    'warning',
    named[0]!.line ?? 1,
    `${file.path} is no license text farleft knows, but its words name ${them}; the rest may be terms of their own, and stays unknown (NOASSERTION)`,
    'Read the file: where it grants more or less than that license (a commercial option, restrictions), record it in a policy exception; where it is only that license, ship the license\'s text',
  );
  return true;
}

/** A license file's name where prose names one (LICENSE.APACHE, LICENSE-MIT, COPYING.LESSER, LICENSE.md), and the LICENSES/ folder. */
const LICENSE_FILE_NAME = /(?<![\w./-])(?:(?:LICEN[CS]E|COPYING)(?:[-._][A-Za-z0-9][\w+-]{0,30}){1,2}|LICENSES\/)(?![\w/-])/g;

/**
 * A short file whose words point to other license files for the terms: no unknown text, but a note
 * saying which (their texts are read where they are), and, where the words offer a choice ("either of
 * the licenses found in …"), how to declare it: the project's license joins its license files with AND.
 * False when the words name no other license file.
 */
function pointsToFiles(out: Collector, file: FileInput): boolean {
  const link = LINK_TEXT.exec(file.text)?.[1];
  if (link !== undefined) {
    out.problem('license-file-is-a-link', 'note', 1, `${file.path} holds only the path ${link}, as a symbolic link saved as a plain file does (a git checkout with symlinks off, a packaging tool): no license text is here`, `Replace it with the text of the license it links to`);
    return true;
  }
  const files = otherLicenseFiles(file.path, file.text);
  if (files.length === 0) return false;
  const choice = files.length > 1 && /\beither\b/i.test(file.text);
  out.problem(
    'license-file-points-elsewhere',
    'note',
    1,
    `${file.path} names no license itself: it points to ${files.join(', ')}${choice ? ', offering a choice between them' : ''}`,
    choice ? 'farleft joins license files with AND: declare the choice where a tool reads it (a manifest\'s license field, or license: in .farleft.yml, e.g. MIT OR Apache-2.0)' : null,
  );
  return true;
}

/** A file that is nothing but a relative path to a license file: opener 0.5.0's LICENSE-MIT holds `../LICENSE-MIT`. */
const LINK_TEXT = /^\s*((?:\.{1,2}\/)+(?:[\w.-]{1,100}\/){0,10}(?:LICEN[CS]E|COPYING)[\w.+-]{0,40})\s*$/;

/** A bare LICENSE, LICENCE or COPYING is a file's name only after "see" (nghttp2's LICENSE: "See COPYING"; PCRE2's COPYING: "Please see the file LICENCE"). */
const SEE_FILE = /\bsee\s+(?:the\s+)?(?:file\s+)?[`'"*]?((?:LICEN[CS]E|COPYING)(?:\.(?:txt|md|rst))?)(?![\w-])/gi;

/** The license files other than itself (by name) that a license file's words name. */
function otherLicenseFiles(path: string, words: string): string[] {
  const own = path.slice(path.lastIndexOf('/') + 1);
  const named = [...words.matchAll(LICENSE_FILE_NAME)].map((m) => m[0]);
  for (const m of words.matchAll(SEE_FILE)) if (/^(?:LICEN[CS]E|COPYING)/.test(m[1]!)) named.push(m[1]!);
  return [...new Set(named)].filter((f) => f !== own);
}

/**
 * A list of bundled parts and their licenses after the text (numpy's LICENSE.txt: "Name: lapack-lite /
 * Files: numpy/linalg/lapack_lite/* / License: BSD-3-Clause / For details, see …"): each `License:` line
 * that is an exact SPDX expression is declared, and the stretch is no unknown license text. False when
 * the stretch has no such line.
 */
export function declareListed(out: Collector, path: string, lines: readonly string[], from: number, ctx: DetectContext): boolean {
  const listed: { expression: string; line: number }[] = [];
  lines.forEach((text, i) => {
    const m = /^\s*Licen[cs]e:[ \t]*(\S.*?)\s*$/.exec(text);
    const read = m && m[1]!.length <= 200 ? ctx.catalog.normalize(m[1]!) : null;
    if (read?.valid && read.expression && read.notes.length === 0) listed.push({ expression: read.expression, line: from + i });
  });
  if (listed.length === 0) return false;
  // Each license once, as the texts are (the file's own may be listed again for a part).
  for (const l of listed) if (!out.declares(l.expression)) out.declare(l.expression, 1, l.line);
  out.problem(
    'bundled-licenses-listed',
    'note',
    from,
    `${path} (lines ${from}-${from + lines.length - 1}) lists the licenses of parts it bundles: ${[...new Set(listed.map((l) => l.expression))].join(', ')}`,
    null,
  );
  return true;
}

/**
 * A few words beside the texts, read as a notice; words that restrict or except are terms of
 * their own, whatever licenses they name. True when they are no license text of their own:
 *  - they say how the texts apply (npm's abbrev: "dual-licensed under the ISC and MIT licenses";
 *    "distributed under the terms of the MIT license above"), naming only licenses the file holds;
 *  - they name another license, by name or link, without its text (glob's LICENSE: "Glob's logo
 *    [...] licensed under a Creative Commons Attribution-ShareAlike 4.0 International License").
 *    What that covers, a part or the whole, farleft cannot tell, so the file's license stays what
 *    its texts say, and a warning names the license whose text is missing (a note where the words
 *    point to the license files that hold it).
 */
export function proseBesideTexts(out: Collector, path: string, lines: readonly string[], u: UnknownText, texts: readonly string[], ctx: DetectContext): boolean {
  if (u.words > MAX_PART_NOTICE_WORDS) return false;
  const stretch = lines.join('\n');
  if (RESTRICTING.test(stretch)) return false;
  const held = new Set(texts);
  if (held.size === 0) return false;
  const notices = noticesIn(path, stretch, ctx.catalog, 'any').declarations;
  const ids = notices.flatMap((d) => ctx.catalog.normalize(d.expression).ids);
  if (u.words <= MAX_PROSE_WORDS && declareChoice(out, stretch, () => ids, held, ctx)) return true;
  if (u.words <= MAX_PROSE_WORDS && ids.length > 0 && ids.every((id) => held.has(id))) return true;

  const named = new Set<string>();
  for (const d of notices) if (d.confidence >= PART_NOTICE_CONFIDENCE) named.add(d.expression);
  // Beside a license text, a link to a license names it too (lodash's "CC0: http://creativecommons.org/publicdomain/zero/1.0/").
  for (const [url] of stretch.matchAll(LINK)) {
    const hit = urlToExpression(url, ctx.catalog);
    if (hit) named.add(hit.expression);
  }
  const others = [...named].filter((e) => !ctx.catalog.normalize(e).ids.every((id) => held.has(id)));
  if (others.length === 0) return false;
  const where = lineSpan(u);
  // "dual licensed under … the Apache License, Version 2.0, and the MIT License", then Apache's notice (assert's
  // LICENSE.md): a name another one named includes is said once, and only the licenses without a text are missing.
  const idsOf = (e: string): readonly string[] => ctx.catalog.normalize(e).ids;
  const shown = others.filter((e) => !others.some((o) => o !== e && idsOf(e).every((id) => idsOf(o).includes(id))));
  const names = shown.join(', ');
  const them = [...new Set(shown.flatMap(idsOf))].filter((id) => !held.has(id)).join(', ');
  // "See the LICENCE-MIT and the LICENCE-APACHE files for the licenses" (minimal-lexical's LICENSE.md, before the
  // BSD-3-Clause text of a part): their texts are said to be there, and are read where they are.
  const pointed = otherLicenseFiles(path, stretch);
  if (pointed.length > 0) {
    out.problem('license-named-without-text', 'note', u.startLine, `${path} (${where}) names ${names} beside its ${[...held].join(', ')} text, and points to ${pointed.join(', ')} for the text of ${them}`, null);
    return true;
  }
  out.problem(
    'license-named-without-text',
    'warning',
    u.startLine,
    `${path} (${where}) names ${names} beside its ${[...held].join(', ')} text but does not hold the text of ${them}`,
    `If a part of the work (a logo, sample code, bundled files) is under ${them}, keep the text in LICENSES/ and declare those files (an SPDX-License-Identifier, a .license file or a REUSE.toml annotation); if all of it is, hold that text here`,
  );
  return true;
}

/** The title of Perl's terms in Software::License's Perl_5 LICENSE: "a) the GNU General Public License … b) the "Artistic License"" follow. */
const PERL_TERMS = /^\s*Terms of the Perl programming language system itself\s*$/m;
/** Unexplained words beside the texts read for a sentence that states their license, at most (declareStated: Software::License's preamble has ~100). */
const MAX_STATED_WORDS = 160;
/**
 * Licenses whose texts a file may hold under another id: Software::License's Perl_5 LICENSE states "the same terms
 * as the Perl 5 programming language system itself" (Artistic-1.0-Perl OR GPL-1.0-or-later) and holds the OSI's
 * Artistic 1.0 text for Perl's own.
 */
const HELD_AS: Readonly<Record<string, string>> = { 'Artistic-1.0-Perl': 'Artistic-1.0' };

/**
 * A sentence beside the texts that states the license they make up (Software::License's Perl_5 LICENSE: "This is
 * free software; you can redistribute it and/or modify it under the same terms as the Perl 5 programming language
 * system itself", then GPL-1.0's text and Artistic-1.0's): the sentence says how they combine (a choice) and which
 * versions ("or any later version"), the texts only which licenses. Its expression replaces theirs when it names
 * each text the file holds and nothing else; words that restrict are terms of their own, never read so.
 */
export function declareStated(out: Collector, path: string, lines: readonly string[], u: UnknownText, texts: readonly string[], ctx: DetectContext): boolean {
  if (u.words > MAX_STATED_WORDS || texts.length === 0) return false;
  const stretch = lines.join('\n');
  if (RESTRICTING.test(stretch)) return false;
  const textOf = (id: string): string => licenseFamily(HELD_AS[id] ?? id);
  const held = new Set(texts.map(textOf));
  const sentences: { expression: string }[] = noticesIn(path, stretch, ctx.catalog, 'any').declarations.filter((d) => d.field === 'sentence' && d.confidence >= PART_NOTICE_CONFIDENCE);
  // Software::License's title for the terms it lists, which some LICENSE files keep without the sentence before it (Moo's).
  const perl = PERL_TERMS.test(stretch) ? nameToExpression('same terms as Perl itself', ctx.catalog) : null;
  if (perl) sentences.push(perl);
  const familiesOf = (expression: string): Set<string> => new Set(ctx.catalog.normalize(expression).ids.map(textOf));
  // Every sentence speaks of the held texts (a part's other license is proseBesideTexts' to report)...
  if (sentences.length === 0 || !sentences.every((d) => [...familiesOf(d.expression)].every((f) => held.has(f)))) return false;
  // ...and one names them all, and says more than the texts do (else the words are proseBesideTexts' to read, more strictly).
  const stated = sentences.find((d) => familiesOf(d.expression).size === held.size && saysMore(d.expression, texts, ctx));
  return stated !== undefined && out.restate(texts, stated.expression);
}

/** Whether an expression is more than the texts together (AND): a choice among them, or other versions. */
function saysMore(expression: string, texts: readonly string[], ctx: DetectContext): boolean {
  const ids = ctx.catalog.normalize(expression).ids;
  return / OR /.test(expression) || ids.length !== texts.length || ids.some((id) => !texts.includes(id));
}

/**
 * Words that offer a choice among the texts a file holds ("JSZip is dual licensed. At your choice you may
 * use it under the MIT license *or* the GPLv3 license."): the file's license is one of them, not all, so
 * their declarations become one OR. Among the texts the words name (`ids`, asked only of such words), or all when they name none.
 */
export function declareChoice(out: Collector, words: string, ids: () => readonly string[], held: ReadonlySet<string>, ctx: DetectContext): boolean {
  if (held.size < 2 || !(DUAL.test(words) || (CHOICE.test(words) && /\bor\b/i.test(words)))) return false;
  // Naming one license is no choice among the texts (a GNU notice's "either version 2 … or … any later version").
  const families = new Set(ids().map(licenseFamily));
  const chosen = families.size === 0 ? [...held] : [...held].filter((id) => families.has(licenseFamily(id)));
  return families.size !== 1 && chosen.length > 1 && [...families].every((f) => chosen.some((id) => licenseFamily(id) === f)) && out.choose(chosen);
}

/** Comment marks that start a line (a text quoted from a source file). */
const COMMENT_MARKS = /^[ \t]*(?:(?:#+|\*+|>+|\/\/+|\|)[ \t]*)+/;
/** A sentence that says under what the work is licensed: its object is read as a license name. */
const GRANT = /\b(?:licen[cs]ed|released|distributed|available|provided)(?: to you)? under\b(?:[^.;:!?\n]|\.(?=\S)){0,200}/gi;
/** Objects that point elsewhere rather than name: "under the following terms", "under these terms", "under the terms below". */
const POINTING = /^\s*(?:the |these |those |this |such |its |their )?(?:(?:any|either|one|each|all)(?: one)? of (?:the )?following|following|same|original|own|respective|other|different|various|separate|terms? (?:below|above|stated|set out)|terms(?: and conditions)?[.,]?$|conditions|licen[cs]es? (?:[a-z]+ )?(?:below|above))/i;
/** A known license's family named, however the notice reader fails to parse the rest (json-schema's "either the terms of the BSD 3-Clause "New" License or the Academic Free License version 2.1"). */
const KNOWN_FAMILY = /\b(?:0?BSD|MIT|[AL]?GPL|GNU|Apache|MPL|Mozilla|Academic Free|AFL|Artistic|ISC|Creative Commons|CC[- ]?(?:BY|0)|Eclipse|EPL|CDDL|EUPL|Unlicense|Zlib|Boost|OFL|Open Font|Python|PSF|Public Domain|WTFPL|X11|Expat|Peer Production|CNPL|Hippocratic|Anti-Capitalist)\b/i;
/** Words by which a sentence, or the one before it, speaks of something the work uses or does not include. */
const ELSEWHERE = /\bthird[- ]part(?:y|ies)\b|\bdependenc(?:y|ies)\b|\bnot (?:a )?part of this\b|\bnot covered by\b/i;

/**
 * Words beside a license text that state terms under a license nobody can name, and restrict: mapbox-gl's
 * LICENSE.txt opens "…are licensed under the Mapbox TOS for use only with the relevant Mapbox product(s)…" and
 * then holds the BSD-3-Clause text of the code it took from its earlier versions. Those are the package's terms,
 * not words about the text beside them; so are CKEditor 4 LTS's ("available under exclusive terms of the Extended
 * Support Model … Contact us to obtain a commercial license"), above the GPL, LGPL and MPL texts of its earlier
 * versions. The sentence (from its grant on, at most 120 characters), or null.
 */
export function unnamedTerms(path: string, words: string, held: readonly string[], ctx: DetectContext): string | null {
  // As prose, each line as the notice reader reads Markdown (json-schema's "available under *either* the terms of …"),
  // without comment marks at line starts (node's LICENSE quotes a file whose lines start with "#"), and with quotes
  // where a file's encoding lost them (test262's "BSD License" in Windows-1252, read as Latin-1).
  const prose = words
    .split('\n')
    .map((line) => inline(line.replace(COMMENT_MARKS, '')))
    .join(' ')
    .replace(/[\u0080-\u009f\uFFFD]/g, '"')
    .replace(/\s+/g, ' ');
  // Terms restrict ("for use only with", "not authorized"); a name farleft does not know for the text beside it
  // does not (HarfBuzz's COPYING: "licensed under the so-called "Old MIT" license. Details follow.").
  if (!RESTRICTING.test(prose)) return null;
  // The name, without its version, of a license whose text the file holds ("licensed under the Sustainable Use
  // License" beside SUL-1.0's text, "Sustainable Use License v1.0"): the words name that text.
  const heldNames = held.flatMap((id) => {
    const name = ctx.catalog.get(id)?.name;
    return name ? [name.replace(/,?\s+(?:v(?:ersion)?\.?\s*)?\d+(?:\.\d+)*\b.*$/i, '').toLowerCase()] : [];
  }).filter((n) => n.length >= 8);
  for (const m of prose.matchAll(GRANT)) {
    const object = m[0].replace(/^\S+(?: to you)? under\b/i, '').replace(/^\s*(?:the )?terms (?:and conditions )?of\b/i, '');
    if (POINTING.test(object) || object.trim().split(' ').length < 2 || KNOWN_FAMILY.test(object)) continue;
    if (heldNames.some((n) => object.toLowerCase().includes(n))) continue;
    // Of a dependency, not of the work (@sentry/node: "The Sentry CLI is not part of this package and is not covered
    // by the MIT License above. It is licensed under the Functional Source License…"): the sentence and the one before.
    if (ELSEWHERE.test(prose.slice(Math.max(0, m.index - 300), m.index))) continue;
    // A license the sentence names is read as words beside the texts are (proseBesideTexts): not this.
    if (noticesIn(path, m[0], ctx.catalog, 'any').declarations.length > 0) continue;
    return m[0].length > 120 ? `${m[0].slice(0, 119)}…` : m[0];
  }
  return null;
}

/** "line 3" or "lines 3-11": where an unexplained stretch stands. */
export function lineSpan(u: UnknownText): string {
  return u.startLine === u.endLine ? `line ${u.startLine}` : `lines ${u.startLine}-${u.endLine}`;
}
