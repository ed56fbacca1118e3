// `farleft lint [path | files...]`: may we ship this? Every rule over the scan, the
// compatibility verdicts and the dependency audit, in a format for people or for CI.
import { isAbsolute, relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { isFolder, parseJobs, parseMinConfidence, treeOptions, type TreeFlags } from './flags.js';
import { writeOut } from './output.js';

interface LintFlags extends TreeFlags {
  format: string;
  json?: boolean;
  failOn?: string;
  reuse?: boolean;
  explain?: string;
  changedSince?: string;
  deps: boolean;
}

/** Kept equal to the keys of LINT_FORMATS (a test checks), so --help does not load the reporters. */
export const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown', 'junit'] as const;

export function register(program: Command): void {
  const command = program
    .command('lint')
    .description('check the licensing of a project against every rule, with what to fix: for people and for CI')
    .argument('[paths...]', 'the project folder (default .), or files to check (with the REUSE.toml, LICENSES/ and sidecars that license them)')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('text'))
    .option('--json', 'short for --format json')
    .addOption(new Option('--fail-on <severity>', 'exit 1 on findings of this severity or worse (default: .farleft.yml lint.failOn, then error)').choices(['error', 'warn']))
    .option('--reuse', 'exactly the REUSE 3.3 compliance check, with the verdict and counts of reuse-tool\'s `reuse lint`')
    .option('--explain <rule>', 'print what a rule checks and how to fix its findings')
    .option('--changed-since <ref>', 'check only files changed since this git ref (committed, staged, unstaged or new)')
    .option('--no-deps', 'do not audit installed dependencies');
  treeOptions(command, 'check')
    .addHelpText(
      'after',
      '\nExit codes: 0 no findings at --fail-on, 1 findings, 2 usage error (unknown rule, bad ref...), 3 internal error.\n' +
        'Rules are set in .farleft.yml: lint: { rules: { missing-copyright: error, needs-review: off }, ignore: ["vendor/**"], failOn: warn }\n\nExamples:\n' +
        '  farleft lint\n  farleft lint --format sarif > farleft.sarif\n  farleft lint --format github\n  farleft lint --reuse\n' +
        '  farleft lint --changed-since origin/main\n  farleft lint src/a.ts src/b.ts\n  farleft lint --explain incompatible',
    )
    .action(async (paths: string[], flags: LintFlags) => {
      const [{ findRule }, { unknownRule }] = await Promise.all([import('../lint/index.js'), import('./lint-input.js')]);
      if (flags.explain !== undefined) {
        const rule = findRule(flags.explain);
        if (!rule) throw new UsageError(unknownRule(flags.explain));
        const { renderExplain } = await import('../report/lint/explain.js');
        writeOut(renderExplain(rule));
        process.exitCode = 0;
        return;
      }
      const minConfidence = parseMinConfidence(flags.minConfidence);
      const jobs = parseJobs(flags.jobs);
      const { root, files } = readPaths(paths);
      if (files !== null && flags.changedSince !== undefined) throw new UsageError('give either files or --changed-since, not both');

      const [{ loadLintInput }, { evaluateLint }, { reuseLintResult }, { LINT_FORMATS }, { version }, chalk] = await Promise.all([
        import('./lint-input.js'),
        import('../lint/evaluate.js'),
        import('../lint/reuse.js'),
        import('../report/lint/index.js'),
        import('./main.js'),
        import('chalk'),
      ]);
      const only = flags.changedSince !== undefined ? (await import('../lint/git.js')).changedSince(root, flags.changedSince) : files;
      const { input, lint: lintConfig, ignore } = await loadLintInput(root, flags, { minConfidence, jobs, only, deps: flags.deps && !flags.reuse });
      const failOn = (flags.failOn ?? lintConfig.failOn ?? 'error') === 'warn' ? 'warning' : 'error';
      const settings = { rules: lintConfig.rules ?? {}, ignore, failOn } as const;
      const meta = { version: version(), root };
      const result = flags.reuse ? reuseLintResult(input, settings, meta) : evaluateLint(input, settings, meta);
      const format = flags.json ? 'json' : (flags.format as keyof typeof LINT_FORMATS);
      writeOut(LINT_FORMATS[format].render(result, { color: chalk.default.level }));
      process.exitCode = result.verdict === 'pass' ? 0 : 1;
    });
}

/** The folder to lint and, when files were given, those files relative to it. */
function readPaths(paths: readonly string[]): { root: string; files: string[] | null } {
  if (paths.length === 0) return { root: '.', files: null };
  if (paths.length === 1 && isFolder(paths[0]!)) return { root: paths[0]!, files: null };
  const files: string[] = [];
  for (const p of paths) {
    if (isFolder(p)) throw new UsageError(`${p} is a folder: give one folder, or only files`);
    const rel = relative(process.cwd(), resolve(p)).split('\\').join('/');
    if (rel === '' || rel.startsWith('../') || rel === '..' || isAbsolute(rel)) throw new UsageError(`${p} is outside the current folder: run farleft lint from the project's root`);
    files.push(rel);
  }
  return { root: '.', files };
}
