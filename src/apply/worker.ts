// An apply worker: applies to the batches of files it is sent (see run-files.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalog } from '../catalog/index.js';
import { answerBatch, type BatchMessage } from '../pipeline/spread.js';
import { applyFile, createFileRun, takeExceptionTexts, type RunSpec } from './apply-file.js';

// Only in a worker thread: importing this file elsewhere does nothing.
if (parentPort) {
  const port = parentPort;
  const run = createFileRun(workerData as RunSpec, loadCatalog());
  port.on('message', (msg: BatchMessage<readonly string[]>) =>
    answerBatch(port, msg, (paths) => ({ outcomes: paths.map((path) => applyFile(run, path)), problems: run.problems.splice(0), exceptionTexts: takeExceptionTexts(run) })),
  );
}
