// The order problems are reported in, whatever the command: by file, line, code, then message.
import type { Problem } from './types.js';

export function byPlace(a: Problem, b: Problem): number {
  return cmp(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || cmp(a.code, b.code) || cmp(a.message, b.message);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
