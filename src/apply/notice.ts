// License notices that are not SPDX tags, in the head of a file: "Licensed under the MIT
// License", a GPL or BSD boilerplate, "@license MIT". apply does not put a second license
// beside one of these: it reports the notice as a conflict and leaves the file alone.
import type { CommentStyle } from './comment-styles/index.js';

/** How far into a file a notice is looked for: license headers sit at the top. */
const HEAD_LINES = 60;
const HEAD_CHARS = 16 * 1024;
const MAX_LINE = 1000;

/** Block comments of the languages farleft knows (a JavaScript file has C blocks though its style is `//`). */
const BLOCKS: readonly (readonly [string, string])[] = [
  ['/*', '*/'],
  ['<!--', '-->'],
  ['{#', '#}'],
  ['(*', '*)'],
  ['{-', '-}'],
  ['(:', ':)'],
  ['<%--', '--%>'],
  ['<#--', '-->'],
];

const NOTICE_PATTERNS: readonly RegExp[] = [
  /\blicen[cs]ed (?:to you )?under\b/i,
  /\b(?:released|distributed|made available|published) under\b/i,
  /\bunder the terms of\b/i,
  /\bsubject to the terms of\b/i,
  /\bpermission is hereby granted\b/i,
  /\bpermission to use, copy, modify\b/i,
  /\bredistribution and use in source and binary forms\b/i,
  /\bthis (?:program|library|file|software|code|work) is free software\b/i,
  /\buse of this source code is governed by\b/i,
  /\bfree and unencumbered software\b/i,
  /\bdedicated to the public domain\b/i,
  /@licen[cs]e\b/i,
  /\blicen[cs]e\s?:\s?\S/i,
  /\b[Ss]ee (?:the )?(?:accompanying |included |bundled )?(?:[\w.-]{1,30} and )?(?:[A-Z][A-Za-z0-9]{1,9}[-_])?(?:LICEN[CS]E|COPYING)\b/,
  /\btake a look at the licen[cs]e\b/i,
  /\bplease view the (?:LICEN[CS]E|COPYING)\b/,
  /\bthe author disclaims copyright\b/i,
  /\bsee copyright for the status of this software\b/i,
];

/** A word every notice pattern holds: most heads have none, and are then not split into lines. */
const ANY_NOTICE = /licen[cs]|under|terms of|permission|redistribution|free software|governed by|unencumbered|public domain|COPYING|disclaims copyright|status of this software/i;

/** Whether a head may hold a notice at all (ANY_NOTICE): a head without any of its words need not be read further. */
export function mayHoldNotice(head: string): boolean {
  return ANY_NOTICE.test(head);
}

export interface Notice {
  /** 1-based line. */
  readonly line: number;
  readonly text: string;
}

/**
 * The first license notice in the head of `text`, or null. In code only comment lines count
 * (a string that says "licensed under" is code); in prose formats (Markdown, HTML, plain
 * text) every line does. Lines between REUSE-IgnoreStart and REUSE-IgnoreEnd are skipped.
 */
export function findNotice(text: string, style: CommentStyle | null): Notice | null {
  // The first HEAD_LINES lines, at most HEAD_CHARS characters.
  let end = -1;
  for (let n = 0; n < HEAD_LINES && end < HEAD_CHARS; n++) {
    const nl = text.indexOf('\n', end + 1);
    end = nl === -1 ? text.length : nl;
    if (nl === -1) break;
  }
  const head = text.slice(0, Math.min(Math.max(end, 0), HEAD_CHARS));
  if (!ANY_NOTICE.test(head)) return null;
  const lines = head.split('\n', HEAD_LINES);
  const prose = style === null || style.name === 'html' || style.name === 'mdx' || style.name === 'rst';
  let close: string | null = null; // the end of the block comment a line is in
  let ignoring = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.slice(0, MAX_LINE);
    if (ignoring) {
      if (raw.includes('REUSE-IgnoreEnd')) ignoring = false;
      continue;
    }
    if (raw.includes('REUSE-IgnoreStart')) {
      ignoring = !raw.includes('REUSE-IgnoreEnd');
      continue;
    }
    const t = raw.trim();
    let isComment = prose;
    if (close !== null) {
      isComment = true;
      if (t.includes(close)) close = null;
    } else {
      const block = BLOCKS.find(([open]) => t.startsWith(open));
      if (block) {
        isComment = true;
        if (!t.includes(block[1], block[0].length)) close = block[1];
      } else if (t.startsWith('//') || (style?.line && t.startsWith(style.line.prefix))) isComment = true;
    }
    if (!isComment || t.includes('SPDX-')) continue;
    if (NOTICE_PATTERNS.some((p) => p.test(t))) return { line: i + 1, text: t.slice(0, 160) };
  }
  return null;
}
