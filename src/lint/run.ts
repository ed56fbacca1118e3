// The lint pipeline: scan the tree (or the files asked for, with what decides their
// licensing), check the project's license against every file's, audit the dependencies,
// and hand all of it to the rules. `farleft report` reads the same input.
import type { Catalog } from '../catalog/index.js';
import { evaluateProject } from '../compat/index.js';
import { itemsFromScan } from '../compat/project.js';
import { auditDependencies, collectAll, installExcludes } from '../deps/index.js';
import type { CollectAllResult, CollectEnv } from '../deps/types.js';
import { InputError } from '../errors.js';
import { scan, type ScanOptions } from '../scan.js';
import { anchored } from '../walk/walk.js';
import type { Problem } from '../types.js';
import type { LintInput } from './types.js';

/** A scan's options (never following symlinks), and what lint adds. */
export interface LintRunOptions extends Omit<ScanOptions, 'followSymlinks' | 'catalog'> {
  readonly catalog: Catalog;
  /** Only these files (relative to root, '/'); null: the whole tree. */
  readonly only: readonly string[] | null;
  /** Audit the dependencies (default: when the project has some installed). */
  readonly deps: boolean;
  /** Where caches outside the project are, for the dependency audit (process.env from the CLI). */
  readonly env: CollectEnv;
}

/**
 * Files read besides the ones asked for, because they decide how those are licensed or what
 * the project's license is: REUSE.toml, dep5, LICENSES/, sidecars, and the root's license
 * files, manifests and README.
 */
const CONTEXT = ['REUSE.toml', '/.reuse/dep5', '/LICENSES/', '/LICEN[CS]E*', '/COPYING*', '/UNLICENSE*', '/README*', '/package.json', '/Cargo.toml', '/pyproject.toml', '/composer.json', '/setup.cfg'];

export async function prepareLint(options: LintRunOptions): Promise<LintInput> {
  const { catalog, config } = options;
  const only = options.only === null ? null : new Set(options.only);
  const include = only === null ? [...options.include] : [...CONTEXT, ...[...only].flatMap((p) => [anchored(p), anchored(`${p}.license`)])];
  // The dependencies first: each counts once, as a package, so the folders they are installed in are no project files.
  const depsProblems: Problem[] = [];
  let collection: CollectAllResult | null = null;
  if (options.deps && only === null)
    try {
      collection = collectAll(options.root, { env: options.env });
    } catch (e) {
      // Dependencies declared but not installed: lint the rest and say what was not checked.
      if (!(e instanceof InputError)) throw e;
      depsProblems.push({ code: 'not-installed', severity: 'warning', file: null, line: null, message: `dependencies were not checked: ${e.message}`, suggestion: 'Install them first (npm ci, pip install ..., cargo fetch), or pass --no-deps' });
    }
  const exclude = [...options.exclude, ...installExcludes(collection?.packages ?? [])];
  const result = await scan({ ...options, include, exclude, followSymlinks: false });

  const configured = config?.license ? catalog.normalize(config.license).expression : null;
  const outbound = configured ?? result.project.license;
  const licensee = config?.licensee ?? null;
  const policy = config?.policy ? { policy: config.policy, policyFile: config.file } : {};
  let compat = null;
  if (outbound !== null) {
    const { items, unlicensed } = itemsFromScan(result);
    compat = evaluateProject(
      { root: result.root, outbound, outboundSource: configured ? 'config' : 'declared', items: only ? items.filter((i) => only.has(i.name)) : items, unlicensed },
      { catalog, context: 'bundle', licensee, ...policy },
    );
  }

  let deps = null;
  if (collection) {
    const audit = auditDependencies({
      collection,
      root: options.root,
      version: options.version,
      env: options.env,
      minConfidence: options.minConfidence,
      ...(outbound ? { license: outbound } : {}),
      context: 'link',
      dev: false,
      production: false,
      licensee,
      ...policy,
      withTexts: false,
      catalog,
    });
    if (audit.ecosystems.length > 0) deps = audit;
  }
  return { scan: result, catalog, compat, deps, depsProblems, only };
}
