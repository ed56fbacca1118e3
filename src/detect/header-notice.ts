// License notices in prose at the head of a source file: "Licensed under the Apache License
// 2.0 (the "License")", the GNU "modify it under the terms of the GNU Lesser General Public
// License … either version 2.1 …, or (at your option) any later version", MPL's "subject to the
// terms of the Mozilla Public License, v. 2.0"; a line that says it as a field ("# License: BSD
// 3 clause", " * @license MIT"); or a sentence that defers to a file: "Use of this
// source code is governed by a BSD-style license that can be found in the LICENSE file" (Go,
// Chromium, Flutter, Angular), declared as `SEE LICENSE IN LICENSE` — which license that is, the
// nearest LICENSE above the file says (lint and apply look it up); the address in the Apache form
// "You may obtain a copy of the License at …" where the sentence names nothing; or the whole text
// of MIT, X11, a BSD or ISC, or one of the FSF's all-permissive notices, named when it is the
// license's template word for word. An exception after a GNU notice ("As a special exception…",
// Bison's, Libtool's, Autoconf's) joins it: `GPL-2.0-or-later WITH Libtool-exception`. REUSE reads none of
// this (the file has no licensing information until it gets an SPDX-License-Identifier), so a
// notice never licenses the file: it is listed with the file's declarations, source `notice`,
// scope `file`, and lint's missing-license finding names the tag to write.
//
// Only the leading comment block is read (after a shebang, an encoding line or GNU's time-stamp
// line, up to HEADER_BYTES): a string in the code below ("licensed under MIT" in a CLI's help text) is not
// the file's notice. A header that has an SPDX-License-Identifier says it already.
import type { Catalog } from '../catalog/index.js';
import { nameToExpression, urlToExpression, type NameMatch } from '../catalog/names.js';
import { writtenFor } from './license-text/combine.js';
import type { Declaration } from '../types.js';
import { commentLines, paragraphs, type CommentLines } from './header-comment.js';
import { TEXT_START_BYTES, withHeaderText, type HeaderText, type HeaderTextReader } from './header-text.js';
import { EXCEPTION_START, LINK, noticesIn, publicDomainIn, underTheTermsOf, WEIGHT } from './notice.js';
import { detection, EMPTY_DETECTION, type DetectContext, type Detection, type Detector, type FileInput } from './types.js';

/** What is read of a file's head: a license header is a few hundred bytes; a long one with a history, a few KiB. */
export const HEADER_BYTES = 4096;

// The prefilter, on bytes: a head is decoded and read only if it may hold a notice. Every sentence
// the notice reader takes has "under"; a field or a deferring sentence says License or Licence near
// the top (mayHoldField). A tag makes them moot. (Buffer.indexOf with a string needle encodes it on
// every call; and a needle that starts with a space, the commonest byte, searches 3x slower.)
const ICEN = 'icen';
const UNDER_BYTES = Buffer.from('under');
const ICEN_BYTES = Buffer.from(ICEN);
const TAG_BYTES = Buffer.from('SPDX-License-Identifier');
const GOVERNED_BYTES = Buffer.from('governed by');
/** The Xiph codecs' headers say it in capitals: "…IS GOVERNED BY A BSD-STYLE SOURCE LICENSE INCLUDED WITH THIS SOURCE IN 'COPYING'". */
const GOVERNED_CAPS_BYTES = Buffer.from('GOVERNED BY');
const LICEN_CAPS_BYTES = Buffer.from('LICEN');
const COPYING_BYTES = Buffer.from('COPYING');
const STATUS_BYTES = Buffer.from('for the status of this software');
const PUBLIC_BYTES = Buffer.from('ublic domain');
const PUBLIC_CAPS_BYTES = Buffer.from('ublic Domain');
const SUBJECT_BYTES = Buffer.from('subject to the terms of');
/** Bytes a leading comment can open with (LINE_OPENER, BLOCK_OPENERS); `rem` and `dnl` are checked by name. */
const COMMENT_OPENERS = new Set([...'/*#-;%!\'"<({@='].map((c) => c.charCodeAt(0)));
/** How far into a head a field or a deferring sentence is looked for (they open a file: Go's, MPL's, a JSDoc @license). */
const FIELD_BYTES = 1024;
/** "icen"s looked at per head, at most (a head full of them is no header). */
const MAX_ICEN = 32;
/** Bytes that may stand before a field on its line: spaces, comment decoration, a reStructuredText field's colon. */
const DECORATION = new Set([...' \t\r#/*;%-!\'"<{(|:'].map((c) => c.charCodeAt(0)));

// Sentences: what the README notice reader takes, in paragraphs that say "under". MPL's notice (its
// Exhibit A) says "subject to the terms of" for "under the terms of"; its Exhibit B makes it
// MPL-2.0-no-copyleft-exception.
const UNDER_WORD = /\bunder\b/;
const NO_SECONDARY = /Incompatible With Secondary Licenses/i;
/** What a header's name must say: license, or a language's terms ("the same terms as Perl itself", "…of ruby"). */
const SAYS_LICENSE = /licen[cs]|same terms? (?:as|of) (?:the )?(?:perl|ruby)\b/i;
const CLASSPATH = /\bsubject to the ["“']?Classpath["”']? exception\b/i;

// Fields: "License: X", "Licence: X", "@license X", reStructuredText's ":license: X" (Python docstrings) on a comment line
// of their own (decoration stripped).
const FIELD_LINE = /^(?:[:@]?licen[cs]e\s*:|@licen[cs]e\s)\s*(\S.*)$/i;
/** Where a field's value ends: "3-clause BSD, see LICENSE file", "MIT License (see LICENSE)", "BSD.  The full text…". */
const VALUE_END = /\s\((?!\s*[<>=])|[,;]\s|\.\s|\.$/;
/** A field line longer than this is no field. */
const MAX_FIELD_LINE = 200;
/** Confidence of a field, times the name mapper's: it says the license as plainly as a sentence does. */
const FIELD_WEIGHT = 0.8;
/** A field's value must name its license surely: "License: BSD" says which BSD no more than "GPL" says which version. */
const MIN_FIELD_NAME = 0.9;


// Deferring: "…is governed by a BSD-style license that can be found in the LICENSE file" (or "…included with this
// source in 'COPYING'", the Xiph codecs') names the file; the words before "license" may name one surely ("the Apache
// 2.0 license"). Bounded quantifiers, so no backtracking to speak of.
const DEFERS = /\bgoverned by (?:a|an|the) ((?:[^.]|\.(?=\d)){0,60}?\blicen[cs]e)\b[^.]{0,60}?\bin (?:the ([\w./-]{1,40}) file\b|['"‘’]([\w./-]{1,40})['"‘’])/i;
/** Confidence of a deferring sentence: it says where the license is, not which. */
const DEFERS_WEIGHT = 0.8;
/** Confidence of the address in "You may obtain a copy of the License at …", times the URL's: the notice's own words for its license. */
const OBTAIN_WEIGHT = 0.8;


export const detector: Detector = {
  name: 'header-notice',
  accepts: (_path, kind) => kind === 'text',
  // Only a file that declares nothing else: not one with a tag (most of a REUSE tree), nor a README, license text or manifest with its own reading.
  fallback: true,
  detect: (file, ctx) => detectHeaderNotice(file, ctx),
};

export function detectHeaderNotice(file: FileInput, ctx: DetectContext): Detection {
  if (ctx.options.asReuse) return EMPTY_DETECTION; // REUSE reads no prose; lint --reuse only counts what it reads
  const found = headText(file);
  if (found === null) return EMPTY_DETECTION;
  const { head, notice } = found;
  const comment = commentLines(head);
  let declarations = notice ? joinExceptions(noticesInComment(file.path, comment.lines.join('\n'), ctx.catalog), comment, (text) => exceptionOf(text, ctx)) : [];
  declarations = withHeaderText(declarations, head, comment, (text) => licenseTextNotice(file.path, text, ctx), ctx.catalog);
  return declarations.length ? detection(declarations, [], []) : EMPTY_DETECTION;
}



/**
 * The license whose text a header holds, when it is that license's text or template word for
 * word (the matcher's exact pass: microseconds, where naming a changed text would take the
 * shingle matcher's milliseconds for every header of a large tree).
 */
function licenseTextNotice(path: string, text: HeaderText, ctx: DetectContext): Declaration[] {
  // No words may stand around the text (minUnknownWords 1): the matcher passes over fewer than 20 around a license
  // file's text (its title, a closing line), but a header's text is read from its first sentence to its last, and
  // words after it there would be a clause of its own ("…and that it is not sold").
  const found = ctx.matcher().match(text.text, { minConfidence: ctx.options.minConfidence, exactOnly: true, minUnknownWords: 1 }).matches;
  if (found.length !== 1 || found[0]!.kind !== 'license') return [];
  const m = found[0]!;
  return [{ expression: m.expression, source: 'notice', file: path, line: text.line + m.startLine - 1, confidence: m.confidence, scope: 'file', field: 'text' }];
}

/**
 * The exception a paragraph is, and nothing more (no words beside it), by the whole matcher: a few files have one
 * (generated parsers, build scripts), and their copies differ from SPDX's in a word or a line (Bison's, 0.98).
 */
export function exceptionOf(text: string, ctx: DetectContext): string | null {
  const found = ctx.matcher().match(text, { minConfidence: ctx.options.minConfidence, minUnknownWords: 1 });
  const only = found.matches.length === 1 && found.unknown.length === 0 ? found.matches[0]! : null;
  return only?.kind === 'exception' ? only.expression : null;
}

/** Names the exception a text is, or null. */
export type ExceptionReader = (text: string) => string | null;


/**
 * A GNU license's notice with the exception after it in the header (a Bison parser's, Libtool's ltmain.sh, Autoconf's
 * configure): the license WITH the exception, as a license file's texts are joined (combine.ts), when the paragraph is an
 * exception SPDX knows. What the exception's own words name ("…licensed under the GNU General Public License
 * without this special exception") is no notice of the file's.
 */
function joinExceptions(declarations: Declaration[], { lines, blockEnds }: CommentLines, exceptionOf: ExceptionReader): Declaration[] {
  if (declarations.length === 0) return declarations;
  for (let i = 0; i < lines.length; i++) {
    if (!EXCEPTION_START.test(lines[i]!) || (i > 0 && lines[i - 1] !== '')) continue;
    // Its paragraph, or (Bison's says when it was added, in a paragraph of its own) the rest of its comment block.
    let paragraphEnd = i;
    while (paragraphEnd + 1 < lines.length && lines[paragraphEnd + 1] !== '') paragraphEnd++;
    let blockEnd = i;
    while (blockEnd + 1 < lines.length && !blockEnds.has(blockEnd)) blockEnd++;
    for (const end of new Set([paragraphEnd, blockEnd])) {
      const exception = exceptionOf(lines.slice(i, end + 1).join('\n'));
      if (exception === null) continue;
      const outside = declarations.filter((d) => d.line! <= i || d.line! > end + 1);
      const fits = (d: Declaration): boolean => !/\s/.test(d.expression) && writtenFor(exception, d.expression);
      const owner = outside.filter((d) => d.line! <= i && fits(d)).pop() ?? outside.find(fits);
      return owner ? outside.map((d) => (d === owner ? { ...d, expression: `${d.expression} WITH ${exception}` } : d)) : declarations;
    }
  }
  return declarations;
}


/** A declaration made by this detector: a notice in a file's header (it never licenses the file). */
export function isHeaderNotice(d: Declaration): boolean {
  return d.source === 'notice' && d.scope === 'file';
}

/**
 * The licenses the leading comment of `head` (a file's first HEADER_BYTES, decoded) names in
 * prose, in fields, or by deferring to a file (`SEE LICENSE IN <file>`), with 1-based lines of
 * `head`; with `readText`, the license text it holds as the detector reads it beside them. apply
 * reads them too: it tags a file whose notice gives the license it is asked for
 * (src/apply/plan-file.ts), and names a text by the whole matcher where the detector names only
 * a word-for-word one.
 */
export function headerNotices(path: string, head: string, catalog: Catalog, exceptionOf?: ExceptionReader, readText?: HeaderTextReader): Declaration[] {
  // The detector's prefilter, on the same bytes: what it lets through decides what is read (a deferring sentence
  // past the first KiB, say), so a header reads here as the scan reads it.
  const notice = judgeHead(Buffer.from(head.slice(0, HEADER_BYTES)));
  if (notice === null) return [];
  const comment = commentLines(head);
  const said = notice ? noticesInComment(path, comment.lines.join('\n'), catalog) : [];
  const notices = exceptionOf ? joinExceptions(said, comment, exceptionOf) : said;
  return readText ? withHeaderText(notices, head, comment, readText, catalog) : notices;
}

/** headerNotices, of a leading comment already taken out of its head. */
function noticesInComment(path: string, comment: string, catalog: Catalog): Declaration[] {
  const prose = noticeParagraphs(comment);
  // Prose about the code is not a README's: "available under the `doc` sub-module" names no license.
  // A name counts when it says license (or Perl's terms), or is an id written as SPDX writes it.
  const exhibitB = comment.includes('Secondary Licenses') && NO_SECONDARY.test(comment);
  // OpenJDK's: "Oracle designates this particular file as subject to the "Classpath" exception as provided by Oracle in
  // the LICENSE file that accompanied this code" (the exception's text is there, not in the header).
  const classpath = comment.includes('Classpath') && CLASSPATH.test(comment);
  const said: Declaration[] =
    prose === null
      ? []
      : noticesIn(path, prose, catalog, 'any')
          .declarations.filter((d) => SAYS_LICENSE.test(d.raw ?? '') || catalog.get(d.raw ?? d.expression)?.id === (d.raw ?? d.expression))
          .map((d) => ({ ...d, ...(exhibitB && d.expression === 'MPL-2.0' ? { expression: 'MPL-2.0-no-copyleft-exception' } : {}), ...(classpath && /^GPL-2\.0-(?:only|or-later)$/.test(d.expression) ? { expression: `${d.expression} WITH Classpath-exception-2.0` } : {}), scope: 'file' as const }));
  const fields = fieldNotices(path, comment, catalog);
  // Only where nothing else names a license: the pointer to a file beside a field (the Pallets projects' ":license:
  // BSD-3-Clause, see LICENSE for more details") says where its text is.
  const named = said.length > 0 || fields.length > 0;
  const more = [
    ...fields,
    ...(/overned by/i.test(comment) ? deferringNotices(path, comment, catalog) : []),
    // Only where the sentence names nothing: OpenSSL 3's headers name Apache-2.0 and give openssl.org's page, which once held the OpenSSL License.
    ...(said.length === 0 && OBTAIN.test(comment) ? obtainNotices(path, comment, catalog) : []),
    ...(!named && (comment.includes('LICEN') || comment.includes('COPYING') || comment.includes('status of this software')) ? deferringNotices(path, comment, catalog, SEE_FILE) : []),
    ...(!named && /ublic domain/i.test(comment) ? publicDomainNotices(path, comment, catalog) : []),
  ].filter((f) => !said.some((d) => d.expression === f.expression));
  return more.length ? [...said, ...more].sort((a, b) => a.line! - b.line!) : said;
}

/**
 * Where a notice says the license's text is, when its sentence names none farleft reads: the Apache License's form for
 * another license (ImageMagick's "You may obtain a copy of the License at https://imagemagick.org/script/license.php")
 * and the GNU form (CC0's "You should have received a copy of the CC0 Public Domain Dedication along with this
 * software. If not, see <http://creativecommons.org/publicdomain/zero/1.0/>"). The address names it, as a link in a
 * License section does; one that leaves the license open (gnu.org/licenses/) names none.
 */
const OBTAIN = /copy of the license at\b|received a copy of the\b/i;

function obtainNotices(path: string, comment: string, catalog: Catalog): Declaration[] {
  const lines = comment.split('\n');
  for (let i = 0; i < lines.length; i++) {
    // The phrase on this line, or begun on it and ended on the next.
    if (!OBTAIN.test(lines[i]!) && !(i + 1 < lines.length && !OBTAIN.test(lines[i + 1]!) && OBTAIN.test(`${lines[i]} ${lines[i + 1]}`))) continue;
    // The address on this line or one of the next three (a box comment puts it on a line of its own, after a blank one).
    const url = lines.slice(i, i + 4).join(' ').split(OBTAIN)[1]?.match(LINK)?.[0]?.replace(/[.,;:)\]>]+$/, '');
    const hit = url ? urlToExpression(url, catalog) : null;
    if (!hit || hit.how === 'ambiguous' || catalog.normalize(hit.expression).marker) return [];
    return [{ expression: hit.expression, source: 'notice', file: path, line: i + 1, confidence: Math.round(OBTAIN_WEIGHT * hit.confidence * 100) / 100, scope: 'file', field: 'link', raw: url! }];
  }
  return [];
}

/** A paragraph of a header that dedicates the work to the public domain (notice.ts's publicDomainIn), on the line that says so. */
function publicDomainNotices(path: string, comment: string, catalog: Catalog): Declaration[] {
  const lines = comment.split('\n');
  for (const [start, end] of paragraphs(lines)) {
    const hit = publicDomainIn(lines.slice(start, end).join(' '), catalog);
    if (!hit) continue;
    const line = start + Math.max(0, lines.slice(start, end).findIndex((l) => /ublic domain/i.test(l))) + 1;
    return [{ expression: hit.expression, source: 'notice', file: path, line, confidence: Math.round(WEIGHT.sentence * hit.confidence * 100) / 100, scope: 'file', field: 'sentence', raw: hit.raw }];
  }
  return [];
}

/**
 * A paragraph that says the license is in a file ("governed by … license … in the LICENSE file"; with `pattern`
 * SEE_FILE, a sentence that sends the reader there): `SEE LICENSE IN <file>`, on the line that `word` first stands on.
 */
function deferringNotices(path: string, comment: string, catalog: Catalog, pattern = DEFERS): Declaration[] {
  const lines = comment.split('\n');
  for (const [start, end] of paragraphs(lines)) {
    const m = pattern.exec(lines.slice(start, end).join(' '));
    if (!m) continue;
    const governed = pattern === DEFERS;
    const file = m.slice(governed ? 2 : 1).find((g) => g !== undefined)!;
    // The line of "governed", or of the file's name (a paragraph may say "see" on an earlier line: "see AUTHORS").
    const line = start + Math.max(0, lines.slice(start, end).findIndex((l) => (governed ? /governed/i.test(l) : l.includes(file)))) + 1;
    // A license the sentence names surely is that license (Kotlin's "…governed by the Apache 2.0 license that can be
    // found in the license/LICENSE.txt file"); a kind of one ("a BSD-style license") is what the file holds.
    const named = governed ? nameToExpression(m[1]!, catalog, { correct: false }) : null;
    if (named && named.confidence >= MIN_FIELD_NAME && !catalog.normalize(named.expression).marker)
      return [{ expression: named.expression, source: 'notice', file: path, line, confidence: Math.round(DEFERS_WEIGHT * named.confidence * 100) / 100, scope: 'file', field: 'sentence', raw: m[1]! }];
    return [{ expression: `SEE LICENSE IN ${file}`, source: 'notice', file: path, line, confidence: DEFERS_WEIGHT, scope: 'file', field: 'defers', raw: m[0] }];
  }
  return [];
}

/**
 * A sentence that sends the reader to a license file, in a header that names no license: gtk-rs's "Take a look at the
 * license at the top of the repository in the LICENSE file", "See LICENSE for details", chrono's "See README.md and
 * LICENSE.txt for details", Symfony's "For the full copyright and license information, please view the LICENSE file
 * that was distributed with this source code", libxml2's "See Copyright for the status of this software", Rack's "See
 * MIT-LICENSE or https://opensource.org/licenses/MIT", klauspost/compress's "License information can be found in the
 * LICENSE file", a bare "See LICENSE.". The file's name as it is written, in capitals: "see the license for details"
 * names none.
 */
const LICENSE_FILE = String.raw`((?:[A-Z][A-Za-z0-9]{1,9}[-_])?(?:LICEN[CS]E|COPYING)(?:[.-][\w.-]{1,30})?)`;
const SEE_FILE = new RegExp(
  String.raw`\b(?:[Tt]ake a look at the [Ll]icen[cs]e\b[^.]{0,60}?\bin the ${LICENSE_FILE} file\b|[Ss]ee (?:the )?(?:[\w.-]{1,30} and )?${LICENSE_FILE}(?: file)?(?: for (?:more )?(?:details|information|licen[cs]e|licensing|copying|terms)\b|(?=\.(?:\s|$)|\s+or\s+https?:|\s*$))|[Pp]lease view the ${LICENSE_FILE} file\b|[Ll]icen[cs]e information (?:can be|is) found in the ${LICENSE_FILE} file\b|[Ss]ee (Copyright|COPYRIGHT) for the status of this software\b)`,
);

/**
 * Where a file a notice defers to may be, nearest first: in the folder of `path`, then each one
 * above. "The LICENSE file" is often LICENSE.md or LICENSE.txt (magiconair/properties).
 */
export function* filesAbove(path: string, name: string): Generator<string> {
  const names = /\.\w+$/.test(name) ? [name] : [name, `${name}.md`, `${name}.txt`, `${name}.rst`];
  for (let dir = path.slice(0, Math.max(0, path.lastIndexOf('/'))); ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/')))) {
    for (const n of names) yield dir ? `${dir}/${n}` : n;
    if (dir === '') return;
  }
}

/**
 * The licenses "License: X" lines of a leading comment name, and a banner's field that is a license's name and no more
 * ("normalize.css v8.0.1 | MIT License | github.com/necolas/normalize.css"): exact readings only, no guess by
 * spdx-correct, no marker.
 */
function fieldNotices(path: string, comment: string, catalog: Catalog): Declaration[] {
  const out: Declaration[] = [];
  comment.split('\n').forEach((line, i) => {
    if (line.length > MAX_FIELD_LINE) return;
    const field = FIELD_LINE.exec(line)?.[1]!.split(VALUE_END)[0]!.trim();
    const banner = line.includes(' | ') ? line.split(' | ').filter((f) => /licen[cs]e/i.test(f) && f.trim().split(/\s+/).length <= 6).map((f) => f.trim()) : [];
    for (const value of field ? [field, ...banner] : banner) {
      const hit = fieldName(value, catalog);
      if (hit === null || hit.confidence < MIN_FIELD_NAME || catalog.normalize(hit.expression).marker || out.some((d) => d.expression === hit.expression)) continue;
      out.push({ expression: hit.expression, source: 'notice', file: path, line: i + 1, confidence: Math.round(FIELD_WEIGHT * hit.confidence * 100) / 100, scope: 'file', field: 'field', raw: value });
      return;
    }
  });
  return out;
}

/** A field's value as a name; PHPDoc's "@license <url> <name>" (phpseclib's): the name, else the address. */
function fieldName(value: string, catalog: Catalog): NameMatch | null {
  const phpdoc = /^(https?:\/\/\S+)\s+(\S.*)$/.exec(value);
  if (!phpdoc) return nameToExpression(value, catalog, { correct: false });
  return nameToExpression(phpdoc[2]!, catalog, { correct: false }) ?? nameToExpression(phpdoc[1]!, catalog, { correct: false });
}

/**
 * The decoded head of a file, and whether it may hold a notice (it says "under", or may hold a
 * field), or null when it can hold neither a notice nor a license text (nor when it has an SPDX
 * tag, which did not parse). Most files end here, undecoded.
 */
function headText(file: FileInput): { head: string; notice: boolean } | null {
  // A head in another encoding (UTF-16) is judged on its UTF-8 bytes, by the same tests.
  const bytewise = file.encoding === 'utf-8' || file.encoding === 'latin1';
  const head = bytewise ? Buffer.from(file.bytes.buffer, file.bytes.byteOffset, Math.min(file.bytes.length, HEADER_BYTES)) : Buffer.from(file.text.slice(0, HEADER_BYTES));
  const notice = judgeHead(head);
  if (notice === null) return null;
  return { head: bytewise ? head.toString(file.encoding === 'utf-8' ? 'utf8' : 'latin1') : file.text.slice(0, HEADER_BYTES), notice };
}

/**
 * The prefilter, on a head's bytes: null when it can hold neither a notice nor a license text (or has an SPDX tag,
 * which did not parse); else whether it may hold a notice (sentences, fields, pointers) beside a text.
 */
function judgeHead(head: Buffer): boolean | null {
  // Most heads have none of these: they end at the first searches.
  const notice =
    head.indexOf(UNDER_BYTES) >= 0 ||
    mayHoldField(head) ||
    (opensWithComment(head) && (head.indexOf(GOVERNED_CAPS_BYTES) >= 0 || namesLicenseFile(head) || head.indexOf(PUBLIC_BYTES) >= 0 || head.indexOf(PUBLIC_CAPS_BYTES) >= 0));
  if ((!notice && !(opensWithComment(head) && TEXT_START_BYTES.some((b) => head.indexOf(b) >= 0))) || head.indexOf(TAG_BYTES) >= 0) return null;
  return notice;
}

/** Whether the top of a head names a license file in capitals, or says where "the status of this software" is (SEE_FILE's sentences). */
function namesLicenseFile(head: Buffer): boolean {
  const top = head.subarray(0, FIELD_BYTES);
  return top.indexOf(LICEN_CAPS_BYTES) >= 0 || top.indexOf(COPYING_BYTES) >= 0 || top.indexOf(STATUS_BYTES) >= 0;
}

/** Whether a head opens with a comment (after a byte-order mark and blank lines): else its leading comment is empty. */
function opensWithComment(head: Buffer): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d) i++;
  if (i >= head.length) return false;
  if (COMMENT_OPENERS.has(head[i]!)) return true;
  const word = head.toString('latin1', i, i + 4).toLowerCase();
  return /^(?:rem|dnl)\b/.test(word);
}

/**
 * Whether a head without "under" may hold a field line ("# License: MIT", " * @license MIT") or a
 * sentence that defers to a file, judged on its bytes: a Python docstring's `:license: BSD` or a
 * `license = "MIT"` in code is no reason to decode and read the head (700 of 13,000 files in a
 * Python tree say "license:" so).
 */
function mayHoldField(whole: Buffer): boolean {
  // They stand at the top: a second search through every head without "under" costs more than it finds below.
  const head = whole.subarray(0, FIELD_BYTES);
  let seen = 0;
  for (let at = head.indexOf(ICEN_BYTES); at > 0 && seen < MAX_ICEN; at = head.indexOf(ICEN_BYTES, at + ICEN.length), seen++) {
    if ((head[at - 1]! | 0x20) !== 0x6c) continue; // l or L
    let start = at - 1;
    if (head[start - 1] === 0x40) start--; // @license
    else {
      // license or licence, then a colon
      let k = at + ICEN.length;
      if (((head[k]! | 0x20) !== 0x73 && (head[k]! | 0x20) !== 0x63) || (head[k + 1]! | 0x20) !== 0x65) continue;
      for (k += 2; head[k] === 0x20 || head[k] === 0x09; k++);
      // A banner's field, "| MIT License |" (normalize.css's, tailwindcss's): a bar before it on its line, and after it.
      if (head[k] === 0x7c && head.lastIndexOf(0x7c, at) > head.lastIndexOf(0x0a, at)) return true;
      if (head[k] !== 0x3a) continue;
    }
    // Only comment decoration before it on its line.
    let i = start - 1;
    while (i >= 0 && head[i] !== 0x0a && DECORATION.has(head[i]!)) i--;
    if (i < 0 || head[i] === 0x0a) return true;
  }
  return seen > 0 && (head.indexOf(GOVERNED_BYTES) >= 0 || head.indexOf(SUBJECT_BYTES) >= 0);
}


/**
 * Only the paragraphs that say "under" or "subject to the terms of" (the others blanked, so lines keep their numbers), or
 * null when none does: the notice reader then reads a few lines, not a module's docstring.
 */
function noticeParagraphs(comment: string): string | null {
  // MPL's notice (its Exhibit A) says "subject to the terms of" what the others say "under the terms of".
  const lines = comment.split('\n');
  if (/ubject to the /.test(comment)) for (let i = 0; i < lines.length; i++) lines[i] = underTheTermsOf(lines[i]!);
  let any = false;
  for (const [start, end] of paragraphs(lines)) {
    if (lines.slice(start, end).some((l) => UNDER_WORD.test(l))) any = true;
    else lines.fill('', start, end);
  }
  return any ? lines.join('\n') : null;
}
