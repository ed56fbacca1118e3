// File discovery: one pass over the tree that applies .gitignore files (nested ones too),
// --exclude and include patterns, always skips version-control folders, and never
// follows a symlink out of the root. Output is sorted, so a scan is deterministic.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore from 'ignore';
import { InputError } from '../errors.js';
import type { Problem } from '../types.js';
import { commonDirOf, gitDirOf } from './git-dirs.js';
import { readTrackedPaths, type TrackedPaths } from './git-index.js';
import { compileIgnoreRules, MAX_RULES, type IgnoreRules } from './gitignore-rules.js';

export interface WalkOptions {
  /**
   * Apply .gitignore files and .git/info/exclude (default true); 'in-repo': only inside a git
   * repository, as git and reuse-tool read them (REUSE leaves out "files ignored by the version
   * control system", and a source tarball has none: what its .gitignore names is shipped).
   */
  readonly gitignore?: boolean | 'in-repo';
  /** Patterns in .gitignore syntax, relative to the root: matching files and folders are skipped. */
  readonly exclude?: readonly string[];
  /** Patterns in .gitignore syntax: when given, only matching files are kept. */
  readonly include?: readonly string[];
  /** Read symlinked files whose target is inside the root (default false: REUSE does not cover symlinks). */
  readonly followSymlinks?: boolean;
  /** Called after each folder with the number of files found so far (a scan starts its threads early). */
  readonly onFound?: (files: number) => void;
}


export type SkipReason = 'vcs' | 'gitignore' | 'exclude' | 'include' | 'symlink' | 'symlink-outside-root' | 'symlink-dir' | 'submodule' | 'special' | 'name-not-utf8';

export interface WalkResult {
  /** The root's real path (symlinks resolved). */
  readonly root: string;
  /** Relative POSIX paths from the root, sorted. */
  readonly files: readonly string[];
  /** How many paths were skipped, by reason. */
  readonly skipped: Readonly<Partial<Record<SkipReason, number>>>;
  readonly problems: readonly Problem[];
}

const VCS_DIRS = new Set(['.git', '.hg', '.svn']);

interface IgnoreLayer {
  /** Relative POSIX path of the folder holding the rules ('' = root). */
  readonly base: string;
  readonly rules: IgnoreRules;
}

/** Checks the root and walks it. Throws InputError (exit 2) when the root is unusable. */
export function walkTree(rootArg: string, options: WalkOptions = {}): WalkResult {
  let stat;
  try {
    stat = statSync(rootArg);
  } catch {
    throw new InputError(rootArg, 'no such file or folder');
  }
  if (!stat.isDirectory()) throw new InputError(rootArg, 'is a file; give the folder to scan');
  const root = realpathSync(rootArg);
  const files: string[] = [];
  const skipped: Partial<Record<SkipReason, number>> = {};
  const problems: Problem[] = [];
  const skip = (reason: SkipReason): void => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };
  const git = options.gitignore !== false ? outerIgnoreLayers(root) : null;
  const useGitignore = options.gitignore === 'in-repo' ? git !== null : options.gitignore !== false;
  // Patterns match case-sensitively, as git's do (the `ignore` package's default is the other way).
  const exclude = options.exclude?.length ? ignore({ ignorecase: false }).add([...options.exclude]) : null;
  const include = options.include?.length ? ignore({ ignorecase: false }).add([...options.include]) : null;

  const layers = git?.layers ?? [];
  const ignoreCase = git?.ignoreCase ?? false;
  // What git tracks is never ignored (a .gitignore only hides untracked files). The index is
  // read when a path is first ignored: a walk that ignores nothing never reads it.
  let tracked: TrackedPaths | null | undefined;
  const isTracked = (rel: string, isDir: boolean): boolean => {
    if (tracked === undefined) tracked = git ? readTrackedPaths(git.gitDir, relative(git.repo, root).split(sep).join('/')) : null;
    return tracked !== null && (isDir ? tracked.hasBelow(rel) : tracked.has(rel));
  };

  const ignoredBy = (layersHere: readonly IgnoreLayer[], rel: string, isDir: boolean): boolean => {
    for (const layer of layersHere) {
      const sub = layer.base === '' ? rel : rel.slice(layer.base.length + 1);
      if (sub && layer.rules.ignores(sub, isDir)) return true;
    }
    return false;
  };

  // `ignoredAbove`: the folder is ignored, and walked only for the files git tracks in it.
  const visit = (absDir: string, relDir: string, layersHere: readonly IgnoreLayer[], ignoredAbove = false): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(absDir, { withFileTypes: true });
    } catch (e) {
      problems.push(readProblem(relDir || '.', e));
      return;
    }
    // A nested repository is a separate project (REUSE: submodules are not Covered Files).
    if (relDir !== '' && entries.some((e) => e.name === '.git')) {
      skip('submodule');
      return;
    }
    // libuv lists a folder sorted by bytes already, which is this order but for characters beyond
    // U+FFFF: a look costs less than a sort, which calls its comparator even on sorted entries.
    if (!sortedByName(entries)) entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let here = layersHere;
    if (useGitignore && entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try {
        const rules = compileIgnoreRules(readFileSync(join(absDir, '.gitignore'), 'utf8'), ignoreCase);
        if (rules.dropped) problems.push(tooManyRules(relDir ? `${relDir}/.gitignore` : '.gitignore', rules.dropped));
        here = [...layersHere, { base: relDir, rules }];
      } catch (e) {
        problems.push(readProblem(relDir ? `${relDir}/.gitignore` : '.gitignore', e));
      }
    }
    for (const entry of entries) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (VCS_DIRS.has(entry.name)) {
        skip('vcs');
        continue;
      }
      // (Its path is made only for a name that may be lost: a walk makes no garbage per file it keeps.)
      if (entry.name.includes('\uFFFD') && nameLost(entry.name, `${absDir}${sep}${entry.name}`)) {
        problems.push(nameNotUtf8(rel));
        skip('name-not-utf8');
        continue;
      }
      if (entry.isSymbolicLink()) {
        if (!options.followSymlinks) {
          skip('symlink');
          continue;
        }
        const target = resolveInside(root, `${absDir}${sep}${entry.name}`);
        if (target === null) {
          skip('symlink-outside-root');
          continue;
        }
        // A folder inside the root is walked at its real path already: following a link
        // to it would only list its files twice (and a link to an ancestor would loop).
        if (target.isDir) {
          skip('symlink-dir');
          continue;
        }
        isFile = target.isFile;
      }
      if (!isDir && !isFile) {
        skip('special'); // sockets, fifos, devices: never opened
        continue;
      }
      if (exclude?.ignores(isDir ? `${rel}/` : rel)) {
        skip('exclude');
        continue;
      }
      const ignored = useGitignore && (ignoredAbove || ignoredBy(here, rel, isDir));
      if (ignored && !isTracked(rel, isDir)) {
        skip('gitignore');
        continue;
      }
      if (isDir) {
        visit(`${absDir}${sep}${entry.name}`, rel, here, ignored);
        continue;
      }
      if (include && !include.ignores(rel)) {
        skip('include');
        continue;
      }
      files.push(rel);
    }
    options.onFound?.(files.length);
  };

  visit(root, '', layers);
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { root, files, skipped, problems };
}

function sortedByName(entries: readonly Dirent[]): boolean {
  for (let i = 1; i < entries.length; i++) if (entries[i - 1]!.name > entries[i]!.name) return false;
  return true;
}

/**
 * The repository around the root: its git folder, the .gitignore files between its root and
 * the scanned folder, and info/exclude; and whether the repository matches them regardless of
 * case (git's core.ignorecase); null outside a git repository.
 */
function outerIgnoreLayers(root: string): { repo: string; gitDir: string; layers: IgnoreLayer[]; ignoreCase: boolean } | null {
  let repo: string | null = null;
  for (let dir = root; ; dir = dirname(dir)) {
    if (hasGitMarker(dir)) {
      repo = dir;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  if (repo === null) return null;
  // A worktree's config and info/exclude are the main repository's (a submodule has its own).
  const gitDir = gitDirOf(repo);
  const common = commonDirOf(gitDir);
  const ignoreCase = gitIgnoresCase(common);
  const layers: IgnoreLayer[] = [];
  const add = (file: string, baseAbs: string): void => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    // Rules of a folder above the root apply to paths as seen from that folder; express
    // them relative to the root by prefixing the part of the root's path below it.
    const prefix = relative(baseAbs, root).split(sep).join('/');
    layers.push({ base: '', rules: compileIgnoreRules(prefix ? rebasePatterns(text.split(/\r?\n/), prefix).join('\n') : text, ignoreCase) });
  };
  add(join(common, 'info', 'exclude'), repo);
  const chain: string[] = [];
  for (let dir = dirname(root); repo !== root && dir.length >= repo.length; dir = dirname(dir)) {
    chain.unshift(dir);
    if (dir === repo || dirname(dir) === dir) break;
  }
  for (const dir of chain) add(join(dir, '.gitignore'), dir);
  return { repo, gitDir, layers, ignoreCase };
}

/**
 * git's core.ignorecase: false unless the repository's config sets it (git does on a file system
 * that ignores case), so `*.s` does not hide `start.S` where git would not either.
 */
function gitIgnoresCase(commonDir: string): boolean {
  let text: string;
  try {
    text = readFileSync(join(commonDir, 'config'), 'utf8').slice(0, 64 * 1024);
  } catch {
    return false; // no config: git's default
  }
  const core = /^[ \t]*\[core\]([^[]*)/im.exec(text);
  return core !== null && /^[ \t]*ignorecase[ \t]*=[ \t]*true[ \t]*$/im.test(core[1]!);
}

/** A path as a .gitignore pattern that matches exactly that file (or, with a trailing /, that folder). */
export function anchored(path: string): string {
  return `/${path.replace(/[\\*?[\]!# ]/g, (c) => `\\${c}`)}`;
}

/**
 * Rewrites .gitignore-style rules written in a folder above the scanned root (`prefix`
 * is the root's path below that folder) so they apply below it:
 * a pattern anchored to that folder keeps working when it points inside the root;
 * an unanchored pattern matches at any depth already.
 */
export function rebasePatterns(patterns: readonly string[], prefix: string): string[] {
  const out: string[] = [];
  for (const raw of patterns) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const neg = line.startsWith('!');
    const body = neg ? line.slice(1) : line;
    const anchored = body.startsWith('/') || body.replace(/\/$/, '').includes('/');
    if (!anchored) {
      out.push(line);
      continue;
    }
    const path = body.replace(/^\//, '');
    if (path.startsWith(`${prefix}/`)) out.push(`${neg ? '!' : ''}/${path.slice(prefix.length + 1)}`);
    else if (path === prefix || path === `${prefix}/`) out.push(`${neg ? '!' : ''}/*`);
  }
  return out;
}

function hasGitMarker(dir: string): boolean {
  return lstatSync(join(dir, '.git'), { throwIfNoEntry: false }) !== undefined;
}

/** Where a symlink leads, if that is inside the root; null when it leads out (or nowhere). */
function resolveInside(root: string, abs: string): { real: string; isDir: boolean; isFile: boolean } | null {
  try {
    const real = realpathSync(abs);
    if (real !== root && !real.startsWith(root + sep)) return null;
    const s = statSync(real);
    return { real, isDir: s.isDirectory(), isFile: s.isFile() };
  } catch {
    return null; // dangling, or a loop the OS refuses to resolve (ELOOP)
  }
}

/**
 * Whether a listed name is not UTF-8: Node gives such a name with U+FFFD in place of its
 * bytes, and nothing opens by it (`abs` is the path built from it). A real U+FFFD opens.
 */
export function nameLost(name: string, abs: string): boolean {
  return name.includes('\uFFFD') && lstatSync(abs, { throwIfNoEntry: false }) === undefined;
}

/** The problem of a file or folder whose name is not UTF-8 (see nameLost). */
export function nameNotUtf8(path: string): Problem {
  return {
    code: 'name-not-utf8',
    severity: 'error',
    file: path,
    line: null,
    message: `${path} has a name that is not valid UTF-8 (shown here with \uFFFD): it cannot be opened by that name, so it was not read`,
    suggestion: 'Give it a UTF-8 name (convmv -f latin1 -t utf-8 -r --notest <folder> renames a whole tree), or exclude it',
  };
}

function tooManyRules(path: string, dropped: number): Problem {
  return {
    code: 'gitignore-too-long',
    severity: 'warning',
    file: path,
    line: null,
    message: `${path} has ${MAX_RULES + dropped} rules; the first ${MAX_RULES} were applied (each path is tested against every rule), the other ${dropped} not`,
    suggestion: 'Shorten it (a folder rule such as build/ covers every file in it), or exclude what the rest would hide with --exclude',
  };
}

export function readProblem(path: string, error: unknown): Problem {
  const code = (error as NodeJS.ErrnoException).code;
  const vanished = code === 'ENOENT';
  return {
    code: vanished ? 'vanished' : 'read-error',
    severity: vanished ? 'note' : 'error',
    file: path,
    line: null,
    message: vanished
      ? `${path} disappeared while it was being scanned`
      : `${path} could not be read: ${code ?? (error as Error).message}`,
    suggestion: vanished ? null : code === 'EACCES' ? 'Give the scanning user read permission, or exclude the path' : null,
  };
}
