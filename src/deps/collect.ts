// The collectors, one per ecosystem, in one table; which of them apply is decided from the
// files at the root, and collectAll() runs them.
import { statSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { Problem } from '../types.js';
import { collector as cargo } from './cargo.js';
import { collector as composer } from './composer.js';
import { listDir, NotInstalledError, problem } from './fs.js';
import { collector as go } from './go.js';
import { collector as npm } from './npm.js';
import { collector as python } from './python.js';
import type { CollectAllResult, CollectedPackage, CollectOptions, Collector, Ecosystem } from './types.js';

/** In the order their packages are listed. */
export const COLLECTORS: readonly Collector[] = [npm, python, cargo, go, composer];
export const ECOSYSTEMS: readonly Ecosystem[] = COLLECTORS.map((c) => c.ecosystem);

/** The collectors whose files are at the root (or the ones asked for). */
export function findCollectors(root: string, options: CollectOptions): Collector[] {
  const names = new Set(listDir(root).map((e) => e.name));
  return COLLECTORS.filter((c) => (options.ecosystems ? options.ecosystems.includes(c.ecosystem) : c.applies(names, options)));
}

/**
 * Runs each collector that applies. An ecosystem with nothing installed stops the audit
 * (exit 2, saying what to run), except a Python project without a virtualenv beside an
 * ecosystem that is installed: a virtualenv may live anywhere, so that is a problem.
 */
export function collectAll(root: string, options: CollectOptions): CollectAllResult {
  let stat;
  try {
    stat = statSync(root);
  } catch {
    throw new InputError(root, 'no such folder');
  }
  if (!stat.isDirectory()) throw new InputError(root, 'not a folder: farleft deps audits the project folder that holds package.json, Cargo.lock, go.mod, ...');
  const collectors = findCollectors(root, options);
  const packages: CollectedPackage[] = [];
  const problems: Problem[] = [];
  const ecosystems: Ecosystem[] = [];
  const soft: NotInstalledError[] = [];
  for (const c of collectors) {
    try {
      const result = c.collect(root, options);
      packages.push(...result.packages);
      problems.push(...result.problems);
      ecosystems.push(c.ecosystem);
    } catch (e) {
      if (e instanceof NotInstalledError && e.soft) soft.push(e);
      else throw e;
    }
  }
  if (soft.length > 0 && ecosystems.length === 0) throw soft[0]!;
  for (const e of soft) problems.push(problem('not-installed', 'warning', null, null, e.message, null));
  return { ecosystems, packages, problems };
}
