import { describe, expect, it } from 'vitest';
import { readNpmLock } from '../../src/deps/npm-locks.js';

const ids = (text: string, file: string) => {
  const read = readNpmLock(file, text);
  return { entries: read.lock?.entries.map((e) => [e.name, e.version, e.scope, e.path]), problems: read.problems.map((p) => [p.code, p.file, p.line]) };
};

describe('package-lock.json', () => {
  it('v3: packages by install path, with flags and licenses', () => {
    const text = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': { name: 'root' },
        'node_modules/a': { version: '1.0.0', license: 'MIT' },
        'node_modules/a/node_modules/@s/b': { version: '2.0.0', dev: true },
        'node_modules/o': { version: '1.0.0', optional: true },
        'node_modules/do': { version: '1.0.0', devOptional: true },
        'node_modules/p': { version: '1.0.0', peer: true },
        'node_modules/ws': { resolved: 'packages/ws', link: true },
        'packages/ws': { name: 'ws', version: '0.0.1' },
      },
    });
    expect(ids(text, 'package-lock.json').entries).toEqual([
      ['a', '1.0.0', 'prod', 'node_modules/a'],
      ['@s/b', '2.0.0', 'dev', 'node_modules/a/node_modules/@s/b'],
      ['o', '1.0.0', 'optional', 'node_modules/o'],
      ['do', '1.0.0', 'optional', 'node_modules/do'],
      ['p', '1.0.0', null, 'node_modules/p'], // peer: the graph decides (see npm.test.ts)
    ]);
    expect(readNpmLock('package-lock.json', text).lock!.entries[0]!.license).toBe('MIT');
  });

  it('v1: the nesting of dependencies is the install path', () => {
    const text = JSON.stringify({ lockfileVersion: 1, dependencies: { a: { version: '1.0.0', dependencies: { b: { version: '2.0.0', dev: true } } }, l: { version: 'file:../l' } } });
    expect(ids(text, 'package-lock.json').entries).toEqual([
      ['a', '1.0.0', 'prod', 'node_modules/a'],
      ['b', '2.0.0', 'dev', 'node_modules/a/node_modules/b'],
    ]);
  });

  it('a corrupt lock is one error naming the file and line', () => {
    expect(ids('{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": { "version": 1.0.0 }\n', 'package-lock.json')).toEqual({
      entries: undefined,
      problems: [['malformed-lock', 'package-lock.json', 4]],
    });
  });
});

describe('yarn.lock', () => {
  it('classic: specifiers and versions', () => {
    const text = '# yarn lockfile v1\n\n"@s/a@^1.0.0", "@s/a@^1.1.0":\n  version "1.2.0"\n  resolved "x"\n\nb@^2:\n  version "2.0.1"\n  dependencies:\n    c "^1"\n';
    expect(ids(text, 'yarn.lock').entries).toEqual([
      ['@s/a', '1.2.0', null, null],
      ['b', '2.0.1', null, null],
    ]);
    expect(readNpmLock('yarn.lock', text).lock!.lineOf(readNpmLock('yarn.lock', text).lock!.entries[1]!)).toBe(7);
  });

  it('berry: npm: protocol, workspaces left out', () => {
    const text = '__metadata:\n  version: 8\n\n"a@npm:^1.0.0":\n  version: 1.0.3\n  resolution: "a@npm:1.0.3"\n\n"root@workspace:.":\n  version: 0.0.0-use.local\n';
    expect(ids(text, 'yarn.lock').entries).toEqual([['a', '1.0.3', null, null]]);
  });

  it('a file: folder or tarball is locked (yarn copies it into node_modules); links and portals are not', () => {
    const classic = '"c@file:./vendor/c":\n  version "0.3.0"\n\n"l@link:./vendor/l":\n  version "0.0.0"\n';
    const berry = '"c@file:./vendor/c::locator=root%40workspace%3A.":\n  version: 0.3.0\n  resolution: "c@file:./vendor/c#./vendor/c::hash=27a34a&locator=root%40workspace%3A."\n\n"p@portal:./vendor/p::locator=root%40workspace%3A.":\n  version: 0.0.0-use.local\n';
    for (const text of [classic, berry]) expect(ids(text, 'yarn.lock').entries).toEqual([['c', '0.3.0', null, null]]);
  });

  it('the graph: dependencies and optional ones, resolved by specifier (classic and berry)', () => {
    const classic = 'a@^1:\n  version "1.0.0"\n  dependencies:\n    "@s/b" "^2"\n  optionalDependencies:\n    c "~3.0.0"\n\n"@s/b@^2":\n  version "2.1.0"\n\nc@~3.0.0:\n  version "3.0.1"\n';
    const berry =
      '__metadata:\n  version: 8\n\n"a@npm:^1":\n  version: 1.0.0\n  dependencies:\n    "@s/b": "npm:^2"\n    c: "npm:~3.0.0"\n  peerDependencies:\n    d: "*"\n  dependenciesMeta:\n    c:\n      optional: true\n\n"@s/b@npm:^2":\n  version: 2.1.0\n\n"c@npm:~3.0.0, c@patch:c@npm%3A~3.0.0#optional!builtin<compat/c>":\n  version: 3.0.1\n';
    for (const text of [classic, berry])
      expect([...readNpmLock('yarn.lock', text).lock!.graph!]).toEqual([
        ['a@1.0.0', [{ to: '@s/b@2.1.0', kind: 'prod' }, { to: 'c@3.0.1', kind: 'optional' }]],
        ['@s/b@2.1.0', []],
        ['c@3.0.1', []],
      ]);
  });

  it('an alias is locked under the name of the package it installs (classic and berry)', () => {
    const classic = '"strip@npm:strip-ansi@^6.0.1":\n  version "6.0.1"\n\n"my-s@npm:@s/a@^1":\n  version "1.0.0"\n';
    const berry = '"strip@npm:strip-ansi@^6.0.1":\n  version: 6.0.1\n  resolution: "strip-ansi@npm:6.0.1"\n\n"my-s@npm:@s/a@^1":\n  version: 1.0.0\n  resolution: "@s/a@npm:1.0.0"\n';
    for (const text of [classic, berry])
      expect(ids(text, 'yarn.lock').entries).toEqual([
        ['strip-ansi', '6.0.1', null, null],
        ['@s/a', '1.0.0', null, null],
      ]);
  });

  it('a line that is no entry is an error with its line', () => {
    expect(ids('a@^1:\n  version "1.0.0"\nthis is not yarn\n', 'yarn.lock').problems).toEqual([['malformed-lock', 'yarn.lock', 3]]);
  });
});

describe('pnpm-lock.yaml', () => {
  it.each([
    ['v5', "lockfileVersion: 5.4\npackages:\n  /a/1.0.0:\n    dev: false\n  /@s/b/2.0.0_react@18.0.0:\n    dev: true\n"],
    ['v6', "lockfileVersion: '6.0'\npackages:\n  /a@1.0.0:\n    dev: false\n  /@s/b@2.0.0(react@18.0.0):\n    dev: true\n"],
  ])('%s: names, versions and dev flags', (_, text) => {
    expect(ids(text, 'pnpm-lock.yaml').entries).toEqual([
      ['a', '1.0.0', 'prod', null],
      ['@s/b', '2.0.0', 'dev', null],
    ]);
  });

  it('v9: packages without flags; a tarball or a folder (copied into the store) by its name, with the version the lock gives', () => {
    const text =
      "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: x}\n  '@s/b@2.0.0':\n    resolution: {integrity: y}\n  c@file:../c:\n    resolution: {directory: ../c, type: directory}\n  t@file:vendor/t-1.0.0.tgz:\n    resolution: {integrity: z, tarball: file:vendor/t-1.0.0.tgz}\n    version: 1.0.0\n";
    expect(ids(text, 'pnpm-lock.yaml').entries).toEqual([
      ['a', '1.0.0', null, null],
      ['@s/b', '2.0.0', null, null],
      ['c', null, null, null],
      ['t', '1.0.0', null, null],
    ]);
  });

  it('v6: a folder is keyed by its path, with its name and version beside', () => {
    const text = "lockfileVersion: '6.0'\npackages:\n  file:vendor/c:\n    resolution: {directory: vendor/c, type: directory}\n    name: c\n    version: 0.3.0\n    dev: false\n";
    expect(ids(text, 'pnpm-lock.yaml').entries).toEqual([['c', '0.3.0', 'prod', null]]);
  });

  it.each([
    ['v5', "lockfileVersion: 5.4\npackages:\n  /a/1.0.0_react@18.0.0:\n    dependencies:\n      b: 2.0.0\n      c-alias: /c/3.0.0\n    optionalDependencies:\n      '@s/d': 4.0.0\n"],
    ['v6', "lockfileVersion: '6.0'\npackages:\n  /a@1.0.0(react@18.0.0):\n    dependencies:\n      b: 2.0.0\n      c-alias: /c@3.0.0\n    optionalDependencies:\n      '@s/d': 4.0.0\n"],
    ['v9', "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: x}\nsnapshots:\n  a@1.0.0(react@18.0.0):\n    dependencies:\n      b: 2.0.0(react@18.0.0)\n      c-alias: c@3.0.0\n      e: link:../e\n    optionalDependencies:\n      '@s/d': 4.0.0\n"],
  ])('%s: the graph, peers and aliases resolved to name@version', (_, text) => {
    expect(readNpmLock('pnpm-lock.yaml', text).lock!.graph!.get('a@1.0.0')).toEqual([
      { to: 'b@2.0.0', kind: 'prod' },
      { to: 'c@3.0.0', kind: 'prod' },
      { to: '@s/d@4.0.0', kind: 'optional' },
    ]);
  });

  it('corrupt YAML names its line', () => {
    expect(ids("lockfileVersion: '9.0'\npackages:\n  a@1.0.0: [unclosed\n", 'pnpm-lock.yaml').problems[0]).toEqual(['malformed-lock', 'pnpm-lock.yaml', 4]);
  });
});
