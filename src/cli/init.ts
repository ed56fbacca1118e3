// `farleft init [path]`: writes .farleft.yml (license, copyright holders, licensee facts)
// and LICENSES/ for a project; an existing .farleft.yml is kept unless --force.
import { Option, type Command } from 'commander';
import { writeOut } from './output.js';

interface InitFlags {
  license: string;
  copyright?: string[];
  year?: string;
  licenseeKind?: string;
  commercial?: boolean;
  licenseText?: string[];
  allowUnknown?: boolean;
  force?: boolean;
  dryRun?: boolean;
  format: string;
  json?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function register(program: Command): void {
  program
    .command('init')
    .description('start a project: write .farleft.yml (license, copyright, licensee) and LICENSES/')
    .argument('[path]', 'the project folder', '.')
    .requiredOption('-l, --license <expression>', 'SPDX license expression of the project, e.g. PPL')
    .option('-c, --copyright <statement>', 'copyright statement, e.g. "2026 Example Collective" (repeatable)', collect)
    .option('-y, --year <years>', 'years for every copyright statement: 2026 or 2024-2026')
    .addOption(new Option('--licensee-kind <kind>', 'who the project is, as a licensee of what it uses').choices(['worker-cooperative', 'collective', 'individual', 'nonprofit', 'education', 'company', 'public-body']))
    .option('--commercial', 'the project uses what it depends on commercially')
    .option('--no-commercial', 'the project does not use what it depends on commercially')
    .option('--license-text <[id=]file>', 'text for LICENSES/ of a license SPDX lacks (repeatable)', collect)
    .option('--allow-unknown', 'accept a LicenseRef- id that is in neither SPDX nor the catalog')
    .option('--force', 'overwrite an existing .farleft.yml')
    .option('-n, --dry-run', 'print what would be written as a unified diff; write nothing')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--json', 'short for --format json')
    .addHelpText(
      'after',
      '\nExit codes: 0 written, 1 written with problems (a license text missing), 2 usage error (an existing .farleft.yml without --force).\n\n' +
        'Examples:\n' +
        '  farleft init --license PPL --copyright "2026 Example Collective"\n' +
        '  farleft init --license PPL --copyright "2026 Radio Libre Coop" --licensee-kind worker-cooperative --commercial\n' +
        '  farleft init --license LicenseRef-CNPL-7.0 --license-text CNPLv7.md --copyright "2026 Jo Artist"',
    )
    .action(async (path: string, flags: InitFlags) => {
      const [{ init }, { renderInit }, { version }, chalk] = await Promise.all([import('../apply/init.js'), import('../report/init/text.js'), import('./main.js'), import('chalk')]);
      const result = init({
        path,
        license: flags.license,
        copyright: flags.copyright ?? [],
        ...(flags.year !== undefined ? { year: flags.year } : {}),
        ...(flags.licenseeKind !== undefined ? { licenseeKind: flags.licenseeKind as never } : {}),
        ...(flags.commercial !== undefined ? { commercial: flags.commercial } : {}),
        licenseTexts: flags.licenseText ?? [],
        allowUnknown: flags.allowUnknown ?? false,
        force: flags.force ?? false,
        dryRun: flags.dryRun ?? false,
        version: version(),
      });
      const format = flags.json ? 'json' : flags.format;
      if (format === 'json') writeOut(`${JSON.stringify(result, null, 2)}\n`);
      else {
        const text = renderInit(result, (result.dryRun ? chalk.chalkStderr : chalk.default).level);
        if (result.dryRun) {
          writeOut([result.config.diff ?? '', ...result.licenseTexts.map((t) => t.diff ?? '')].join(''));
          process.stderr.write(text);
        } else writeOut(text);
      }
      process.exitCode = result.problems.some((p) => p.severity === 'error') ? 1 : 0;
    });
}
