// spdx-correct, loaded on first use: it does real work when it is loaded, and only a
// suggestion for a misspelt id, or a last-resort reading of a name, needs it.
import { createRequire } from 'node:module';

type Correct = (identifier: string, options?: { upgrade?: boolean }) => string | null;

const require = createRequire(import.meta.url);
let loaded: Correct | undefined;

/** spdx-correct's guess for an identifier, or null when it has none (or fails on it). */
export function correctId(identifier: string, options?: { upgrade?: boolean }): string | null {
  loaded ??= require('spdx-correct') as Correct;
  try {
    return loaded(identifier, options);
  } catch {
    // spdx-correct 3.2.0 throws a TypeError on some input (a lone "+"): a guess it cannot make is no guess.
    return null;
  }
}
