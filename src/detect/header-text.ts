// The license text a header holds — MIT's, a BSD's, ISC's, the FSF's all-permissive notices, SQLite's blessing —
// beside the notices its prose names (header-notice.ts): the spans of the leading comment it may be, and how its
// license joins theirs. The caller names the span: the detector only when it is a license's template word for word
// (the matcher's exact pass), apply by the whole matcher.
import { anyOf } from '../catalog/expression.js';
import type { Catalog } from '../catalog/index.js';
import type { Declaration } from '../types.js';
import { paragraphStart, type CommentLines } from './header-comment.js';

/**
 * In the line each license text read here starts on (TEXT_START): "Permission is hereby granted", "Permission to use",
 * "source and binary forms", the FSF's "gives unlimited permission" and "Copying and distribution of this file", SQLite's
 * "The author disclaims copyright".
 */
const TEXT_STARTS = ['ermission ', 'binary forms', 'istribution of this file', 'disclaims copyright'];
export const TEXT_START_BYTES = TEXT_STARTS.map((s) => Buffer.from(s));

// License texts: the first sentence of MIT's, the BSDs', ISC's, zlib's (and their kin), and the last of their disclaimers;
// the FSF's all-permissive notices at the head of what GNU's build tools make (FSFUL, FSFULLR, FSFULLRWD, FSFAP); and
// SQLite's blessing, in every file of SQLite and of the projects that keep its style.
const TEXT_START = /permission is hereby granted|redistribution and use in source and binary forms|permission to use, copy, modify|is free software; the free software foundation|copying and distribution of this file|this software is provided ['‘’]as-is['‘’], without any express or implied|the author disclaims copyright to this source code/i;
const TEXT_END = /such damage|dealings in the software|performance of this software|notice is preserved|distribute and modify it\b|without any warranty\.?\s*$|altered from any source distribution|more than you give\.?\s*$/i;
/**
 * A paragraph after the text that is still its: X11's notice clause (DRM's headers) and its clause on the X Consortium's
 * name (install-sh), MIT-Modern-Variant's second disclaimer (HarfBuzz's), FSFULLRWD's disclaimer (Makefile.in).
 */
const TEXT_TAIL = /^the above copyright notice|^except as contained in this notice|^the copyright holder specifically disclaims|^this (?:program|file) is distributed in the hope that it will be useful,? but without any warranty, to the extent permitted by law/i;
/** A notice below this confidence names its license vaguely ("the BSD license": which one?); one at or above it names it surely, and a text after it and a colon is its summary (quotes). */
const SURE_NAME = 0.5;

/** A license text in a leading comment, and the 1-based line of the head it starts on. */
export interface HeaderText {
  readonly text: string;
  readonly line: number;
}

/**
 * The spans of a leading comment that may be the license text it holds, the likeliest first: from the
 * sentence such a text opens with through the end of its disclaimer (or of the comment); then, where
 * those differ, from the start of the paragraph the sentence stands in (a text that opens a line earlier:
 * "Developed at SunSoft… Permission to use…") to the disclaimer's end, and to the end of its comment block.
 */
function licenseTextsIn({ lines, blockEnds }: CommentLines): HeaderText[] {
  const from = lines.findIndex((l) => TEXT_START.test(l));
  if (from < 0) return [];
  let to = lines.length - 1;
  // The closing words may be parted by a line break ("OTHER DEALINGS IN" / "THE SOFTWARE."): each line is read with the one before it too.
  for (let i = from; i < lines.length; i++)
    if (TEXT_END.test(lines[i]!) || (i > from && TEXT_END.test(`${lines[i - 1]} ${lines[i]}`))) {
      to = i;
      break;
    }
  // A sentence the closing words do not end goes on in the text ("…as long as this notice is preserved / and no fee is
  // charged"): to the end of its paragraph, where a condition makes it another license, named by no template.
  if (!/[.!]["')\]]*\s*$/.test(lines[to] ?? '')) while (to + 1 < lines.length && lines[to + 1] !== '' && !blockEnds.has(to)) to++;
  // X11's order (DRM's headers): the notice clause after the disclaimer, as a paragraph of its own.
  let next = to + 1;
  while (next < lines.length && lines[next] === '') next++;
  if (next < lines.length && TEXT_TAIL.test(lines.slice(next, next + 3).join(' '))) for (to = next; to + 1 < lines.length && lines[to + 1] !== ''; ) to++;
  const spans: HeaderText[] = [{ text: withoutAlternatives(lines, from, to), line: from + 1 }];
  let start = from;
  while (start > 0 && lines[start - 1] !== '') start--;
  let end = from;
  while (end < lines.length - 1 && !blockEnds.has(end)) end++;
  // From the paragraph's start to the end of the paragraph the text ends in, where the comment goes on after it
  // (FreeBSD's msun: "Developed at SunPro, … is preserved.", then "Optimized by Bruce D. Evans."); then to the comment
  // block's end.
  let close = to;
  while (close < end && lines[close + 1] !== '') close++;
  if (start !== from && close !== end) spans.push({ text: withoutAlternatives(lines, start, close), line: start + 1 });
  if (start !== from || end !== to) spans.push({ text: withoutAlternatives(lines, start, end), line: start + 1 });
  return spans;
}

/** Lines `from` to `to` as one text, but a paragraph within that opens with "Alternatively" (the other license of a choice, not the text's words). */
function withoutAlternatives(lines: readonly string[], from: number, to: number): string {
  const span = lines.slice(from, to + 1);
  for (let i = 1; i < span.length; i++) if (span[i - 1] === '' && ALTERNATIVELY.test(span[i]!)) for (; i < span.length && span[i] !== ''; i++) span[i] = '';
  return span.join('\n');
}

/** Names the license of a text in a header: its declarations (line and all), or none. */
export type HeaderTextReader = (text: HeaderText) => Declaration[];

/**
 * A header's notices with the license text it holds (in `head`, read as `comment`), when `readText` names one. The text names its license surely; a
 * name of its kind that says less ("Distributed under the BSD license:" before BSD-2-Clause's text, in UglifyJS's and
 * terser's files) gives way to it. A name of another kind stays beside it: code the file took in, under that code's
 * terms (FFmpeg's "This source code incorporates work covered by the following copyright and permission notice"), or
 * a vague name (node-forge's "…based on the following MIT and BSD licensed code").
 */
export function withHeaderText(declarations: Declaration[], head: string, comment: CommentLines, readText: HeaderTextReader, catalog: Catalog): Declaration[] {
  if (!TEXT_STARTS.some((t) => head.includes(t))) return declarations;
  for (const text of licenseTextsIn(comment)) {
    const named = readText(text);
    if (named.length === 0) continue;
    const kinds = new Set(named.map((d) => kindOf(d.expression)));
    const others = declarations.filter((d) => !kinds.has(kindOf(d.expression)));
    return quotes(others, named[0]!.line!, comment.lines) ? declarations : withAlternatives([...others, ...named], named[0]!, comment.lines, catalog);
  }
  return declarations;
}

/**
 * Whether a name states the license whose text follows it on the next line, after a colon: docutils' "Released under the
 * terms of the 2-Clause BSD license, in short:" before the FSF's all-permissive words. The name is what the author
 * chose; the text, a summary of it.
 */
function quotes(declarations: readonly Declaration[], textLine: number, lines: readonly string[]): boolean {
  let before = textLine - 2;
  while (before >= 0 && lines[before] === '') before--;
  return before >= 0 && lines[before]!.endsWith(':') && declarations.some((d) => d.confidence >= SURE_NAME && d.line! >= before - 1 && d.line! <= before + 1);
}

/**
 * A name in a paragraph that opens with "Alternatively", after a license text: the choice of the two (the BSD license
 * and "Alternatively, this software may be distributed under the terms of the GNU General Public License ("GPL")
 * version 2", in many drivers). Else the declarations as they are, in line order.
 */
function withAlternatives(declarations: Declaration[], text: Declaration, lines: readonly string[], catalog: Catalog): Declaration[] {
  const sorted = declarations.sort((a, b) => a.line! - b.line!);
  const alternative = sorted.find((d) => d !== text && d.line! > text.line! && ALTERNATIVELY.test(lines[paragraphStart(lines, d.line! - 1)] ?? ''));
  const joined = alternative ? catalog.normalize(anyOf([text.expression, alternative.expression])) : null;
  if (!joined?.valid || !joined.expression) return sorted;
  return sorted.filter((d) => d !== alternative).map((d) => (d === text ? { ...d, expression: joined.expression!, confidence: Math.min(d.confidence, alternative!.confidence) } : d));
}

const ALTERNATIVELY = /^alternatively\b/i;

/** A license's kind, the first part of its id: BSD for BSD-2-Clause and BSD-3-Clause, GPL for every GPL. */
function kindOf(expression: string): string {
  return expression.split(/[-\s]/, 1)[0]!;
}
