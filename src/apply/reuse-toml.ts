// `apply --reuse-toml`: licensing through an annotation in the root REUSE.toml instead of
// headers. A table with the same paths is merged like a header (new holder added, years
// merged, a different license kept unless --replace); otherwise a new table is added:
// first in the file, so existing, more specific tables keep their word (REUSE uses the
// last table that matches a file), or last with --replace, so it wins. The rest of the
// file is kept byte for byte.
import { parse, stringify } from 'smol-toml';
import type { Catalog } from '../catalog/index.js';
import { copyrightStatement } from '../detect/tag-scan.js';
import { declaredExpression } from './request.js';
import type { Problem } from '../types.js';
import { coversYears, formatStatement, holderKey, mergeYears, parseStatement } from './copyright.js';
import type { HeaderRequest } from './plan-file.js';

export type TomlPlan =
  | { readonly status: 'already-done' }
  | { readonly status: 'changed'; readonly bytes: Buffer; readonly replaced: string | null }
  | { readonly status: 'conflict' | 'failed'; readonly problem: Problem };

const FILE = 'REUSE.toml';
const LICENSE_KEY = 'SPDX-License-Identifier';
const COPYRIGHT_KEY = 'SPDX-FileCopyrightText';
const HEADER = /^\s*\[\[\s*["']?annotations["']?\s*\]\]/;

/** The REUSE.toml glob for a path below the root: a folder covers everything in it. */
export function globFor(path: string, isDir: boolean): string {
  const literal = path.replace(/\\/g, '\\\\').replace(/\*/g, '\\*');
  if (!isDir) return literal;
  return literal === '' || literal === '.' ? '**' : `${literal.replace(/\/$/, '')}/**`;
}

export function planReuseToml(existing: Buffer | null, globs: readonly string[], request: HeaderRequest, catalog: Catalog): TomlPlan {
  if (existing === null) return changed(`version = 1\n\n${renderTable(globs, undefined, request.copyright, request.expression, {})}`, null);
  const text = existing.toString('utf8');
  let data: Record<string, unknown>;
  try {
    data = parse(text, { maxDepth: 32, unsafeKeyBehaviour: 'drop' }) as Record<string, unknown>;
  } catch (e) {
    return refuse('failed', 'malformed-reuse-toml', `${FILE} is not valid TOML (${(e as Error).message.split('\n')[0]}); it was not changed`, 'Fix REUSE.toml first (farleft scan names the line)');
  }
  const tables = data.annotations === undefined ? [] : Array.isArray(data.annotations) ? (data.annotations as Record<string, unknown>[]) : null;
  const lines = text.split('\n');
  const headers = lines.flatMap((l, i) => (HEADER.test(l) ? [i] : []));
  if (tables === null || headers.length !== tables.length)
    return refuse('failed', 'reuse-toml-layout', `${FILE} does not write its annotations as [[annotations]] tables, so farleft cannot edit it safely`, 'Rewrite each annotation as an [[annotations]] table, or add the annotation by hand');

  const index = tables.findIndex((t) => sameSet(strings(t.path), globs));
  if (index === -1) {
    const table = renderTable(globs, undefined, request.copyright, request.expression, {});
    if (headers.length === 0) {
      // An empty file (or one of comments) has no version yet, and REUSE reads none without it.
      const version = data.version === undefined ? 'version = 1\n\n' : '';
      return changed(`${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${text.trim() ? '\n' : ''}${version}${table}`, null);
    }
    if (request.replace) return changed(`${text}${text.endsWith('\n') ? '' : '\n'}\n${table}`, null);
    const at = headers[0]!;
    return changed([...lines.slice(0, at), ...table.split('\n'), ...lines.slice(at)].join('\n'), null);
  }

  const table = tables[index]!;
  const licenses = strings(table[LICENSE_KEY]);
  let license = request.expression;
  let replaced: string | null = null;
  if (licenses.length) {
    const current = declaredExpression(licenses, catalog);
    if (current !== request.expression) {
      if (!request.replace)
        return refuse('conflict', 'license-differs', `the ${FILE} annotation for ${globs.join(', ')} declares ${current}, not ${request.expression}; it is left as it is`, `Give --replace to replace ${current} with ${request.expression}`);
      replaced = current;
    } else license = licenses.length === 1 ? licenses[0]! : current;
  }
  const copyrights = strings(table[COPYRIGHT_KEY]);
  const merged = mergeCopyrights(copyrights, request.copyright);
  if (replaced === null && licenses.length && sameList(merged, copyrights)) return { status: 'already-done' };

  const others: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(table)) if (k !== 'path' && k !== 'precedence' && k !== LICENSE_KEY && k !== COPYRIGHT_KEY) others[k] = v;
  const start = headers[index]!;
  let end = headers[index + 1] ?? lines.length;
  while (end > start + 1 && (lines[end - 1]!.trim() === '' || lines[end - 1]!.trim().startsWith('#'))) end--;
  const precedence = typeof table.precedence === 'string' ? table.precedence : undefined;
  const body = renderTable(strings(table.path), precedence, merged, license, others).replace(/\n$/, '').split('\n');
  return changed([...lines.slice(0, start), ...body, ...lines.slice(end)].join('\n'), replaced);
}

/** Statements of a table with the requested ones merged in: years of a known holder merged, new holders added. */
function mergeCopyrights(current: readonly string[], wanted: readonly string[]): string[] {
  const out = [...current];
  for (const want of wanted) {
    const w = parseStatement(want);
    const i = out.findIndex((c) => holderKey(parseStatement(copyrightStatement(c)).holder) === holderKey(w.holder));
    if (i === -1) {
      out.push(want);
      continue;
    }
    const have = parseStatement(copyrightStatement(out[i]!));
    if (have.unreadYears || coversYears(have.years, w.years)) continue;
    out[i] = formatStatement(mergeYears(have.years, w.years), have.holder);
  }
  return out;
}

function renderTable(paths: readonly string[], precedence: string | undefined, copyrights: readonly string[], license: string, others: Record<string, unknown>): string {
  const out = ['[[annotations]]', `path = ${value(paths)}`];
  if (precedence) out.push(`precedence = ${tomlString(precedence)}`);
  if (copyrights.length) out.push(`${COPYRIGHT_KEY} = ${value(copyrights)}`);
  out.push(`${LICENSE_KEY} = ${tomlString(license)}`);
  for (const [k, v] of Object.entries(others)) out.push(stringify({ [k]: v }).trim());
  return `${out.join('\n')}\n`;
}

function value(list: readonly string[]): string {
  return list.length === 1 ? tomlString(list[0]!) : `[${list.map(tomlString).join(', ')}]`;
}

/** A TOML basic string. */
export function tomlString(s: string): string {
  return `"${s.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => (c === '\\' ? '\\\\' : c === '"' ? '\\"' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))}"`;
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function changed(text: string, replaced: string | null): TomlPlan {
  return { status: 'changed', bytes: Buffer.from(text), replaced };
}

function refuse(status: 'conflict' | 'failed', code: string, message: string, suggestion: string): TomlPlan {
  return { status, problem: { code, severity: 'error', file: FILE, line: null, message, suggestion } };
}
