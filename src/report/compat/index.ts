// Every `farleft compat` output format, in one map: the `--format` choices derive from its keys.
import * as json from './json.js';
import * as markdown from './markdown.js';
import * as text from './text.js';

export const COMPAT_FORMATS = { text, json, markdown } as const;
export type CompatFormat = keyof typeof COMPAT_FORMATS;
