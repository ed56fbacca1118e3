// The only place that catches errors: a known FarleftError becomes one line on stderr
// and its exit code; anything else is a bug, reported with exit 3.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, FarleftError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';
import { printable } from '../report/text-parts.js';

export function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export async function main(argv: readonly string[]): Promise<void> {
  const args = argv.slice(2);
  // `farleft --version` is on the hot path of scripts: answer it before loading anything.
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${version()}\n`);
    return;
  }
  try {
    const { buildProgram } = await import('./program.js');
    await buildProgram(version()).parseAsync([...argv]);
  } catch (error) {
    process.exitCode = report(error);
  }
}

/** A worker thread's work (src/cli/worker-entry.cts): importing its module starts it. */
export async function runWorker(kind: string): Promise<void> {
  if (kind === 'scan') await import('../pipeline/worker.js');
  else if (kind === 'apply') await import('../apply/worker.js');
  else throw new Error(`unknown worker kind '${kind}'`);
}

function report(error: unknown): number {
  if (error instanceof FarleftError && error.exitCode !== EXIT.internal) {
    // A message may quote a file's path or a .farleft.yml key from the tree: its control characters as escapes.
    process.stderr.write(`farleft: ${printable(error.message)}\n`);
    const hint = (error as { hint?: string }).hint;
    if (hint) process.stderr.write(`${printable(hint)}\n`);
    return error.exitCode;
  }
  // commander signals --help, --version and its own usage errors by throwing (exitOverride).
  const code = (error as { code?: string; exitCode?: number }).code;
  if (typeof code === 'string' && code.startsWith('commander.')) {
    const exitCode = (error as { exitCode: number }).exitCode;
    return exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(
    `farleft: internal error: ${message.replaceAll(process.cwd(), '.')}\n` +
      `This is a bug in farleft ${version()} (node ${process.version}). Please report it with the command you ran.\n`,
  );
  return EXIT.internal;
}
