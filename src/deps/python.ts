// Python: the distributions installed in a virtualenv, one `*.dist-info` (or `*.egg-info`)
// folder each, read from their core metadata (METADATA / PKG-INFO: License-Expression,
// License, Classifier, License-File, Requires-Dist). Old distutils writes an egg-info as one
// file, the PKG-INFO itself; pip and importlib.metadata list those too. Where: --python-site
// folders, else the project's .venv or venv, else the active virtualenv ($VIRTUAL_ENV).
// Direct dependencies and scopes come from the project's declarations (pyproject.toml
// [project] dependencies and optional-dependencies, [dependency-groups], Poetry's groups,
// requirements*.txt), followed through each distribution's Requires-Dist (an egg-info's
// requires.txt when it has none, as importlib.metadata reads it); without any declaration,
// pip's REQUESTED marker says what was installed on purpose. Environment markers are not
// evaluated: an edge behind one (an extra, a platform, a Python version) is optional.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { routeLicenseFile } from '../detect/license-text/route.js';
import { readHeaders } from '../detect/manifests/headers.js';
import { at, isRecord } from '../detect/manifests/shared.js';
import type { Problem } from '../types.js';
import { isInside, isPlainFile, listDir, NotInstalledError, problem, readText, realpath, showPath } from './fs.js';
import { assignScopes, type DepEdge } from './graph.js';
import type { CollectedPackage, Collection, CollectOptions, Collector, DepScope } from './types.js';

const VENV_NAMES = ['.venv', 'venv'];
const PROJECT_FILES = ['pyproject.toml', 'requirements.txt', 'setup.py', 'setup.cfg', 'Pipfile', 'poetry.lock', 'uv.lock'];
const DEV_REQUIREMENTS = ['requirements-dev.txt', 'dev-requirements.txt', 'requirements_dev.txt', 'requirements-test.txt', 'requirements/dev.txt', 'requirements/test.txt'];
/** requires.txt is a few lines per extra; this is far beyond any real one. */
const MAX_REQUIRES_BYTES = 1024 * 1024;
/** Author lists, which setuptools' and hatchling's default license_files globs (AUTHORS*) sweep in: no license text. */
const AUTHOR_LIST = /^(?:authors?|contributors?|credits|maintainers|thanks)(?:[-_.][^/]*)?$/i;

export const collector: Collector = {
  ecosystem: 'pypi',
  applies: (names, options) => (options.pythonSites?.length ?? 0) > 0 || VENV_NAMES.some((n) => names.has(n)) || PROJECT_FILES.some((n) => names.has(n)),
  collect: collectPython,
};

/** PEP 503: names compare lower-cased, with runs of -, _ and . as one -. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export function collectPython(rootArg: string, options: CollectOptions): Collection {
  const root = realpath(rootArg) ?? rootArg;
  const problems: Problem[] = [];
  const caches: [string, string | undefined][] = [['$VIRTUAL_ENV', options.env.VIRTUAL_ENV]];
  const sites = findSites(root, options);
  const declared = readDeclarations(root, problems);
  if (sites.length === 0) {
    if (declared.edges.length > 0)
      throw new NotInstalledError(rootArg, 'no Python virtualenv found (.venv, venv or $VIRTUAL_ENV): create one and install the project first (python -m venv .venv && .venv/bin/pip install -e .), or name a site-packages folder with --python-site DIR', true);
    return { packages: [], problems };
  }

  interface Dist {
    readonly ref: string;
    readonly dir: string;
    readonly name: string;
    readonly version: string | null;
    readonly manifest: string | null;
    /** A single-file egg-info: the file is the PKG-INFO, with nothing beside it. */
    readonly single: boolean;
    readonly text: string | null;
    readonly requires: readonly DepEdge[];
    readonly licenseFiles: readonly string[];
    readonly requested: boolean;
  }
  const dists: Dist[] = [];
  const byName = new Map<string, Dist>();
  for (const site of sites) {
    for (const entry of listDir(site).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const isDist = entry.name.endsWith('.dist-info');
      const isEgg = entry.name.endsWith('.egg-info');
      // A file (not a link) named *.egg-info is the PKG-INFO of a distutils install.
      const single = isEgg && entry.isFile();
      if ((!entry.isDirectory() && !single) || (!isDist && !isEgg)) continue;
      const dir = join(site, entry.name);
      const ref = showPath(root, dir, caches);
      const manifest = isDist ? 'METADATA' : 'PKG-INFO';
      const file = single ? dir : join(dir, manifest);
      const shown = single ? ref : `${ref}/${manifest}`;
      const read = isPlainFile(file) ? readText(file, 4 * 1024 * 1024) : { error: 'not a plain file' };
      const fallback = /^(.+?)-([^-]+?)\.(?:dist|egg)-info$/.exec(entry.name);
      let name = fallback?.[1] ?? entry.name;
      let version: string | null = fallback?.[2] ?? null;
      let requires: DepEdge[] | null = null;
      let licenseFiles: string[] = [];
      if ('error' in read) {
        problems.push(problem('no-manifest', 'warning', shown, null, `${ref} has no readable ${single ? 'metadata' : manifest} (${read.error}): listed by its ${single ? 'file' : 'folder'} name`, 'Reinstall the package: pip install --force-reinstall <name>'));
      } else {
        const headers = readHeaders(read.text);
        const get = (h: string): string | undefined => headers.find((x) => x.name === h)?.value;
        if (!get('Metadata-Version') || !get('Name'))
          problems.push(problem('malformed-metadata', 'warning', shown, 1, `${shown} is not valid core metadata (no Metadata-Version or Name header); listed by its ${single ? 'file' : 'folder'} name`, 'Reinstall the package'));
        name = get('Name') ?? name;
        version = get('Version') ?? version;
        const requiresDist = headers.filter((h) => h.name === 'Requires-Dist');
        if (requiresDist.length > 0) requires = requiresDist.flatMap((h) => requirement(h.value));
        if (!single) licenseFiles = headers.filter((h) => h.name === 'License-File').flatMap((h) => licenseFileOf(dir, h.value));
      }
      // importlib.metadata: Requires-Dist when there is any, else the egg-info's requires.txt.
      requires ??= isEgg && !single ? readRequiresTxt(dir, ref, problems) : [];
      const dist: Dist = {
        ref,
        dir,
        name,
        version,
        // inspect reads the text already read under the name PKG-INFO; an unreadable single file has nothing more to read.
        manifest: single && !('text' in read) ? null : manifest,
        single,
        text: 'text' in read ? read.text : null,
        requires,
        licenseFiles,
        requested: !single && existsSync(join(dir, 'REQUESTED')),
      };
      if (byName.has(normalizeName(name))) {
        problems.push(problem('duplicate-install', 'warning', ref, null, `${name} is installed twice (${byName.get(normalizeName(name))!.ref} and ${ref}); both are listed`, 'Remove the stale one (pip uninstall, then install again)'));
        dists.push(dist);
        continue;
      }
      byName.set(normalizeName(name), dist);
      dists.push(dist);
    }
  }

  const edges = new Map<string, DepEdge[]>();
  for (const d of dists) edges.set(d.ref, linkRequires(d.ref, normalizeName(d.name), d.requires, byName));
  const hasDeclarations = declared.edges.length > 0;
  const roots = hasDeclarations
    ? declared.edges.flatMap((e) => (byName.has(e.to) ? [{ to: byName.get(e.to)!.ref, kind: e.kind }] : []))
    : dists.filter((d) => d.requested).map((d) => ({ to: d.ref, kind: 'prod' as DepScope }));
  const scopes = assignScopes(roots, edges);
  const direct = new Set(roots.map((r) => r.to));
  for (const e of declared.edges)
    if (!byName.has(e.to) && e.kind !== 'optional' && e.kind !== 'dev')
      problems.push(problem('not-installed', 'warning', e.file, null, `${e.file} requires ${e.to}, which is not installed in ${sites.map((s) => showPath(root, s, caches)).join(', ')}`, 'Install the project into its virtualenv (pip install -e . or pip install -r requirements.txt)'));

  const packages: CollectedPackage[] = dists.map((d) => ({
    ecosystem: 'pypi',
    name: d.name,
    version: d.version,
    ref: d.ref,
    path: d.ref,
    dir: d.dir,
    installed: true,
    direct: direct.has(d.ref),
    scope: scopes.get(d.ref) ?? 'prod',
    manifest: d.manifest,
    ...(d.text !== null ? { manifestText: d.text } : {}),
    licenseFiles: d.licenseFiles,
    // A single file has no folder to look into for license files.
    ...(d.single ? { listed: true } : {}),
    dependsOn: (edges.get(d.ref) ?? []).map((e) => e.to),
  }));
  return { packages, problems };
}

/** site-packages folders: given, or in the project's virtualenv, or in the active one. */
function findSites(root: string, options: CollectOptions): string[] {
  if (options.pythonSites?.length) return [...options.pythonSites];
  for (const name of VENV_NAMES) {
    const sites = sitesOf(join(root, name));
    if (sites.length) return sites;
  }
  const active = options.env.VIRTUAL_ENV;
  return active ? sitesOf(active) : [];
}

function sitesOf(venv: string): string[] {
  const out: string[] = [];
  for (const lib of ['lib', 'lib64'])
    for (const e of listDir(join(venv, lib))) if (/^(?:python|pypy)\d/.test(e.name)) out.push(join(venv, lib, e.name, 'site-packages'));
  if (existsSync(join(venv, 'Lib', 'site-packages'))) out.push(join(venv, 'Lib', 'site-packages'));
  // lib64 is often a link to lib: one folder, listed once.
  const real = new Map<string, string>();
  for (const s of out) if (existsSync(s)) real.set(realpath(s) ?? s, s);
  return [...real.values()];
}

/**
 * `name[x] (>=1) ; marker` -> an edge. A marker (`extra == "x"`, `sys_platform == "win32"`,
 * `python_version < "3.8"`) is not evaluated: the edge is optional, not a required runtime
 * dependency. `condition` is a requires.txt section's. A URL requirement (`name @ url`) needs
 * white space before its `;` (PEP 508): a URL may hold one.
 */
function requirement(spec: string, condition = ''): DepEdge[] {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec);
  if (!m) return [];
  const semi = spec.includes('@') ? spec.search(/\s;/) : spec.indexOf(';');
  const marker = semi < 0 ? '' : spec.slice(semi + 1).trim();
  return [{ to: normalizeName(m[1]!), kind: marker !== '' || condition !== '' ? 'optional' : 'prod' }];
}

/**
 * An egg-info's requires.txt, read as importlib.metadata reads it: lines before any section
 * are requirements; `[extra]`, `[:marker]` and `[extra:marker]` sections put a condition on
 * the lines under them. Missing is no requirements; unreadable is said.
 */
function readRequiresTxt(dir: string, ref: string, problems: Problem[]): DepEdge[] {
  const path = join(dir, 'requires.txt');
  if (!existsSync(path)) return [];
  const read = isPlainFile(path) ? readText(path, MAX_REQUIRES_BYTES) : { error: 'not a plain file' };
  if ('error' in read) {
    problems.push(problem('read-error', 'warning', `${ref}/requires.txt`, null, `${ref}/requires.txt could not be read (${read.error}): the dependencies of ${ref} are not linked`, null));
    return [];
  }
  const out: DepEdge[] = [];
  let condition = '';
  for (const raw of read.text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    // `[:]` and `[]` carry no condition, as in importlib.metadata.
    if (line.startsWith('[') && line.endsWith(']')) condition = line.slice(1, -1).replace(':', '').trim();
    else out.push(...requirement(line, condition));
  }
  return out;
}

/**
 * A dist's requirements as edges to the installed dists: one per target, prod if any
 * requirement of it is, and none to itself (`attrs[tests]; extra == "dev"` names attrs).
 */
function linkRequires(ref: string, name: string, requires: readonly DepEdge[], byName: ReadonlyMap<string, { readonly ref: string }>): DepEdge[] {
  const out = new Map<string, DepScope>();
  for (const e of requires) {
    const to = byName.get(e.to)?.ref;
    if (to === undefined || to === ref || e.to === name) continue;
    if (out.get(to) !== 'prod') out.set(to, e.kind);
  }
  return [...out].map(([to, kind]) => ({ to, kind }));
}

/**
 * A License-File names a path relative to the project; wheels put it in dist-info/licenses/
 * (PEP 639) or dist-info/. An author list (AUTHORS, CONTRIBUTORS.txt) is no license text,
 * whatever the metadata calls it: left out, unless its name also says license.
 */
function licenseFileOf(dir: string, value: string): string[] {
  const rel = value.trim().replace(/\\/g, '/');
  if (rel === '' || rel.startsWith('/') || rel.split('/').includes('..')) return [];
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  if (AUTHOR_LIST.test(base) && !routeLicenseFile(base)) return [];
  for (const candidate of [`licenses/${rel}`, rel, rel.slice(rel.lastIndexOf('/') + 1)]) {
    const abs = join(dir, candidate);
    if (existsSync(abs) && isInside(dir, realpath(abs) ?? dir)) return [candidate];
  }
  return [];
}

interface DeclaredEdge extends DepEdge {
  readonly file: string;
}

/** The project's declared dependencies, by PEP 503 name. */
function readDeclarations(root: string, problems: Problem[]): { edges: DeclaredEdge[] } {
  const edges: DeclaredEdge[] = [];
  const add = (names: readonly string[], kind: DepScope, file: string): void => {
    for (const n of names) {
      const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(n);
      if (m && m[1]!.toLowerCase() !== 'python') edges.push({ to: normalizeName(m[1]!), kind, file });
    }
  };
  const pyproject = readText(join(root, 'pyproject.toml'), 4 * 1024 * 1024);
  if ('text' in pyproject) {
    let data: Record<string, unknown> | null = null;
    try {
      data = parseToml(pyproject.text) as Record<string, unknown>;
    } catch (e) {
      const line = (e as { line?: number }).line ?? null;
      problems.push(problem('malformed-manifest', 'error', 'pyproject.toml', line, `pyproject.toml cannot be parsed: ${(e as Error).message.split('\n')[0]}; its dependencies are unknown`, 'Fix the TOML syntax'));
    }
    if (data) {
      add(strings(at(data, 'project.dependencies')), 'prod', 'pyproject.toml');
      for (const list of Object.values(record(at(data, 'project.optional-dependencies')))) add(strings(list), 'optional', 'pyproject.toml');
      for (const list of Object.values(record(at(data, 'dependency-groups')))) add(strings(list), 'dev', 'pyproject.toml');
      add(Object.keys(record(at(data, 'tool.poetry.dependencies'))), 'prod', 'pyproject.toml');
      add(Object.keys(record(at(data, 'tool.poetry.dev-dependencies'))), 'dev', 'pyproject.toml');
      for (const group of Object.values(record(at(data, 'tool.poetry.group')))) add(Object.keys(record(at(group, 'dependencies'))), 'dev', 'pyproject.toml');
      add(strings(at(data, 'tool.uv.dev-dependencies')), 'dev', 'pyproject.toml');
    }
  }
  for (const [file, kind] of [['requirements.txt', 'prod'], ...DEV_REQUIREMENTS.map((f) => [f, 'dev'])] as [string, DepScope][]) {
    const req = readText(join(root, file), 4 * 1024 * 1024);
    if ('text' in req) add(req.text.split('\n').filter((l) => !/^\s*(?:#|-|$)/.test(l)), kind, file);
  }
  return { edges };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
