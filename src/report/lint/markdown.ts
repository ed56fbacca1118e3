// Markdown for $GITHUB_STEP_SUMMARY and pull-request comments: the verdict, a table of rules,
// and per rule its doc, fix hint and findings (the first MAX_ROWS; GitHub caps a step summary at 1 MiB).
import { findingsByRule, findRule } from '../../lint/index.js';
import type { LintResult } from '../../lint/types.js';
import { printableDeep } from '../text-parts.js';

const MAX_ROWS = 50;

export function render(raw: LintResult): string {
  // Names and values from the scanned tree, shown: control characters as escapes (see printable).
  const result = printableDeep(raw);
  const { errors, warnings, files } = result.summary;
  const out: string[] = [];
  const mark = result.verdict === 'pass' ? '✅' : '❌';
  out.push(`## ${mark} farleft lint ${result.verdict === 'pass' ? 'passed' : 'failed'}${result.mode === 'reuse' ? ' (REUSE 3.3)' : ''}`, '');
  out.push(`**${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}** in ${files} ${files === 1 ? 'file' : 'files'}${result.license ? ` · project license \`${result.license}\`` : ''}`, '');
  const groups = findingsByRule(result.findings);
  if (groups.size === 0) {
    out.push('No findings.');
    return `${out.join('\n')}\n`;
  }
  out.push('| Rule | Severity | Findings |', '|---|---|---:|');
  for (const [id, list] of groups) out.push(`| [\`${id}\`](#${id}) | ${list[0]!.severity === 'error' ? '❌ error' : '⚠️ warning'} | ${list.length} |`);
  for (const [id, list] of groups) {
    const rule = findRule(id)!;
    out.push('', `### ${id}`, '', `${list[0]!.severity === 'error' ? '❌ error' : '⚠️ warning'} — ${cell(rule.title)}. ${cell(rule.doc)}`, '', `**Fix:** ${cell(rule.fix)}`, '');
    out.push('| File | Line | Finding |', '|---|---:|---|');
    for (const f of list.slice(0, MAX_ROWS))
      out.push(`| ${f.file ? `\`${code(f.file)}\`` : '(project)'} | ${f.line ?? ''} | ${cell(f.message)}${f.suggestion !== rule.fix ? `<br>fix: ${cell(f.suggestion)}` : ''} |`);
    if (list.length > MAX_ROWS) out.push('', `… and ${list.length - MAX_ROWS} more (\`farleft lint --format json\` lists them all).`);
  }
  return `${out.join('\n')}\n`;
}

/** Text safe in a table cell: no line breaks, pipes escaped, HTML neutralised. */
function cell(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
}

/** Text inside backticks in a table: pipes escaped, backticks replaced. */
function code(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/`/g, "'").replace(/\r?\n/g, ' ');
}
