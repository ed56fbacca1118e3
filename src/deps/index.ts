// `farleft deps`: the entry points other commands use: auditDependencies() (the whole
// audit, as the CLI runs it) and collectDependencies() (name, version, license and path of
// each dependency, for `compat .` and reports). The collectors are in collect.ts.
import type { Catalog } from '../catalog/index.js';
import type { Problem } from '../types.js';
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
