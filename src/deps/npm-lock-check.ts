// The npm collector's check of what is installed against its lock (package-lock.json,
// yarn.lock, pnpm-lock.yaml): a package installed but not locked, locked but not installed, or
// at another version, is a problem; a package locked but not installed is listed, with the
// lock's license (package-lock) and its scope from the lock's flags or, in yarn.lock and
// pnpm-lock.yaml (no dev flags), from the lock's own graph, reached from what is installed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../types.js';
import { problem } from './fs.js';
import { assignScopes, type DepEdge } from './graph.js';
import type { LockEntry, NpmLock } from './npm-locks.js';
import type { CollectedPackage, DepScope } from './types.js';

/** What the comparison needs of an installed package: where it is, and its manifest's name and version. */
export interface InstalledPackage {
  readonly ref: string;
  readonly manifest: { readonly name: string | null; readonly version: string | null } | null;
}

export interface LockComparison {
  readonly scopeOf: Map<string, DepScope>;
  readonly notInstalled: LockEntry[];
  /** The locked version of an installed package whose manifest gives none (package-lock only). */
  readonly versionOf: Map<string, string>;
}

export function compareLock(lock: NpmLock, installed: readonly InstalledPackage[], root: string, problems: Problem[]): LockComparison {
  const scopeOf = new Map<string, DepScope>();
  const notInstalled: LockEntry[] = [];
  const versionOf = new Map<string, string>();
  if (lock.kind === 'package-lock') {
    const byPath = new Map(lock.entries.map((e) => [e.path!, e]));
    const seen = new Set<string>();
    for (const n of installed) {
      const entry = byPath.get(n.ref);
      if (!entry) {
        if (n.ref.split('/').includes('node_modules'))
          problems.push(problem('not-in-lock', 'warning', lock.file, null, `${n.ref} (${n.manifest?.version ?? 'no version'}) is installed but ${lock.file} does not list it: the install and the lock disagree`, 'Run npm ci to install exactly what the lock says'));
        continue;
      }
      seen.add(n.ref);
      if (entry.scope) scopeOf.set(n.ref, entry.scope);
      if (entry.version && !n.manifest?.version) versionOf.set(n.ref, entry.version);
      if (entry.version && n.manifest?.version && entry.version !== n.manifest.version)
        problems.push(lockMismatch(lock, entry, n));
    }
    for (const e of lock.entries) if (!seen.has(e.path!) && !existsSync(join(root, e.path!))) notInstalled.push(e);
    return { scopeOf, notInstalled, versionOf };
  }
  const installedIds = new Set(installed.map((n) => `${n.manifest?.name}@${n.manifest?.version}`));
  const lockedIds = new Set(lock.entries.map((e) => `${e.name}@${e.version}`));
  // A folder pnpm 9 locks without a version matches that name at any version.
  const unversioned = new Set(lock.entries.filter((e) => e.version === null).map((e) => e.name));
  const installedNames = new Set(installed.map((n) => n.manifest?.name));
  const firstByName = new Map<string, LockEntry>();
  for (const e of lock.entries) if (!firstByName.has(e.name)) firstByName.set(e.name, e);
  /** Names installed at a version the lock does not have: reported as a mismatch, not as missing too. */
  const replaced = new Set<string>();
  for (const n of installed) {
    const id = `${n.manifest?.name}@${n.manifest?.version}`;
    if (lockedIds.has(id) || !n.manifest?.name || unversioned.has(n.manifest.name)) continue;
    const locked = firstByName.get(n.manifest.name);
    if (locked) replaced.add(n.manifest.name);
    problems.push(
      locked
        ? problem('lock-mismatch', 'warning', lock.file, lock.lineOf(locked), `${n.ref} is ${n.manifest.name} ${n.manifest.version}, a version ${lock.file} does not list (it locks ${locked.version}): the install and the lock disagree; the installed version is audited`, `Reinstall from the lock (${installCommand(lock)})`)
        : problem('not-in-lock', 'warning', lock.file, null, `${n.ref} (${n.manifest.name} ${n.manifest.version ?? ''}) is installed but ${lock.file} does not list it: the install and the lock disagree`, `Reinstall from the lock (${installCommand(lock)})`),
    );
  }
  const reported = new Set<string>();
  for (const e of lock.entries) {
    const id = `${e.name}@${e.version}`;
    if (installedIds.has(id) || reported.has(id) || replaced.has(e.name) || (e.version === null && installedNames.has(e.name))) continue;
    reported.add(id);
    notInstalled.push(e);
  }
  return { scopeOf, notInstalled, versionOf };
}

function lockMismatch(lock: NpmLock, entry: LockEntry, n: InstalledPackage): Problem {
  return problem(
    'lock-mismatch',
    'warning',
    lock.file,
    lock.lineOf(entry),
    `${lock.file} locks ${entry.path} at ${entry.version}, but ${n.manifest?.version} is installed: the install and the lock disagree; the installed version is audited`,
    `Run ${installCommand(lock)} to install exactly what the lock says`,
  );
}

/**
 * The scope of each locked package from the lock's own graph, reached from the installed packages (with the
 * scopes the installed tree gave them) and from what the project and its workspaces declare but lack.
 */
export function scopesFromLock(lock: NpmLock, installed: readonly CollectedPackage[], lacking: ReadonlyMap<string, readonly DepScope[]>): Map<string, DepScope> {
  const roots: DepEdge[] = installed.map((p) => ({ to: `${p.name}@${p.version}`, kind: p.scope }));
  for (const e of lock.entries) for (const kind of lacking.get(e.name) ?? []) roots.push({ to: `${e.name}@${e.version}`, kind });
  return assignScopes(roots, lock.graph!);
}

export function notInstalled(entry: LockEntry, lock: NpmLock, scope: DepScope, direct: boolean): CollectedPackage {
  return {
    ecosystem: 'npm',
    name: entry.name,
    version: entry.version,
    ref: entry.path ?? `npm:${entry.name}@${entry.version ?? ''}`,
    path: null,
    dir: null,
    installed: false,
    direct,
    scope,
    manifest: null,
    // Where it is locked, with the license the lock copied (package-lock only): the not-installed problem names the place.
    recorded: { value: entry.license ?? null, file: lock.file, line: lock.lineOf(entry) },
    dependsOn: [],
  };
}

export function installCommand(lock: NpmLock | null): string {
  return lock?.kind === 'yarn' ? 'yarn install' : lock?.kind === 'pnpm' ? 'pnpm install --frozen-lockfile' : 'npm ci';
}
