// Atomic writes: the new bytes go to a temporary file in the same folder, which is renamed
// over the original only when the original is still what was read. A run killed at any
// moment leaves each file old or new, never half-written; a leftover temporary file is
// named so the next run recognises and removes it. Symlinks are never written through.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fchownSync, fstatSync, lstatSync, openSync, renameSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Problem } from '../types.js';
import { readFull } from '../walk/read.js';

/** What a file was when it was read, to notice a change before writing over it. */
export interface Snapshot {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly nlink: number;
}

export interface ReadResult {
  readonly bytes: Buffer;
  readonly snapshot: Snapshot;
}

/** Temporary files are `.farleft-tmp-<pid>-<12 hex digits>`: the pid says whether their writer still runs. */
const TEMP = /^\.farleft-tmp-(\d+)-[0-9a-f]{12}$/;
/** Unique per process: a random start (for threads of one process), then counted up. */
let nextTemp = randomBytes(5).readUIntBE(0, 5);

export function isTempName(name: string): boolean {
  return TEMP.test(name);
}

/** Reads a whole regular file (never through a symlink) with the stat it was read at. Throws the fs error. */
export function readForWrite(abs: string, limit: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (e) {
    throw (e as NodeJS.ErrnoException).code === 'ELOOP' ? Object.assign(new Error('is a symlink'), { code: 'ESYMLINK' }) : e;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ESPECIAL' });
    if (stat.size > limit) throw Object.assign(new Error('too large'), { code: 'ETOOLARGE' });
    const bytes = Buffer.allocUnsafe(stat.size);
    const n = readFull(fd, bytes, 0);
    return { bytes: n === bytes.length ? bytes : bytes.subarray(0, n), snapshot: snapshotOf(stat) };
  } finally {
    closeSync(fd);
  }
}

export function snapshotOf(stat: Stats): Snapshot {
  return { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, mode: stat.mode, uid: stat.uid, gid: stat.gid, nlink: stat.nlink };
}

/**
 * Replaces `abs` with `bytes` atomically. `before` is the snapshot the content was planned
 * from (null for a new file, which must still not exist). Throws an error with a `code`
 * (fs codes, or ECHANGED / ESYMLINK / EEXIST) when the file may not or cannot be written.
 */
export function writeAtomic(abs: string, bytes: Buffer, before: Snapshot | null): void {
  const mode = before ? before.mode & 0o7777 : 0o644;
  const temp = join(dirname(abs), `.farleft-tmp-${process.pid}-${(nextTemp++ % 0xffffffffffff).toString(16).padStart(12, '0')}`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    try {
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
      fchmodSync(fd, mode);
      if (before && typeof process.getuid === 'function' && (before.uid !== process.getuid() || before.gid !== process.getgid?.())) {
        try {
          fchownSync(fd, before.uid, before.gid);
        } catch {
          // Only root may give a file away; the new file then belongs to whoever runs apply.
        }
      }
    } finally {
      closeSync(fd);
    }
    checkUnchanged(abs, before);
    renameSync(temp, abs);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw e;
  }
}

/** Throws ECHANGED when `abs` is no longer what `before` saw (or exists when it should not). */
function checkUnchanged(abs: string, before: Snapshot | null): void {
  let now: Stats | null;
  try {
    now = lstatSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    now = null;
  }
  if (before === null) {
    if (now !== null) throw Object.assign(new Error('appeared'), { code: 'EEXIST' });
    return;
  }
  if (now === null) throw Object.assign(new Error('vanished'), { code: 'ENOENT' });
  if (now.isSymbolicLink()) throw Object.assign(new Error('is a symlink'), { code: 'ESYMLINK' });
  if (now.size !== before.size || now.mtimeMs !== before.mtimeMs || now.ino !== before.ino) throw Object.assign(new Error('changed'), { code: 'ECHANGED' });
}

/** Why a file may not be written, judged from its snapshot (before planning any write). */
export function writeRefusal(path: string, snapshot: Snapshot): Problem | null {
  if ((snapshot.mode & 0o222) === 0)
    return problem('read-only', path, `${path} is read-only; it is left as it is`, 'Make it writable (chmod u+w) and run apply again, or --exclude it');
  if (snapshot.nlink > 1)
    return problem('hard-linked', path, `${path} has ${snapshot.nlink} hard links; writing a new file would split them, so it is left as it is`, 'Copy the file to break the link (cp), or give --sidecar');
  return null;
}

/** The problem for an error thrown while reading or writing a file. */
export function ioProblem(path: string, error: unknown, writing: boolean): Problem {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  switch (code) {
    case 'ECHANGED':
      return problem('changed-since-read', path, `${path} changed while apply was working on it; it was not written`, 'Run apply again when nothing else is writing to it');
    case 'EEXIST':
      return problem('changed-since-read', path, `${path} appeared while apply was working; it was not overwritten`, 'Run apply again');
    case 'ENOENT':
      return problem('vanished', path, `${path} disappeared while apply was working on it`, null);
    case 'ESYMLINK':
      return problem('symlink', path, `${path} is a symlink; apply never writes through one`, 'Apply to the file it points to');
    case 'ESPECIAL':
      return problem('not-a-file', path, `${path} is not a regular file`, null);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return problem(writing ? 'write-denied' : 'read-error', path, `${path} could not be ${writing ? 'written' : 'read'}: permission denied (${code})`, writing ? 'Check the permissions of the file and its folder' : 'Give the user running apply read permission');
    case 'EBUSY':
    case 'ETXTBSY':
    case 'ELOCKED':
      return problem('file-in-use', path, `${path} is in use by another program (${code}); it was not written`, 'Close the program using it and run apply again');
    case 'ENOSPC':
    case 'EDQUOT':
      return problem('write-error', path, `${path} could not be written: the disk is full (${code})`, 'Free some space and run apply again');
    default:
      return problem(writing ? 'write-error' : 'read-error', path, `${path} could not be ${writing ? 'written' : 'read'}: ${code || (error as Error).message}`, null);
  }
}

/** Whether a temporary file was left by an apply that is no longer running. */
export function isStaleTemp(name: string): boolean {
  const m = TEMP.exec(basename(name));
  if (!m) return false;
  const pid = Number(m[1]);
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false; // its writer still runs
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function problem(code: string, file: string, message: string, suggestion: string | null): Problem {
  return { code, severity: 'error', file, line: null, message, suggestion };
}
