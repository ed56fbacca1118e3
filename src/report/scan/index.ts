// Every scan output format, in one map: the `--format` choices derive from its keys.
import * as cyclonedx from './cyclonedx.js';
import * as json from './json.js';
import * as spdx from './spdx.js';
import * as text from './text.js';

export const SCAN_FORMATS = { text, json, spdx, cyclonedx } as const;
export type ScanFormat = keyof typeof SCAN_FORMATS;
