// The spdx-tag detector: a file's SPDX and REUSE tags (read by the tag scanner, tag-scan.ts) as
// declarations, copyright notices and problems: an invalid or deprecated expression, a tag that is
// code, an unclosed snippet or ignore block.
import type { CopyrightNotice, Declaration, Problem, Scope, Source } from '../types.js';
import { clip } from '../problems.js';
import { reuseLicenseTags } from './reuse-read.js';
import { MAX_TAGS, REUSE_HEADER_BYTES, scanFileTags, type TagScan } from './tag-scan.js';
import { detection, EMPTY_DETECTION, type DetectContext, type Detection, type Detector, type FileInput } from './types.js';

// Values that are clearly code: a template placeholder, a format string, an escape, a concatenation
// (but not `GPL-2.0+ or MIT`, an expression with a lower-case operator: invalid, and said so), or a
// regular expression that reads tags (`[ \t]+(.*?)`, `\s*(?P<`: reuse-tool's own, in its compiled .pyc).
const CODE_LIKE = /\$\{|\$\d|\{\{|%[sd(]|<%|\\n|\+\s*(?!(?:or|and|with)\b)["'`a-z]|["'`]\s*\+|\.format\(|\|\||\(\.[*+]|\\[sdwS]|\[[ \\]|\(\?/;

/** Turns a tag scan into declarations, copyright notices and problems for one file. */
export function tagsToDetection(scan: TagScan, file: string, source: Extract<Source, 'spdx-tag' | 'sidecar'>, ctx: DetectContext): Detection {
  const declarations: Declaration[] = [];
  const copyrights: CopyrightNotice[] = [];
  const problems: Problem[] = [];
  const problem = (code: string, severity: Problem['severity'], line: number | null, message: string, suggestion: string | null = null): void => {
    problems.push({ code, severity, file, line, message, suggestion });
  };

  for (const tag of scan.tags) {
    const snippet = tag.snippet === null ? null : scan.snippets[tag.snippet]!;
    const scope: Scope = snippet ? 'snippet' : 'file';
    if (tag.kind === 'copyright') {
      copyrights.push({ text: tag.value, source, file, line: tag.line, scope });
      continue;
    }
    if (tag.kind !== 'license') continue;
    if (tag.value === '') {
      problem('invalid-expression', 'error', tag.line, 'SPDX-License-Identifier has no value', 'Write an SPDX expression after the colon, e.g. SPDX-License-Identifier: PPL');
      continue;
    }
    const result = ctx.catalog.normalize(tag.value);
    if (!result.valid || result.expression === null) {
      // (reuse-tool knows no such thing: for lint --reuse an invalid value is one, whatever it looks like.)
      if (!ctx.options.asReuse && CODE_LIKE.test(tag.value)) {
        problem('tag-in-code', 'note', tag.line, `ignored SPDX-License-Identifier '${clip(tag.value)}': it looks like code that writes or reads a tag, not a declaration`, 'Put such lines between REUSE-IgnoreStart and REUSE-IgnoreEnd comments');
        continue;
      }
      const why = result.notes.map((n) => n.message).join('; ') || `'${clip(tag.value)}' is not a valid SPDX expression`;
      const fix = result.suggestion
        ? `Write: SPDX-License-Identifier: ${result.suggestion}`
        : 'Use an SPDX license expression (https://spdx.org/licenses/), or LicenseRef-<name> for a license SPDX lacks';
      problem('invalid-expression', 'error', tag.line, `invalid SPDX-License-Identifier '${clip(tag.value)}': ${why}`, fix);
      continue;
    }
    for (const note of result.notes) {
      if (note.code === 'deprecated-id') problem('deprecated-id', 'warning', tag.line, note.message, `Write: SPDX-License-Identifier: ${result.expression}`);
      else if (note.code === 'alias') problem('license-alias', 'note', tag.line, note.message, `Write: SPDX-License-Identifier: ${result.expression}`);
      else if (note.code === 'id-case') problem('id-case', 'note', tag.line, note.message, `Write: SPDX-License-Identifier: ${result.expression}`);
    }
    declarations.push({
      expression: result.expression,
      source,
      file,
      line: tag.line,
      confidence: 1,
      scope,
      ...(result.expression !== tag.value ? { raw: tag.value } : {}),
      ...(snippet?.end ? { endLine: snippet.end } : {}),
    });
  }
  for (const s of scan.snippets)
    if (s.end === null)
      problem('unclosed-snippet', 'warning', s.begin, 'SPDX-SnippetBegin has no matching SPDX-SnippetEnd; the snippet runs to the end of the file', 'Add an SPDX-SnippetEnd comment where the snippet ends');
  if (scan.tooMany !== null)
    problem('too-many-tags', 'warning', scan.tooMany, `the file holds more than ${MAX_TAGS} tags; those from this line on were not read`, 'Split the file, or keep one set of tags per file (REUSE reads a tag once, wherever it stands)');
  if (scan.unclosedIgnore !== null)
    problem('unclosed-ignore', 'warning', scan.unclosedIgnore, 'REUSE-IgnoreStart has no matching REUSE-IgnoreEnd; no tag after it is read', 'Add a REUSE-IgnoreEnd comment where the ignored block ends');
  for (const r of scan.rejected)
    problem('tag-in-code', 'note', r.line, `ignored SPDX-License-Identifier in code or prose: ${r.text}`, 'A tag counts only in a comment; if this line is meant to declare a license, put it in a comment of its own');
  return detection(declarations, copyrights, problems);
}

export const detector: Detector = {
  name: 'spdx-tag',
  accepts: () => true,
  detect: (file, ctx) => (ctx.options.asReuse ? asReuseTool(file, 'spdx-tag', ctx) : tagsToDetection(scanFileTags(file), file.path, 'spdx-tag', ctx)),
};

/**
 * lint --reuse counts what reuse-tool reads: nothing in a binary file (since 3.0.1); in a text file, its license tags as
 * reuse-tool extracts them (reuse-read.ts: on any line, code included, values as they stand) and its copyright notices
 * as its patterns find them (withReuseCopyrights), each notice worded as farleft's own reading words it where both read one.
 */
export function asReuseTool(file: FileInput, source: Extract<Source, 'spdx-tag' | 'sidecar'>, ctx: DetectContext): Detection {
  if (file.kind !== 'text') return EMPTY_DETECTION;
  const own = tagsToDetection(scanFileTags(file, true), file.path, source, ctx);
  const licenses = tagsToDetection({ tags: reuseLicenseTags(file), snippets: [], rejected: [], unclosedIgnore: null, tooMany: null }, file.path, source, ctx);
  return withReuseCopyrights(detection(licenses.declarations, own.copyrights, licenses.problems), file);
}

/**
 * reuse-tool's copyright notices, as its patterns find them anywhere in a line: an SPDX-FileCopyrightText (or
 * -SnippetCopyrightText) tag, "Copyright" (capitalised, perhaps with "(C)" or "©") or "©", then a space and a word.
 */
const REUSE_COPYRIGHT = /SPDX-(?:File|Snippet)CopyrightText:\s+\S.*|(?:Copyright(?:\s(?:\([Cc]\)|©))?|©)\s+\S.*/;
/** The comment endings reuse-tool strips from a notice's end. */
const REUSE_END = /\s*(?:\*+\/|-->|\*\)|-\}|"""|'''|:\)|#\}|--%>|%>|["']\s*\/*>|\]\s*::)\s*$/;

/**
 * lint --reuse counts a text file's copyright notices as reuse-tool does: the lines of its first 4 KiB (all of it when
 * it holds a snippet) where one of reuse-tool's patterns matches, wherever it stands, prose included ("See Copyright
 * for the status of this software"), and no others ("copyright (C) 1999 by", "Copyright: (c) 2013", which farleft's
 * own reading takes). REUSE-IgnoreStart/End blocks are skipped, as reuse-tool skips them.
 */
function withReuseCopyrights(found: Detection, file: FileInput): Detection {
  const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length);
  const head = bytes.includes('SPDX-SnippetBegin') ? bytes : bytes.subarray(0, REUSE_HEADER_BYTES);
  // Only lines with "Copyright" or "©" can match: found by their bytes, in order, each line once.
  const at: number[] = [];
  for (const needle of REUSE_NEEDLES) for (let i = head.indexOf(needle); i >= 0; i = head.indexOf(needle, i + needle.length)) at.push(i);
  at.sort((a, b) => a - b);
  const ignored = ignoredRanges(head);
  const scanned = new Map(found.copyrights.map((c) => [c.line, c]));
  const copyrights: CopyrightNotice[] = [];
  let counted = 0; // the offset up to which newlines have been counted
  let line = 1;
  let lastStart = -1;
  for (const p of at) {
    const start = head.lastIndexOf(0x0a, p) + 1;
    if (start === lastStart || ignored.some(([from, to]) => start >= from && start < to)) continue;
    lastStart = start;
    for (let nl = head.indexOf(0x0a, counted); nl >= 0 && nl < start; nl = head.indexOf(0x0a, nl + 1)) line++;
    counted = start;
    const end = head.indexOf(0x0a, p);
    const m = REUSE_COPYRIGHT.exec(head.toString('utf8', start, end < 0 ? head.length : end).replace(/\r$/, ''));
    if (m) copyrights.push(scanned.get(line) ?? { text: m[0].replace(REUSE_END, '').trim(), source: 'spdx-tag', file: file.path, line, scope: 'file' });
  }
  return copyrights.length === found.copyrights.length && copyrights.every((c, i) => c === found.copyrights[i]) ? found : detection(found.declarations, copyrights, found.problems);
}

const REUSE_NEEDLES = [Buffer.from('Copyright'), Buffer.from('©')];

/** The byte ranges between REUSE-IgnoreStart and REUSE-IgnoreEnd (to the end, where no end follows). */
function ignoredRanges(head: Buffer): [number, number][] {
  const out: [number, number][] = [];
  for (let from = head.indexOf('REUSE-IgnoreStart'); from >= 0; from = head.indexOf('REUSE-IgnoreStart', from + 1)) {
    const end = head.indexOf('REUSE-IgnoreEnd', from);
    out.push([head.lastIndexOf(0x0a, from) + 1, end < 0 ? head.length : end]);
    if (end < 0) break;
    from = end;
  }
  return out;
}
