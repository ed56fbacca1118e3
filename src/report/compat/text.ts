// `farleft compat` for people: a verdict line, then why, what to do, and the plain words;
// a matrix as a grid; a project grouped by verdict.
import { Chalk, type ChalkInstance, type ColorSupportLevel } from 'chalk';
import type { LicenseeConfig } from '../../config.js';
import type { MatrixResult, ProjectCompat, Reason, Verdict, VerdictKind } from '../../compat/index.js';
import { count, printableDeep } from '../text-parts.js';

export interface TextOptions {
  /** Colour level as chalk counts it (0 = none). */
  readonly color: ColorSupportLevel;
  /** List every component of every group. */
  readonly verbose?: boolean;
}

export const MARKS: Readonly<Record<VerdictKind, string>> = { compatible: '✓', incompatible: '✗', review: '?' };
const WIDTH = 88;
const LIST_LIMIT = 20;

function paint(c: ChalkInstance, v: VerdictKind): (s: string) => string {
  return v === 'compatible' ? c.green : v === 'incompatible' ? c.red : c.yellow;
}

export function describeLicensee(l: LicenseeConfig | null): string {
  if (!l) return 'not set';
  return [l.kind ?? 'kind not set', l.commercial === undefined ? 'use not set' : l.commercial ? 'commercial use' : 'non-commercial use'].join(', ');
}

export function renderVerdict(v: Verdict, options: TextOptions): string {
  const c = new Chalk({ level: options.color });
  const out = [
    `${paint(c, v.verdict)(c.bold(`${MARKS[v.verdict]} ${v.verdict}`))}  ${c.bold(v.outbound)} ← ${c.bold(v.inbound)}`,
    c.dim(`  context: ${v.context} · licensee: ${describeLicensee(v.licensee)}`),
  ];
  if (v.choose) out.push(`  ${c.cyan('take it under:')} ${v.choose}`);
  out.push('', c.bold('Why'));
  for (const r of v.reasons) out.push(...wrap(`${cite(r)}: ${r.text}`, '  • ', '    '));
  if (v.conditions.length) {
    out.push('', c.bold('Conditions'));
    for (const cond of v.conditions) out.push(...wrap(cond, '  • ', '    '));
  }
  out.push('', c.bold('In plain words'), ...wrap(v.explanation, '  ', '  '));
  return `${out.join('\n')}\n`;
}

export function renderMatrix(m: MatrixResult, options: TextOptions): string {
  const c = new Chalk({ level: options.color });
  const n = m.licenses.length;
  const label = (i: number): string => `${String(i + 1).padStart(2)} ${m.licenses[i]}`;
  const width = Math.max(...m.licenses.map((_, i) => label(i).length)) + 2;
  const out = [
    c.bold('farleft compat matrix') + c.dim(` — context: ${m.context} · licensee: ${describeLicensee(m.licensee)}`),
    c.dim('rows: the license of the work (outbound) · columns: the license of the component it includes (inbound)'),
    '',
    ' '.repeat(width) + m.licenses.map((_, i) => String(i + 1).padStart(3)).join(''),
  ];
  for (let r = 0; r < n; r++) {
    const cells = m.licenses.map((_, col) => {
      const v = m.cells[r * n + col]!.verdict;
      return paint(c, v)(MARKS[v].padStart(3));
    });
    out.push(label(r).padEnd(width) + cells.join(''));
  }
  out.push('', c.dim(`${MARKS.compatible} compatible (conditions may apply)   ${MARKS.incompatible} incompatible   ${MARKS.review} review: farleft cannot decide (often: set --licensee / --commercial)`));
  out.push(c.dim('farleft compat OUTBOUND INBOUND explains any cell. Not legal advice.'));
  return `${out.join('\n')}\n`;
}

export function renderProject(raw: ProjectCompat, options: TextOptions): string {
  // Names and values from the scanned tree, shown: control characters as escapes (see printable).
  const p = printableDeep(raw);
  const c = new Chalk({ level: options.color });
  const s = p.summary;
  const from = { option: '--license', config: '.farleft.yml', declared: 'the project\'s declared license' }[p.outboundSource];
  const out = [
    c.bold(`farleft compat ${p.root}`) + c.dim(` — outbound ${p.outbound} (from ${from}) · context: ${p.context} · licensee: ${describeLicensee(p.licensee)}`),
    `${paint(c, p.verdict)(c.bold(`${MARKS[p.verdict]} ${p.verdict}`))}  ${s.incompatible} incompatible, ${s.review} to review, ${s.compatible} compatible (of ${count(s.components, 'component')})`,
  ];
  const sections: [VerdictKind, string][] = [
    ['incompatible', 'Incompatible'],
    ['review', 'To review'],
    ['compatible', 'Compatible'],
  ];
  for (const [kind, title] of sections) {
    const groups = p.groups.filter((g) => g.verdict.verdict === kind);
    if (groups.length === 0) continue;
    const n = groups.reduce((sum, g) => sum + g.components.length, 0);
    out.push('', paint(c, kind)(c.bold(`${MARKS[kind]} ${title} (${n})`)));
    for (const g of groups) {
      const how = g.verdict.context === p.context ? '' : ` (${g.verdict.context})`;
      out.push(`  ${c.bold(g.license)}${how}  ${c.dim(count(g.components.length, 'component'))}`);
      if (kind === 'compatible' && !options.verbose) continue;
      const r = g.verdict.reasons[0];
      if (r) out.push(...wrap(`${cite(r)}: ${r.text}`, '    ', '    ').map((l) => c.dim(l)));
      const shown = options.verbose ? g.components : g.components.slice(0, LIST_LIMIT);
      for (const comp of shown) out.push(`      ${comp.kind === 'package' ? 'package ' : ''}${comp.name}`);
      if (shown.length < g.components.length) out.push(c.dim(`      … and ${g.components.length - shown.length} more (--verbose or --format json lists all)`));
    }
  }
  if (p.unlicensed.length) {
    out.push('', `${c.bold('Without a license:')} ${c.yellow(count(p.unlicensed.length, 'file'))} ${c.dim('(not evaluated; farleft scan lists them)')}`);
  }
  const problems = p.problems.filter((x) => x.severity === 'error');
  if (problems.length) out.push('', c.red(`${count(problems.length, 'scan error')}: run farleft scan for details`));
  out.push('', c.dim('farleft compat OUTBOUND INBOUND explains a verdict in full. Not legal advice.'));
  return `${out.join('\n')}\n`;
}

function cite(r: Reason): string {
  return r.clause ? `${r.license} ${r.clause}` : r.license;
}

/** Word-wraps a paragraph to the text width, with a first-line and a following-line prefix. */
export function wrap(text: string, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    const prefix = lines.length === 0 ? first : rest;
    if (line.length > prefix.length && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = rest + word;
    } else line += (line.length > prefix.length ? ' ' : '') + word;
  }
  lines.push(line);
  return lines;
}
