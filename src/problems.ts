// The order problems are reported in, whatever the command: by file, line, code, then message.
// (Lint findings sort the same way, their rule standing for the code.)
import type { Problem } from './types.js';

/** What has a place in a report: a file (or none: the project) and a line in it. */
interface Placed {
  readonly file: string | null;
  readonly line: number | null;
  readonly message: string;
}

/** By file, line, then `kind` (a problem's code, a finding's rule), then message. */
export function placeOrder(a: Placed, b: Placed, kindA: string, kindB: string): number {
  return cmp(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || cmp(kindA, kindB) || cmp(a.message, b.message);
}

export function byPlace(a: Problem, b: Problem): number {
  return placeOrder(a, b, a.code, b.code);
}

/** A value quoted in a message, cut at `max` characters: a message says what is wrong, not all of a hostile value. */
export function clip(value: string, max = 200): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
