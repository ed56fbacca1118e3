// Placeholder: `farleft licenses list|show` (in progress).
import type { Command } from 'commander';

export function register(program: Command): void {
  program.command('licenses').description('list and show the licenses farleft knows');
}
