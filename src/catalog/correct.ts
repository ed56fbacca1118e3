// spdx-correct, loaded on first use: it does real work when it is loaded, and only a
// suggestion for a misspelt id, or a last-resort reading of a name, needs it.
import { createRequire } from 'node:module';

type Correct = (identifier: string, options?: { upgrade?: boolean }) => string | null;

const require = createRequire(import.meta.url);
let loaded: Correct | undefined;

export function correctId(identifier: string, options?: { upgrade?: boolean }): string | null {
  loaded ??= require('spdx-correct') as Correct;
  return loaded(identifier, options);
}
