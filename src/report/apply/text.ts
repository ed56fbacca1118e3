// The human summary of an apply run: what was changed, what already said it, what was
// skipped and why, and the problems with what to do about them. With --dry-run the CLI
// prints renderDiff on stdout and this summary on stderr.
import { Chalk, type ColorSupportLevel } from 'chalk';
import type { ApplyResult } from '../../apply/types.js';
import { printableDeep, problemsLine, renderProblem, skipList } from '../text-parts.js';

export interface TextOptions {
  /** Colour level as chalk counts it (0 = none). */
  readonly color: ColorSupportLevel;
  /** List every problem and note (else the first LIST_LIMIT, without notes). */
  readonly verbose: boolean;
}

const LIST_LIMIT = 50;

export function renderApply(raw: ApplyResult, options: TextOptions): string {
  // Names and values from the scanned tree, shown: control characters as escapes (see printable).
  const result = printableDeep(raw);
  const c = new Chalk({ level: options.color });
  const s = result.summary;
  const would = result.dryRun ? 'would be ' : '';
  const out: string[] = [];
  const holders = result.copyright.length ? `, © ${result.copyright.join('; ')}` : '';
  out.push(c.bold(`farleft apply${result.dryRun ? ' --dry-run' : ''} — ${result.license}${holders}`) + c.dim(` (root ${result.root}, ${result.mode === 'reuse-toml' ? 'REUSE.toml' : 'headers'})`));
  // A media file given metadata alone (--embed --no-sidecar) is changed too, but counted on the embedded row.
  const metadataOnly = result.files.filter((f) => f.status === 'changed' && f.method === 'embed').length;
  const rows: [string, number, string][] = [
    ['changed', s.changed - metadataOnly, result.mode === 'reuse-toml' ? `${would}covered by the REUSE.toml annotation` : `${would}given a header`],
    ['sidecar', s.sidecar, `${would}given a .license file`],
    ['already done', s.alreadyDone, 'said so already'],
    ['conflict', s.conflict, 'declare something else; left alone'],
    ['unknown type', s.unknown, 'no known comment syntax; left alone'],
    ['failed', s.failed, 'could not be done'],
  ];
  const embedded = result.files.filter((f) => f.embed?.status === 'written').length;
  if (embedded) rows.push(['embedded', embedded, `${would}given license metadata inside the file (--embed)`]);
  for (const [label, n, what] of rows) if (n > 0 || label === 'changed') out.push(`  ${label.padEnd(13)}${String(n).padStart(7)}  ${c.dim(what)}`);
  const skipped = Object.entries(s.skipped).filter(([, n]) => n > 0);
  const skippedTotal = skipped.reduce((t, [, n]) => t + n, 0);
  if (skippedTotal) out.push(`  ${'skipped'.padEnd(13)}${String(skippedTotal).padStart(7)}  ${c.dim(skipList(skipped))}`);
  if (s.notVerified) out.push(`  ${c.red('not verified'.padEnd(13))}${String(s.notVerified).padStart(7)}  ${c.dim('do not resolve to the license afterwards')}`);

  for (const t of result.licenseTexts) {
    const status = { written: `${would}written`, replaced: `${would}replaced`, exists: 'already there', differs: 'differs, kept', missing: 'missing', failed: 'could not be written', unused: 'not written: no file carries this license' }[t.status];
    const colour = t.status === 'missing' || t.status === 'failed' ? c.red : t.status === 'differs' ? c.yellow : (x: string) => x;
    const from = t.source === 'file' ? '--license-text' : t.source === 'header' ? `the header of ${t.from}` : t.source;
    out.push(`${t.path}: ${colour(status)}${from ? c.dim(` (from ${from})`) : ''}`);
  }
  if (result.reuseToml) out.push(`${result.reuseToml.path}: ${result.reuseToml.status === 'changed' ? `${would}changed` : result.reuseToml.status}`);
  out.push('');

  const shown = options.verbose ? result.problems : result.problems.filter((p) => p.severity !== 'note');
  out.push(problemsLine(result.problems, options.verbose, c));
  const listed = options.verbose ? shown : shown.slice(0, LIST_LIMIT);
  for (const p of listed) out.push(...renderProblem(p, c));
  if (listed.length < shown.length) out.push(c.dim(`  … and ${shown.length - listed.length} more (--verbose or --format json lists all)`));
  return `${out.join('\n')}\n`;
}

/**
 * The unified diff of a dry run, as bytes (a patch of a file that is not UTF-8 is in that
 * file's own bytes): license texts, REUSE.toml, then files in path order.
 */
export function* renderDiff(result: ApplyResult): Generator<Buffer> {
  for (const t of result.licenseTexts) if (t.diff) yield Buffer.from(t.diff);
  if (result.reuseToml?.diff) yield Buffer.from(result.reuseToml.diff);
  for (const f of result.files) if (f.diff) yield Buffer.from(f.diff, f.diffEncoding === 'latin1' ? 'latin1' : 'utf8');
}
