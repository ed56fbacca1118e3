// License notices in prose at the head of a source file: "Licensed under the Apache License
// 2.0 (the "License")", the GNU "modify it under the terms of the GNU Lesser General Public
// License … either version 2.1 …, or (at your option) any later version", and a line that says
// it as a field ("# License: BSD 3 clause", " * @license MIT"). REUSE reads none of
// this (the file has no licensing information until it gets an SPDX-License-Identifier), so a
// notice never licenses the file: it is listed with the file's declarations, source `notice`,
// scope `file`, and lint's missing-license finding names the tag to write.
//
// Only the leading comment block is read (after a shebang or an encoding line, up to
// HEADER_BYTES): a string in the code below ("licensed under MIT" in a CLI's help text) is not
// the file's notice. A header that has an SPDX-License-Identifier says it already.
import type { Catalog } from '../catalog/index.js';
import { nameToExpression } from '../catalog/names.js';
import type { Declaration } from '../types.js';
import { noticesIn } from './notice.js';
import { EMPTY_DETECTION, type DetectContext, type Detection, type Detector, type FileInput } from './types.js';

/** What is read of a file's head: a license header is a few hundred bytes; a long one with a history, a few KiB. */
export const HEADER_BYTES = 4096;
/**
 * What a header notice cannot do without (every sentence the notice reader takes has "under";
 * a field line says License or Licence), and what makes one moot.
 */
const UNDER = 'under';
const ICEN = 'icen';
const TAG = 'SPDX-License-Identifier';
const UNDER_WORD = /\bunder\b/;
// As bytes: Buffer.indexOf with a string needle encodes it on every call; and a needle that starts with
// a space, the commonest byte, searches 3x slower (~5 µs in a 5 KB file instead of ~1.6).
const UNDER_BYTES = Buffer.from(UNDER);
const ICEN_BYTES = Buffer.from(ICEN);
const TAG_BYTES = Buffer.from(TAG);

/** "License: X", "Licence: X", "@license X" on a comment line of its own (decoration stripped). */
const FIELD_LINE = /^(?:@?licen[cs]e\s*:|@licen[cs]e\s)\s*(\S.*)$/i;
/** Where a field's value ends: "3-clause BSD, see LICENSE file", "MIT License (see LICENSE)", "BSD.  The full text…". */
const VALUE_END = /\s\(|[,;]\s|\.\s|\.$/;
/** What a head without "under" must hold to be read: most that say "license" say it in a sentence about something else. */
const FIELD_ANYWHERE = /licen[cs]e\s*:|@licen[cs]e\s/i;
/** A field line longer than this is no field. */
const MAX_FIELD_LINE = 200;
/** Confidence of a field, times the name mapper's: it says the license as plainly as a sentence does. */
const FIELD_WEIGHT = 0.8;
/** A field's value must name its license surely: "License: BSD" says which BSD no more than "GPL" says which version. */
const MIN_FIELD_NAME = 0.9;

// A comment line's decoration: C, C++, shell, SQL, Lisp, TeX, Fortran, Basic, Haskell, OCaml, HTML, Python docstrings.
const LINE_OPENER = /^\s*(?:\/\*+!?|\*+(?!\/)|\/\/+!?|#+!?|--+|;+|%+|!+|'|"""|'''|rem\b|dnl\b|<!--|\(\*+|\{-)?/i;
const LINE_CLOSER = /\s*(?:\*+\/|-->|\*+\)|-\}|"""|''')\s*$/;
const BLOCK_OPENERS = [
  ['/*', '*/'],
  ['<!--', '-->'],
  ['(*', '*)'],
  ['{-', '-}'],
  ['"""', '"""'],
  ["'''", "'''"],
] as const;
const LINE_COMMENT = /^\s*(?:\/\/|#|--|;|%|!|'|rem\b|dnl\b)/i;

export const detector: Detector = {
  name: 'header-notice',
  accepts: (_path, kind) => kind === 'text',
  // Only a file that declares nothing else: not one with a tag (most of a REUSE tree), nor a README, license text or manifest with its own reading.
  fallback: true,
  detect: (file, ctx) => detectHeaderNotice(file, ctx),
};

export function detectHeaderNotice(file: FileInput, ctx: DetectContext): Detection {
  if (ctx.options.asReuse) return EMPTY_DETECTION; // REUSE reads no prose; lint --reuse only counts what it reads
  const head = headText(file);
  if (head === null) return EMPTY_DETECTION;
  const declarations = headerNotices(file.path, head, ctx.catalog);
  return declarations.length ? { declarations, copyrights: [], problems: [] } : EMPTY_DETECTION;
}

/**
 * The licenses the leading comment of `head` (a file's first HEADER_BYTES, decoded) names in
 * prose, with 1-based lines of `head`. apply reads them too: it tags a file whose notice names
 * the license it is asked for (src/apply/plan-file.ts).
 */
export function headerNotices(path: string, head: string, catalog: Catalog): Declaration[] {
  const comment = leadingComment(head);
  const prose = noticeParagraphs(comment);
  // Prose about the code is not a README's: "available under the `doc` sub-module" names no license.
  // A name counts when it says license, or is an id written as SPDX writes it.
  const said: Declaration[] =
    prose === null
      ? []
      : noticesIn(path, prose, catalog, true)
          .declarations.filter((d) => /licen[cs]/i.test(d.raw ?? '') || catalog.get(d.raw ?? d.expression)?.id === (d.raw ?? d.expression))
          .map((d) => ({ ...d, scope: 'file' as const }));
  const fields = fieldNotices(path, comment, catalog).filter((f) => !said.some((d) => d.expression === f.expression));
  return fields.length ? [...said, ...fields].sort((a, b) => a.line! - b.line!) : said;
}

/** The licenses "License: X" lines of a leading comment name (exact readings only: no guess by spdx-correct, no marker). */
function fieldNotices(path: string, comment: string, catalog: Catalog): Declaration[] {
  const out: Declaration[] = [];
  comment.split('\n').forEach((line, i) => {
    const m = line.length <= MAX_FIELD_LINE ? FIELD_LINE.exec(line) : null;
    const value = m ? m[1]!.split(VALUE_END)[0]!.trim() : '';
    const hit = value ? nameToExpression(value, catalog, { correct: false }) : null;
    if (hit === null || hit.confidence < MIN_FIELD_NAME || catalog.normalize(hit.expression).marker || out.some((d) => d.expression === hit.expression)) return;
    out.push({ expression: hit.expression, source: 'notice', file: path, line: i + 1, confidence: Math.round(FIELD_WEIGHT * hit.confidence * 100) / 100, scope: 'file', field: 'field', raw: value });
  });
  return out;
}

/** The decoded head of a file, or null when it cannot hold a notice (no "under" nor "icen", or an SPDX tag that did not parse). Most files end here, undecoded. */
function headText(file: FileInput): string | null {
  if (file.encoding === 'utf-8' || file.encoding === 'latin1') {
    const head = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, Math.min(file.bytes.length, HEADER_BYTES));
    const under = head.indexOf(UNDER_BYTES) >= 0;
    if ((!under && head.indexOf(ICEN_BYTES) < 0) || head.indexOf(TAG_BYTES) >= 0) return null;
    const text = head.toString(file.encoding === 'utf-8' ? 'utf8' : 'latin1');
    return under || FIELD_ANYWHERE.test(text) ? text : null;
  }
  const text = file.text.slice(0, HEADER_BYTES);
  return (text.includes(UNDER) || FIELD_ANYWHERE.test(text)) && !text.includes(TAG) ? text : null;
}

/**
 * The words of the comments a file starts with, decoration stripped, one line per line (blank
 * lines kept: they part paragraphs). Stops at the first line of code.
 */
export function leadingComment(head: string): string {
  const lines = head.split(/\r?\n/);
  if (lines.length > 1) lines.pop(); // the last line may be cut at HEADER_BYTES
  const out: string[] = [];
  let closer: string | null = null; // inside a block comment: what ends it
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (i === 0 && (line.startsWith('#!') || line.startsWith('\uFEFF#!'))) {
      out.push(''); // a shebang: lines keep their numbers
      continue;
    }
    if (closer === null) {
      const trimmed = line.trimStart();
      if (trimmed === '') {
        out.push('');
        continue;
      }
      const block = BLOCK_OPENERS.find(([open]) => trimmed.startsWith(open));
      if (block) {
        const rest = trimmed.slice(block[0].length);
        if (!rest.includes(block[1])) closer = block[1];
      } else if (!LINE_COMMENT.test(line)) break; // code: the header is over
    } else if (line.includes(closer)) closer = null;
    out.push(line.replace(LINE_OPENER, '').replace(LINE_CLOSER, '').trim());
  }
  return out.join('\n');
}

/**
 * Only the paragraphs that say "under" (the others blanked, so lines keep their numbers), or
 * null when none does: the notice reader then reads a few lines, not a module's docstring.
 */
function noticeParagraphs(comment: string): string | null {
  const lines = comment.split('\n');
  let any = false;
  for (let start = 0; start < lines.length; ) {
    let end = start;
    while (end < lines.length && lines[end] !== '') end++;
    let keep = false;
    for (let i = start; i < end && !keep; i++) keep = UNDER_WORD.test(lines[i]!);
    if (keep) any = true;
    else for (let i = start; i < end; i++) lines[i] = '';
    start = end + 1;
  }
  return any ? lines.join('\n') : null;
}
