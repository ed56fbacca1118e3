// JUnit XML for GitLab and Jenkins test reports: one test suite per rule, one failing test
// case per finding at or above --fail-on (below it, a passing case that carries the message),
// and one passing case for a rule with no findings, so the report lists every check.
import { findingsByRule, findRule } from '../../lint/index.js';
import type { Finding, LintResult } from '../../lint/types.js';

export function render(result: LintResult): string {
  const failing = (f: Finding): boolean => f.severity === 'error' || result.failOn === 'warning';
  const byRule = findingsByRule(result.findings);
  const active = result.rules.filter((r) => r.severity !== 'off');
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const { id } of active) {
    const rule = findRule(id)!;
    const list = byRule.get(id) ?? [];
    const cases = list.length
      ? list.map((f) => {
          const name = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '(project)';
          const body = `${f.message}\nfix: ${f.suggestion}`;
          const attrs = `classname="farleft.${id}" name="${attr(name)}"${f.file ? ` file="${attr(f.file)}"` : ''}${f.line ? ` line="${f.line}"` : ''}`;
          return failing(f)
            ? `    <testcase ${attrs}>\n      <failure type="${f.severity}" message="${attr(f.message)}">${text(body)}</failure>\n    </testcase>`
            : `    <testcase ${attrs}>\n      <system-out>${text(`${f.severity}: ${body}`)}</system-out>\n    </testcase>`;
        })
      : [`    <testcase classname="farleft.${id}" name="${attr(rule.title)}: no findings"/>`];
    const failed = list.filter(failing).length;
    tests += cases.length;
    failures += failed;
    suites.push(`  <testsuite name="farleft ${id}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="farleft lint" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** XML 1.0 allows no control characters other than tab, line feed and carriage return. */
function clean(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
}

function text(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
