// One dependency against the project: the policy first (a deny always wins; an exception or
// an allow lets the package through whatever the verdict), then the compatibility engine
// with the project's outbound license. Dev dependencies are not evaluated unless asked:
// they are not shipped.
import type { Catalog } from '../catalog/index.js';
import { evaluate, type Context, type Verdict } from '../compat/index.js';
import type { LicenseeConfig, PolicyConfig } from '../config.js';
import { decidePolicy } from './policy.js';
import type { DepScope, DepStatus, PolicyDecision } from './types.js';

export interface DepsEvaluateOptions {
  readonly catalog: Catalog;
  /** The project's license; null when none is known (no verdicts, the policy still applies). */
  readonly outbound: string | null;
  readonly context: Context;
  readonly dev: boolean;
  readonly licensee: LicenseeConfig | null;
  readonly policy?: PolicyConfig | undefined;
  readonly policyFile?: string | undefined;
  /** Verdicts already given in this audit, by inbound license: most packages share a few licenses. */
  readonly verdicts?: Map<string, Verdict>;
}

export interface DependencyOutcome {
  readonly verdict: Verdict | null;
  readonly policy: PolicyDecision | null;
  readonly status: DepStatus;
}

export function evaluateDependency(
  pkg: { readonly name: string; readonly path: string | null; readonly license: string; readonly scope: DepScope },
  options: DepsEvaluateOptions,
): DependencyOutcome {
  if (pkg.scope === 'dev' && !options.dev) return { verdict: null, policy: null, status: 'not-evaluated' };
  const policy = decidePolicy(pkg, options.policy, options.catalog, options.policyFile);
  let verdict = options.outbound === null ? null : (options.verdicts?.get(pkg.license) ?? null);
  if (options.outbound !== null && verdict === null) {
    verdict = evaluate(options.outbound, pkg.license, {
      catalog: options.catalog,
      context: options.context,
      licensee: options.licensee,
      ...(options.policy ? { policy: options.policy } : {}),
    });
    options.verdicts?.set(pkg.license, verdict);
  }
  if (policy?.decision === 'deny') return { verdict, policy, status: 'denied' };
  if (policy) return { verdict, policy, status: 'allowed' };
  return { verdict, policy, status: verdict?.verdict ?? 'not-evaluated' };
}

/** Whether an outcome fails the audit (exit 1). */
export function isFailing(status: DepStatus): boolean {
  return status === 'incompatible' || status === 'denied';
}
