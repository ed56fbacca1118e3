// The build's one-file bundle and its V8 code cache (src/build-bundle.ts, src/cli/bundle.cts):
// bin/farleft.js runs them, V8 accepts the cache, and the ES modules they are made from
// (FARLEFT_NO_BUNDLE=1) give the same bytes.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureCopier } from '../deps/fixture.js';
import { treeMaker } from '../helpers.js';
import { runCli } from './run.js';

const tree = treeMaker();
const depsFixture = fixtureCopier();

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

describe('the CLI bundle', () => {
  it('is built with a code cache that V8 accepts, in the main thread and in a worker thread', () => {
    expect(existsSync(`${DIST}farleft.cjs`)).toBe(true);
    expect(existsSync(`${DIST}farleft.cache`)).toBe(true);
    // One non-ASCII character would make V8 hold the whole source as a two-byte string (see build-bundle.ts).
    expect(readFileSync(`${DIST}farleft.cjs`, 'utf8').match(/[^\0-\x7f]/)).toBeNull();
    // In a fresh node, as bin/farleft.js and the worker entry load it: a rejected cache would only make every run slower.
    const loader = JSON.stringify(`${DIST}cli/bundle.cjs`);
    const probe = `const { Worker } = require('node:worker_threads');
      const b = require(${loader}).bundled();
      new Promise((resolve, reject) => {
        const w = new Worker(${JSON.stringify(`require('node:worker_threads').parentPort.postMessage(require(${loader}).bundled().script.cachedDataRejected);`)}, { eval: true });
        w.on('message', (m) => { resolve(m); w.terminate(); });
        w.on('error', reject);
      }).then((inWorker) => console.log(JSON.stringify({ rejected: b.script.cachedDataRejected, inWorker, main: typeof b.exports.main, runWorker: typeof b.exports.runWorker })));`;
    const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ rejected: false, inWorker: false, main: 'function', runWorker: 'function' });
    // The cache was made under the bundle's V8 flags (V8_FLAGS), which loading it sets: without them, V8 refuses it.
    const bare = `const { Script } = require('node:vm'); const { readFileSync } = require('node:fs');
      const file = ${JSON.stringify(`${DIST}farleft.cjs`)};
      const source = '(function (exports, require, module, __filename, __dirname) {' + readFileSync(file, 'utf8') + '\\n})';
      console.log(new Script(source, { filename: file, cachedData: readFileSync(${JSON.stringify(`${DIST}farleft.cache`)}) }).cachedDataRejected);`;
    expect(spawnSync(process.execPath, ['-e', bare], { encoding: 'utf8' }).stdout.trim()).toBe('true');
  });

  it.each([
    [['scan', `${FIXTURES}reuse`, '--format', 'json']],
    [['scan', `${FIXTURES}media`]],
    [['lint', `${FIXTURES}reuse`, '--format', 'sarif']],
    [['deps', `${FIXTURES}deps/python`, '--format', 'json']],
    [['licenses', 'show', 'PPL', '--text']],
  ])('gives what the ES modules give: %j', (args) => {
    const bundled = runCli(args);
    const modules = runCli(args, { env: { FARLEFT_NO_BUNDLE: '1' } });
    expect(bundled.stderr).toBe(modules.stderr);
    expect(bundled.code).toBe(modules.code);
    expect(bundled.stdout).toBe(modules.stdout);
    expect(bundled.stdout.length).toBeGreaterThan(100);
  });

  it('runs as CommonJS from bin/farleft.js to the bundle: no ES module is loaded, so Node never starts its ES module loader', () => {
    // A hook run before the CLI lists, at exit, the ES module loader's parts Node loaded to run a module.
    const hook = join(tree({}), 'hook.cjs');
    writeFileSync(hook, "process.on('exit', () => process.stderr.write('esm ' + JSON.stringify(process.moduleLoadList.filter((m) => m.includes('esm/module_job'))) + '\\n'));");
    const env = { NODE_OPTIONS: `--require ${hook}` };
    for (const args of [['scan', `${FIXTURES}reuse`, '--format', 'json'], ['deps', `${FIXTURES}deps/python`], ['compat', 'PPL', 'MIT']]) {
      const r = runCli(args, { env });
      expect(r.stdout.length).toBeGreaterThan(100);
      expect(r.stderr).toBe('esm []\n');
    }
    // The ES modules (no bundle) are loaded by that loader: the hook sees it.
    expect(runCli(['compat', 'PPL', 'MIT'], { env: { ...env, FARLEFT_NO_BUNDLE: '1' } }).stderr).toBe('esm ["NativeModule internal/modules/esm/module_job"]\n');
  });

  it("answers --version and -V with package.json's version, as commander does beside other arguments", () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const args of [['--version'], ['-V'], ['--version', '--no-color']]) expect(runCli(args)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('says to build it, and exits 2, where the package is not built (installed with --ignore-scripts)', () => {
    // (Node runs a script by its real path, so the message names the real folder.)
    const copy = realpathSync(tree({ 'package.json': readFileSync(new URL('../../package.json', import.meta.url), 'utf8') }));
    cpSync(fileURLToPath(new URL('../../bin/', import.meta.url)), join(copy, 'bin'), { recursive: true });
    for (const args of [['scan', '.'], ['--version']]) {
      const r = spawnSync(process.execPath, [join(copy, 'bin', 'farleft.js'), ...args], { cwd: copy, encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`farleft: not built yet (${join(copy, 'dist')} holds no compiled CLI); run \`npm run build\` in ${copy}\n`);
    }
  });

  it('starts scan workers from the bundle as from the ES modules (--jobs 2)', () => {
    const files = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`f${i}.c`, i % 3 ? `// SPDX-License-Identifier: MIT\n// SPDX-FileCopyrightText: 2026 Jo ${i}\n` : 'int x;\n']));
    const root = tree(files);
    const bundled = runCli(['scan', root, '--format', 'json', '--jobs', '2']);
    const modules = runCli(['scan', root, '--format', 'json', '--jobs', '2'], { env: { FARLEFT_NO_BUNDLE: '1' } });
    expect(bundled.stderr).toBe('');
    expect(bundled.stdout).toBe(modules.stdout);
    expect((JSON.parse(bundled.stdout) as { summary: { withLicense: number } }).summary.withLicense).toBe(1000);
  });

  it('loads the packages it needs now and then (the YAML parser, spdx-correct) from the bundle, not from node_modules', () => {
    // A hook run before the CLI lists every module file Node loads from a node_modules folder.
    const hook = join(tree({}), 'hook.cjs');
    writeFileSync(hook, "const M = require('node:module'); const load = M._load; M._load = function (request, parent, isMain) { const file = M._resolveFilename(request, parent, isMain); if (file.includes('node_modules')) process.stderr.write('loaded ' + file + '\\n'); return load.apply(this, arguments); };");
    const env = { NODE_OPTIONS: `--require ${hook}` };
    // .farleft.yml, read with the YAML parser.
    const config = runCli(['lint', `${FIXTURES}compat/policy-project`, '--format', 'json'], { env });
    // pnpm's lock file, read with it too; and a license name that only spdx-correct reads.
    const pnpm = depsFixture('pnpm');
    expect(existsSync(join(pnpm, 'node_modules', '.pnpm'))).toBe(true);
    const root = tree({ 'package.json': JSON.stringify({ name: 'odd', license: 'MITClause' }) });
    const odd = runCli(['scan', root, '--format', 'json'], { env });
    const locked = runCli(['deps', pnpm, '--format', 'json'], { env });
    for (const r of [config, odd, locked]) expect(r.stderr.split('\n').filter((l) => l.startsWith('loaded '))).toEqual([]);
    expect(config.stdout).toContain('"findings"');
    expect(odd.stdout).toContain('a guess by spdx-correct');
    expect(locked.stdout).toContain('"packages"');
  });
});

