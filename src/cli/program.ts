// The commander program: global conventions and the explicit list of commands.
import { Command } from 'commander';
import { register as registerApply } from './apply.js';
import { register as registerCompat } from './compat.js';
import { register as registerDeps } from './deps.js';
import { register as registerInit } from './init.js';
import { register as registerLicenses } from './licenses.js';
import { register as registerLint } from './lint.js';
import { register as registerReport } from './report.js';
import { writeOut } from './output.js';
import { register as registerScan } from './scan.js';

/** In the order `farleft --help` lists them. */
const COMMANDS = [registerScan, registerInit, registerApply, registerCompat, registerDeps, registerLint, registerReport, registerLicenses];

export function buildProgram(version: string): Command {
  const program = new Command('farleft')
    .description('Copyfarleft-aware license scanning: find, apply and check the licenses of a project, its media and its dependencies.')
    .version(version, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    // Help and version go through writeOut, which stops quietly when the reader has gone (`farleft --help | head`).
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut });
  for (const register of COMMANDS) register(program);
  return program;
}
