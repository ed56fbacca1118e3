// The Composer collector: vendor/composer/installed.json, composer.lock, and corrupt input.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectComposer } from '../../src/deps/composer.js';
import { NotInstalledError } from '../../src/deps/fs.js';
import { makeTree, removeTree } from '../helpers.js';
import { fixtureCopier } from './fixture.js';
import { audit, byName, codes } from './run.js';

const fixture = fixtureCopier();

describe('composer: installed.json', () => {
  const result = audit(fixture('composer'));
  it('lists installed packages with scope, directness and license', () => {
    expect(result.packages.map((p) => [p.name, p.version, p.path, p.scope, p.direct, p.installed, p.license])).toEqual([
      ['dual/licensed', '1.0.0', 'vendor/dual/licensed', 'prod', false, true, 'LGPL-2.1-only OR GPL-3.0-or-later'],
      ['gone/away', '1.0.0', null, 'prod', false, false, 'Apache-2.0'],
      ['monolog/monolog', '3.5.0', 'vendor/monolog/monolog', 'prod', true, true, 'MIT'],
      ['phpunit/phpunit', '10.5.0', 'vendor/phpunit/phpunit', 'dev', true, true, 'BSD-3-Clause'],
      ['psr/log', '3.0.0', 'vendor/psr/log', 'prod', false, true, 'MIT'],
    ]);
    expect(result.ecosystems).toEqual(['composer']);
  });

  it('falls back on installed.json when a package has no composer.json', () => {
    const p = byName(result, 'psr/log');
    expect(p.evidence[0]).toMatchObject({ source: 'lock', file: 'vendor/composer/installed.json', expression: 'MIT' });
    expect(p.problems.map((x) => [x.code, x.severity])).toEqual([['no-manifest', 'note']]);
  });

  it('compares composer.lock with what is installed', () => {
    expect(result.problems.map((p) => [p.code, p.file])).toEqual([['lock-mismatch', 'composer.lock']]);
    expect(codes(byName(result, 'gone/away'))).toEqual(['not-installed']);
  });

  it('a corrupt installed.json is an error naming the file and line', () => {
    const root = fixture('composer');
    writeFileSync(join(root, 'vendor/composer/installed.json'), '{\n  "packages": [\n    { "name": "a/b", }\n  ]\n}\n');
    const r = audit(root);
    expect(r.problems.map((p) => [p.code, p.file, p.line])).toContainEqual(['malformed-lock', 'vendor/composer/installed.json', 3]);
  });

  it('no vendor/: says to run composer install', () => {
    const root = makeTree({ 'composer.json': '{"require":{"monolog/monolog":"^3"}}' });
    expect(() => collectComposer(root)).toThrowError(NotInstalledError);
    expect(() => collectComposer(root)).toThrowError(/run composer install first/);
    removeTree(root);
  });
});
