// `farleft apply --format json` (schema 1): the result with its keys in a fixed order; each
// file and each problem is one compact line (see ../json-lines.ts).
import type { ApplyResult } from '../../apply/types.js';
import { renderJsonLines } from '../json-lines.js';

export function renderApply(result: ApplyResult): Generator<string> {
  return renderJsonLines(result, ['files', 'problems']);
}
