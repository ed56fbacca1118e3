// `farleft apply [paths...]`: puts a license (and copyright) on every file: a header in the
// file's comment syntax, a `.license` sidecar for files without one, or a REUSE.toml
// annotation; writes LICENSES/; then checks each changed file resolves to the license.
import type { ColorSupportLevel } from 'chalk';
import { Option, type Command } from 'commander';
import { parseJobs } from './flags.js';
import { writeBytes, writeOut } from './output.js';

interface ApplyFlags {
  license?: string;
  copyright?: string[];
  year?: string;
  template?: string;
  style?: string;
  /** true: --sidecar (sidecars for every file); false: --no-sidecar (none); undefined: as needed. */
  sidecar?: boolean;
  fallbackSidecar?: boolean;
  replace?: boolean;
  allowUnknown?: boolean;
  licenseText?: string[];
  reuseToml?: boolean;
  dryRun?: boolean;
  embed?: boolean;
  backup?: boolean;
  verify: boolean;
  root?: string;
  exclude?: string[];
  include?: string[];
  ignore: boolean;
  format: string;
  json?: boolean;
  verbose?: boolean;
  jobs?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function register(program: Command): void {
  program
    .command('apply')
    .description('put a license and copyright on every file: headers, .license sidecars or REUSE.toml; writes LICENSES/')
    .argument('[paths...]', 'files and folders to apply to', ['.'])
    .option('-l, --license <expression>', 'SPDX license expression to apply (default: license in .farleft.yml)')
    .option('-c, --copyright <statement>', 'copyright statement, e.g. "2026 Example Collective" (repeatable; default: .farleft.yml)', collect)
    .option('-y, --year <years>', 'years for every copyright statement: 2026, 2024-2026 or 2020, 2024')
    .option('--template <name|file>', 'extra header lines after the tags: a built-in (notice) or a text file with {license}, {names}, {copyright}')
    .option('--style <name>', 'comment style for every file (e.g. python, c, html); binaries still get sidecars')
    .option('--sidecar', 'write a .license sidecar for every file instead of headers')
    .option('--no-sidecar', 'never write .license sidecars (files that need one are skipped; with --embed, metadata only)')
    .option('--fallback-sidecar', 'give files of an unknown type a .license sidecar instead of reporting them')
    .option('--replace', 'replace a different license a file or LICENSES/ text already has (it is reported)')
    .option('--allow-unknown', 'accept a LicenseRef- id that is in neither SPDX nor the catalog')
    .option('--license-text <[id=]file>', 'text for LICENSES/ of a license SPDX lacks (CNPL, ACSL, ...), checked against the catalog (repeatable)', collect)
    .option('--reuse-toml', 'annotate in REUSE.toml instead of touching the files')
    .option('-n, --dry-run', 'print a unified diff of what would change; write nothing')
    .option('--embed', 'also embed license metadata into media files that can carry it')
    .option('--backup', 'with --embed: keep each original media file as <name>.orig')
    .option('--no-verify', 'do not re-detect changed files afterwards')
    .option('--root <dir>', 'project root, where LICENSES/ and REUSE.toml go (default: .farleft.yml folder, git top, or here)')
    .option('-e, --exclude <pattern>', 'skip paths matching this .gitignore-style pattern (repeatable)', collect)
    .option('-i, --include <pattern>', 'apply only to files matching this pattern (repeatable)', collect)
    .option('--no-ignore', 'do not apply .gitignore files (version-control folders are still skipped)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--json', 'short for --format json')
    .option('-v, --verbose', 'list every problem, and notes')
    .option('-j, --jobs <n>', 'threads to apply with (default: one per core)')
    .addHelpText(
      'after',
      '\nExit codes: 0 every file done, 1 some files could not be done (conflicts, unknown types, failures, files that do not resolve afterwards), 2 usage error.\n\n' +
        'Examples:\n' +
        '  farleft apply .                                    # license and copyright from .farleft.yml\n' +
        '  farleft apply . --license PPL --copyright "2026 Example Collective"\n' +
        '  farleft apply src docs --license "PPL OR CC-BY-NC-SA-4.0" --copyright "2026 Jo Artist" --year 2024-2026\n' +
        '  farleft apply . --dry-run > apply.patch            # what would change, as a patch\n' +
        '  farleft apply . --reuse-toml                       # one REUSE.toml annotation instead of headers\n' +
        '  farleft apply . --license LicenseRef-CNPL-7.0 --license-text CNPLv7.md',
    )
    .action(async (paths: string[], flags: ApplyFlags) => {
      const jobs = parseJobs(flags.jobs);
      const [{ apply }, { loadConfig }, { walkPatterns }, { APPLY_FORMATS }, { version }, chalk] = await Promise.all([
        import('../apply/index.js'),
        import('../config.js'),
        import('./patterns.js'),
        import('../report/apply/index.js'),
        import('./main.js'),
        import('chalk'),
      ]);
      const config = loadConfig(paths[0] ?? '.');
      // Config patterns are written relative to the config's folder; the root may be another folder.
      const { exclude, include } = walkPatterns(config, flags.root ?? config?.dir ?? '.', flags);
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      let result;
      try {
        result = await apply({
          paths,
          ...(flags.root !== undefined ? { root: flags.root } : {}),
          ...(flags.license !== undefined ? { license: flags.license } : {}),
          copyright: flags.copyright ?? [],
          ...(flags.year !== undefined ? { year: flags.year } : {}),
          ...(flags.template !== undefined ? { template: flags.template } : {}),
          ...(flags.style !== undefined ? { style: flags.style } : {}),
          sidecar: flags.sidecar === true,
          writeSidecars: flags.sidecar !== false,
          fallbackSidecar: flags.fallbackSidecar ?? false,
          replace: flags.replace ?? false,
          allowUnknown: flags.allowUnknown ?? false,
          licenseTexts: flags.licenseText ?? [],
          reuseToml: flags.reuseToml ?? false,
          dryRun: flags.dryRun ?? false,
          embed: flags.embed ?? false,
          backup: flags.backup ?? false,
          verify: flags.verify,
          gitignore: flags.ignore,
          exclude,
          include,
          config,
          version: version(),
          signal: controller.signal,
          ...(jobs ? { jobs } : {}),
        });
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
      const format = flags.json ? 'json' : flags.format;
      if (format === 'json') writeOut(APPLY_FORMATS.json.renderApply(result));
      else {
        const summary = (level: ColorSupportLevel): string => APPLY_FORMATS.text.renderApply(result, { color: level, verbose: flags.verbose ?? false });
        if (result.dryRun) {
          // stdout is the patch; the summary goes beside it.
          writeBytes(APPLY_FORMATS.text.renderDiff(result));
          process.stderr.write(summary(chalk.chalkStderr.level));
        } else writeOut(summary(chalk.default.level));
      }
      const s = result.summary;
      const failed = s.conflict + s.unknown + s.failed + s.notVerified > 0 || result.problems.some((p) => p.severity === 'error');
      process.exitCode = failed ? 1 : 0;
    });
}
