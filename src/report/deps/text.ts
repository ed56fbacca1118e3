// `farleft deps`: the packages grouped by effective license, then the problems, then the
// verdicts (what fails first, then what needs review).
import { Chalk, type ColorSupportLevel } from 'chalk';
import type { DependencyReport, DepsResult, DepStatus } from '../../deps/types.js';
import { sortedExpression } from '../../catalog/expression.js';
import { count, printableDeep, problemsLine, renderProblem } from '../text-parts.js';

export interface TextOptions {
  /** Colour level as chalk counts it (0 = none). */
  readonly color: ColorSupportLevel;
  /** Every package on its own line, notes, and every verdict. */
  readonly verbose: boolean;
}

/** Characters of package names shown per license in the summary. */
const NAMES_WIDTH = 90;
const LIST_LIMIT = 20;
/** Problems of one code shown before the rest are counted (without --verbose). */
const PER_CODE = 5;
const STATUS_ORDER: readonly DepStatus[] = ['denied', 'incompatible', 'review', 'allowed', 'compatible', 'not-evaluated'];

export function render(raw: DepsResult, options: TextOptions): string {
  // Names and values from the scanned tree, shown: control characters as escapes (see printable).
  const result = printableDeep(raw);
  const c = new Chalk({ level: options.color });
  const s = result.summary;
  const out: string[] = [];
  const eco = Object.entries(s.ecosystems).map(([e, n]) => `${e} ${n}`).join(', ');
  out.push(c.bold(`farleft deps ${result.root}`) + c.dim(` — ${count(s.packages, 'package')}${eco ? ` (${eco})` : ''}, ${s.direct} direct, ${s.packages - s.installed} not installed`));
  const p = result.project;
  out.push(`${c.bold('Project license:')} ${p.license ?? c.yellow('none found')}${p.licenseFrom ? c.dim(`, from ${p.licenseFrom}`) : ''}; context ${result.context}; ${result.dev ? 'dev dependencies evaluated' : 'dev dependencies listed, not evaluated (--dev evaluates them)'}`);
  out.push('');

  out.push(c.bold('Licenses:'));
  // `MIT OR Apache-2.0` and `Apache-2.0 OR MIT` are one license: one row.
  const groups = new Map<string, DependencyReport[]>();
  for (const pkg of result.packages) {
    const key = sortedExpression(pkg.license);
    groups.set(key, [...(groups.get(key) ?? []), pkg]);
  }
  const ordered = [...groups].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  if (ordered.length === 0) out.push('  (no dependencies)');
  const width = Math.min(40, Math.max(0, ...ordered.map(([l]) => l.length)));
  for (const [license, pkgs] of ordered) {
    const colour = license === 'NOASSERTION' || license === 'UNLICENSED' ? c.yellow : (x: string) => x;
    if (options.verbose) {
      out.push(`  ${colour(license)}  ${c.dim(`(${pkgs.length})`)}`);
      for (const pkg of pkgs) out.push(`    ${id(pkg)}  ${c.dim(`${pkg.scope}${pkg.direct ? ', direct' : ''}${pkg.path ? `  ${pkg.path}` : '  not installed'}`)}`);
    } else {
      // The count first, as the scan's table has it: an expression longer than its column moves its own row's names, not its count.
      out.push(`  ${String(pkgs.length).padStart(5)}  ${colour(license.padEnd(width))}  ${c.dim(sample(pkgs))}`);
    }
  }
  out.push('');

  const all = [...result.problems, ...result.packages.flatMap((x) => x.problems)];
  out.push(problemsLine(all, options.verbose, c));
  if (options.verbose) for (const x of all) out.push(...renderProblem(x, c));
  else {
    // By code, a few of each: 61 packages of one product with the same warning are one thing to read, not a page.
    const byCode = new Map<string, typeof all>();
    for (const x of all) if (x.severity !== 'note') byCode.set(x.code, [...(byCode.get(x.code) ?? []), x]);
    let budget = LIST_LIMIT * 2;
    let hidden = 0;
    for (const [code, list] of byCode) {
      const take = Math.min(list.length, PER_CODE, budget);
      for (const x of list.slice(0, take)) out.push(...renderProblem(x, c));
      budget -= take;
      if (list.length > take) {
        out.push(c.dim(`  … and ${list.length - take} more ${code}`));
        hidden += list.length - take;
      }
    }
    if (hidden > 0) out.push(c.dim('  (--verbose or --format json lists all)'));
  }
  out.push('');

  const statuses = STATUS_ORDER.filter((st) => s.statuses[st]).map((st) => `${s.statuses[st]} ${st}`);
  out.push(`${c.bold('Verdicts:')} ${statuses.join(', ') || 'none'}`);
  for (const st of STATUS_ORDER) {
    if (st === 'compatible' || st === 'not-evaluated' || (st === 'allowed' && !options.verbose)) continue;
    const list = result.packages.filter((x) => x.status === st);
    const colour = st === 'denied' || st === 'incompatible' ? c.red : st === 'review' ? c.yellow : c.green;
    const limit = options.verbose || st !== 'review' ? list.length : LIST_LIMIT;
    for (const pkg of list.slice(0, limit)) {
      const why = pkg.policy ? `${pkg.policy.rule}${pkg.policy.reason ? `: ${pkg.policy.reason}` : ''}` : (pkg.verdict?.explanation ?? '');
      out.push(`  ${colour(st.padEnd(12))} ${id(pkg)} (${pkg.license})${why ? c.dim(`  ${why}`) : ''}`);
      if (options.verbose) for (const r of pkg.verdict?.reasons ?? []) out.push(c.dim(`               ${r.license} ${r.clause}: ${r.text}`));
    }
    if (list.length > limit) out.push(c.dim(`  … and ${list.length - limit} more ${st} (--verbose lists all)`));
  }
  return `${out.join('\n')}\n`;
}

/** The first packages of a group, each name@version once (×2 when installed twice), cut to a line's width. */
function sample(pkgs: readonly DependencyReport[]): string {
  const counts = new Map<string, number>();
  for (const p of pkgs) counts.set(id(p), (counts.get(id(p)) ?? 0) + 1);
  const shown: string[] = [];
  let width = 0;
  for (const [name, n] of counts) {
    const item = n > 1 ? `${name} (×${n})` : name;
    if (shown.length > 0 && width + item.length > NAMES_WIDTH) break;
    shown.push(item);
    width += item.length + 2;
  }
  const rest = counts.size - shown.length;
  return shown.join(', ') + (rest > 0 ? `, … (+${rest})` : '');
}

function id(p: DependencyReport): string {
  return `${p.name}${p.version ? ` ${p.version}` : ''}`;
}
