// How reuse-tool (5.0, extract.py) reads a text file, for lint --reuse: its first 4 KiB (all of it when
// it holds a snippet), decoded as UTF-8, REUSE-IgnoreStart…End blocks cut out; an SPDX-License-Identifier
// on any line, whatever stands before it (code and strings too), its value up to the comment endings it
// strips; a copyright notice on any line with "SPDX-FileCopyrightText:", "Copyright" or "©" and a space
// after it, prose included. farleft's own reading (tag-scan.ts) takes tags and notices in comments only
// and cleans their values further; lint --reuse must count what reuse-tool counts, so it reads this way.
// reuse-tool finds tags with one regular expression per line; this reads them by position, in time
// linear in the line (its lazy value before a run of optional endings is quadratic on a hostile line).
import type { RawTag } from './tag-scan.js';
import type { FileInput } from './types.js';

/** How much of a text file reuse-tool reads, unless the file holds a snippet (its extract.py's _HEADER_BYTES). */
const REUSE_HEADER_BYTES = 4096;

const TAG = 'SPDX-License-Identifier:';
const IGNORE_START = 'REUSE-IgnoreStart';
const IGNORE_END = 'REUSE-IgnoreEnd';
/** The endings reuse-tool strips from a value: its comment styles' block ends, and `] ::`, `" />`, `' >` (markup). */
const ENDINGS = [':)', "'/", '*/', '=#', '-->', '--}}', '}', '--%>', '*#', '#}', '*)'];

export interface ReuseRead {
  /** The license tags, values as reuse-tool parses them (not cleaned further). */
  readonly licenses: RawTag[];
  /** The copyright notices (their text from the prefix on, without the endings reuse-tool strips). */
  readonly copyrights: { readonly text: string; readonly line: number }[];
}

/** A text file's license tags and copyright notices as reuse-tool extracts them. */
export function readAsReuseTool(file: FileInput): ReuseRead {
  const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length);
  // reuse-tool looks for a snippet in the whole file; farleft has its first MiB at hand.
  const head = bytes.includes('SPDX-SnippetBegin') ? bytes : bytes.subarray(0, REUSE_HEADER_BYTES);
  if (!head.includes(TAG) && !head.includes('Copyright') && !head.includes('\u00a9')) return { licenses: [], copyrights: [] };
  const text = withoutIgnored(head.toString('utf8').replace(/\r\n/g, '\n'));
  return { licenses: licenseTags(text), copyrights: copyrightNotices(text) };
}

/** The license tags: one per line at most, the first with a space or tab after it. */
function licenseTags(text: string): RawTag[] {
  const tags: RawTag[] = [];
  const lineOf = lineCounter(text);
  let next = 0; // the start of the first line not yet read
  for (let at = text.indexOf(TAG); at >= 0; at = text.indexOf(TAG, Math.max(at + TAG.length, next))) {
    const start = text.lastIndexOf('\n', at) + 1;
    if (start < next) continue;
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const value = tagValue(text.slice(start, end));
    if (value !== null) tags.push({ kind: 'license', value, line: lineOf(start), snippet: null });
    next = end + 1;
  }
  return tags;
}

/** The 1-based line of an offset, for offsets asked in increasing order (line breaks counted once, as they are passed). */
function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let counted = 0; // the offset up to which line breaks are counted
  return (offset) => {
    for (let i = text.indexOf('\n', counted); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    counted = Math.max(counted, offset);
    return line;
  };
}

/**
 * A copyright notice: reuse-tool's three patterns, of which a line needs only the start (the rest of each may be
 * empty): a tag, "Copyright" (capitalised) or "©", then white space. Lines as Python's splitlines() cuts them.
 */
const NOTICE = /SPDX-(?:File|Snippet)CopyrightText:\s|Copyright\s|\u00a9\s/;
const LINE_BREAK = /[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;

function copyrightNotices(text: string): { text: string; line: number }[] {
  // Only lines with "Copyright" or "©" can hold one: found by searching for those, each line read once, in order.
  const at: number[] = [];
  for (const needle of ['Copyright', '\u00a9']) for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) at.push(i);
  if (at.length === 0) return [];
  at.sort((a, b) => a - b);
  const out: { text: string; line: number }[] = [];
  const lineOf = lineCounter(text);
  let next = 0;
  for (const p of at) {
    if (p < next) continue;
    const start = text.lastIndexOf('\n', p) + 1;
    const line = lineOf(start);
    const nl = text.indexOf('\n', p);
    next = nl < 0 ? text.length : nl + 1;
    for (const part of text.slice(start, nl < 0 ? text.length : nl).split(LINE_BREAK)) {
      const m = NOTICE.exec(part);
      if (m) out.push({ text: part.slice(m.index, endOfValue(part, m.index)).trim(), line });
    }
  }
  return out;
}

/** A line's tag value, or null: the first tag followed by a space or tab, its value up to the endings. */
function tagValue(line: string): string | null {
  let at = -1;
  for (let i = line.indexOf(TAG); i >= 0; i = line.indexOf(TAG, i + 1)) {
    const c = line[i + TAG.length];
    if (c === ' ' || c === '\t') {
      at = i;
      break;
    }
  }
  if (at < 0) return null;
  let from = at + TAG.length;
  while (line[from] === ' ' || line[from] === '\t') from++;
  const to = endOfValue(line, from);
  const prefix = line.slice(0, at).trim();
  let value = line.slice(from, to).trim();
  // A framed comment ("/* ... *\/" drawn as "|* ... *|"): the prefix, reversed, closes the line.
  const suffix = [...prefix].reverse().join('');
  if (suffix && value.endsWith(suffix)) value = value.slice(0, -suffix.length);
  return value.trim();
}

/** Where the text from `from` on ends before the endings reuse-tool strips: the shortest text whose rest is made of endings only. */
function endOfValue(line: string, from: number): number {
  // ends[j]: the rest of the line from j is endings only.
  const ends = new Uint8Array(line.length + 1);
  ends[line.length] = 1;
  for (let j = line.length - 1; j >= from; j--) ends[j] = endsAt(line, j, ends) ? 1 : 0;
  let to = from;
  while (!ends[to]) to++;
  return to;
}

/** Whether an ending starts at j and only endings follow it. */
function endsAt(line: string, j: number, ends: Uint8Array): boolean {
  for (const e of ENDINGS) if (line.startsWith(e, j) && ends[j + e.length]) return true;
  const c = line[j];
  // `"\s*/*>` and `'\s*/*>` (a tag in an attribute), `\]\s*::` (reStructuredText).
  if (c === '"' || c === "'" || c === ']') {
    let k = j + 1;
    while (k < line.length && /\s/.test(line[k]!)) k++;
    if (c === ']') return line.startsWith('::', k) && ends[k + 2] === 1;
    while (line[k] === '/') k++;
    return line[k] === '>' && ends[k + 1] === 1;
  }
  return false;
}

/**
 * The text without its REUSE-IgnoreStart…End blocks, cut as reuse-tool cuts them (its recursion, as a loop over the
 * rest: a rest that starts with the block's start keeps it, as its code has it), each cut block's line breaks kept so
 * that the lines keep their numbers.
 */
function withoutIgnored(text: string): string {
  const breaks = (from: number, to: number): string => text.slice(from, to).replace(/[^\n]+/g, '');
  const out: string[] = [];
  for (let rest = 0; ; ) {
    const start = text.indexOf(IGNORE_START, rest);
    const endAt = text.indexOf(IGNORE_END, rest);
    if (start <= rest) return (out.push(text.slice(rest)), out.join(''));
    out.push(text.slice(rest, start));
    // The first end after the start (reuse-tool looks at the first end in the rest, and, before the start, again after it).
    const after = endAt >= 0 && endAt + IGNORE_END.length > start ? endAt : text.indexOf(IGNORE_END, start + IGNORE_START.length);
    if (after < 0) return (out.push(breaks(start, text.length)), out.join(''));
    const cut = after + IGNORE_END.length;
    out.push(breaks(start, cut));
    rest = cut;
  }
}

/**
 * Whether reuse-tool's parser reads a value as an expression: symbols (runs of words, each of letters, digits and
 * `_.:+-` only) joined by AND / OR, a symbol optionally WITH another, parentheses balanced. Any other character in a
 * word (`MIT/Apache`, nroff's `\s-1MIT\s0`, a quote) and reuse-tool cannot parse the tag, and skips the file
 * (checked with reuse-tool 1.1.2 and 5.0.2 alike).
 */
export function parsesAsExpression(value: string): boolean {
  const tokens = value.split(/([()])|\s+/).filter((t): t is string => t !== undefined && t !== '');
  const isOp = (t: string | undefined): boolean => t !== undefined && /^(?:and|or|with)$/i.test(t);
  // Read without recursion (a hostile tag may open 100,000 parentheses): a term is awaited, or one was read.
  let i = 0;
  let depth = 0;
  let awaitingTerm = true;
  // A license symbol may hold spaces (reuse-tool's parser reads `MIT Apache` as one, bad, license).
  const symbol = (): boolean => {
    const from = i;
    for (; tokens[i] !== undefined && tokens[i] !== '(' && tokens[i] !== ')' && !isOp(tokens[i]); i++) if (!SYMBOL_WORD.test(tokens[i]!)) return false;
    return i > from;
  };
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (awaitingTerm) {
      if (t === '(') {
        depth++;
        i++;
        continue;
      }
      if (!symbol()) return false;
      if (tokens[i]?.toLowerCase() === 'with') {
        i++;
        if (!symbol()) return false;
      }
      awaitingTerm = false;
    } else if (t === ')') {
      if (depth === 0) return false;
      depth--;
      i++;
    } else if (/^(?:and|or)$/i.test(t)) {
      awaitingTerm = true;
      i++;
    } else return false;
  }
  return tokens.length > 0 && !awaitingTerm && depth === 0;
}

/** The characters of a word of a license symbol, as reuse-tool's parser (license-expression) takes them: Python's `\w`, and `.:+-`. */
const SYMBOL_WORD = /^[\p{L}\p{N}_.:+-]+$/u;
