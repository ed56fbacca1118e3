// `farleft init`: writes .farleft.yml (the project's license, copyright holders and licensee
// facts) and the license texts into LICENSES/. An existing .farleft.yml is kept unless
// --force; nothing is written before every option has been checked.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadCatalog, type Catalog } from '../catalog/index.js';
import { CONFIG_FILE, parseConfig, type LicenseeKind } from '../config.js';
import { detectContext } from '../detect/run.js';
import { InputError, UsageError } from '../errors.js';
import type { Problem } from '../types.js';
import { STYLES } from './comment-styles/index.js';
import { unifiedDiff } from './diff.js';
import { planLicenseTexts, readGivenTexts, writeLicenseText } from './license-texts.js';
import { renderHeader } from './plan-file.js';
import { shownRoot } from './scope.js';
import { chooseCopyright, chooseLicense } from './request.js';
import type { LicenseTextOutcome } from './types.js';
import { ioProblem, readForWrite, writeAtomic, type Snapshot } from './write.js';
import { shellWord } from '../shell.js';

export interface InitOptions {
  /** The project folder. */
  readonly path: string;
  readonly license: string;
  readonly copyright: readonly string[];
  readonly year?: string;
  readonly licenseeKind?: LicenseeKind;
  readonly commercial?: boolean;
  readonly licenseTexts: readonly string[];
  readonly allowUnknown: boolean;
  readonly force: boolean;
  readonly dryRun: boolean;
  readonly version: string;
  readonly catalog?: Catalog;
}

export interface InitResult {
  readonly schema: 1;
  readonly tool: { readonly name: 'farleft'; readonly version: string };
  readonly root: string;
  readonly dryRun: boolean;
  readonly config: { readonly path: string; readonly status: 'written' | 'replaced' | 'failed'; readonly diff?: string };
  readonly license: string;
  readonly copyright: readonly string[];
  readonly licensee: { readonly kind?: LicenseeKind; readonly commercial?: boolean } | null;
  readonly licenseTexts: readonly LicenseTextOutcome[];
  readonly problems: readonly Problem[];
}

export function init(options: InitOptions): InitResult {
  const catalog = options.catalog ?? loadCatalog();
  let isDir = false;
  try {
    isDir = statSync(options.path).isDirectory();
  } catch {
    throw new InputError(options.path, 'no such folder');
  }
  if (!isDir) throw new InputError(options.path, 'is a file; give the project folder');
  const root = realpathSync(options.path);
  const choice = chooseLicense(options.license, catalog, options.allowUnknown);
  const copyright = chooseCopyright(options.copyright, options.year);
  const given = readGivenTexts(options.licenseTexts, choice.ids, catalog);
  const configAbs = join(root, CONFIG_FILE);
  let before: { bytes: Buffer; snapshot: Snapshot } | null = null;
  if (existsSync(configAbs)) {
    if (!options.force) throw new UsageError(`${join(options.path, CONFIG_FILE)} already exists; it was not changed`, 'Give --force to overwrite it, or edit it by hand');
    before = readForWrite(configAbs, 1024 * 1024);
  }
  const licensee = options.licenseeKind !== undefined || options.commercial !== undefined ? { ...(options.licenseeKind ? { kind: options.licenseeKind } : {}), ...(options.commercial !== undefined ? { commercial: options.commercial } : {}) } : null;
  const text = renderConfig(choice.expression, copyright, licensee);
  parseConfig(text, configAbs); // what init writes must be what the config loader reads

  const problems: Problem[] = choice.notes.map((n) => ({ code: 'license-alias', severity: 'note' as const, file: null, line: null, message: `--license: ${n}`, suggestion: `Write --license ${shellWord(choice.expression)}` }));
  let status: InitResult['config']['status'] = before ? 'replaced' : 'written';
  let diff: string | undefined;
  if (options.dryRun) diff = unifiedDiff(CONFIG_FILE, before ? before.bytes.toString('utf8') : null, text);
  else {
    try {
      writeAtomic(configAbs, Buffer.from(text), before?.snapshot ?? null);
    } catch (e) {
      problems.push(ioProblem(CONFIG_FILE, e, true));
      status = 'failed';
    }
  }

  const licenseTexts = planLicenseTexts(root, choice.ids, catalog, given, false, detectContext(catalog, { minConfidence: 0.9 })).map((plan) => writeLicenseText(root, plan, options.dryRun, problems));

  return {
    schema: 1,
    tool: { name: 'farleft', version: options.version },
    root: shownRoot(root, process.cwd()),
    dryRun: options.dryRun,
    config: { path: CONFIG_FILE, status, ...(diff !== undefined ? { diff } : {}) },
    license: choice.expression,
    copyright,
    licensee,
    licenseTexts,
    problems,
  };
}

/** The .farleft.yml init writes: its own REUSE header, the keys, and the licensee keys as comments when not given. */
export function renderConfig(expression: string, copyright: readonly string[], licensee: InitResult['licensee']): string {
  const out = [...renderHeader(STYLES.python, copyright, expression, []), ''];
  out.push('# farleft configuration. `farleft apply` puts this license and these copyright holders on');
  out.push('# every file; `farleft compat` and `farleft deps` judge licenses for the licensee below.');
  out.push(stringify({ license: expression }).trimEnd());
  if (copyright.length) out.push(stringify({ copyright: [...copyright] }).trimEnd());
  out.push('# Who this project is, as a licensee of what it uses. kind: worker-cooperative, collective,');
  out.push('# individual, nonprofit, education, company or public-body; commercial: whether the use is.');
  if (licensee) out.push(stringify({ licensee }).trimEnd());
  else out.push('# licensee:', '#   kind: collective', '#   commercial: false');
  return `${out.join('\n')}\n`;
}
