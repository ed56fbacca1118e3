// The Cargo collector: Cargo.lock with vendor/, with a registry cache, and a corrupt lock.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectCargo } from '../../src/deps/cargo.js';
import { NotInstalledError } from '../../src/deps/fs.js';
import { spdxText } from '../detect/license-text/corpus.js';
import { makeTree, removeTree } from '../helpers.js';
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

// Debian's directory source (/usr/share/cargo/registry) names a crate without its version's build metadata.
it('finds a vendored crate whose folder name leaves out the build metadata of its version', () => {
  const lock = (v: string): string => `version = 3\n\n[[package]]\nname = "app"\nversion = "0.1.0"\ndependencies = [\n "bzip2-sys",\n]\n\n[[package]]\nname = "bzip2-sys"\nversion = "${v}"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n`;
  const crate = { 'Cargo.toml': '[package]\nname = "bzip2-sys"\nversion = "0.1.11+1.0.8"\nlicense = "MIT/Apache-2.0"\n', 'LICENSE-MIT': spdxText('MIT'), 'LICENSE-APACHE': '../LICENSE-APACHE' };
  const root = makeTree({ 'Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\n', 'Cargo.lock': lock('0.1.11+1.0.8'), vendor: { 'bzip2-sys-0.1.11': crate } });
  try {
    const found = (): unknown[] => audit(root).packages.map((p) => [p.name, p.version, p.path, p.license]);
    expect(found()).toEqual([['bzip2-sys', '0.1.11+1.0.8', 'vendor/bzip2-sys-0.1.11', 'MIT OR Apache-2.0']]);
    // Its LICENSE-APACHE is a symbolic link saved as a file (opener 0.5.0's, as Debian ships it): a note the audit keeps.
    expect(codes(byName(audit(root), 'bzip2-sys'))).toEqual(['license-file-is-a-link', 'non-spdx-declaration']);
    // Another version is not this one: nothing of the lock is on disk.
    writeFileSync(join(root, 'Cargo.lock'), lock('0.1.12+1.0.8'));
    expect(found).toThrowError(NotInstalledError);
  } finally {
    removeTree(root);
  }
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
