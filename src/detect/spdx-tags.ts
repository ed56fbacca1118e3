// The spdx-tag detector: a file's SPDX and REUSE tags (read by the tag scanner, tag-scan.ts) as
// declarations, copyright notices and problems: an invalid or deprecated expression, a tag that is
// code, an unclosed snippet or ignore block.
import type { CopyrightNotice, Declaration, Problem, Scope, Source } from '../types.js';
import { clip } from '../problems.js';
import { parsesAsExpression, readAsReuseTool } from './reuse-read.js';
import { MAX_TAGS, scanFileTags, type TagScan } from './tag-scan.js';
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
  detect: (file, ctx) => fileTags(file, 'spdx-tag', ctx),
};

/** A file's tags as a detection: as farleft reads them, or (lint --reuse) as reuse-tool does. */
export function fileTags(file: FileInput, source: Extract<Source, 'spdx-tag' | 'sidecar'>, ctx: DetectContext): Detection {
  return ctx.options.asReuse ? asReuseTool(file, source, ctx) : tagsToDetection(scanFileTags(file), file.path, source, ctx);
}

/**
 * lint --reuse counts what reuse-tool reads: nothing in a binary file (since 3.0.1); in a text file, its license tags and
 * copyright notices as reuse-tool extracts them (reuse-read.ts).
 */
function asReuseTool(file: FileInput, source: Extract<Source, 'spdx-tag' | 'sidecar'>, ctx: DetectContext): Detection {
  if (file.kind !== 'text') return EMPTY_DETECTION;
  const read = readAsReuseTool(file);
  const found = tagsToDetection({ tags: read.licenses, snippets: [], rejected: [], unclosedIgnore: null, tooMany: null }, file.path, source, ctx);
  // A value reuse-tool cannot parse makes it skip the file: nothing the file says counts (a REUSE.toml's may), only the error.
  if (read.licenses.some((t) => t.value !== '' && !parsesAsExpression(t.value)))
    return detection([], [], found.problems.filter((p) => p.code === 'invalid-expression'));
  const copyrights = read.copyrights.map((c): CopyrightNotice => ({ text: c.text, source, file: file.path, line: c.line, scope: 'file' }));
  return detection(found.declarations, copyrights, found.problems);
}
