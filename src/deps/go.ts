// Go: the modules a build uses, from vendor/modules.txt (written by `go mod vendor`) with
// their sources in vendor/<module path>, or, without a vendor folder, from go.mod's require
// directives with their sources in the module cache ($GOMODCACHE, default $GOPATH/pkg/mod).
// Go modules declare no license in a manifest: the license is read from their license files.
// go.mod marks what the project imports itself (no `// indirect` comment): those are direct.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../types.js';
import { isInside, NotInstalledError, problem, readText, realpath, showPath } from './fs.js';
import type { CollectedPackage, Collection, CollectOptions, Collector } from './types.js';

export const collector: Collector = {
  ecosystem: 'go',
  applies: (names) => names.has('go.mod'),
  collect: collectGo,
};

export interface GoModule {
  readonly path: string;
  readonly version: string | null;
  /** Listed in go.mod without `// indirect`. */
  readonly direct: boolean;
  /** modules.txt only: the module has packages the build uses. */
  readonly used: boolean;
  /** A `=> ../dir` replacement: the project's own code, not a dependency. */
  readonly local: boolean;
  readonly line: number;
  /** The module a go.mod `replace` fetches instead (module-cache mode), when it is another. */
  readonly source?: string;
}

/** A go.mod `replace` target: a module at a version, or a folder of the project's. */
type GoReplace = { readonly path: string; readonly version: string; readonly line: number } | { readonly folder: string; readonly line: number };

export function collectGo(rootArg: string, options: CollectOptions): Collection {
  const root = realpath(rootArg) ?? rootArg;
  const problems: Problem[] = [];
  const mod = readText(join(root, 'go.mod'), 4 * 1024 * 1024);
  const required = 'text' in mod ? parseGoMod(mod.text) : [];
  const modulesTxt = readText(join(root, 'vendor', 'modules.txt'), 16 * 1024 * 1024);

  let modules: GoModule[];
  let locate: (m: GoModule) => string | null;
  let caches: [string, string | undefined][] = [];
  if ('text' in modulesTxt) {
    const directs = new Set(required.filter((r) => r.direct).map((r) => r.path));
    modules = parseModulesTxt(modulesTxt.text, problems).map((m) => ({ ...m, direct: required.length > 0 ? directs.has(m.path) : m.direct }));
    const vendored = new Map(modules.map((m) => [m.path, m]));
    for (const r of required) {
      const v = vendored.get(r.path);
      if (!v)
        problems.push(problem('lock-mismatch', 'warning', 'go.mod', r.line, `go.mod requires ${r.path} ${r.version}, which vendor/modules.txt does not list: the vendor folder is out of date`, 'Run go mod vendor'));
      else if (v.version && r.version && v.version !== r.version && !v.local)
        problems.push(problem('lock-mismatch', 'warning', 'vendor/modules.txt', v.line, `vendor/modules.txt has ${r.path} ${v.version}, but go.mod requires ${r.version}: the vendor folder is out of date; the vendored version is audited`, 'Run go mod vendor'));
    }
    modules = modules.filter((m) => m.used && !m.local);
    // A vendored module is read only where it really is inside the project.
    locate = (m) => (isInside(root, realpath(join(root, 'vendor', m.path)) ?? '/') ? join(root, 'vendor', m.path) : null);
  } else {
    if (required.length === 0) return { packages: [], problems };
    const gopath = options.env.GOPATH?.split(':')[0] ?? (options.env.HOME ? join(options.env.HOME, 'go') : undefined);
    const cache = options.env.GOMODCACHE ?? (gopath ? join(gopath, 'pkg', 'mod') : undefined);
    caches = [['$GOMODCACHE', cache]];
    // A replaced module is fetched, and built, from its replacement (vendor/modules.txt says so by itself).
    const replaces = 'text' in mod ? parseGoReplaces(mod.text) : new Map<string, GoReplace>();
    modules = required.flatMap((r) => {
      const to = replaces.get(`${r.path}@${r.version}`) ?? replaces.get(r.path);
      if (!to) return [r];
      if ('folder' in to) return []; // the project's own code, not a dependency
      problems.push(problem('replaced-module', 'note', 'go.mod', to.line, `${r.path} ${r.version ?? ''} is replaced by ${to.path} ${to.version} (go.mod:${to.line}): the replacement is audited`, null));
      return [{ ...r, version: to.version, source: to.path }];
    });
    locate = (m) => {
      const dir = cache && m.version ? join(cache, `${escapeModulePath(m.source ?? m.path)}@${escapeModulePath(m.version)}`) : null;
      return dir && existsSync(dir) ? dir : null;
    };
    if (!modules.some((m) => locate(m) !== null))
      throw new NotInstalledError(rootArg, `none of the ${modules.length} modules go.mod requires is on disk (no vendor/modules.txt, nothing in the module cache): run go mod download (or go mod vendor) first`);
  }

  const packages: CollectedPackage[] = modules.map((m) => {
    const dir = locate(m);
    const ref = dir ? showPath(root, dir, caches) : `go:${m.path}@${m.version ?? ''}`;
    return {
      ecosystem: 'go',
      name: m.path,
      version: m.version,
      ref,
      path: dir ? ref : null,
      dir,
      installed: dir !== null,
      direct: m.direct,
      scope: 'prod',
      manifest: null,
      ...(dir ? {} : { recorded: { value: null, file: 'text' in modulesTxt ? 'vendor/modules.txt' : 'go.mod', line: m.line } }),
      dependsOn: [],
    };
  });
  return { packages, problems };
}

/** go.mod `require` directives, single and in blocks. */
export function parseGoMod(text: string): GoModule[] {
  const out: GoModule[] = [];
  const lines = text.split('\n');
  let inBlock = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (inBlock) {
      if (line === ')') inBlock = false;
      else push(line, raw, i + 1);
      continue;
    }
    if (/^require\s*\($/.test(line)) inBlock = true;
    else if (line.startsWith('require ')) push(line.slice('require '.length).trim(), raw, i + 1);
  }
  return out;

  function push(spec: string, raw: string, line: number): void {
    const [path, version] = spec.split(/\s+/);
    if (path && version) out.push({ path, version, direct: !/\/\/\s*indirect\b/.test(raw), used: true, local: false, line });
  }
}

/**
 * go.mod `replace` directives, one line or in a block: `old [v] => new v2` or `old [v] => ../dir`,
 * keyed by `old@v` (that version only) or `old` (every version).
 */
export function parseGoReplaces(text: string): Map<string, GoReplace> {
  const out = new Map<string, GoReplace>();
  const lines = text.split('\n');
  let inBlock = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\/\/.*$/, '').trim();
    let spec: string | null = null;
    if (inBlock) {
      if (line === ')') inBlock = false;
      else spec = line;
    } else if (/^replace\s*\($/.test(line)) inBlock = true;
    else if (line.startsWith('replace ')) spec = line.slice('replace '.length);
    const m = spec === null ? null : /^(\S+)(?:\s+(\S+))?\s*=>\s*(\S+)(?:\s+(\S+))?$/.exec(spec);
    if (!m) continue;
    const [, from, fromVersion, to, toVersion] = m;
    const key = fromVersion ? `${from}@${fromVersion}` : from!;
    if (toVersion !== undefined) out.set(key, { path: to!, version: toVersion, line: i + 1 });
    else if (/^(?:\.{1,2}\/|\/)/.test(to!)) out.set(key, { folder: to!, line: i + 1 });
  }
  return out;
}

/** vendor/modules.txt: `# path version [=> replacement]`, `## explicit`, then the module's package lines. */
export function parseModulesTxt(text: string, problems: Problem[]): GoModule[] {
  const out: { path: string; version: string | null; direct: boolean; used: boolean; local: boolean; line: number }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (line.startsWith('## ')) {
      const last = out.at(-1);
      if (last && /^## explicit\b/.test(line)) last.direct = true;
      continue;
    }
    if (line.startsWith('# ')) {
      const [left, right] = line.slice(2).split(' => ');
      const [path, version] = left!.trim().split(/\s+/);
      if (!path) {
        problems.push(problem('malformed-lock', 'warning', 'vendor/modules.txt', i + 1, `vendor/modules.txt:${i + 1}: a module line without a module path`));
        continue;
      }
      const replacement = right?.trim().split(/\s+/) ?? [];
      const local = replacement.length === 1 && /^(?:\.{1,2}\/|\/)/.test(replacement[0]!);
      out.push({ path, version: replacement.length === 2 ? replacement[1]! : (version ?? null), direct: false, used: false, local, line: i + 1 });
      continue;
    }
    const last = out.at(-1);
    if (last) last.used = true;
    else problems.push(problem('malformed-lock', 'warning', 'vendor/modules.txt', i + 1, `vendor/modules.txt:${i + 1}: a package line before any module line`));
  }
  return out;
}

/** The module cache's case escaping: an upper-case letter is written '!' and the letter in lower case. */
export function escapeModulePath(path: string): string {
  return path.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}
