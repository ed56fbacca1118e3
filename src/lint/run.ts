// The lint pipeline: scan the tree (or the files asked for, with what decides their
// licensing), check the project's license against every file's, audit the dependencies,
// and hand all of it to the rules. `farleft report` reads the same input.
import type { Catalog } from '../catalog/index.js';
import { evaluateProject } from '../compat/index.js';
import { itemsFromScan } from '../compat/project.js';
import { auditDependencies } from '../deps/index.js';
import type { CollectEnv } from '../deps/types.js';
import { InputError } from '../errors.js';
import { scan, type ScanOptions } from '../scan.js';
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
  const result = await scan({ ...options, include, followSymlinks: false });

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
  const depsProblems: Problem[] = [];
  if (options.deps && only === null) {
    try {
      const audit = auditDependencies({
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
    } catch (e) {
      // Dependencies declared but not installed: lint the rest and say what was not checked.
      if (!(e instanceof InputError)) throw e;
      depsProblems.push({ code: 'not-installed', severity: 'warning', file: null, line: null, message: `dependencies were not checked: ${e.message}`, suggestion: 'Install them first (npm ci, pip install ..., cargo fetch), or pass --no-deps' });
    }
  }
  return { scan: result, catalog, compat, deps, depsProblems, only };
}

/** A path as a .gitignore pattern that matches exactly that file. */
export function anchored(path: string): string {
  return `/${path.replace(/[\\*?[\]!# ]/g, (c) => `\\${c}`)}`;
}
