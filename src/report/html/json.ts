// `farleft report --format json`: the data the HTML page shows (schema 1). The top level is
// indented; each file is one compact line, so a large report stays small and diffable.
import type { ReportData } from './model.js';

const FILES = '\u0000farleft-files\u0000';

export function* renderReport(data: ReportData): Generator<string> {
  const shell = JSON.stringify({ ...data, files: FILES }, null, 2);
  const at = shell.indexOf(JSON.stringify(FILES));
  yield shell.slice(0, at);
  if (data.files.length === 0) yield '[]';
  else {
    yield '[\n';
    for (let i = 0; i < data.files.length; i++) yield `    ${JSON.stringify(data.files[i])}${i < data.files.length - 1 ? ',\n' : '\n'}`;
    yield '  ]';
  }
  yield `${shell.slice(at + JSON.stringify(FILES).length)}\n`;
}
