// `farleft scan [path]`: every license declaration in a folder, resolved per file.
import { Option, type Command } from 'commander';
import { parseJobs, parseMinConfidence, treeOptions, type TreeFlags } from './flags.js';
import { writeOut } from './output.js';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

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
      const [{ scan }, { loadConfig }, { walkPatterns }, { SCAN_FORMATS }, { version }, { createProgress }, chalk] = await Promise.all([
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
      const result = await scan({
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
      }).finally(() => progress.end());
      const format = flags.json ? 'json' : (flags.format as keyof typeof SCAN_FORMATS);
      const out =
        format === 'json'
          ? SCAN_FORMATS.json.renderScan(result)
          : format === 'spdx' || format === 'cyclonedx'
            ? SCAN_FORMATS[format].renderScan(result, await sbomInputs(path, result))
            : SCAN_FORMATS.text.renderScan(result, { color: chalk.default.level, verbose: flags.verbose ?? false });
      writeOut(out);
      process.exitCode = result.problems.some((p) => p.severity === 'error') ? 1 : 0;
    });
}

/** What an SBOM needs beyond the scan: each file's checksums, LicenseRef texts from LICENSES/ (their first MiB), the time. */
async function sbomInputs(root: string, result: import('../types.js').ScanResult) {
  const buffer = Buffer.allocUnsafe(1024 * 1024);
  const hashes = new Map<string, { sha1: string; sha256: string }>();
  const licenseTexts: Record<string, { name: string; text: string }> = {};
  for (const f of result.files) {
    const sha1 = createHash('sha1');
    const sha256 = createHash('sha256');
    const ref = /^LICENSES\/(LicenseRef-[A-Za-z0-9.-]+)\.[^/.]+$/.exec(f.path)?.[1];
    try {
      const fd = openSync(join(root, f.path), 'r');
      try {
        for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
          sha1.update(buffer.subarray(0, n));
          sha256.update(buffer.subarray(0, n));
          if (ref && !licenseTexts[ref]) licenseTexts[ref] = { name: ref.slice('LicenseRef-'.length), text: buffer.toString('utf8', 0, n) };
        }
      } finally {
        closeSync(fd);
      }
    } catch {
      continue; // unreadable since the scan: left out of the document
    }
    hashes.set(f.path, { sha1: sha1.digest('hex'), sha256: sha256.digest('hex') });
  }
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const seconds = epoch !== undefined && /^\d+$/.test(epoch) ? Number(epoch) : Math.floor(Date.now() / 1000);
  const created = new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { created, name: basename(resolve(root)), hashes, licenseTexts };
}
