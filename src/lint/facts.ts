// Facts several rules read from a scan: the license texts in LICENSES/, the licenses in
// use (with the first file that uses each), where a file declares its license.
import { isLicenseRefId, licenseFamily, type Catalog } from '../catalog/index.js';
import { filesAbove } from '../detect/header-notice.js';
import { andAll } from '../project/index.js';
import { namesTextLicense, type FileReport, type ScanResult } from '../types.js';
import type { LintInput } from './types.js';

/** The sources REUSE reads licensing information from (not license texts, manifests or media). */
export const REUSE_SOURCES: ReadonlySet<string> = new Set(['spdx-tag', 'sidecar', 'reuse-toml', 'dep5']);

/** One file in LICENSES/ (not its .license sidecar), named as REUSE names them. */
export interface LicenseTextFile {
  readonly path: string;
  /** The license id reuse-tool reads in the file name (`MIT` for MIT.txt, `GFDL-1.1` for GFDL-1.1); a bad one when none fits. */
  readonly id: string;
  /** The id is the whole file name: a known id with no extension of its own (`ISC`, `GFDL-1.1`). */
  readonly withoutExtension: boolean;
}

/**
 * Files in the root LICENSES/ folder, at any depth, with their ids as reuse-tool derives them:
 * the name without its extension when that is an SPDX id or a LicenseRef; else the whole name
 * when that is an SPDX id (GFDL-1.1: `.1` is no extension); else the name without its extension.
 */
export function licenseTextFiles(scan: ScanResult, catalog: Catalog): readonly LicenseTextFile[] {
  return remember(scan, 'license-texts', () => readLicenseTextFiles(scan, catalog));
}

function readLicenseTextFiles(scan: ScanResult, catalog: Catalog): LicenseTextFile[] {
  const spdx = (id: string): boolean => catalog.get(id)?.spdx === true;
  const out: LicenseTextFile[] = [];
  for (const f of scan.files) {
    if (!f.path.startsWith('LICENSES/') || f.path.endsWith('.license')) continue;
    const name = f.path.slice(f.path.lastIndexOf('/') + 1);
    const dot = name.lastIndexOf('.');
    // As Python's Path.suffix: a leading dot starts no extension, nor does a trailing one.
    const stem = dot > 0 && dot < name.length - 1 ? name.slice(0, dot) : name;
    if (stem !== name && (spdx(stem) || isLicenseRefId(stem))) out.push({ path: f.path, id: stem, withoutExtension: false });
    else if (spdx(name)) out.push({ path: f.path, id: name, withoutExtension: true });
    else out.push({ path: f.path, id: stem, withoutExtension: false });
  }
  return out;
}

/**
 * For a `LicenseRef-<name>` whose text is in LICENSES/ under <name> alone (systemd's
 * LICENSES/alg-sha1-public-domain.txt, named after neither an SPDX id nor a LicenseRef): what a
 * finding's message adds, and the rename that fixes it. Null for any other id.
 */
export function unprefixedText(scan: ScanResult, catalog: Catalog, id: string): { note: string; fix: string } | null {
  const byRef = remember(scan, 'unprefixed-texts', () =>
    new Map(
      licenseTextFiles(scan, catalog)
        .filter((t) => catalog.get(t.id)?.spdx !== true && !t.id.startsWith('LicenseRef-'))
        .map((t) => [`LicenseRef-${t.id}`, t.path]),
    ),
  );
  const path = byRef.get(id);
  return path === undefined ? null : { note: ` (${path} is named without LicenseRef-)`, fix: `Rename ${path} to ${renamed(path, id)}` };
}

/** LICENSES/<name>.<ext> renamed after `id`, its extension kept. */
export function renamed(path: string, id: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return `LICENSES/${id}${dot > 0 ? name.slice(dot) : '.txt'}`;
}

// Facts several rules ask for are worked out once per scan: a tree has 100k files.
const remembered = new WeakMap<object, Map<string, unknown>>();

function remember<T>(owner: object, key: string, make: () => T): T {
  let facts = remembered.get(owner);
  if (!facts) remembered.set(owner, (facts = new Map()));
  if (!facts.has(key)) facts.set(key, make());
  return facts.get(key) as T;
}

/** The Covered Files of a scan. */
export function coveredFiles(scan: ScanResult): readonly FileReport[] {
  return remember(scan, 'covered', () => scan.files.filter((f) => f.covered));
}

/** The files rules report on: Covered Files, only those asked for when lint runs on some files. */
export function targetFiles(input: LintInput): readonly FileReport[] {
  const { only } = input;
  return only === null ? coveredFiles(input.scan) : remember(input, 'targets', () => coveredFiles(input.scan).filter((f) => only.has(f.path)));
}

/**
 * The license text a file's notice defers to ("…found in the LICENSE file"): the nearest file of
 * that name in the file's folder or above it, and what its text names (null when farleft names
 * nothing in it); null when there is none.
 */
export function licenseTextAbove(scan: ScanResult, path: string, name: string): { file: string; expression: string | null } | null {
  const byPath = remember(scan, 'by-path', () => new Map(scan.files.map((f) => [f.path, f])));
  // A notice's "LICENSE" for a file named License.txt, "COPYRIGHT" for Copyright: the name in another case.
  const byCase = remember(scan, 'by-path-case', () => {
    const out = new Map<string, FileReport>();
    for (const f of scan.files) if (!out.has(f.path.toLowerCase())) out.set(f.path.toLowerCase(), f);
    return out;
  });
  for (const written of filesAbove(path, name)) {
    const report = byPath.get(written) ?? byCase.get(written.toLowerCase());
    if (!report) continue;
    const named = report.declarations.filter((d) => namesTextLicense(d) && d.file === report.path).map((d) => d.expression);
    return { file: report.path, expression: andAll(named) };
  }
  return null;
}


/** The line of the first licensing declaration of a file, or null. */
export function declarationLine(f: FileReport): number | null {
  for (const d of f.declarations) if (REUSE_SOURCES.has(d.source) && d.file === f.path && d.line !== undefined) return d.line;
  return null;
}

export interface Use {
  readonly file: string | null;
  readonly line: number | null;
  count: number;
}

/**
 * License and exception ids in use by the given files' licenses, each with the first file
 * (in path order) that uses it and how many do. Expressions are parsed once each.
 */
export function idsInUse(files: readonly FileReport[], catalog: Catalog): ReadonlyMap<string, Readonly<Use>> {
  return remember(files, 'ids-in-use', () => {
    // Each license's first file and count (the files come in path order), then its ids.
    const byLicense = new Map<string, { first: FileReport; count: number }>();
    for (const f of files) {
      if (f.license === null) continue;
      const seen = byLicense.get(f.license);
      if (seen) seen.count++;
      else byLicense.set(f.license, { first: f, count: 1 });
    }
    const uses = new Map<string, Use>();
    for (const [license, { first, count }] of byLicense)
      for (const id of catalog.normalize(license).ids) {
        const use = uses.get(id);
        if (!use) uses.set(id, { file: first.path, line: declarationLine(first), count });
        else {
          use.count += count;
          if (use.file === null || first.path < use.file) Object.assign(use, { file: first.path, line: declarationLine(first) });
        }
      }
    return new Map([...uses].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  });
}

/** Ids whose text some license file in the tree holds (LICENSES/ included), folded to families. */
export function textFamilies(scan: ScanResult): Set<string> {
  const out = new Set<string>();
  for (const f of scan.files)
    for (const d of f.declarations)
      if (namesTextLicense(d) && d.file === f.path)
        for (const part of d.expression.split(/\s+(?:AND|OR|WITH)\s+|[()]/)) if (part) out.add(licenseFamily(part.trim()));
  return out;
}

/** "1 file" / "3 files". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
