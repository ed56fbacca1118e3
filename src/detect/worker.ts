// A detect worker: reads and detects the batches of files it is sent (see run.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalog } from '../catalog/index.js';
import { MAX_READ_BYTES } from '../walk/read.js';
import { detectBatch, detectContext } from './run.js';

// Only in a worker thread: importing this file elsewhere does nothing.
if (parentPort) {
  const port = parentPort;
  const { root, minConfidence } = workerData as { root: string; minConfidence: number };
  const ctx = detectContext(loadCatalog(), minConfidence);
  const buffer = Buffer.allocUnsafe(MAX_READ_BYTES);
  port.on('message', (msg: { index: number; entries: string[] }) => {
    port.postMessage({ index: msg.index, result: detectBatch(root, msg.entries, ctx, buffer) });
  });
}
