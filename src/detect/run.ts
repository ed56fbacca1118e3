// Reads and detects every walked file: in this thread for small trees, and spread over
// worker threads for large ones (reading is most of a scan's cost, and a machine has more
// than one core). Results come back in walk order, whoever did the work.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Catalog } from '../catalog/index.js';
import type { FileFacts } from '../project/index.js';
import type { Problem } from '../types.js';
import { MAX_READ_BYTES, MAX_SCAN_BYTES, readFileInput } from '../walk/read.js';
import { readProblem } from '../walk/walk.js';
import { loadMatcher, type LicenseMatcher } from './license-text/index.js';
import { detectFile } from './index.js';
import type { DetectContext } from './types.js';

export interface RunOptions {
  readonly minConfidence: number;
  /** Threads to use, this one included (default: the machine's parallelism). */
  readonly jobs?: number;
}

export interface BatchResult {
  readonly facts: FileFacts[];
  readonly problems: Problem[];
}

/** Below this many files, starting workers costs more than it saves. */
const PARALLEL_FROM = 3000;
const BATCH = 500;

export function detectContext(catalog: Catalog, minConfidence: number): DetectContext {
  let matcher: LicenseMatcher | undefined;
  return { catalog, matcher: () => (matcher ??= loadMatcher()), options: { minConfidence } };
}

/** Reads and detects a batch of files (relative paths below `root`) in this thread. */
export function detectBatch(root: string, paths: readonly string[], ctx: DetectContext, buffer = Buffer.allocUnsafe(MAX_READ_BYTES)): BatchResult {
  const facts: FileFacts[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    let input;
    try {
      input = readFileInput(`${root}/${path}`, path, buffer);
    } catch (e) {
      problems.push(readProblem(path, e));
      continue;
    }
    const detection = detectFile(input, ctx);
    facts.push({ path: path, kind: input.kind, size: input.size, detection });
    problems.push(...detection.problems);
    if (input.encoding === 'latin1')
      problems.push(note('not-utf8', path, 'the file is not valid UTF-8; it was read as Latin-1', 'Save the file as UTF-8 (REUSE recommends it)'));
    if (input.truncated)
      problems.push(note('file-too-large', path, `only the first ${MAX_SCAN_BYTES / 1024 / 1024} MiB of this ${Math.round(input.size / 1024 / 1024)} MiB file were searched for tags`, null));
  }
  return { facts, problems };
}

function note(code: string, file: string, message: string, suggestion: string | null): Problem {
  return { code, severity: 'note', file, line: null, message, suggestion };
}

export async function detectAll(root: string, entries: readonly string[], catalog: Catalog, options: RunOptions): Promise<BatchResult> {
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), 16));
  const ctx = detectContext(catalog, options.minConfidence);
  // Workers run the compiled worker.js; from TypeScript sources (tests) there is none.
  const workerFile = new URL('./worker.js', import.meta.url);
  if (jobs === 1 || entries.length < PARALLEL_FROM || !existsSync(workerFile)) return detectBatch(root, entries, ctx);

  const batches: string[][] = [];
  for (let i = 0; i < entries.length; i += BATCH) batches.push(entries.slice(i, i + BATCH));
  const results: BatchResult[] = new Array(batches.length);
  let nextBatch = 0;
  let completed = 0;
  const workers = Array.from({ length: jobs - 1 }, () => new Worker(workerFile, { workerData: { root, minConfidence: options.minConfidence } }));
  try {
    let allDone!: () => void;
    let failed!: (e: unknown) => void;
    const done = new Promise<void>((resolve, reject) => {
      allDone = resolve;
      failed = reject;
    });
    const store = (index: number, result: BatchResult): void => {
      results[index] = result;
      if (++completed === batches.length) allDone();
    };
    for (const worker of workers) {
      const give = (): void => {
        if (nextBatch < batches.length) {
          const index = nextBatch++;
          worker.postMessage({ index, entries: batches[index] });
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
    const buffer = Buffer.allocUnsafe(MAX_READ_BYTES);
    while (nextBatch < batches.length) {
      const index = nextBatch++;
      store(index, detectBatch(root, batches[index]!, ctx, buffer));
      await new Promise((r) => setImmediate(r));
    }
    await done;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { facts: results.flatMap((r) => r.facts), problems: results.flatMap((r) => r.problems) };
}
