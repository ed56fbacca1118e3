// The paths git tracks, read from the repository's index (.git/index, formats 2 to 4): a
// tracked file is never ignored, whatever a .gitignore says (git status, git check-ignore and
// REUSE agree: only untracked files are "ignored by the version control system"). Read, never
// run: no git binary is needed, and nothing in the repository is executed.
import { closeSync, fstatSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { readFull } from './read.js';

/** An index larger than this is not read (the Linux kernel's is 8 MiB). */
const MAX_INDEX_BYTES = 256 * 1024 * 1024;

/** Tracked paths, relative to a folder inside the repository. */
export interface TrackedPaths {
  has(path: string): boolean;
  /** Whether some tracked path lies below `dir` (a folder path, no trailing slash). */
  hasBelow(dir: string): boolean;
}

/**
 * The paths the index in `gitDir` (a work tree's git folder: see git-dirs.ts) tracks, seen from
 * `prefix` (the walked folder's path below the work tree, '' for its root); null when there is
 * no index git can read (none yet, a future format, a damaged file).
 */
export function readTrackedPaths(gitDir: string, prefix: string): TrackedPaths | null {
  const bytes = readIndexFile(gitDir);
  const paths = bytes ? parseIndex(bytes) : null;
  if (paths === null) return null;
  const start = prefix ? `${prefix}/` : '';
  const files = new Set<string>();
  const dirs = new Set<string>();
  for (const p of paths) {
    if (!p.startsWith(start)) continue;
    const path = p.slice(start.length);
    files.add(path);
    for (let at = path.lastIndexOf('/'); at > 0 && !dirs.has(path.slice(0, at)); at = path.lastIndexOf('/', at - 1)) dirs.add(path.slice(0, at));
  }
  return { has: (path) => files.has(path), hasBelow: (dir) => dirs.has(dir) };
}

function readIndexFile(gitDir: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(join(gitDir, 'index'), 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_INDEX_BYTES) return null;
    const buffer = Buffer.allocUnsafe(size);
    return buffer.subarray(0, readFull(fd, buffer, 0));
  } finally {
    closeSync(fd);
  }
}

/** The entry paths of an index (git's index-format.txt), or null for what is not one. */
export function parseIndex(buf: Buffer): string[] | null {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'DIRC') return null;
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) return null;
  const count = buf.readUInt32BE(8);
  const paths: string[] = [];
  let off = 12;
  let previous: Buffer = Buffer.alloc(0); // v4 strips bytes, not characters, of the path before
  for (let i = 0; i < count; i++) {
    // 40 bytes of stat data, a 20-byte object name, 2 bytes of flags; then (v3+) maybe 2 more.
    if (off + 62 > buf.length) return null;
    const flags = buf.readUInt16BE(off + 60);
    let at = off + 62 + (version >= 3 && flags & 0x4000 ? 2 : 0);
    let strip = 0;
    if (version === 4) {
      // The number of bytes to drop from the previous path, as git's varint writes it.
      let c = buf[at++] ?? 0;
      strip = c & 0x7f;
      while (c & 0x80) {
        if (at >= buf.length || strip > 1 << 24) return null;
        c = buf[at++]!;
        strip = (strip + 1) * 128 + (c & 0x7f);
      }
    }
    const end = buf.indexOf(0, at);
    if (end < 0) return null;
    const name = buf.subarray(at, end);
    const path = version === 4 ? Buffer.concat([previous.subarray(0, Math.max(0, previous.length - strip)), name]) : name;
    paths.push(path.toString('utf8'));
    previous = path;
    // v2/v3 pad each entry with 1-8 NULs to a multiple of 8 bytes; v4 has one NUL.
    off = version === 4 ? end + 1 : off + ((end - off + 8) & ~7);
  }
  return paths;
}
