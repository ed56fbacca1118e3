// Every apply output format, in one map: the `--format` choices derive from its keys.
import * as json from './json.js';
import * as text from './text.js';

export const APPLY_FORMATS = { text, json } as const;
export type ApplyFormat = keyof typeof APPLY_FORMATS;
