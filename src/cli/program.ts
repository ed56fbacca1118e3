// The commander program: global conventions and the explicit list of commands.
import { Command } from 'commander';
import { register as registerLicenses } from './licenses.js';
import { register as registerScan } from './scan.js';

export function buildProgram(version: string): Command {
  const program = new Command('farleft')
    .description('Copyfarleft-aware license scanning: find, apply and check the licenses of a project, its media and its dependencies.')
    .version(version, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  for (const register of [registerScan, registerLicenses]) register(program);
  return program;
}
