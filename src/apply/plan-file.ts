// The heart of apply, and pure: from a text file's bytes and what was asked, the bytes it
// should have. A file without SPDX tags gets a header after the lines that must stay first;
// a file with tags is edited in place, line by line, in the comment framing of its own tag
// lines: a new holder is added beside the others, the years of a holder already there are
// merged, and a different license is replaced only when asked. Every byte not edited is
// kept: encodings, line endings, the final newline or its absence.
import { seeLicenseFile, type Catalog } from '../catalog/index.js';
import { HEADER_BYTES, headerNotices } from '../detect/header-notice.js';
import type { HeaderText } from '../detect/header-text.js';
import { scanBuffer, scanTags, type RawTag, type TagScan } from '../detect/tag-scan.js';
import { declaredExpression } from './request.js';
import type { Declaration } from '../types.js';
import type { Encoding } from '../walk/read.js';
import { STYLES, type CommentStyle } from './comment-styles/index.js';
import { coversYears, formatStatement, holderKey, mergeYears, parseStatement } from './copyright.js';
import { findNotice, mayHoldNotice, type Notice } from './notice.js';
import { findPlacement, type Placement } from './preamble.js';
import { createTextView, type Edit, type TextView } from './text-view.js';
import { shellWord } from '../shell.js';

export interface HeaderRequest {
  /** The normalized SPDX expression to declare. */
  readonly expression: string;
  /** Copyright statements ("2026 Example Collective"). */
  readonly copyright: readonly string[];
  /** Extra lines after the tags, for a new header only. */
  readonly template: readonly string[];
  /** Replace a different license the file declares. */
  readonly replace: boolean;
}

export type TextPlan =
  | { readonly status: 'already-done' }
  | {
      readonly status: 'changed';
      readonly bytes: Buffer;
      /** The license the file declared before, when it was replaced. */
      readonly replaced: string | null;
      readonly encoding: Encoding;
      /** The file before and after as text, for a diff (see TextView.display). */
      texts(): readonly [string, string];
    }
  | { readonly status: 'conflict' | 'failed'; readonly code: string; readonly line: number | null; readonly message: string; readonly suggestion: string | null };

/** How much of the start of a file is looked at for a notice (src/apply/notice.ts reads 60 lines of it). */
const HEAD = 16 * 1024;
const LICENSE_TAG = 'SPDX-License-Identifier:';
const COPYRIGHT_TAG = 'SPDX-FileCopyrightText:';
// Block comment delimiters at the end of a tag line's prefix, or ending the line.
const OPENER = /(?:\/\*+!?|<!--|\{#|\(\*|\{-|\{\{!--|\(:|<%--|<#--|\{\/\*|<%#|@Comment\{)\s*$/;
/** Block comment closers that may end a tag line, longest first. */
const CLOSERS = ['*/}', '--}}', '--%>', '-->', '*/', '#}', '*)', '-}', ':)', '%>', '?>', '}'];

/** What apply reads besides a file's own words to tell what the notice in its header gives (apply-file.ts reads them). */
export interface NoticeTexts {
  /**
   * What the nearest file of a name in the file's folder or above names (`LICENSE`: BSD-3-Clause), for a
   * notice that defers to it ("…found in the LICENSE file"); null when there is none, or it names nothing.
   */
  above(name: string): string | null;
  /** The license a header's license text is (MIT's text in a C header), when it is that and nothing more; else null. */
  of(text: string): string | null;
  /** What the license files at the project's root name, for a notice that defers to the package's license; null when none names one. */
  project(): string | null;
  /** The exception a header's paragraph is word for word (Bison's, after the GPL's notice), joined to the license it follows. */
  exception?(text: string): string | null;
}

const NO_TEXTS: NoticeTexts = { above: () => null, of: () => null, project: () => null };

/**
 * gettext's template line in every .po file: "This file is distributed under the same license as the
 * PACKAGE package." It names no license: the file is under its package's.
 */
const SAME_AS_PACKAGE = /\bunder the same licen[cs]e as the [^\s.]{1,60} (?:package|project|program|software|library)\b/i;

/**
 * Plans the edit of one text file. `style` is null for a file without comment syntax of
 * its own (a `.license` sidecar): tags are then written as plain lines.
 */
export function planText(path: string, bytes: Buffer, encoding: Encoding, style: CommentStyle | null, request: HeaderRequest, catalog: Catalog, texts: NoticeTexts = NO_TEXTS): TextPlan {
  const view = createTextView(bytes, encoding);
  if (!view) return refuse('failed', 'unsupported-encoding', null, `${path} is ${encoding} text with bytes that would not survive an edit; it is left as it is`, 'Convert it to UTF-8, or give --sidecar');
  const tags = scanView(bytes, view).tags.filter((t) => t.snippet === null);
  const lines = new LineIndex(view);
  const licenseTags = tags.filter((t) => t.kind === 'license');
  const copyrightTags = tags.filter((t) => t.kind === 'copyright');
  const edits: Edit[] = [];

  // The license: the same (nothing to do), another (a conflict unless --replace), or none.
  let replaced: string | null = null;
  if (licenseTags.length) {
    const existing = declaredExpression(licenseTags.map((t) => t.value), catalog);
    if (existing !== request.expression) {
      const where = licenseTags.map((t) => t.line).join(', ');
      if (!request.replace)
        return refuse('conflict', 'license-differs', licenseTags[0]!.line, `${path} declares ${existing} (line ${where}), not ${request.expression}; it is left as it is`, `Give --replace to replace ${existing} with ${request.expression}`);
      replaced = existing;
      edits.push(...replaceLicense(licenseTags, lines, view, request.expression));
    }
  } else {
    const head = view.slice(0, HEAD);
    const found = findNotice(head, style);
    // What the detector reads in the header (src/detect/header-notice.ts) is a notice too, where apply's own patterns
    // miss its wording ("…modify it under the same terms as Ruby", a Ruby =begin block, "you may distribute it under").
    const prose = found || mayHoldNotice(head) ? proseLicense(path, view, catalog, texts) : null;
    const notice = found ?? (prose ? noticeOnLine(head, prose.line) : null);
    // A notice in prose that names the license asked for gets its tag above it, as reuse-tool's annotate
    // does; the notice stays. One that names another license, or none farleft can read, is left alone.
    const named = notice ? (prose?.expression ?? null) : null;
    const quoted = notice ? `"${view.decode(notice.text)}"` : '';
    // Under its package's license: the one the project's root license files give, or, where they give none, the
    // one asked for (which the package is then being given). The tag goes above the line, which stays.
    const deferred = notice && named === null && SAME_AS_PACKAGE.test(quoted) ? { license: texts.project() } : null;
    const agrees = named === request.expression || (deferred !== null && (deferred.license === null || deferred.license === request.expression));
    if (notice && !agrees) {
      if (deferred?.license)
        return refuse(
          'conflict',
          'existing-notice',
          notice.line,
          `${path} is under the same license as its package (${quoted}), which the project's license files give as ${deferred.license}, not ${request.expression}; it is left as it is`,
          `Give --license ${shellWord(deferred.license)} to tag it as its notice says`,
        );
      if (named)
        return refuse(
          'conflict',
          'existing-notice',
          notice.line,
          `${path} has a license notice in prose that gives ${named} (${quoted}), not ${request.expression}; it is left as it is`,
          `Give --license ${shellWord(named)} to tag it as its notice says; to relicense it, replace the notice with an SPDX-License-Identifier tag by hand`,
        );
      return refuse(
        'conflict',
        'existing-notice',
        notice.line,
        `${path} has a license notice that is not an SPDX tag (${quoted}); it is left as it is`,
        'Replace the notice with an SPDX-License-Identifier tag by hand, or --exclude the file',
      );
    }
  }

  // Copyright: a holder already named gets its years merged; a new one gets a line.
  const existing = copyrightTags.map((tag) => ({ tag, statement: parseStatement(tag.value) }));
  const added: string[] = [];
  const years = new Map<RawTag, number[]>();
  for (const want of request.copyright) {
    const w = parseStatement(want);
    const same = existing.find((e) => holderKey(e.statement.holder) === holderKey(w.holder));
    if (!same) {
      added.push(want);
      continue;
    }
    if (same.statement.unreadYears) continue;
    const have = years.get(same.tag) ?? same.statement.years;
    if (!coversYears(have, w.years)) years.set(same.tag, mergeYears(have, w.years));
  }
  for (const [tag, merged] of years) {
    const line = lines.text(tag.line);
    const from = view.encode(tag.value);
    const at = from === null ? -1 : line.indexOf(from);
    const to = view.encode(formatStatement(merged, parseStatement(tag.value).holder));
    if (at === -1 || to === null) return refuse('failed', 'encoding', tag.line, `${path}:${tag.line}: the copyright line could not be updated in this file's encoding`, 'Update the years by hand');
    const start = lines.start(tag.line) + at;
    edits.push({ start, end: start + from!.length, text: to });
  }

  const addLicense = licenseTags.length === 0;
  if (!addLicense && added.length === 0 && edits.length === 0) return { status: 'already-done' };

  const spdxCopyrights = copyrightTags.filter((t) => lines.text(t.line).includes(COPYRIGHT_TAG));
  const newLines = [...added.map((s) => `${COPYRIGHT_TAG} ${s}`), ...(addLicense ? [`${LICENSE_TAG} ${request.expression}`] : [])];
  if (newLines.length) {
    // New tags go beside a tag that stands in a comment of its own: framed like one inside code
    // (`<div>{/* SPDX-… */}</div>;`) they would be bare lines of code.
    const copyrightAnchors = spdxCopyrights.filter((t) => ownLine(lines.text(t.line)));
    const licenseAnchors = licenseTags.filter((t) => ownLine(lines.text(t.line)));
    const tagged = spdxCopyrights.length > 0 || licenseTags.length > 0;
    if (tagged && !copyrightAnchors.length && !licenseAnchors.length) {
      const line = (spdxCopyrights[0] ?? licenseTags[0])!.line;
      return refuse('failed', 'tags-in-code', line, `${path} has its SPDX tags inside code (line ${line}), where a new tag cannot be written like them; it is left as it is`, 'Put the tags in a comment of their own at the top of the file, or add the new ones by hand');
    }
    const insert = tagged
      ? insertNear(lines, view, style, copyrightAnchors.length ? copyrightAnchors.at(-1)!.line : licenseAnchors[0]!.line, copyrightAnchors.length ? 'after' : 'before', newLines)
      : insertHeader(view, style, added, request);
    if (insert === null) return refuse('failed', 'encoding', null, `${path} is not UTF-8, and the header holds characters beyond ASCII; it is left as it is`, 'Convert the file to UTF-8, or give --sidecar');
    edits.push(insert);
  }

  const out = view.edit(edits);
  if (out.equals(bytes)) return { status: 'already-done' };
  return { status: 'changed', bytes: out, replaced, encoding, texts: () => [view.display(bytes), view.display(out)] };
}

/** The license a file's header gives in prose (as planText reads it), or null: for a file of no known kind (apply-file.ts). */
export function headerLicense(path: string, bytes: Buffer, encoding: Encoding, catalog: Catalog, texts: NoticeTexts): { expression: string; line: number } | null {
  const view = createTextView(bytes, encoding);
  return view ? proseLicense(path, view, catalog, texts) : null;
}

/**
 * The license the leading comment of a file gives (all it names in prose and the license text it
 * holds, ANDed, as the detector reads them; for a notice that defers to a file, what that file
 * names), and the line it starts on, or null when it gives none surely: see src/detect/header-notice.ts.
 */
function proseLicense(path: string, view: TextView, catalog: Catalog, texts: NoticeTexts): { expression: string; line: number } | null {
  const head = view.decode(view.slice(0, HEADER_BYTES));
  const readText = (text: HeaderText): Declaration[] => {
    const expression = texts.of(text.text);
    return expression === null ? [] : [{ expression, source: 'notice', file: path, line: text.line, confidence: 1, scope: 'file', field: 'text' }];
  };
  const declarations = headerNotices(path, head, catalog, texts.exception?.bind(texts), readText);
  const found = declarations.map((d) => {
    const file = seeLicenseFile(d.expression);
    return file === null ? d.expression : texts.above(file);
  });
  if (!found.length || !found.every((e) => e !== null)) return null;
  return { expression: declaredExpression(found as string[], catalog), line: Math.min(...declarations.map((d) => d.line ?? 1)) };
}

/** The notice the detector found on a line of the head, as findNotice gives one. */
function noticeOnLine(head: string, line: number): Notice {
  return { line, text: (head.split('\n', line)[line - 1] ?? '').trim().slice(0, 160) };
}

/** The lines of a new header in a style (plain lines when there is none). */
export function renderHeader(style: CommentStyle | null, statements: readonly string[], expression: string, template: readonly string[]): string[] {
  const body = statements.map((s) => `${COPYRIGHT_TAG} ${s}`);
  if (body.length) body.push('');
  body.push(`${LICENSE_TAG} ${expression}`);
  if (template.length) body.push('', ...template);
  if (!style) return body;
  if (style.line) {
    const { prefix, suffix } = style.line;
    return body.flatMap((t) => (t === '' ? (suffix ? [] : [prefix]) : [`${prefix} ${t}${suffix ? ` ${suffix}` : ''}`]));
  }
  const { open, middle, close } = style.block!;
  return [open, ...body.map((t) => (t === '' ? middle : middle ? `${middle} ${t}` : t)), close];
}

/** A whole header after the file's preamble, with a blank line on either side where that reads well. */
function insertHeader(view: TextView, style: CommentStyle | null, statements: readonly string[], request: HeaderRequest): Edit | null {
  const length = view.length;
  const place = style ? placeIn(view, style) : { offset: 0, afterPreamble: false, phpOpen: false };
  const used = style?.name === 'php' && !place.phpOpen ? STYLES['php-block'] : style;
  const header = view.encode(renderHeader(used, statements, request.expression, request.template).join(view.eol));
  if (header === null) return null;
  const eol = view.eol;
  const gap = !used?.noSeparator;
  const at = place.offset;
  let insert: string;
  if (at === length && at > 0 && view.slice(length - 1, length) !== '\n') {
    // The preamble is the whole file and has no final newline: keep it without one.
    insert = `${eol}${gap ? eol : ''}${header}`;
  } else {
    const rest = view.slice(at, at + 2);
    const restIsBlank = rest.startsWith('\n') || rest.startsWith('\r\n');
    insert = `${place.afterPreamble && gap ? eol : ''}${header}${eol}${gap && at < length && !restIsBlank ? eol : ''}`;
  }
  return { start: at, end: at, text: insert };
}

/** A tag line with only comment syntax before its tag (`// `, ` * `, `{{!-- `, `REM `, `@Comment{`), no code. */
function ownLine(line: string): boolean {
  const before = line.slice(0, line.indexOf('SPDX-')).replace(/^\s*(?:@?REM\b|@?rem\b|dnl\b|@Comment\{)/, '');
  return !/[\p{L}\p{N}]/u.test(before);
}

/**
 * New tag lines beside an existing tag line, framed like it: `// `, ` * `, or a one-line
 * block of its own. Lines go after the anchor, or before it (`where`); a line that closes a
 * block takes the new lines above it and a line that opens one below it, so they stay inside.
 */
function insertNear(lines: LineIndex, view: TextView, style: CommentStyle | null, anchor: number, where: 'before' | 'after', texts: readonly string[]): Edit | null {
  const line = lines.text(anchor);
  const markerAt = line.indexOf('SPDX-');
  const before = line.slice(0, markerAt);
  const opener = OPENER.exec(before);
  const closer = closerOf(line.slice(markerAt));
  let prefix = before;
  let suffix = '';
  let side = where;
  if (opener && !closer) {
    const indent = /^\s*/.exec(before)![0];
    const middle = style?.block?.middle ?? '';
    prefix = `${indent}${middle ? `${middle} ` : ''}`;
    side = 'after';
  } else if (closer && !opener) side = 'before';
  else if (closer) suffix = closer[0];
  const encoded = texts.map((t) => view.encode(t));
  if (encoded.some((e) => e === null)) return null;
  const newLines = encoded.map((t) => `${prefix}${t}${suffix}`);
  const eol = view.eol;
  if (side === 'before') {
    const at = lines.start(anchor);
    return { start: at, end: at, text: newLines.map((l) => l + eol).join('') };
  }
  const next = lines.next(anchor);
  if (next === view.length && view.slice(next - 1, next) !== '\n') return { start: next, end: next, text: newLines.map((l) => eol + l).join('') };
  return { start: next, end: next, text: newLines.map((l) => l + eol).join('') };
}

/** Writes the new expression over the first license tag and removes the others (keeping any comment delimiters on their lines). */
function replaceLicense(tags: readonly RawTag[], lines: LineIndex, view: TextView, expression: string): Edit[] {
  const edits: Edit[] = [];
  tags.forEach((tag, i) => {
    const line = lines.text(tag.line);
    const markerAt = line.indexOf(LICENSE_TAG);
    if (i === 0) {
      const valueAt = line.indexOf(view.encode(tag.value) ?? '\0', markerAt);
      const start = lines.start(tag.line) + (valueAt === -1 ? markerAt + LICENSE_TAG.length : valueAt);
      const end = valueAt === -1 ? lines.start(tag.line) + line.length - (closerOf(line)?.[0].length ?? 0) : start + view.encode(tag.value)!.length;
      edits.push({ start, end, text: `${valueAt === -1 ? ' ' : ''}${expression}` });
      return;
    }
    const before = line.slice(0, markerAt);
    const opener = OPENER.test(before);
    const closer = closerOf(line.slice(markerAt));
    if (opener !== !!closer) edits.push({ start: lines.start(tag.line), end: lines.start(tag.line) + line.length, text: `${before.trimEnd()}${closer ? closer[0] : ''}` });
    else edits.push({ start: lines.start(tag.line), end: lines.next(tag.line), text: '' });
  });
  return edits;
}

/**
 * The comment closer a line ends with, with the white space around it (as `[text]`), or
 * null. Found from the end without a regex: a hostile line of white space costs one pass.
 */
function closerOf(line: string): [string] | null {
  const trimmed = line.trimEnd();
  const closer = CLOSERS.find((c) => trimmed.endsWith(c));
  if (!closer) return null;
  let at = trimmed.length - closer.length;
  while (at > 0 && /\s/.test(trimmed[at - 1]!)) at--;
  return [line.slice(at)];
}

/**
 * Where the header goes, judged on the file's head (a preamble is short); the whole text is
 * looked at only when the head ends inside the preamble (a one-line file larger than the head).
 */
function placeIn(view: TextView, style: CommentStyle): Placement {
  const head = view.slice(0, HEAD * 8);
  const place = findPlacement(head, style);
  return place.offset === head.length && head.length < view.length ? findPlacement(view.slice(0, view.length), style) : place;
}

function refuse(status: 'conflict' | 'failed', code: string, line: number | null, message: string, suggestion: string | null): TextPlan {
  return { status, code, line, message, suggestion };
}

/** The tags of the file, found as the scan finds them (src/detect/tag-scan.ts). */
function scanView(bytes: Buffer, view: TextView): TagScan {
  if (view.encoding === 'utf-16le' || view.encoding === 'utf-16be') return scanTags(view.slice(0, view.length));
  return scanBuffer(bytes, view.bom.length, view.encoding === 'utf-8' ? 'utf8' : 'latin1');
}

/** Line starts of a text, found as far as they are asked for. Lines are 1-based, as the tag scanner counts them. */
class LineIndex {
  private readonly starts = [0, 0];
  constructor(private readonly view: TextView) {}

  start(line: number): number {
    while (this.starts.length <= line) {
      const last = this.starts[this.starts.length - 1]!;
      const nl = last >= this.view.length ? -1 : this.view.indexOfNewline(last);
      this.starts.push(nl === -1 ? this.view.length : nl + 1);
    }
    return this.starts[line]!;
  }

  /** The offset after the line's line break (the text's end for the last line). */
  next(line: number): number {
    return this.start(line + 1);
  }

  /** The offset where the line's text ends (before `\r\n` or `\n`). */
  end(line: number): number {
    const next = this.next(line);
    const start = this.start(line);
    let end = next;
    if (end > start && this.view.slice(end - 1, end) === '\n') end--;
    if (end > start && this.view.slice(end - 1, end) === '\r') end--;
    return end;
  }

  text(line: number): string {
    return this.view.slice(this.start(line), this.end(line));
  }
}
