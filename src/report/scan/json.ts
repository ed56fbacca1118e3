// JSON output (schema 1): the result with its keys in a fixed order, so the same tree gives the
// same bytes; each file and each problem is one compact line (see ../json-lines.ts).
import type { ScanResult } from '../../types.js';
import { renderJsonLines } from '../json-lines.js';

export function renderScan(result: ScanResult): Generator<string> {
  return renderJsonLines(result, ['files', 'problems']);
}
