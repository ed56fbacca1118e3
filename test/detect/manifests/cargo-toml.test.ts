import { describe, expect, it } from 'vitest';
import { detect, summary } from './run.js';

const cargo = (body: string): string => `[package]\nname = "demo"\nversion = "0.1.0"\n${body}\n\n[dependencies]\nserde = "1"\n`;

describe('Cargo.toml', () => {
  it.each([
    ['SPDX expression', 'license = "MIT OR Apache-2.0"', 'MIT OR Apache-2.0', 'package.license', 4, 1, []],
    ['old "/" separator', 'license = "MIT/Apache-2.0"', 'MIT OR Apache-2.0', 'package.license', 4, 0.9, ['non-spdx-declaration']],
    ['deprecated id', 'license = "GPL-2.0+"', 'GPL-2.0-or-later', 'package.license', 4, 1, ['deprecated-id']],
    ['copyfarleft', 'license = "LicenseRef-CNPL-7.0"', 'LicenseRef-CNPL-7.0', 'package.license', 4, 1, []],
    ['license-file', 'license-file = "COPYING.txt"', 'SEE LICENSE IN COPYING.txt', 'package.license-file', 4, 1, []],
    ['inherited from the workspace', 'license.workspace = true', null, null, null, null, ['workspace-license']],
    ['inline-table form of the same', 'license = { workspace = true }', null, null, null, null, ['workspace-license']],
    ['not a string', 'license = 7', null, null, null, null, ['invalid-license-field']],
    ['no license', 'edition = "2021"', null, null, null, null, []],
  ] as const)('%s', (_, body, expression, field, line, confidence, codes) => {
    expect(summary(detect('Cargo.toml', cargo(body)))).toEqual({ expression, field, line, confidence, codes: [...codes] });
  });

  it.each([
    ['MIT/Apache-2.0', 'note'],
    ['MIT / Apache-2.0 / Zlib', 'note'],
    ['GPL-2.0/MIT', 'warning'], // a deprecated id is still worth a warning
    ['MIT/Apache 2', 'warning'], // not SPDX ids: a reading of names
  ])('license = "%s" (the "/" of old Cargo manifests) is a %s', (value, severity) => {
    const d = detect('Cargo.toml', cargo(`license = "${value}"`));
    expect(d.problems).toMatchObject([{ code: 'non-spdx-declaration', severity }]);
    expect(d.declarations[0]!.expression).toMatch(/^\S+ OR /);
  });

  it('keeps "/" a warning outside Cargo, where it never meant OR', () => {
    expect(detect('package.json', '{ "license": "MIT/Apache-2.0" }').problems).toMatchObject([{ code: 'non-spdx-declaration', severity: 'warning' }]);
  });

  it('declares a workspace root license too', () => {
    const text = '[workspace]\nmembers = ["a"]\n\n[workspace.package]\nlicense = "PPL"\n';
    expect(detect('Cargo.toml', text).declarations).toMatchObject([{ expression: 'PPL', field: 'workspace.package.license', line: 5, scope: 'project' }]);
  });

  it('reads license and license-file both, as written', () => {
    const d = detect('crates/x/Cargo.toml', cargo('license = "MIT"\nlicense-file = "LICENSE"'));
    expect(d.declarations.map((x) => [x.expression, x.line, x.scope])).toEqual([
      ['MIT', 4, 'package'],
      ['SEE LICENSE IN LICENSE', 5, 'package'],
    ]);
  });

  it.each([
    ['unquoted value', 4, 'license = MIT'],
    ['unclosed string', 4, 'license = "MIT'],
    ['duplicate key', 5, 'license = "MIT"\nlicense = "ISC"'],
  ])('malformed: %s -> error at line %i', (_, line, body) => {
    const d = detect('Cargo.toml', cargo(body));
    expect(d.declarations).toEqual([]);
    expect(d.problems).toMatchObject([{ code: 'malformed-manifest', severity: 'error', file: 'Cargo.toml', line }]);
    expect(d.problems[0]!.message).toMatch(new RegExp(`^Cargo\\.toml:${line}:\\d+: `));
  });
});
