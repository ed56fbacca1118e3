// What the user asked apply (and init) to write, checked before anything is touched: the
// license expression, the copyright statements, the years and the header template. Every
// problem here is a usage error (exit 2) and nothing is written.
import { readFileSync } from 'node:fs';
import type { Catalog } from '../catalog/index.js';
import { copyrightStatement } from '../detect/tag-scan.js';
import { UsageError } from '../errors.js';
import { andAll } from '../project/index.js';
import { formatStatement, parseStatement, parseYears } from './copyright.js';

export interface LicenseChoice {
  /** The normalized SPDX expression. */
  readonly expression: string;
  /** License and exception ids in it, in order. */
  readonly ids: readonly string[];
  /** How the input was read, when it was not written canonically ("LicenseRef-PPL is read as PPL"). */
  readonly notes: readonly string[];
}

/** Reads `--license`: a valid expression whose ids farleft knows (or LicenseRef- ids with allowUnknown). */
export function chooseLicense(raw: string, catalog: Catalog, allowUnknown: boolean): LicenseChoice {
  const result = catalog.normalize(raw);
  if (result.marker) throw new UsageError(`--license ${quote(raw)}: ${result.marker} is not a license to apply`, 'Give an SPDX license expression, e.g. --license PPL');
  if (!result.valid || result.expression === null) {
    const why = result.notes.map((n) => n.message).join('; ') || 'not a valid SPDX expression';
    const near = result.suggestion ? [result.suggestion] : closestIds(raw, catalog);
    throw new UsageError(`--license ${quote(raw)} is not a valid SPDX expression: ${why}`, near.length ? `Did you mean: ${near.join(', ')}?` : 'See `farleft licenses list` for the ids farleft knows');
  }
  for (const id of result.ids) {
    if (catalog.get(id)) continue;
    const near = catalog.closest(id.replace(/^LicenseRef-/, ''));
    if (!allowUnknown)
      throw new UsageError(
        `--license: ${id} is neither an SPDX id nor in farleft's catalog`,
        `${near.length ? `Closest known ids: ${near.join(', ')}. ` : ''}To use a license of your own, name it LicenseRef-<name> and give --allow-unknown (with --license-text for its text)`,
      );
    if (!id.startsWith('LicenseRef-') && !id.includes(':LicenseRef-'))
      throw new UsageError(`--license: ${id} is unknown; --allow-unknown takes only LicenseRef- ids`, near.length ? `Closest known ids: ${near.join(', ')}` : undefined);
  }
  const notes = result.notes.filter((n) => n.code !== 'invalid-expression').map((n) => n.message);
  return { expression: result.expression, ids: result.ids, notes };
}

function closestIds(raw: string, catalog: Catalog): string[] {
  const out: string[] = [];
  for (const word of raw.split(/[\s()]+/)) {
    if (!word || /^(?:AND|OR|WITH)$/i.test(word)) continue;
    for (const id of catalog.closest(word)) if (!out.includes(id)) out.push(id);
  }
  return out.slice(0, 5);
}

/** The license a file or annotation already declares, as one expression: its values normalized and joined with AND, or as written when one is not valid. */
export function declaredExpression(values: readonly string[], catalog: Catalog): string {
  const normalized = values.map((v) => catalog.normalize(v));
  return normalized.every((n) => n.valid && n.expression) ? andAll(normalized.map((n) => n.expression!))! : values.join(' AND ');
}

/**
 * The copyright statements to write, without their prefix words; `year` (e.g. "2024-2026")
 * replaces the years each statement names.
 */
export function chooseCopyright(raw: readonly string[], year: string | undefined): string[] {
  let years: number[] | null = null;
  if (year !== undefined) {
    years = parseYears(year.trim());
    if (!years || !/^[\d\s,–-]+$/.test(year)) throw new UsageError(`--year ${quote(year)} is not a year, a range (2024-2026) or a list of those`);
  }
  const out: string[] = [];
  for (const r of raw) {
    if (/[\u0000-\u001f\u007f]/.test(r)) throw new UsageError(`--copyright ${quote(r)} holds a line break or a control character`, 'Give each holder as its own --copyright');
    const statement = copyrightStatement(r);
    if (statement === '' || statement.length > 300) throw new UsageError(`--copyright ${quote(r)} is ${statement === '' ? 'empty' : 'longer than 300 characters'}`, 'Write the years and the holder, e.g. --copyright "2026 Example Collective"');
    const parsed = parseStatement(statement);
    const text = years ? formatStatement(years, parsed.unreadYears ? statement : parsed.holder) : statement;
    if (!out.includes(text)) out.push(text);
  }
  return out;
}

export interface TemplateValues {
  readonly license: string;
  /** The expression with license names for ids ("Peer Production License or ..."). */
  readonly names: string;
  readonly copyright: readonly string[];
}

/** Built-in templates: extra lines after the tags. */
export const TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  notice: ['This file is part of a work licensed under {names}.', 'The full license text is in the LICENSES folder.'],
};

const MAX_TEMPLATE_LINES = 20;
const MAX_TEMPLATE_LINE = 200;
const PLACEHOLDER = /\{([a-z]{1,20})\}/g;

/** The lines of `--template NAME|FILE`, placeholders filled in. */
export function renderTemplate(nameOrFile: string, values: TemplateValues): string[] {
  let lines = Object.hasOwn(TEMPLATES, nameOrFile) ? [...TEMPLATES[nameOrFile]!] : null;
  if (!lines) {
    let text: string;
    try {
      text = readFileSync(nameOrFile, 'utf8');
    } catch {
      throw new UsageError(`--template ${quote(nameOrFile)} is neither a built-in template (${Object.keys(TEMPLATES).join(', ')}) nor a readable file`);
    }
    lines = text.replace(/\r\n/g, '\n').replace(/(?<!\n)\n+$/, '').split('\n');
  }
  if (lines.length > MAX_TEMPLATE_LINES) throw new UsageError(`--template: at most ${MAX_TEMPLATE_LINES} lines, not ${lines.length}`);
  const fill: Record<string, string> = { license: values.license, names: values.names, copyright: values.copyright.join(', ') };
  return lines.map((line, i) => {
    if (line.length > MAX_TEMPLATE_LINE || /[\u0000-\u0008\u000b-\u001f\u007f]/.test(line))
      throw new UsageError(`--template line ${i + 1} is longer than ${MAX_TEMPLATE_LINE} characters or holds a control character`);
    return line.replace(PLACEHOLDER, (whole, key: string) => {
      if (!Object.hasOwn(fill, key)) throw new UsageError(`--template line ${i + 1}: unknown placeholder ${whole}`, 'Known placeholders: {license}, {names}, {copyright}');
      return fill[key]!;
    }).trimEnd();
  });
}

/** "PPL OR CC-BY-NC-SA-4.0" -> "Peer Production License or Creative Commons ...". */
export function licenseNames(expression: string, catalog: Catalog): string {
  return expression.replace(/[^\s()]+/g, (word) => (/^(?:AND|OR|WITH)$/.test(word) ? word.toLowerCase() : (catalog.get(word)?.name ?? word)));
}

function quote(s: string): string {
  return JSON.stringify(s);
}
