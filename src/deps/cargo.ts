// Cargo: the crates in Cargo.lock, read from `cargo vendor`'s folder (vendor/, or the
// directory .cargo/config.toml names) or from the local registry sources Cargo unpacks
// into $CARGO_HOME/registry/src. Packages without a `source` are the workspace's own; their
// Cargo.toml says which dependencies are dev or build only (dev scope) or optional.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import { at, isRecord } from '../detect/manifests/shared.js';
import type { Problem } from '../types.js';
import { isInside, listDir, NotInstalledError, problem, readText, realpath, showPath } from './fs.js';
import { assignScopes, findCycles, type DepEdge } from './graph.js';
import type { CollectedPackage, Collection, CollectOptions, Collector, DepScope } from './types.js';

export const collector: Collector = {
  ecosystem: 'cargo',
  applies: (names) => names.has('Cargo.lock') || names.has('Cargo.toml'),
  collect: collectCargo,
};

interface Crate {
  readonly name: string;
  readonly version: string;
  readonly source: string | null;
  readonly deps: readonly string[];
}

export function collectCargo(rootArg: string, options: CollectOptions): Collection {
  const root = realpath(rootArg) ?? rootArg;
  const problems: Problem[] = [];
  const lockText = readText(join(root, 'Cargo.lock'));
  if ('error' in lockText) {
    if (!existsSync(join(root, 'Cargo.lock')) && hasDependencies(root))
      throw new NotInstalledError(join(rootArg, 'Cargo.lock'), 'missing: run cargo generate-lockfile and cargo vendor (or cargo fetch) first, so the crates to audit are known and on disk');
    if (existsSync(join(root, 'Cargo.lock'))) problems.push(problem('read-error', 'error', 'Cargo.lock', null, `Cargo.lock could not be read: ${lockText.error}`));
    return { packages: [], problems };
  }
  const crates = parseCargoLock(lockText.text, problems);
  if (!crates) return { packages: [], problems };

  const cargoHome = options.env.CARGO_HOME ?? (options.env.HOME ? join(options.env.HOME, '.cargo') : undefined);
  const vendor = vendorDir(root);
  const registries = cargoHome ? listDir(join(cargoHome, 'registry', 'src')).filter((e) => e.isDirectory()).map((e) => join(cargoHome, 'registry', 'src', e.name)) : [];
  const caches: [string, string | undefined][] = [['$CARGO_HOME', cargoHome]];

  const refOf = new Map<Crate, string>();
  const dirOf = new Map<Crate, string>();
  for (const c of crates) {
    if (c.source === null) continue;
    const dir = locate(c, vendor, registries, root);
    if (dir) dirOf.set(c, dir);
    refOf.set(c, dir ? showPath(root, dir, caches) : `cargo:${c.name}@${c.version}`);
  }
  const external = crates.filter((c) => c.source !== null);
  if (external.length > 0 && dirOf.size === 0)
    throw new NotInstalledError(rootArg, `none of the ${external.length} crates in Cargo.lock is on disk: run cargo vendor (or cargo fetch, which unpacks them into $CARGO_HOME/registry/src) first`);

  // Edges: a dependency is "name" or "name version" or "name version (source)".
  const byName = new Map<string, Crate[]>();
  for (const c of crates) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  const find = (spec: string): Crate | undefined => {
    const [name, version] = spec.split(' ');
    const list = byName.get(name!) ?? [];
    return version ? list.find((c) => c.version === version) : list[0];
  };
  const kinds = memberKinds(root);
  const edges = new Map<string, DepEdge[]>();
  const roots: DepEdge[] = [];
  for (const c of crates) {
    const out: DepEdge[] = [];
    for (const spec of c.deps) {
      const target = find(spec);
      if (!target || target.source === null) continue;
      const kind: DepScope = c.source === null ? (kinds.get(c.name)?.get(target.name) ?? 'prod') : 'prod';
      (c.source === null ? roots : out).push({ to: refOf.get(target)!, kind });
    }
    if (c.source !== null) edges.set(refOf.get(c)!, out);
  }
  const scopes = assignScopes(roots, edges);
  const direct = new Set(roots.map((r) => r.to));
  for (const cycle of findCycles([...edges.keys()], edges).slice(0, 20))
    problems.push(problem('dependency-cycle', 'note', 'Cargo.lock', null, `${cycle.join(' → ')} depend on each other in a cycle; each is audited once`));

  const packages: CollectedPackage[] = external.map((c) => {
    const ref = refOf.get(c)!;
    const dir = dirOf.get(c) ?? null;
    return {
      ecosystem: 'cargo',
      name: c.name,
      version: c.version,
      ref,
      path: dir ? ref : null,
      dir,
      installed: dir !== null,
      direct: direct.has(ref),
      scope: scopes.get(ref) ?? 'prod',
      manifest: dir ? 'Cargo.toml' : null,
      ...(dir ? {} : { recorded: { value: null, file: 'Cargo.lock', line: null } }),
      dependsOn: (edges.get(ref) ?? []).map((e) => e.to),
    };
  });
  return { packages, problems };
}

/** The [[package]] tables of Cargo.lock; null (with a problem naming the line) when it cannot be parsed. */
export function parseCargoLock(text: string, problems: Problem[]): Crate[] | null {
  let data: Record<string, unknown>;
  try {
    data = parseToml(text) as Record<string, unknown>;
  } catch (e) {
    const line = e instanceof TomlError ? e.line : null;
    problems.push(problem('malformed-lock', 'error', 'Cargo.lock', line, `Cargo.lock${line ? `:${line}` : ''} cannot be parsed: ${(e as Error).message.split('\n')[0]}; no crate was audited`, 'Regenerate it: cargo generate-lockfile'));
    return null;
  }
  const list = Array.isArray(data.package) ? data.package : [];
  const crates: Crate[] = [];
  for (const p of list) {
    if (!isRecord(p) || typeof p.name !== 'string' || typeof p.version !== 'string') {
      problems.push(problem('malformed-lock', 'warning', 'Cargo.lock', null, `Cargo.lock has a [[package]] without a name or version (${JSON.stringify(p).slice(0, 80)}); skipped`));
      continue;
    }
    crates.push({
      name: p.name,
      version: p.version,
      source: typeof p.source === 'string' ? p.source : null,
      deps: Array.isArray(p.dependencies) ? p.dependencies.filter((d): d is string => typeof d === 'string') : [],
    });
  }
  return crates;
}

function vendorDir(root: string): string {
  for (const file of ['.cargo/config.toml', '.cargo/config']) {
    const read = readText(join(root, file), 1024 * 1024);
    if (!('text' in read)) continue;
    try {
      const data = parseToml(read.text);
      for (const source of Object.values(isRecord(at(data, 'source')) ? (at(data, 'source') as Record<string, unknown>) : {})) {
        const dir = at(source, 'directory');
        if (typeof dir === 'string' && !dir.startsWith('/') && !dir.split('/').includes('..')) return join(root, dir);
      }
    } catch {
      // An unreadable config only loses the custom vendor folder name.
    }
  }
  return join(root, 'vendor');
}

/**
 * vendor/<name>-<version>, vendor/<name> (cargo vendor's two spellings), vendor/<name>-<version without
 * its build metadata> (Debian's directory source names bzip2-sys 0.1.11+1.0.8 `bzip2-sys-0.1.11`), or a
 * registry's <name>-<version>. Versions that differ only in build metadata are one version (SemVer 2.0.0, §10).
 */
function locate(c: Crate, vendor: string, registries: readonly string[], root: string): string | null {
  const core = withoutBuild(c.version);
  const vendored = [...new Set([join(vendor, `${c.name}-${c.version}`), join(vendor, c.name), join(vendor, `${c.name}-${core}`)])];
  // A vendored crate is read only where it really is inside the project.
  for (const dir of vendored) if (isInside(root, realpath(dir) ?? '/') && existsSync(join(dir, 'Cargo.toml')) && withoutBuild(vendoredVersion(dir) ?? '') === core) return dir;
  if (c.source?.startsWith('registry+') || c.source?.startsWith('sparse+'))
    for (const reg of registries) if (existsSync(join(reg, `${c.name}-${c.version}`, 'Cargo.toml'))) return join(reg, `${c.name}-${c.version}`);
  return null;
}

function withoutBuild(version: string): string {
  const plus = version.indexOf('+');
  return plus < 0 ? version : version.slice(0, plus);
}

/** A vendored crate's version, from the first `version = "..."` of its [package] table. */
function vendoredVersion(dir: string): string | null {
  const read = readText(join(dir, 'Cargo.toml'), 1024 * 1024);
  if (!('text' in read)) return null;
  const pkg = read.text.indexOf('[package]');
  const m = /^version\s*=\s*"([^"]+)"/m.exec(read.text.slice(pkg === -1 ? 0 : pkg));
  return m?.[1] ?? null;
}

/** Per workspace member: the scope each dependency has in its Cargo.toml (dev-/build-dependencies: dev). */
function memberKinds(root: string): Map<string, Map<string, DepScope>> {
  const out = new Map<string, Map<string, DepScope>>();
  const read = (dir: string, depth: number): void => {
    const text = readText(join(dir, 'Cargo.toml'), 1024 * 1024);
    if (!('text' in text)) return;
    let data: Record<string, unknown>;
    try {
      data = parseToml(text.text) as Record<string, unknown>;
    } catch {
      return; // the manifest detector reports a malformed Cargo.toml in a scan
    }
    const name = at(data, 'package.name');
    if (typeof name === 'string') {
      const kinds = new Map<string, DepScope>();
      const add = (table: unknown, kind: DepScope): void => {
        for (const [key, spec] of Object.entries(isRecord(table) ? table : {})) {
          const crate = isRecord(spec) && typeof spec.package === 'string' ? spec.package : key;
          const k: DepScope = kind === 'prod' && isRecord(spec) && spec.optional === true ? 'optional' : kind;
          const prev = kinds.get(crate);
          if (!prev || (prev === 'dev' && k !== 'dev')) kinds.set(crate, k);
        }
      };
      add(data.dependencies, 'prod');
      for (const t of Object.values(isRecord(data.target) ? data.target : {})) add(at(t, 'dependencies'), 'prod');
      add(data['dev-dependencies'], 'dev');
      add(data['build-dependencies'], 'dev');
      for (const t of Object.values(isRecord(data.target) ? data.target : {})) {
        add(at(t, 'dev-dependencies'), 'dev');
        add(at(t, 'build-dependencies'), 'dev');
      }
      out.set(name, kinds);
    }
    if (depth > 0) return;
    for (const member of Array.isArray(at(data, 'workspace.members')) ? (at(data, 'workspace.members') as unknown[]) : []) {
      if (typeof member !== 'string' || member.startsWith('/') || member.split('/').includes('..')) continue;
      if (member.endsWith('/*')) for (const e of listDir(join(root, member.slice(0, -2)))) e.isDirectory() && read(join(root, member.slice(0, -2), e.name), 1);
      else if (!member.includes('*')) read(join(root, member), 1);
    }
  };
  read(root, 0);
  return out;
}

function hasDependencies(root: string): boolean {
  const read = readText(join(root, 'Cargo.toml'), 1024 * 1024);
  return 'text' in read && /^\[(?:workspace\.)?(?:[a-z-]*-)?dependencies\b/m.test(read.text);
}
