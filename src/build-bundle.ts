// `npm run build` runs this last. It bundles the CLI into one CommonJS file
// (dist/farleft.cjs), then runs a few typical commands on the repository's fixtures in a
// child process and saves V8's code cache for the bundle as it stands after them
// (dist/farleft.cache): bin/farleft.js starts from that bytecode (see src/cli/bundle.cts).
// Without esbuild (an install without dev dependencies) it says so and bin/farleft.js runs
// the ES modules instead.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import bundleLoader from './cli/bundle.cjs';
import { copyFixtureTree } from './fixture-copy.js';
import { MODULES_URL, PACKAGE_ROOT } from './paths.js';

const { BUNDLE_FILE, CACHE_FILE, loadBundle } = bundleLoader;

/** Read-only commands whose code a run is most likely to need (their output is thrown away). */
const WARM_UP: readonly (readonly string[])[] = [
  ['scan', 'fixtures', '--format', 'json'],
  ['scan', 'fixtures/reuse'],
  ['scan', 'fixtures/compat/ppl-project'], // a .farleft.yml: the YAML parser
  ['scan', 'fixtures/media', '--format', 'json'],
  ['lint', 'fixtures/reuse', '--format', 'sarif'],
  ['deps', '<npm-basic>', '--format', 'json'],
  ['deps', 'fixtures/deps/python', '--format', 'json'],
  ['compat', 'PPL', 'GPL-3.0-only'],
  ['licenses', 'list'],
];

if (process.argv[2] === '--record-cache') await recordCache();
else await bundle();

async function bundle(): Promise<void> {
  rmSync(BUNDLE_FILE, { force: true });
  rmSync(CACHE_FILE, { force: true });
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    console.error('farleft build: esbuild is not installed, so the CLI runs as ES modules (slower to start)');
    return;
  }
  await esbuild.build({
    entryPoints: [fileURLToPath(new URL('cli/main.js', MODULES_URL))],
    outfile: BUNDLE_FILE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Only `apply --embed` loads these, and they are large: they stay in node_modules.
    external: ['exiftool-vendored', 'node-taglib-sharp'],
    // Every module's import.meta.url becomes the bundle's own: it sits in dist/ beside paths.js, so the paths hold.
    define: { 'import.meta.url': '__farleft_module_url' },
    banner: { js: "var __farleft_module_url = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  // esbuild leaves non-ASCII characters in regular expression literals (©, –, ’), and one such character
  // makes V8 hold the whole 1.3 MB source as a two-byte string: slower to read (~5 ms a run, and in each
  // worker) and to scan when a function is first compiled. As \u escapes they mean the same anywhere in
  // JavaScript (strings, regular expressions, comments), so the source stays one-byte.
  const source = readFileSync(BUNDLE_FILE, 'utf8').replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(BUNDLE_FILE, source);
  // Code run from a code cache has no loader for import(): what the bundle loads at run time, it must require.
  const left = /\bimport\((?!\))/.exec(source);
  if (left) throw new Error(`${BUNDLE_FILE} still calls import() (at offset ${left.index}): load that module with a static import or createRequire`);
  // The warm-up runs on the repository's fixtures; a copy of the package without them gets the bundle alone.
  if (!existsSync(join(PACKAGE_ROOT, 'fixtures'))) {
    console.error('farleft build: no fixtures/ to warm up on, so the bundle has no code cache (it starts slower)');
    return;
  }
  // The cache is recorded in a child process: the commands write to its standard output.
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--record-cache'], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`recording the code cache failed:\n${r.stderr}`);
}

async function recordCache(): Promise<void> {
  const { script, exports: { main } } = loadBundle(BUNDLE_FILE);
  // An npm tree has to be copied out to be one (see fixture-copy.ts).
  const temp = mkdtempSync(join(tmpdir(), 'farleft-build-'));
  const npm = join(temp, 'npm-basic');
  copyFixtureTree(join(PACKAGE_ROOT, 'fixtures', 'deps', 'npm-basic'), npm);
  for (const args of WARM_UP) {
    await main(['node', 'farleft', ...args.map((a) => (a === '<npm-basic>' ? npm : a))]);
    // 0 or 1 (problems found) are results; 2 and up mean the warm-up itself is wrong (a fixture moved).
    if (Number(process.exitCode ?? 0) > 1) throw new Error(`warm-up command 'farleft ${args.join(' ')}' exited ${process.exitCode}`);
    process.exitCode = 0;
  }
  rmSync(temp, { recursive: true, force: true });
  writeFileSync(CACHE_FILE, script.createCachedData());
}
