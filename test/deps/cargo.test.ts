// The Cargo collector: Cargo.lock with vendor/, with a registry cache, and a corrupt lock.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectCargo } from '../../src/deps/cargo.js';
import { NotInstalledError } from '../../src/deps/fs.js';
import { fixtureCopier, FIXTURES } from './fixture.js';
import { audit, byName, codes } from './run.js';

const fixture = fixtureCopier();

// The name and version were read by a regular expression that, on a long run of spaces in a value, is quadratic.
it("reads the project's name from its Cargo.toml in one pass over a hostile line", () => {
  const root = fixture('cargo');
  const toml = readFileSync(join(root, 'Cargo.toml'), 'utf8').replace('version = "0.1.0"', `version = 0${' '.repeat(300_000)}x`);
  writeFileSync(join(root, 'Cargo.toml'), toml);
  expect(audit(root).project.name).toBe('ledger-cli');
});

describe('cargo: vendor/', () => {
  const result = audit(fixture('cargo'));
  it('lists each locked crate with its license', () => {
    expect(result.packages.map((p) => [p.name, p.version, p.path, p.scope, p.direct, p.declared, p.license])).toEqual([
      ['serde', '1.0.197', 'vendor/serde', 'prod', true, 'MIT OR Apache-2.0', 'MIT OR Apache-2.0'],
      ['serde_derive', '1.0.197', null, 'prod', false, null, 'NOASSERTION'],
      ['tempfile', '3.10.1', 'vendor/tempfile', 'dev', true, 'SEE LICENSE IN COPYING', 'MIT'],
    ]);
    expect(result.ecosystems).toEqual(['cargo']);
  });

  it('a locked crate that is not on disk is listed as not installed', () => {
    expect(byName(result, 'serde_derive').problems[0]).toMatchObject({ code: 'not-installed', file: 'Cargo.lock', severity: 'warning' });
  });

  it('reads both license files of a dual-licensed crate', () => {
    expect(byName(result, 'serde').detected.map((d) => [d.file, d.expression])).toEqual([
      ['vendor/serde/LICENSE-APACHE', 'Apache-2.0'],
      ['vendor/serde/LICENSE-MIT', 'MIT'],
    ]);
  });
});

describe('cargo: $CARGO_HOME/registry/src', () => {
  it('finds the unpacked crate in the registry cache', () => {
    const result = audit(fixture('cargo-registry'), { env: { CARGO_HOME: join(FIXTURES, 'cargo-home') } });
    expect(result.packages.map((p) => [p.name, p.path, p.license, codes(p)])).toEqual([
      ['itoa', '$CARGO_HOME/registry/src/index.crates.io-6f17d22bba15001f/itoa-1.0.10', 'MIT OR Apache-2.0', []],
    ]);
  });

  it('nothing on disk: says what to run', () => {
    expect(() => collectCargo(fixture('cargo-registry'), { env: { CARGO_HOME: '/nonexistent' } })).toThrowError(NotInstalledError);
  });
});

describe('cargo: a corrupt Cargo.lock', () => {
  it('is an error naming the file and line; the audit goes on', () => {
    const result = audit(fixture('cargo-corrupt'));
    expect(result.packages).toEqual([]);
    expect(result.problems.map((p) => [p.code, p.severity, p.file, p.line])).toEqual([['malformed-lock', 'error', 'Cargo.lock', 5]]);
  });
});
