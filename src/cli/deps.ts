// Placeholder: `farleft deps` (in progress).
import type { Command } from 'commander';
import { UsageError } from '../errors.js';

export function register(program: Command): void {
  program
    .command('deps')
    .description('(not yet available)')
    .allowUnknownOption()
    .action(() => {
      throw new UsageError('farleft deps is not available yet');
    });
}
