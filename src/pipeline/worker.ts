// A scan worker: started while the walk goes on (see run.ts), it loads the catalog, then
// takes the run's setup (root and REUSE annotations) and the batches of files it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalog } from '../catalog/index.js';
import type { Annotation } from '../detect/types.js';
import { batchContext, processBatch, type BatchContext } from './process.js';

export type WorkerMessage = { readonly setup: { readonly root: string; readonly annotations: readonly Annotation[] } } | { readonly batch: { readonly index: number; readonly paths: readonly string[] } };

// Only in a worker thread: importing this file elsewhere does nothing.
if (parentPort) {
  const port = parentPort;
  const { minConfidence } = workerData as { minConfidence: number };
  const catalog = loadCatalog();
  let ctx: BatchContext | null = null;
  port.on('message', (msg: WorkerMessage) => {
    if ('setup' in msg) ctx = batchContext(msg.setup.root, catalog, minConfidence, msg.setup.annotations);
    else port.postMessage({ index: msg.batch.index, result: JSON.stringify(processBatch(msg.batch.paths, ctx!)) });
  });
}
