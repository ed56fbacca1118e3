// Where a header goes: after the lines that must stay first in a file. Always kept: a
// shebang, and editor or encoding magic lines right after it (`# -*- coding: utf-8 -*-`,
// `# frozen_string_literal: true`, Emacs `-*- ... -*-`, which only count on the first two
// lines; a magic line 2 keeps the comment above it). Per style (CommentStyle.keep): an XML
// declaration and DOCTYPE, Markdown front matter, CSS `@charset`, Dockerfile parser directives,
// `<?php`, a roff preprocessor line, PostScript's `%!`. The BOM is outside the view
// (src/apply/text-view.ts).
import type { CommentStyle } from './comment-styles/index.js';

export interface Placement {
  /** Offset in the view where the header is inserted (a line start, or the end of the text). */
  readonly offset: number;
  /** Whether lines were kept above the header. */
  readonly afterPreamble: boolean;
  /** For PHP: whether the file opens with `<?php` (else the header gets its own PHP block). */
  readonly phpOpen: boolean;
}

/** How far a kept block (front matter, DOCTYPE) is searched for its end. */
const MAX_PREAMBLE = 64 * 1024;
/** Longest line examined for a magic comment. */
const MAX_MAGIC_LINE = 400;
const MAGIC = /coding[:=]|frozen_string_literal:|warn_indent:|shareable_constant_value:|-\*-[^\n]{0,300}-\*-/;
const DOCKER_DIRECTIVE = /^#[ \t]*(?:syntax|escape|check)[ \t]*=/i;

export function findPlacement(text: string, style: CommentStyle): Placement {
  const keep = new Set(style.keep ?? []);
  let pos = 0;
  let phpOpen = false;
  const lineAt = (p: number): string => text.slice(p, nextLine(text, p)).replace(/\r?\n$/, '');

  if (text.startsWith('#!')) pos = nextLine(text, pos);
  else if (keep.has('postscript') && text.startsWith('%!')) pos = nextLine(text, pos);
  if (keep.has('man-preprocessor') && text.startsWith(`'\\"`, pos)) pos = nextLine(text, pos);
  if (keep.has('php-open') && /^<\?php\b/i.test(text.slice(pos, pos + 6))) {
    pos = nextLine(text, pos);
    phpOpen = true;
  }
  // Magic lines: on the first two lines of the file only.
  const isMagic = (l: string): boolean => l.length <= MAX_MAGIC_LINE && isCommentLike(l) && MAGIC.test(l);
  for (let n = 0; n < 2 && pos < text.length && lineNumber(text, pos) <= 2; n++) {
    if (!isMagic(lineAt(pos))) break;
    pos = nextLine(text, pos);
  }
  // Python reads a coding line on line 2 below any comment or blank line 1 (PEP 263): both stay.
  const second = nextLine(text, 0);
  if (pos === 0 && second < text.length && (lineAt(0).trim() === '' || isCommentLike(lineAt(0))) && isMagic(lineAt(second))) pos = nextLine(text, second);
  if (keep.has('docker-directives')) while (pos < text.length && DOCKER_DIRECTIVE.test(lineAt(pos))) pos = nextLine(text, pos);
  if (keep.has('charset') && text.startsWith('@charset', pos)) pos = nextLine(text, pos);
  if (keep.has('xml')) pos = afterXmlProlog(text, pos);
  if (keep.has('front-matter')) pos = afterFrontMatter(text, pos);
  return { offset: pos, afterPreamble: pos > 0, phpOpen };
}

/** The offset after the line that holds `pos` (the text's end when it is the last line). */
export function nextLine(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl === -1 ? text.length : nl + 1;
}

function lineNumber(text: string, pos: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A line that starts with punctuation (a comment marker), not with code or prose. */
function isCommentLike(line: string): boolean {
  const t = line.trimStart();
  return t !== '' && !/^[\p{L}\p{N}_]/u.test(t);
}

/** After `<?xml ...?>` and `<!DOCTYPE ...>` (with an internal subset in brackets), if present. */
function afterXmlProlog(text: string, pos: number): number {
  if (text.startsWith('<?xml', pos)) {
    const end = text.indexOf('?>', pos);
    if (end === -1 || end - pos > MAX_PREAMBLE) return pos;
    pos = nextLine(text, end);
  }
  let at = pos;
  while (at < text.length && at - pos < MAX_PREAMBLE && /\s/.test(text[at]!)) at++;
  if (text.slice(at, at + 9).toUpperCase() !== '<!DOCTYPE') return pos;
  const close = text.indexOf('>', at);
  const open = text.indexOf('[', at);
  let end = close;
  if (open !== -1 && (close === -1 || open < close)) {
    const bracket = text.indexOf(']', open);
    end = bracket === -1 ? -1 : text.indexOf('>', bracket);
  }
  if (end === -1 || end - at > MAX_PREAMBLE) return pos;
  return nextLine(text, end);
}

/** After a `---` (YAML) or `+++` (TOML) front matter block that starts the text at `pos`. */
function afterFrontMatter(text: string, pos: number): number {
  const fence = text.startsWith('---', pos) ? '---' : text.startsWith('+++', pos) ? '+++' : null;
  if (!fence) return pos;
  const first = nextLine(text, pos);
  if (text.slice(pos, first).trim() !== fence) return pos;
  for (let at = first; at < text.length && at - pos < MAX_PREAMBLE; at = nextLine(text, at)) {
    const l = text.slice(at, nextLine(text, at)).trim();
    if (l === fence || (fence === '---' && l === '...')) return nextLine(text, at);
  }
  return pos; // never closed: not front matter
}
