#!/usr/bin/env node
// The compiled CLI does the work; this file only hands it the process: the one-file bundle
// with its code cache when the build made them (see src/cli/bundle.ts), else the ES modules.
// `--version` takes the ES modules' shortcut, which loads next to nothing.
// FARLEFT_NO_BUNDLE=1 runs the ES modules (to compare, or to debug with their file names).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/farleft.cjs', import.meta.url);
const args = process.argv.slice(2);
const versionOnly = args.length === 1 && (args[0] === '--version' || args[0] === '-V');
if (!process.env.FARLEFT_NO_BUNDLE && !versionOnly && existsSync(bundle)) {
  const { loadBundle } = await import('../dist/cli/bundle.js');
  const cache = new URL('../dist/farleft.cache', import.meta.url);
  const { main } = loadBundle(fileURLToPath(bundle), existsSync(cache) ? readFileSync(cache) : undefined);
  await main(process.argv);
} else {
  const { main } = await import('../dist/cli/main.js');
  await main(process.argv);
}
