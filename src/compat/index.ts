// The compatibility engine: may a work under `outbound` include a component under
// `inbound`, in a given context, for a given licensee? Rules are data (./rules/); this
// module parses the two expressions, walks them and writes the verdict. deps and lint call
// `evaluate`; `farleft compat` also uses `evaluateMatrix` and `evaluateProject`.
import type { Catalog } from '../catalog/index.js';
import type { LicenseeConfig, PolicyConfig } from '../config.js';
import { explain } from './explain.js';
import { evaluateTrees, treeOf, type Node } from './expression.js';
import { RANK, type Finding } from './finding.js';

export { evaluateProject, type CompatItem, type ProjectCompat, type ProjectGroup } from './project.js';

export const CONTEXTS = ['bundle', 'link', 'network', 'aggregate'] as const;

/** How the inbound work is used inside the outbound one. */
export type Context = (typeof CONTEXTS)[number];
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
  /** The inbound license to take it under, when it offers a choice (OR, "or later"); else null. */
  readonly choose: string | null;
}

export interface EvaluateOptions {
  readonly catalog: Catalog;
  readonly context: Context;
  readonly licensee: LicenseeConfig | null;
  readonly policy?: PolicyConfig;
  /** Where the policy was read, named in policy verdicts. */
  readonly policyFile?: string;
  /** The file or package being checked, for the policy's per-path and per-package exceptions. */
  readonly subject?: { readonly path?: string; readonly package?: string };
}

export function evaluate(outbound: string, inbound: string, options: EvaluateOptions): Verdict {
  const licensee = hasLicensee(options.licensee) ? options.licensee : null;
  const out = prepare(outbound, options.catalog, 'outbound');
  const inb = prepare(inbound, options.catalog, 'inbound');
  const o = { ...options, licensee };
  let f: Finding;
  if ('problem' in out) f = out.problem;
  else if ('problem' in inb) f = inb.problem;
  else if (leaves(out.tree) * leaves(inb.tree) > MAX_PAIRS) f = tooLarge(inb.expression);
  else {
    f = evaluateTrees(out.tree, inb.tree, o);
    if (f.verdict !== 'compatible') f = { ...f, hints: [...f.hints, ...hints(out.tree, inb.tree, o, f)] };
  }
  return {
    outbound: out.expression,
    inbound: inb.expression,
    context: options.context,
    licensee,
    verdict: f.verdict,
    reasons: f.reasons,
    conditions: f.conditions,
    explanation: explain(out.expression, inb.expression, options.context, f),
    choose: f.chosen && f.chosen !== inb.expression ? f.chosen : null,
  };
}

export interface MatrixResult {
  readonly schema: 1;
  readonly context: Context;
  readonly licensee: LicenseeConfig | null;
  /** The licenses, in the order given: rows are outbound, columns inbound. */
  readonly licenses: readonly string[];
  /** One verdict per pair, row by row. */
  readonly cells: readonly Verdict[];
}

export function evaluateMatrix(licenses: readonly string[], options: EvaluateOptions): MatrixResult {
  const cells = licenses.flatMap((outbound) => licenses.map((inbound) => evaluate(outbound, inbound, options)));
  const shown = licenses.map((l, i) => cells[i]!.inbound || l);
  return { schema: 1, context: options.context, licensee: hasLicensee(options.licensee) ? options.licensee : null, licenses: shown, cells };
}

function hasLicensee(l: LicenseeConfig | null): l is LicenseeConfig {
  return l !== null && (l.kind !== undefined || l.commercial !== undefined);
}

type Prepared = { expression: string; tree: Node } | { expression: string; problem: Finding };

/** Every outbound part meets every inbound part: a bound on the work one hostile expression can cause. */
const MAX_PAIRS = 10_000;

function leaves(node: Node): number {
  return 'conjunction' in node ? leaves(node.left) + leaves(node.right) : 1;
}

function tooLarge(expression: string): Finding {
  const text = `the expressions have more than ${MAX_PAIRS} pairs of licenses to compare`;
  return { verdict: 'review', reasons: [{ license: expression.slice(0, 80), clause: '', text }], conditions: [], plain: [`The expressions are too large to compare (${text}).`], hints: [] };
}

/** The normalized expression and its tree, or a `review` finding saying why there is none. */
function prepare(raw: string, catalog: Catalog, side: 'outbound' | 'inbound'): Prepared {
  const n = catalog.normalize(raw);
  const review = (text: string, plain: string): Prepared => ({
    expression: n.expression ?? raw.trim(),
    problem: { verdict: 'review', reasons: [{ license: raw.trim(), clause: '', text }], conditions: [], plain: [plain], hints: [] },
  });
  if (n.marker === 'SEE LICENSE IN') return review(`the license is in ${n.seeFile}, not stated as an SPDX expression`, `The ${side} license is only in a file (${n.seeFile}): scan that file to name it.`);
  if (n.marker) return { expression: n.marker, tree: { license: n.marker } };
  if (!n.valid || !n.expression) {
    const why = n.notes.map((note) => note.message).join('; ') || 'not a valid SPDX expression';
    return review(why, `The ${side} license "${raw.trim()}" is not one farleft can read${n.suggestion ? ` (did you mean ${n.suggestion}?)` : ''}.`);
  }
  try {
    return { expression: n.expression, tree: treeOf(n.expression) };
  } catch {
    // The catalog read it; a parser limit (a very deep expression) is no reason to crash.
    return review('the expression is too deeply nested to read', `The ${side} license expression is too deeply nested to read.`);
  }
}

const OTHER_CONTEXTS: Readonly<Record<Context, readonly Context[]>> = {
  bundle: ['link', 'aggregate'],
  link: ['aggregate'],
  network: [],
  aggregate: [],
};

const CONTEXT_WORDS: Readonly<Record<Context, string>> = {
  bundle: 'bundled',
  link: 'linked at run time as a separate component (--context link)',
  network: 'run as a service',
  aggregate: 'shipped side by side as a separate work (--context aggregate)',
};

/** The first other context where the verdict would be better, as a sentence. */
function hints(outbound: Node, inbound: Node, o: Parameters<typeof evaluateTrees>[2], f: Finding): string[] {
  for (const context of OTHER_CONTEXTS[o.context]) {
    const g = evaluateTrees(outbound, inbound, { ...o, context });
    if (RANK[g.verdict] < RANK[f.verdict]) return [`${capital(CONTEXT_WORDS[context])}, it would ${g.verdict === 'compatible' ? 'be compatible' : 'need a review rather than be ruled out'}.`];
  }
  return [];
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
