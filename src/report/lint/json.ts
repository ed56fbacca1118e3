// JSON output (schema 1): the lint result with each rule's title and fix hint. The top level
// is indented and each finding is one compact line, so a large report stays diffable.
import { findRule } from '../../lint/index.js';
import type { LintResult } from '../../lint/types.js';
import { renderJsonLines } from '../json-lines.js';

export function render(result: LintResult): Generator<string> {
  const rules = result.rules.map((r) => {
    const rule = findRule(r.id)!;
    return { id: r.id, severity: r.severity, title: rule.title, fix: rule.fix };
  });
  return renderJsonLines({ ...result, rules }, ['findings']);
}
