// Placeholder: `farleft scan` (in progress).
import type { Command } from 'commander';

export function register(program: Command): void {
  program.command('scan').description('find every license declaration in a folder');
}
