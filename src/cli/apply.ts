// Placeholder: `farleft apply` (in progress).
import type { Command } from 'commander';
import { UsageError } from '../errors.js';

export function register(program: Command): void {
  program
    .command('apply')
    .description('(not yet available)')
    .allowUnknownOption()
    .action(() => {
      throw new UsageError('farleft apply is not available yet');
    });
}
