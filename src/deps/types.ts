// The plain data of `farleft deps`: what a collector finds (CollectedPackage), what the
// audit says about each package (DependencyReport), and the whole result (DepsResult).
import type { Catalog } from '../catalog/index.js';
import type { Context, Verdict } from '../compat/index.js';
import type { LicenseeConfig, PolicyConfig } from '../config.js';
import type { Problem } from '../types.js';

export type Ecosystem = 'npm' | 'pypi' | 'cargo' | 'go' | 'composer';

/**
 * How the project needs a package: `prod` at run time, `optional` (an optional dependency
 * or a Python extra), `peer` (a peer dependency the project itself declares), `dev` (only to
 * develop, build or test: never shipped).
 */
export type DepScope = 'prod' | 'optional' | 'peer' | 'dev';

/** Where a package is recorded (a lock entry, installed.json), with the license written there (null: none). */
export interface RecordedLicense {
  readonly value: unknown;
  readonly file: string;
  readonly line: number | null;
}

/** One package a collector found, installed or only locked, before its licenses are read. */
export interface CollectedPackage {
  readonly ecosystem: Ecosystem;
  readonly name: string;
  readonly version: string | null;
  /**
   * Unique in one collection: the package folder as shown (relative to the root with '/', or
   * `$CARGO_HOME/...`-style for caches outside it), or `<ecosystem>:<name>@<version>` when
   * the package is not installed.
   */
  readonly ref: string;
  /** The folder as shown; null when not installed. */
  readonly path: string | null;
  /** The folder on disk (absolute; never printed); null when not installed. */
  readonly dir: string | null;
  readonly installed: boolean;
  readonly direct: boolean;
  readonly scope: DepScope;
  /** The manifest file inside `dir` (package.json, METADATA, Cargo.toml, composer.json), or null (Go has none). */
  readonly manifest: string | null;
  /** The manifest's text when the collector has already read it (read once, dropped after the audit). */
  readonly manifestText?: string;
  /** `manifestText` parsed, when the collector has parsed it (package.json): parsed once, read twice. */
  readonly manifestJson?: unknown;
  /** Files inside `dir` that hold license texts beyond the license files at its top (relative to `dir`). */
  readonly licenseFiles?: readonly string[];
  /** True when the collector listed `dir` already: `licenseFiles` then holds the ones at its top too. */
  readonly listed?: boolean;
  /** A license read from a lock or an index, used when the package's own manifest has none or is missing. */
  readonly recorded?: RecordedLicense;
  /** Refs of the packages this one depends on (for SBOM relationships). */
  readonly dependsOn: readonly string[];
}

export interface Collection {
  readonly packages: readonly CollectedPackage[];
  readonly problems: readonly Problem[];
}

/** Where caches outside the project are (from the environment, read by the CLI only). */
export interface CollectEnv {
  readonly VIRTUAL_ENV?: string | undefined;
  readonly CARGO_HOME?: string | undefined;
  readonly GOMODCACHE?: string | undefined;
  readonly GOPATH?: string | undefined;
  readonly HOME?: string | undefined;
}

export interface CollectOptions {
  readonly env: CollectEnv;
  /** Python site-packages folders given with --python-site (absolute). */
  readonly pythonSites?: readonly string[];
  /** Only these ecosystems (default: every one whose files are present). */
  readonly ecosystems?: readonly Ecosystem[];
}

/** One ecosystem: whether it applies to a root, and what is installed there. */
export interface Collector {
  readonly ecosystem: Ecosystem;
  /** From the names at the root (cheap), and the options: does this ecosystem apply? */
  applies(names: ReadonlySet<string>, options: CollectOptions): boolean;
  /** Throws InputError when the project declares dependencies but nothing is installed. */
  collect(root: string, options: CollectOptions): Collection;
}

// ---------------------------------------------------------------- the audit

export interface DetectedLicense {
  readonly expression: string;
  readonly file: string;
  readonly line: number | null;
  readonly confidence: number;
}

/** Why the effective license is what it is: each value read, where. */
export interface Evidence {
  readonly source: 'manifest' | 'license-text' | 'lock';
  readonly expression: string;
  readonly file: string;
  readonly field: string | null;
  readonly line: number | null;
  readonly confidence: number;
  /** The value as written, when it differs from `expression`. */
  readonly raw?: string;
}

/** How the effective license was decided (see effective.ts). */
export type LicenseBasis = 'declared' | 'detected' | 'declared-and-detected' | 'recorded' | 'none';

export type PolicyDecisionKind = 'deny' | 'allow' | 'exception';

export interface PolicyDecision {
  readonly decision: PolicyDecisionKind;
  /** The rule that fired, as written in .farleft.yml: `policy.deny[0]: GPL-3.0-only`. */
  readonly rule: string;
  readonly reason: string | null;
}

/** The outcome for one package: the compat verdict, unless the policy decided or it was not evaluated. */
export type DepStatus = 'compatible' | 'incompatible' | 'review' | 'denied' | 'allowed' | 'not-evaluated';

/** What inspect.ts reads of one package: its declared, detected and effective license. */
export interface Inspection {
  /** The manifest's license, normalized (legacy forms read as SPDX); null when it declares none. */
  readonly declared: string | null;
  /** The licenses named by the texts of its license files. */
  readonly detected: readonly DetectedLicense[];
  /** The effective license: an SPDX expression, NOASSERTION when nothing could be read. */
  readonly license: string;
  readonly basis: LicenseBasis;
  readonly evidence: readonly Evidence[];
  readonly copyright: readonly string[];
  readonly problems: readonly Problem[];
  /** License texts, only when the audit was asked for them (--notice); never in JSON. */
  readonly texts?: readonly LicenseText[];
}

export interface DependencyReport extends Inspection {
  readonly ecosystem: Ecosystem;
  readonly name: string;
  readonly version: string | null;
  readonly ref: string;
  readonly path: string | null;
  readonly installed: boolean;
  readonly direct: boolean;
  readonly scope: DepScope;
  readonly verdict: Verdict | null;
  readonly policy: PolicyDecision | null;
  readonly status: DepStatus;
  readonly dependsOn: readonly string[];
}

export interface LicenseText {
  readonly file: string;
  readonly text: string;
  /** The licenses the text was found to hold. */
  readonly expressions: readonly string[];
  /** The SPDX License List's text, for a package that ships none of its own. */
  readonly standard?: boolean;
}

export interface DepsSummary {
  readonly packages: number;
  readonly installed: number;
  readonly direct: number;
  readonly scopes: Readonly<Record<string, number>>;
  readonly ecosystems: Readonly<Record<string, number>>;
  /** Effective license -> packages. */
  readonly licenses: Readonly<Record<string, number>>;
  readonly statuses: Readonly<Record<string, number>>;
  readonly problems: Readonly<Record<string, number>>;
}

/** What `farleft deps --format json` prints (schema 1). */
export interface DepsResult {
  readonly schema: 1;
  readonly tool: { readonly name: 'farleft'; readonly version: string };
  readonly root: string;
  /** The project's own (outbound) license and where it was read; null when none was found. */
  readonly project: { readonly name: string | null; readonly version: string | null; readonly license: string | null; readonly licenseFrom: string | null };
  readonly context: Context;
  /** Whether dev dependencies were evaluated (--dev). */
  readonly dev: boolean;
  readonly ecosystems: readonly Ecosystem[];
  readonly packages: readonly DependencyReport[];
  readonly summary: DepsSummary;
  /** Problems not tied to one package (locks, links, cycles); a package's own are in its `problems`. */
  readonly problems: readonly Problem[];
}

export interface CollectAllResult {
  readonly ecosystems: readonly Ecosystem[];
  readonly packages: readonly CollectedPackage[];
  readonly problems: readonly Problem[];
}

export interface AuditOptions extends CollectOptions {
  readonly root: string;
  readonly version: string;
  /** A license text is named at or above this confidence. */
  readonly minConfidence: number;
  /** The outbound license given on the command line (wins over the config and the project's own). */
  readonly license?: string;
  readonly configLicense?: { readonly expression: string; readonly file: string };
  readonly context: Context;
  /** Evaluate dev dependencies too. */
  readonly dev: boolean;
  /** Leave dev dependencies out of the result altogether. */
  readonly production: boolean;
  readonly licensee: LicenseeConfig | null;
  readonly policy?: PolicyConfig;
  readonly policyFile?: string;
  /** Keep license texts for the notice file. */
  readonly withTexts: boolean;
  /** Evaluate against the outbound license and the policy (default true; collectDependencies() does not). */
  readonly evaluate?: boolean;
  readonly catalog?: Catalog;
  /** What collectAll() found at the root, when the caller has collected already (lint). */
  readonly collection?: CollectAllResult;
}
