// Packages loaded on first use rather than at start-up: few runs need them. Each is named by
// a literal require(): in the CLI's bundle (CommonJS) that is esbuild's require, so the package
// is in the bundle and its code in the code cache (one copy, shared with the modules that import
// it); run as ES modules there is no `require`, and Node loads the package from node_modules.
import { createRequire } from 'node:module';

const fromNodeModules = createRequire(import.meta.url);

/** The YAML parser: for .farleft.yml and pnpm's lock file. */
export function yaml(): typeof import('yaml') {
  return typeof require === 'function' ? require('yaml') : fromNodeModules('yaml');
}

/** .gitignore-style matching, for a policy exception by path. */
export function ignore(): (options?: object) => import('ignore').Ignore {
  return typeof require === 'function' ? require('ignore') : fromNodeModules('ignore');
}

/** spdx-correct (see catalog/correct.ts for how it is loaded). */
export function spdxCorrect(): (identifier: string, options?: { upgrade?: boolean }) => string | null {
  return typeof require === 'function' ? require('spdx-correct') : fromNodeModules('spdx-correct');
}
