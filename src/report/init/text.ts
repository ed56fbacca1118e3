// The human summary of `farleft init`: what was (or would be) written, the problems, and the
// next command. With --dry-run the CLI prints the diffs on stdout and this on stderr.
import { Chalk, type ColorSupportLevel } from 'chalk';
import type { InitResult } from '../../apply/init.js';

export function renderInit(result: InitResult, color: ColorSupportLevel): string {
  const c = new Chalk({ level: color });
  const would = result.dryRun ? 'would be ' : '';
  const lines = [`${result.config.path}: ${result.config.status === 'failed' ? c.red('could not be written') : `${would}${result.config.status}`}`];
  for (const t of result.licenseTexts) lines.push(`${t.path}: ${t.status === 'written' ? `${would}written` : t.status === 'missing' || t.status === 'failed' ? c.red(t.status) : t.status}`);
  for (const p of result.problems) lines.push(`  ${p.severity.padEnd(7)} ${p.file ? `${p.file}  ` : ''}${p.message} ${c.dim(`[${p.code}]`)}${p.suggestion ? `\n          fix: ${p.suggestion}` : ''}`);
  if (!result.dryRun && result.config.status !== 'failed') lines.push('', `Next: farleft apply ${result.root === '.' ? '.' : result.root}   # puts ${result.license} on every file`);
  return `${lines.join('\n')}\n`;
}
