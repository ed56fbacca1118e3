// `farleft compat --format json` (DESIGN.md, schema 1): a verdict, a matrix of verdicts,
// or a project's verdicts grouped by license. Keys in a fixed order, so the same input
// gives the same bytes.
import type { MatrixResult, ProjectCompat, Verdict } from '../../compat/index.js';

export function renderVerdict(v: Verdict): string {
  return `${JSON.stringify({ schema: 1, ...verdictObject(v) }, null, 2)}\n`;
}

export function renderMatrix(m: MatrixResult): string {
  return `${JSON.stringify({ schema: 1, context: m.context, licensee: m.licensee, licenses: m.licenses, cells: m.cells.map(verdictObject) }, null, 2)}\n`;
}

export function renderProject(p: ProjectCompat): string {
  const doc = {
    schema: 1,
    root: p.root,
    outbound: p.outbound,
    outboundSource: p.outboundSource,
    context: p.context,
    licensee: p.licensee,
    verdict: p.verdict,
    summary: p.summary,
    groups: p.groups.map((g) => ({ license: g.license, verdict: verdictObject(g.verdict), components: g.components })),
    unlicensed: p.unlicensed,
    problems: p.problems,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** One verdict with DESIGN.md's keys first, in their order. */
export function verdictObject(v: Verdict): Record<string, unknown> {
  return {
    outbound: v.outbound,
    inbound: v.inbound,
    context: v.context,
    licensee: v.licensee,
    verdict: v.verdict,
    reasons: v.reasons.map((r) => ({ license: r.license, clause: r.clause, text: r.text })),
    conditions: v.conditions,
    explanation: v.explanation,
    choose: v.choose,
  };
}
