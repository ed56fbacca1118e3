// `farleft report --format json`: the data the HTML page shows (schema 1). The top level is
// indented; each file is one compact line, so a large report stays small and diffable.
import { renderJsonLines } from '../json-lines.js';
import type { ReportData } from './model.js';

export function renderReport(data: ReportData): Generator<string> {
  return renderJsonLines(data, ['files']);
}
