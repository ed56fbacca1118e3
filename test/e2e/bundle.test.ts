// The build's one-file bundle and its V8 code cache (src/build-bundle.ts, src/cli/bundle.ts):
// bin/farleft.js runs them, V8 accepts the cache, and the ES modules they are made from
// (FARLEFT_NO_BUNDLE=1) give the same bytes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

describe('the CLI bundle', () => {
  it('is built with a code cache that V8 accepts', () => {
    expect(existsSync(`${DIST}farleft.cjs`)).toBe(true);
    expect(existsSync(`${DIST}farleft.cache`)).toBe(true);
    // In a fresh node, as bin/farleft.js loads it: a rejected cache would only make every run slower.
    const probe = `import { readFileSync } from 'node:fs'; import { loadBundle } from ${JSON.stringify(`${DIST}cli/bundle.js`)};
      const { script, main } = loadBundle(${JSON.stringify(`${DIST}farleft.cjs`)}, readFileSync(${JSON.stringify(`${DIST}farleft.cache`)}));
      console.log(JSON.stringify({ rejected: script.cachedDataRejected, main: typeof main }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ rejected: false, main: 'function' });
  });

  it.each([
    [['scan', `${FIXTURES}scan`, '--format', 'json']],
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
});
