// The files changed since a git ref (`farleft lint --changed-since REF`). The one module of
// farleft that starts a process: git itself, with fixed arguments (never a shell), reading only.
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { relative } from 'node:path';
import { UsageError } from '../errors.js';

/**
 * Paths (relative to `root`, '/') of files added, changed or renamed since `ref` (committed,
 * staged or not), and new untracked files that are not ignored. Deleted files are left out.
 * Throws UsageError (exit 2) outside a git work tree, for an unknown ref, or without git.
 */
export function changedSince(root: string, ref: string): string[] {
  if (ref.startsWith('-')) throw new UsageError(`--changed-since ${ref}: not a git ref`);
  const top = git(root, ['rev-parse', '--show-toplevel'], () => `${root} is not inside a git work tree, so --changed-since has nothing to compare with`).trim();
  git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], () => `--changed-since ${ref}: no such commit, branch or tag in this repository (fetch it first: git fetch origin ${ref})`);
  const changed = git(top, ['diff', '--name-only', '--diff-filter=d', '-z', ref, '--']);
  const untracked = git(top, ['ls-files', '--others', '--exclude-standard', '-z']);
  const base = relative(realpathSync(top), realpathSync(root)).split('\\').join('/');
  const prefix = base ? `${base}/` : '';
  const out = new Set<string>();
  for (const p of `${changed}\0${untracked}`.split('\0'))
    if (p && p.startsWith(prefix)) out.add(p.slice(prefix.length));
  return [...out].sort();
}

function git(cwd: string, args: readonly string[], why?: () => string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError('--changed-since needs git, and git is not installed');
    const stderr = String((e as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0];
    throw new UsageError(why ? why() : `git ${args[0]} failed: ${stderr}`);
  }
}
