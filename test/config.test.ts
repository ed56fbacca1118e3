import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findConfig, loadConfig, parseConfig } from '../src/config.js';
import { makeTree, removeTree } from './helpers.js';

const root = makeTree({ '.farleft.yml': 'license: PPL\ncopyright: 2026 Example Collective\nexclude: [vendor/]\n', a: { b: { 'x.txt': 'x' } } });
afterAll(() => removeTree(root));

describe('.farleft.yml', () => {
  it('is found by walking up from the scanned folder', () => {
    expect(findConfig(join(root, 'a', 'b'))).toBe(join(root, '.farleft.yml'));
    expect(loadConfig(join(root, 'a'))).toMatchObject({ license: 'PPL', copyright: ['2026 Example Collective'], exclude: ['vendor/'], dir: root });
  });

  it('reads the licensee and the policy', () => {
    const text = 'licensee:\n  kind: worker-cooperative\n  commercial: true\npolicy:\n  deny: [proprietary]\n  exceptions:\n    - package: left-pad\n      license: WTFPL\n      reason: reviewed 2026-11\n';
    expect(parseConfig(text, '.farleft.yml')).toMatchObject({
      licensee: { kind: 'worker-cooperative', commercial: true },
      policy: { deny: ['proprietary'], exceptions: [{ package: 'left-pad', license: 'WTFPL', reason: 'reviewed 2026-11' }] },
    });
  });

  it('accepts an empty file', () => {
    expect(parseConfig('', '.farleft.yml')).toMatchObject({ file: '.farleft.yml' });
  });

  it.each([
    ['licnese: PPL\n', /\.farleft\.yml: licnese: unknown key .*did you mean license\?/],
    ['license: 3\n', /\.farleft\.yml: license: expected a non-empty string/],
    ['exclude: vendor\n', /\.farleft\.yml: exclude: expected a list of strings/],
    ['copyright: [1, 2]\n', /copyright: expected a string or a list of strings/],
    ['- a\n- b\n', /expected a mapping/],
    ['license: [unclosed\n', /\.farleft\.yml: line \d+: /],
    ['licensee:\n  kind: corporation\n', /licensee\.kind: expected one of worker-cooperative, collective/],
    ['licensee:\n  comercial: true\n', /licensee\.comercial: unknown key .*did you mean commercial\?/],
    ['policy:\n  exceptions:\n    - path: vendor/**\n      license: GPL-3.0-only\n', /policy\.exceptions\.0\.reason: required/],
    ['deps:\n  context: vendored\n', /deps\.context: expected one of bundle, link, network, aggregate/],
    ['policy:\n  exceptions:\n    - license: MIT\n      reason: ok\n', /policy\.exceptions\.0\.path: an exception needs a path or a package/],
    // A "billion laughs" file: each level repeats the one before nine times (9^7 strings if expanded).
    [`a: &a [x, x, x, x, x, x, x, x, x]\n${['b', 'c', 'd', 'e', 'f', 'g'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`).join('\n')}\nexclude: *g\n`, /\.farleft\.yml: .*alias/i],
  ])('%j is refused with the file and key named', (text, message) => {
    expect(() => parseConfig(text, join(process.cwd(), '.farleft.yml'))).toThrow(message);
  });
});
