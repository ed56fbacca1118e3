// The CLI as one CommonJS bundle (dist/farleft.cjs, made by src/build-bundle.ts) run with
// V8's code cache for it (dist/farleft.cache): a run then starts from bytecode compiled at
// build time instead of loading and compiling ~90 ES modules. An empty scan starts in ~95 ms
// instead of ~170 ms, a worker thread in ~40 ms instead of ~125 ms, and short runs (a media
// folder, a small repository in CI) gain as much again in functions they no longer compile.
// V8 checks the cache against its version, flags and the source, and compiles as usual when
// it does not fit.
//
// This file is CommonJS (dist/cli/bundle.cjs), as bin/farleft.js and the worker entry are:
// a process whose entry is an ES module starts Node's ES module loader first, which costs
// every run ~5 ms before farleft's own code starts.
import fs = require('node:fs');
import nodeModule = require('node:module');
import path = require('node:path');
import v8 = require('node:v8');
import vm = require('node:vm');

/** dist/, where this file's compiled form sits in cli/. */
const DIST = path.join(__dirname, '..');
const BUNDLE_FILE = path.join(DIST, 'farleft.cjs');
const CACHE_FILE = path.join(DIST, 'farleft.cache');

/** What the bundle exports: its entry is src/cli/main.ts. */
interface BundleExports {
  main(argv: readonly string[]): Promise<void>;
  runWorker(kind: string): Promise<void>;
}

interface LoadedBundle {
  readonly script: vm.Script;
  readonly exports: BundleExports;
}

/** The bundle with its cache when the build made it, unless FARLEFT_NO_BUNDLE is set; else null (run the ES modules). */
function bundled(): LoadedBundle | null {
  if (process.env.FARLEFT_NO_BUNDLE || !fs.existsSync(BUNDLE_FILE)) return null;
  return loadBundle(BUNDLE_FILE, fs.existsSync(CACHE_FILE) ? fs.readFileSync(CACHE_FILE) : undefined);
}

/**
 * V8 compiles less, and not beside the work. A scan or an audit is short, and much of its CPU time
 * goes to compiling its hot functions (twice at 100k files: a thread each), on the cores the work
 * itself needs:
 * - a smaller budget for what it inlines into one optimized function than its default of 920
 *   bytes of bytecode: smaller graphs compile sooner and are thrown away less often;
 * - three times its default interrupt budget (67,584) before a function is optimized: an
 *   audit's code runs briefly, most of it cold, and what V8 no longer optimizes for a few calls
 *   leaves its compiler threads off the main thread's core;
 * - no concurrent recompilation in the threads that start after this is set (a scan's workers:
 *   the main thread's isolate keeps its compiler thread): a worker compiles its hot functions
 *   itself, where a compiler thread took its core from it and from the main thread alike.
 * Set wherever the bundle loads, the build's recording included, as V8 accepts a code cache only
 * under the flags it was made with.
 */
const V8_FLAGS = '--max-inlined-bytecode-size-cumulative=230 --interrupt-budget=202752 --no-concurrent-recompilation';

/** Compiles and runs the bundle's top level (with its code cache when one is given). */
function loadBundle(file: string, cachedData?: Buffer): LoadedBundle {
  v8.setFlagsFromString(V8_FLAGS);
  // Node's own CommonJS wrapper: the bundle sees require, module and __filename as a module would.
  // (No import() may be left in it: code from a code cache has no loader to call. The build checks.)
  const source = `(function (exports, require, module, __filename, __dirname) {${fs.readFileSync(file, 'utf8')}\n})`;
  const script = new vm.Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as Partial<BundleExports> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, nodeModule.createRequire(file), module, file, path.dirname(file));
  if (typeof module.exports.main !== 'function' || typeof module.exports.runWorker !== 'function') throw new Error(`${file} does not export main() and runWorker()`);
  return { script, exports: module.exports as BundleExports };
}

export = { BUNDLE_FILE, CACHE_FILE, V8_FLAGS, bundled, loadBundle };
