// What `farleft apply` reports (`--format json`, schema 1).
import type { Problem } from '../types.js';
import type { EmbedResult } from './embed/index.js';
import type { LicenseTextStatus } from './license-texts.js';

/**
 * changed: a header was written or merged (or, method `embed`, only metadata was embedded); sidecar: a `.license` file was written or
 * updated; already-done: nothing was needed; skipped: not a file apply writes to (license
 * texts, sidecars, empty files...); conflict: the file declares something else and was
 * left alone; unknown: no comment style is known for it; failed: it could not be done.
 */
export type FileStatus = 'changed' | 'sidecar' | 'already-done' | 'skipped' | 'conflict' | 'unknown' | 'failed';
export type Method = 'header' | 'sidecar' | 'reuse-toml' | 'embed';

export interface FileOutcome {
  readonly path: string;
  readonly status: FileStatus;
  readonly method: Method | null;
  /** The comment style of a header. */
  readonly style: string | null;
  /** For skipped, conflict, unknown and failed: why (a problem code or a skip reason). */
  readonly reason: string | null;
  /** The license the file declared before, when --replace replaced it. */
  readonly replaced: string | null;
  /** The license the file resolves to after apply, when it was checked. */
  readonly license: string | null;
  /** Whether it resolves to the requested license (null when not checked). */
  readonly verified: boolean | null;
  /** What --embed did, for media files. */
  readonly embed: EmbedResult | null;
  /** With --dry-run: the unified diff of the change. */
  readonly diff?: string;
  /** 'latin1' when the file is not UTF-8: the diff's characters are then its bytes, one each. */
  readonly diffEncoding?: 'latin1';
}

export interface LicenseTextOutcome {
  readonly id: string;
  readonly path: string;
  readonly status: LicenseTextStatus;
  readonly source: 'spdx-license-list' | 'file' | 'header' | null;
  /** For a text taken from a file's header (an exception SPDX gives no text of offline): that file. */
  readonly from?: string;
  readonly diff?: string;
}

export interface ApplySummary {
  /** Files in the paths given (after the walk's skips). */
  readonly files: number;
  readonly changed: number;
  readonly sidecar: number;
  readonly alreadyDone: number;
  readonly conflict: number;
  readonly unknown: number;
  readonly failed: number;
  /** Changed files that do not resolve to the requested license afterwards. */
  readonly notVerified: number;
  /** Paths skipped, by reason: the walk's (gitignore, vcs, symlink, ...) and apply's own (not-covered, empty, ...). */
  readonly skipped: Readonly<Record<string, number>>;
}

export interface ApplyResult {
  readonly schema: 1;
  readonly tool: { readonly name: 'farleft'; readonly version: string };
  /** The project root, as given or found (relative to where farleft ran, or absolute). */
  readonly root: string;
  readonly mode: 'header' | 'reuse-toml';
  readonly dryRun: boolean;
  readonly license: string;
  readonly copyright: readonly string[];
  readonly files: readonly FileOutcome[];
  readonly licenseTexts: readonly LicenseTextOutcome[];
  /** In --reuse-toml mode: what happened to REUSE.toml. */
  readonly reuseToml: { readonly path: string; readonly status: 'changed' | 'already-done' | 'conflict' | 'failed'; readonly diff?: string } | null;
  readonly summary: ApplySummary;
  readonly problems: readonly Problem[];
}
