// The lock files of the npm ecosystem, read into one shape: package-lock.json /
// npm-shrinkwrap.json (v1 nested `dependencies`, v2 and v3 flat `packages` keyed by install
// path), yarn.lock (classic v1 and berry) and pnpm-lock.yaml (v5, v6, v9). Each reader is a
// pure function of the text; a malformed lock is one problem naming the file and line.
import { isRecord, jsonErrorAt } from '../detect/manifests/shared.js';
import { yaml } from '../lazy.js';
import type { Problem } from '../types.js';
import { lineAt, problem } from './fs.js';
import type { DepEdge } from './graph.js';
import type { DepScope } from './types.js';

export interface LockEntry {
  readonly name: string;
  readonly version: string | null;
  /** The scope the lock records (package-lock and pnpm v5/v6 mark dev and optional); null when it does not say. */
  readonly scope: DepScope | null;
  /** package-lock v2/v3 only: the install path (node_modules/a/node_modules/b). */
  readonly path: string | null;
  /** The license npm copied into the lock (package-lock v2/v3), as written. */
  readonly license?: unknown;
  /** Where the entry starts (yarn.lock), or its key (pnpm-lock.yaml), to find its line for a problem. */
  readonly line?: number;
  readonly key?: string;
}

export interface NpmLock {
  readonly kind: 'package-lock' | 'yarn' | 'pnpm';
  /** The lock file, relative to the root. */
  readonly file: string;
  readonly entries: readonly LockEntry[];
  /**
   * yarn.lock and pnpm-lock.yaml, which mark no dev dependencies (pnpm 9 no optional ones either): what each
   * locked package (`name@version`) depends on, as the lock resolves it, so that a package locked but not
   * installed (another platform's binary) gets its scope from the packages that need it.
   */
  readonly graph?: ReadonlyMap<string, readonly DepEdge[]>;
  /** The line where an entry is written, found on demand (problems only). */
  lineOf(entry: LockEntry): number | null;
}

export interface LockRead {
  readonly lock: NpmLock | null;
  readonly problems: readonly Problem[];
}

/** The lock files npm, pnpm and yarn write, in the order one is preferred when several are present. */
export const NPM_LOCK_FILES = ['npm-shrinkwrap.json', 'package-lock.json', 'pnpm-lock.yaml', 'yarn.lock'] as const;

export function readNpmLock(file: string, text: string): LockRead {
  const base = file.slice(file.lastIndexOf('/') + 1);
  if (base === 'yarn.lock') return readYarnLock(file, text);
  if (base === 'pnpm-lock.yaml') return readPnpmLock(file, text);
  return readPackageLock(file, text);
}

// ---------------------------------------------------------------- package-lock.json

export function readPackageLock(file: string, text: string): LockRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const at = jsonErrorAt(text, error);
    return malformed(file, at.line, `${at.reason} (column ${at.column})`);
  }
  if (!isRecord(data)) return malformed(file, 1, 'the top level is not an object');
  const entries: LockEntry[] = [];
  if (isRecord(data.packages)) {
    for (const [path, raw] of Object.entries(data.packages)) {
      // '' is the project; a path without node_modules/ is a workspace folder; link entries point at one.
      const at = path.lastIndexOf('node_modules/');
      if (at === -1 || !isRecord(raw) || raw.link === true) continue;
      entries.push({
        name: typeof raw.name === 'string' ? raw.name : path.slice(at + 'node_modules/'.length),
        version: typeof raw.version === 'string' ? raw.version : null,
        scope: lockScope(raw),
        path,
        ...(raw.license !== undefined ? { license: raw.license } : {}),
      });
    }
  } else if (isRecord(data.dependencies)) {
    // v1: a tree of nested `dependencies`, whose nesting is the install path.
    const stack: [string, Record<string, unknown>][] = [['', data.dependencies]];
    while (stack.length > 0) {
      const [prefix, deps] = stack.pop()!;
      for (const [name, raw] of Object.entries(deps)) {
        if (!isRecord(raw)) continue;
        const path = `${prefix}node_modules/${name}`;
        const version = typeof raw.version === 'string' && !/^(?:file|link):/.test(raw.version) ? raw.version : null;
        if (version !== null || raw.version === undefined) entries.push({ name, version, scope: lockScope(raw), path });
        if (isRecord(raw.dependencies) && prefix.split('node_modules/').length < 64) stack.push([`${path}/`, raw.dependencies]);
      }
    }
  }
  return {
    lock: {
      kind: 'package-lock',
      file,
      entries,
      lineOf: (e) => (e.path ? lineOfNeedle(text, `"${e.path}"`) ?? lineOfNeedle(text, `"${e.name}"`) : null),
    },
    problems: [],
  };
}

/**
 * The scope a package-lock's flags give. `peer: true` alone says npm installed the package only
 * for some package's peerDependencies: below the project that is a need at run time (graph.ts),
 * and only the project's own peer dependencies are `peer`, so the graph decides, as with pnpm and yarn.
 */
function lockScope(raw: Record<string, unknown>): DepScope | null {
  if (raw.dev === true) return 'dev';
  if (raw.optional === true || raw.devOptional === true) return 'optional';
  if (raw.peer === true) return null;
  return 'prod';
}

// ---------------------------------------------------------------- yarn.lock

/**
 * yarn.lock, classic and berry alike: an entry starts at column 0 with its specifiers
 * (`"a@^1.0.0", a@^1.1.0:`) and holds `  version "1.2.3"` (classic) or `  version: 1.2.3`
 * (berry), then its `  dependencies:` / `  optionalDependencies:` (classic) or `  dependenciesMeta:`
 * with `optional: true` (berry), one `    name "range"` / `    name: "npm:range"` a line. Read line by
 * line, which also reads a berry lock without a YAML parse.
 */
export function readYarnLock(file: string, text: string): LockRead {
  const entries: LockEntry[] = [];
  /** Each specifier (`a@^1.0.0`, `a@npm:^1.0.0`) -> the `name@version` it resolves to. */
  const resolved = new Map<string, string>();
  const blocks: { ids: string[]; deps: { name: string; range: string; optional: boolean }[]; optional: Set<string> }[] = [];
  const lines = text.split('\n');
  let current: { named: { spec: string; name: string }[]; line: number; block: (typeof blocks)[number] } | null = null;
  let section: string | null = null;
  let metaName: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      if (!line.endsWith(':')) return malformed(file, i + 1, `expected an entry like "name@range:", found ${JSON.stringify(line.slice(0, 60))}`);
      const named = line
        .slice(0, -1)
        .split(',')
        .flatMap((s) => {
          const spec = s.trim().replace(/^"|"$/g, '');
          const name = yarnName(spec);
          return name === null ? [] : [{ spec, name }];
        });
      const block = { ids: [], deps: [], optional: new Set<string>() };
      current = named.length > 0 ? { named, line: i + 1, block } : null;
      if (current) blocks.push(block);
      section = null;
      continue;
    }
    if (!current) continue;
    const m = /^ {2}version:? "?([^"\s]+)"?\s*$/.exec(line);
    if (m) {
      for (const name of new Set(current.named.map((n) => n.name))) {
        entries.push({ name, version: m[1]!, scope: null, path: null, line: current.line });
        current.block.ids.push(`${name}@${m[1]!}`);
      }
      for (const { spec, name } of current.named) resolved.set(spec, `${name}@${m[1]!}`);
      continue;
    }
    if (/^ {2}\S/.test(line)) {
      section = /^ {2}(dependencies|optionalDependencies|dependenciesMeta):\s*$/.exec(line)?.[1] ?? null;
      metaName = null;
      continue;
    }
    // `    name "range"` (classic), `    name: "npm:range"` (berry), `    name:` (a key of dependenciesMeta).
    const dep = section ? /^ {4}("[^"]+"|[^\s":]+):?(?: +"?([^"]*)"?)?\s*$/.exec(line) : null;
    if (dep) {
      const name = dep[1]!.replace(/^"|"$/g, '');
      if (section === 'dependenciesMeta') metaName = name;
      else if (dep[2] !== undefined) current.block.deps.push({ name, range: dep[2], optional: section === 'optionalDependencies' });
    } else if (section === 'dependenciesMeta' && metaName && /^ {6}optional: true\s*$/.test(line)) current.block.optional.add(metaName);
  }
  const graph = new Map<string, DepEdge[]>();
  for (const block of blocks) {
    const edges = block.deps.flatMap((d) => {
      const to = resolved.get(`${d.name}@${d.range}`);
      return to ? [{ to, kind: d.optional || block.optional.has(d.name) ? ('optional' as const) : ('prod' as const) }] : [];
    });
    for (const id of block.ids) graph.set(id, [...(graph.get(id) ?? []), ...edges]);
  }
  return { lock: { kind: 'yarn', file, entries, graph, lineOf: (e) => e.line ?? null }, problems: [] };
}

/**
 * The package name of a yarn specifier (`@s/a@npm:^1`, `a@^1`, `a@file:./a`): for an alias (`b@npm:@s/a@^1`) the
 * package's own, which its package.json holds; null for the project's own workspaces and links.
 */
function yarnName(spec: string): string | null {
  if (spec === '__metadata' || spec === '') return null;
  const at = spec.indexOf('@', 1);
  if (at <= 0) return null;
  const range = spec.slice(at + 1);
  // A file: folder or tarball is copied into node_modules, and locked with its version; the others are links.
  if (/^@?(?:workspace|link|portal):/.test(range)) return null;
  return /^npm:(@?[^@]+)@/.exec(range)?.[1] ?? spec.slice(0, at);
}

// ---------------------------------------------------------------- pnpm-lock.yaml

export function readPnpmLock(file: string, text: string): LockRead {
  let data: unknown;
  try {
    // logLevel: a warning of the yaml package (a mapping as a key) would go to stderr as Node's own.
    data = yaml().parse(text, { maxAliasCount: 100, logLevel: 'error' });
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? null;
    return malformed(file, line, (error as Error).message.split('\n')[0]!);
  }
  if (!isRecord(data)) return malformed(file, 1, 'the top level is not a mapping');
  const version = Number.parseFloat(String(data.lockfileVersion ?? '0'));
  const entries: LockEntry[] = [];
  const packages = isRecord(data.packages) ? data.packages : {};
  for (const [key, raw] of Object.entries(packages)) {
    const rec = isRecord(raw) ? raw : {};
    const id = pnpmId(key, version) ?? pnpmLocalId(key, rec);
    if (!id) continue;
    const scope: DepScope | null = rec.dev === true ? 'dev' : rec.optional === true ? 'optional' : rec.dev === false ? 'prod' : null;
    entries.push({ name: id.name, version: id.version, scope, path: null, key });
  }
  // Dependencies are under `snapshots` from v9 on (one per set of peers), under `packages` before.
  const graph = new Map<string, DepEdge[]>();
  const withDeps = version >= 9 ? (isRecord(data.snapshots) ? data.snapshots : {}) : packages;
  for (const [key, raw] of Object.entries(withDeps)) {
    const from = pnpmId(key, version);
    if (!from || !isRecord(raw)) continue;
    const edges = graph.get(`${from.name}@${from.version}`) ?? [];
    for (const [field, kind] of [['dependencies', 'prod'], ['optionalDependencies', 'optional']] as const) {
      const deps = raw[field];
      if (!isRecord(deps)) continue;
      for (const [name, ref] of Object.entries(deps)) {
        const to = typeof ref === 'string' ? pnpmId(pnpmDepKey(name, ref, version), version) : null;
        if (to) edges.push({ to: `${to.name}@${to.version}`, kind });
      }
    }
    graph.set(`${from.name}@${from.version}`, edges);
  }
  return { lock: { kind: 'pnpm', file, entries, graph, lineOf: (e) => lineOfNeedle(text, e.key ?? e.name) }, problems: [] };
}

/** The package key a dependency's reference names: `1.0.0(peer@2)` under its name, or an alias's own key (`b@1.0.0`, `/b/1.0.0`). */
function pnpmDepKey(name: string, ref: string, lockVersion: number): string {
  const bare = ref.split('(')[0]!;
  if (ref.startsWith('/') || (lockVersion >= 9 && bare.includes('@'))) return ref;
  return lockVersion < 6 ? `/${name}/${ref}` : `/${name}@${ref}`;
}

/**
 * A package from a tarball, git or a folder, which pnpm copies into its store like any other: the name and
 * version the lock records beside the key (`file:../c` before v9), or the key's name (`c@file:../c`); pnpm 9
 * records no version for a folder.
 */
function pnpmLocalId(key: string, rec: Record<string, unknown>): { name: string; version: string | null } | null {
  const at = key.indexOf('@', 1);
  const name = typeof rec.name === 'string' ? rec.name : at > 0 ? key.slice(0, at) : null;
  return name ? { name, version: typeof rec.version === 'string' ? rec.version : null } : null;
}

/** Name and version of a pnpm package key: `/a/1.0.0_peer@2` (v5), `/@s/a@1.0.0(peer@2)` (v6), `a@1.0.0` (v9). */
function pnpmId(key: string, lockVersion: number): { name: string; version: string } | null {
  let k = key.startsWith('/') ? key.slice(1) : key;
  if (lockVersion < 6) {
    const parts = k.split('/');
    const scoped = parts[0]!.startsWith('@');
    const name = scoped ? `${parts[0]}/${parts[1]}` : parts[0]!;
    const version = parts[scoped ? 2 : 1];
    if (!name || !version) return null;
    return { name, version: version.split('_')[0]! };
  }
  const paren = k.indexOf('(');
  if (paren > 0) k = k.slice(0, paren);
  const at = k.lastIndexOf('@');
  if (at <= 0) return null;
  const version = k.slice(at + 1);
  // Tarballs, git and local folders have no registry version.
  if (version === '' || version.includes(':') || version.includes('/')) return null;
  return { name: k.slice(0, at), version };
}

// ---------------------------------------------------------------- helpers

function malformed(file: string, line: number | null, reason: string): LockRead {
  return {
    lock: null,
    problems: [
      problem('malformed-lock', 'error', file, line, `${file}${line ? `:${line}` : ''} cannot be parsed: ${reason}; the installed tree is audited without it`, 'Regenerate the lock file with your package manager (npm install, yarn, pnpm install)'),
    ],
  };
}

function lineOfNeedle(text: string, needle: string): number | null {
  const i = text.indexOf(needle);
  return i === -1 ? null : lineAt(text, i);
}
