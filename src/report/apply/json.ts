// `farleft apply --format json` (schema 1): the result with its keys in a fixed order; each
// file and each problem is one compact line, and the output is rendered in pieces, so a run
// over 100k files never exists in memory as one string.
import type { ApplyResult } from '../../apply/types.js';

const FILES = '\u0000farleft-files\u0000';
const PROBLEMS = '\u0000farleft-problems\u0000';

export function* renderApply(result: ApplyResult): Generator<string> {
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
