// One batch of files, start to finish: read (bounded), detect, and resolve each file's
// licensing. Runs in a worker thread or in the main thread; the result is plain data.
import type { Catalog } from '../catalog/index.js';
import { detectFiles, readContext, type ReadContext } from '../detect/run.js';
import type { Annotation } from '../detect/types.js';
import { resolveFileReport, type FileFacts } from '../project/index.js';
import { formatOfPath } from '../detect/media/formats.js';
import { findMediaConflicts, xmpSidecarOf } from '../project/media-conflicts.js';
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

export function batchContext(root: string, catalog: Catalog, minConfidence: number, annotations: readonly Annotation[]): BatchContext {
  return { ...readContext(root, catalog, minConfidence), index: compileAnnotations(annotations) };
}

/** Reads, detects and resolves a batch (sidecars travel with their files: see batches.ts). */
export function processBatch(paths: readonly string[], ctx: BatchContext): BatchResult {
  const { facts, problems } = detectFiles(paths, ctx);
  const sidecars = new Map<string, FileFacts>();
  let xmpFiles: Map<string, FileFacts> | null = null;
  for (const f of facts) {
    if (f.path.endsWith('.license')) sidecars.set(f.path.slice(0, -'.license'.length), f);
    else if (f.path.endsWith('.xmp')) (xmpFiles ??= new Map()).set(f.path, f);
  }
  const reports: FileReport[] = [];
  for (const f of facts) {
    const sidecar = sidecars.get(f.path);
    // Only media files have .xmp sidecars and embedded metadata to disagree with.
    if (formatOfPath(f.path) === null) {
      reports.push(resolveFileReport(f, sidecar, ctx.index));
      continue;
    }
    const xmpPath = xmpFiles && !f.path.endsWith('.xmp') ? xmpSidecarOf(f.path, (p) => xmpFiles!.has(p)) : null;
    const xmp = xmpPath ? xmpFiles!.get(xmpPath) : undefined;
    problems.push(...findMediaConflicts(f, sidecar, ctx.index, ctx.detect.catalog, xmp));
    reports.push(resolveFileReport(f, sidecar, ctx.index, xmp));
  }
  return { reports, problems };
}
