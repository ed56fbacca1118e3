// One batch of files, start to finish: read (bounded), detect, and resolve each file's
// licensing. Runs in a worker thread or in the main thread; the result is plain data.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/index.js';
import { detectFiles, readContext, type ReadContext } from '../detect/run.js';
import type { Annotation, DetectOptions } from '../detect/types.js';
import { sidecarTarget } from '../detect/sidecar.js';
import { resolveFiles } from '../project/index.js';
import { orphanSidecar } from '../project/resolve.js';
import { compileAnnotations, type AnnotationIndex } from '../project/reuse-glob.js';
import { tallyReports, type Tally } from '../project/tally.js';
import { renderItems } from '../report/json-lines.js';
import type { FileReport, Problem } from '../types.js';
import type { Encoded } from './spread.js';

export interface BatchResult {
  readonly reports: FileReport[];
  readonly problems: Problem[];
}

/** What every batch of one scan shares: the detectors' context and the REUSE annotations. */
export interface BatchContext extends ReadContext {
  readonly index: AnnotationIndex;
}

/** `licenseTexts`: the files root manifests name as the project's license text (DetectContext.licenseTexts). */
export function batchContext(root: string, catalog: Catalog, options: DetectOptions, annotations: readonly Annotation[], licenseTexts: readonly string[] = []): BatchContext {
  return { ...readContext(root, catalog, options, licenseTexts), index: compileAnnotations(annotations) };
}

/** Reads, detects and resolves a batch (sidecars travel with their files: see batches.ts). */
export function processBatch(paths: readonly string[], ctx: BatchContext): BatchResult {
  const { facts, problems } = detectFiles(paths, ctx);
  const resolved = resolveFiles(facts, ctx.index, ctx.detect.catalog);
  problems.push(...resolved.problems);
  // A sidecar's file that is there but not walked (ignored, excluded) is no orphan.
  for (const sidecar of resolved.orphans) if (!existsSync(join(ctx.root, sidecarTarget(sidecar)!))) problems.push(orphanSidecar(sidecar));
  return { reports: resolved.reports, problems };
}

/** What the run wants of each batch besides its problems and tally: the reports, their JSON lines, the text summary's listing. */
export interface Wanted {
  readonly reports: boolean;
  readonly json: boolean;
  readonly listing: boolean;
}

/** A batch's result as the run keeps it (see RunResult). */
export interface BatchOutcome {
  readonly problems: Problem[];
  readonly tally: Tally;
  readonly reports: FileReport[] | null;
  /** The reports as the JSON output's lines (renderItems), in UTF-8. */
  readonly json: Uint8Array | null;
}

/** A batch done in this thread, as the run keeps it. */
export function outcome(result: BatchResult, want: Wanted): BatchOutcome {
  return {
    problems: result.problems,
    tally: tallyReports(result.reports, want.listing),
    reports: want.reports ? result.reports : null,
    json: want.json ? Buffer.from(renderItems(result.reports)) : null,
  };
}

/**
 * A worker's batch result as it travels: its tally and problems as JSON and, when the reports or
 * the JSON output are wanted, the reports as that output's lines in UTF-8, handed over rather than
 * copied. The JSON output of a large scan is thus rendered by the threads that read the files, and
 * is not rendered again on one thread at the end while the others wait; when the JSON output or the
 * text summary is all that is wanted, this thread does not even parse the reports (decodeBatch).
 */
export function encodeBatch(result: BatchResult, want: Wanted): Encoded {
  // Reports travel as their JSON lines (decodeBatch parses them back when they are wanted).
  const { problems, tally, json } = outcome(result, { ...want, reports: false, json: want.json || want.reports });
  const head = { problems: JSON.stringify(problems), tally: JSON.stringify(tally) };
  if (!json) return { data: head, transfer: [] };
  // A small Buffer may share a pool with others: hand over a buffer of its own.
  const bytes = json.byteOffset === 0 && json.byteLength === json.buffer.byteLength ? json : new Uint8Array(json);
  return { data: { ...head, json: bytes }, transfer: [bytes.buffer as ArrayBuffer] };
}

export function decodeBatch(data: unknown, want: Wanted): BatchOutcome {
  const { problems, tally, json } = data as { problems: string; tally: string; json?: Uint8Array };
  return {
    problems: JSON.parse(problems) as Problem[],
    tally: JSON.parse(tally) as Tally,
    reports: want.reports && json ? (JSON.parse(`[${decoder.decode(json)}]`) as FileReport[]) : null,
    json: want.json ? (json ?? null) : null,
  };
}

const decoder = new TextDecoder();
