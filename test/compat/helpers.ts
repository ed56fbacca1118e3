// Shorthands for the compat tests: one verdict over the built catalog.
import { evaluate, type Context, type Verdict } from '../../src/compat/index.js';
import type { LicenseeConfig, PolicyConfig } from '../../src/config.js';
import { testCatalog } from '../helpers.js';

export interface Options {
  readonly context?: Context;
  readonly licensee?: LicenseeConfig | null;
  readonly policy?: PolicyConfig;
  readonly subject?: { path?: string; package?: string };
}

export function verdict(outbound: string, inbound: string, o: Options = {}): Verdict {
  return evaluate(outbound, inbound, {
    catalog: testCatalog(),
    context: o.context ?? 'bundle',
    licensee: o.licensee ?? null,
    ...(o.policy ? { policy: o.policy, policyFile: 'test/.farleft.yml' } : {}),
    ...(o.subject ? { subject: o.subject } : {}),
  });
}

/** "license clause" of each reason, to assert which clauses a verdict rests on. */
export function cited(v: Verdict): string[] {
  return v.reasons.map((r) => `${r.license} ${r.clause}`.trim());
}
