// Where every worker thread starts (scan batches, apply batches): the bundle from its code
// cache when the build made them, as the main thread runs it, else the ES modules. The kind
// of worker comes as the thread's first argument.
import { bundled } from './bundle.js';

const bundle = bundled();
const { runWorker } = bundle ? bundle.exports : await import('./main.js');
await runWorker(process.argv[2] ?? '');
