// The short human summary of a scan: the project's license, licenses with counts,
// files without a license, and problems with what to do about them.
import { Chalk, type ChalkInstance, type ColorSupportLevel } from 'chalk';
import { FORMAT_NAMES, formatOfPath } from '../../detect/media/formats.js';
import type { ListedScan } from '../../scan.js';
import type { Problem } from '../../types.js';
import { count, printableDeep, problemsLine, renderProblem, skipList } from '../text-parts.js';

export interface TextOptions {
  /** Colour level as chalk counts it (0 = none). */
  readonly color: ColorSupportLevel;
  /** Also list notes and every file without a license. */
  readonly verbose: boolean;
}

const LIST_LIMIT = 20;
/** Past this many problems, a few of each kind are shown (PER_KIND). */
const PROBLEM_LIMIT = 40;
const PER_KIND = 3;

/** The files come as the summary lists them (scanForText; listFiles makes it from reports). */
export function renderScan(raw: ListedScan, options: TextOptions): string {
  // Names and values from the scanned tree, shown: control characters as escapes (see printable).
  const result = printableDeep(raw);
  const c = new Chalk({ level: options.color });
  const s = result.summary;
  const out: string[] = [];
  out.push(c.bold(`farleft scan ${result.root}`) + c.dim(` — ${count(s.files, 'file')}; ${needing(s.covered, s.withoutLicense)}`));
  const skipped = Object.entries(s.skipped).filter(([, n]) => n > 0);
  if (skipped.length) out.push(c.dim(`skipped: ${skipList(skipped)}`));
  out.push('');

  const decl = result.project.declarations;
  out.push(`${c.bold('Project license:')} ${result.project.license ?? c.yellow('none declared')}`);
  for (const d of decl) {
    // A stretch of a license file that no license explains (a preface, a clarification): say so, not "0.00".
    const how = d.expression === 'NOASSERTION' && d.source === 'license-text' ? ', a text farleft cannot name' : d.confidence < 1 ? `, ${d.confidence.toFixed(2)}` : '';
    out.push(c.dim(`  ${d.expression}  from ${d.file}${d.line ? `:${d.line}` : ''} (${d.source}${how})`));
  }
  out.push('');

  const licenses = Object.entries(s.licenses).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  out.push(c.bold('Licenses by file:'));
  if (licenses.length === 0) out.push('  (none)');
  // The count first: an expression can be as long as it likes without pushing a column out of line.
  const width = Math.max(0, ...licenses.map(([, n]) => String(n).length));
  for (const [license, n] of licenses) out.push(`  ${String(n).padStart(width)}  ${license}`);
  out.push('');

  out.push(...renderMedia(result, c, options.verbose));

  const missing = result.files.unlicensed;
  out.push(`${c.bold('Without a license:')} ${missing.length === 0 ? c.green('none') : c.yellow(count(missing.length, 'file'))}`);
  const shown = options.verbose ? missing : missing.slice(0, LIST_LIMIT);
  for (const path of shown) out.push(`  ${path}`);
  if (shown.length < missing.length) out.push(c.dim(`  … and ${missing.length - shown.length} more (--verbose or --format json lists all)`));
  const inHeader = result.files.inHeader;
  if (inHeader > 0)
    out.push(`  ${inHeader === missing.length ? (inHeader === 1 ? 'It says' : 'All of them say') : `${inHeader} of them say`} a license in the header, in prose or by its text, which REUSE does not read: ${c.bold('farleft lint')} names the tag to write, ${c.bold('farleft apply')} writes it`);
  out.push('');

  const problems = options.verbose ? result.problems : result.problems.filter((p) => p.severity !== 'note');
  out.push(problemsLine(result.problems, options.verbose, c));
  if (options.verbose || problems.length <= PROBLEM_LIMIT) for (const p of problems) out.push(...renderProblem(p, c));
  else out.push(...renderByKind(problems, c));
  return `${out.join('\n')}\n`;
}

/**
 * Many problems (Linux: 37,000 deprecated ids) as a few of each kind, the kinds errors first
 * and the commonest first: a summary to read, where --verbose and JSON list every one.
 */
function renderByKind(problems: readonly Problem[], c: ChalkInstance): string[] {
  const kinds = new Map<string, Problem[]>();
  for (const p of problems) {
    const key = `${p.severity} ${p.code}`;
    const list = kinds.get(key);
    if (list) list.push(p);
    else kinds.set(key, [p]);
  }
  const rank = (p: Problem): number => (p.severity === 'error' ? 0 : p.severity === 'warning' ? 1 : 2);
  const out: string[] = [];
  for (const list of [...kinds.values()].sort((a, b) => rank(a[0]!) - rank(b[0]!) || b.length - a.length)) {
    for (const p of list.slice(0, PER_KIND)) out.push(...renderProblem(p, c));
    if (list.length > PER_KIND) out.push(c.dim(`          … and ${list.length - PER_KIND} more [${list[0]!.code}]`));
  }
  out.push(c.dim('  (--verbose or --format json lists every problem)'));
  return out;
}

/**
 * The release check for media: each image, track, document or font with its type, license,
 * where the license was read (the metadata field, a sidecar, REUSE.toml) and copyright.
 */
function renderMedia(result: ListedScan, c: ChalkInstance, verbose: boolean): string[] {
  const media = result.files.media;
  if (media.length === 0) return [];
  const conflicts = new Set(result.problems.filter((p) => p.code === 'declared-conflict' && p.file !== null).map((p) => p.file));
  const rows = media.map(([path, license, source, copyright]) => [path, FORMAT_NAMES[formatOfPath(path)!], license ?? '—', source, copyright] as const);
  const without = media.filter(([, license]) => license === null).length;
  // NONE ("All rights reserved") and NOASSERTION are licensing information, but grant nothing:
  // a release check that called them "with a license" would pass a cover nobody may share.
  const none = media.filter(([, license]) => license === 'NONE').length;
  const unclear = media.filter(([, license]) => license === 'NOASSERTION').length;
  const conflicting = media.filter(([path]) => conflicts.has(path)).length;
  const counts =
    without + none + unclear === 0
      ? [c.green('all with a license')]
      : [
          ...(without ? [c.yellow(`${without} without a license`)] : []),
          ...(none ? [c.yellow(`${none} granting none (NONE: all rights reserved)`)] : []),
          ...(unclear ? [c.yellow(`${unclear} with a license farleft cannot name (NOASSERTION)`)] : []),
        ];
  const out = [
    `${c.bold('Media files:')} ${media.length}, ${counts.join(', ')}, ${conflicting === 0 ? 'no conflicts' : c.red(`${conflicting} with conflicting declarations`)}`,
  ];
  const shown = verbose ? rows : rows.slice(0, LIST_LIMIT * 2);
  // A path longer than its column pushes the rest of its row out of line: the file column is
  // wider (release folders nest: addons/katesql/pics/16-actions-sql-field-pk.png).
  const headings = ['file', 'type', 'license', 'source'];
  const widths = headings.map((h, i) => Math.min(i === 0 ? 72 : 40, Math.max(...shown.map((r) => r[i]!.length), h.length)));
  out.push(c.dim(`  ${headings.map((h, i) => h.padEnd(widths[i]!)).join('  ')}  copyright`));
  for (const r of shown) out.push(`  ${r.slice(0, 4).map((v, i) => v.padEnd(widths[i]!)).join('  ')}  ${r[4]}`.trimEnd());
  if (shown.length < rows.length) out.push(c.dim(`  … and ${rows.length - shown.length} more (--verbose lists all)`));
  out.push('');
  return out;
}

/** "4 need licensing information, 1 lacks it": the Covered Files (REUSE's), and how many of them have none. */
function needing(covered: number, without: number): string {
  if (covered === 0) return 'none needs licensing information';
  const one = (n: number, singular: string, plural: string): string => `${n} ${n === 1 ? singular : plural}`;
  const need = one(covered, 'needs licensing information', 'need licensing information');
  return without === 0 ? `${need}, and ${covered === 1 ? 'has' : 'have'} it` : `${need}, ${one(without, 'lacks it', 'lack it')}`;
}
