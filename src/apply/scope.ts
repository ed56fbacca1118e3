// Which files an apply run covers: the project root (where LICENSES/ and REUSE.toml go) and
// the files under the paths given, walked as the scan walks them (.gitignore, excludes,
// version-control folders and symlinks skipped and counted). Paths outside the root are
// skipped and counted too.
import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import type { FarleftConfig } from '../config.js';
import { InputError } from '../errors.js';
import type { Problem } from '../types.js';
import { rebasePatterns, walkTree } from '../walk/walk.js';

export interface Scope {
  /** The root's real path. */
  readonly root: string;
  /** Relative POSIX paths from the root, sorted, unique. */
  readonly files: readonly string[];
  /** Folders given (relative, '' for the root; none inside another), for REUSE.toml globs. */
  readonly dirs: readonly string[];
  /** Files given that are not inside a folder given. */
  readonly named: readonly string[];
  readonly skipped: Readonly<Record<string, number>>;
  readonly problems: readonly Problem[];
}

export interface ScopeOptions {
  readonly paths: readonly string[];
  readonly root?: string;
  readonly config: FarleftConfig | null;
  readonly gitignore: boolean;
  /** Patterns relative to the root. */
  readonly exclude: readonly string[];
  readonly include: readonly string[];
  readonly cwd?: string;
}

const VCS = new Set(['.git', '.hg', '.svn']);

/**
 * The project root: --root; else the folder of .farleft.yml; else the top of the git work
 * tree holding the first path; else the current folder when every path is inside it; else
 * the first path (or its folder).
 */
export function findRoot(paths: readonly string[], rootFlag: string | undefined, config: FarleftConfig | null, cwd = process.cwd()): string {
  if (rootFlag !== undefined) {
    if (!isDir(resolve(cwd, rootFlag))) throw new InputError(rootFlag, '--root must be a folder');
    return realpathSync(resolve(cwd, rootFlag));
  }
  if (config) return realpathSync(config.dir);
  const first = resolve(cwd, paths[0] ?? '.');
  const start = isDir(first) ? first : dirname(first);
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return realpathSync(dir);
    if (dirname(dir) === dir) break;
  }
  const inside = paths.every((p) => !relative(cwd, resolve(cwd, p)).startsWith('..'));
  return realpathSync(inside ? cwd : start);
}

export function collectScope(options: ScopeOptions): Scope {
  const cwd = options.cwd ?? process.cwd();
  const root = findRoot(options.paths, options.root, options.config, cwd);
  const skipped: Record<string, number> = {};
  const problems: Problem[] = [];
  const skip = (reason: string, n = 1): void => {
    skipped[reason] = (skipped[reason] ?? 0) + n;
  };
  const dirs: string[] = [];
  const named: string[] = [];
  for (const p of options.paths.length ? options.paths : ['.']) {
    const abs = resolve(cwd, p);
    let link;
    try {
      link = lstatSync(abs);
    } catch {
      throw new InputError(p, 'no such file or folder');
    }
    const real = link.isSymbolicLink() ? null : realpathSync(abs);
    const rel = relative(root, real ?? abs);
    if (rel.startsWith('..') || isAbsolute(rel)) {
      skip('outside-root');
      problems.push({ code: 'outside-root', severity: 'warning', file: null, line: null, message: `${p} is outside the project root ${root}; it was skipped`, suggestion: 'Run apply from the project, or give --root' });
      continue;
    }
    const posix = rel.split(sep).join('/');
    if (link.isSymbolicLink()) {
      skip('symlink');
      continue;
    }
    if (posix.split('/').some((s) => VCS.has(s))) {
      skip('vcs');
      continue;
    }
    if (link.isDirectory()) dirs.push(posix);
    else if (link.isFile()) named.push(posix);
    else skip('special');
  }

  // A folder inside another given folder is walked once.
  const topDirs = [...new Set(dirs)].filter((d) => !dirs.some((o) => o !== d && (o === '' || d.startsWith(`${o}/`))));
  const files = new Set<string>();
  for (const dir of topDirs) {
    const walk = walkTree(dir === '' ? root : join(root, dir), {
      gitignore: options.gitignore,
      exclude: dir ? rebasePatterns(options.exclude, dir) : options.exclude,
      include: dir ? rebasePatterns(options.include, dir) : options.include,
      followSymlinks: false,
    });
    for (const f of walk.files) files.add(dir ? `${dir}/${f}` : f);
    for (const [reason, n] of Object.entries(walk.skipped)) skip(reason, n ?? 0);
    problems.push(...walk.problems.map((pr) => (dir && pr.file ? { ...pr, file: `${dir}/${pr.file}` } : pr)));
  }
  const excluded = options.exclude.length ? ignore({ ignorecase: false }).add([...options.exclude]) : null;
  const alone = [...new Set(named)].filter((f) => !topDirs.some((d) => d === '' || f.startsWith(`${d}/`)));
  for (const f of alone) {
    if (excluded?.ignores(f)) skip('exclude');
    else files.add(f);
  }
  return { root, files: [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), dirs: topDirs, named: alone.filter((f) => files.has(f)), skipped, problems };
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The root relative to where farleft runs (POSIX), or absolute when it is elsewhere. */
export function shownRoot(root: string, cwd: string): string {
  const rel = relative(cwd, root).split(sep).join('/');
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? root : rel;
}
