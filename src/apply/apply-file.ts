// One file in header mode, start to finish: route it to a comment style or a sidecar, plan
// the change (src/apply/plan-file.ts), write it atomically, and keep what the detectors see
// in the result for verification. Synchronous and self-contained, so a batch of files can
// run in a worker thread (src/apply/worker.ts) as well as in the main one.
import { existsSync, lstatSync, readdirSync, unlinkSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import type { Catalog } from '../catalog/index.js';
import { detectContext } from '../detect/run.js';
import { exceptionOf, filesAbove } from '../detect/header-notice.js';
import { detector as licenseTextDetector } from '../detect/license-text/detector.js';
import { detector as mediaDetector } from '../detect/media/index.js';
import { detector as podNoticeDetector } from '../detect/pod-notice.js';
import type { Annotation, DetectContext } from '../detect/types.js';
import { compileAnnotations, type AnnotationIndex } from '../project/reuse-glob.js';
import { andAll, type FileFacts } from '../project/index.js';
import { isCovered } from '../project/resolve.js';
import { namesTextLicense, type Problem } from '../types.js';
import { MAX_READ_BYTES, MAX_SCAN_BYTES, readFileInput, sniff, type Encoding } from '../walk/read.js';
import { needsContent, routeFile, STYLES, styleByName, type CommentStyle } from './comment-styles/index.js';
import { unifiedDiff } from './diff.js';
import type { EmbedResult } from './embed/index.js';
import { headerLicense, planText, type HeaderRequest, type NoticeTexts, type TextPlan } from './plan-file.js';
import type { FileOutcome } from './types.js';
import { factsOf, notVerified, ownLicenseOf, ownNotices, podLicenseOf, verifyFile } from './verify.js';
import { ioProblem, isStaleTemp, isTempName, readForWrite, writeAtomic, writeRefusal, type ReadResult } from './write.js';
import { shellWord } from '../shell.js';

/** What every file of a run shares; plain data, so it can be sent to a worker thread. */
export interface RunSpec {
  readonly root: string;
  readonly request: HeaderRequest;
  /** --style, by name. */
  readonly style: string | null;
  readonly dryRun: boolean;
  readonly verify: boolean;
  /** --sidecar: sidecars for every file. */
  readonly sidecar: boolean;
  /** False with --no-sidecar. */
  readonly writeSidecars: boolean;
  readonly fallbackSidecar: boolean;
  readonly minConfidence: number;
  /** The files walked, to know a sidecar exists without asking the disk. */
  readonly walked: readonly string[];
  /** The REUSE.toml and dep5 annotations that may cover the files (an override leaves a file alone; each file written is verified). */
  readonly annotations: readonly Annotation[];
}

export interface FileRun {
  readonly spec: RunSpec;
  readonly root: string;
  readonly catalog: Catalog;
  readonly ctx: DetectContext;
  readonly forced: CommentStyle | null;
  readonly walked: ReadonlySet<string>;
  readonly index: AnnotationIndex;
  /** Reused between files for bounded reads. */
  readonly buffer: Buffer;
  /** Problems found so far; the caller takes them. */
  readonly problems: Problem[];
  /** What license files read for notices that defer to them name, by path (undefined: no such plain file). */
  readonly licenseFiles: Map<string, string | null | undefined>;
  /** What the license files at the root name (NoticeTexts.project), once read. */
  projectLicense?: string | null;
  /** Folders' entries by their names in lower case, once listed (a notice's "LICENSE" for a file named License.txt). */
  readonly folderNames: Map<string, Map<string, string> | null>;
  /** The exceptions headers hold word for word, by id, with the first file seen: LICENSES/ texts SPDX gives none of offline. */
  readonly exceptionTexts: Map<string, HeaderText>;
}

/** An exception's text as a file's header has it. */
export interface HeaderText {
  readonly path: string;
  readonly text: string;
}

/** The exception texts found since the last call, in the order found (the caller takes them, as it takes problems). */
export function takeExceptionTexts(run: FileRun): [string, HeaderText][] {
  const found = [...run.exceptionTexts];
  run.exceptionTexts.clear();
  return found;
}

/** Text files larger than this get no header (they are not source files). */
const MAX_TEXT_BYTES = MAX_SCAN_BYTES;
/** Sidecars are small; a larger one is not read. */
const MAX_SIDECAR_BYTES = 1024 * 1024;

export function createFileRun(spec: RunSpec, catalog: Catalog): FileRun {
  return {
    spec,
    root: spec.root,
    catalog,
    ctx: detectContext(catalog, { minConfidence: spec.minConfidence }),
    forced: spec.style === null ? null : styleByName(spec.style),
    walked: new Set(spec.walked),
    index: compileAnnotations(spec.annotations),
    buffer: Buffer.allocUnsafe(MAX_READ_BYTES),
    problems: [],
    licenseFiles: new Map(),
    folderNames: new Map(),
    exceptionTexts: new Map(),
  };
}

/** One file in header mode: a header, a sidecar, or nothing (with the reason). */
export function applyFile(run: FileRun, path: string, embed: EmbedResult | null = null): FileOutcome {
  const { spec: options, root } = run;
  const abs = join(root, path);
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (isTempName(name)) {
    if (!options.dryRun && isStaleTemp(abs)) {
      try {
        unlinkSync(abs);
      } catch {
        // another run removed it
      }
    }
    return outcome(path, 'skipped', { reason: 'temp-file' });
  }
  if (!isCovered(path, 1)) return outcome(path, 'skipped', { reason: 'not-covered' });
  const decided = overriddenBy(run, path);
  if (decided) return conflict(run, path, decided);

  // Files without comment syntax, and files that already have a sidecar, are not read.
  const hasSidecar = run.walked.has(`${path}.license`) || (!run.walked.has(path) && existsSync(`${abs}.license`));
  const pre = run.forced ? null : routeFile(path, null);
  let toSidecar: string | null | false = options.sidecar || hasSidecar || pre?.kind === 'sidecar' ? null : false;
  let read: ReadResult | null = null;
  let size: number;
  try {
    if (toSidecar === false) {
      try {
        read = readForWrite(abs, MAX_TEXT_BYTES);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ETOOLARGE') throw e;
        toSidecar = 'too-large';
      }
    }
    size = read ? read.snapshot.size : lstatSync(abs).size;
  } catch (e) {
    return fail(run, path, ioProblem(path, e, false));
  }
  if (size === 0) return outcome(path, 'skipped', { reason: 'empty' });

  const sidecar = (reason: string | null): FileOutcome => applySidecar(run, path, embed, reason);
  if (read === null) return sidecar(toSidecar || null);

  const encoding = textEncoding(read.bytes);
  if (encoding === null) {
    const meant = run.forced?.name ?? (pre?.kind === 'style' ? pre.style.name : null);
    if (meant)
      run.problems.push({ code: 'binary-content', severity: 'note', file: path, line: null, message: `${path} is binary, so it got a .license sidecar instead of a ${meant} header`, suggestion: null });
    return sidecar('binary-content');
  }
  // The start of the file decides only for shebangs and shared extensions (pre-routing said 'unknown' or asked for content).
  const route = run.forced ? null : pre?.kind === 'style' && pre.via !== 'content' && !needsContent(path) ? pre : routeFile(path, read.bytes.toString('latin1', 0, Math.min(read.bytes.length, 1024)));
  let style = run.forced ?? (route?.kind === 'style' ? route.style : null);
  const texts = noticeTexts(run, path);
  if (style === null) {
    if (route?.kind === 'sidecar') return sidecar(null);
    // An unknown type: fine if it already says what was asked; else a sidecar only when allowed.
    const own = planText(path, read.bytes, encoding, null, run.spec.request, run.catalog, texts);
    if (own.status === 'already-done') return outcome(path, 'already-done', { method: null });
    if (own.status === 'conflict') return fromPlan(run, path, own, 'header', null, read);
    // Its own header, in # lines, gives the license asked for (SQLite's Tcl tests): # lines above it are in its syntax.
    if (opensWithHashLines(read.bytes) && headerLicense(path, read.bytes, encoding, run.catalog, texts)?.expression === run.spec.request.expression) style = STYLES.python;
  }
  if (style === null) {
    if (options.fallbackSidecar) return sidecar('unknown-type');
    const ext = name.includes('.') ? ` (.${name.slice(name.lastIndexOf('.') + 1)})` : '';
    run.problems.push({
      code: 'unknown-type',
      severity: 'error',
      file: path,
      line: null,
      message: `farleft does not know the comment syntax of ${path}${ext}; it is left as it is`,
      suggestion: `Give --style NAME (e.g. --style python), --sidecar to write ${path}.license, or --fallback-sidecar for every unknown type`,
    });
    return outcome(path, 'unknown', { reason: 'unknown-type', embed });
  }
  // What the scan's detectors find in the bytes already read (not read again from disk), for the checks below.
  let facts: FileFacts | undefined;
  const detected = (): FileFacts => (facts ??= factsOf(path, read.bytes, run.ctx));
  // A text format that carries license metadata (SVG's RDF, .xmp) may declare another license there.
  if (!run.spec.request.replace && mediaDetector.accepts(path, 'text')) {
    const own = ownLicenseOf(detected());
    if (own && own.expression !== run.spec.request.expression)
      return conflict(run, path, licenseDiffers(path, own, run.spec.request.expression, 'it is left as it is', `Give --replace to add ${run.spec.request.expression} anyway, or change the file's metadata`), 'header');
  }
  // A Perl file's POD may state its license (src/detect/pod-notice.ts): another one is left alone, as a header's notice is.
  if (!run.spec.request.replace && podNoticeDetector.accepts(path, 'text', run.ctx)) {
    const pod = podLicenseOf(detected());
    const wanted = run.spec.request.expression;
    if (pod && pod.expression !== wanted)
      return conflict(
        run,
        path,
        {
          code: 'existing-notice',
          severity: 'error',
          file: path,
          line: pod.line,
          message: `${path} has a license notice in its POD that gives ${pod.expression}, not ${wanted}; it is left as it is`,
          suggestion: `Give --license ${shellWord(pod.expression)} to tag it as its POD says; to relicense it, change its POD and give --replace`,
        },
        'header',
      );
  }
  const plan = planText(path, read.bytes, encoding, style, run.spec.request, run.catalog, texts);
  const result = fromPlan(run, path, plan, 'header', style.name, read);
  return embed ? { ...result, embed } : result;
}

/** See NoticeTexts.of: by the full-text matcher, when it names the text's licenses and leaves none of it unexplained. */
function licenseOfText(run: FileRun, text: string): string | null {
  const found = run.ctx.matcher().match(text, { minConfidence: run.spec.minConfidence });
  if (found.unknown.length > 0) return null;
  return andAll(found.matches.filter((m) => m.kind === 'license').map((m) => m.expression));
}

/** What a header's notice is read with: the license files it may defer to, the texts and exceptions it may hold. */
function noticeTexts(run: FileRun, path: string): NoticeTexts {
  const exception = (text: string): string | null => {
    const id = exceptionOf(text, run.ctx);
    if (id !== null && !run.exceptionTexts.has(id)) run.exceptionTexts.set(id, { path, text });
    return id;
  };
  return { above: licenseAbove(run, path), of: (text) => licenseOfText(run, text), project: () => projectLicense(run), exception };
}

/** See NoticeTexts.above: the nearest plain file of that name in the folder of `path` or above, read by the license-text detector. */
function licenseAbove(run: FileRun, path: string): NoticeTexts['above'] {
  return (name) => {
    for (const written of filesAbove(path, name)) {
      if (!run.licenseFiles.has(written)) {
        const exact = readLicenseFile(run, written);
        run.licenseFiles.set(written, exact !== undefined ? exact : readLicenseFile(run, otherCase(run, written)));
      }
      const named = run.licenseFiles.get(written);
      if (named !== undefined) return named;
    }
    return null;
  };
}

/** The path of the entry that differs from `rel` only in case (a notice's "LICENSE" for a file named License.txt), or `rel`. */
function otherCase(run: FileRun, rel: string): string {
  const slash = rel.lastIndexOf('/');
  const dir = slash < 0 ? '' : rel.slice(0, slash);
  if (!run.folderNames.has(dir)) {
    let names: Map<string, string> | null = null;
    try {
      names = new Map();
      for (const n of readdirSync(join(run.root, dir)).sort()) if (!names.has(n.toLowerCase())) names.set(n.toLowerCase(), n);
    } catch {
      names = null; // no such folder: nothing above it is looked for here
    }
    run.folderNames.set(dir, names);
  }
  const found = run.folderNames.get(dir)?.get(rel.slice(slash + 1).toLowerCase());
  return found === undefined ? rel : dir ? `${dir}/${found}` : found;
}

/** See NoticeTexts.project: what the license files at the root (LICENSE, COPYING, LICENSE-MIT…) name, together. */
function projectLicense(run: FileRun): string | null {
  if (run.projectLicense === undefined) {
    let names: string[] = [];
    try {
      names = readdirSync(run.root).filter((n) => licenseTextDetector.accepts(n, 'text')).sort();
    } catch {
      // An unreadable root has no license files to read.
    }
    const named = names.map((n) => readLicenseFile(run, n)).filter((e): e is string => typeof e === 'string');
    run.projectLicense = named.length > 0 ? andAll(named) : null;
  }
  return run.projectLicense;
}

/** What the license text at `rel` names (null: nothing it recognises); undefined when there is no plain file there. */
function readLicenseFile(run: FileRun, rel: string): string | null | undefined {
  const abs = join(run.root, rel);
  if (lstatSync(abs, { throwIfNoEntry: false })?.isFile() !== true) return undefined;
  try {
    const input = readFileInput(abs, rel);
    if (input.kind !== 'text' || !licenseTextDetector.accepts(rel, 'text')) return null;
    return andAll(licenseTextDetector.detect(input, run.ctx).declarations.filter(namesTextLicense).map((d) => d.expression));
  } catch {
    return null; // unreadable: the notice is then read as naming nothing, and the file left alone
  }
}

/** Writes (or plans) the `.license` sidecar of `path`. `why` notes why a file with comment syntax got one. */
function applySidecar(run: FileRun, path: string, embed: EmbedResult | null, why: string | null): FileOutcome {
  const { spec: options, root } = run;
  if (!options.writeSidecars) {
    if (embed && (embed.status === 'written' || embed.status === 'unchanged'))
      return outcome(path, embed.status === 'written' ? 'changed' : 'already-done', { method: 'embed', embed });
    if (embed) return outcome(path, 'failed', { method: 'embed', reason: `embed-${embed.status}`, embed });
    return outcome(path, 'skipped', { reason: 'no-sidecar' });
  }
  const sidecarPath = `${path}.license`;
  const abs = join(root, sidecarPath);
  let existing: ReadResult | null = null;
  if (existsSync(abs)) {
    try {
      existing = readForWrite(abs, MAX_SIDECAR_BYTES);
    } catch (e) {
      return fail(run, path, ioProblem(sidecarPath, e, false));
    }
  }
  // A new sidecar takes the place of what the file says of itself: not a different license, unless --replace; and the
  // copyright notices REUSE read in the file go into it, or they would be lost.
  let request = run.spec.request;
  if (!existing) {
    const own = ownNotices(root, path, run.ctx, run.buffer);
    if (own.license && own.license.expression !== request.expression && !request.replace)
      return conflict(
        run,
        path,
        licenseDiffers(path, own.license, request.expression, 'no sidecar was written', `Give --replace to give it a sidecar with ${request.expression} anyway (a sidecar takes the place of what the file says)`),
      );
    const kept = own.copyright.filter((c) => !request.copyright.includes(c));
    if (kept.length) request = { ...request, copyright: [...kept, ...request.copyright] };
  }
  const bytes = existing?.bytes ?? Buffer.alloc(0);
  const encoding = bytes.length ? textEncoding(bytes) : 'utf-8';
  if (encoding === null)
    return fail(run, path, { code: 'binary-sidecar', severity: 'error', file: sidecarPath, line: null, message: `${sidecarPath} is not a text file; it is left as it is`, suggestion: 'A .license file holds SPDX tags as text: replace it' });
  const plan = planText(sidecarPath, bytes, encoding, null, request, run.catalog);
  const result = fromPlan(run, path, plan, 'sidecar', null, existing, sidecarPath);
  return { ...result, ...(embed ? { embed } : {}), ...(why && result.status === 'sidecar' ? { reason: why } : {}) };
}

/** Turns a plan into an outcome, writing the change unless this is a dry run. */
function fromPlan(run: FileRun, path: string, plan: TextPlan, method: 'header' | 'sidecar', style: string | null, read: ReadResult | null, target = path): FileOutcome {
  const { spec: options, root } = run;
  if (plan.status === 'already-done') return outcome(path, 'already-done', { method, style });
  if (plan.status !== 'changed') {
    run.problems.push({ code: plan.code, severity: 'error', file: target, line: plan.line, message: plan.message, suggestion: plan.suggestion });
    return outcome(path, plan.status, { method, style, reason: plan.code });
  }
  const done = method === 'header' ? 'changed' : 'sidecar';
  if (read) {
    const refusal = writeRefusal(target, read.snapshot);
    if (refusal) return fail(run, path, refusal, method, style);
  }
  if (plan.replaced !== null)
    run.problems.push({ code: 'license-replaced', severity: 'note', file: target, line: null, message: `${target}: ${plan.replaced} was replaced with ${run.spec.request.expression}`, suggestion: null });
  let diff: Pick<FileOutcome, 'diff' | 'diffEncoding'> = {};
  if (options.dryRun) {
    const [before, after] = plan.texts();
    // A file that is not UTF-8 has its diff in its own bytes; its name is still UTF-8.
    diff = plan.encoding === 'latin1' ? { diff: unifiedDiff(Buffer.from(target).toString('latin1'), read ? before : null, after), diffEncoding: 'latin1' } : { diff: unifiedDiff(target, read ? before : null, after) };
  } else {
    try {
      writeAtomic(join(root, target), plan.bytes, read?.snapshot ?? null);
    } catch (e) {
      return fail(run, path, ioProblem(target, e, true), method, style);
    }
  }
  const result = { ...outcome(path, done, { method, style, replaced: plan.replaced }), ...diff };
  if (!options.verify) return result;
  // The bytes just renamed into place (or planned), detected and resolved as the scan does.
  const report = verifyFile(path, target, plan.bytes, run.index, run.ctx);
  const verified = report.license === run.spec.request.expression;
  if (!verified) run.problems.push(notVerified(result, report, run.spec.request.expression));
  return { ...result, license: report.license, verified };
}


/** The encoding of a file's text, or null when it is binary, however text-like its start looks. */
export function textEncoding(bytes: Buffer): Encoding | null {
  const head = bytes.subarray(0, MAX_READ_BYTES);
  const encoding = sniff(head);
  if (encoding === null || encoding === 'utf-16le' || encoding === 'utf-16be') return encoding;
  // The sniffer reads 8000 bytes for a NUL, as git does; a header must not go into a binary
  // with a text-like start, so the whole file is searched, and control characters count too.
  if (bytes.indexOf(0) !== -1) return null;
  const end = Math.min(bytes.length, 8000);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) || b === 0x7f) controls++;
  }
  if (controls > end * 0.02) return null;
  if (encoding === 'utf-8' && bytes.length > head.length && !isUtf8(bytes)) return 'latin1';
  return encoding;
}

interface OutcomeFields {
  readonly method?: FileOutcome['method'];
  readonly style?: string | null;
  readonly reason?: string | null;
  readonly replaced?: string | null;
  readonly license?: string | null;
  readonly verified?: boolean | null;
  readonly embed?: EmbedResult | null;
  readonly diff?: string;
}

export function outcome(path: string, status: FileOutcome['status'], f: OutcomeFields = {}): FileOutcome {
  return {
    path,
    status,
    method: f.method ?? null,
    style: f.style ?? null,
    reason: f.reason ?? null,
    replaced: f.replaced ?? null,
    license: f.license ?? null,
    verified: f.verified ?? null,
    embed: f.embed ?? null,
    ...(f.diff !== undefined ? { diff: f.diff } : {}),
  };
}

/** A file that already declares another license than the one asked for (in a tag, sidecar or its metadata). */
function licenseDiffers(path: string, own: { expression: string; field: string | null }, wanted: string, consequence: string, suggestion: string): Problem {
  const where = own.field ? ` in its ${own.field}` : '';
  // NONE is what "All rights reserved" reads as: say it in the words the file uses.
  const says = own.expression === 'NONE' ? 'reserves all rights (no license granted)' : `declares ${own.expression}`;
  return { code: 'license-differs', severity: 'error', file: path, line: null, message: `${path} ${says}${where}, not ${wanted}; ${consequence}`, suggestion };
}

/**
 * A REUSE.toml annotation of `override` precedence licenses the file whatever the file says
 * (REUSE 3.3): a header or a sidecar would change nothing, so neither is written when the
 * annotation names another license. Null when none does.
 */
function overriddenBy(run: FileRun, path: string): Problem | null {
  const override = run.index.covering(path).find((a) => a.source === 'reuse-toml' && a.precedence === 'override');
  const expression = override ? andAll(override.declarations.map((d) => d.expression)) : null;
  if (!override || expression === null || expression === run.spec.request.expression) return null;
  return {
    code: 'reuse-toml-override',
    severity: 'error',
    file: path,
    line: null,
    message: `${path} is licensed ${expression} by the override annotation at ${override.file}:${override.declarations[0]?.line ?? override.line}, whatever the file says; it is left as it is`,
    suggestion: `Change that annotation in ${override.file} to license it ${run.spec.request.expression}, or take the file out of its path`,
  };
}

function conflict(run: FileRun, path: string, problem: Problem, method: 'header' | 'sidecar' = 'sidecar'): FileOutcome {
  run.problems.push(problem);
  return outcome(path, 'conflict', { method, reason: problem.code });
}

export function fail(run: { readonly problems: Problem[] }, path: string, problem: Problem, method: FileOutcome['method'] = null, style: string | null = null): FileOutcome {
  run.problems.push(problem);
  return outcome(path, 'failed', { method, style, reason: problem.code });
}

/** Whether a file opens (after a shebang and blank lines) with `#` comment lines: `#` alone or `# ` and words, not `#include`. */
function opensWithHashLines(bytes: Buffer): boolean {
  const lines = bytes.toString('latin1', 0, Math.min(bytes.length, 512)).split('\n');
  const first = lines.findIndex((l, i) => l.trim() !== '' && !(i === 0 && l.startsWith('#!')));
  return first >= 0 && /^#(?:[ \t]|$)/.test(lines[first]!.replace(/\r$/, '')) && /^#(?:[ \t]|$)/.test((lines[first + 1] ?? '').replace(/\r$/, ''));
}
