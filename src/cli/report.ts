// `farleft report [path]`: one document about a project's licensing (scan, lint, compatibility,
// dependencies): a self-contained HTML page for people, or the same data as JSON.
import { basename, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { ConfigError, UsageError } from '../errors.js';
import { writeOut } from './output.js';

interface ReportFlags {
  format: string;
  json?: boolean;
  deps: boolean;
  exclude?: string[];
  include?: string[];
  ignore: boolean;
  minConfidence: string;
  jobs?: string;
  quiet?: boolean;
}

/** Kept equal to the keys of REPORT_FORMATS (a test checks), so --help does not load the reporters. */
export const FORMATS = ['html', 'json'] as const;

export function register(program: Command): void {
  program
    .command('report')
    .description('a licensing report of a project (licenses, problems, compatibility, dependencies, every file) as one self-contained HTML page')
    .argument('[path]', 'the project folder', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('html'))
    .option('--json', 'short for --format json')
    .option('--no-deps', 'do not audit installed dependencies')
    .option('-e, --exclude <pattern...>', 'skip paths matching these .gitignore-style patterns')
    .option('-i, --include <pattern...>', 'report only files matching these .gitignore-style patterns')
    .option('--no-ignore', 'do not apply .gitignore files')
    .option('--min-confidence <n>', 'name a license text only at or above this match confidence (0-1)', '0.9')
    .option('-j, --jobs <n>', 'threads to read files with (default: one per core)')
    .option('-q, --quiet', 'no progress line')
    .addHelpText(
      'after',
      '\nThe HTML page makes no request of any kind (no fonts, scripts or styles from elsewhere) and reads without JavaScript.\n' +
        'Exit codes: 0 report written (whatever it says), 2 usage error.\n\nExamples:\n  farleft report > licensing.html\n  farleft report path/to/repo --format json > report.json',
    )
    .action(async (path: string, flags: ReportFlags) => {
      const minConfidence = Number(flags.minConfidence);
      if (!(minConfidence > 0 && minConfidence <= 1)) throw new UsageError(`--min-confidence must be a number in (0, 1], not ${flags.minConfidence}`);
      const jobs = flags.jobs === undefined ? undefined : Number(flags.jobs);
      if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`--jobs must be a whole number of at least 1, not ${flags.jobs}`);
      const [{ prepareLint }, { evaluateLint }, { findRule, RULE_IDS }, { loadConfig }, { loadCatalog }, { walkPatterns, configPatterns }, { buildReport }, { REPORT_FORMATS }, { createProgress }, { version }] =
        await Promise.all([
          import('../lint/run.js'),
          import('../lint/evaluate.js'),
          import('../lint/index.js'),
          import('../config.js'),
          import('../catalog/index.js'),
          import('./patterns.js'),
          import('../report/html/model.js'),
          import('../report/html/index.js'),
          import('../progress.js'),
          import('./main.js'),
        ]);
      const config = loadConfig(path);
      const lintConfig = config?.lint ?? {};
      for (const id of Object.keys(lintConfig.rules ?? {})) if (!findRule(id)) throw new ConfigError(config!.file, `lint.rules.${id}`, `unknown rule; rules: ${RULE_IDS.join(', ')}`);
      const { exclude, include } = walkPatterns(config, path, flags);
      const progress = createProgress({ stream: process.stderr, env: process.env, quiet: flags.quiet ?? false });
      const env = process.env;
      const input = await prepareLint({
        root: path,
        gitignore: flags.ignore,
        exclude,
        include,
        minConfidence,
        config,
        version: version(),
        catalog: loadCatalog(),
        ...(jobs ? { jobs } : {}),
        only: null,
        deps: flags.deps,
        env: { VIRTUAL_ENV: env.VIRTUAL_ENV, CARGO_HOME: env.CARGO_HOME, GOMODCACHE: env.GOMODCACHE, GOPATH: env.GOPATH, HOME: env.HOME },
        ...(progress.enabled ? { onProgress: progress.update } : {}),
      }).finally(() => progress.end());
      const failOn = lintConfig.failOn === 'warn' ? 'warning' : 'error';
      const lint = evaluateLint(input, { rules: lintConfig.rules ?? {}, ignore: configPatterns(config, path)(lintConfig.ignore), failOn }, { version: version(), root: path });
      const data = buildReport(input, lint, basename(resolve(path)));
      const format = flags.json ? 'json' : (flags.format as keyof typeof REPORT_FORMATS);
      writeOut(REPORT_FORMATS[format].renderReport(data));
      process.exitCode = 0;
    });
}
