// Reads and detects files in this thread: the detect stage over a list of paths. A scan
// runs it batch by batch (src/pipeline); apply and deps call it for the few files they need.
import { sep } from 'node:path';
import type { Catalog } from '../catalog/index.js';
import type { FileFacts } from '../project/index.js';
import type { Problem } from '../types.js';
import { MAX_READ_BYTES, MAX_SCAN_BYTES, readFileInput } from '../walk/read.js';
import { readProblem } from '../walk/walk.js';
import { detectFile } from './index.js';
import { loadMatcher, type LicenseMatcher } from './license-text/index.js';
import { formatOfPath, isTextFormat } from './media/formats.js';
import type { DetectContext, DetectOptions } from './types.js';

export function detectContext(catalog: Catalog, options: DetectOptions, licenseTexts: readonly string[] = []): DetectContext {
  let matcher: LicenseMatcher | undefined;
  return { catalog, matcher: () => (matcher ??= loadMatcher()), options, ...(licenseTexts.length ? { licenseTexts: new Set(licenseTexts) } : {}) };
}

export interface ReadContext {
  /** The folder the paths are relative to. */
  readonly root: string;
  readonly detect: DetectContext;
  /** Reused between files: a file's bytes are only needed while it is detected. */
  readonly buffer: Buffer;
}

export function readContext(root: string, catalog: Catalog, options: DetectOptions, licenseTexts: readonly string[] = []): ReadContext {
  return { root, detect: detectContext(catalog, options, licenseTexts), buffer: Buffer.allocUnsafe(MAX_READ_BYTES) };
}

/** Reads and detects files, without resolving them (the REUSE files a scan reads first). */
export function detectFiles(paths: readonly string[], ctx: ReadContext): { facts: FileFacts[]; problems: Problem[] } {
  const facts: FileFacts[] = [];
  const problems: Problem[] = [];
  const base = openBase(ctx.root);
  for (const path of paths) {
    let input;
    try {
      input = readFileInput(base + path, path, ctx.buffer);
    } catch (e) {
      problems.push(readProblem(path, e));
      continue;
    }
    const detection = detectFile(input, ctx.detect);
    facts.push({ path, kind: input.kind, size: input.size, detection });
    problems.push(...detection.problems);
    // A PDF or an EPS without a NUL early on is text by Git's rule, but no text to save as UTF-8.
    if (input.encoding === 'latin1' && !isBinaryMedia(path))
      problems.push(note('not-utf8', path, 'the file is not valid UTF-8; it was read as Latin-1', 'Save the file as UTF-8 (REUSE recommends it)'));
    if (input.truncated)
      problems.push(note('file-too-large', path, `only the first ${MAX_SCAN_BYTES / 1024 / 1024} MiB of this ${Math.round(input.size / 1024 / 1024)} MiB file were searched for tags`, null));
  }
  return { facts, problems };
}

/**
 * What to put before a relative path to open it. Below the working folder, the path from there:
 * the kernel resolves fewer folders per open (a scan of `.` opens files ~10% faster). Asked per
 * batch, so a working folder changed between batches (only an embedding program can) is seen.
 */
function openBase(root: string): string {
  let cwd: string;
  try {
    cwd = process.cwd();
  } catch {
    return root + sep; // the working folder is gone
  }
  if (root === cwd) return '';
  return root.startsWith(cwd + sep) ? root.slice(cwd.length + 1) + sep : root + sep;
}

function note(code: string, file: string, message: string, suggestion: string | null): Problem {
  return { code, severity: 'note', file, line: null, message, suggestion };
}

/** Reads and detects files (relative paths below `root`). */
export async function detectAll(root: string, paths: readonly string[], catalog: Catalog, options: DetectOptions): Promise<{ facts: FileFacts[]; problems: Problem[] }> {
  return detectFiles(paths, readContext(root, catalog, options));
}

/** A media format of bytes, not of text (SVG and .xmp sidecars are text). */
function isBinaryMedia(path: string): boolean {
  const format = formatOfPath(path);
  return format !== null && !isTextFormat(format);
}
