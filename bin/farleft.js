#!/usr/bin/env node
// The compiled CLI does the work; this file only hands it the process: the one-file bundle
// with its code cache when the build made them (see src/cli/bundle.ts), else the ES modules.
// `--version` takes the ES modules' shortcut, which loads next to nothing.
// FARLEFT_NO_BUNDLE=1 runs the ES modules (to compare, or to debug with their file names).
const args = process.argv.slice(2);
const versionOnly = args.length === 1 && (args[0] === '--version' || args[0] === '-V');
const bundle = versionOnly ? null : (await import('../dist/cli/bundle.js')).bundled();
const { main } = bundle ? bundle.exports : await import('../dist/cli/main.js');
await main(process.argv);
