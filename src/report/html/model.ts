// What `farleft report` shows, as plain data: the project's license, licenses by file count,
// the lint findings, the compatibility verdicts with their reasons, the dependencies and every
// file. `--format json` prints it; the HTML page renders exactly it (the e2e test checks both agree).
import type { Verdict } from '../../compat/index.js';
import { findingsByRule, findRule } from '../../lint/index.js';
import type { Finding, LintInput, LintResult } from '../../lint/types.js';

export interface ReportData {
  readonly schema: 1;
  readonly tool: { readonly name: 'farleft'; readonly version: string };
  readonly root: string;
  /** The project's name: the scanned folder's. */
  readonly name: string;
  readonly project: {
    readonly license: string | null;
    /** Where the license was read: .farleft.yml, or the project's own declarations. */
    readonly source: 'config' | 'declared' | null;
    readonly declarations: readonly { readonly expression: string; readonly file: string; readonly line: number | null; readonly source: string }[];
  };
  readonly summary: {
    /** Files scanned, and those REUSE requires licensing information for. */
    readonly files: number;
    readonly covered: number;
    readonly withLicense: number;
    readonly withoutLicense: number;
    readonly withCopyright: number;
    /** Effective license -> covered files under it, most used first. */
    readonly licenses: readonly { readonly license: string; readonly files: number }[];
  };
  readonly lint: {
    readonly verdict: LintResult['verdict'];
    readonly failOn: LintResult['failOn'];
    readonly errors: number;
    readonly warnings: number;
    /** Rules with findings, errors first. */
    readonly rules: readonly { readonly id: string; readonly severity: string; readonly title: string; readonly fix: string; readonly findings: readonly Finding[] }[];
  };
  readonly compat: {
    readonly outbound: string;
    readonly context: string;
    readonly verdict: string;
    readonly counts: { readonly compatible: number; readonly review: number; readonly incompatible: number; readonly unlicensed: number };
    readonly groups: readonly { readonly license: string; readonly verdict: string; readonly files: number; readonly examples: readonly string[]; readonly reasons: Verdict['reasons']; readonly conditions: readonly string[]; readonly explanation: string }[];
  } | null;
  readonly deps: {
    readonly ecosystems: readonly string[];
    readonly packages: readonly { readonly ecosystem: string; readonly name: string; readonly version: string | null; readonly scope: string; readonly direct: boolean; readonly license: string; readonly status: string; readonly reason: string | null }[];
  } | null;
  readonly files: readonly { readonly path: string; readonly covered: boolean; readonly license: string | null; readonly copyright: readonly string[]; readonly sources: readonly string[] }[];
}

const EXAMPLES = 5;

export function buildReport(input: LintInput, lint: LintResult, name: string): ReportData {
  const { scan, compat, deps } = input;
  const counts = new Map<string, number>();
  let covered = 0;
  let withLicense = 0;
  let withCopyright = 0;
  for (const f of scan.files) {
    if (!f.covered) continue;
    covered++;
    if (f.copyright.length) withCopyright++;
    if (f.license === null) continue;
    withLicense++;
    counts.set(f.license, (counts.get(f.license) ?? 0) + 1);
  }
  const groups = findingsByRule(lint.findings);
  return {
    schema: 1,
    tool: scan.tool,
    root: scan.root,
    name,
    project: {
      license: lint.license,
      source: compat ? (compat.outboundSource === 'config' ? 'config' : 'declared') : scan.project.license ? 'declared' : null,
      declarations: scan.project.declarations.map((d) => ({ expression: d.expression, file: d.file, line: d.line ?? null, source: d.source })),
    },
    summary: {
      files: scan.files.length,
      covered,
      withLicense,
      withoutLicense: covered - withLicense,
      withCopyright,
      licenses: [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([license, files]) => ({ license, files })),
    },
    lint: {
      verdict: lint.verdict,
      failOn: lint.failOn,
      errors: lint.summary.errors,
      warnings: lint.summary.warnings,
      rules: [...groups]
        .sort((a, b) => (a[1][0]!.severity === b[1][0]!.severity ? (a[0] < b[0] ? -1 : 1) : a[1][0]!.severity === 'error' ? -1 : 1))
        .map(([id, findings]) => ({ id, severity: findings[0]!.severity, title: findRule(id)!.title, fix: findRule(id)!.fix, findings })),
    },
    compat: compat
      ? {
          outbound: compat.outbound,
          context: compat.context,
          verdict: compat.verdict,
          counts: { compatible: compat.summary.compatible, review: compat.summary.review, incompatible: compat.summary.incompatible, unlicensed: compat.summary.unlicensed },
          groups: compat.groups.map((g) => ({
            license: g.license,
            verdict: g.verdict.verdict,
            files: g.components.length,
            examples: g.components.slice(0, EXAMPLES).map((c) => c.name),
            reasons: g.verdict.reasons,
            conditions: g.verdict.conditions,
            explanation: g.verdict.explanation,
          })),
        }
      : null,
    deps: deps
      ? {
          ecosystems: deps.ecosystems,
          packages: deps.packages.map((p) => ({
            ecosystem: p.ecosystem,
            name: p.name,
            version: p.version,
            scope: p.scope,
            direct: p.direct,
            license: p.license,
            status: p.status,
            reason: p.policy ? `${p.policy.rule}${p.policy.reason ? `: ${p.policy.reason}` : ''}` : p.verdict && p.verdict.verdict !== 'compatible' ? (p.verdict.reasons[0]?.text ?? null) : null,
          })),
        }
      : null,
    files: scan.files.map((f) => ({ path: f.path, covered: f.covered, license: f.license, copyright: f.copyright, sources: [...new Set(f.declarations.map((d) => d.source))] })),
  };
}
