#!/usr/bin/env node
// The compiled CLI does the work; this file only hands it the process: the one-file bundle
// with its code cache when the build made them (see src/cli/bundle.cts), else the ES modules.
// CommonJS (bin/package.json says so): an ES module entry would start Node's ES module loader,
// ~5 ms of every run, before anything of farleft's. `--version` is answered here. FARLEFT_NO_BUNDLE=1
// runs the ES modules (to compare, or to debug with their file names).
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const args = process.argv.slice(2);
if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  // A checkout installed with --ignore-scripts, or one whose build failed: say what to run, not a module path.
  process.stderr.write(`farleft: not built yet (${join(root, 'dist')} holds no compiled CLI); run \`npm run build\` in ${root}\n`);
  process.exitCode = 2;
} else if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // On the hot path of scripts: the version, and nothing loaded (as src/cli/main.ts answers it too).
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  const bundle = require('../dist/cli/bundle.cjs').bundled();
  if (bundle) bundle.exports.main(process.argv);
  else import('../dist/cli/main.js').then((m) => m.main(process.argv));
}
