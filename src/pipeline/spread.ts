// Work spread over worker threads and this thread, batch by batch: each thread takes the
// next batch when it is done with one, and the results come back in batch order, whoever did
// the work. A batch goes to a worker as a message and its result comes back as JSON text
// (parsing it costs this thread half of what a structured clone does), or as its user
// encodes it (the scan: process.ts). The scan's read-and-detect stage (run.ts) and apply's
// writing run (run-files.ts) use it. (The dependency audit stays on one
// thread: spread over two, its 1,000-package bench tree took 0.78 s instead of 0.62 s, each
// thread paying for its own cold matcher.)
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, type MessagePort } from 'node:worker_threads';
import { MODULES_URL } from '../paths.js';

/**
 * Where every worker thread starts (src/cli/worker-entry.cts: the bundle, or the ES modules);
 * from the TypeScript sources (tests) there is none, and the work stays on one thread.
 */
export const WORKER_ENTRY = new URL('cli/worker-entry.cjs', MODULES_URL);

export function workersBuilt(): boolean {
  return existsSync(WORKER_ENTRY);
}

/** Threads to use, this one included: as asked (--jobs), else one per core; 1 to 16. */
export function threadCount(jobs: number | undefined): number {
  return Math.max(1, Math.min(jobs ?? availableParallelism(), 16));
}

/** Starts `count` workers of a kind (see runWorker in src/cli/main.ts). */
export function startWorkers(kind: 'scan' | 'apply', count: number, workerData: unknown): Worker[] {
  return Array.from({ length: count }, () => new Worker(WORKER_ENTRY, { argv: [kind], workerData }));
}

/** What a worker is sent for each batch. */
export interface BatchMessage<B> {
  readonly batch: { readonly index: number; readonly data: B };
}

interface BatchReply {
  readonly index: number;
  readonly result: unknown;
}

/** What a worker sends for a batch's result: the message, and the buffers it hands over rather than copies. */
export interface Encoded {
  readonly data: unknown;
  readonly transfer: readonly ArrayBuffer[];
}

const toJson = (result: unknown): Encoded => ({ data: JSON.stringify(result), transfer: [] });

export interface SpreadOptions<R> {
  /** Called on this thread as each batch's result arrives (progress). */
  readonly onResult?: (index: number) => void;
  /** No batch is handed out once it is aborted; the ones under way finish. */
  readonly signal?: AbortSignal;
  /** Batches a worker holds at once (default 2, so it never waits for this thread to hand out work; 1 stops sooner). */
  readonly inFlight?: number;
  /** Makes a worker's message a result (default: JSON text parsed); the other side of answerBatch's `encode`. */
  readonly decode?: (data: unknown) => R;
}

/** The results of the batches done, in batch order: all of them, unless `signal` stopped the hand-out. */
export async function spread<B, R>(batches: readonly B[], workers: readonly Worker[], here: (batch: B) => R, options: SpreadOptions<R> = {}): Promise<R[]> {
  const decode = options.decode ?? ((data: unknown) => JSON.parse(data as string) as R);
  const results: (R | undefined)[] = new Array(batches.length);
  const stopped = (): boolean => options.signal?.aborted === true;
  let next = 0;
  let completed = 0;
  let allDone!: () => void;
  let failed!: (e: unknown) => void;
  const done = new Promise<void>((resolve, reject) => {
    allDone = resolve;
    failed = reject;
  });
  // Should this thread's own batch throw, nobody awaits `done`; its later rejection (the workers being stopped) is then moot.
  done.catch(() => {});
  // Done when every batch handed out has come back, and no more will be.
  const settle = (): void => {
    if (completed === next && (next === batches.length || stopped())) allDone();
  };
  const store = (index: number, result: R): void => {
    results[index] = result;
    options.onResult?.(index);
    completed++;
    settle();
  };
  const take = (): number | null => (next < batches.length && !stopped() ? next++ : null);
  for (const worker of workers) {
    const give = (): void => {
      const index = take();
      if (index !== null) worker.postMessage({ batch: { index, data: batches[index]! } } satisfies BatchMessage<B>);
    };
    worker.on('message', (msg: BatchReply) => {
      store(msg.index, decode(msg.result));
      give();
    });
    worker.on('error', failed);
    // A worker that stops by itself (out of memory, killed) would leave its batches undone for ever.
    worker.on('exit', (code) => failed(new Error(`a worker thread stopped (exit code ${code}) before its work was done`)));
    for (let k = 0; k < (options.inFlight ?? 2); k++) give();
  }
  // This thread takes batches too, yielding between them so workers get theirs.
  for (let index = take(); index !== null; index = take()) {
    store(index, here(batches[index]!));
    await new Promise((r) => setImmediate(r));
  }
  settle();
  await done;
  return results.filter((r): r is R => r !== undefined);
}

/** The worker's side: does one batch and sends its result back (as JSON text unless told otherwise). */
export function answerBatch<B, R>(port: MessagePort, msg: BatchMessage<B>, work: (batch: B) => R, encode: (result: R) => Encoded = toJson): void {
  const { data, transfer } = encode(work(msg.batch.data));
  port.postMessage({ index: msg.batch.index, result: data } satisfies BatchReply, [...transfer]);
}
