// `farleft licenses list [--category C]` and `farleft licenses show ID [--text]`: what the
// catalog knows. Flags become options here; the catalog and the renderers load lazily.
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { writeOut } from './output.js';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

interface FormatFlags {
  readonly format: Format;
  readonly json?: boolean;
}

export interface LicensesListOptions extends FormatFlags {
  readonly category?: string;
}

export interface LicensesShowOptions extends FormatFlags {
  readonly text?: boolean;
}

export function register(program: Command): void {
  const licenses = program.command('licenses').description('list and show the licenses farleft knows');
  const formatOption = (): Option => new Option('--format <format>', 'output format').choices(FORMATS).default('text');

  licenses
    .command('list')
    .description('list every license id with its category and name, sorted by id')
    .option('--category <category>', 'only licenses of this category (public-domain, permissive, copyfarleft, ...)')
    .addOption(formatOption())
    .option('--json', 'short for --format json')
    .action(async (options: LicensesListOptions) => {
      writeOut(await listLicenses(options));
    });

  licenses
    .command('show')
    .description('show what farleft knows about one license: any case, an alias or a name ("Peer Production License")')
    .argument('<id>', 'license id, alias or name')
    .addOption(formatOption())
    .option('--json', 'short for --format json')
    .option('--text', 'print the full license text (or say where to get it)')
    .action(async (id: string, options: LicensesShowOptions) => {
      const shown = await showLicense(id, options);
      if (shown.note) process.stderr.write(`farleft: note: ${shown.note}\n`);
      writeOut(shown.output);
    });
}

export async function listLicenses(options: LicensesListOptions): Promise<string> {
  const [{ loadCatalog }, { CATEGORIES }, report] = await Promise.all([
    import('../catalog/index.js'),
    import('../catalog/schema.js'),
    import('../report/licenses.js'),
  ]);
  const category = options.category;
  if (category !== undefined && !(CATEGORIES as readonly string[]).includes(category))
    throw new UsageError(`unknown category '${category}'; use one of: ${CATEGORIES.join(', ')}`);
  const entries = loadCatalog()
    .list(category as (typeof CATEGORIES)[number] | undefined)
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1));
  return formatOf(options) === 'json' ? report.renderLicenseListJson(entries) : report.renderLicenseList(entries);
}

export interface Shown {
  readonly output: string;
  /** Said on stderr: the canonical id an alias stands for, or a deprecation. */
  readonly note: string | null;
}

export async function showLicense(written: string, options: LicensesShowOptions): Promise<Shown> {
  const [{ loadCatalog }, report] = await Promise.all([import('../catalog/index.js'), import('../report/licenses.js')]);
  const catalog = loadCatalog();
  const query = written.trim();
  // "GPL-2.0+" and "CNPLv7+" name the -or-later entry where the catalog has one.
  const hit = catalog.resolve(query) ?? (query.endsWith('+') ? catalog.resolve(query.slice(0, -1)) : undefined);
  if (!hit) {
    const near = catalog.closest(query);
    throw new UsageError(`unknown license '${query}'${near.length ? `; closest known: ${near.join(', ')}` : '; see farleft licenses list'}`);
  }
  const { entry } = hit;
  let note: string | null = null;
  if (hit.via === 'alias') note = `'${query}' is an alias of ${entry.id}`;
  else if (hit.via === 'deprecated') note = `${entry.id} is a deprecated SPDX id${entry.replacement ? `; use ${entry.replacement}` : ''}`;
  else if (query.endsWith('+')) note = `'${query}' is read as ${entry.id}`;

  if (options.text) {
    if (entry.kind === 'marker') return { output: `${entry.id} is a marker, not a license: it has no text.\n`, note };
    const text = entry.textSource === 'spdx-license-list' ? await readSpdxText(entry.id) : null;
    return { output: text ?? report.renderTextUnavailable(entry), note };
  }
  return { output: formatOf(options) === 'json' ? report.renderLicenseJson(entry) : report.renderLicense(entry), note };
}

function formatOf(options: FormatFlags): Format {
  return options.json ? 'json' : options.format;
}

/** The text spdx-license-list ships for an SPDX id, or null when it has none. */
async function readSpdxText(id: string): Promise<string | null> {
  try {
    const file = createRequire(import.meta.url).resolve(`spdx-license-list/licenses/${id}.json`);
    const { licenseText } = JSON.parse(await readFile(file, 'utf8')) as { licenseText?: string };
    return licenseText ? (licenseText.endsWith('\n') ? licenseText : `${licenseText}\n`) : null;
  } catch {
    return null;
  }
}
