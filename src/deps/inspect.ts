// Reads one package's licensing: its manifest through the manifest detectors, its license
// files through the full-text matcher (and their copyright lines through the tag scanner),
// then decides the effective license (effective.ts). Reads only inside the package folder.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { licenseFamily, seeLicenseFile, type Catalog } from '../catalog/index.js';
import { combineMatches } from '../detect/license-text/combine.js';
import { detector as licenseTextDetector } from '../detect/license-text/detector.js';
import { detector as manifestDetector } from '../detect/manifests/index.js';
import { readComposerJson } from '../detect/manifests/composer-json.js';
import { readPackageJson } from '../detect/manifests/package-json.js';
import { readManifest, type ManifestReader } from '../detect/manifests/shared.js';
import { detectContext } from '../detect/run.js';
import { scanFileTags } from '../detect/tag-scan.js';
import { detection, EMPTY_DETECTION, type DetectContext, type Detection, type FileInput } from '../detect/types.js';
import type { Declaration, Problem } from '../types.js';
import { MAX_READ_BYTES, readFileInput } from '../walk/read.js';
import { decideLicense, type DeclaredFact, type Unknown } from './effective.js';
import { isPlainFile, licenseFilesIn, listDir, problem } from './fs.js';
import type { CollectedPackage, DetectedLicense, Ecosystem, Evidence, Inspection, LicenseBasis, LicenseText } from './types.js';

/** License files read per package at most (a package is not a license archive). */
const MAX_LICENSE_FILES = 32;
/** Copyright lines kept per package. */
const MAX_COPYRIGHTS = 100;
/** Copyright lines are kept by text for texts up to this size, for this many texts. */
const CACHE_TEXT_LIMIT = 64 * 1024;
const MAX_CACHED_TEXTS = 4096;

/** Detector problems that the package-level `unknown-text` replaces. */
const REPLACED = new Set(['unknown-license-text', 'license-text-too-short']);
/** Detector problems a dependency's audit leaves out: a LICENSE that points to the package's other license files, which are read. */
const LEFT_OUT = new Set(['license-file-points-elsewhere']);
/** Detector problems a dependency's audit reports as notes: its authors' to fix, and its effective license is not in doubt. */
const AS_NOTES = new Set(['license-named-without-text']);

export interface InspectContext {
  readonly detect: DetectContext;
  readonly catalog: Catalog;
  /** Reused between reads (readFileInput's buffer). */
  readonly buffer: Buffer;
  readonly withTexts: boolean;
  /** Copyright notices by license text (many packages ship one text). */
  readonly copyrights: Map<string, readonly string[]>;
}

export function inspectContext(catalog: Catalog, minConfidence: number, withTexts: boolean): InspectContext {
  return { detect: detectContext(catalog, { minConfidence }), catalog, buffer: Buffer.allocUnsafe(MAX_READ_BYTES), withTexts, copyrights: new Map() };
}

export function inspectPackage(pkg: CollectedPackage, ctx: InspectContext): Inspection {
  const problems: Problem[] = [];
  const evidence: Evidence[] = [];
  const where = pkg.path ?? `${pkg.name}${pkg.version ? ` ${pkg.version}` : ''}`;

  // 1. The declaration: the package's manifest, or what a lock or index recorded.
  let declarations: readonly Declaration[] = [];
  let declaredSource: Evidence['source'] = 'manifest';
  if (pkg.dir && pkg.manifest) {
    const detection = readManifestFile(pkg, ctx, problems);
    declarations = detection?.declarations.filter((d) => d.source === 'manifest') ?? [];
    problems.push(...(detection?.problems ?? []));
  }
  if (declarations.length === 0 && pkg.recorded && pkg.recorded.value != null) {
    const detection = readRecorded(pkg, ctx);
    declarations = detection.declarations;
    declaredSource = 'lock';
    problems.push(...detection.problems);
  }
  const chosen = chooseDeclaration(declarations);
  for (const d of declarations)
    evidence.push({ source: declaredSource, expression: d.expression, file: d.file, field: d.field ?? null, line: d.line ?? null, confidence: d.confidence, ...(d.raw ? { raw: d.raw } : {}) });

  // 2. The license files.
  const files = pkg.dir ? licenseFilesOf(pkg, chosen) : [];
  const detected: DetectedLicense[] = [];
  const unknown: Unknown[] = [];
  const copyright: string[] = [];
  const texts: LicenseText[] = [];
  // What the collector's listing of the folder found are plain files (its entries said so): no second look.
  const listedFiles = pkg.listed ? new Set(pkg.licenseFiles) : null;
  // A LICENSE that only names `MIT OR Apache-2.0` beside LICENSE-MIT and LICENSE-APACHE: the texts are there.
  const withoutText: { problem: Problem; ids: string[] }[] = [];
  const held = new Set<string>();
  for (const rel of files) {
    const shown = `${pkg.path}/${rel}`;
    let input: FileInput;
    if (!listedFiles?.has(rel) && existsSync(join(pkg.dir!, rel)) && !isPlainFile(join(pkg.dir!, rel))) {
      problems.push(problem('license-file-not-a-file', 'warning', shown, null, `${shown} is not a plain file (a link?); it was not read`, null));
      continue;
    }
    try {
      input = readFileInput(join(pkg.dir!, rel), shown, ctx.buffer);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push(
        code === 'ENOENT'
          ? problem('missing-license-file', 'warning', chosen?.file ?? shown, chosen?.line ?? null, `${chosen?.file ?? pkg.path} refers to ${rel}, which is not in the package`, 'Ask the authors to ship the license file')
          : problem('read-error', 'error', shown, null, `${shown} could not be read: ${code ?? String(e)}`),
      );
      continue;
    }
    if (input.kind !== 'text') continue;
    const detection = detectLicenseFile(input, ctx.detect);
    const named = detection.declarations.filter((d) => d.expression !== 'NOASSERTION');
    for (const d of named) {
      detected.push({ expression: d.expression, file: shown, line: d.line ?? null, confidence: d.confidence });
      evidence.push({ source: 'license-text', expression: d.expression, file: shown, field: null, line: d.line ?? null, confidence: d.confidence });
    }
    const unnamed = detection.declarations.filter((d) => d.expression === 'NOASSERTION');
    if (unnamed.length > 0) {
      const best = unnamed[0]!.candidates?.[0];
      // Terms stated under a license nobody can name (the detector keeps the sentence as the declaration's raw words).
      const terms = unnamed.find((d) => d.raw !== undefined);
      unknown.push({ file: shown, line: (terms ?? unnamed[0]!).line ?? null, partly: named.length > 0, closest: best ? `${best.expression} ${best.confidence.toFixed(2)}` : null, terms: terms?.raw ?? null });
    }
    const ids = named.flatMap((d) => ctx.catalog.normalize(d.expression).ids);
    const nameOnly = detection.problems.find((p) => p.code === 'license-file-without-text');
    if (nameOnly) withoutText.push({ problem: nameOnly, ids });
    else for (const id of ids) held.add(id);
    for (const p of detection.problems) if (!REPLACED.has(p.code) && !LEFT_OUT.has(p.code) && p !== nameOnly) problems.push(AS_NOTES.has(p.code) ? { ...p, severity: 'note' } : p);
    for (const c of copyrightsOf(input, ctx)) if (copyright.length < MAX_COPYRIGHTS && !copyright.includes(c)) copyright.push(c);
    if (ctx.withTexts) texts.push({ file: shown, text: input.text, expressions: [...new Set(named.map((d) => d.expression))] });
  }

  for (const w of withoutText) if (w.ids.length === 0 || !w.ids.every((id) => held.has(id))) problems.push(w.problem);

  // 3. The effective license.
  const declaredFact: DeclaredFact | null = chosen
    ? { expression: chosen.expression, confidence: chosen.confidence, file: chosen.file, line: chosen.line ?? null, field: chosen.field ?? null, ...(chosen.raw ? { raw: chosen.raw } : {}) }
    : null;
  const decision = pkg.installed
    ? decideLicense({ declared: declaredFact, detected, unknown, licenseFiles: files.length, where }, ctx.catalog)
    : { license: chosen && !ctx.catalog.normalize(chosen.expression).marker ? chosen.expression : (chosen?.expression ?? 'NOASSERTION'), basis: (chosen ? 'recorded' : 'none') as LicenseBasis, problems: [] };
  problems.push(...decision.problems);
  // A name mapped to an SPDX id ("Apache 2.0", "MIT license") that the package's license text confirms leaves
  // its license in no doubt: the authors' to tidy, a note. Unconfirmed (a guess, no text), it stays a warning.
  // So is a license a license file names in its words, where the manifest declares the same (certifi's MPL-2.0).
  const confirmed = chosen ? confirmingText(chosen.expression, detected, ctx.catalog) : null;
  if (confirmed)
    for (const [i, p] of problems.entries())
      if (p.code === 'non-spdx-declaration' && p.severity === 'warning' && p.file === chosen!.file)
        problems[i] = { ...p, severity: 'note', message: `${p.message}; ${confirmed} holds its text` };
      else if (p.code === 'license-named-in-terms' && p.severity === 'warning') problems[i] = { ...p, severity: 'note', message: `${p.message}; ${chosen!.file} declares ${chosen!.expression} too` };
  if (!pkg.installed) {
    // Optional packages for other platforms, and dev packages after an install without them, are left out on purpose.
    const expected = pkg.scope === 'optional' || pkg.scope === 'dev';
    problems.push(
      problem(
        'not-installed',
        expected ? 'note' : 'warning',
        pkg.recorded?.file ?? null,
        pkg.recorded?.line ?? null,
        `${pkg.name}${pkg.version ? ` ${pkg.version}` : ''} is listed in ${pkg.recorded?.file ?? 'the lock'} but not installed${pkg.scope === 'optional' ? ' (optional: perhaps for another platform)' : pkg.scope === 'dev' ? ' (a dev dependency)' : ''}; ${chosen ? `the lock's license ${chosen.expression} is used` : 'its license is unknown'}`,
        expected ? null : 'Install the dependencies from the lock, then audit again',
      ),
    );
  }

  return {
    declared: chosen?.expression ?? null,
    detected,
    license: decision.license,
    basis: decision.basis,
    evidence,
    copyright,
    problems: dedupeProblems(problems),
    ...(ctx.withTexts ? { texts } : {}),
  };
}

/** The first license file whose text is of a license the declaration names (-only / -or-later aside), or null. */
function confirmingText(expression: string, detected: readonly DetectedLicense[], catalog: Catalog): string | null {
  const declared = new Set(catalog.normalize(expression).ids.map(licenseFamily));
  if (declared.size === 0) return null;
  return detected.find((d) => catalog.normalize(d.expression).ids.some((id) => declared.has(licenseFamily(id))))?.file ?? null;
}

/** A license file by the license-text detector; a file it would not take (SEE LICENSE IN terms.json) by the matcher itself. */
function detectLicenseFile(input: FileInput, ctx: DetectContext): Detection {
  if (licenseTextDetector.accepts(input.path, input.kind)) return licenseTextDetector.detect(input, ctx);
  const result = ctx.matcher().match(input.text, { minConfidence: ctx.options.minConfidence });
  const declarations: Declaration[] = combineMatches(result.matches).named.map((m) => ({ expression: m.expression, source: 'license-text', file: input.path, line: m.line, confidence: m.confidence, scope: 'package' }));
  if (declarations.length === 0 && result.unknown.length > 0)
    declarations.push({ expression: 'NOASSERTION', source: 'license-text', file: input.path, line: result.unknown[0]!.startLine, confidence: 0, scope: 'package', candidates: result.candidates });
  return detection(declarations, [], []);
}

/** The tag scanner's copyright notices of a license file (its license tags are no concern here), remembered per text. */
function copyrightsOf(input: FileInput, ctx: InspectContext): readonly string[] {
  const text = input.text;
  let found = ctx.copyrights.get(text);
  if (!found) {
    found = scanFileTags(input).tags.flatMap((t) => (t.kind === 'copyright' ? [t.value] : []));
    if (text.length <= CACHE_TEXT_LIMIT && ctx.copyrights.size < MAX_CACHED_TEXTS) ctx.copyrights.set(text, found);
  }
  return found;
}

function readManifestFile(pkg: CollectedPackage, ctx: InspectContext, problems: Problem[]): Detection | null {
  const shown = `${pkg.path}/${pkg.manifest}`;
  let input: FileInput;
  if (pkg.manifestText !== undefined) input = textInput(shown, pkg.manifestText);
  else if (!isPlainFile(join(pkg.dir!, pkg.manifest!)) && existsSync(join(pkg.dir!, pkg.manifest!))) {
    problems.push(problem('manifest-not-a-file', 'warning', shown, null, `${shown} is not a plain file (a link?); it was not read`, null));
    return null;
  } else
    try {
      input = readFileInput(join(pkg.dir!, pkg.manifest!), shown, ctx.buffer);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push(
        code === 'ENOENT'
          ? pkg.recorded?.value != null
            ? problem('no-manifest', 'note', pkg.path, null, `${pkg.path} has no ${pkg.manifest}; the license recorded in ${pkg.recorded.file} is used`, null)
            : problem('no-manifest', 'warning', pkg.path, null, `${pkg.path} has no ${pkg.manifest}: its declared license cannot be read`, null)
          : problem('read-error', 'error', shown, null, `${shown} could not be read: ${code ?? String(e)}`),
      );
      return null;
    }
  if (pkg.manifestJson !== undefined && pkg.manifest === 'package.json') return readManifest(input, ctx.detect, (text, out) => readPackageJson(text, out, pkg.manifestJson));
  return manifestDetector.accepts(input.path, input.kind) ? manifestDetector.detect(input, ctx.detect) : EMPTY_DETECTION;
}

const RECORDED_READERS: Partial<Record<Ecosystem, { field: string; reader: ManifestReader }>> = {
  npm: { field: 'license', reader: readPackageJson },
  composer: { field: 'license', reader: readComposerJson },
};

/** A license recorded in a lock or an index, read by the same interpreter as a manifest field. */
function readRecorded(pkg: CollectedPackage, ctx: InspectContext): Detection {
  const rec = pkg.recorded!;
  const how = RECORDED_READERS[pkg.ecosystem] ?? RECORDED_READERS.npm!;
  const field = Array.isArray(rec.value) && pkg.ecosystem === 'npm' ? 'licenses' : how.field;
  const detection = readManifest(textInput(rec.file, JSON.stringify({ [field]: rec.value })), ctx.detect, how.reader);
  // The value was read out of a larger file: point at where it stands there.
  return {
    declarations: detection.declarations.map((d) => ({ ...d, line: rec.line ?? undefined })),
    copyrights: [],
    problems: detection.problems.map((p) => ({ ...p, line: rec.line, message: `${pkg.name}: ${p.message}` })),
  };
}

/**
 * The declaration that speaks for the package: the most confident, the first among equals
 * (readers list the current field before legacy ones: npm `license` before `licenses`,
 * `License-Expression` before `License`).
 */
function chooseDeclaration(declarations: readonly Declaration[]): Declaration | null {
  let best: Declaration | null = null;
  for (const d of declarations) if (!best || d.confidence > best.confidence) best = d;
  return best;
}

/** License files of a package, relative to its folder, sorted: those at its top, LICENSES/*, the collector's, and a SEE LICENSE IN target. */
function licenseFilesOf(pkg: CollectedPackage, declared: Declaration | null): string[] {
  const out = new Set<string>(pkg.listed ? [] : licenseFilesIn(pkg.dir!, listDir(pkg.dir!)));
  for (const f of pkg.licenseFiles ?? []) out.add(f);
  const see = declared ? seeLicenseFile(declared.expression) : null;
  // Only a plain relative path inside the package: a declaration never makes farleft read elsewhere.
  if (see && !see.startsWith('/') && !see.split(/[\\/]/).includes('..')) out.add(see);
  return [...out].sort().slice(0, MAX_LICENSE_FILES);
}

/** A manifest's text as a FileInput; its UTF-8 bytes are made only if a detector asks (the manifest readers read text). */
function textInput(path: string, text: string): FileInput {
  let bytes: Buffer | undefined;
  return {
    path,
    kind: 'text',
    text,
    encoding: 'utf-8',
    complete: true,
    rest: () => [],
    get bytes() {
      return (bytes ??= Buffer.from(text));
    },
    get size() {
      return this.bytes.length;
    },
  };
}

function dedupeProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}\u0000${p.file}\u0000${p.line}\u0000${p.message}`;
    return !seen.has(key) && seen.add(key);
  });
}
