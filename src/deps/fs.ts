// The few file-system reads collectors make, all bounded and none throwing: a folder that
// cannot be listed is empty, a file that cannot be read is a problem. Collectors read;
// they never write, and never follow a link out of the root except into a named cache.
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, realpathSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { routeLicenseFile } from '../detect/license-text/route.js';
import { InputError } from '../errors.js';
import type { Problem, Severity } from '../types.js';
import { readFull } from '../walk/read.js';

/** Locks and indexes are read whole up to this size (a lock of 10 000 packages is ~10 MiB). */
export const MAX_INDEX_BYTES = 64 * 1024 * 1024;

export function problem(code: string, severity: Severity, file: string | null, line: number | null, message: string, suggestion: string | null = null): Problem {
  return { code, severity, file, line, message, suggestion };
}

/** The entries of a folder, or none when it cannot be listed. */
export function listDir(abs: string): Dirent[] {
  try {
    return readdirSync(abs, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** The license files at the top of a package folder and in its LICENSES/ (REUSE), from its listing. */
export function licenseFilesIn(dir: string, entries: readonly Dirent[]): string[] {
  const out: string[] = [];
  for (const e of entries) {
    if (e.isFile() && routeLicenseFile(e.name)) out.push(e.name);
    else if (e.isDirectory() && (e.name === 'LICENSES' || e.name === 'Licenses'))
      for (const f of listDir(join(dir, e.name))) if (f.isFile() && routeLicenseFile(`${e.name}/${f.name}`)) out.push(`${e.name}/${f.name}`);
  }
  return out;
}

export type TextRead = { readonly text: string } | { readonly error: string };

/** A whole text file up to `limit` bytes (UTF-8, BOM dropped); an error says why it was not read. */
export function readText(abs: string, limit = MAX_INDEX_BYTES): TextRead {
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
  try {
    const size = fstatSync(fd).size;
    if (size > limit) return { error: `larger than ${Math.round(limit / 1024 / 1024)} MiB` };
    const buffer = Buffer.allocUnsafe(size);
    const n = readFull(fd, buffer, 0);
    return { text: buffer.toString('utf8', 0, n).replace(/^\uFEFF/, '') };
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? String(e) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a path is a file itself, not a link: a package's manifest or metadata that is a
 * link could point anywhere on the machine, and what farleft reports quotes what it reads.
 */
export function isPlainFile(abs: string): boolean {
  try {
    return lstatSync(abs).isFile();
  } catch {
    return false;
  }
}

export function realpath(abs: string): string | null {
  try {
    return realpathSync(abs);
  } catch {
    return null;
  }
}

/** Whether `abs` is `dir` or below it (both real, absolute paths). */
export function isInside(dir: string, abs: string): boolean {
  // The common case without path.relative(): it is called for every step of every module resolution.
  if (abs === dir || abs.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return !abs.includes(`${sep}..`);
  const rel = relative(dir, abs);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A path as shown: relative to the root with '/', or below a named cache (`$CARGO_HOME/...`), or absolute. */
export function showPath(root: string, abs: string, caches: readonly (readonly [label: string, dir: string | undefined])[] = []): string {
  if (abs === root) return '';
  const prefix = root.endsWith(sep) ? root : root + sep;
  if (abs.startsWith(prefix) && !abs.includes(`${sep}..`)) return toPosix(abs.slice(prefix.length));
  if (isInside(root, abs)) return toPosix(relative(root, abs));
  for (const [label, dir] of caches) if (dir && isInside(dir, abs)) return `${label}/${toPosix(relative(dir, abs))}`.replace(/\/$/, '');
  return toPosix(abs);
}

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** An ecosystem whose project declares dependencies with nothing installed: exit 2 with what to run. */
export class NotInstalledError extends InputError {
  constructor(
    path: string,
    detail: string,
    /** Whether the audit may go on without this ecosystem when others are installed (a Python virtualenv may live anywhere). */
    readonly soft = false,
  ) {
    super(path, detail);
  }
}
