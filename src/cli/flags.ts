// Options several commands share: declared once, checked the same way everywhere (exit 2 when wrong).
import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import type { CollectEnv } from '../deps/types.js';
import { UsageError } from '../errors.js';

/** The flags of every command that scans a tree (scan, lint, report). */
export interface TreeFlags {
  exclude?: string[];
  include?: string[];
  ignore: boolean;
  minConfidence: string;
  jobs?: string;
  quiet?: boolean;
}

/** Which files to read, how sure a text match must be, threads and the progress line. */
export function treeOptions(command: Command, verb: string): Command {
  return command
    .option('-e, --exclude <pattern...>', 'skip paths matching these .gitignore-style patterns')
    .option('-i, --include <pattern...>', `${verb} only files matching these .gitignore-style patterns`)
    .option('--no-ignore', 'do not apply .gitignore files (version-control folders are still skipped)')
    .option('--min-confidence <n>', 'name a license text only at or above this match confidence (0-1)', '0.9')
    .option('-j, --jobs <n>', 'threads to read files with (default: one per core)')
    .option('-q, --quiet', 'no progress line');
}

/** --min-confidence: a number in (0, 1]. */
export function parseMinConfidence(value: string): number {
  const n = Number(value);
  if (!(n > 0 && n <= 1)) throw new UsageError(`--min-confidence must be a number in (0, 1], not ${value}`);
  return n;
}

/** --jobs: a whole number of at least 1, or undefined when not given. */
export function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= 1)) throw new UsageError(`--jobs must be a whole number of at least 1, not ${value}`);
  return n;
}

/** Whether a command-line argument names a folder (compat and lint read a folder and a file list differently). */
export function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** The environment variables that say where dependencies live outside the project (virtualenv, Cargo and Go caches). */
export function collectEnv(env: NodeJS.ProcessEnv): CollectEnv {
  return { VIRTUAL_ENV: env.VIRTUAL_ENV, CARGO_HOME: env.CARGO_HOME, GOMODCACHE: env.GOMODCACHE, GOPATH: env.GOPATH, HOME: env.HOME };
}
