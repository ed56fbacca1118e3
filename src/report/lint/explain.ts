// `farleft lint --explain RULE`: a rule's doc, default severity, fix hint and the scan codes it reports.
import type { Rule } from '../../lint/types.js';

export function renderExplain(rule: Rule): string {
  const codes = rule.codes === 'others' ? 'every scan problem no other rule reports' : rule.codes?.length ? rule.codes.join(', ') : null;
  return [
    `${rule.id} (default: ${rule.severity})`,
    '',
    `${rule.title}.`,
    '',
    wrap(rule.doc),
    '',
    wrap(`Fix: ${rule.fix}`),
    ...(codes ? ['', wrap(`Scan problems reported: ${codes}.`)] : []),
    '',
    wrap(`Configure in .farleft.yml: lint: { rules: { ${rule.id}: off | warn | error } }`),
    '',
  ].join('\n');
}

function wrap(text: string, width = 88): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
