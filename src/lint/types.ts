// The plain data of `farleft lint`: a rule (id, default severity, doc, fix hint, and what
// it reads), what rules read (LintInput), and what lint returns (LintResult).
import type { Catalog } from '../catalog/index.js';
import type { ProjectCompat } from '../compat/index.js';
import type { DepsResult } from '../deps/types.js';
import type { Problem, ScanResult } from '../types.js';
import type { ReuseReport } from './reuse.js';

/** A finding's severity. (Scan notes are information, not findings: lint leaves them out.) */
export type Level = 'error' | 'warning';

/** How .farleft.yml sets a rule: `lint.rules.<id>: off|warn|error`. */
export type RuleSetting = 'off' | 'warn' | 'error';

export interface LintInput {
  readonly scan: ScanResult;
  readonly catalog: Catalog;
  /** The project's license against every file's; null when the project declares no license. */
  readonly compat: ProjectCompat | null;
  /** The dependency audit; null when the project has no dependencies farleft can read (or --no-deps). */
  readonly deps: DepsResult | null;
  /** Why the dependency audit could not run (nothing installed...), as problems. */
  readonly depsProblems: readonly Problem[];
  /** When only some files are linted (--changed-since, file arguments): those paths. Null: the whole tree. */
  readonly only: ReadonlySet<string> | null;
}

/** What a rule reports before its severity is applied. */
export interface Draft {
  readonly file: string | null;
  readonly line: number | null;
  readonly message: string;
  /** What to do about this one; the rule's fix hint stands in when null. */
  readonly suggestion?: string | null;
}

export interface Rule {
  /** Stable kebab-case id, shared by SARIF rule ids, config keys and the docs. */
  readonly id: string;
  readonly severity: Level;
  /** One line: what the rule finds. */
  readonly title: string;
  /** One paragraph: why it matters. */
  readonly doc: string;
  /** What to do about a finding. */
  readonly fix: string;
  /** Scan problem codes (error and warning severity) this rule reports; 'others' takes every code no rule names. */
  readonly codes?: readonly string[] | 'others';
  /** Findings computed from the lint input. */
  readonly check?: (input: LintInput) => readonly Draft[];
  /** Project-wide rules make no sense on a few files: skipped when `only` is set. */
  readonly wholeTree?: boolean;
}

export interface Finding {
  readonly rule: string;
  readonly severity: Level;
  readonly file: string | null;
  readonly line: number | null;
  readonly message: string;
  readonly suggestion: string;
}

export interface LintSettings {
  /** Rule id -> setting, from .farleft.yml (already checked against the rule ids). */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** .gitignore-style patterns of files whose findings are dropped. */
  readonly ignore: readonly string[];
  /** The lowest severity that fails the lint (exit 1). */
  readonly failOn: Level;
}

/** What `farleft lint --format json` prints (schema 1). */
export interface LintResult {
  readonly schema: 1;
  readonly tool: { readonly name: 'farleft'; readonly version: string };
  readonly root: string;
  /** `farleft` (the rules) or `reuse` (REUSE 3.3 compliance, --reuse). */
  readonly mode: 'farleft' | 'reuse';
  /** The project's license the compatibility rules checked against, or null. */
  readonly license: string | null;
  readonly failOn: Level;
  /** `fail` when a finding is at or above failOn. */
  readonly verdict: 'pass' | 'fail';
  /** Every rule with the severity it ran at (or off). */
  readonly rules: readonly { readonly id: string; readonly severity: Level | 'off' }[];
  readonly findings: readonly Finding[];
  readonly summary: {
    /** Files linted (files needing licensing information, or the ones asked for). */
    readonly files: number;
    readonly errors: number;
    readonly warnings: number;
    readonly byRule: Readonly<Record<string, number>>;
  };
  /** A file of the project to attach findings without a file to (SARIF needs a location), or null. */
  readonly anchor: string | null;
  /** The REUSE compliance report (--reuse only). */
  readonly reuse?: ReuseReport;
}
