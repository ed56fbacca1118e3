// Runs the per-file stages (read, detect, resolve) over every walked file: in this thread
// for small trees, and spread over worker threads for large ones (reading is most of a
// scan's cost, and a machine has more than one core). Results come back in walk order,
// whoever did the work.
import type { Worker } from 'node:worker_threads';
import type { Catalog } from '../catalog/index.js';
import { detector as manifests } from '../detect/manifests/index.js';
import { manifestLicenseFiles, readableAnnotations } from '../project/index.js';
import type { FileReport, Problem } from '../types.js';
import { makeBatches } from './batches.js';
import { detectFiles, readContext } from '../detect/run.js';
import type { DetectOptions } from '../detect/types.js';
import { batchContext, decodeBatch, outcome, processBatch, type BatchOutcome, type Wanted } from './process.js';
import { mergeTallies, tallyReports, type Tally } from '../project/tally.js';
import type { RenderedList } from '../report/json-lines.js';
import { spread, startWorkers, threadCount, WORKER_ENTRY, workersBuilt } from './spread.js';
import type { SetupMessage } from './worker.js';

export interface RunOptions {
  readonly minConfidence: number;
  /** See DetectOptions.asReuse. */
  readonly asReuse?: boolean;
  /** Threads to use, this one included (default: the machine's parallelism). */
  readonly jobs?: number;
  /** Called on this thread as batches complete (large trees only): files done, files in all. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface RunResult {
  /** Every file's report, in path order. */
  readonly reports: FileReport[];
  readonly problems: Problem[];
  readonly tally: Tally;
}

/** What runForJson gives: the reports, or on a large tree their JSON output's lines instead. */
export interface JsonRunResult {
  readonly files: FileReport[] | RenderedList;
  readonly problems: Problem[];
  readonly tally: Tally;
}

/**
 * Below this many files a worker costs more than it saves: each thread warms up its own
 * code, and two busy threads slow each other down (measured on 2 cores with gen-tree trees:
 * at 30k files one thread and two take the same 0.9 s; at 100k, 2.5 s and 1.9 s). `--jobs N`
 * asks for workers anyway, from two batches of files up.
 */
const PARALLEL_FROM = 25_000;
const BATCH = 500;
const REUSE_FILES = /(?:^|\/)REUSE\.toml$|^\.reuse\/dep5$/;

/** REUSE.toml, dep5 and the root manifests: what they say decides how other files are read. */
function readFirst(path: string): boolean {
  return REUSE_FILES.test(path) || (!path.includes('/') && manifests.accepts(path, 'text'));
}

export async function processAll(root: string, paths: readonly string[], catalog: Catalog, options: RunOptions): Promise<RunResult> {
  return new FileRunner(catalog, options).run(root, paths);
}

/**
 * The threads of one run. A scan tells the runner how many files its walk has found so far
 * (`found`), so the workers start, and load their modules and catalog, while the walk goes
 * on; run() starts them itself when nobody did. run() always stops them.
 */
export class FileRunner {
  private workers: Worker[] | null = null;
  private readonly jobs: number;
  /** What every thread's detectors are given. */
  private readonly detect: DetectOptions;

  constructor(
    private readonly catalog: Catalog,
    private readonly options: RunOptions,
  ) {
    this.jobs = threadCount(options.jobs);
    this.detect = { minConfidence: options.minConfidence, ...(options.asReuse ? { asReuse: true } : {}) };
  }

  /** The walk has found `count` files: enough for workers? */
  found(count: number): void {
    if (this.workers === null && this.worthWorkers(count)) this.workers = this.spawn();
  }

  async run(root: string, paths: readonly string[]): Promise<RunResult> {
    const { reports, problems, tally } = await this.execute(root, paths, { reports: true, json: false, listing: false });
    return { reports: reports!, problems, tally };
  }

  /**
   * For the JSON output alone: on a large tree each thread renders the reports of its batches
   * while the others work, and this thread keeps their lines rather than the reports (it does
   * not parse a worker's). On one thread, rendering them later costs the same.
   */
  async runForJson(root: string, paths: readonly string[]): Promise<JsonRunResult> {
    const { reports, json, problems, tally } = await this.execute(root, paths, { reports: false, json: true, listing: false });
    return { files: reports ?? json!, problems, tally };
  }

  /** For the text summary alone: each thread lists what the summary shows of its files (Tally.listing); no report crosses. */
  async runForText(root: string, paths: readonly string[]): Promise<{ problems: Problem[]; tally: Tally }> {
    const { problems, tally } = await this.execute(root, paths, { reports: false, json: false, listing: true });
    return { problems, tally };
  }

  private async execute(root: string, paths: readonly string[], want: Wanted): Promise<{ reports: FileReport[] | null; json: RenderedList | null; problems: Problem[]; tally: Tally }> {
    try {
      // REUSE.toml and dep5 say how other files are licensed, and a root manifest may name the
      // file that holds the project's license text (SEE LICENSE IN TERMS.md): read them first, here.
      const first = detectFiles(paths.filter(readFirst), readContext(root, this.catalog, this.detect));
      const annotations = readableAnnotations(first.facts);
      const licenseTexts = manifestLicenseFiles(first.facts);
      const ctx = batchContext(root, this.catalog, this.detect, annotations, licenseTexts);
      if (!this.worthWorkers(paths.length)) {
        const { reports, problems } = processBatch(paths, ctx);
        return { reports, json: null, problems, tally: tallyReports(reports, want.listing) };
      }
      const workers = (this.workers ??= this.spawn());
      for (const w of workers) w.postMessage({ setup: { root, annotations, licenseTexts, want } } satisfies SetupMessage);
      const batches = makeBatches(paths, BATCH);
      let filesDone = 0;
      const results: BatchOutcome[] = await spread(batches, workers, (batch) => outcome(processBatch(batch, ctx), want), {
        decode: (data) => decodeBatch(data, want),
        onResult: (index) => this.options.onProgress?.((filesDone += batches[index]!.length), paths.length),
      });
      return {
        reports: want.reports ? results.flatMap((r) => r.reports!) : null,
        json: want.json ? { pieces: results.map((r) => r.json!) } : null,
        problems: results.flatMap((r) => r.problems),
        tally: mergeTallies(results.map((r) => r.tally)),
      };
    } finally {
      // Their results are in: the threads may stop while this one goes on (the process waits for them before it exits).
      void this.close();
    }
  }

  /** Stops the workers (a walk that failed leaves them unused). */
  async close(): Promise<void> {
    const workers = this.workers ?? [];
    this.workers = null;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private worthWorkers(files: number): boolean {
    if (this.jobs === 1 || files < (this.options.jobs === undefined ? PARALLEL_FROM : BATCH * 2)) return false;
    if (workersBuilt()) return true;
    // Threads asked for (--jobs) where the compiled worker is missing (a broken build, or the TypeScript
    // sources): say so rather than quietly run on one.
    if (this.options.jobs !== undefined) throw new Error(`--jobs ${this.options.jobs}: the worker module ${WORKER_ENTRY.pathname} is missing; rebuild farleft (npm run build)`);
    return false;
  }

  private spawn(): Worker[] {
    return startWorkers('scan', this.jobs - 1, this.detect);
  }
}
