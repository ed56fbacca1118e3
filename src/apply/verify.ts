// After writing, each changed file is detected again by the scan's own detectors (in the
// very bytes renamed into place) and resolved by the REUSE precedence rules with every
// REUSE.toml and dep5 that may cover it: a file that does not now resolve to the requested
// license is reported.
import { isUtf8 } from 'node:buffer';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { detectFile } from '../detect/index.js';
import { EMPTY_DETECTION, type Annotation, type DetectContext, type FileInput } from '../detect/types.js';
import { andAll, readableAnnotations, resolveFileReport, type FileFacts } from '../project/index.js';
import type { AnnotationIndex } from '../project/reuse-glob.js';
import type { FileReport, Problem } from '../types.js';
import { decode, MAX_READ_BYTES, readFileInput, sniff } from '../walk/read.js';
import type { FileOutcome } from './types.js';

/** The facts the detectors find in `bytes`, as if the file had been read from disk. */
export function factsOf(path: string, bytes: Buffer, ctx: DetectContext): FileFacts {
  const input = inputOf(path, bytes);
  return { path, kind: input.kind, size: bytes.length, detection: detectFile(input, ctx) };
}

/** The facts of a file on disk (read as the scan reads it: bounded), or null when it cannot be read. */
export function factsFromDisk(root: string, path: string, ctx: DetectContext, buffer?: Buffer): FileFacts | null {
  try {
    const input = readFileInput(join(root, path), path, buffer);
    return { path, kind: input.kind, size: input.size, detection: detectFile(input, ctx) };
  } catch {
    return null;
  }
}

/**
 * What a file says of its own license (its SPDX tags, or the metadata embedded in a media
 * file), where REUSE reads it: a new sidecar or embedded metadata would silently take its
 * place, so apply compares first. Null when the file says nothing, or cannot be read.
 */
export function ownLicense(root: string, path: string, ctx: DetectContext, buffer: Buffer): { expression: string; field: string | null } | null {
  return ownLicenseOf(factsFromDisk(root, path, ctx, buffer));
}

/** ownLicense, and the copyright notices REUSE reads in the file (its tags and `Copyright` lines), from one read. */
export function ownNotices(root: string, path: string, ctx: DetectContext, buffer: Buffer): { license: { expression: string; field: string | null } | null; copyright: string[] } {
  const facts = factsFromDisk(root, path, ctx, buffer);
  const copyright = facts?.detection.copyrights.filter((c) => c.source === 'spdx-tag' && c.scope === 'file').map((c) => c.text) ?? [];
  return { license: ownLicenseOf(facts), copyright: [...new Set(copyright)] };
}

/** ownLicense, of facts already found (a file apply holds in memory). */
export function ownLicenseOf(facts: FileFacts | null): { expression: string; field: string | null } | null {
  if (facts === null) return null;
  const own = facts.detection.declarations.filter((d) => (d.source === 'spdx-tag' || d.source === 'media') && d.scope === 'file');
  const expression = andAll(own.map((d) => d.expression));
  return expression === null ? null : { expression, field: own.find((d) => d.field)?.field ?? null };
}

/** What a Perl file's POD names (src/detect/pod-notice.ts), where nothing else in the file declares a license; null when it names none. */
export function podLicenseOf(facts: FileFacts): { expression: string; line: number | null } | null {
  const pod = facts.detection.declarations.filter((d) => d.source === 'notice' && d.field === 'pod');
  const expression = andAll(pod.map((d) => d.expression));
  return expression === null ? null : { expression, line: pod[0]!.line ?? null };
}

/** REUSE.toml files in the root and the folders above the given files. */
export function tomlsAbove(root: string, paths: readonly string[]): string[] {
  const dirs = new Set<string>(['']);
  for (const p of paths) for (let d = p; d.includes('/'); ) dirs.add((d = d.slice(0, d.lastIndexOf('/'))));
  return [...dirs].map((d) => (d ? `${d}/REUSE.toml` : 'REUSE.toml')).filter((t) => existsSync(join(root, t)));
}

/** The REUSE.toml and dep5 annotations that may cover `paths`: read once, before any file is applied. */
export function reuseAnnotations(root: string, paths: readonly string[], ctx: DetectContext): Annotation[] {
  const files = [...tomlsAbove(root, paths), ...(existsSync(join(root, '.reuse/dep5')) ? ['.reuse/dep5'] : [])];
  return readableAnnotations(files.flatMap((p) => factsFromDisk(root, p, ctx) ?? []));
}

/**
 * What a changed file resolves to now: `bytes` are what was written to `written` (the file
 * itself, or its `.license` sidecar), detected as the scan detects them and resolved with
 * the annotations that cover the file. A sidecar replaces what its file says of itself
 * (REUSE 3.3), so the file is not read again.
 */
export function verifyFile(path: string, written: string, bytes: Buffer, index: AnnotationIndex, ctx: DetectContext): FileReport {
  const facts = factsOf(written, bytes, ctx);
  if (written === path) return resolveFileReport(facts, undefined, index);
  return resolveFileReport({ path, kind: 'binary', size: 1, detection: EMPTY_DETECTION }, facts, index);
}

/** The problem for a changed file that does not resolve to `expression`. */
export function notVerified(outcome: FileOutcome, report: FileReport, expression: string): Problem {
  return {
    code: 'not-verified',
    severity: 'error',
    file: outcome.path,
    line: null,
    message: `${outcome.path} was ${outcome.status === 'sidecar' ? 'given a sidecar' : 'changed'}, but ${explainResolution(report)}, not ${expression}`,
    suggestion: 'Another declaration decides its license (a REUSE.toml override or aggregate, or a second tag): see farleft scan --format json',
  };
}

/** Why a file resolves to something else, from the declarations that decided it. */
export function explainResolution(report: FileReport | undefined): string {
  if (!report) return 'it could not be read back';
  if (!report.license) return 'it resolves to no license';
  const sources = [...new Set(report.declarations.filter((d) => d.scope !== 'project').map((d) => `${d.file}${d.line ? `:${d.line}` : ''}${d.precedence ? ` (${d.precedence})` : ''}`))];
  return `it resolves to ${report.license}${sources.length ? ` (from ${sources.join(', ')})` : ''}`;
}

function inputOf(path: string, bytes: Buffer): FileInput {
  const encoding = sniff(bytes.subarray(0, MAX_READ_BYTES));
  if (encoding === null)
    return { path, kind: 'binary', size: bytes.length, text: '', bytes: bytes.subarray(0, MAX_READ_BYTES), encoding: null, complete: true, rest: () => [] };
  let text: string | undefined;
  // A file that is valid UTF-8 as a whole reads as UTF-8 (the sniffer judges only its head).
  const enc = encoding === 'utf-8' && !isUtf8(bytes) ? 'latin1' : encoding;
  return {
    path,
    kind: 'text',
    size: bytes.length,
    get text() {
      return (text ??= decode(bytes, enc, true));
    },
    bytes,
    encoding: enc,
    complete: true,
    rest: () => [],
  };
}
