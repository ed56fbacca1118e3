// The one interpreter of license fields for every manifest format. A format file parses
// its file with a real parser and hands each license field over as a FieldValue; this
// module reads it (SPDX expression, marker, license name, file reference, URL, a whole
// license text) into Declarations and Problems, so "Apache 2" means the same thing in a
// package.json as in a gemspec.
//
// Confidence: 1 for a valid SPDX expression or a marker (UNLICENSED, SEE LICENSE IN),
// the name mapper's confidence for a mapped name (0.95 alias or exact name, 0.9 short
// form, 0.8 corrected, 0.5 ambiguous), 0.7 x that for a deprecated license URL, and
// UNKNOWN_CONFIDENCE for a value no mapping reads (declared NOASSERTION, raw kept).
import { parse as parseToml, TomlError } from 'smol-toml';
import { anyOf } from '../../catalog/expression.js';
import { nameToExpression, urlToExpression } from '../../catalog/names.js';
import { combineMatches } from '../license-text/combine.js';
import type { Declaration, Problem, Severity } from '../../types.js';
import { detection, type DetectContext, type Detection, type FileInput } from '../types.js';

export interface FieldValue {
  /** The field as the format names it: `license`, `licenses[0].type`, `project.license`. */
  readonly field: string;
  readonly value: string;
  readonly line?: number | undefined;
  /** `/` between SPDX ids means OR (Cargo before 2018, which crates.io accepted): read with a note, not a warning. */
  readonly slashIsOr?: boolean;
}

/** A license field read into an expression; declared alone or with others (`declare`). */
export interface Reading {
  readonly expression: string;
  readonly confidence: number;
  readonly raw: string;
}

export interface ManifestOutput {
  /** Reads a field holding an SPDX expression or a license name (problems are recorded). */
  read(v: FieldValue): Reading | null;
  /** Reads a field naming the file that holds the license text: `SEE LICENSE IN <file>`. */
  readFile(v: FieldValue): Reading | null;
  /** Reads a (deprecated) license URL; null when it names no known license. */
  readUrl(v: FieldValue): Reading | null;
  /** One declaration: the reading, or the OR of several (a list of licenses offers a choice). */
  declare(field: string, readings: readonly (Reading | null)[], line?: number): void;
  /** read + declare. */
  license(v: FieldValue): void;
  problem(code: string, severity: Severity, line: number | undefined, message: string, suggestion?: string): void;
  /** The file cannot be parsed: an error naming the file, line and column. */
  malformed(line: number | undefined, column: number | undefined, reason: string): void;
}

/** Parses one format and hands its license fields to `out`; never throws on bad input. */
export type ManifestReader = (text: string, out: ManifestOutput) => void;

export const UNKNOWN_CONFIDENCE = 0.3;
/** License fields that say what kind of terms there are, not which: ag-grid-enterprise's "Commercial". */
const KIND_OF_TERMS = /^\s*(?:commercial|custom|other|closed[- ]?source|private|freeware|shareware|various|unknown|see (?:the )?licen[cs]e(?: file)?)(?: (?:licen[cs]e|terms))?\s*$/i;

/** A name with an exception no id fits: above the classifiers (0.95), which would drop the exception. */
const EXCEPTION_UNREAD_CONFIDENCE = 0.96;
const URL_FACTOR = 0.7;
const MARKERS = /^(?:NONE|NOASSERTION|UNLICENSED|SEE LICENSE IN .*)$/;
/** Entries of a list of licenses read at most: a list offers a choice among a few; thousands are hostile or broken. */
export const MAX_LIST_ENTRIES = 64;

/** The first MAX_LIST_ENTRIES entries of a list of licenses, and a warning when there were more. */
export function boundedList<T>(list: readonly T[], field: string, line: number | undefined, out: ManifestOutput): readonly T[] {
  if (list.length <= MAX_LIST_ENTRIES) return list;
  out.problem('license-list-too-long', 'warning', line, `${field} lists ${list.length} licenses; only the first ${MAX_LIST_ENTRIES} were read`, 'Declare one SPDX expression');
  return list.slice(0, MAX_LIST_ENTRIES);
}

export function readManifest(file: FileInput, ctx: DetectContext, reader: ManifestReader): Detection {
  const declarations: Declaration[] = [];
  const problems: Problem[] = [];
  const scope = file.path.includes('/') ? 'package' : 'project';
  const { catalog } = ctx;

  const out: ManifestOutput = {
    problem(code, severity, line, message, suggestion) {
      problems.push({ code, severity, file: file.path, line: line ?? null, message, suggestion: suggestion ?? null });
    },
    malformed(line, column, reason) {
      const at = line ? `:${line}${column ? `:${column}` : ''}` : '';
      out.problem('malformed-manifest', 'error', line, `${file.path}${at}: cannot be parsed: ${reason}`, 'Fix the syntax; no license was read from this file');
    },
    read(v) {
      const raw = v.value.trim();
      if (raw === '') {
        out.problem('empty-license', 'warning', v.line, `${v.field} is empty`, 'Write an SPDX expression, e.g. PPL or MIT');
        return null;
      }
      if (isLicenseText(raw)) return readText(v, raw);
      const n = catalog.normalize(raw);
      if (n.marker) return { expression: n.expression!, confidence: 1, raw };
      if (n.valid && n.expression) {
        for (const note of n.notes) {
          const fix = `Write ${v.field} = "${n.expression}"`;
          if (note.code === 'deprecated-id') out.problem('deprecated-id', 'warning', v.line, note.message, fix);
          else if (note.code === 'alias') out.problem('license-alias', 'note', v.line, note.message, fix);
          else if (note.code === 'id-case') out.problem('id-case', 'note', v.line, note.message, fix);
        }
        return { expression: n.expression, confidence: n.notes.some((x) => x.code === 'alias') ? 0.95 : 1, raw };
      }
      const hit = nameToExpression(raw, catalog);
      // "GPLv2 with linking exception": the license without its exception is stricter than the
      // truth (a wrong "incompatible"), and classifiers, which name no exception, would say the
      // same. Nothing is asserted, above them: the package's license is for a person to read.
      if (/\bexception\b/i.test(raw) && !hit?.expression.includes(' WITH ')) {
        // What the license before "with" reads as alone, to say what a reading without the exception would be.
        const at = raw.search(/\swith\s/i);
        const alone = hit ?? nameToExpression(at < 0 ? raw : raw.slice(0, at), catalog);
        out.problem(
          'non-spdx-declaration',
          'warning',
          v.line,
          `${v.field} is '${raw}', which names an exception farleft cannot identify${alone ? ` (read alone, ${alone.expression} would drop it)` : ''}; declared as NOASSERTION`,
          'Read the package\'s license; declare it as an SPDX expression with its exception, e.g. "GPL-2.0-only WITH GCC-exception-2.0"',
        );
        return { expression: 'NOASSERTION', confidence: EXCEPTION_UNREAD_CONFIDENCE, raw };
      }
      if (hit) {
        const ambiguous = hit.how === 'ambiguous';
        out.problem(
          'non-spdx-declaration',
          v.slashIsOr && slashOfIds(raw) ? 'note' : 'warning',
          v.line,
          `${v.field} is '${raw}', which is not an SPDX expression; ${hit.note ?? `read as ${hit.expression}`}`,
          ambiguous
            ? `Check the license text and write its SPDX expression in ${v.field} (perhaps "${hit.expression}")`
            : `Write ${v.field} = "${hit.expression}"`,
        );
        return { expression: hit.expression, confidence: hit.confidence, raw };
      }
      // "Commercial", "Custom", "Other": a kind of terms, not a name; the ids nearest in spelling (PolyForm-Noncommercial
      // for "Commercial") would only mislead.
      if (KIND_OF_TERMS.test(raw)) {
        out.problem(
          'unknown-license',
          'warning',
          v.line,
          `${v.field} is '${raw}', which says what kind of terms the package has but names no license; declared as NOASSERTION`,
          'Read the package\'s terms; record what you decide as LicenseRef-<name> in a policy exception',
        );
        return { expression: 'NOASSERTION', confidence: UNKNOWN_CONFIDENCE, raw };
      }
      const near = catalog.closest(raw);
      out.problem(
        'unknown-license',
        'warning',
        v.line,
        `${v.field} is '${raw}', which is neither an SPDX expression nor a license name farleft knows; declared as NOASSERTION`,
        near.length
          ? `Write an SPDX expression (closest ids: ${near.join(', ')}), or LicenseRef-<name> for a license SPDX lacks`
          : 'Write an SPDX expression, or LicenseRef-<name> for a license SPDX lacks',
      );
      return { expression: 'NOASSERTION', confidence: UNKNOWN_CONFIDENCE, raw };
    },
    readFile(v) {
      const path = v.value.trim();
      if (path === '') return out.read(v);
      return { expression: `SEE LICENSE IN ${path}`, confidence: 1, raw: path };
    },
    readUrl(v) {
      const url = v.value.trim();
      const hit = url ? urlToExpression(url, catalog) : null;
      if (!hit) {
        out.problem('unresolved-license-url', 'note', v.line, `${v.field} ${url} names no license farleft knows (a URL is not read at scan time)`, 'Declare the license as an SPDX expression');
        return null;
      }
      out.problem('deprecated-license-url', 'note', v.line, `${v.field} is a URL, read as ${hit.expression}`, `Declare the license as an SPDX expression: ${hit.expression}`);
      return { expression: hit.expression, confidence: round(hit.confidence * URL_FACTOR), raw: url };
    },
    declare(field, readings, line) {
      const found = readings.filter((r): r is Reading => r !== null);
      if (found.length === 0) return;
      // Markers and unknowns cannot stand in an OR; a list keeps only what it can combine, each license once.
      const real = found.filter((r) => !MARKERS.test(r.expression));
      const use = real.length > 0 ? [...new Map(real.map((r) => [r.expression, r] as const)).values()] : found.slice(0, 1);
      const leftOut = real.length > 0 ? found.filter((r) => MARKERS.test(r.expression)) : found.slice(1);
      for (const r of leftOut)
        out.problem('license-list', 'note', line, `${field}: '${r.raw}' (${r.expression}) cannot be part of a choice of licenses and is left out`, 'Declare one SPDX expression');
      let expression = use[0]!.expression;
      if (use.length > 1) {
        const joined = catalog.normalize(anyOf(use.map((r) => r.expression)));
        expression = joined.expression ?? use.map((r) => r.expression).join(' OR ');
      }
      const raw = found.length > 1 ? found.map((r) => r.raw).join(' | ') : found[0]!.raw;
      declarations.push({
        expression,
        source: 'manifest',
        file: file.path,
        ...(line !== undefined ? { line } : {}),
        confidence: Math.min(...use.map((r) => r.confidence)),
        scope,
        field,
        ...(raw !== expression ? { raw } : {}),
      });
    },
    license(v) {
      out.declare(v.field, [out.read(v)], v.line);
    },
  };

  /** `MIT/Apache-2.0`: exact SPDX ids (none deprecated) joined by `/`. */
  const slashOfIds = (raw: string): boolean =>
    raw.includes('/') &&
    raw.split('/').every((part) => {
      const n = /^\s*[A-Za-z0-9.+-]+\s*$/.test(part) ? catalog.normalize(part.trim()) : null;
      return n !== null && n.valid && !n.marker && n.notes.length === 0;
    });

  /** A whole license pasted into a field (old setup.py `license=open('LICENSE').read()`). */
  const readText = (v: FieldValue, text: string): Reading | null => {
    const found = combineMatches(ctx.matcher().match(text, { minConfidence: ctx.options.minConfidence }).matches).named;
    if (found.length === 0) {
      out.problem('license-text-in-manifest', 'note', v.line, `${v.field} holds a license text (${text.length} characters), not a license name, and farleft did not recognise it`, `Write an SPDX expression in ${v.field} and keep the text in a LICENSE file`);
      return null;
    }
    const expression = found.map((m) => m.expression).join(' AND ');
    out.problem('license-text-in-manifest', 'note', v.line, `${v.field} holds a license text, recognised as ${expression}`, `Write ${v.field} = "${expression}" and keep the text in a LICENSE file`);
    return { expression, confidence: Math.min(...found.map((m) => m.confidence)), raw: `${text.slice(0, 60)}…` };
  };

  if (!file.complete) {
    out.problem('manifest-too-large', 'warning', undefined, `${file.path} is larger than farleft reads (${file.size} bytes); its license fields were not read`);
    return detection(declarations, [], problems);
  }
  try {
    reader(file.text.replace(/^\uFEFF/, ''), out);
  } catch (error) {
    // A reader validates what it reads; this is the last guard that keeps the scan going.
    out.malformed(undefined, undefined, error instanceof Error ? error.message : String(error));
  }
  return detection(declarations, [], problems);
}

function isLicenseText(value: string): boolean {
  return value.length > 300 || value.split('\n').length > 3;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

// ---------------------------------------------------------------- positions

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** JSON.parse, or undefined once a malformed text is reported with its line and column. */
export function parseManifestJson(text: string, out: ManifestOutput): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const at = jsonErrorAt(text, error);
    out.malformed(at.line, at.column, at.reason);
    return undefined;
  }
}

/** Line and column of a JSON.parse error (V8 gives a position, or a snippet of context, or "end of input"). */
export function jsonErrorAt(text: string, error: unknown): { line: number; column: number; reason: string } {
  const message = error instanceof Error ? error.message : String(error);
  let pos = Number(/at position (\d+)/.exec(message)?.[1] ?? NaN);
  if (Number.isNaN(pos) && /end of JSON input/.test(message)) pos = text.trimEnd().length;
  if (Number.isNaN(pos)) {
    // `Unexpected token 'M', ..."license": MIT..." is not valid JSON`: find the snippet.
    const m = /^Unexpected token '(.)', (\.\.\.)?"([\s\S]*?)(?:\.\.\.)?" is not valid JSON/.exec(message);
    const at = m ? text.indexOf(m[3]!) : -1;
    if (m && at >= 0) pos = at + (m[2] ? Math.max(0, m[3]!.indexOf(m[1]!, 9)) : Math.max(0, m[3]!.indexOf(m[1]!)));
  }
  if (Number.isNaN(pos)) return { line: 1, column: 1, reason: message };
  const line = lineAt(text, pos);
  const column = pos - text.lastIndexOf('\n', pos - 1);
  return { line, column, reason: message.replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?/, '').replace(/, (?:\.\.\.)?"[\s\S]*" is not valid JSON$/, '') };
}

/**
 * Lines of some keys of a JSON document's top-level object, found by one pass that skips
 * strings and tracks depth (a "license" key inside a nested object is not the field). The
 * pass stops once every key asked for is found: a license is near the top of most manifests.
 */
export function jsonKeyLines(text: string, keys: readonly string[]): Map<string, number> {
  // A key written once in the whole document is the top-level one the caller asks for (it knows
  // the field is there: a string cannot hold an unescaped quote, so "license": is a key). Found by
  // indexOf, natively: a dependency audit asks this of a thousand package.json files, mostly cold.
  const once = new Map<string, number>();
  for (const key of keys) {
    const at = onlyKeyAt(text, key);
    if (at < 0) break;
    once.set(key, lineAt(text, at));
  }
  if (once.size === keys.length) return once;
  const lines = new Map<string, number>();
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length && lines.size < keys.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    else if (c === 0x7b || c === 0x5b) depth++; // { [
    else if (c === 0x7d || c === 0x5d) depth--; // } ]
    else if (c === 0x22) {
      const start = i;
      i = stringEnd(text, i);
      if (depth === 1 && colonAfter(text, i + 1)) {
        const key = safeJson(text.slice(start, i + 1));
        if (typeof key === 'string' && keys.includes(key) && !lines.has(key)) lines.set(key, line);
      }
    }
  }
  return lines;
}

/** Where `"key"` stands as a key (a colon after it), if it does exactly once in the text; else -1. */
function onlyKeyAt(text: string, key: string): number {
  const quoted = `"${key}"`;
  let found = -1;
  for (let at = text.indexOf(quoted); at >= 0; at = text.indexOf(quoted, at + quoted.length)) {
    if (!colonAfter(text, at + quoted.length)) continue; // a value, not a key
    if (found >= 0) return -1;
    found = at;
  }
  return found;
}

/** Whether a colon follows offset `at`, after JSON's white space: the string that ends there is a key. */
function colonAfter(text: string, at: number): boolean {
  let i = at;
  for (let c = text.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = text.charCodeAt(++i));
  return text.charCodeAt(i) === 0x3a;
}

/** The offset of the quote that closes the JSON string opening at `open` (the text's length if none does). */
function stringEnd(text: string, open: number): number {
  for (let q = text.indexOf('"', open + 1); q >= 0; q = text.indexOf('"', q + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return q;
  }
  return text.length;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/**
 * Line of `key = ...` inside TOML table `[table]` (or written `table.key = ...` at the top, or
 * as a dotted key `key.sub = ...`). A line scan: smol-toml gives values, not positions.
 */
export function tomlKeyLine(text: string, table: string, key: string): number | undefined {
  const lines = text.split('\n');
  let current = '';
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l.startsWith('[')) {
      current = l.slice(1, l.indexOf(']') >>> 0).replace(/^\[/, '').replace(/["'\s]/g, '');
      continue;
    }
    const k = /^([A-Za-z0-9_.'"-]+?)\s*=/.exec(l)?.[1]?.replace(/["']/g, '');
    if (!k) continue;
    const full = current ? `${current}.${k}` : k;
    if (full === `${table}.${key}` || full.startsWith(`${table}.${key}.`)) return i + 1;
  }
  return undefined;
}

/** A TOML document, or null after reporting where it is malformed. */
export function readToml(text: string, out: ManifestOutput): Record<string, unknown> | null {
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) out.malformed(error.line, error.column, error.message.split('\n')[0]!);
    else out.malformed(undefined, undefined, error instanceof Error ? error.message : String(error));
    return null;
  }
}

/** The value at a dotted path of parsed data (`workspace.package`), or undefined. */
export function at(data: unknown, path: string): unknown {
  let v = data;
  for (const k of path.split('.')) v = isRecord(v) && Object.hasOwn(v, k) ? v[k] : undefined;
  return v;
}

/** Line of the first occurrence of `needle` (a classifier, a header) at or after `from`, or undefined. */
export function lineOf(text: string, needle: string, from = 0): number | undefined {
  const i = text.indexOf(needle, from);
  return i === -1 ? undefined : lineAt(text, i);
}

/** A string value or undefined, for reading parsed data of unknown shape. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
