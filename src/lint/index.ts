// Every lint rule, in the order reports list them. One file per rule in rules/; a test
// fails when a file there is missing from this list.
import { rule as declaredConflict } from './rules/declared-conflict.js';
import { rule as dependencyProblem } from './rules/dependency-problem.js';
import { rule as deprecatedId } from './rules/deprecated-id.js';
import { rule as incompatible } from './rules/incompatible.js';
import { rule as invalidExpression } from './rules/invalid-expression.js';
import { rule as malformedFile } from './rules/malformed-file.js';
import { rule as misnamedLicenseText } from './rules/misnamed-license-text.js';
import { rule as missingCopyright } from './rules/missing-copyright.js';
import { rule as missingLicense } from './rules/missing-license.js';
import { rule as missingLicenseText } from './rules/missing-license-text.js';
import { rule as needsReview } from './rules/needs-review.js';
import { rule as noProjectLicense } from './rules/no-project-license.js';
import { rule as policyDenied } from './rules/policy-denied.js';
import { rule as readError } from './rules/read-error.js';
import { rule as scanProblem } from './rules/scan-problem.js';
import { rule as unknownLicense } from './rules/unknown-license.js';
import { rule as unusedLicenseText } from './rules/unused-license-text.js';
import type { Finding, Rule } from './types.js';

export const RULES: readonly Rule[] = [
  missingLicense,
  noProjectLicense,
  missingCopyright,
  invalidExpression,
  deprecatedId,
  unknownLicense,
  missingLicenseText,
  unusedLicenseText,
  misnamedLicenseText,
  declaredConflict,
  incompatible,
  needsReview,
  policyDenied,
  dependencyProblem,
  malformedFile,
  readError,
  scanProblem,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** Findings by rule id, each list in the findings' order; rules in the order they first occur. */
export function findingsByRule(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = out.get(f.rule);
    if (list) list.push(f);
    else out.set(f.rule, [f]);
  }
  return out;
}

/** Scan problem code -> the rule that reports it; codes no rule names go to the 'others' rule. */
export function ruleForCode(code: string): Rule | undefined {
  return CODES.get(code) ?? OTHERS;
}

const CODES = new Map<string, Rule>(RULES.flatMap((r) => (Array.isArray(r.codes) ? r.codes.map((c) => [c, r] as const) : [])));
const OTHERS = RULES.find((r) => r.codes === 'others');
