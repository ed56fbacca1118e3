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
  ])('%j is refused with the file and key named', (text, message) => {
    expect(() => parseConfig(text, join(process.cwd(), '.farleft.yml'))).toThrow(message);
  });
});
