// `farleft scan [path]`: every license declaration in a folder, resolved per file.
import { Option, type Command } from 'commander';
import { parseJobs, parseMinConfidence, treeOptions, type TreeFlags } from './flags.js';
import type { Problem } from '../types.js';
import { writeOut } from './output.js';

interface ScanFlags extends TreeFlags {
  format: string;
  json?: boolean;
  followSymlinks?: boolean;
  verbose?: boolean;
}

export function register(program: Command): void {
  const command = program
    .command('scan')
    .description('find every license declaration in a folder and resolve each file\'s license')
    .argument('[path]', 'the folder to scan', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'spdx', 'cyclonedx']).default('text'))
    .option('--json', 'short for --format json')
    .option('--follow-symlinks', 'follow symlinks that stay inside the folder (REUSE does not cover symlinks)')
    .option('-v, --verbose', 'list every file without a license, and notes');
  treeOptions(command, 'scan')
    .addHelpText('after', '\nExit codes: 0 scanned, 1 scanned with errors to fix (invalid tags, malformed files, conflicts), 2 unusable input.\n\nExamples:\n  farleft scan .\n  farleft scan path/to/repo --format json > scan.json\n  farleft scan . --format spdx > sbom.spdx.json\n  farleft scan . --exclude vendor/ --exclude "*.min.js"')
    .action(async (path: string, flags: ScanFlags) => {
      const minConfidence = parseMinConfidence(flags.minConfidence);
      const jobs = parseJobs(flags.jobs);
      const [{ scan, scanForJson, scanForText }, { loadConfig }, { walkPatterns }, { SCAN_FORMATS }, { version }, { createProgress }, chalk] = await Promise.all([
        import('../scan.js'),
        import('../config.js'),
        import('./patterns.js'),
        import('../report/scan/index.js'),
        import('./main.js'),
        import('../progress.js'),
        import('chalk'),
      ]);
      const progress = createProgress({ stream: process.stderr, env: process.env, quiet: flags.quiet ?? false });
      const config = loadConfig(path);
      const { exclude, include } = walkPatterns(config, path, flags);
      const format = flags.json ? 'json' : (flags.format as keyof typeof SCAN_FORMATS);
      const options = {
        root: path,
        gitignore: flags.ignore,
        exclude,
        include,
        followSymlinks: flags.followSymlinks ?? false,
        minConfidence,
        config,
        version: version(),
        ...(jobs ? { jobs } : {}),
        ...(progress.enabled ? { onProgress: progress.update } : {}),
      };
      const run = async (): Promise<{ out: string | Iterable<string | Uint8Array>; errors: boolean }> => {
        if (format === 'json') {
          const result = await scanForJson(options);
          return { out: SCAN_FORMATS.json.renderScan(result), errors: hasErrors(result.problems) };
        }
        if (format === 'text') {
          const result = await scanForText(options);
          return { out: SCAN_FORMATS.text.renderScan(result, { color: chalk.default.level, verbose: flags.verbose ?? false }), errors: hasErrors(result.problems) };
        }
        const result = await scan(options);
        return { out: SCAN_FORMATS[format].renderScan(result, await (await import('../sbom-inputs.js')).sbomInputs(path, result)), errors: hasErrors(result.problems) };
      };
      const { out, errors } = await run().finally(() => progress.end());
      writeOut(out);
      process.exitCode = errors ? 1 : 0;
    });
}

function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
