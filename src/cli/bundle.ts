// The CLI as one CommonJS bundle (dist/farleft.cjs, made by src/build-bundle.ts) run with
// V8's code cache for it (dist/farleft.cache): a run then starts from bytecode compiled at
// build time instead of loading and compiling ~90 ES modules. An empty scan starts in ~100 ms
// instead of ~170 ms, and short runs (a media folder, a small repository in CI) gain as
// much again in functions they no longer compile. V8 checks the cache against its version,
// flags and the source, and compiles as usual when it does not fit.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { constants, Script } from 'node:vm';

export interface LoadedBundle {
  readonly script: Script;
  readonly main: (argv: readonly string[]) => Promise<void>;
}

/** Compiles and runs the bundle's top level (with its code cache when one is given) and returns its main(). */
export function loadBundle(file: string, cachedData?: Buffer): LoadedBundle {
  // Node's own CommonJS wrapper: the bundle sees require, module and __filename as a module would.
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(source, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    // What the bundle still imports at run time (node: modules, the packages only `apply --embed` loads), Node's loader imports.
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} as { main?: LoadedBundle['main'] } };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  if (typeof module.exports.main !== 'function') throw new Error(`${file} does not export main()`);
  return { script, main: module.exports.main };
}
