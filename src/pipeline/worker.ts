// A scan worker: started while the walk goes on (see run.ts), it loads the catalog, then
// takes the run's setup (root, REUSE annotations, license text files) and the batches of files it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalog } from '../catalog/index.js';
import type { Annotation, DetectOptions } from '../detect/types.js';
import { batchContext, encodeBatch, processBatch, type BatchContext, type Wanted } from './process.js';
import { answerBatch, type BatchMessage } from './spread.js';

export interface SetupMessage {
  readonly setup: {
    readonly root: string;
    readonly annotations: readonly Annotation[];
    readonly licenseTexts: readonly string[];
    /** What the run wants of each batch (see encodeBatch). */
    readonly want: Wanted;
  };
}

// Only in a worker thread: importing this file elsewhere does nothing.
if (parentPort) {
  const port = parentPort;
  const options = workerData as DetectOptions;
  const catalog = loadCatalog();
  let ctx: BatchContext | null = null;
  let want: Wanted = { reports: true, json: false, listing: false };
  port.on('message', (msg: SetupMessage | BatchMessage<readonly string[]>) => {
    if ('setup' in msg) {
      ctx = batchContext(msg.setup.root, catalog, options, msg.setup.annotations, msg.setup.licenseTexts);
      want = msg.setup.want;
    } else answerBatch(port, msg, (paths) => processBatch(paths, ctx!), (result) => encodeBatch(result, want));
  });
}
