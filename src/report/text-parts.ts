// Pieces the text reports of several commands share.
import type { ChalkInstance } from 'chalk';
import type { Problem } from '../types.js';

/** A problem as two lines: severity, place, message and code; then what to do about it. */
export function renderProblem(p: Problem, c: ChalkInstance): string[] {
  const colour = p.severity === 'error' ? c.red : p.severity === 'warning' ? c.yellow : c.dim;
  const where = p.file ? `${p.file}${p.line ? `:${p.line}` : ''}` : '';
  const lines = [`  ${colour(p.severity.padEnd(7))} ${where}${where ? '  ' : ''}${p.message} ${c.dim(`[${p.code}]`)}`];
  if (p.suggestion) lines.push(`          ${c.cyan('fix:')} ${p.suggestion}`);
  return lines;
}

/**
 * The head of a report's problem list: "Problems: 1 error, 2 warnings", and the notes when there are
 * some, said to be hidden when `verbose` does not show them.
 */
export function problemsLine(problems: readonly Problem[], verbose: boolean, c: ChalkInstance): string {
  const tally = { error: 0, warning: 0, note: 0 };
  for (const p of problems) tally[p.severity]++;
  const notes = tally.note === 0 ? '' : verbose ? `, ${count(tally.note, 'note')}` : c.dim(`, ${count(tally.note, 'note')} (--verbose shows them)`);
  return `${c.bold('Problems:')} ${count(tally.error, 'error')}, ${count(tally.warning, 'warning')}${notes}`;
}

/** "1 file", "3 files". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
