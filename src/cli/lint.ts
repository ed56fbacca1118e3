// Placeholder: `farleft lint` (in progress).
import type { Command } from 'commander';
import { UsageError } from '../errors.js';

export function register(program: Command): void {
  program
    .command('lint')
    .description('(not yet available)')
    .allowUnknownOption()
    .action(() => {
      throw new UsageError('farleft lint is not available yet');
    });
}
