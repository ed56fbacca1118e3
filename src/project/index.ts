// The resolve stage: from what each file declares to the licensing of each file and of
// the project, and the conflicts between sources. Pure: data in, data out.
import { licenseFamily, seeLicenseFile, type Catalog } from '../catalog/index.js';
import type { Annotation, Detection } from '../detect/types.js';
import { namesTextLicense, type CopyrightNotice, type Declaration, type FileKind, type FileReport, type Problem } from '../types.js';
import { describesParts, inLicenseFolder } from '../detect/license-text/route.js';
import { formatOfPath } from '../detect/media/formats.js';
import { sidecarTarget } from '../detect/sidecar.js';
import { findMediaConflicts, withXmpSidecar, xmpSidecarOf } from './media-conflicts.js';
import type { AnnotationIndex } from './reuse-glob.js';
import type { Tally } from './tally.js';
import { combineLicenses, findReuseConflict, inCoveredFolder, isCovered, resolveFile, type Licensing, type ResolvedFile } from './resolve.js';

/** What the detect stage learnt about one file. */
export interface FileFacts {
  readonly path: string;
  readonly kind: FileKind;
  readonly size: number;
  readonly detection: Detection;
}

export interface ProjectOptions {
  readonly catalog: Catalog;
  readonly minConfidence: number;
  /** The license .farleft.yml says the project is under, and the config's path. */
  readonly configLicense?: { readonly expression: string; readonly file: string };
}

export interface ProjectLicensing {
  /** Declarations about the whole project: root license texts, root manifest, README notice (or the one text in LICENSES/). */
  readonly declarations: readonly Declaration[];
  readonly license: string | null;
  readonly problems: readonly Problem[];
}

const OWN_SOURCES = new Set(['spdx-tag', 'media']);
/** A license text in REUSE's folder at the root (LICENSES/<id>.txt). */
const REUSE_TEXT = /^LICENSES\/[^/]+$/;

/**
 * Annotations that apply: .reuse/dep5, and every REUSE.toml outside the folders REUSE does
 * not cover (a REUSE.toml inside LICENSES/ or .reuse/ is not read).
 */
export function readableAnnotations(facts: readonly FileFacts[]): Annotation[] {
  return facts.flatMap((f) => f.detection.annotations ?? []).filter((a) => a.source === 'dep5' || inCoveredFolder(a.file));
}

/**
 * The files root manifests name as the project's license text (`SEE LICENSE IN TERMS.md`),
 * as paths from the root: the detect stage reads them as license texts, whatever their names.
 */
export function manifestLicenseFiles(facts: readonly FileFacts[]): string[] {
  const targets = facts.flatMap((f) => f.detection.declarations.filter((d) => d.scope === 'project').map(seeLicenseTarget));
  return unique(targets.filter((t): t is string => t !== null));
}

/** The file a manifest's `SEE LICENSE IN <file>` names, from the manifest's folder; null for any other declaration. */
function seeLicenseTarget(d: Declaration): string | null {
  return d.source === 'manifest' ? seeLicenseFile(d.expression) : null;
}

/**
 * The licensing of one file: its own tags, its `.license` sidecar (the facts of
 * `<path>.license`, if there is one) and the REUSE.toml / dep5 annotations that cover it,
 * by REUSE 3.3 precedence (src/project/resolve.ts). The report also lists the file's
 * other declarations (license texts, manifests, notices), which do not license the file.
 */
export function resolveFileReport(f: FileFacts, sidecar: FileFacts | undefined, index: AnnotationIndex, xmp?: FileFacts): FileReport {
  const d = f.detection;
  // Most files declare only through their own tags: then no copies are needed.
  const onlyOwn = d.declarations.every((x) => OWN_SOURCES.has(x.source)) && d.copyrights.every((x) => OWN_SOURCES.has(x.source));
  const own = withXmpSidecar(onlyOwn ? d : pickOwn(d), xmp);
  const others = onlyOwn ? [] : d.declarations.filter((x) => !OWN_SOURCES.has(x.source) && x.source !== 'sidecar');
  const covered = isCovered(f.path, f.size);
  if (covered) {
    const fromSidecar = sidecar ? pickSource(sidecar.detection, 'sidecar') : null;
    // Almost every file: no media metadata, nothing to set apart (a scan resolves 100k of them).
    if (!hasMedia(own)) {
      const r = resolveFile(f.path, own, fromSidecar, index);
      return report(f, covered, others.length ? [...r.declarations, ...others] : r.declarations, r.copyright, r.license);
    }
    const r = resolveOwnAndMedia(f.path, own, fromSidecar, index);
    return report(f, covered, [...r.declarations, ...r.unused, ...others], r.copyright, r.license);
  }
  // Not covered (license texts, sidecars, REUSE.toml, empty files): report what the file itself says.
  const texts = others.filter(namesTextLicense);
  const mine = texts.length ? texts : own.declarations;
  return report(f, covered, [...own.declarations, ...others], unique(own.copyrights.map((c) => c.text)), andAll(mine.map((x) => x.expression)));
}

/**
 * The reports of files detected together (a scan's batch), each with the files that speak
 * for it (its `.license` sidecar, its `.xmp` sidecar), and the conflicts between a media
 * file's embedded metadata and those. A file's companions must be among `facts`. `orphans`: the
 * `.license` sidecars among them whose file is not (a scan's batches keep a sidecar with its file:
 * pipeline/batches.ts, so each batch finds its own).
 */
export function resolveFiles(facts: readonly FileFacts[], index: AnnotationIndex, catalog: Catalog): { reports: FileReport[]; problems: Problem[]; orphans: string[] } {
  const sidecars = new Map<string, FileFacts>();
  let xmpFiles: Map<string, FileFacts> | null = null;
  for (const f of facts) {
    const target = sidecarTarget(f.path);
    if (target !== null) sidecars.set(target, f);
    else if (f.path.endsWith('.xmp')) (xmpFiles ??= new Map()).set(f.path, f);
  }
  const reports: FileReport[] = [];
  const problems: Problem[] = [];
  for (const f of facts) {
    const sidecar = sidecars.get(f.path);
    if (sidecar) sidecars.delete(f.path);
    // Only media files have .xmp sidecars and embedded metadata to disagree with.
    if (formatOfPath(f.path) === null) {
      reports.push(resolveFileReport(f, sidecar, index));
      continue;
    }
    const xmpPath = xmpFiles && !f.path.endsWith('.xmp') ? xmpSidecarOf(f.path, (p) => xmpFiles!.has(p)) : null;
    const xmp = xmpPath ? xmpFiles!.get(xmpPath) : undefined;
    problems.push(...findMediaConflicts(f, sidecar, index, catalog, xmp));
    reports.push(resolveFileReport(f, sidecar, index, xmp));
  }
  const orphans: string[] = [];
  for (const f of sidecars.values()) orphans.push(f.path);
  return { reports, problems, orphans };
}

/**
 * The project's declared license and the conflicts between sources, from a tally of the files'
 * reports (see tally.ts) and every path. The texts in a license folder are not the project's
 * declaration (U-Boot's Licenses/ holds ten), nor those of a notice of its parts (NOTICE, THIRD-PARTY-NOTICES);
 * only when nothing else declares one, the one license whose text REUSE's LICENSES/ holds is.
 */
export function resolveProjectLicensing(tally: Tally, paths: readonly string[], options: ProjectOptions): ProjectLicensing {
  const problems: Problem[] = [];
  const both = findReuseConflict(paths);
  if (both) problems.push(both);
  const declarations: Declaration[] = [];
  const reuseTexts: Declaration[] = [];
  const byPath = new Map<string, FileReport>();
  for (const f of tally.declaring) {
    for (const x of f.declarations) {
      if (x.scope !== 'project' || x.source === 'sidecar' || x.file !== f.path) continue;
      if (statesItsFolder(x.file)) declarations.push(x);
      else if (namesTextLicense(x) && REUSE_TEXT.test(x.file) && x.confidence >= options.minConfidence) reuseTexts.push(x);
    }
    if (f.declarations.some((x) => x.source === 'license-text')) byPath.set(f.path, f);
  }
  // Asked only for a root manifest's `SEE LICENSE IN <file>` whose file holds no text farleft names.
  const inTree = (path: string): boolean => paths.includes(path);
  let license = projectLicense(declarations, byPath, inTree, options, problems);
  // A REUSE project says its license nowhere but in LICENSES/; when that holds one license, every file is under it.
  if (license === null && new Set(reuseTexts.map((d) => d.expression)).size === 1) {
    declarations.push(...reuseTexts);
    license = reuseTexts[0]!.expression;
  }
  problems.push(...findConflicts(tally, declarations, license, options));
  return { declarations, license, problems };
}

function report(f: FileFacts, covered: boolean, declarations: readonly Declaration[], copyright: readonly string[], license: string | null): FileReport {
  return { path: f.path, kind: f.kind, covered, declarations, copyright, license };
}

/**
 * Embedded media metadata is farleft's own reading, not REUSE information (REUSE reads a comment
 * header, a `.license` file, REUSE.toml and dep5): its license licenses a file only where those
 * name none, and is otherwise listed with the file's declarations (`unused`; a disagreement is a
 * media conflict). Its copyright notices are added to REUSE's, never in place of them.
 */
function resolveOwnAndMedia(path: string, own: Licensing, sidecar: Licensing | null, index: AnnotationIndex): ResolvedFile & { unused: Declaration[] } {
  const tags: Licensing = { declarations: own.declarations.filter((x) => !isMedia(x)), copyrights: own.copyrights.filter((x) => !isMedia(x)) };
  const reuse = resolveFile(path, tags, sidecar, index);
  const media = own.declarations.filter(isMedia);
  const fromMedia = reuse.declarations.length === 0;
  const notices = [...reuse.notices, ...own.copyrights.filter(isMedia)];
  return {
    declarations: fromMedia ? media : reuse.declarations,
    notices,
    copyright: unique(notices.map((n) => n.text)),
    license: fromMedia ? combineLicenses(media.map((d) => d.expression)) : reuse.license,
    unused: fromMedia ? [] : media,
  };
}

function isMedia(x: { readonly source: string }): boolean {
  return x.source === 'media';
}

function hasMedia(own: Licensing): boolean {
  return own.declarations.some(isMedia) || own.copyrights.some(isMedia);
}

function pickOwn(d: Detection): { declarations: Declaration[]; copyrights: CopyrightNotice[] } {
  return {
    declarations: d.declarations.filter((x) => OWN_SOURCES.has(x.source)),
    copyrights: d.copyrights.filter((x) => OWN_SOURCES.has(x.source)),
  };
}

function pickSource(d: Detection, source: Declaration['source']): { declarations: Declaration[]; copyrights: CopyrightNotice[] } {
  return { declarations: d.declarations.filter((x) => x.source === source), copyrights: d.copyrights.filter((x) => x.source === source) };
}

/** Combines expressions with AND, each OR-expression in parentheses, without repeats. */
export function andAll(expressions: readonly string[]): string | null {
  const parts = unique(expressions);
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0]!;
  return parts.map((e) => (/\sOR\s/.test(e) && !/^\(.*\)$/.test(e) ? `(${e})` : e)).join(' AND ');
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/**
 * The project's declared license: a root manifest's license (authors state it there
 * explicitly, including dual licensing), else the root license texts, else a README
 * notice. `SEE LICENSE IN <file>` reads as the license of that file's text.
 */
function projectLicense(
  declarations: readonly Declaration[],
  texts: ReadonlyMap<string, FileReport>,
  inTree: (path: string) => boolean,
  options: ProjectOptions,
  problems: Problem[],
): string | null {
  const manifests: string[] = [];
  for (const d of surestManifest(declarations)) {
    const target = seeLicenseTarget(d);
    if (target !== null) {
      const named = texts.get(target)?.declarations.filter(namesTextLicense);
      if (named?.length) manifests.push(...named.map((t) => t.expression));
      else if (!inTree(target))
        problems.push({
          code: 'missing-license-file',
          severity: 'warning',
          file: d.file,
          line: d.line ?? null,
          message: `${d.file} says "SEE LICENSE IN ${target}", but ${target} is not in the scanned tree`,
          suggestion: `Add ${target}, or set the license field to an SPDX expression`,
        });
      else manifests.push(d.expression);
    } else if (d.expression !== 'NOASSERTION') manifests.push(d.expression);
  }
  if (manifests.length) return andAll(manifests);
  const rootTexts = declarations.filter((d) => namesTextLicense(d) && d.confidence >= options.minConfidence);
  if (rootTexts.length) {
    // The texts say which licenses; a README notice of the same licenses says what the texts cannot: a choice among
    // them ("Licensed under either of Apache License, Version 2.0 or MIT license at your option", beside
    // LICENSE-APACHE and LICENSE-MIT), or a GNU license's versions ("either version 3 of the License, or (at your
    // option) any later version", beside a COPYING that holds the GPL's text, which says no version range).
    const held = new Set(rootTexts.flatMap((d) => [...families(d.expression, options.catalog)]));
    const refining = declarations
      .filter((d) => d.source === 'notice' && sameSet(families(d.expression, options.catalog), held))
      .sort((a, b) => b.confidence - a.confidence)[0];
    return refining ? refining.expression : andAll(rootTexts.map((d) => d.expression));
  }
  const notices = declarations.filter((d) => d.source === 'notice');
  return notices.length ? andAll(notices.map((d) => d.expression)) : null;
}

/**
 * Each manifest's surest declarations. A manifest says it best in its license field: Trove classifiers beside it
 * (pyproject.toml, setup.cfg, METADATA) restate it less surely, and are read only where nothing surer is there.
 */
function surestManifest(declarations: readonly Declaration[]): Declaration[] {
  const surest = new Map<string, number>();
  for (const d of declarations) if (d.source === 'manifest' && d.expression !== 'NOASSERTION') surest.set(d.file, Math.max(surest.get(d.file) ?? 0, d.confidence));
  return declarations.filter((x) => x.source === 'manifest' && x.confidence >= (surest.get(x.file) ?? 0));
}

/** License ids of an expression, with -only / -or-later / + folded: GPL-3.0-only and GPL-3.0-or-later share one text. */
function families(expression: string, catalog: Catalog): Set<string> {
  const ids = catalog.normalize(expression).ids;
  return new Set(ids.map(licenseFamily));
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function overlaps(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** A file whose licenses are its folder's own: not a text in a license folder, nor a notice of parts. */
function statesItsFolder(file: string): boolean {
  return !inLicenseFolder(file) && !describesParts(file);
}

function cite(d: Declaration): string {
  return `${d.file}${d.line ? `:${d.line}` : ''}`;
}

function findConflicts(tally: Tally, projectDecls: readonly Declaration[], license: string | null, options: ProjectOptions): Problem[] {
  const { catalog } = options;
  const problems: Problem[] = [];
  const conflict = (d: Declaration, message: string, suggestion: string, severity: Problem['severity'] = 'error'): void => {
    problems.push({ code: 'declared-conflict', severity, file: d.file, line: d.line ?? null, message, suggestion });
  };

  // A manifest against the license texts beside it (the root, and every package below it).
  const byDir = new Map<string, Declaration[]>();
  for (const f of tally.declaring)
    for (const d of f.declarations)
      if ((d.source === 'manifest' || d.source === 'license-text') && d.file === f.path && statesItsFolder(d.file)) {
        const dir = d.file.includes('/') ? d.file.slice(0, d.file.lastIndexOf('/')) : '';
        const here = byDir.get(dir);
        if (here) here.push(d);
        else byDir.set(dir, [d]);
      }
  for (const decls of byDir.values()) {
    const texts = decls.filter((d) => namesTextLicense(d) && d.confidence >= options.minConfidence);
    if (texts.length === 0) continue;
    const textIds = new Set(texts.flatMap((t) => [...families(t.expression, catalog)]));
    // A classifier's guess beside a license field ("BSD License" read as BSD-3-Clause beside "License: BSD-2-Clause") is not checked.
    for (const m of surestManifest(decls).filter((d) => !d.expression.startsWith('SEE LICENSE IN') && d.expression !== 'NOASSERTION')) {
      const ids = families(m.expression, catalog);
      if (ids.size > 0 && !overlaps(ids, textIds)) {
        const t = texts[0]!;
        conflict(
          m,
          `${cite(m)} declares ${m.expression}, but ${cite(t)} is the text of ${texts.map((x) => x.expression).join(', ')} (confidence ${t.confidence.toFixed(2)})`,
          `Make the ${m.field ?? 'license'} field and the license text agree: one of them is wrong`,
        );
      }
    }
  }

  // The project's declared license against the files' own licenses.
  if (license) {
    const declared = families(license, catalog);
    // A file whose license nobody can name (NOASSERTION: a font's license URL farleft cannot read) is under no other
    // license: it is reported on its own (unknown-license), and contradicts nothing. Nor do a few files under their
    // own terms among more that say nothing, which the declared license then covers: bundled parts (HarfBuzz's 231
    // test fonts, all rights reserved, among 2,300 source files without a tag), whose compatibility `compat` checks.
    const named = tally.coveredLicenses.filter(([l]) => l !== 'NOASSERTION');
    const others = named.reduce((n, [, info]) => n + info.n, 0);
    if (named.length > 0 && others >= tally.withoutLicense && !named.some(([l]) => overlaps(families(l, catalog), declared))) {
      // The most used; of equals, the first in path order.
      const [top, info] = [...named].sort((a, b) => b[1].n - a[1].n)[0]!;
      const source = projectDecls.find((d) => d.source !== 'notice') ?? projectDecls[0];
      if (source)
        conflict(
          source,
          `the project is declared ${license} (${cite(source)}), but no file is under it: ${info.n === 1 ? `${info.example} says ${top}` : `${info.n} files say ${top} (e.g. ${info.example})`}`,
          `Decide which license applies; then fix ${source.file} or the file headers`,
        );
    }
    if (options.configLicense && !overlaps(families(options.configLicense.expression, catalog), declared)) {
      const source = projectDecls.find((d) => d.source !== 'notice') ?? projectDecls[0];
      problems.push({
        code: 'declared-conflict',
        severity: 'error',
        file: options.configLicense.file,
        line: null,
        message: `${options.configLicense.file} says the project is under ${options.configLicense.expression}, but ${source ? cite(source) : 'the project'} declares ${license}`,
        suggestion: `Make ${options.configLicense.file} and the project's license files agree`,
      });
    }
  }

  // A README notice against the root license texts.
  const rootTexts = projectDecls.filter((d) => namesTextLicense(d) && d.confidence >= options.minConfidence);
  if (rootTexts.length) {
    const textIds = new Set(rootTexts.flatMap((t) => [...families(t.expression, catalog)]));
    for (const n of projectDecls.filter((d) => d.source === 'notice'))
      if (!overlaps(families(n.expression, catalog), textIds))
        conflict(n, `${cite(n)} says the project is under ${n.expression}, but the license file ${cite(rootTexts[0]!)} is ${rootTexts[0]!.expression}`, 'Correct the README or the license file', 'warning');
  }
  return problems;
}
