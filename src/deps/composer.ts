// Composer (PHP): vendor/composer/installed.json lists what `composer install` put in
// vendor/ (Composer 2: { packages, dev-package-names }; Composer 1: a plain array), with
// each package's license and install path. The package's own composer.json is read by the
// manifest detector; installed.json's license stands in when it is missing. composer.lock,
// when present, is compared with what is installed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isRecord, jsonErrorAt } from '../detect/manifests/shared.js';
import type { Problem } from '../types.js';
import { isInside, lineAt, NotInstalledError, problem, readText, realpath, showPath } from './fs.js';
import { assignScopes, type DepEdge } from './graph.js';
import type { CollectedPackage, Collection, Collector, DepScope } from './types.js';

const INSTALLED = 'vendor/composer/installed.json';

export const collector: Collector = {
  ecosystem: 'composer',
  applies: (names) => names.has('composer.json') || names.has('composer.lock'),
  collect: collectComposer,
};

interface Installed {
  readonly name: string;
  readonly version: string | null;
  readonly license: unknown;
  readonly dir: string | null;
  readonly requires: readonly string[];
  readonly line: number | null;
}

export function collectComposer(rootArg: string): Collection {
  const root = realpath(rootArg) ?? rootArg;
  const problems: Problem[] = [];
  const project = readJson(root, 'composer.json', problems);
  const requires = (data: unknown, key: string): string[] => (isRecord(data) && isRecord(data[key]) ? Object.keys(data[key]).filter(isPackageName) : []);
  const prodRoots = requires(project, 'require');
  const devRoots = requires(project, 'require-dev');

  const read = readText(join(root, INSTALLED));
  if ('error' in read) {
    if (!existsSync(join(root, INSTALLED))) {
      if (prodRoots.length + devRoots.length > 0)
        throw new NotInstalledError(join(rootArg, 'vendor'), 'missing: run composer install first (farleft audits what is installed; it never installs packages or runs their code)');
      return { packages: [], problems };
    }
    problems.push(problem('read-error', 'error', INSTALLED, null, `${INSTALLED} could not be read: ${read.error}`));
    return { packages: [], problems };
  }
  const installed = parseInstalled(read.text, root, problems);
  if (!installed) return { packages: [], problems };

  const byName = new Map(installed.list.map((p) => [p.name.toLowerCase(), p]));
  const refOf = (p: Installed): string => (p.dir ? showPath(root, p.dir) : `composer:${p.name}@${p.version ?? ''}`);
  const edges = new Map<string, DepEdge[]>();
  for (const p of installed.list) edges.set(refOf(p), p.requires.flatMap((n) => (byName.has(n.toLowerCase()) ? [{ to: refOf(byName.get(n.toLowerCase())!), kind: 'prod' as DepScope }] : [])));
  const roots: DepEdge[] = [
    ...prodRoots.flatMap((n) => (byName.has(n.toLowerCase()) ? [{ to: refOf(byName.get(n.toLowerCase())!), kind: 'prod' as DepScope }] : [])),
    ...devRoots.flatMap((n) => (byName.has(n.toLowerCase()) ? [{ to: refOf(byName.get(n.toLowerCase())!), kind: 'dev' as DepScope }] : [])),
  ];
  const scopes = assignScopes(roots, edges);
  const direct = new Set(roots.map((r) => r.to));
  const devNames = new Set(installed.devNames.map((n) => n.toLowerCase()));

  const packages: CollectedPackage[] = installed.list.map((p) => {
    const ref = refOf(p);
    const isDev = devNames.has(p.name.toLowerCase());
    return {
      ecosystem: 'composer',
      name: p.name,
      version: p.version,
      ref,
      path: p.dir ? ref : null,
      dir: p.dir,
      installed: p.dir !== null,
      direct: direct.has(ref),
      scope: isDev ? 'dev' : (scopes.get(ref) ?? 'prod'),
      manifest: p.dir ? 'composer.json' : null,
      recorded: { value: p.license ?? null, file: INSTALLED, line: p.line },
      dependsOn: (edges.get(ref) ?? []).map((e) => e.to),
    };
  });
  compareLock(root, installed.list, problems, packages);
  return { packages, problems };
}

function parseInstalled(text: string, root: string, problems: Problem[]): { list: Installed[]; devNames: string[] } | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const at = jsonErrorAt(text, error);
    problems.push(problem('malformed-lock', 'error', INSTALLED, at.line, `${INSTALLED}:${at.line}:${at.column} cannot be parsed: ${at.reason}; no PHP package was audited`, 'Run composer install again'));
    return null;
  }
  const entries = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.packages) ? data.packages : null;
  if (!entries) {
    problems.push(problem('malformed-lock', 'error', INSTALLED, 1, `${INSTALLED} is neither a list of packages nor { "packages": [...] }`, 'Run composer install again'));
    return null;
  }
  const devNames = isRecord(data) && Array.isArray(data['dev-package-names']) ? data['dev-package-names'].filter((n): n is string => typeof n === 'string') : [];
  const vendor = join(root, 'vendor');
  const list: Installed[] = [];
  let searchFrom = 0;
  for (const e of entries) {
    if (!isRecord(e) || typeof e.name !== 'string' || !isPackageName(e.name)) {
      problems.push(problem('malformed-lock', 'warning', INSTALLED, null, `${INSTALLED} has an entry without a valid package name; skipped`));
      continue;
    }
    const nameAt = text.indexOf(`"name": "${e.name}"`, searchFrom);
    const line = nameAt === -1 ? null : lineAt(text, nameAt);
    if (nameAt !== -1) searchFrom = nameAt;
    // install-path is relative to vendor/composer; without it Composer uses vendor/<name>.
    const installPath = typeof e['install-path'] === 'string' ? join(vendor, 'composer', e['install-path']) : join(vendor, e.name);
    const real = realpath(installPath);
    let dir: string | null = null;
    if (e.type === 'metapackage') dir = null;
    else if (!real) problems.push(problem('not-installed', 'warning', INSTALLED, line, `${INSTALLED} lists ${e.name}, but ${showPath(root, installPath)} is missing`, 'Run composer install'));
    else if (!isInside(root, real)) problems.push(problem('link-outside-root', 'warning', INSTALLED, line, `${e.name} is installed from ${real}, outside the audited folder; its license files were not read`, 'Audit that folder on its own'));
    else dir = real;
    list.push({
      name: e.name,
      version: typeof e.version === 'string' ? e.version : null,
      license: e.license,
      dir,
      requires: isRecord(e.require) ? Object.keys(e.require).filter(isPackageName) : [],
      line,
    });
  }
  return { list, devNames };
}

/** composer.lock against installed.json: versions that differ, packages locked but not installed. */
function compareLock(root: string, installed: readonly Installed[], problems: Problem[], packages: CollectedPackage[]): void {
  const lock = readJson(root, 'composer.lock', problems);
  if (!isRecord(lock)) return;
  const have = new Map(installed.map((p) => [p.name.toLowerCase(), p]));
  for (const [key, scope] of [['packages', 'prod'], ['packages-dev', 'dev']] as const) {
    for (const e of Array.isArray(lock[key]) ? lock[key] : []) {
      if (!isRecord(e) || typeof e.name !== 'string') continue;
      const p = have.get(e.name.toLowerCase());
      if (!p) {
        if (scope === 'dev') continue; // composer install --no-dev leaves them out on purpose
        packages.push({ ecosystem: 'composer', name: e.name, version: typeof e.version === 'string' ? e.version : null, ref: `composer:${e.name}@${String(e.version ?? '')}`, path: null, dir: null, installed: false, direct: false, scope, manifest: null, recorded: { value: e.license ?? null, file: 'composer.lock', line: null }, dependsOn: [] });
      } else if (typeof e.version === 'string' && p.version && e.version !== p.version)
        problems.push(problem('lock-mismatch', 'warning', 'composer.lock', null, `composer.lock locks ${e.name} at ${e.version}, but ${p.version} is installed: the install and the lock disagree; the installed version is audited`, 'Run composer install'));
    }
  }
}

function readJson(root: string, file: string, problems: Problem[]): unknown {
  const read = readText(join(root, file));
  if ('error' in read) return null;
  try {
    return JSON.parse(read.text);
  } catch (error) {
    const at = jsonErrorAt(read.text, error);
    problems.push(problem(file === 'composer.lock' ? 'malformed-lock' : 'malformed-manifest', 'error', file, at.line, `${file}:${at.line}:${at.column} cannot be parsed: ${at.reason}`, null));
    return null;
  }
}

/** vendor/name; not php, ext-*, lib-* or composer-plugin-api platform packages. */
function isPackageName(name: string): boolean {
  return /^[a-z0-9_.-]+\/[a-z0-9_.-]+$/i.test(name);
}
