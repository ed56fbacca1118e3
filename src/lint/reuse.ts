// `farleft lint --reuse`: the REUSE Specification 3.3 compliance check, with the verdict and
// the counts reuse-tool's `reuse lint` gives: bad, deprecated, extensionless, missing, unused
// and used licenses, read errors, invalid expressions, files with copyright and with license
// information. Pure: it reads the scan, whose precedence already follows REUSE 3.3.
//
// What REUSE reads is what the scan resolved from REUSE sources only (SPDX tags, .license
// sidecars, REUSE.toml, .reuse/dep5), with each id as it was written (`GPL-3.0+`, `mit`), not
// as farleft normalizes it; the scan reads files as reuse-tool does (DetectOptions.asReuse,
// detect/reuse-read.ts): no binary file, no media metadata, tags and notices on any line.
import { byPlace, result, type LintMeta } from './evaluate.js';
import { parsesAsExpression } from '../detect/reuse-read.js';
import { REUSE_SOURCES, licenseTextFiles } from './facts.js';
import { READ_ERROR_CODES } from './rules/read-error.js';
import type { Finding, LintInput, LintResult, LintSettings } from './types.js';

export const REUSE_SPEC_VERSION = '3.3';

export interface ReuseReport {
  readonly spec: typeof REUSE_SPEC_VERSION;
  readonly compliant: boolean;
  /** Id -> files: ids that are neither SPDX ids nor LicenseRef- ids with a text in LICENSES/. */
  readonly badLicenses: Readonly<Record<string, readonly string[]>>;
  readonly deprecatedLicenses: readonly string[];
  /** Id -> LICENSES/ path of a text named without an extension. */
  readonly licensesWithoutExtension: Readonly<Record<string, string>>;
  /** Id -> files that use a license whose text is not in LICENSES/. */
  readonly missingLicenses: Readonly<Record<string, readonly string[]>>;
  readonly unusedLicenses: readonly string[];
  readonly usedLicenses: readonly string[];
  readonly readErrors: readonly string[];
  readonly invalidExpressions: readonly { readonly file: string; readonly line: number | null; readonly message: string }[];
  readonly filesWithoutCopyright: readonly string[];
  readonly filesWithoutLicenses: readonly string[];
  /** Files REUSE reports on (Covered Files that could be read). */
  readonly files: number;
}

/** The REUSE 3.3 report of a scan. With `only`, just those files (what `reuse lint-file` checks). */
export function checkReuse(input: LintInput): ReuseReport {
  const { scan, catalog, only } = input;
  const spdxIds = (id: string): boolean => catalog.get(id)?.spdx === true;

  // LICENSES/: each text's id, as reuse-tool derives it from the file name.
  const licenses = new Map<string, string>();
  const withoutExtension: Record<string, string> = {};
  const known = new Set<string>(); // LicenseRef ids defined by a text
  for (const t of licenseTextFiles(scan, catalog)) {
    const id = t.id;
    if (t.withoutExtension) withoutExtension[id] = t.path;
    if (licenses.has(id)) continue; // reuse-tool stops on two texts for one id; the first one stands
    licenses.set(id, t.path);
    if (id.startsWith('LicenseRef-') && !id.includes('Unknown')) known.add(id);
  }
  const inMap = (id: string): boolean => spdxIds(id) || known.has(id);

  const refused = new Set<string>();
  const bad: Record<string, string[]> = {};
  const missing: Record<string, string[]> = {};
  const used = new Set<string>();
  const add = (into: Record<string, string[]>, id: string, file: string): void => {
    (into[id] ??= []).push(file);
  };
  // A tag farleft refused only because it names no known license (`Foo`) is still an expression
  // to REUSE: its ids are bad (and missing) licenses, and the file has licensing information.
  // A tag that does not parse at all (`MIT OR`) makes reuse-tool drop everything the file says of itself (the
  // detector then gives it nothing: reuse-read.ts); its other tags are no bad licenses either.
  const unknownIds = new Map<string, { value: string; file: string }[]>();
  const unparsed = new Set<string>();
  for (const p of scan.problems) {
    const value = p.code === 'invalid-expression' && p.file !== null ? TAG_VALUE.exec(p.message)?.[1] : undefined;
    if (value === undefined) continue;
    if (!parsesAsExpression(value)) {
      unparsed.add(p.file!);
      continue;
    }
    const target = p.file!.endsWith('.license') ? p.file!.slice(0, -'.license'.length) : p.file!;
    unknownIds.set(target, [...(unknownIds.get(target) ?? []), { value, file: p.file! }]);
    refused.add(`${p.file}:${p.line}`);
  }
  // Files whose own tags REUSE does not read: a REUSE.toml `override` table or a `.license` file speaks for them.
  const sidecars = new Set(scan.files.filter((f) => f.path.endsWith('.license')).map((f) => f.path));
  const overridden = new Set(scan.files.filter((f) => f.declarations.some((d) => d.source === 'reuse-toml' && d.precedence === 'override')).map((f) => f.path));
  const ownIgnored = (path: string): boolean => overridden.has(path) || sidecars.has(`${path}.license`);
  const readErrors = new Set(scan.problems.filter((p) => READ_ERROR_CODES.includes(p.code) && p.file !== null).map((p) => p.file!));
  const withoutCopyright: string[] = [];
  const withoutLicenses: string[] = [];
  let files = 0;
  for (const f of scan.files) {
    if (!f.covered || readErrors.has(f.path) || (only !== null && !only.has(f.path))) continue;
    files++;
    const ids = new Set<string>();
    for (const d of f.declarations) if (REUSE_SOURCES.has(d.source)) for (const id of licenseKeys(d.raw ?? d.expression)) ids.add(id);
    for (const value of unknownIds.get(f.path) ?? [])
      if (!unparsed.has(value.file) && (value.file !== f.path || !ownIgnored(f.path))) for (const id of licenseKeys(value.value)) ids.add(id);
    for (const id of ids) {
      const bare = id.endsWith('+') ? id.slice(0, -1) : id;
      if (!inMap(id) && !inMap(bare)) add(bad, id, f.path);
      if (!licenses.has(id) && !licenses.has(bare)) add(missing, id, f.path);
      used.add(id);
    }
    if (ids.size === 0) withoutLicenses.push(f.path);
    if (f.copyright.length === 0) withoutCopyright.push(f.path);
  }
  // A text in LICENSES/ whose name is not a license id is bad too.
  for (const [id, path] of licenses) if (!inMap(id) && (only === null || only.has(path))) add(bad, id, path);

  const deprecated = [...licenses.keys()].filter((id) => catalog.get(id)?.deprecated === true && (only === null || only.has(licenses.get(id)!)));
  const unused = only === null ? [...licenses.keys()].filter((id) => !used.has(id) && !used.has(`${id}+`)) : [];
  const covered = new Set(scan.files.filter((f) => f.covered).map((f) => f.path));
  const invalid = scan.problems
    .filter((p) => p.code === 'invalid-expression' && p.file !== null && !refused.has(`${p.file}:${p.line}`) && !ownIgnored(p.file) && isReuseFile(p.file, covered) && (only === null || only.has(p.file)))
    .map((p) => ({ file: p.file!, line: p.line, message: p.message }));

  const sortedRecord = (r: Record<string, string[]>): Record<string, string[]> =>
    Object.fromEntries(Object.entries(r).sort(([a], [b]) => cmp(a, b)).map(([k, v]) => [k, [...new Set(v)].sort(cmp)]));
  const report = {
    spec: REUSE_SPEC_VERSION,
    badLicenses: sortedRecord(bad),
    deprecatedLicenses: deprecated.sort(cmp),
    licensesWithoutExtension: Object.fromEntries(Object.entries(withoutExtension).sort(([a], [b]) => cmp(a, b))),
    missingLicenses: sortedRecord(missing),
    unusedLicenses: unused.sort(cmp),
    usedLicenses: [...used].sort(cmp),
    readErrors: [...readErrors].filter((p) => only === null || only.has(p)).sort(cmp),
    invalidExpressions: invalid,
    filesWithoutCopyright: withoutCopyright,
    filesWithoutLicenses: withoutLicenses,
    files,
  } as const;
  const compliant =
    Object.keys(report.badLicenses).length === 0 &&
    report.deprecatedLicenses.length === 0 &&
    Object.keys(report.licensesWithoutExtension).length === 0 &&
    Object.keys(report.missingLicenses).length === 0 &&
    report.unusedLicenses.length === 0 &&
    report.readErrors.length === 0 &&
    report.invalidExpressions.length === 0 &&
    withoutCopyright.length === 0 &&
    withoutLicenses.length === 0;
  return { ...report, compliant };
}

/** How the SPDX tag detector words an invalid tag: the value is between the first quotes. */
const TAG_VALUE = /^invalid SPDX-License-Identifier '(.*)': /s;

/**
 * License and exception ids of a valid expression as written: what is left when
 * parentheses and the operators (any case, as reuse-tool's parser accepts them) are taken out,
 * the words between two of them one id (`GPL 2.0+`, as reuse-tool reads it).
 */
export function licenseKeys(expression: string): string[] {
  const out: string[] = [];
  let symbol: string[] = [];
  const end = (): void => {
    const key = symbol.join(' ');
    if (key && !out.includes(key)) out.push(key);
    symbol = [];
  };
  for (const word of expression.split(/\s+|([()])/)) {
    if (word === undefined || word === '') continue;
    if (word === '(' || word === ')' || /^(?:and|or|with)$/i.test(word)) end();
    else symbol.push(word);
  }
  end();
  return out;
}

/** A problem reported in a covered file or in the sidecar, REUSE.toml or dep5 that licenses files. */
function isReuseFile(path: string, covered: ReadonlySet<string>): boolean {
  return covered.has(path) || path.endsWith('.license') || path === 'REUSE.toml' || path.endsWith('/REUSE.toml') || path === '.reuse/dep5';
}

/** The REUSE report as a lint result: every criterion it fails is an error finding under the rule that matches it. */
export function reuseLintResult(input: LintInput, settings: LintSettings, meta: LintMeta): LintResult {
  const r = checkReuse(input);
  const texts = licenseTextFiles(input.scan, input.catalog);
  const textPath = (id: string): string | null => texts.find((t) => t.id === id)?.path ?? null;
  const findings: Finding[] = [];
  const add = (rule: string, file: string | null, line: number | null, message: string, suggestion: string): void => {
    findings.push({ rule, severity: 'error', file, line, message, suggestion });
  };
  for (const [id, paths] of Object.entries(r.badLicenses))
    for (const p of paths)
      if (p.startsWith('LICENSES/')) add('misnamed-license-text', p, null, `bad license: '${id}' is neither an SPDX id nor LicenseRef-<name>`, 'Rename the text after its SPDX id, or LicenseRef-<name>');
      else add('unknown-license', p, null, `bad license '${id}': not on the SPDX License List, and no LICENSES/ text defines it`, `Use an SPDX id, or add LICENSES/${id}.txt`);
  for (const id of r.deprecatedLicenses) add('deprecated-id', textPath(id), null, `deprecated license: ${id}`, 'Rename the text after the current SPDX id');
  for (const [id, p] of Object.entries(r.licensesWithoutExtension)) add('misnamed-license-text', p, null, `license without file extension: ${id}`, `Rename it ${p}.txt`);
  for (const [id, paths] of Object.entries(r.missingLicenses)) for (const p of paths) add('missing-license-text', p, null, `missing license '${id}': no LICENSES/${id}.<ext>`, `Add the text as LICENSES/${id}.txt`);
  for (const id of r.unusedLicenses) add('unused-license-text', textPath(id), null, `unused license: ${id}`, 'Delete the text, or declare the license in the files it covers');
  for (const p of r.readErrors) add('read-error', p, null, 'could not be read', 'Make the file readable');
  for (const x of r.invalidExpressions) add('invalid-expression', x.file, x.line, x.message, 'Write a valid SPDX expression');
  for (const p of r.filesWithoutLicenses) add('missing-license', p, null, 'no licensing information', 'Add an SPDX-License-Identifier, a .license sidecar or a REUSE.toml annotation');
  for (const p of r.filesWithoutCopyright) add('missing-copyright', p, null, 'no copyright information', 'Add SPDX-FileCopyrightText, in the file, its sidecar or REUSE.toml');
  const base = result(input, { ...settings, failOn: 'error' }, meta, findings.sort(byPlace), 'reuse');
  return { ...base, verdict: r.compliant ? 'pass' : 'fail', reuse: r };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
