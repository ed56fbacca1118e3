// A scan worker: processes the batches of files it is sent (see run.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalog } from '../catalog/index.js';
import type { Annotation } from '../detect/types.js';
import { batchContext, processBatch } from './process.js';

// Only in a worker thread: importing this file elsewhere does nothing.
if (parentPort) {
  const port = parentPort;
  const { root, minConfidence, annotations } = workerData as { root: string; minConfidence: number; annotations: Annotation[] };
  const ctx = batchContext(root, loadCatalog(), minConfidence, annotations);
  port.on('message', (msg: { index: number; paths: string[] }) => {
    port.postMessage({ index: msg.index, result: processBatch(msg.paths, ctx) });
  });
}
