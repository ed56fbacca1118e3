// JSON output (schema 1): the result with its keys in a fixed order, so the same tree
// gives the same bytes. The top level is indented; each file and each problem is one
// compact line, which keeps a 100k-file report diffable line by line, small, and quick
// to write. It is rendered in pieces so it never exists in memory whole.
import type { ScanResult } from '../../types.js';

const FILES = '\u0000farleft-files\u0000';
const PROBLEMS = '\u0000farleft-problems\u0000';

export function* renderScan(result: ScanResult): Generator<string> {
  const shell = JSON.stringify({ ...result, files: FILES, problems: PROBLEMS }, null, 2);
  const files = shell.indexOf(JSON.stringify(FILES));
  const problems = shell.indexOf(JSON.stringify(PROBLEMS));
  yield shell.slice(0, files);
  yield* list(result.files);
  yield shell.slice(files + JSON.stringify(FILES).length, problems);
  yield* list(result.problems);
  yield `${shell.slice(problems + JSON.stringify(PROBLEMS).length)}\n`;
}

function* list(items: readonly unknown[]): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  yield '[\n';
  const last = items.length - 1;
  for (let i = 0; i <= last; i++) yield `    ${JSON.stringify(items[i])}${i < last ? ',\n' : '\n'}`;
  yield '  ]';
}
