// The tag scanner: SPDX and REUSE tags anywhere in a file (SPDX-License-Identifier,
// SPDX-FileCopyrightText and the other copyright forms REUSE accepts: Copyright or ©, optionally
// followed by (C); SPDX-FileContributor, REUSE-IgnoreStart/End and SPDX-SnippetBegin/End), as raw
// values with their lines. The spdx-tag and sidecar detectors make declarations of them; apply,
// deps and the license-text detector read them too.
//
// The scan finds marker words with indexOf and looks only at the lines they are on, so
// a large file costs one pass. A tag counts only where it stands in a
// comment (or on a line of its own): a tag inside a string literal, a template or a
// regex is code that writes or reads tags, not a declaration.
import type { FileInput } from './types.js';

/** How much of a binary file is searched for tags (as reuse-tool read one before 3.0.1). */
export const BINARY_TAG_BYTES = 4096;
/** Longest line kept across chunk boundaries when a large file is streamed. */
const MAX_CARRY = 64 * 1024;

export interface RawTag {
  readonly kind: 'license' | 'copyright' | 'contributor';
  readonly value: string;
  readonly line: number;
  /** Index into TagScan.snippets when the tag is inside a snippet. */
  readonly snippet: number | null;
}

export interface TagScan {
  readonly tags: readonly RawTag[];
  readonly snippets: readonly { readonly begin: number; readonly end: number | null }[];
  /** SPDX-License-Identifier lines that are not in a comment (code that mentions the tag). */
  readonly rejected: readonly { readonly line: number; readonly text: string }[];
  /** Line of a REUSE-IgnoreStart that is never closed. */
  readonly unclosedIgnore: number | null;
  /** Line of the first tag past MAX_TAGS, which was not kept (nor any after it). */
  readonly tooMany: number | null;
}

/**
 * Tags (and rejected tag lines) kept per file: a bundle of many sources may hold thousands,
 * and each is a declaration in the report; a file of a million is hostile, not a record.
 */
export const MAX_TAGS = 10_000;

// Pieces of the words that can start a tag or a notice. Searched with indexOf, which is native
// and several times faster than one alternation regex over every character of every file.
// indexOf looks for a short needle's first character, then compares (a needle of 7 or more
// goes another, slower way here): so a marker is a short piece that starts with a rare
// character. A notice is found by 'yright' (Copyright, copyright) and 'YRIGHT' (COPYRIGHT), not
// 'opyright', whose 'o' is everywhere (129 MB of gen-tree text: 13 ms against 80 ms); a tag by
// 'PDX-' (S starts many words in code), REUSE-IgnoreStart/End by 'USE-I' (Linux's 238 MB: 27 ms,
// where 'REUSE-Ignore' took 68). A marker only finds a line: the line is read whole, and the
// tag and notice forms are checked in TagCollector.line and readTagLine. (© also matches
// inside its UTF-8 bytes when the text is viewed as Latin-1.)
const MARKERS = ['PDX-', 'USE-I', 'yright', 'YRIGHT', '©'];

// Comment closers and string ends that trail a tag value (REUSE strips the same), the closers
// of every block comment apply writes among them (Handlebars `--}}`, JSP `--%>`, MDX `*/}`,
// XQuery `:)`), longer ones first (`--%>` before `%>`). Stripped with endsWith in a loop: a
// regex anchored at the end would retry every start position of a long run of spaces
// (quadratic on a hostile line).
const TRAILERS = ['--}}', '--%>', '*/}', '*/', '-->', '#}', '*)', '-}', ':)', '%>', '?>', '"""', "'''", '"', "'", '`', ';', ','];
/** An HTML entity at the end of a value, whose ';' is no trailer (a README's `Copyright (c) 2013 Jo &lt;jo@example.org&gt;`). */
const ENTITY_END = /&(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[0-9a-f]{1,6});$/i;
/** The last characters of the trailers: a value that ends otherwise has none (most do: `MIT`, `2020 Jo`). */
const TRAILER_ENDS = new Set(TRAILERS.map((t) => t.charCodeAt(t.length - 1)));
/** A value sliced from a line of its own this long at most is kept as a slice (it keeps the line, not the file). */
const OWN_LINE_KEPT = 256;
/** Control characters other than tab: none is text. */
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]+/;

// An opener may carry a box comment's star after it (`rem * Copyright …` in curl's batch files).
// Anchored at the end only, it is tried from every start: on a long run of '/' or '#' each try
// backtracks over the rest of the run (a 20 KB line took 0.4 s, a 1 MB one minutes). It is
// tried on the end of the prefix, COMMENT_TAIL characters, where any opener and star stand.
const COMMENT_OPENER = /(?:\/\/+|#+|--+|;+|%+|\/\*+|<!--|\{#|\(\*|\{-|!|'|REM|rem|@REM|@rem|dnl|::|@[Cc]omment\{)(?:[ \t]+\*+)?\s*$/;
const COMMENT_TAIL = 64;

/** Collects tags line by line: the state of ignore blocks and snippets lives here. */
class TagCollector {
  /**
   * In a binary's head there are no comments to find: tags count anywhere (bare notices do not: see readTagLine).
   */
  constructor(
    private readonly anywhere = false,
    /** Each line is a string of its own (decoded from bytes), not a slice of the whole text. */
    private readonly ownLines = false,
  ) {}

  private readonly tags: RawTag[] = [];
  private readonly snippets: { begin: number; end: number | null }[] = [];
  private readonly rejected: { line: number; text: string }[] = [];
  private ignoreFrom: number | null = null;
  private openSnippet: number | null = null;
  private tooMany: number | null = null;

  /** One line that holds a marker, without its line break. */
  line(line: string, lineNo: number): void {
    // In a binary's bytes a tag's text ends where the data goes on (a NUL, a length, a checksum),
    // and the next tag may follow with no line break: each run of text is a line of its own.
    if (this.anywhere && CONTROL.test(line)) {
      for (const part of line.split(CONTROL)) if (part) this.line(part, lineNo);
      return;
    }
    if (this.ignoreFrom !== null) {
      if (this.marks(line, 'REUSE-IgnoreEnd')) this.ignoreFrom = null;
      return;
    }
    // Most marked lines are tags or notices: the four block markers are looked for only where one may be.
    if (line.includes('USE-Ignore') || line.includes('Snippet')) this.blockMarker(line, lineNo);
    else this.tag(line, lineNo);
  }

  /** A line that may be a REUSE-Ignore or SPDX-Snippet marker (else it is read as a tag). */
  private blockMarker(line: string, lineNo: number): void {
    if (this.marks(line, 'REUSE-IgnoreStart')) {
      if (!line.includes('REUSE-IgnoreEnd')) this.ignoreFrom = lineNo;
      return;
    }
    if (this.marks(line, 'SPDX-SnippetBegin')) {
      this.openSnippet = this.snippets.push({ begin: lineNo, end: null }) - 1;
      return;
    }
    if (this.marks(line, 'SPDX-SnippetEnd')) {
      if (this.openSnippet !== null) this.snippets[this.openSnippet]!.end = lineNo;
      this.openSnippet = null;
      return;
    }
    this.tag(line, lineNo);
  }

  /** A line read as a tag or a notice, if it is one. */
  private tag(line: string, lineNo: number): void {
    const tag = readTagLine(line, this.anywhere);
    if (!tag) return;
    if (this.tags.length + this.rejected.length >= MAX_TAGS) {
      this.tooMany ??= lineNo;
      return;
    }
    // What is kept is a slice of the line: copied, unless the line is a short string of its own.
    const keep = this.ownLines && line.length <= OWN_LINE_KEPT ? same : detach;
    if (tag === 'rejected') this.rejected.push({ line: lineNo, text: keep(line.trim().slice(0, 200)) });
    else this.tags.push({ kind: tag.kind, value: keep(tag.value), line: lineNo, snippet: this.openSnippet });
  }

  result(): TagScan {
    return { tags: this.tags, snippets: this.snippets, rejected: this.rejected, unclosedIgnore: this.ignoreFrom, tooMany: this.tooMany };
  }

  /**
   * Whether the line is a block marker: the marker in a comment of its own (REUSE: "put
   * between two comments"), not a word in prose or code that names it ("`REUSE-IgnoreStart/End`").
   */
  private marks(line: string, marker: string): boolean {
    const at = line.indexOf(marker);
    if (at < 0) return false;
    if (this.anywhere) return true;
    const after = line.slice(at + marker.length);
    return commentPrefix(line.slice(0, at)) && (clean(after) === '' || after.includes('REUSE-IgnoreEnd'));
  }
}

/** A scanner fed with text chunk by chunk, so a huge file needs bounded memory. */
export function createTagScanner(): { push(chunk: string): void; finish(): TagScan } {
  const collector = new TagCollector();
  let carry = '';
  let lineBase = 1; // line number of the first line of `carry + chunk`

  const process = (text: string, final: boolean): void => {
    let line = lineBase;
    let counted = 0; // text[0..counted) has been counted into `line`
    const next = MARKERS.map((m) => text.indexOf(m));
    for (;;) {
      let at = -1;
      for (const i of next) if (i !== -1 && (at === -1 || i < at)) at = i;
      if (at === -1) break;
      const start = text.lastIndexOf('\n', at - 1) + 1;
      let end = text.indexOf('\n', at);
      if (end === -1) {
        if (!final) break; // the line continues in the next chunk
        end = text.length;
      }
      for (let i = text.indexOf('\n', counted); i !== -1 && i < start; i = text.indexOf('\n', i + 1)) line++;
      counted = start;
      collector.line(text.slice(start, text.charCodeAt(end - 1) === 13 ? end - 1 : end), line);
      for (let k = 0; k < next.length; k++) if (next[k]! !== -1 && next[k]! <= end) next[k] = text.indexOf(MARKERS[k]!, end + 1);
    }
    if (final) return;
    // Keep the unfinished last line for the next chunk; count the lines before it.
    const cut = text.lastIndexOf('\n') + 1;
    for (let i = text.indexOf('\n', counted); i !== -1 && i < cut; i = text.indexOf('\n', i + 1)) line++;
    lineBase = line;
    carry = text.slice(cut);
    if (carry.length > MAX_CARRY) carry = carry.slice(-MAX_CARRY); // a line this long holds no tag we could use
  };

  return {
    push(chunk) {
      process(carry + chunk, false);
    },
    finish() {
      process(carry, true);
      carry = '';
      return collector.result();
    },
  };
}

/** How a file's bytes decode: 'ascii' for bytes all below 0x80 (FileInput.ascii), which hold no ©. */
type ByteEncoding = 'utf8' | 'latin1' | 'ascii';

const BYTE_MARKERS: Record<ByteEncoding, Buffer[]> = {
  utf8: MARKERS.map((m) => Buffer.from(m, 'utf8')),
  latin1: MARKERS.map((m) => Buffer.from(m, 'latin1')),
  // One search fewer over the whole file.
  ascii: MARKERS.filter((m) => m !== '©').map((m) => Buffer.from(m, 'utf8')),
};

/**
 * Scans a whole UTF-8 or Latin-1 file in its bytes, from `from`: the markers are found
 * with Buffer.indexOf (native, and no string is made of the file), and only the lines
 * that hold one are decoded. This is the path almost every file takes.
 */
export function scanBuffer(buf: Buffer, from: number, encoding: ByteEncoding, anywhere = false): TagScan {
  const collector = new TagCollector(anywhere, !anywhere);
  scanBytes(buf, from, encoding, collector, 1, true);
  return collector.result();
}

/**
 * A UTF-8 or Latin-1 file larger than one read, chunk by chunk in its bytes as scanBuffer
 * scans a whole one: the unfinished last line of a chunk is carried into the next, so no
 * line (and no character) is cut, and nothing is decoded but the lines that hold a marker.
 */
export function scanByteChunks(head: Buffer, from: number, rest: Iterable<Buffer>, encoding: 'utf8' | 'latin1'): TagScan {
  const collector = new TagCollector(false, true);
  let { line, cut } = scanBytes(head, from, encoding, collector, 1, false);
  let carry: Buffer = head.subarray(Math.max(cut, head.length - MAX_CARRY));
  for (const chunk of rest) {
    const buf = Buffer.concat([carry, chunk]);
    ({ line, cut } = scanBytes(buf, 0, encoding, collector, line, false));
    // A line this long holds no tag we could use: keep its end only.
    carry = buf.subarray(Math.max(cut, buf.length - MAX_CARRY));
  }
  scanBytes(carry, 0, encoding, collector, line, true);
  return collector.result();
}

/**
 * The marked lines of buf[from..] into `collector`, the first numbered `line`. Unless `final`,
 * a last line without its line break is left for the next chunk: `cut` is where it starts,
 * and `line` its number.
 */
function scanBytes(buf: Buffer, from: number, encoding: ByteEncoding, collector: TagCollector, line: number, final: boolean): { line: number; cut: number } {
  const markers = BYTE_MARKERS[encoding];
  // Pushed, not map()ped, and read by index: an array map() makes in optimized code is holey,
  // one it makes in the interpreter packed, and this function's optimized code, having seen one,
  // was thrown away at the other (once per thread and scan, then compiled again).
  const next: number[] = [];
  for (let k = 0; k < markers.length; k++) next.push(buf.indexOf(markers[k]!, from));
  let counted = from;
  for (;;) {
    let at = -1;
    for (let k = 0; k < next.length; k++) {
      const i = next[k]!;
      if (i !== -1 && (at === -1 || i < at)) at = i;
    }
    if (at === -1) break;
    // (lastIndexOf with a negative offset would count from the end: guard the first byte.)
    const start = at === from ? from : Math.max(from, buf.lastIndexOf(10, at - 1) + 1);
    let end = buf.indexOf(10, at);
    if (end === -1) {
      if (!final) break; // the line goes on in the next chunk
      end = buf.length;
    }
    for (let i = buf.indexOf(10, counted); i !== -1 && i < start; i = buf.indexOf(10, i + 1)) line++;
    counted = start;
    collector.line(buf.toString(encoding, start, end - (buf[end - 1] === 13 ? 1 : 0)), line);
    for (let k = 0; k < next.length; k++) if (next[k]! !== -1 && next[k]! <= end) next[k] = buf.indexOf(markers[k]!, end + 1);
  }
  if (final) return { line, cut: buf.length };
  const cut = Math.max(from, buf.lastIndexOf(10) + 1);
  for (let i = buf.indexOf(10, counted); i !== -1 && i < cut; i = buf.indexOf(10, i + 1)) line++;
  return { line, cut };
}

export function scanTags(text: string, rest: Iterable<string> = []): TagScan {
  const scanner = createTagScanner();
  scanner.push(text);
  for (const chunk of rest) scanner.push(chunk);
  return scanner.finish();
}

/**
 * A copy of a short string that does not keep the file's whole text alive (V8 keeps the
 * parent of a sliced string; a scan of 100k files must not hold every file in memory).
 */
function detach(s: string): string {
  return (` ${s}`).slice(1);
}

const same = (s: string): string => s;

const NOTICE_TAGS = ['SPDX-FileCopyrightText:', 'SPDX-SnippetCopyrightText:', 'SPDX-FileContributor:'];

/** Reads one line that holds a marker: a tag, 'rejected' (a license tag in code), or null. */
function readTagLine(line: string, anywhere: boolean): Omit<RawTag, 'line' | 'snippet'> | 'rejected' | null {
  const inComment = anywhere ? () => true : commentPrefix;
  let at = line.indexOf('SPDX-License-Identifier:');
  if (at >= 0) {
    if (!inComment(line.slice(0, at))) return 'rejected';
    return { kind: 'license', value: dropFrame(clean(line.slice(at + 'SPDX-License-Identifier:'.length)), line.slice(0, at)) };
  }
  for (const tag of NOTICE_TAGS) {
    at = line.indexOf(tag);
    if (at >= 0) {
      if (!inComment(line.slice(0, at))) return null;
      const value = dropFrame(clean(line.slice(at + tag.length)), line.slice(0, at));
      if (!value) return null;
      return tag === 'SPDX-FileContributor:' ? { kind: 'contributor', value } : { kind: 'copyright', value: copyrightStatement(value) };
    }
  }
  // REUSE 3.3: a notice starts with SPDX-FileCopyrightText, Copyright or ©; (C) may follow.
  // Not in a binary's bytes: a copyright string there is an embedded part's (the sRGB colour
  // profile in most JPEGs, "Copyright (c) 1998 Hewlett-Packard Company"; a font's name table), not
  // the file's notice, which its metadata fields (media detector) or a .license sidecar carry.
  if (anywhere) return null;
  const m = /(Copyright|COPYRIGHT|copyright|©)/.exec(line);
  if (!m) return null;
  // "(C) Copyright 2015 Acme", thousands of files in u-boot and Linux: the sign before the word
  // (reuse-tool reads these too); "(c)" alone is no prefix, as prose and lists use it.
  const before = m[1] === '©' ? line.slice(0, m.index) : line.slice(0, m.index).replace(/\([Cc]\)[ \t]*$/, '');
  if (!inComment(before) && !METADATA_KEY.test(before)) return null;
  const rest = line.slice(m.index);
  // "Copyright law", "copyright notice", "(c) the Licensor": prose, not a notice. After
  // "Copyright (c)" or "Copyright ©" any holder goes ("by Jane", ", 2004 Acme"); after a bare
  // "Copyright", a year, a capital (or a letter of a script without case), "by", a parenthesis or a bar ("(2004)", "|copy| 2012" in reST),
  // not a template ("Copyright [yyyy] [name of copyright owner]", "{yyyy}"), nor a longer word (CopyrightNotice).
  // Only spaces and tabs separate the words: other control characters end a line where reuse-tool reads.
  const notice =
    // (Spaces, then a ':' or ',' and spaces: one way to read a run of spaces, or a long one is read n² ways.)
    /^Copyright(?!\p{L})[ \t]*(?:[:,][ \t]*)?(?:(?:\([Cc]\)|©)[ \t]*(?:[:,][ \t]*)?\S|[0-9<©(|]|\p{Lu}|\p{Lo}|by[ \t]+\S)/u.test(rest) ||
    /^(?:COPYRIGHT|copyright):?[ \t]*(?:\([Cc]\)|©|[0-9])/.test(rest) ||
    /^©[ \t]+\S/u.test(rest);
  if (!notice) return null;
  const value = copyrightStatement(dropFrame(clean(rest), line.slice(0, m.index)));
  return value && !isTemplate(value) ? { kind: 'copyright', value } : null;
}

// The notice a license's appendix shows how to write ("Copyright (C) <year>  <name of author>",
// "19yy", "<yyyy, yyyy> The Open Group"): placeholders, not a holder. (An address in angle
// brackets, <jane@example.com>, is no placeholder: one holds only letters, spaces and commas.)
const PLACEHOLDER = /[<[{](?=[A-Za-z ,]{1,40}[>\]}])[A-Za-z ,]*\b(?:year|yyyy|name|owner|author|holders?|copyright|organi[sz]ation|company)\b[A-Za-z ,]*[>\]}]/i;
const YEAR_PLACEHOLDER = /(?:^|[\s,])(?:19|20)?yy(?:yy)?(?:$|[\s,])/;

function isTemplate(statement: string): boolean {
  return PLACEHOLDER.test(statement) || YEAR_PLACEHOLDER.test(statement);
}

/**
 * A notice as the value of a metadata key, in a comment or not: Markdown front matter
 * (curl's docs: `c: Copyright (C) Daniel Stenberg, et al.`), a YAML setting, a mail-style header.
 */
const METADATA_KEY = /^[ \t]*(?:(?:\/\/+|#+|\*|;+|--+|%+)[ \t]*)?[A-Za-z][\w.-]{0,30}:[ \t]*$/;

const MIRROR: Readonly<Record<string, string>> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<' };

/**
 * A tag in a box comment ends with the box's frame, the mirror of the comment's opening
 * (` *  SPDX-License-Identifier: MIT  *`, `#  ...  #`): the frame is not part of the value.
 */
function dropFrame(value: string, prefix: string): string {
  const trimmed = prefix.trim();
  // BibTeX's one-line `@Comment{ SPDX-License-Identifier: MIT }`: its brace is the frame.
  const p = trimmed.endsWith('@Comment{') || trimmed.endsWith('@comment{') ? '{' : trimmed;
  if (p === '' || p.length > 8) return value;
  let mirror = '';
  for (let i = p.length - 1; i >= 0; i--) mirror += MIRROR[p[i]!] ?? p[i]!;
  return value.length > mirror.length && value.endsWith(mirror) ? value.slice(0, -mirror.length).trimEnd() : value;
}

/** True when the text before a tag is comment syntax, not code or prose around it. */
function commentPrefix(prefix: string): boolean {
  const p = prefix.trim();
  if (p === '') return true;
  // A quote left open is a string's (code that writes a tag), but for the openers with one: roff's `.\"` (`.\" *` in
  // curl's boxed man pages), `'\"`, `\"` and groff's `\#`, a Visual Basic `'`, a docstring's quotes.
  if (!quotesBalanced(p) && !/^(?:#?'|"|'''|"""|[.']?\\["#](?:[ \t]+\*+)?)$/.test(p)) return false;
  if (!/[\p{L}\p{N}]/u.test(p)) return true;
  // `<para>&kwrite; Copyright 2001 by the &kate; team`: the ';' ends an SGML entity in prose, not a Lisp comment.
  return COMMENT_OPENER.test(p.length > COMMENT_TAIL ? p.slice(-COMMENT_TAIL) : p) && /(?:^|\s)\S*$/.test(p) && !/&#?\w+;$/.test(p);
}

/** By UTF-16 units, not characters (the quotes are ASCII): a minified line's prefix may be a megabyte long. */
function quotesBalanced(s: string): boolean {
  let d = 0;
  let q = 0;
  let b = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) d++;
    else if (c === 39) q++;
    else if (c === 96) b++;
  }
  return d % 2 === 0 && q % 2 === 0 && b % 2 === 0;
}

function clean(value: string): string {
  let v = value.trimEnd();
  if (!TRAILER_ENDS.has(v.charCodeAt(v.length - 1))) return v.trimStart();
  for (let again = true; again; ) {
    again = false;
    for (const t of TRAILERS)
      if (v.endsWith(t) && !(t === ';' && ENTITY_END.test(v))) {
        v = v.slice(0, -t.length).trimEnd();
        again = true;
      }
  }
  return v.trim();
}

/** A copyright notice without its prefix words (SPDX-FileCopyrightText:, Copyright, ©, (C)). */
export function copyrightStatement(value: string): string {
  return value
    .trim()
    .replace(/^(?:SPDX-(?:File|Snippet)CopyrightText:\s*)?(?:Copyright|COPYRIGHT|copyright)?\s*[:,]?\s*(?:\([Cc]\)|©)?\s*[:,]?\s*/u, '')
    .replace(/^(?:\([Cc]\)|©)\s*/u, '')
    .trim();
}

/** The tags of a file: in its bytes when it was read whole, else in its decoded text, chunk by chunk. */
export function scanFileTags(file: FileInput): TagScan {
  const bytes = file.bytes;
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // A binary's head is read as UTF-8 (a stray 0xA9 byte is no ©), tags anywhere.
  if (file.kind === 'binary') return scanBuffer(buf.subarray(0, BINARY_TAG_BYTES), 0, 'utf8', true);
  if (file.encoding !== 'utf-8' && file.encoding !== 'latin1') return scanTags(file.text, file.complete ? [] : file.rest());
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const encoding = file.encoding === 'utf-8' ? 'utf8' : 'latin1';
  // What was read whole may be all ASCII (the rest of a larger file is read as it is encoded).
  const head = file.ascii === true ? 'ascii' : encoding;
  if (file.complete) return scanBuffer(buf, bom, head);
  return file.restBytes ? scanByteChunks(buf, bom, file.restBytes(), encoding) : scanTags(file.text, file.rest());
}
