// Placeholder: the compatibility engine (issue: farleft compat). The types are the
// contract other stages (deps, lint, report) code against.
import type { Catalog } from '../catalog/index.js';
import type { LicenseeConfig, PolicyConfig } from '../config.js';

/** How the inbound work is used inside the outbound one. */
export type Context = 'bundle' | 'link' | 'network' | 'aggregate';
export type VerdictKind = 'compatible' | 'incompatible' | 'review';

export interface Reason {
  /** The license whose clause decides. */
  readonly license: string;
  /** The clause, as the license numbers it: "§4(c)-(d)", "§7, §10". */
  readonly clause: string;
  readonly text: string;
}

/** One verdict: may a work under `outbound` include a component under `inbound`? (DESIGN.md JSON.) */
export interface Verdict {
  readonly outbound: string;
  readonly inbound: string;
  readonly context: Context;
  readonly licensee: LicenseeConfig | null;
  readonly verdict: VerdictKind;
  readonly reasons: readonly Reason[];
  /** What must be done for the combination to be compatible (keep notices, offer source...). */
  readonly conditions: readonly string[];
  /** Plain language, for a non-lawyer. */
  readonly explanation: string;
}

export interface EvaluateOptions {
  readonly catalog: Catalog;
  readonly context: Context;
  readonly licensee: LicenseeConfig | null;
  readonly policy?: PolicyConfig;
}

export function evaluate(outbound: string, inbound: string, options: EvaluateOptions): Verdict {
  return {
    outbound,
    inbound,
    context: options.context,
    licensee: options.licensee,
    verdict: 'review',
    reasons: [],
    conditions: [],
    explanation: 'The compatibility engine is not available yet.',
  };
}
