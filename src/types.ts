// The few plain data types every stage shares. Values are immutable: a stage that
// needs to change one makes a copy.

/** Where a declaration was read. A detector's `source` is its file name in singular. */
export type Source =
  | 'spdx-tag'
  | 'license-text'
  | 'notice'
  | 'manifest'
  | 'reuse-toml'
  | 'dep5'
  | 'sidecar'
  | 'media';

/**
 * What a declaration speaks for: the file it is in (`file`), a code snippet inside it
 * (`snippet`, SPDX-SnippetBegin..End), the whole project (root license files, root
 * manifest, README), a package below the root (a manifest and its license files),
 * or the files matched by REUSE.toml / dep5 globs (`glob`).
 */
export type Scope = 'file' | 'snippet' | 'project' | 'package' | 'glob';

/** REUSE.toml `precedence` (REUSE 3.3). dep5 behaves as `aggregate`. */
export type Precedence = 'closest' | 'aggregate' | 'override';

export interface Candidate {
  readonly expression: string;
  readonly confidence: number;
}

export interface Declaration {
  /** Normalized SPDX expression; LicenseRef-* for what SPDX lacks; NONE / NOASSERTION / UNLICENSED markers. */
  readonly expression: string;
  readonly source: Source;
  /** Where the declaration was read: relative POSIX path from the scanned root. */
  readonly file: string;
  /** 1-based line where it was read, when the source has lines. */
  readonly line?: number;
  /** 1 for explicit tags and manifests; the match score for texts and notices. */
  readonly confidence: number;
  readonly scope: Scope;
  /** The manifest field, media tag or REUSE key the value came from. */
  readonly field?: string;
  /** The text as written, when it differs from `expression`. */
  readonly raw?: string;
  /** For REUSE.toml annotations. */
  readonly precedence?: Precedence;
  /** For a text that could not be named: the closest known licenses. */
  readonly candidates?: readonly Candidate[];
  /** For snippets: the last line of the snippet. */
  readonly endLine?: number;
}

/**
 * Whether a declaration names the license a full license text holds: a license file's (or a
 * header's) text the matcher named. Not NOASSERTION, which stands for a text it could not name.
 */
export function namesTextLicense(d: Declaration): boolean {
  return d.source === 'license-text' && d.expression !== 'NOASSERTION';
}

export interface CopyrightNotice {
  /** The notice without its prefix tag (`SPDX-FileCopyrightText:`), as REUSE reports it. */
  readonly text: string;
  readonly source: Source;
  readonly file: string;
  readonly line?: number;
  readonly scope: Scope;
  readonly precedence?: Precedence;
}

export type Severity = 'error' | 'warning' | 'note';

export interface Problem {
  /** Stable kebab-case id shared by lint rules, SARIF rule ids and the docs. */
  readonly code: string;
  readonly severity: Severity;
  readonly file: string | null;
  readonly line: number | null;
  readonly message: string;
  readonly suggestion: string | null;
}

export type FileKind = 'text' | 'binary';

export interface FileReport {
  readonly path: string;
  readonly kind: FileKind;
  /** Whether REUSE counts it as a Covered File (LICENSES/*, LICENSE*, COPYING*, *.license, REUSE.toml, .reuse/*, empty files are not). */
  readonly covered: boolean;
  /** Every declaration that applies to this file, in precedence order. */
  readonly declarations: readonly Declaration[];
  readonly copyright: readonly string[];
  /** The effective license after REUSE precedence, or null when nothing applies. */
  readonly license: string | null;
}

export interface ScanSummary {
  readonly files: number;
  /** Files REUSE requires licensing information for. */
  readonly covered: number;
  readonly withLicense: number;
  readonly withCopyright: number;
  /** Covered files with no effective license. */
  readonly withoutLicense: number;
  /** Effective license expression -> number of files. */
  readonly licenses: Readonly<Record<string, number>>;
  /** Paths not scanned, by reason (gitignore, exclude, symlink, vcs, ...). */
  readonly skipped: Readonly<Record<string, number>>;
}

/** What `farleft scan --format json` prints (DESIGN.md schema 1, plus `problems`). */
export interface ScanResult {
  readonly schema: 1;
  readonly tool: { readonly name: 'farleft'; readonly version: string };
  /** The scanned folder as it was given on the command line. */
  readonly root: string;
  readonly project: { readonly declarations: readonly Declaration[]; readonly license: string | null };
  readonly files: readonly FileReport[];
  readonly summary: ScanSummary;
  readonly problems: readonly Problem[];
}
