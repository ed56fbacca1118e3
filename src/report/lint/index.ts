// Every `farleft lint` output format, in one map: the `--format` choices derive from its keys.
import * as github from './github.js';
import * as json from './json.js';
import * as junit from './junit.js';
import * as markdown from './markdown.js';
import * as sarif from './sarif.js';
import * as text from './text.js';

export const LINT_FORMATS = { text, json, sarif, github, markdown, junit } as const;
