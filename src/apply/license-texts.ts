// LICENSES/<id>.txt for every license and exception in the expression (REUSE 3.3). SPDX
// texts come from the spdx-license-list package, so they are there offline; a license SPDX
// lacks (CNPL, ACSL, NVPL...) takes its text from `--license-text`, checked against the
// catalog's SHA-256. A different text already in LICENSES/ is kept unless --replace; one the
// scan reads as the same license (another edition of SPDX's text, rewrapped) is that text.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { exceptionText } from '../catalog/exception-texts.js';
import type { Catalog } from '../catalog/index.js';
import type { DetectContext } from '../detect/types.js';
import { UsageError } from '../errors.js';
import type { Problem } from '../types.js';
import { unifiedDiff } from './diff.js';
import type { LicenseTextOutcome } from './types.js';
import { ioProblem, readForWrite, writeAtomic, type Snapshot } from './write.js';

/** 'unused': not written, because no file carries the license (every file was left alone). */
export type LicenseTextStatus = 'written' | 'exists' | 'replaced' | 'differs' | 'missing' | 'failed' | 'unused';

export interface LicenseTextPlan {
  readonly id: string;
  /** Relative path under the root (LICENSES/<id>.txt, or the existing file for that id). */
  readonly path: string;
  /** What happens (or happened): 'written' and 'replaced' mean `bytes` are to be written. */
  readonly status: LicenseTextStatus;
  /** Where the text comes from. */
  readonly source: 'spdx-license-list' | 'file' | 'header' | null;
  /** For a text from a file's header: that file. */
  readonly from?: string;
  readonly bytes: Buffer | null;
  /** The existing file's snapshot, for 'replaced'. */
  readonly snapshot: Snapshot | null;
  /** The existing text, for a diff of 'replaced'. */
  readonly before: Buffer | null;
  readonly problems: readonly Problem[];
}

/** Texts given for ids: by --license-text (a file), or found word for word in a header apply read (an exception SPDX gives no text of offline). */
export type GivenTexts = ReadonlyMap<string, { readonly file: string; readonly bytes: Buffer; readonly header?: true }>;

const require = createRequire(import.meta.url);

/**
 * Reads `--license-text [ID=]FILE` values. A bare FILE is the text of the one id in the
 * expression that has no text offline (or of the only id).
 */
export function readGivenTexts(values: readonly string[], ids: readonly string[], catalog: Catalog): Map<string, { file: string; bytes: Buffer; header?: true }> {
  const out = new Map<string, { file: string; bytes: Buffer; header?: true }>();
  for (const value of values) {
    const eq = value.indexOf('=');
    const named = eq > 0 ? catalog.resolve(value.slice(0, eq))?.entry.id ?? (ids.includes(value.slice(0, eq)) ? value.slice(0, eq) : null) : null;
    let id: string;
    let file: string;
    if (named) {
      if (!ids.includes(named)) throw new UsageError(`--license-text ${value}: ${named} is not in the license expression (${ids.join(', ')})`);
      id = named;
      file = value.slice(eq + 1);
    } else {
      const without = ids.filter((i) => spdxText(i) === null);
      const candidates = ids.length === 1 ? ids : without;
      if (candidates.length !== 1)
        throw new UsageError(`--license-text ${value}: say which license it is the text of`, `Write --license-text ID=FILE, ID one of: ${(without.length ? without : ids).join(', ')}`);
      id = candidates[0]!;
      file = value;
    }
    try {
      out.set(id, { file, bytes: readFileSync(file) });
    } catch (e) {
      throw new UsageError(`--license-text: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  return out;
}

/** The text of an SPDX license or exception from spdx-license-list, or null (most exceptions and newer ids are not in it). */
export function spdxText(id: string): string | null {
  if (!/^[A-Za-z0-9.+-]+$/.test(id)) return null;
  try {
    const entry = require(`spdx-license-list/licenses/${id}.json`) as { licenseText?: string };
    return typeof entry.licenseText === 'string' && entry.licenseText.trim() ? entry.licenseText : null;
  } catch {
    return exceptionText(id);
  }
}

/**
 * Plans LICENSES/ for `ids` under `root` (nothing is written here). `detect` (the run's, whose matcher and
 * confidence the scan uses) reads a text already there whose words are not SPDX's own.
 */
export function planLicenseTexts(root: string, ids: readonly string[], catalog: Catalog, given: GivenTexts, replace: boolean, detect: DetectContext): LicenseTextPlan[] {
  const existing = listLicenses(root);
  return ids.map((id) => {
    const g = given.get(id);
    const p = planOne(root, id, catalog, g, existing.get(id) ?? null, replace, detect);
    return g?.header && p.source === 'header' ? { ...p, from: g.file } : p;
  });
}

function planOne(
  root: string,
  id: string,
  catalog: Catalog,
  given: { readonly file: string; readonly bytes: Buffer; readonly header?: true } | undefined,
  existingName: string | null,
  replace: boolean,
  detect: DetectContext,
): LicenseTextPlan {
  const entry = catalog.get(id);
  const problems: Problem[] = [];
  const path = `LICENSES/${existingName ?? `${id}.txt`}`;
  let text: Buffer | null = null;
  let source: LicenseTextPlan['source'] = null;
  if (given?.header) {
    // The words the matcher named as the exception, as the header has them: nothing to check them against.
    text = given.bytes;
    source = 'header';
  } else if (given) {
    text = given.bytes;
    source = 'file';
    const expected = entry?.sha256 ?? null;
    if (expected === null)
      problems.push(note('license-text-unchecked', 'note', path, `farleft has no checksum for ${id}, so ${given.file} was not checked`, null));
    else if (!matchesChecksum(text, expected))
      problems.push(
        note(
          'license-text-checksum',
          'warning',
          path,
          `${given.file} is not the text farleft knows for ${id} (SHA-256 ${sha256(text).slice(0, 12)}…, expected ${expected.slice(0, 12)}…); it is used as given`,
          `Compare it with ${entry?.url ?? 'the canonical text'}${entry?.textSource && entry.textSource !== 'spdx-license-list' ? ` (farleft's checksum is of: ${entry.textSource})` : ''}`,
        ),
      );
  } else {
    const spdx = spdxText(id);
    if (spdx !== null) {
      text = Buffer.from(spdx.endsWith('\n') ? spdx : `${spdx}\n`);
      source = 'spdx-license-list';
    }
  }

  if (existingName !== null) {
    const abs = join(root, path);
    let current: { bytes: Buffer; snapshot: Snapshot };
    try {
      current = readForWrite(abs, 16 * 1024 * 1024);
    } catch {
      return plan(id, path, 'exists', source, null, null, null, problems);
    }
    if (text === null || sameWords(current.bytes, text) || (source !== 'file' && holdsText(current.bytes, id, detect))) return plan(id, path, 'exists', source, null, null, null, problems);
    if (!replace) {
      problems.push(note('license-text-differs', 'warning', path, `${path} differs from the ${source === 'file' ? 'given' : 'SPDX'} text of ${id}; it is kept`, 'Give --replace to overwrite it'));
      return plan(id, path, 'differs', source, null, null, null, problems);
    }
    return plan(id, path, 'replaced', source, text, current.snapshot, current.bytes, problems);
  }
  if (text === null) {
    const url = entry?.url ?? (entry?.spdx ? `https://spdx.org/licenses/${id}.html` : null);
    problems.push(
      note(
        'missing-license-text',
        'error',
        path,
        `no text of ${id} is available offline, so ${path} was not written`,
        `Save the text of ${id}${url ? ` from ${url}` : ''} to a file and give --license-text ${id}=FILE (or save it as ${path})`,
      ),
    );
    return plan(id, path, 'missing', null, null, null, null, problems);
  }
  return plan(id, path, 'written', source, text, null, null, problems);
}

function plan(id: string, path: string, status: LicenseTextStatus, source: LicenseTextPlan['source'], bytes: Buffer | null, snapshot: Snapshot | null, before: Buffer | null, problems: Problem[]): LicenseTextPlan {
  return { id, path, status, source, bytes, snapshot, before, problems };
}

/** LICENSES/<id>.<ext> files by id (REUSE allows any extension). */
function listLicenses(root: string): Map<string, string> {
  const out = new Map<string, string>();
  let names: string[];
  try {
    names = readdirSync(join(root, 'LICENSES'));
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    const dot = name.lastIndexOf('.');
    const id = dot > 0 ? name.slice(0, dot) : name;
    if (!out.has(id)) out.set(id, name);
  }
  return out;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The exact bytes, or the same text with LF line ends and without trailing blank lines. */
function matchesChecksum(bytes: Buffer, expected: string): boolean {
  if (sha256(bytes) === expected) return true;
  const lf = bytes.toString('utf8').replace(/\r\n/g, '\n');
  const trimmed = lf.replace(/(?<!\n)\n+$/, '');
  return [lf, trimmed, `${trimmed}\n`].some((t) => sha256(Buffer.from(t)) === expected);
}

/**
 * The text of `id` as the scan reads one: SPDX's text of another year (KDE's LICENSES/LGPL-2.0-or-later.txt, from an
 * older license list, has no title over its terms and conditions), rewrapped, in Markdown.
 * Only that license is in it, and no words beside it. (A text given with --license-text is the user's to choose.)
 */
function holdsText(bytes: Buffer, id: string, detect: DetectContext): boolean {
  const found = detect.matcher().match(bytes.toString('utf8'), { minConfidence: detect.options.minConfidence, hint: id });
  return found.unknown.length === 0 && found.matches.length > 0 && found.matches.every((m) => m.expression === id && m.kind !== 'notice');
}

/** Two texts with the same words (wrapping, spacing and case aside) are the same text. */
function sameWords(a: Buffer, b: Buffer): boolean {
  const words = (x: Buffer): string => x.toString('utf8').toLowerCase().split(/\s+/).filter(Boolean).join(' ');
  return words(a) === words(b);
}

function note(code: string, severity: Problem['severity'], file: string, message: string, suggestion: string | null): Problem {
  return { code, severity, file, line: null, message, suggestion };
}

/** Writes a planned license text under LICENSES/ (or, on a dry run, shows its diff); a failed write is a problem. */
export function writeLicenseText(root: string, plan: LicenseTextPlan, dryRun: boolean, problems: Problem[]): LicenseTextOutcome {
  problems.push(...plan.problems);
  const base = { id: plan.id, path: plan.path, status: plan.status, source: plan.source, ...(plan.from ? { from: plan.from } : {}) };
  if ((plan.status !== 'written' && plan.status !== 'replaced') || plan.bytes === null) return base;
  if (dryRun) return { ...base, diff: unifiedDiff(plan.path, plan.before ? plan.before.toString('utf8') : null, plan.bytes.toString('utf8')) };
  try {
    mkdirSync(join(root, 'LICENSES'), { recursive: true });
    writeAtomic(join(root, plan.path), plan.bytes, plan.snapshot);
    return base;
  } catch (e) {
    problems.push(ioProblem(plan.path, e, true));
    return { ...base, status: 'failed' };
  }
}
