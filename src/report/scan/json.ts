// JSON output: the result as it is, keys in a fixed order, so the same tree gives the same
// bytes. Rendered in pieces: the output of a 100k-file scan is tens of megabytes, and one
// piece per file keeps it from existing in memory twice (as a string and as written bytes).
import type { ScanResult } from '../../types.js';

const HOLE = '\u0000farleft-files\u0000';

/** Exactly JSON.stringify(result, null, 2) + '\n', as a sequence of strings. */
export function* renderScan(result: ScanResult): Generator<string> {
  if (result.files.length === 0) {
    yield `${JSON.stringify(result, null, 2)}\n`;
    return;
  }
  const shell = JSON.stringify({ ...result, files: HOLE }, null, 2);
  const at = shell.indexOf(JSON.stringify(HOLE));
  yield `${shell.slice(0, at)}[\n`;
  const last = result.files.length - 1;
  for (let i = 0; i <= last; i++)
    yield `    ${JSON.stringify(result.files[i], null, 2).replaceAll('\n', '\n    ')}${i < last ? ',' : ''}\n`;
  yield `  ]${shell.slice(at + JSON.stringify(HOLE).length)}\n`;
}
