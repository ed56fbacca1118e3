// `farleft report [path]`: one document about a project's licensing (scan, lint, compatibility,
// dependencies): a self-contained HTML page for people, or the same data as JSON.
import { basename, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { parseJobs, parseMinConfidence, treeOptions, type TreeFlags } from './flags.js';
import { writeOut } from './output.js';

interface ReportFlags extends TreeFlags {
  format: string;
  json?: boolean;
  deps: boolean;
}

/** Kept equal to the keys of REPORT_FORMATS (a test checks), so --help does not load the reporters. */
export const FORMATS = ['html', 'json'] as const;

export function register(program: Command): void {
  const command = program
    .command('report')
    .description('a licensing report of a project (licenses, problems, compatibility, dependencies, every file) as one self-contained HTML page')
    .argument('[path]', 'the project folder', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('html'))
    .option('--json', 'short for --format json')
    .option('--no-deps', 'do not audit installed dependencies');
  treeOptions(command, 'report')
    .addHelpText(
      'after',
      '\nThe HTML page makes no request of any kind (no fonts, scripts or styles from elsewhere) and reads without JavaScript.\n' +
        'Exit codes: 0 report written (whatever it says), 2 usage error.\n\nExamples:\n  farleft report > licensing.html\n  farleft report path/to/repo --format json > report.json',
    )
    .action(async (path: string, flags: ReportFlags) => {
      const minConfidence = parseMinConfidence(flags.minConfidence);
      const jobs = parseJobs(flags.jobs);
      const [{ loadLintInput }, { evaluateLint }, { buildReport }, { REPORT_FORMATS }, { version }] = await Promise.all([
        import('./lint-input.js'),
        import('../lint/evaluate.js'),
        import('../report/html/model.js'),
        import('../report/html/index.js'),
        import('./main.js'),
      ]);
      const { input, lint: lintConfig, ignore } = await loadLintInput(path, flags, { minConfidence, jobs, only: null, deps: flags.deps });
      const failOn = lintConfig.failOn === 'warn' ? 'warning' : 'error';
      const lint = evaluateLint(input, { rules: lintConfig.rules ?? {}, ignore, failOn }, { version: version(), root: path });
      const data = buildReport(input, lint, basename(resolve(path)));
      const format = flags.json ? 'json' : (flags.format as keyof typeof REPORT_FORMATS);
      writeOut(REPORT_FORMATS[format].renderReport(data));
      process.exitCode = 0;
    });
}
