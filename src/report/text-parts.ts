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

/** "1 file", "3 files". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
