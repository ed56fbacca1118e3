// `farleft deps`: the entry points other commands use: auditDependencies() (the whole
// audit, as the CLI runs it), collectDependencies() (name, version, license and path of
// each dependency, for `compat .` and reports) and installExcludes() (the folders they are
// installed in, which `compat .` and `lint` leave out). The collectors are in collect.ts.
import type { Catalog } from '../catalog/index.js';
import type { Problem } from '../types.js';
import { anchored } from '../walk/walk.js';
import { auditDependencies } from './audit.js';
import type { CollectEnv, DepScope, Ecosystem } from './types.js';

export { auditDependencies } from './audit.js';
export { COLLECTORS, ECOSYSTEMS, collectAll, findCollectors } from './collect.js';
export type * from './types.js';

/** What `compat .` needs of each dependency. */
export interface DependencyRecord {
  readonly ecosystem: Ecosystem;
  readonly name: string;
  readonly version: string | null;
  /** The effective license (an SPDX expression; NOASSERTION when unknown). */
  readonly license: string;
  /** The package folder relative to the root ('/'), or null when it is not installed. */
  readonly path: string | null;
  readonly scope: DepScope;
  readonly direct: boolean;
}

export interface CollectDependenciesOptions {
  readonly catalog?: Catalog;
  /** Where caches outside the project are ($CARGO_HOME, $GOMODCACHE, $VIRTUAL_ENV): pass process.env from the CLI; default none. */
  readonly env?: CollectEnv;
  readonly pythonSites?: readonly string[];
  /** Leave dev dependencies out (default false). */
  readonly production?: boolean;
  readonly minConfidence?: number;
}

/**
 * Every installed dependency of the project at `root` with its effective license, read as
 * `farleft deps` reads it (manifest and license texts), without evaluating anything.
 * Throws InputError (exit 2) when dependencies are declared but not installed.
 */
export function collectDependencies(
  root: string,
  options: CollectDependenciesOptions = {},
): { readonly dependencies: readonly DependencyRecord[]; readonly problems: readonly Problem[] } {
  const result = auditDependencies({
    root,
    version: '',
    env: options.env ?? {},
    ...(options.pythonSites ? { pythonSites: options.pythonSites } : {}),
    minConfidence: options.minConfidence ?? 0.9,
    context: 'link',
    dev: false,
    production: options.production ?? false,
    licensee: null,
    withTexts: false,
    evaluate: false,
    ...(options.catalog ? { catalog: options.catalog } : {}),
  });
  return {
    dependencies: result.packages.map((p) => ({ ecosystem: p.ecosystem, name: p.name, version: p.version, license: p.license, path: p.path, scope: p.scope, direct: p.direct })),
    problems: [...result.problems, ...result.packages.flatMap((p) => p.problems)],
  };
}

/** Folder names whose contents a package manager installs (npm, Composer, Go and Cargo vendoring). */
const INSTALL_FOLDERS = new Set(['node_modules', 'vendor']);
/** Python's: a virtualenv's site folder, below its root. */
const SITE_FOLDERS = new Set(['site-packages', 'dist-packages']);

/**
 * The folders below the root that hold installed dependencies (node_modules, vendor, a
 * virtualenv), from their packages' paths: what `compat .` and `lint` leave out of the
 * project's own files, since they count each dependency as one (outermost folders only, sorted).
 */
export function installFolders(dependencies: readonly { readonly path: string | null }[]): string[] {
  const found = new Set<string>();
  for (const { path } of dependencies) {
    if (path === null || path.startsWith('/') || path.startsWith('$')) continue; // outside the root (a cache)
    const parts = path.split('/');
    let end = parts.findIndex((p) => INSTALL_FOLDERS.has(p)) + 1;
    if (end === 0) {
      // <venv>/lib/pythonX.Y/site-packages, or on Windows <venv>/Lib/site-packages: the virtualenv's root.
      const site = parts.findIndex((p) => SITE_FOLDERS.has(p));
      const lib = /^python/i.test(parts[site - 1] ?? '') ? site - 2 : site - 1;
      end = site > 0 && lib > 0 && /^lib(?:64)?$/i.test(parts[lib]!) ? lib : site + 1;
    }
    if (end > 0) found.add(parts.slice(0, end).join('/'));
  }
  const sorted = [...found].sort();
  return sorted.filter((f) => !sorted.some((g) => g !== f && f.startsWith(`${g}/`)));
}

/** installFolders() as walk patterns that leave those folders out. */
export function installExcludes(dependencies: readonly { readonly path: string | null }[]): string[] {
  return installFolders(dependencies).map((f) => `${anchored(f)}/`);
}
