// The detector contract. A detector is a pure function from one file's content to
// what that file declares; it never reads the disk and never prints. The walker
// (src/walk) does the reading and hands over a FileInput.
import type { Catalog } from '../catalog/index.js';
import type { LicenseMatcher } from './license-text/index.js';
import type { CopyrightNotice, Declaration, FileKind, Precedence, Problem, Source } from '../types.js';

export interface FileInput {
  /** Relative POSIX path from the scanned root. */
  readonly path: string;
  readonly kind: FileKind;
  /** Size on disk in bytes. */
  readonly size: number;
  /**
   * The decoded text of the first MAX_READ_BYTES (the whole file when it is smaller); '' for
   * binaries. Decoded on first use: most files are only searched for tags, in `bytes`.
   */
  readonly text: string;
  /**
   * The raw bytes `text` is decoded from (for binaries: the first MAX_READ_BYTES). The walker
   * reuses its buffer: they are valid only during the detect() call.
   */
  readonly bytes: Uint8Array;
  /** How `bytes` decode to `text` (a BOM, if any, is part of `bytes`); null for binaries. */
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1' | null;
  /** True when every byte of `bytes` is ASCII (a UTF-8 text with no character beyond U+007F); absent in inputs built in tests. */
  readonly ascii?: boolean;
  /** False when the file is larger than what `text` holds; `rest()` then yields the remainder. */
  readonly complete: boolean;
  /** The rest of the text after `text`, in bounded chunks read on demand (empty when complete). */
  rest(): Iterable<string>;
  /**
   * The same rest as raw bytes (UTF-8 and Latin-1 files), so a scan need not decode what it
   * only searches. Each chunk is valid until the next is asked for. Absent in inputs built in tests.
   */
  restBytes?(): Iterable<Buffer>;
  /**
   * Up to `length` bytes at `position`, read on demand, for binary formats whose metadata
   * may lie past `bytes` (an MP4's moov box, a PDF's last update, a WebP's XMP chunk).
   * Bounded per file (RANGE_BUDGET_BYTES in all, RANGE_BUDGET_READS calls): fewer bytes
   * come back at the end of the file, once the budget is spent, or when the file cannot be
   * read again. Absent when no file stands behind the input (inputs built in tests).
   */
  readRange?(position: number, length: number): Uint8Array;
}

/**
 * A REUSE.toml `[[annotations]]` table or a dep5 `Files` paragraph: licensing that applies
 * to every Covered File its globs match. Globs are kept as written; src/project matches them.
 */
export interface Annotation {
  readonly source: Extract<Source, 'reuse-toml' | 'dep5'>;
  readonly file: string;
  readonly line: number;
  /** The folder the globs are relative to ('' for the root). */
  readonly base: string;
  readonly paths: readonly string[];
  readonly precedence: Precedence;
  readonly declarations: readonly Declaration[];
  readonly copyrights: readonly CopyrightNotice[];
}

export interface Detection {
  readonly declarations: readonly Declaration[];
  readonly copyrights: readonly CopyrightNotice[];
  readonly problems: readonly Problem[];
  readonly annotations?: readonly Annotation[];
}

export interface DetectOptions {
  /** A full-text match at or above this confidence names the license. */
  readonly minConfidence: number;
  /**
   * Read files as reuse-tool does (lint --reuse, for its counts): a text file's first 4 KiB, where any line
   * with `Copyright` or `©` is a notice; a binary file not at all (reuse-tool 3.0.1 and later), and no
   * media metadata (REUSE knows none; a font's embedded notice would give it copyright information
   * that reuse lint does not see). Off, tags in a binary's head count, and a bare notice there is an
   * embedded part's (a JPEG's colour profile), not the file's.
   */
  readonly asReuse?: boolean;
}

export interface DetectContext {
  readonly catalog: Catalog;
  /** The full-text matcher, loaded on first use (most scans meet few license files). */
  matcher(): LicenseMatcher;
  readonly options: DetectOptions;
  /**
   * Files a root manifest names as the project's license text (`SEE LICENSE IN TERMS.md`):
   * read as license texts whatever their names. Known before the scan's batches start.
   */
  readonly licenseTexts?: ReadonlySet<string>;
}

export interface Detector {
  /** Names the detector; equals the `source` of what it declares, except for helpers of another source. */
  readonly name: string;
  /** Decides from the path (and the context's lists of paths) whether this detector wants the file (cheap: called for every file). */
  accepts(path: string, kind: FileKind, ctx?: DetectContext): boolean;
  detect(file: FileInput, ctx: DetectContext): Detection;
  /** Run only when the detectors before it declared nothing for the file (it is last in the list). */
  readonly fallback?: boolean;
}

/**
 * A detection, always in one shape: V8 compiles the code that reads detections for the shapes
 * it has seen, and throws that code away at each new one (object literals with and without
 * `annotations`, a frozen one: three shapes, each costing a recompile per thread and scan).
 */
export function detection(
  declarations: readonly Declaration[],
  copyrights: readonly CopyrightNotice[],
  problems: readonly Problem[],
  annotations?: readonly Annotation[],
): Detection {
  return { declarations, copyrights, problems, annotations };
}

/** Nothing found (not frozen: a frozen object has a shape of its own; the type keeps it read-only). */
export const EMPTY_DETECTION: Detection = detection([], [], []);
