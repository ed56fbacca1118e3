// Runs the per-file stages (read, detect, resolve) over every walked file: in this thread
// for small trees, and spread over worker threads for large ones (reading is most of a
// scan's cost, and a machine has more than one core). Results come back in walk order,
// whoever did the work.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Catalog } from '../catalog/index.js';
import { readableAnnotations } from '../project/index.js';
import type { FileReport, Problem } from '../types.js';
import { makeBatches } from './batches.js';
import { detectFiles, readContext } from '../detect/run.js';
import { batchContext, processBatch, type BatchResult } from './process.js';

export interface RunOptions {
  readonly minConfidence: number;
  /** Threads to use, this one included (default: the machine's parallelism). */
  readonly jobs?: number;
  /** Called on this thread as batches complete (large trees only): files done, files in all. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Below this many files, a worker's start (its own module graph and catalog) costs more than
 * it saves (measured on 2 cores: even at 30k, 100k gains ~10%). `--jobs N` asks for workers
 * anyway, from one batch of files up.
 */
const PARALLEL_FROM = 25_000;
const BATCH = 500;
const REUSE_FILES = /(?:^|\/)REUSE\.toml$|^\.reuse\/dep5$/;

export async function processAll(root: string, paths: readonly string[], catalog: Catalog, options: RunOptions): Promise<{ reports: FileReport[]; problems: Problem[] }> {
  // REUSE.toml and dep5 say how other files are licensed: read them first, here.
  const reuseFiles = detectFiles(paths.filter((p) => REUSE_FILES.test(p)), readContext(root, catalog, options.minConfidence));
  const annotations = readableAnnotations(reuseFiles.facts);
  const ctx = batchContext(root, catalog, options.minConfidence, annotations);

  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), 16));
  const enough = paths.length >= (options.jobs === undefined ? PARALLEL_FROM : BATCH * 2);
  // Workers run the compiled worker.js; from TypeScript sources (tests) there is none.
  const workerFile = new URL('./worker.js', import.meta.url);
  if (jobs === 1 || !enough || !existsSync(workerFile)) return processBatch(paths, ctx);

  const batches = makeBatches(paths, BATCH);
  const results: BatchResult[] = new Array(batches.length);
  let nextBatch = 0;
  let completed = 0;
  let filesDone = 0;
  const workerData = { root, minConfidence: options.minConfidence, annotations };
  const workers = Array.from({ length: jobs - 1 }, () => new Worker(workerFile, { workerData }));
  try {
    let allDone!: () => void;
    let failed!: (e: unknown) => void;
    const done = new Promise<void>((resolve, reject) => {
      allDone = resolve;
      failed = reject;
    });
    const store = (index: number, result: BatchResult): void => {
      results[index] = result;
      options.onProgress?.((filesDone += batches[index]!.length), paths.length);
      if (++completed === batches.length) allDone();
    };
    for (const worker of workers) {
      const give = (): void => {
        if (nextBatch < batches.length) {
          const index = nextBatch++;
          worker.postMessage({ index, paths: batches[index] });
        }
      };
      worker.on('message', (msg: { index: number; result: BatchResult }) => {
        store(msg.index, msg.result);
        give();
      });
      worker.on('error', failed);
      // Two batches in flight, so a worker never waits for this thread to hand out work.
      give();
      give();
    }
    // This thread takes batches too, yielding between them so workers get theirs.
    while (nextBatch < batches.length) {
      const index = nextBatch++;
      store(index, processBatch(batches[index]!, ctx));
      await new Promise((r) => setImmediate(r));
    }
    await done;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { reports: results.flatMap((r) => r.reports), problems: results.flatMap((r) => r.problems) };
}
