// GitHub Actions workflow commands: one ::error or ::warning annotation per finding, shown
// on the pull request at the file and line; the verdict as a plain last line.
import { findRule } from '../../lint/index.js';
import type { LintResult } from '../../lint/types.js';
import { count, printableDeep } from '../text-parts.js';

export function render(raw: LintResult): string {
  // Names and values from the scanned tree, shown: control characters as escapes (see printable).
  const result = printableDeep(raw);
  const out: string[] = [];
  for (const f of result.findings) {
    const props = [
      ...(f.file ? [`file=${property(f.file)}`] : []),
      ...(f.file && f.line ? [`line=${f.line}`] : []),
      `title=${property(`farleft ${f.rule}: ${findRule(f.rule)!.title}`)}`,
    ];
    out.push(`::${f.severity} ${props.join(',')}::${data(`${f.message}\nfix: ${f.suggestion}`)}`);
  }
  const { errors, warnings, files } = result.summary;
  out.push(`farleft lint: ${result.verdict === 'pass' ? 'passed' : 'failed'}: ${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(files, 'file')}`);
  return `${out.join('\n')}\n`;
}

/** Escapes the message of a workflow command. */
function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command. */
function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
