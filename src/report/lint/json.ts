// JSON output (schema 1): the lint result with each rule's title and fix hint. The top level
// is indented and each finding is one compact line, so a large report stays diffable.
import { findRule } from '../../lint/index.js';
import type { LintResult } from '../../lint/types.js';

const FINDINGS = '\u0000farleft-findings\u0000';

export function* render(result: LintResult): Generator<string> {
  const rules = result.rules.map((r) => {
    const rule = findRule(r.id)!;
    return { id: r.id, severity: r.severity, title: rule.title, fix: rule.fix };
  });
  const shell = JSON.stringify({ ...result, rules, findings: FINDINGS }, null, 2);
  const at = shell.indexOf(JSON.stringify(FINDINGS));
  yield shell.slice(0, at);
  const list = result.findings;
  if (list.length === 0) yield '[]';
  else {
    yield '[\n';
    for (let i = 0; i < list.length; i++) yield `    ${JSON.stringify(list[i])}${i < list.length - 1 ? ',\n' : '\n'}`;
    yield '  ]';
  }
  yield `${shell.slice(at + JSON.stringify(FINDINGS).length)}\n`;
}
