// `farleft compat --format markdown`: tables to paste into a README or a pull request.
import type { MatrixResult, ProjectCompat, Reason, Verdict } from '../../compat/index.js';
import { describeLicensee, MARKS } from './text.js';
import { printableDeep } from '../text-parts.js';

export function renderVerdict(v: Verdict): string {
  const out = [
    `### ${MARKS[v.verdict]} ${v.verdict}: ${code(v.outbound)} ← ${code(v.inbound)}`,
    '',
    `Context: ${v.context} · licensee: ${describeLicensee(v.licensee)}${v.choose ? ` · take it under ${code(v.choose)}` : ''}`,
    '',
    v.explanation,
    '',
    '| License | Clause | Why |',
    '|---|---|---|',
    ...v.reasons.map((r) => `| ${code(r.license)} | ${cell(r.clause)} | ${cell(r.text)} |`),
  ];
  if (v.conditions.length) out.push('', '**Conditions**', '', ...v.conditions.map((c) => `- ${c}`));
  return `${out.join('\n')}\n`;
}

export function renderMatrix(m: MatrixResult): string {
  const n = m.licenses.length;
  const out = [
    `| work ↓ · component → | ${m.licenses.map(code).join(' | ')} |`,
    `|---|${m.licenses.map(() => ':-:').join('|')}|`,
  ];
  for (let r = 0; r < n; r++) out.push(`| ${code(m.licenses[r]!)} | ${m.licenses.map((_, c) => MARKS[m.cells[r * n + c]!.verdict]).join(' | ')} |`);
  out.push(
    '',
    `${MARKS.compatible} compatible (conditions may apply) · ${MARKS.incompatible} incompatible · ${MARKS.review} review (farleft cannot decide: often it depends on who the licensee is). ` +
      `Rows: the license of the work; columns: the license of a component it includes. Context: ${m.context}; licensee: ${describeLicensee(m.licensee)}. ` +
      'Made with `farleft compat --matrix`; not legal advice.',
  );
  return `${out.join('\n')}\n`;
}

export function renderProject(raw: ProjectCompat): string {
  // Names and values from the scanned tree, shown: control characters as escapes (see printable).
  const p = printableDeep(raw);
  const out = [
    `### ${MARKS[p.verdict]} ${p.verdict}: components of a work under ${code(p.outbound)}`,
    '',
    `Context: ${p.context} · licensee: ${describeLicensee(p.licensee)} · ${p.summary.incompatible} incompatible, ${p.summary.review} to review, ${p.summary.compatible} compatible`,
    '',
    '| Verdict | License | Components | Why |',
    '|---|---|--:|---|',
    ...p.groups.map((g) => `| ${MARKS[g.verdict.verdict]} ${g.verdict.verdict} | ${code(g.license)}${g.verdict.context === p.context ? '' : ` (${g.verdict.context})`} | ${g.components.length} | ${cell(firstReason(g.verdict.reasons))} |`),
  ];
  if (p.unlicensed.length) out.push('', `${p.unlicensed.length} files without a license were not evaluated.`);
  return `${out.join('\n')}\n`;
}

function firstReason(reasons: readonly Reason[]): string {
  const r = reasons[0];
  return r ? `${r.license}${r.clause ? ` ${r.clause}` : ''}: ${r.text}` : '';
}

function code(s: string): string {
  return `\`${s.replaceAll('`', "'")}\``;
}

function cell(s: string): string {
  return s.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
