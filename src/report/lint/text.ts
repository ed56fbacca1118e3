// The human lint report: findings grouped by rule (errors first), each at file:line (a message
// many files share said once, above them), the rule's fix hint under its group, and one verdict
// line at the end. In REUSE mode, the REUSE compliance report in reuse-tool's words instead.
import { Chalk, type ChalkInstance, type ColorSupportLevel } from 'chalk';
import { findingsByRule, findRule } from '../../lint/index.js';
import type { Finding, LintResult } from '../../lint/types.js';
import { renderReuse } from './reuse-text.js';
import { printableDeep } from '../text-parts.js';

export interface TextOptions {
  /** Colour level as chalk counts it (0 = none). */
  readonly color: ColorSupportLevel;
}

export function render(raw: LintResult, options: TextOptions): string {
  // Names and values from the scanned tree, shown: control characters as escapes (see printable).
  const result = printableDeep(raw);
  const c = new Chalk({ level: options.color });
  if (result.reuse) return renderReuse(result.reuse, c);
  const out: string[] = [];
  const s = result.summary;
  out.push(c.bold(`farleft lint ${result.root}`) + c.dim(` — ${count(s.files, 'file')} checked${result.license ? `, project license ${result.license}` : ''}`));
  const groups = findingsByRule(result.findings);
  const order = [...groups.keys()].sort((a, b) => rank(groups.get(a)![0]!) - rank(groups.get(b)![0]!) || (a < b ? -1 : 1));
  for (const id of order) {
    const list = groups.get(id)!;
    const rule = findRule(id)!;
    const colour = list[0]!.severity === 'error' ? c.red : c.yellow;
    out.push('', `${colour.bold(list[0]!.severity === 'error' ? '✖ error' : '⚠ warning')} ${c.bold(id)} ${c.dim(`— ${rule.title} (${list.length})`)}`);
    for (let i = 0; i < list.length; i++) {
      const f = list[i]!;
      const where = placeOf(f);
      // A message many files in a row share (a tree without tags) is said once, above their places.
      const run = sameRun(list, i);
      if (run >= MIN_RUN) {
        out.push(`  ${f.message} (${count(run, 'file')}):`);
        for (const g of list.slice(i, i + run)) out.push(`    ${c.cyan(placeOf(g))}`);
        if (f.suggestion !== rule.fix) out.push(`    ${c.dim('fix:')} ${f.suggestion}`);
        i += run - 1;
        continue;
      }
      out.push(`  ${c.cyan(where)}  ${f.message}`);
      // A fix shared by the findings that follow (a folder's one REUSE.toml annotation) is said once.
      if (f.suggestion === rule.fix || (i > 0 && list[i - 1]!.suggestion === f.suggestion)) continue;
      let same = 0;
      while (i + same + 1 < list.length && list[i + same + 1]!.suggestion === f.suggestion) same++;
      out.push(`    ${c.dim('fix:')} ${f.suggestion}${same ? c.dim(` (the same for the ${count(same, 'finding')} below)`) : ''}`);
    }
    out.push(`  ${c.green('fix:')} ${rule.fix} ${c.dim(`(farleft lint --explain ${id})`)}`);
  }
  out.push('', verdictLine(result, c));
  return `${out.join('\n')}\n`;
}

function verdictLine(result: LintResult, c: ChalkInstance): string {
  const { errors, warnings } = result.summary;
  const tally = `${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(result.summary.files, 'file')}`;
  if (result.verdict === 'pass') return c.green.bold(`✔ lint passed: ${tally}`) + (warnings ? c.dim(' (fails on error; --fail-on warn fails on warnings too)') : '');
  return c.red.bold(`✖ lint failed: ${tally}`) + c.dim(` (fails on ${result.failOn === 'error' ? 'errors' : 'errors and warnings'})`);
}

/** Findings in a row that a shared message and fix say once: fewer keep their own lines. */
const MIN_RUN = 3;

/** How many findings from `i` on are of files and share its message and fix. */
function sameRun(list: readonly Finding[], i: number): number {
  const f = list[i]!;
  let n = 0;
  while (i + n < list.length && list[i + n]!.file !== null && list[i + n]!.message === f.message && list[i + n]!.suggestion === f.suggestion) n++;
  return n;
}

/** Where a finding stands: file:line, or the project. */
function placeOf(f: Finding): string {
  return f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '(project)';
}

function rank(f: Finding): number {
  return f.severity === 'error' ? 0 : 1;
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}
