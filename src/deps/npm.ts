// npm, yarn (node-modules linker) and pnpm: what is installed in node_modules, found by
// walking it the way Node resolves modules, then checked against the lock.
//
// - The tree: node_modules at the root and in each workspace folder; nested copies
//   (a/node_modules/b), scopes (@s/a), pnpm's node_modules/.pnpm/<id>/node_modules store and
//   its links. A link is followed when it stays inside the root; a link to a folder outside
//   node_modules is the project's own (a workspace or a file: dependency), not a dependency.
// - The graph: each package's dependencies resolved from its real folder, nearest
//   node_modules first, as Node does. The project's and workspaces' declarations are the
//   roots; assignScopes() gives each package prod / optional / peer / dev; a package-lock
//   says the same with its dev/optional flags, which win when present (not over the
//   project's own peer dependencies).
// - The lock (npm-lock-check.ts): a package installed but not locked, locked but not
//   installed (listed as not-installed, with its scope from the lock), or at another
//   version, is a problem.
import { existsSync, lstatSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { isRecord } from '../detect/manifests/shared.js';
import { compileGlob, matchGlob } from '../project/reuse-glob.js';
import type { Problem } from '../types.js';
import { MAX_READ_BYTES, readFileInput } from '../walk/read.js';
import { nameLost, nameNotUtf8 } from '../walk/walk.js';
import { isInside, licenseFilesIn, listDir, NotInstalledError, problem, readText, realpath, showPath } from './fs.js';
import { assignScopes, findCycles, type DepEdge } from './graph.js';
import { compareLock, installCommand, notInstalled, scopesFromLock } from './npm-lock-check.js';
import { yaml } from '../lazy.js';
import { NPM_LOCK_FILES, readNpmLock, type NpmLock } from './npm-locks.js';
import type { CollectedPackage, Collection, Collector, DepScope } from './types.js';

/** Deeper nesting than this is a hostile or looping tree, not an install. */
const MAX_DEPTH = 48;
const MAX_CYCLES_REPORTED = 20;

interface Manifest {
  readonly name: string | null;
  readonly version: string | null;
  /** Declared dependencies with the scope each gives (dev only for the project and its workspaces). */
  readonly deps: readonly { readonly name: string; readonly kind: DepScope }[];
  readonly workspaces: readonly string[];
}

/** A package.json as read: its text, parsed, and what the collector takes from it (nulls when there is none). */
interface ManifestRead {
  readonly manifest: Manifest | null;
  readonly text: string | null;
  readonly json?: unknown;
}

interface Node {
  readonly real: string;
  readonly ref: string;
  readonly manifest: Manifest | null;
  readonly text: string | null;
  /** `text` parsed (undefined when it is not JSON): the inspection reads the license from it. */
  readonly json: unknown;
  /** License files at the top of the folder (read from the one listing of it). */
  readonly licenseFiles: readonly string[];
  readonly hasModules: boolean;
  /** The project or one of its workspaces / linked folders. */
  readonly member: boolean;
}

export const collector: Collector = {
  ecosystem: 'npm',
  applies: (names) => names.has('package.json') || names.has('node_modules') || NPM_LOCK_FILES.some((f) => names.has(f)),
  collect: collectNpm,
};

export function collectNpm(rootArg: string): Collection {
  const root = realpath(rootArg) ?? rootArg;
  const problems: Problem[] = [];
  const buffer = Buffer.allocUnsafe(MAX_READ_BYTES);
  const byReal = new Map<string, Node>();
  /** Every folder a module name resolves to (link or real) -> the package there. */
  const at = new Map<string, Node>();

  const readManifest = (dir: string, shown: string, isMember: boolean): ManifestRead => {
    const file = `${shown}/package.json`.replace(/^\//, '');
    let text: string;
    try {
      const input = readFileInput(join(dir, 'package.json'), file, buffer);
      // A manifest longer than one read (a long list of contributors) is read whole, as a lock is.
      const whole = input.complete ? { text: input.text } : readText(join(dir, 'package.json'));
      if ('error' in whole) {
        problems.push(problem('read-error', 'error', file, null, `${file} could not be read: ${whole.error}`));
        return { manifest: null, text: null };
      }
      text = whole.text;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return missingManifest(shown, isMember);
      problems.push(problem('read-error', 'error', file, null, `${file} could not be read: ${code ?? String(e)}`));
      return { manifest: null, text: null };
    }
    const json = parseJson(text);
    return { manifest: manifestOf(json, isMember), text, json };
  };

  const nodeFor = (real: string, isMember: boolean, fallbackName: string): Node => {
    let node = byReal.get(real);
    if (node) return node;
    const ref = showPath(root, real) || '.';
    // One listing of the folder says whether it has a manifest, license files and node_modules.
    const entries = listDir(real);
    const has = (name: string): boolean => entries.some((e) => e.name === name);
    const manifest = entries.find((e) => e.name === 'package.json');
    if (manifest && !manifest.isFile()) problems.push(problem('manifest-not-a-file', 'warning', `${ref}/package.json`, null, `${ref}/package.json is not a plain file (a link?); it was not read`, null));
    const read: ManifestRead = manifest?.isFile() ? readManifest(real, ref === '.' ? '' : ref, isMember) : manifest ? { manifest: null, text: null } : missingManifest(ref, isMember);
    node = {
      real,
      ref,
      manifest: read.manifest ?? (isMember ? null : { name: fallbackName, version: null, deps: [], workspaces: [] }),
      text: read.text,
      json: read.json,
      member: isMember,
      licenseFiles: isMember ? [] : licenseFilesIn(real, entries),
      hasModules: has('node_modules'),
    };
    byReal.set(real, node);
    return node;
  };
  const missingManifest = (shown: string, isMember: boolean): { manifest: null; text: null } => {
    if (!isMember)
      problems.push(problem('no-manifest', 'warning', shown, null, `${shown} has no package.json: it is not a complete package (an interrupted install?); listed by its folder name`, 'Reinstall: npm ci (or yarn install / pnpm install)'));
    return { manifest: null, text: null };
  };

  const walked = new Set<string>();
  const walkModules = (dir: string, depth: number): void => {
    // A node_modules that is a link (to `..`, say) is walked at its real path, once: the
    // paths below it are real then, and a link back up the tree is no loop.
    const modulesDir = lstatSync(dir, { throwIfNoEntry: false })?.isSymbolicLink() ? realpath(dir) : dir;
    if (modulesDir === null || walked.has(modulesDir)) return;
    if (!isInside(root, modulesDir)) {
      const shown = showPath(root, dir);
      problems.push(problem('link-outside-root', 'warning', shown, null, `${shown} links to ${modulesDir}, outside the audited folder; it was not followed and its packages are not in this audit`, 'Audit that folder on its own, or install the packages instead of linking the folder'));
      return;
    }
    walked.add(modulesDir);
    if (depth > MAX_DEPTH) {
      problems.push(problem('tree-too-deep', 'warning', showPath(root, modulesDir), null, `${showPath(root, modulesDir)} is nested more than ${MAX_DEPTH} levels deep; what is below was not read`));
      return;
    }
    for (const entry of listDir(modulesDir)) {
      const name = entry.name;
      if (name === '.pnpm') {
        for (const id of listDir(join(modulesDir, name))) if (id.isDirectory()) walkModules(join(modulesDir, name, id.name, 'node_modules'), depth + 1);
        continue;
      }
      if (name.startsWith('.')) continue; // .bin, .cache, .package-lock.json, .modules.yaml, .yarn-state.yml
      if (nameLost(name, join(modulesDir, name))) {
        problems.push(nameNotUtf8(showPath(root, join(modulesDir, name))));
        continue;
      }
      if (name.startsWith('@') && entry.isDirectory()) {
        for (const child of listDir(join(modulesDir, name))) visit(join(modulesDir, name, child.name), `${name}/${child.name}`, child.isSymbolicLink(), child.isDirectory(), depth);
        continue;
      }
      visit(join(modulesDir, name), name, entry.isSymbolicLink(), entry.isDirectory(), depth);
    }
  };

  const visit = (location: string, name: string, isLink: boolean, isDir: boolean, depth: number): void => {
    if (!isLink && !isDir) return;
    const real = isLink ? realpath(location) : location;
    const shown = showPath(root, location);
    if (real === null) {
      problems.push(problem('broken-link', 'warning', shown, null, `${shown} is a link to nothing; skipped`, 'Reinstall: npm ci (or yarn install / pnpm install)'));
      return;
    }
    if (!isInside(root, real)) {
      problems.push(problem('link-outside-root', 'warning', shown, null, `${shown} links to ${real}, outside the audited folder; it was not followed and its licenses are not in this audit`, 'Audit that folder on its own, or install the package instead of linking it'));
      return;
    }
    const member = !showPath(root, real).split('/').includes('node_modules');
    const seen = byReal.has(real);
    const node = nodeFor(real, member, name);
    at.set(location, node);
    if (!seen && !member && node.hasModules) walkModules(join(real, 'node_modules'), depth + 1);
  };

  // The project and its workspaces.
  const project = nodeFor(root, true, basename(root));
  const memberDirs = new Set<string>([root]);
  for (const dir of workspaceDirs(root, project.manifest?.workspaces ?? [])) {
    const real = realpath(dir);
    if (real && isInside(root, real)) memberDirs.add(real);
    else problems.push(problem('link-outside-root', 'warning', showPath(root, dir), null, `the workspace ${showPath(root, dir)} links to ${real ?? 'nothing'}, outside the audited folder; it was not read`, 'Keep workspaces inside the project, or audit that folder on its own'));
  }

  const lockFile = NPM_LOCK_FILES.find((f) => existsSync(join(root, f)));
  let lock: NpmLock | null = null;
  if (lockFile) {
    const read = readText(join(root, lockFile));
    if ('error' in read) problems.push(problem('read-error', 'error', lockFile, null, `${lockFile} could not be read: ${read.error}`));
    else {
      const parsed = readNpmLock(lockFile, read.text);
      lock = parsed.lock;
      problems.push(...parsed.problems);
    }
  }

  const hasModules = existsSync(join(root, 'node_modules'));
  if (!hasModules) {
    if (existsSync(join(root, '.pnp.cjs')) || existsSync(join(root, '.pnp.js')))
      throw new NotInstalledError(rootArg, "Yarn Plug'n'Play installs are not supported yet: farleft reads node_modules. Install with the node-modules linker (nodeLinker: node-modules in .yarnrc.yml, then yarn install) and run farleft deps again");
    const declares = (project.manifest?.deps.length ?? 0) > 0 || (lock?.entries.length ?? 0) > 0;
    if (declares) throw new NotInstalledError(join(rootArg, 'node_modules'), `missing: run ${installCommand(lock)} first (farleft audits what is installed; it never installs packages or runs their code)`);
    return { packages: [], problems };
  }
  if (existsSync(join(root, '.pnp.cjs')))
    problems.push(problem('yarn-pnp', 'note', '.pnp.cjs', null, "a Yarn Plug'n'Play map is present; farleft reads node_modules only, which may be out of date", null));

  walkModules(join(root, 'node_modules'), 0);
  for (const dir of memberDirs) {
    const node = nodeFor(dir, true, basename(dir));
    if (dir !== root) walkModules(join(dir, 'node_modules'), 0);
    at.set(dir, node);
  }
  for (const node of [...byReal.values()]) if (node.member && node.real !== root) walkModules(join(node.real, 'node_modules'), 0);

  // The graph: edges resolved from each package's real folder.
  // Paths joined by hand, not by path.join: ~5 steps for each of thousands of edges, and every
  // folder here is already normal (an odd name, "../x", then finds nothing rather than a neighbour).
  const resolve = (from: string, name: string): Node | undefined => {
    const under = `node_modules${sep}${sep === '/' ? name : name.replaceAll('/', sep)}`; // '@scope/name' on Windows too
    for (let d = from; isInside(root, d); d = dirname(d)) {
      if (!d.endsWith(`${sep}node_modules`)) {
        const hit = at.get(`${d.endsWith(sep) ? d : d + sep}${under}`);
        if (hit) return hit;
      }
      if (d === root) break;
    }
    return undefined;
  };
  const edges = new Map<string, DepEdge[]>();
  const roots: DepEdge[] = [];
  const packages = [...byReal.values()].filter((n) => !n.member);
  const missing = new Map<string, { name: string; by: Node }>();
  /** What the project and its workspaces declare but lack (an optional fsevents, say): name -> how each declares it. */
  const lacking = new Map<string, DepScope[]>();
  for (const node of byReal.values()) {
    const out: DepEdge[] = [];
    for (const dep of node.manifest?.deps ?? []) {
      const target = resolve(node.real, dep.name);
      if (!target) {
        if (node.member) lacking.set(dep.name, [...(lacking.get(dep.name) ?? []), dep.kind]);
        if (node.member && (dep.kind === 'prod' || dep.kind === 'dev') && !missing.has(dep.name)) missing.set(dep.name, { name: dep.name, by: node });
        continue;
      }
      if (target.member) continue;
      (node.member ? roots : out).push({ to: target.ref, kind: dep.kind });
    }
    if (!node.member) edges.set(node.ref, dedupeEdges(out));
  }
  const scopes = assignScopes(roots, edges);
  const direct = new Set(roots.map((e) => e.to));

  // The lock, against what is installed.
  const locked = lock ? compareLock(lock, packages, root, problems) : null;

  // The lock's flags win (npm knows devOptional and the like), but not over the project's own peer
  // dependencies: a peer it also lists for development (typescript) is npm's `dev`, yet its users need it.
  const scopeOf = (ref: string): DepScope => {
    const graph = scopes.get(ref);
    return graph === 'peer' ? 'peer' : (locked?.scopeOf.get(ref) ?? graph ?? 'prod');
  };
  const collected: CollectedPackage[] = packages.map((n) => ({
    ecosystem: 'npm',
    name: n.manifest?.name ?? basename(n.real),
    version: n.manifest?.version ?? locked?.versionOf.get(n.ref) ?? null,
    ref: n.ref,
    path: n.ref,
    dir: n.real,
    installed: true,
    direct: direct.has(n.ref),
    scope: scopeOf(n.ref),
    manifest: n.text === null ? null : 'package.json',
    licenseFiles: n.licenseFiles,
    listed: true,
    ...(n.text !== null ? { manifestText: n.text, ...(n.json !== undefined ? { manifestJson: n.json } : {}) } : {}),
    dependsOn: (edges.get(n.ref) ?? []).map((e) => e.to),
  }));
  if (locked && locked.notInstalled.length > 0) {
    const lockScopes = lock!.graph ? scopesFromLock(lock!, collected, lacking) : null;
    for (const entry of locked.notInstalled)
      collected.push(notInstalled(entry, lock!, entry.scope ?? lockScopes?.get(`${entry.name}@${entry.version}`) ?? 'prod', lacking.has(entry.name)));
  }
  for (const { name, by } of missing.values()) {
    if (locked?.notInstalled.some((e) => e.name === name)) continue;
    const file = by.ref === '.' ? 'package.json' : `${by.ref}/package.json`;
    const scope = by.manifest?.deps.find((d) => d.name === name)?.kind ?? 'prod';
    collected.push({ ecosystem: 'npm', name, version: null, ref: `npm:${name}`, path: null, dir: null, installed: false, direct: true, scope, manifest: null, recorded: { value: null, file, line: null }, dependsOn: [] });
  }

  const cycles = findCycles(packages.map((n) => n.ref), edges);
  for (const cycle of cycles.slice(0, MAX_CYCLES_REPORTED)) {
    const names = cycle.map((ref) => byReal.get(join(root, ref))?.manifest?.name ?? ref);
    problems.push(problem('dependency-cycle', 'note', `${cycle[0]}/package.json`, null, `${names.join(' → ')} → ${names[0]} depend on each other in a cycle; each is audited once`, null));
  }
  if (cycles.length > MAX_CYCLES_REPORTED) problems.push(problem('dependency-cycle', 'note', null, null, `${cycles.length - MAX_CYCLES_REPORTED} more dependency cycles`, null));
  return { packages: collected, problems };
}

function dedupeEdges(edges: DepEdge[]): DepEdge[] {
  const seen = new Set<string>();
  return edges.filter((e) => !seen.has(e.to) && seen.add(e.to));
}

/** A package.json parsed, or undefined when it is not JSON (the manifest detector says where). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads name, version and declared dependencies; null when package.json is not a JSON object. */
function manifestOf(data: unknown, isMember: boolean): Manifest | null {
  if (!isRecord(data)) return null;
  const deps = new Map<string, DepScope>();
  const add = (field: string, kind: DepScope): void => {
    const map = data[field];
    if (isRecord(map)) for (const name of Object.keys(map)) if (!deps.has(name) || kind === 'optional') deps.set(name, kind);
  };
  add('dependencies', 'prod');
  add('peerDependencies', 'peer');
  add('optionalDependencies', 'optional');
  if (isRecord(data.peerDependenciesMeta))
    for (const [name, meta] of Object.entries(data.peerDependenciesMeta)) if (isRecord(meta) && meta.optional === true && deps.get(name) === 'peer') deps.set(name, 'optional');
  if (isMember) for (const name of isRecord(data.devDependencies) ? Object.keys(data.devDependencies) : []) if (!deps.has(name)) deps.set(name, 'dev');
  const ws = Array.isArray(data.workspaces) ? data.workspaces : isRecord(data.workspaces) && Array.isArray(data.workspaces.packages) ? data.workspaces.packages : [];
  return {
    name: typeof data.name === 'string' && data.name !== '' ? data.name : null,
    version: typeof data.version === 'string' ? data.version : null,
    deps: [...deps].map(([name, kind]) => ({ name, kind })),
    workspaces: ws.filter((w): w is string => typeof w === 'string'),
  };
}

/** Workspace folders: package.json `workspaces` and pnpm-workspace.yaml `packages` (dir, dir/*, dir/**). */
function workspaceDirs(root: string, globs: readonly string[]): string[] {
  const patterns = [...globs];
  const pnpm = readText(join(root, 'pnpm-workspace.yaml'), 1024 * 1024);
  if ('text' in pnpm) {
    try {
      const data: unknown = yaml().parse(pnpm.text);
      if (isRecord(data) && Array.isArray(data.packages)) patterns.push(...data.packages.filter((p): p is string => typeof p === 'string'));
    } catch {
      // A broken workspace file only loses the workspace list; the tree is still read.
    }
  }
  const dirs: string[] = [];
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) continue;
    const parts = pattern.replace(/^\.\//, '').replace(/(?<!\/)\/+$/, '').split('/');
    expand(root, parts, 0, dirs, root);
  }
  return dirs.filter((d) => existsSync(join(d, 'package.json')));
}

function expand(dir: string, parts: readonly string[], i: number, out: string[], root: string): void {
  if (i === parts.length) {
    out.push(dir);
    return;
  }
  const part = parts[i]!;
  if (part === '**') {
    expand(dir, parts, i + 1, out, root);
    if (dir.split('/').length - root.split('/').length < 6)
      for (const e of listDir(dir)) if (e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.')) expand(join(dir, e.name), parts, i, out, root);
    return;
  }
  if (part.includes('*')) {
    // REUSE.toml's glob matcher: linear in the name, where a regular expression of `*a*a*a*b` backtracks without end.
    const glob = compileGlob(part, 'reuse-toml');
    for (const e of listDir(dir)) if ((e.isDirectory() || e.isSymbolicLink()) && e.name !== 'node_modules' && matchGlob(glob, e.name)) expand(join(dir, e.name), parts, i + 1, out, root);
    return;
  }
  if (part === '..' || part === '') return;
  expand(join(dir, part), parts, i + 1, out, root);
}
