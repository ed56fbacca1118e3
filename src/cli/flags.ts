// Option values several commands share, checked the same way everywhere (exit 2 when wrong).
import { UsageError } from '../errors.js';

/** --min-confidence: a number in (0, 1]. */
export function parseMinConfidence(value: string): number {
  const n = Number(value);
  if (!(n > 0 && n <= 1)) throw new UsageError(`--min-confidence must be a number in (0, 1], not ${value}`);
  return n;
}

/** --jobs: a whole number of at least 1, or undefined when not given. */
export function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= 1)) throw new UsageError(`--jobs must be a whole number of at least 1, not ${value}`);
  return n;
}
