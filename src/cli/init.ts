// Placeholder: `farleft init` (in progress).
import type { Command } from 'commander';
import { UsageError } from '../errors.js';

export function register(program: Command): void {
  program
    .command('init')
    .description('(not yet available)')
    .allowUnknownOption()
    .action(() => {
      throw new UsageError('farleft init is not available yet');
    });
}
