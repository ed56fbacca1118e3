// The lint stage: every rule over the lint input, at the severity .farleft.yml gives it,
// without the files lint.ignore names. Pure: data in, data out.
import ignore from 'ignore';
import { placeOrder } from '../problems.js';
import { targetFiles } from './facts.js';
import { RULES, ruleForCode } from './index.js';
import type { Draft, Finding, Level, LintInput, LintResult, LintSettings, Rule } from './types.js';

export interface LintMeta {
  readonly version: string;
  /** The linted folder as the user wrote it. */
  readonly root: string;
}

/** Files a finding without a file is shown on (code scanning needs a location), first found wins. */
const ANCHORS = ['.farleft.yml', 'REUSE.toml', 'package.json', 'Cargo.toml', 'pyproject.toml', 'composer.json', 'go.mod', 'LICENSE', 'COPYING', 'README.md', 'README'];

function levelOf(rule: Rule, settings: LintSettings): Level | null {
  const s = settings.rules[rule.id];
  if (s === 'off') return null;
  if (s === 'warn') return 'warning';
  if (s === 'error') return 'error';
  return rule.severity;
}

export function evaluateLint(input: LintInput, settings: LintSettings, meta: LintMeta): LintResult {
  const drafts = new Map<Rule, Draft[]>(RULES.map((r) => [r, []]));
  // Scan notes are information (farleft scan --verbose shows them), not findings.
  for (const p of input.scan.problems) {
    if (p.severity === 'note') continue;
    const rule = ruleForCode(p.code);
    if (rule) drafts.get(rule)!.push({ file: p.file, line: p.line, message: p.message, suggestion: p.suggestion });
  }
  const partial = input.only !== null;
  for (const rule of RULES) if (rule.check && !(partial && rule.wholeTree) && levelOf(rule, settings) !== null) drafts.get(rule)!.push(...rule.check(input));

  const ignored = settings.ignore.length ? ignore({ ignorecase: false }).add([...settings.ignore]) : null;
  const findings: Finding[] = [];
  for (const [rule, list] of drafts) {
    const severity = levelOf(rule, settings);
    if (severity === null) continue;
    for (const d of list) {
      if (partial && (d.file === null || !input.only!.has(d.file))) continue;
      if (ignored && d.file !== null && ignored.ignores(d.file)) continue;
      findings.push({ rule: rule.id, severity, file: d.file, line: d.line, message: d.message, suggestion: d.suggestion ?? rule.fix });
    }
  }
  return result(input, settings, meta, dedupe(findings.sort(byPlace)), 'farleft');
}

/** Builds the result around findings already sorted (REUSE mode makes its own). */
export function result(input: LintInput, settings: LintSettings, meta: LintMeta, findings: readonly Finding[], mode: LintResult['mode']): LintResult {
  const byRule: Record<string, number> = {};
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    if (f.severity === 'error') errors++;
    else warnings++;
  }
  const failing = settings.failOn === 'warning' ? errors + warnings : errors;
  // The anchors are files at the root.
  const atRoot = new Set<string>();
  for (const f of input.scan.files) if (!f.path.includes('/')) atRoot.add(f.path);
  return {
    schema: 1,
    tool: { name: 'farleft', version: meta.version },
    root: meta.root.split('\\').join('/'),
    mode,
    license: input.compat?.outbound ?? input.scan.project.license,
    failOn: settings.failOn,
    verdict: failing > 0 ? 'fail' : 'pass',
    rules: RULES.map((r) => ({ id: r.id, severity: mode === 'reuse' ? 'error' : (levelOf(r, settings) ?? 'off') })),
    findings,
    summary: {
      files: targetFiles(input).length,
      errors,
      warnings,
      byRule: Object.fromEntries(Object.entries(byRule).sort((a, b) => (a[0] < b[0] ? -1 : 1))),
    },
    anchor: ANCHORS.find((a) => atRoot.has(a)) ?? input.scan.files[0]?.path ?? null,
  };
}

export function byPlace(a: Finding, b: Finding): number {
  return placeOrder(a, b, a.rule, b.rule);
}

/** The same finding twice (a problem seen by two stages) is shown once. */
function dedupe(sorted: Finding[]): Finding[] {
  return sorted.filter((f, i) => {
    const p = sorted[i - 1];
    return !p || p.rule !== f.rule || p.file !== f.file || p.line !== f.line || p.message !== f.message;
  });
}
