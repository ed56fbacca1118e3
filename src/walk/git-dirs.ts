// Where a repository keeps its git files. `.git` is a folder, or a file naming one (a worktree
// made by `git worktree add`, a submodule): `gitdir: <path>`. A worktree's own folder holds its
// index; what all worktrees share (config, info/exclude) is in the folder its `commondir` names.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/** The git folder of the work tree at `repo`: .git, or the folder a `.git` file points to. */
export function gitDirOf(repo: string): string {
  const dotGit = join(repo, '.git');
  return pointer(dotGit, /^gitdir: (.+)$/m, repo) ?? dotGit;
}

/** The folder holding the config and info/exclude of a git folder: its `commondir`, or itself. */
export function commonDirOf(gitDir: string): string {
  return pointer(join(gitDir, 'commondir'), /^(.+)$/m, gitDir) ?? gitDir;
}

/** The path a small pointer file names (relative to `base` unless absolute); null when there is none. */
function pointer(file: string, pattern: RegExp, base: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').slice(0, 4096);
  } catch {
    return null; // missing, or a folder (EISDIR): no pointer
  }
  const path = pattern.exec(text)?.[1]?.trim();
  if (!path) return null;
  return isAbsolute(path) ? path : join(base, path);
}
