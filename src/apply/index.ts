// The apply pipeline: check the request -> find the files -> for each file (in worker
// threads for large runs, src/apply/run-files.ts): plan the change (pure), write it
// atomically, detect and resolve what was written to verify it carries the license asked
// for. Nothing is written before the whole request has been checked.
import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, type Catalog } from '../catalog/index.js';
import type { FarleftConfig } from '../config.js';
import { detectContext } from '../detect/run.js';
import type { DetectContext } from '../detect/types.js';
import { UsageError } from '../errors.js';
import { byPlace } from '../problems.js';
import { isCovered } from '../project/resolve.js';
import type { Problem } from '../types.js';
import { MAX_READ_BYTES } from '../walk/read.js';
import type { RunSpec } from './apply-file.js';
import { applyReuseToml } from './apply-reuse-toml.js';
import { styleByName, styleNames } from './comment-styles/index.js';
import { canEmbed, embedMetadata, type EmbedResult } from './embed/index.js';
import { planLicenseTexts, readGivenTexts, spdxText, writeLicenseText } from './license-texts.js';
import type { HeaderRequest } from './plan-file.js';
import { chooseCopyright, chooseLicense, licenseNames, renderTemplate } from './request.js';
import { applyFiles } from './run-files.js';
import { collectScope, shownRoot } from './scope.js';
import type { ApplyResult, ApplySummary, FileOutcome, LicenseTextOutcome } from './types.js';
import { ownLicense, reuseAnnotations } from './verify.js';
import { isTempName } from './write.js';
import { shellWord } from '../shell.js';

export type { ApplyResult, FileOutcome } from './types.js';

export interface ApplyOptions {
  /** Files and folders to apply to, relative to the current folder. */
  readonly paths: readonly string[];
  readonly root?: string;
  /** The license expression as written (else .farleft.yml's). */
  readonly license?: string;
  /** Copyright statements (else .farleft.yml's). */
  readonly copyright: readonly string[];
  readonly year?: string;
  readonly template?: string;
  /** Force a comment style by name. */
  readonly style?: string;
  /** Write `.license` sidecars for every file. */
  readonly sidecar: boolean;
  /** Give files of an unknown type a sidecar instead of reporting them. */
  readonly fallbackSidecar: boolean;
  readonly replace: boolean;
  readonly allowUnknown: boolean;
  /** `--license-text [ID=]FILE` values. */
  readonly licenseTexts: readonly string[];
  readonly reuseToml: boolean;
  readonly dryRun: boolean;
  readonly embed: boolean;
  readonly backup: boolean;
  /** False with --no-sidecar. */
  readonly writeSidecars: boolean;
  readonly verify: boolean;
  readonly gitignore: boolean;
  readonly exclude: readonly string[];
  readonly include: readonly string[];
  readonly config: FarleftConfig | null;
  readonly version: string;
  readonly catalog?: Catalog;
  /** Stops the run between two files (Ctrl-C). */
  readonly signal?: AbortSignal;
  readonly cwd?: string;
  readonly minConfidence?: number;
  /** Threads to apply with, this one included (default: the machine's parallelism). */
  readonly jobs?: number;
}

/** Characters that would end a comment in some style, or that XML forbids inside one. */
const UNSAFE = ['*/', '--', '#}', '*)', '-}', ':)', '%>', '?>', '}'];

/** The main thread's state of one run. */
interface Run {
  readonly options: ApplyOptions;
  readonly catalog: Catalog;
  readonly ctx: DetectContext;
  readonly root: string;
  readonly request: HeaderRequest;
  readonly problems: Problem[];
  readonly buffer: Buffer;
}

export async function apply(options: ApplyOptions): Promise<ApplyResult> {
  const catalog = options.catalog ?? loadCatalog();
  const raw = options.license ?? options.config?.license;
  if (!raw) throw new UsageError('no license to apply', 'Give --license (e.g. --license PPL), or run `farleft init --license PPL` to put it in .farleft.yml');
  const choice = chooseLicense(raw, catalog, options.allowUnknown);
  const copyright = chooseCopyright(options.copyright.length ? options.copyright : (options.config?.copyright ?? []), options.year);
  checkSafe(copyright, '--copyright');
  const template = options.template ? renderTemplate(options.template, { license: choice.expression, names: licenseNames(choice.expression, catalog), copyright }) : [];
  checkSafe(template, '--template');
  const forced = options.style === undefined ? null : styleByName(options.style);
  if (options.style !== undefined && !forced) throw new UsageError(`--style ${options.style} is not a comment style farleft knows`, `Known styles: ${styleNames().join(', ')}`);
  if (forced && options.sidecar) throw new UsageError('--style and --sidecar contradict each other', 'Give one of them');
  if (options.reuseToml && (forced || options.sidecar || options.template || options.embed))
    throw new UsageError('--reuse-toml writes no headers, sidecars or metadata', 'Leave out --style, --sidecar, --template and --embed with --reuse-toml');
  const given = readGivenTexts(options.licenseTexts, choice.ids, catalog);
  const scope = collectScope({ paths: options.paths, root: options.root, config: options.config, gitignore: options.gitignore, exclude: options.exclude, include: options.include, cwd: options.cwd });

  const problems: Problem[] = [...scope.problems];
  for (const n of choice.notes) problems.push({ code: 'license-alias', severity: 'note', file: null, line: null, message: `--license: ${n}`, suggestion: `Write --license ${shellWord(choice.expression)}` });
  if (copyright.length === 0)
    problems.push({
      code: 'no-copyright',
      severity: 'warning',
      file: null,
      line: null,
      message: 'no copyright holder was given, so files get a license tag only (REUSE asks for an SPDX-FileCopyrightText too)',
      suggestion: 'Give --copyright "2026 Example Collective", or set copyright in .farleft.yml',
    });
  if (options.template && options.reuseToml) problems.push({ code: 'template-unused', severity: 'note', file: null, line: null, message: '--template is not used with --reuse-toml', suggestion: null });

  const run: Run = {
    options,
    catalog,
    ctx: detectContext(catalog, { minConfidence: options.minConfidence ?? 0.9 }),
    root: scope.root,
    request: { expression: choice.expression, copyright, template, replace: options.replace },
    problems,
    buffer: Buffer.allocUnsafe(MAX_READ_BYTES),
  };

  let files: FileOutcome[];
  let reuseToml: ApplyResult['reuseToml'] = null;
  if (options.reuseToml) ({ files, reuseToml } = await applyReuseToml({ root: scope.root, request: run.request, catalog, ctx: run.ctx, dryRun: options.dryRun, problems }, scope));
  else {
    const spec: RunSpec = {
      root: scope.root,
      request: run.request,
      style: forced?.name ?? null,
      dryRun: options.dryRun,
      verify: options.verify,
      sidecar: options.sidecar,
      writeSidecars: options.writeSidecars,
      fallbackSidecar: options.fallbackSidecar,
      minConfidence: run.ctx.options.minConfidence,
      walked: scope.files.filter((f) => !scope.named.includes(f)),
      // Read with or without --verify: an override annotation means a header would change nothing.
      annotations: reuseAnnotations(scope.root, scope.files, run.ctx),
    };
    const done = await applyFiles(spec, catalog, scope.files, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.embed ? { embed: (path: string) => embedFor(run, path) } : {}),
      ...(options.jobs ? { jobs: options.jobs } : {}),
    });
    problems.push(...done.problems);
    // An exception SPDX gives no text of offline, whose text a header holds word for word: that text, from the first file.
    for (const [id, found] of done.exceptionTexts)
      if (choice.ids.includes(id) && !given.has(id) && spdxText(id) === null) given.set(id, { file: found.path, bytes: Buffer.from(`${found.text.trim()}\n`), header: true });
    if (done.unreached)
      problems.push({ code: 'interrupted', severity: 'error', file: null, line: null, message: `interrupted: ${done.unreached} files were not reached; every file reached is either as it was or complete`, suggestion: 'Run the same command again to finish' });
    files = done.outcomes;
  }

  // LICENSES/ gets the texts once some file carries the license (else they would be unused texts).
  const carried = files.some((f) => f.status === 'changed' || f.status === 'sidecar' || f.status === 'already-done') || reuseToml?.status === 'changed' || reuseToml?.status === 'already-done';
  const licenseTexts = planLicenseTexts(scope.root, choice.ids, catalog, given, options.replace, run.ctx).map((p): LicenseTextOutcome =>
    carried ? writeLicenseText(scope.root, p, options.dryRun, problems) : { id: p.id, path: p.path, status: 'unused', source: p.source },
  );

  return {
    schema: 1,
    tool: { name: 'farleft', version: options.version },
    root: shownRoot(scope.root, options.cwd ?? process.cwd()),
    mode: options.reuseToml ? 'reuse-toml' : 'header',
    dryRun: options.dryRun,
    license: choice.expression,
    copyright,
    files,
    licenseTexts,
    reuseToml,
    summary: summarize(files, scope.skipped),
    problems: problems.sort(byPlace),
  };
}

/** Embeds metadata into a media file the media helper can write (--embed), before its sidecar is seen to. */
async function embedFor(run: Run, path: string): Promise<EmbedResult | null> {
  const { options } = run;
  const abs = join(run.root, path);
  if (!canEmbed(path) || isTempName(path.slice(path.lastIndexOf('/') + 1)) || !isCovered(path, 1)) return null;
  try {
    if (lstatSync(abs).size === 0) return null;
  } catch {
    return null; // applyFile reports it
  }
  // Metadata that names another license is not overwritten without --replace. applyFile reports the
  // file when it writes its sidecar; where it writes none (one is there, or --no-sidecar), say why here.
  const own = options.replace ? null : ownLicense(run.root, path, run.ctx, run.buffer);
  if (own && own.expression !== run.request.expression) {
    if (!options.writeSidecars || existsSync(`${abs}.license`))
      run.problems.push({ code: 'embed-skipped', severity: 'warning', file: path, line: null, message: `${path}'s embedded metadata says ${own.expression}; it was not changed`, suggestion: `Give --replace to write ${run.request.expression} into it` });
    return null;
  }
  const embed = await embedMetadata({ abs, path, expression: run.request.expression, copyright: run.request.copyright, backup: options.backup, dryRun: options.dryRun });
  if (embed.status === 'failed' || embed.status === 'unsupported')
    run.problems.push({
      code: `embed-${embed.status}`,
      severity: options.writeSidecars ? 'note' : 'error',
      file: path,
      line: null,
      message: embed.message ?? `${path}: metadata was not embedded (${embed.status})`,
      suggestion: options.writeSidecars ? null : 'Leave out --no-sidecar to give it a .license sidecar',
    });
  return embed;
}

function checkSafe(texts: readonly string[], flag: string): void {
  for (const t of texts) {
    const bad = UNSAFE.find((u) => t.includes(u));
    if (bad) throw new UsageError(`${flag} ${JSON.stringify(t)} holds ${JSON.stringify(bad)}, which would end a comment in some languages`, 'Leave it out of the text');
  }
}

function summarize(files: readonly FileOutcome[], walkSkipped: Readonly<Record<string, number>>): ApplySummary {
  const count = (s: FileOutcome['status']): number => files.filter((f) => f.status === s).length;
  const skipped: Record<string, number> = { ...walkSkipped };
  for (const f of files) if (f.status === 'skipped') skipped[f.reason ?? 'other'] = (skipped[f.reason ?? 'other'] ?? 0) + 1;
  return {
    files: files.length,
    changed: count('changed'),
    sidecar: count('sidecar'),
    alreadyDone: count('already-done'),
    conflict: count('conflict'),
    unknown: count('unknown'),
    failed: count('failed'),
    notVerified: files.filter((f) => f.verified === false).length,
    skipped: Object.fromEntries(Object.entries(skipped).sort((a, b) => (a[0] < b[0] ? -1 : 1))),
  };
}
