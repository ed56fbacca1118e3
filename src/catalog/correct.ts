// spdx-correct, loaded on first use: it does real work when it is loaded, and only a
// suggestion for a misspelt id, or a last-resort reading of a name, needs it.
import { spdxCorrect } from '../lazy.js';

export type Correct = (identifier: string, options?: { upgrade?: boolean }) => string | null;

let loaded: Correct | undefined;

/**
 * spdx-correct sorts its two tables when it is loaded, breaking ties with localeCompare, and V8's
 * first localeCompare builds an ICU collator: 15 ms of a 17 ms load, in a `deps` run of 380 ms.
 * Its tables are ASCII, where comparing code units orders them the same (a test loads it both
 * ways and compares), so the load runs with that comparison.
 */
export function loadCorrect(): Correct {
  const localeCompare = String.prototype.localeCompare;
  String.prototype.localeCompare = function (this: string, that: string): number {
    const self = String(this);
    return self < that ? -1 : self > that ? 1 : 0;
  };
  try {
    return spdxCorrect();
  } finally {
    String.prototype.localeCompare = localeCompare;
  }
}

/** spdx-correct's guess for an identifier, or null when it has none (or fails on it). */
export function correctId(identifier: string, options?: { upgrade?: boolean }): string | null {
  loaded ??= loadCorrect();
  try {
    return loaded(identifier, options);
  } catch {
    // spdx-correct 3.2.0 throws a TypeError on some input (a lone "+"): a guess it cannot make is no guess.
    return null;
  }
}
