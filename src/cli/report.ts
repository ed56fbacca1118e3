// Placeholder: `farleft report` (in progress).
import type { Command } from 'commander';
import { UsageError } from '../errors.js';

export function register(program: Command): void {
  program
    .command('report')
    .description('(not yet available)')
    .allowUnknownOption()
    .action(() => {
      throw new UsageError('farleft report is not available yet');
    });
}
