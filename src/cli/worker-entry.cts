// Where every worker thread starts (scan batches, apply batches): the bundle from its code
// cache when the build made them, as the main thread runs it, else the ES modules. The kind
// of worker comes as the thread's first argument. CommonJS, as bundle.cts says why.
import bundle = require('./bundle.cjs');

const kind = process.argv[2] ?? '';
const loaded = bundle.bundled();
if (loaded) void loaded.exports.runWorker(kind);
else void import('./main.js').then((m) => m.runWorker(kind));
