// Every scan output format, in one map: the `--format` choices derive from its keys.
import * as json from './json.js';
import * as text from './text.js';

export const SCAN_FORMATS = { text, json } as const;
export type ScanFormat = keyof typeof SCAN_FORMATS;
