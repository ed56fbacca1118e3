// Runs applyFile over every file of a run: in this thread, and over worker threads as well
// when a large run turns out to be writing. A run that finds its files done already (the
// second run) costs less than starting workers does, so the first files are always done
// here, and workers join only if enough of them needed writing. Results come back in path
// order, whoever did them. (--embed, whose media helper is asynchronous, stays here.)
import type { Catalog } from '../catalog/index.js';
import type { Problem } from '../types.js';
import { applyFile, createFileRun, takeExceptionTexts, type FileRun, type HeaderText, type RunSpec } from './apply-file.js';
import type { EmbedResult } from './embed/index.js';
import type { FileOutcome } from './types.js';
import { spread, startWorkers, threadCount, workersBuilt } from '../pipeline/spread.js';

export interface BatchOutput {
  readonly outcomes: FileOutcome[];
  readonly problems: Problem[];
  /** Exceptions' texts found in headers (see FileRun.exceptionTexts), in file order. */
  readonly exceptionTexts: [string, HeaderText][];
}

export interface FilesOptions {
  /** Stops the run between two files (between two batches in worker threads). */
  readonly signal?: AbortSignal;
  /** Metadata embedding for a file (--embed); runs in this thread. */
  readonly embed?: (path: string) => Promise<EmbedResult | null>;
  readonly jobs?: number;
}

/** Below this many files, starting workers costs more than it saves. */
const PARALLEL_FROM = 2000;
/** Files done in this thread before deciding on workers, and the share of them written that calls them in. */
const PROBE = 500;
const WRITING = 0.2;
const BATCH = 250;
const YIELD_EVERY = 64;

export async function applyFiles(spec: RunSpec, catalog: Catalog, paths: readonly string[], options: FilesOptions = {}): Promise<BatchOutput & { unreached: number }> {
  const jobs = threadCount(options.jobs);
  const run = createFileRun(spec, catalog);
  const parallel = !options.embed && jobs > 1 && paths.length >= PARALLEL_FROM && workersBuilt();
  const outcomes: FileOutcome[] = [];
  for (const path of paths) {
    // Let a Ctrl-C in now and then: it is delivered only between turns of the event loop.
    if (outcomes.length % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((r) => setImmediate(r));
    if (options.signal?.aborted) break;
    outcomes.push(applyFile(run, path, options.embed ? await options.embed(path) : null));
    if (parallel && outcomes.length === PROBE && outcomes.filter((o) => o.status === 'changed' || o.status === 'sidecar').length >= PROBE * WRITING) break;
  }
  if (outcomes.length === paths.length || options.signal?.aborted) return { outcomes, problems: run.problems, exceptionTexts: takeExceptionTexts(run), unreached: paths.length - outcomes.length };

  const first: BatchOutput = { outcomes, problems: run.problems.splice(0), exceptionTexts: takeExceptionTexts(run) };
  const rest = await inWorkers(spec, run, paths.slice(outcomes.length), jobs, options.signal);
  return { outcomes: [...first.outcomes, ...rest.outcomes], problems: [...first.problems, ...rest.problems], exceptionTexts: [...first.exceptionTexts, ...rest.exceptionTexts], unreached: rest.unreached };
}

/** The rest of a writing run: batches shared between worker threads and this one (see pipeline/spread.ts). */
async function inWorkers(spec: RunSpec, run: FileRun, paths: readonly string[], jobs: number, signal: AbortSignal | undefined): Promise<BatchOutput & { unreached: number }> {
  const batches: string[][] = [];
  for (let i = 0; i < paths.length; i += BATCH) batches.push(paths.slice(i, i + BATCH));
  const workers = startWorkers('apply', jobs - 1, spec);
  let done: BatchOutput[];
  try {
    // One batch per worker at a time: a Ctrl-C then leaves at most one batch per thread to finish.
    done = await spread(batches, workers, (batch) => ({ outcomes: batch.map((path) => applyFile(run, path)), problems: run.problems.splice(0), exceptionTexts: takeExceptionTexts(run) }), { ...(signal ? { signal } : {}), inFlight: 1 });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  const outcomes = done.flatMap((r) => r.outcomes);
  return { outcomes, problems: done.flatMap((r) => r.problems), exceptionTexts: done.flatMap((r) => r.exceptionTexts), unreached: paths.length - outcomes.length };
}
