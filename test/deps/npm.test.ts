// The npm collector on real node_modules trees (fixtures/deps/npm-*, pnpm, yarn*).
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectNpm } from '../../src/deps/npm.js';
import { InputError } from '../../src/errors.js';
import { makeTree, removeTree } from '../helpers.js';
import { fixtureCopier } from './fixture.js';
import { audit, byName, codes } from './run.js';

const fixture = fixtureCopier();

describe('npm: node_modules with package-lock.json v3', () => {
  const result = audit(fixture('npm-basic'));
  const row = (name: string, version?: string) => {
    const p = byName(result, name, version);
    return [p.path, p.version, p.scope, p.direct, p.installed, p.declared, p.license];
  };

  it.each([
    ['left-pad', undefined, ['node_modules/left-pad', '1.3.0', 'prod', true, true, 'MIT', 'MIT']],
    ['pad-core', '2.0.0', ['node_modules/left-pad/node_modules/pad-core', '2.0.0', 'prod', false, true, 'ISC', 'ISC']],
    ['pad-core', '1.0.0', ['node_modules/pad-core', '1.0.0', 'prod', false, true, 'ISC', 'ISC']],
    ['@coop/legacy', undefined, ['node_modules/@coop/legacy', '2.0.0', 'prod', true, true, 'MIT OR Apache-2.0', 'MIT OR Apache-2.0']],
    ['seefile', undefined, ['node_modules/seefile', '1.0.0', 'prod', true, true, 'SEE LICENSE IN TERMS.txt', 'ISC']],
    ['gpl-tool', undefined, ['node_modules/gpl-tool', '1.0.0', 'dev', true, true, 'GPL-3.0-only', 'GPL-3.0-only']],
    ['fsevents-like', undefined, [null, '1.0.0', 'optional', true, false, 'MIT', 'MIT']],
    ['missing-runtime', undefined, [null, '3.0.0', 'prod', false, false, 'Apache-2.0', 'Apache-2.0']],
    ['corrupt', undefined, ['node_modules/corrupt', '1.0.0', 'prod', true, true, null, 'MIT']],
  ] as const)('%s %s', (name, version, expected) => {
    expect(row(name, version)).toEqual(expected);
  });

  it('reads the legacy licenses array as a choice, not as unlicensed', () => {
    const p = byName(result, '@coop/legacy');
    expect(p.detected.map((d) => d.expression).sort()).toEqual(['Apache-2.0', 'MIT']);
    expect(codes(p)).toEqual(['legacy-license-field']);
  });

  it.each([
    ['conflict', ['declared-vs-text-conflict'], 'MIT AND Apache-2.0'],
    ['nolicense', ['no-license'], 'NOASSERTION'],
    ['unknown', ['unknown-text'], 'NOASSERTION'],
    ['nonspdx', ['non-spdx-declaration'], 'Apache-2.0'],
    ['deprecated', ['deprecated-id'], 'GPL-2.0-or-later'],
    ['corrupt', ['malformed-manifest'], 'MIT'],
  ])('%s: %j', (name, expected, license) => {
    const p = byName(result, name);
    expect([codes(p), p.license]).toEqual([expected, license]);
  });

  it('names the files in each problem', () => {
    expect(byName(result, 'conflict').problems[0]).toMatchObject({ file: 'node_modules/conflict/package.json', line: 4 });
    expect(byName(result, 'unknown').problems[0]).toMatchObject({ file: 'node_modules/unknown/LICENSE' });
    expect(byName(result, 'corrupt').problems[0]).toMatchObject({ file: 'node_modules/corrupt/package.json', line: 4, severity: 'error' });
    expect(byName(result, 'missing-runtime').problems[0]).toMatchObject({ code: 'not-installed', severity: 'warning', file: 'package-lock.json' });
    expect(byName(result, 'fsevents-like').problems[0]).toMatchObject({ code: 'not-installed', severity: 'note' });
  });

  it('reports where the lock and the install disagree', () => {
    const lockProblems = result.problems.filter((p) => p.file === 'package-lock.json').map((p) => [p.code, p.message.split(' ')[0]]);
    expect(lockProblems).toEqual([
      ['not-in-lock', 'node_modules/extraneous'],
      ['lock-mismatch', 'package-lock.json'],
    ]);
    expect(result.problems.find((p) => p.code === 'lock-mismatch')!.message).toContain('at 1.9.0, but 2.0.0 is installed');
  });

  it('lists a folder without package.json, with a problem, and reads its license file', () => {
    const p = byName(result, 'no-manifest');
    expect([p.version, p.license, codes(p)]).toEqual(['1.0.0', 'MIT', []]); // the version from the lock
    expect(result.problems.find((x) => x.code === 'no-manifest')).toMatchObject({ file: 'node_modules/no-manifest' });
  });

  it('notes a dependency cycle and audits each package once', () => {
    expect(result.problems.filter((p) => p.code === 'dependency-cycle').map((p) => p.message)).toEqual([
      'cycle-a → cycle-b → cycle-a depend on each other in a cycle; each is audited once',
    ]);
    expect(result.packages.filter((p) => p.name.startsWith('cycle-')).map((p) => p.dependsOn)).toEqual([['node_modules/cycle-b'], ['node_modules/cycle-a']]);
  });

  it('keeps copyright lines from the license files', () => {
    expect(byName(result, 'left-pad').copyright).toEqual(['2018 Left Pad Collective <pad@example.org>']);
  });
});

describe.each(['npm-lock-v1', 'npm-lock-v2'])('npm: %s', (name) => {
  it('marks nested copies, dev and direct from the lock and the tree', () => {
    const result = audit(fixture(name));
    expect(result.packages.map((p) => [p.name, p.version, p.path, p.scope, p.direct, p.license])).toEqual([
      ['devtool', '1.0.0', 'node_modules/devtool', 'dev', true, 'Apache-2.0'],
      ['inner', '1.0.0', 'node_modules/inner', 'dev', false, 'BSD-2-Clause'],
      ['inner', '2.0.0', 'node_modules/outer/node_modules/inner', 'prod', false, 'BSD-2-Clause'],
      ['outer', '1.0.0', 'node_modules/outer', 'prod', true, 'MIT'],
    ]);
    expect(result.problems).toEqual([]);
  });
});

describe('npm: workspaces and links', () => {
  it('audits what the workspaces need, not the workspaces themselves', () => {
    const result = audit(fixture('npm-workspaces'));
    expect(result.packages.map((p) => [p.name, p.scope, p.direct])).toEqual([
      ['lib-x', 'prod', true],
      ['lib-y', 'prod', true],
      ['test-kit', 'dev', true],
    ]);
    expect(result.project.license).toBe('PPL');
  });

  // A regular expression made of this pattern backtracks without end on a long folder name.
  it('matches a hostile workspace pattern against folder names in linear time', () => {
    const root = fixture('npm-workspaces');
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'ws-root', version: '1.0.0', private: true, license: 'PPL', workspaces: ['packages/app', 'packages/util', `packages/${'*a'.repeat(14)}*b`] }));
    mkdirSync(join(root, 'packages', 'a'.repeat(250)));
    expect(audit(root).packages.map((p) => [p.name, p.scope, p.direct])).toEqual([
      ['lib-x', 'prod', true],
      ['lib-y', 'prod', true],
      ['test-kit', 'dev', true],
    ]);
  });

  it('does not follow a link out of the root, and says so', () => {
    const root = fixture('npm-workspaces');
    const outside = makeTree({ 'package.json': '{"name":"elsewhere","version":"1.0.0","license":"GPL-3.0-only"}' });
    symlinkSync(outside, join(root, 'node_modules', 'elsewhere'));
    const result = audit(root);
    removeTree(outside);
    expect(result.packages.map((p) => p.name)).not.toContain('elsewhere');
    expect(result.problems.find((p) => p.code === 'link-outside-root')).toMatchObject({ file: 'node_modules/elsewhere', severity: 'warning' });
  });

  it('does not read a workspace folder that is a link out of the root', () => {
    const root = fixture('npm-workspaces');
    const outside = makeTree({ 'package.json': '{"name":"@ws/far","version":"1.0.0","dependencies":{"lib-x":"1"}}' });
    symlinkSync(outside, join(root, 'packages', 'far'));
    const result = audit(root);
    removeTree(outside);
    expect(result.problems.find((p) => p.code === 'link-outside-root')).toMatchObject({ file: 'packages/far', severity: 'warning' });
    expect(result.packages.map((p) => p.name)).toEqual(['lib-x', 'lib-y', 'test-kit']);
  });

  it('never reads a package.json that is a link (it could point anywhere)', () => {
    const root = fixture('npm-lock-v2');
    const secret = makeTree({ 'secret.txt': 'root:x:0:0:very secret\n' });
    rmSync(join(root, 'node_modules', 'devtool', 'package.json'));
    symlinkSync(join(secret, 'secret.txt'), join(root, 'node_modules', 'devtool', 'package.json'));
    const result = audit(root);
    removeTree(secret);
    expect(JSON.stringify(result)).not.toContain('very secret');
    expect(result.problems.find((p) => p.code === 'manifest-not-a-file')).toMatchObject({ file: 'node_modules/devtool/package.json' });
  });

  it('never reads a license file that is a link, even one the manifest names', () => {
    const root = fixture('npm-basic');
    const secret = makeTree({ 'secret.txt': 'very secret\n' });
    rmSync(join(root, 'node_modules', 'seefile', 'TERMS.txt'));
    symlinkSync(join(secret, 'secret.txt'), join(root, 'node_modules', 'seefile', 'TERMS.txt'));
    const result = audit(root, { withTexts: true });
    removeTree(secret);
    expect(JSON.stringify(result)).not.toContain('very secret');
    expect(byName(result, 'seefile').problems.map((p) => [p.code, p.file])).toContainEqual(['license-file-not-a-file', 'node_modules/seefile/TERMS.txt']);
  });

  it('survives a link that loops back into the tree', () => {
    const root = fixture('npm-lock-v2');
    mkdirSync(join(root, 'node_modules', 'outer', 'node_modules', 'loop'), { recursive: true });
    rmSync(join(root, 'node_modules', 'outer', 'node_modules', 'loop'), { recursive: true });
    symlinkSync('../../..', join(root, 'node_modules', 'outer', 'node_modules', 'loop'));
    const result = audit(root);
    expect(result.packages.map((p) => p.name)).toEqual(['devtool', 'inner', 'inner', 'outer']);
  });
});

describe('npm: hostile trees', () => {
  it('walks a node_modules that is a link back up the tree once, at its real path', () => {
    const root = fixture('npm-lock-v2');
    rmSync(join(root, 'node_modules', 'outer', 'node_modules'), { recursive: true });
    symlinkSync('..', join(root, 'node_modules', 'outer', 'node_modules'));
    const result = audit(root);
    // Without the real path, each package came back once per level, down to the depth limit.
    expect(result.packages.map((p) => p.path)).toEqual(['node_modules/devtool', 'node_modules/inner', 'node_modules/outer']);
    expect(result.problems.map((p) => p.code)).not.toContain('tree-too-deep');
  });

  it('reads the first 64 entries of a huge licenses list, a manifest longer than one read, and names a folder it cannot open', () => {
    const manifest = (name: string, extra: Record<string, unknown>) => JSON.stringify({ name, version: '1.0.0', ...extra });
    const root = makeTree({
      'package.json': manifest('root', { dependencies: { many: '1', big: '1' } }),
      node_modules: {
        many: { 'package.json': manifest('many', { licenses: Array.from({ length: 20_000 }, (_, i) => ({ type: i % 2 ? 'MIT' : 'ISC' })) }) },
        big: { 'package.json': manifest('big', { license: 'Apache-2.0', contributors: Array.from({ length: 30_000 }, (_, i) => `Person ${i} <p${i}@example.org>`) }) },
      },
    });
    let latin1 = true;
    try {
      mkdirSync(Buffer.from(join(root, 'node_modules', 'caf\xe9'), 'latin1'));
    } catch {
      latin1 = false; // a file system that takes only UTF-8 names
    }
    const result = audit(root);
    removeTree(root);
    const many = byName(result, 'many');
    expect(many.declared).toBe('ISC OR MIT');
    expect(many.problems).toContainEqual(expect.objectContaining({ code: 'license-list-too-long', severity: 'warning' }));
    expect(byName(result, 'big').declared).toBe('Apache-2.0');
    if (latin1) expect(result.problems).toContainEqual(expect.objectContaining({ code: 'name-not-utf8', file: 'node_modules/caf\uFFFD' }));
  });
});

describe('npm: pnpm layout', () => {
  const result = audit(fixture('pnpm'));
  it('reads the store once per package and follows its links', () => {
    expect(result.packages.map((p) => [p.name, p.version, p.path, p.scope, p.direct, p.license])).toEqual([
      ['@scope/gamma', '3.0.0', 'node_modules/.pnpm/@scope+gamma@3.0.0/node_modules/@scope/gamma', 'dev', true, 'MIT'],
      ['alpha', '1.0.0', 'node_modules/.pnpm/alpha@1.0.0/node_modules/alpha', 'prod', true, 'MIT'],
      ['beta', '2.0.0', 'node_modules/.pnpm/beta@2.0.0/node_modules/beta', 'prod', false, 'ISC'],
      ['delta', '4.0.0', null, 'prod', false, 'NOASSERTION'],
    ]);
    expect(byName(result, 'alpha').dependsOn).toEqual(['node_modules/.pnpm/beta@2.0.0/node_modules/beta']);
    expect(codes(byName(result, 'delta'))).toEqual(['not-installed']);
  });
});

describe('npm: yarn.lock', () => {
  it('compares the install with the lock by name and version', () => {
    const result = audit(fixture('yarn'));
    expect(result.packages.map((p) => [p.name, p.version, p.installed])).toEqual([
      ['kappa', '1.2.0', true],
      ['lambda', '2.0.5', true],
      ['mu', '1.0.0', false],
      ['nu', '0.0.1', true],
    ]);
    expect(result.problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['not-in-lock', 'yarn.lock', null],
      ['lock-mismatch', 'yarn.lock', 12],
    ]);
  });
});

// A dev dependency's binary for another platform and a workspace's optional dependency for macOS are locked but
// not installed: yarn.lock and pnpm-lock.yaml mark no dev dependencies, so the scope comes from the lock's graph.
describe('npm: packages locked for another platform (yarn.lock, pnpm-lock.yaml)', () => {
  const yarnClassic = `# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
# yarn lockfile v1


"@bundler/darwin-arm64@0.21.5":
  version "0.21.5"
  resolved "https://registry.yarnpkg.com/@bundler/darwin-arm64/-/darwin-arm64-0.21.5.tgz#a1"
  integrity sha512-AAAA

"@bundler/linux-x64@0.21.5":
  version "0.21.5"
  resolved "https://registry.yarnpkg.com/@bundler/linux-x64/-/linux-x64-0.21.5.tgz#b2"
  integrity sha512-BBBB

app-lib@^1.0.0:
  version "1.0.0"
  resolved "https://registry.yarnpkg.com/app-lib/-/app-lib-1.0.0.tgz#c3"
  integrity sha512-CCCC

bundler@^0.21.5:
  version "0.21.5"
  resolved "https://registry.yarnpkg.com/bundler/-/bundler-0.21.5.tgz#d4"
  integrity sha512-DDDD
  optionalDependencies:
    "@bundler/darwin-arm64" "0.21.5"
    "@bundler/linux-x64" "0.21.5"

watcher@^2.3.3:
  version "2.3.3"
  resolved "https://registry.yarnpkg.com/watcher/-/watcher-2.3.3.tgz#e5"
  integrity sha512-EEEE
`;
  const yarnBerry = `# This file is generated by running "yarn install" inside your project.
# Manual changes might be lost - proceed with caution!

__metadata:
  version: 8
  cacheKey: 10c0

"@bundler/darwin-arm64@npm:0.21.5":
  version: 0.21.5
  resolution: "@bundler/darwin-arm64@npm:0.21.5"
  conditions: os=darwin & cpu=arm64
  languageName: node
  linkType: hard

"@bundler/linux-x64@npm:0.21.5":
  version: 0.21.5
  resolution: "@bundler/linux-x64@npm:0.21.5"
  conditions: os=linux & cpu=x64
  languageName: node
  linkType: hard

"app-lib@npm:^1.0.0":
  version: 1.0.0
  resolution: "app-lib@npm:1.0.0"
  languageName: node
  linkType: hard

"bundler@npm:^0.21.5":
  version: 0.21.5
  resolution: "bundler@npm:0.21.5"
  dependencies:
    "@bundler/darwin-arm64": "npm:0.21.5"
    "@bundler/linux-x64": "npm:0.21.5"
  dependenciesMeta:
    "@bundler/darwin-arm64":
      optional: true
    "@bundler/linux-x64":
      optional: true
  languageName: node
  linkType: hard

"node-gyp@npm:latest":
  version: 11.0.0
  resolution: "node-gyp@npm:11.0.0"
  languageName: node
  linkType: hard

"root@workspace:.":
  version: 0.0.0-use.local
  resolution: "root@workspace:."
  dependencies:
    app-lib: "npm:^1.0.0"
    bundler: "npm:^0.21.5"
  languageName: unknown
  linkType: soft

"w@workspace:packages/w":
  version: 0.0.0-use.local
  resolution: "w@workspace:packages/w"
  dependencies:
    watcher: "npm:^2.3.3"
  dependenciesMeta:
    watcher:
      optional: true
  languageName: unknown
  linkType: soft

"watcher@npm:^2.3.3":
  version: 2.3.3
  resolution: "watcher@npm:2.3.3"
  dependencies:
    node-gyp: "npm:latest"
  conditions: os=darwin
  languageName: node
  linkType: hard
`;
  const pnpm = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    dependencies:
      app-lib:
        specifier: ^1.0.0
        version: 1.0.0
    devDependencies:
      bundler:
        specifier: ^0.21.5
        version: 0.21.5

  packages/w:
    optionalDependencies:
      watcher:
        specifier: ^2.3.3
        version: 2.3.3

packages:

  '@bundler/darwin-arm64@0.21.5':
    resolution: {integrity: sha512-AAAA}
    cpu: [arm64]
    os: [darwin]

  '@bundler/linux-x64@0.21.5':
    resolution: {integrity: sha512-BBBB}
    cpu: [x64]
    os: [linux]

  app-lib@1.0.0:
    resolution: {integrity: sha512-CCCC}

  bundler@0.21.5:
    resolution: {integrity: sha512-DDDD}

  watcher@2.3.3:
    resolution: {integrity: sha512-EEEE}
    os: [darwin]

snapshots:

  '@bundler/darwin-arm64@0.21.5':
    optional: true

  '@bundler/linux-x64@0.21.5':
    optional: true

  app-lib@1.0.0: {}

  bundler@0.21.5:
    optionalDependencies:
      '@bundler/darwin-arm64': 0.21.5
      '@bundler/linux-x64': 0.21.5

  watcher@2.3.3:
    optional: true
`;
  const manifest = (name: string, version: string, extra: Record<string, unknown> = {}) => JSON.stringify({ name, version, license: 'MIT', ...extra });
  const tree = (lockFile: string, lock: string) =>
    makeTree({
      'package.json': manifest('root', '1.0.0', { workspaces: ['packages/*'], dependencies: { 'app-lib': '^1.0.0' }, devDependencies: { bundler: '^0.21.5' } }),
      ...(lockFile === 'pnpm-lock.yaml' ? { 'pnpm-workspace.yaml': 'packages:\n  - packages/*\n' } : {}),
      [lockFile]: lock,
      packages: { w: { 'package.json': manifest('w', '0.0.0', { optionalDependencies: { watcher: '^2.3.3' } }) } },
      node_modules: {
        'app-lib': { 'package.json': manifest('app-lib', '1.0.0') },
        bundler: { 'package.json': manifest('bundler', '0.21.5', { optionalDependencies: { '@bundler/darwin-arm64': '0.21.5', '@bundler/linux-x64': '0.21.5' } }) },
        '@bundler': { 'linux-x64': { 'package.json': manifest('@bundler/linux-x64', '0.21.5', { os: ['linux'], cpu: ['x64'] }) } },
      },
    });

  it.each([
    ['yarn.lock', yarnClassic, []],
    ['yarn.lock', yarnBerry, [['node-gyp', 'optional', false, 'note']]],
    ['pnpm-lock.yaml', pnpm, []],
  ])('%s: dev and optional, as what needs them', (lockFile, lock, more) => {
    const root = tree(lockFile, lock);
    const result = audit(root);
    removeTree(root);
    expect(result.packages.filter((p) => !p.installed).map((p) => [p.name, p.scope, p.direct, p.problems.find((x) => x.code === 'not-installed')?.severity])).toEqual([
      ['@bundler/darwin-arm64', 'dev', false, 'note'],
      ...more,
      ['watcher', 'optional', true, 'note'],
    ]);
    expect(result.packages.filter((p) => p.installed).map((p) => [p.name, p.scope, p.direct])).toEqual([
      ['@bundler/linux-x64', 'dev', false],
      ['app-lib', 'prod', true],
      ['bundler', 'dev', true],
    ]);
  });

  it.each([
    ['yarn.lock', yarnClassic, 'watcher@^2.3.3:'],
    ['yarn.lock', yarnBerry, '"watcher@npm:^2.3.3":'],
    ['pnpm-lock.yaml', pnpm, '  watcher@2.3.3:'],
  ])('%s: the not-installed problem names the lock and the line', (lockFile, lock, entry) => {
    const root = tree(lockFile, lock);
    const result = audit(root);
    removeTree(root);
    expect(byName(result, 'watcher').problems).toMatchObject([
      { code: 'not-installed', file: lockFile, line: lock.split('\n').indexOf(entry) + 1, message: `watcher 2.3.3 is listed in ${lockFile} but not installed (optional: perhaps for another platform); its license is unknown` },
    ]);
  });
});

describe('npm: an alias (yarn.lock)', () => {
  it.each([
    ['classic', '# yarn lockfile v1\n\n\n"strip@npm:strip-ansi@^6.0.1":\n  version "6.0.1"\n  resolved "https://registry.yarnpkg.com/strip-ansi/-/strip-ansi-6.0.1.tgz#9e26"\n  integrity sha512-AAAA\n'],
    ['berry', '__metadata:\n  version: 8\n  cacheKey: 10c0\n\n"root@workspace:.":\n  version: 0.0.0-use.local\n  resolution: "root@workspace:."\n  dependencies:\n    strip: "npm:strip-ansi@^6.0.1"\n  languageName: unknown\n  linkType: soft\n\n"strip@npm:strip-ansi@^6.0.1":\n  version: 6.0.1\n  resolution: "strip-ansi@npm:6.0.1"\n  languageName: node\n  linkType: hard\n'],
  ])('%s: node_modules/strip holds strip-ansi, as locked', (_, lock) => {
    const root = makeTree({
      'package.json': '{"name":"root","version":"1.0.0","license":"MIT","dependencies":{"strip":"npm:strip-ansi@^6.0.1"}}',
      'yarn.lock': lock,
      node_modules: { strip: { 'package.json': '{"name":"strip-ansi","version":"6.0.1","license":"MIT"}' } },
    });
    const result = audit(root);
    removeTree(root);
    expect(result.packages.map((p) => [p.name, p.version, p.path, p.direct, p.installed])).toEqual([['strip-ansi', '6.0.1', 'node_modules/strip', true, true]]);
    expect(result.problems).toEqual([]);
  });
});

describe('npm: peer dependencies', () => {
  it("a package npm installed only for a dependency's peerDependencies is needed at run time; the project's own peers are peer", () => {
    const root = makeTree({
      'package.json': '{"name":"root","version":"1.0.0","license":"MIT","dependencies":{"react-dom":"^18"},"peerDependencies":{"typescript":"^5","eslint":"^9"},"devDependencies":{"eslint":"^9"}}',
      'package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        packages: {
          '': { name: 'root', version: '1.0.0', dependencies: { 'react-dom': '^18' }, peerDependencies: { typescript: '^5' } },
          'node_modules/react-dom': { version: '18.3.1', license: 'MIT', peerDependencies: { react: '^18.3.1' } },
          // npm's flag: installed only for peerDependencies, the project's and react-dom's alike.
          'node_modules/react': { version: '18.3.1', license: 'MIT', peer: true },
          'node_modules/typescript': { version: '5.4.5', license: 'Apache-2.0', peer: true },
          // A peer the project also lists for development: npm's dev, yet the project's users need it.
          'node_modules/eslint': { version: '9.0.0', license: 'MIT', dev: true },
        },
      }),
      node_modules: {
        'react-dom': { 'package.json': '{"name":"react-dom","version":"18.3.1","license":"MIT","peerDependencies":{"react":"^18.3.1"}}' },
        react: { 'package.json': '{"name":"react","version":"18.3.1","license":"MIT"}' },
        typescript: { 'package.json': '{"name":"typescript","version":"5.4.5","license":"Apache-2.0"}' },
        eslint: { 'package.json': '{"name":"eslint","version":"9.0.0","license":"MIT"}' },
      },
    });
    const result = audit(root);
    removeTree(root);
    expect(result.packages.map((p) => [p.name, p.scope, p.direct])).toEqual([
      ['eslint', 'peer', true],
      ['react', 'prod', false],
      ['react-dom', 'prod', true],
      ['typescript', 'peer', true],
    ]);
  });
});

describe('npm: a file: folder and tarball, copied into node_modules (pnpm, yarn)', () => {
  const manifest = '{"name":"root","version":"1.0.0","license":"MIT","dependencies":{"localpkg":"file:./vendor/localpkg","tarpkg":"file:./vendor/tarpkg-1.0.0.tgz"}}';
  const local = '{"name":"localpkg","version":"0.3.0","license":"ISC"}';
  const tar = '{"name":"tarpkg","version":"1.0.0","license":"Apache-2.0"}';
  const expectClean = (root: string, paths: string[]) => {
    const result = audit(root);
    removeTree(root);
    expect(result.packages.map((p) => [p.name, p.version, p.path, p.installed])).toEqual([
      ['localpkg', '0.3.0', paths[0], true],
      ['tarpkg', '1.0.0', paths[1], true],
    ]);
    expect(result.problems).toEqual([]);
  };

  it('pnpm 9: the store copies, locked by name (a folder without a version)', () => {
    const lock =
      "lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n  excludeLinksFromLockfile: false\n\nimporters:\n\n  .:\n    dependencies:\n      localpkg:\n        specifier: file:./vendor/localpkg\n        version: file:vendor/localpkg\n      tarpkg:\n        specifier: file:./vendor/tarpkg-1.0.0.tgz\n        version: file:vendor/tarpkg-1.0.0.tgz\n\npackages:\n\n  localpkg@file:vendor/localpkg:\n    resolution: {directory: vendor/localpkg, type: directory}\n\n  tarpkg@file:vendor/tarpkg-1.0.0.tgz:\n    resolution: {integrity: sha512-AAAA, tarball: file:vendor/tarpkg-1.0.0.tgz}\n    version: 1.0.0\n\nsnapshots:\n\n  localpkg@file:vendor/localpkg: {}\n\n  tarpkg@file:vendor/tarpkg-1.0.0.tgz: {}\n";
    const store = { 'localpkg@file+vendor+localpkg': { node_modules: { localpkg: { 'package.json': local } } }, 'tarpkg@file+vendor+tarpkg-1.0.0.tgz': { node_modules: { tarpkg: { 'package.json': tar } } } };
    const root = makeTree({ 'package.json': manifest, 'pnpm-lock.yaml': lock, vendor: { localpkg: { 'package.json': local } }, node_modules: { '.pnpm': store } });
    symlinkSync('.pnpm/localpkg@file+vendor+localpkg/node_modules/localpkg', join(root, 'node_modules', 'localpkg'));
    symlinkSync('.pnpm/tarpkg@file+vendor+tarpkg-1.0.0.tgz/node_modules/tarpkg', join(root, 'node_modules', 'tarpkg'));
    expectClean(root, ['node_modules/.pnpm/localpkg@file+vendor+localpkg/node_modules/localpkg', 'node_modules/.pnpm/tarpkg@file+vendor+tarpkg-1.0.0.tgz/node_modules/tarpkg']);
  });

  it('yarn 1: the copies, locked with their versions', () => {
    const lock = '# yarn lockfile v1\n\n\n"localpkg@file:./vendor/localpkg":\n  version "0.3.0"\n\n"tarpkg@file:./vendor/tarpkg-1.0.0.tgz":\n  version "1.0.0"\n  resolved "./vendor/tarpkg-1.0.0.tgz#8a2e"\n';
    const root = makeTree({ 'package.json': manifest, 'yarn.lock': lock, vendor: { localpkg: { 'package.json': local } }, node_modules: { localpkg: { 'package.json': local }, tarpkg: { 'package.json': tar } } });
    expectClean(root, ['node_modules/localpkg', 'node_modules/tarpkg']);
  });
});

describe('npm: nothing installed', () => {
  it('missing node_modules: run npm ci first', () => {
    expect(() => collectNpm(fixture('npm-missing'))).toThrowError(InputError);
    expect(() => collectNpm(fixture('npm-missing'))).toThrowError(/node_modules: missing: run npm ci first/);
  });

  it("Yarn Plug'n'Play: not supported yet, said plainly", () => {
    expect(() => collectNpm(fixture('yarn-pnp'))).toThrowError(/Plug'n'Play installs are not supported yet/);
  });

  it('a dependency of the project that is not installed, without a lock, is listed so', () => {
    const root = makeTree({ 'package.json': '{"name":"p","license":"MIT","dependencies":{"here":"1","gone":"1"}}', node_modules: { here: { 'package.json': '{"name":"here","version":"1.0.0","license":"MIT"}' } } });
    const r = audit(root);
    removeTree(root);
    expect(r.packages.map((p) => [p.name, p.installed, p.license])).toEqual([
      ['gone', false, 'NOASSERTION'],
      ['here', true, 'MIT'],
    ]);
    expect(byName(r, 'gone').problems).toMatchObject([{ code: 'not-installed', severity: 'warning', file: 'package.json', message: 'gone is listed in package.json but not installed; its license is unknown' }]);
  });

  it('a project without dependencies needs no node_modules', () => {
    const root = makeTree({ 'package.json': '{"name":"solo","license":"MIT"}' });
    expect(collectNpm(root)).toEqual({ packages: [], problems: [] });
    removeTree(root);
  });
});
