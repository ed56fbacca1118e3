// Renders `farleft licenses list|show`: pure functions from catalog entries to strings.
// Colour comes from chalk, which follows NO_COLOR / FORCE_COLOR and the terminal.
import chalk from 'chalk';
import type { LicenseEntry } from '../catalog/schema.js';

/** One line per license: id, category, name; aligned, in the order given. */
export function renderLicenseList(entries: readonly LicenseEntry[]): string {
  if (entries.length === 0) return '';
  const idWidth = Math.max(...entries.map((e) => e.id.length));
  const categoryWidth = Math.max(...entries.map((e) => e.category.length));
  return entries
    .map((e) => `${chalk.bold(e.id.padEnd(idWidth))}  ${chalk.cyan(e.category.padEnd(categoryWidth))}  ${e.name}`.trimEnd() + '\n')
    .join('');
}

export function renderLicenseListJson(entries: readonly LicenseEntry[]): string {
  return `${JSON.stringify({ schema: 1, licenses: entries }, null, 2)}\n`;
}

export function renderLicenseJson(entry: LicenseEntry): string {
  return `${JSON.stringify({ schema: 1, license: entry }, null, 2)}\n`;
}

/** Every fact the catalog holds about one license, as labelled lines. */
export function renderLicense(entry: LicenseEntry): string {
  const lines: string[] = [`${chalk.bold(entry.name)}`, ''];
  const field = (label: string, value: string | null | undefined): void => {
    // An empty label continues the field above (one value per line).
    if (value !== null && value !== undefined && value !== '') lines.push(`${chalk.dim((label ? `${label}:` : '').padEnd(14))}${value}`);
  };
  const list = (label: string, values: readonly string[]): void => field(label, values.length ? values.join(', ') : null);

  field('id', entry.id);
  field('kind', entry.kind === 'license' ? null : entry.kind);
  field('version', entry.version);
  field('category', `${chalk.cyan(entry.category)} (from ${entry.categorySource})`);
  field('on SPDX list', entry.spdx ? (entry.osiApproved ? 'yes (OSI approved)' : 'yes') : 'no');
  if (entry.deprecated) field('deprecated', entry.replacement ? `yes, use ${entry.replacement}` : 'yes');
  field('copyleft', entry.copyleft + (entry.sourceOnNetwork ? ', source due to network users' : ''));
  field('commercial', entry.commercial);
  field('users', entry.users);
  field('derivatives', entry.derivatives);
  list('field of use', entry.fieldOfUse);
  list('permissions', entry.permissions);
  list('conditions', entry.conditions);
  list('limitations', entry.limitations);
  if (entry.summary) lines.push('', wrap(entry.summary, 78), '');
  field('url', entry.url);
  for (const [i, url] of entry.urls.filter((u) => u !== entry.url).entries()) field(i === 0 ? 'also at' : '', url);
  field('sha256', entry.sha256 ?? 'unknown');
  field('text', entry.textSource ?? 'not in the catalog');
  list('aliases', entry.aliases);
  for (const [i, phrase] of entry.phrases.entries()) field(i === 0 ? 'phrases' : '', `"${phrase}"`);
  for (const [i, [topic, clause]] of Object.entries(entry.clauses).entries()) field(i === 0 ? 'clauses' : '', `${topic}: ${clause}`);
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** What to print for `show --text` when farleft has no copy of the text. */
export function renderTextUnavailable(entry: LicenseEntry): string {
  const where = entry.url ? `Get the text from ${entry.url}` : 'Get the text from its authors';
  const check = entry.sha256 ? ` (farleft knows its SHA-256: ${entry.sha256})` : '';
  return (
    `farleft has no copy of the ${entry.name} text.\n` +
    `${where}${check}, then give the file to farleft apply --license-text FILE.\n`
  );
}

function wrap(text: string, width: number): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.join('\n');
}
