// REUSE.toml (REUSE 3.3, version 1): `[[annotations]]` tables that give licensing to the
// files their `path` globs match, relative to the REUSE.toml's folder. This detector only
// reads and checks the file; src/project matches the globs and applies precedence.
import { parse, TomlError } from 'smol-toml';
import type { CopyrightNotice, Declaration, Precedence, Problem, Source } from '../types.js';
import { copyrightStatement } from './tag-scan.js';
import { detection, type Annotation, type DetectContext, type Detection, type Detector, type FileInput } from './types.js';

/** REUSE.toml files are small; past this many characters one is refused rather than parsed. */
const MAX_CHARS = 32 * 1024 * 1024;
const PRECEDENCES: readonly Precedence[] = ['closest', 'aggregate', 'override'];
const LICENSE_KEY = 'SPDX-License-Identifier';
const COPYRIGHT_KEY = 'SPDX-FileCopyrightText';
// Where a key of a table is written (bare or quoted), to point problems at its line.
const KEY_LINES: Record<string, RegExp> = Object.fromEntries(
  ['path', 'precedence', LICENSE_KEY, COPYRIGHT_KEY].map((k) => [k, new RegExp(`^\\s*["']?${k}["']?\\s*=`)]),
);

export const detector: Detector = {
  name: 'reuse-toml',
  accepts: (path) => path === 'REUSE.toml' || path.endsWith('/REUSE.toml'),
  detect: (file, ctx) => readReuseToml(file, ctx),
};

function readReuseToml(file: FileInput, ctx: DetectContext): Detection {
  const problems: Problem[] = [];
  const problem = (code: string, line: number | null, message: string, suggestion: string | null, severity: Problem['severity'] = 'error'): void => {
    problems.push({ code, severity, file: file.path, line, message, suggestion });
  };
  const text = wholeText(file);
  if (text === null) {
    problem('malformed-reuse-toml', null, `${file.path} is not a UTF-8 text file of reasonable size, so it is not read`, 'Write REUSE.toml as UTF-8 TOML');
    return detection([], [], problems);
  }

  let data: Record<string, unknown>;
  try {
    data = parse(text, { integersAsBigInt: true, maxDepth: 32, unsafeKeyBehaviour: 'drop' }) as Record<string, unknown>;
  } catch (error) {
    const line = error instanceof TomlError ? error.line : null;
    const why = error instanceof Error ? error.message.split('\n')[0]!.replace(/^Invalid TOML document:\s*/, '').replace(/(?<![.\s])[.\s]+$/, '') : String(error);
    problem('malformed-reuse-toml', line, `${file.path} is not valid TOML: ${why}; none of its annotations apply`, 'Fix the TOML syntax (https://toml.io/en/v1.0.0)');
    return detection([], [], problems);
  }

  const lines = text.split('\n');
  const version = data.version;
  if (version === undefined)
    problem('invalid-reuse-toml', 1, `${file.path} has no version key`, 'Add `version = 1` at the top (REUSE 3.3 requires it)');
  else if (version !== 1n) {
    const shown = typeof version === 'string' ? JSON.stringify(version) : typeof version === 'number' && Number.isInteger(version) ? version.toFixed(1) : String(version);
    problem('invalid-reuse-toml', findLine(lines, /^\s*version\s*=/, 0, lines.length) ?? 1, `${file.path} says version = ${shown}; REUSE 3.3 defines only version 1 (an integer); read as version 1`, 'Write `version = 1`');
  }

  const tables = data.annotations;
  if (tables === undefined) return detection([], [], problems, []);
  if (!Array.isArray(tables)) {
    problem('invalid-reuse-toml', findLine(lines, /^\s*annotations\s*=/, 0, lines.length) ?? 1, `'annotations' in ${file.path} is not a list of tables`, 'Write each annotation as an [[annotations]] table');
    return detection([], [], problems, []);
  }

  const base = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '';
  const headers = tableLines(lines);
  const fallback = findLine(lines, /^\s*annotations\s*=/, 0, lines.length) ?? 1;
  const annotations: Annotation[] = [];
  tables.forEach((table: unknown, i: number) => {
    const line = headers[i] ?? fallback;
    const end = headers[i + 1] ?? lines.length + 1;
    const keyLine = (key: string): number => findLine(lines, KEY_LINES[key]!, line - 1, end - 1) ?? line;
    if (typeof table !== 'object' || table === null || Array.isArray(table)) {
      problem('invalid-reuse-toml', line, `annotation ${i + 1} in ${file.path} is not a table`, 'Write each annotation as an [[annotations]] table');
      return;
    }
    const t = table as Record<string, unknown>;

    const paths: string[] = [];
    for (const p of strings(t.path, () => problem('invalid-reuse-toml', keyLine('path'), `'path' of the annotation at line ${line} holds a value that is not a string; that value is ignored`, 'Write path as a string or a list of strings'))) {
      if (escapes(p)) problem('reuse-path-outside', keyLine('path'), `path '${p}' points outside ${base || 'the project root'}; it is ignored`, `A REUSE.toml covers only its own folder and below: move the entry to a REUSE.toml higher up`);
      else paths.push(p);
    }
    if (t.path === undefined) {
      problem('invalid-reuse-toml', line, `the annotation at line ${line} of ${file.path} has no 'path'; it is ignored`, "Add path = \"<glob>\" to the table");
      return;
    }
    if (paths.length === 0) return;

    let precedence: Precedence = 'closest';
    if (t.precedence !== undefined) {
      if (PRECEDENCES.includes(t.precedence as Precedence)) precedence = t.precedence as Precedence;
      else problem('invalid-reuse-toml', keyLine('precedence'), `precedence ${JSON.stringify(String(t.precedence))} is not one of closest, aggregate, override; read as closest`, 'Write precedence = "closest", "aggregate" or "override"');
    }

    // Items of a list are found in order, a few lines at most past the previous one (linear time).
    const locate = (keyAt: number): ((raw: string) => number) => {
      let cursor = keyAt - 1;
      return (raw) => {
        const at = findLine(lines, literal(raw), cursor, Math.min(end - 1, cursor + 64));
        if (at !== null) cursor = at - 1;
        return cursor + 1;
      };
    };

    const where = { file: file.path, source: 'reuse-toml' as const, precedence, field: LICENSE_KEY };
    const declarations: Declaration[] = [];
    const licenseLine = keyLine(LICENSE_KEY);
    const licenseAt = locate(licenseLine);
    const seen = new Set<string>();
    for (const raw of strings(t[LICENSE_KEY], () => problem('invalid-reuse-toml', licenseLine, `${LICENSE_KEY} holds a value that is not a string`, 'Write a string or a list of strings'))) {
      const d = readExpression(raw, ctx, { ...where, line: licenseAt(raw) }, problems, (e) => `Write: ${LICENSE_KEY} = "${e}"`);
      if (d && !seen.has(d.expression)) declarations.push(d);
      if (d) seen.add(d.expression);
    }
    const copyrights: CopyrightNotice[] = [];
    const copyrightLine = keyLine(COPYRIGHT_KEY);
    const copyrightAt = locate(copyrightLine);
    seen.clear();
    for (const raw of strings(t[COPYRIGHT_KEY], () => problem('invalid-reuse-toml', copyrightLine, `${COPYRIGHT_KEY} holds a value that is not a string`, 'Write a string or a list of strings'))) {
      const value = copyrightStatement(raw);
      const at = copyrightAt(raw);
      if (value && !seen.has(value)) copyrights.push({ text: value, source: 'reuse-toml', file: file.path, line: at, scope: 'glob', precedence });
      seen.add(value);
    }
    annotations.push({ source: 'reuse-toml', file: file.path, line, base, paths, precedence, declarations, copyrights });
  });
  return detection([], [], problems, annotations);
}

/** The whole text, or null for a binary or oversized file. */
function wholeText(file: FileInput): string | null {
  if (file.kind === 'binary') return null;
  if (file.complete) return file.text;
  const chunks = [file.text];
  let size = file.text.length;
  for (const chunk of file.rest()) {
    size += chunk.length;
    if (size > MAX_CHARS) return null;
    chunks.push(chunk);
  }
  return chunks.join('');
}

/** A string, or the strings of a list; `onBad` is told about anything else. */
function strings(value: unknown, onBad: () => void): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) {
    const out = value.filter((v): v is string => typeof v === 'string');
    if (out.length !== value.length) onBad();
    return out;
  }
  onBad();
  return [];
}

/** A path that leaves the REUSE.toml's folder: absolute, a drive, or a `..` segment. */
function escapes(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.split('/').includes('..');
}

/** 1-based line numbers of the `[[annotations]]` headers, in order. */
function tableLines(lines: readonly string[]): number[] {
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (/^\s*\[\[\s*["']?annotations["']?\s*\]\]/.test(l)) out.push(i + 1);
  });
  return out;
}

/** The 1-based number of the first line in [from, to) (0-based) that matches. */
function findLine(lines: readonly string[], pattern: RegExp | string, from: number, to: number): number | null {
  for (let i = Math.max(0, from); i < Math.min(to, lines.length); i++) {
    const l = lines[i]!;
    if (typeof pattern === 'string' ? l.includes(pattern) : pattern.test(l)) return i + 1;
  }
  return null;
}

/** How a value is most likely written in the TOML source (for finding its line). */
function literal(value: string): string {
  return value.includes('\\') || value.includes('"') ? value.replace(/\\/g, '\\\\').replace(/"/g, '\\"') : value;
}

/** A copyright notice without its prefix (tag, "Copyright", ©, (C)), as REUSE keeps the statement. */

export interface DeclarationSite {
  readonly file: string;
  readonly line: number;
  readonly source: Extract<Source, 'reuse-toml' | 'dep5'>;
  readonly precedence: Precedence;
  readonly field: string;
}

/**
 * Normalizes one license expression of a REUSE.toml table or dep5 paragraph into a
 * Declaration (scope 'glob'), or reports why it cannot (null). `fix` writes the corrected
 * line in the file's own syntax.
 */
export function readExpression(raw: string, ctx: DetectContext, where: DeclarationSite, problems: Problem[], fix: (expression: string) => string): Declaration | null {
  const problem = (code: string, severity: Problem['severity'], message: string, suggestion: string | null): void => {
    problems.push({ code, severity, file: where.file, line: where.line, message, suggestion });
  };
  const value = raw.trim();
  const result = ctx.catalog.normalize(value);
  if (!result.valid || result.expression === null) {
    const why = result.notes.map((n) => n.message).join('; ') || `'${value}' is not a valid SPDX expression`;
    problem(
      'invalid-expression',
      'error',
      `invalid ${where.field} '${value}': ${why}`,
      result.suggestion ? fix(result.suggestion) : 'Use an SPDX license expression (https://spdx.org/licenses/), or LicenseRef-<name> for a license SPDX lacks',
    );
    return null;
  }
  for (const note of result.notes) {
    if (note.code === 'deprecated-id') problem('deprecated-id', 'warning', note.message, fix(result.expression));
    else if (note.code === 'alias') problem('license-alias', 'note', note.message, fix(result.expression));
    else if (note.code === 'id-case') problem('id-case', 'note', note.message, fix(result.expression));
  }
  return {
    expression: result.expression,
    source: where.source,
    file: where.file,
    line: where.line,
    confidence: 1,
    scope: 'glob',
    field: where.field,
    precedence: where.precedence,
    ...(result.expression !== value ? { raw: value } : {}),
  };
}
