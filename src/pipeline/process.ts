// One batch of files, start to finish: read (bounded), detect, and resolve each file's
// licensing. Runs in a worker thread or in the main thread; the result is plain data.
import type { Catalog } from '../catalog/index.js';
import { detectFiles, readContext, type ReadContext } from '../detect/run.js';
import type { Annotation, DetectOptions } from '../detect/types.js';
import { resolveFiles } from '../project/index.js';
import { compileAnnotations, type AnnotationIndex } from '../project/reuse-glob.js';
import type { FileReport, Problem } from '../types.js';

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
  return { reports: resolved.reports, problems: [...problems, ...resolved.problems] };
}
