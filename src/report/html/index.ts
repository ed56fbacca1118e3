// Every `farleft report` output format, in one map: the `--format` choices derive from its keys.
import * as html from './html.js';
import * as json from './json.js';

export const REPORT_FORMATS = { html, json } as const;
