// The Go collector: vendor/modules.txt with vendor/, and go.mod with a module cache.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeModulePath, parseGoMod, parseGoReplaces, parseModulesTxt } from '../../src/deps/go.js';
import { makeTree, removeTree } from '../helpers.js';
import { fixtureCopier, FIXTURES } from './fixture.js';
import { audit } from './run.js';

const fixture = fixtureCopier();

describe('go: vendor/modules.txt', () => {
  const result = audit(fixture('go'));
  it('lists the modules the build uses, with the licenses of their texts', () => {
    expect(result.packages.map((p) => [p.name, p.version, p.path, p.direct, p.declared, p.license, p.basis])).toEqual([
      ['github.com/pkg/errors', 'v0.9.1', 'vendor/github.com/pkg/errors', true, null, 'BSD-2-Clause', 'detected'],
      ['golang.org/x/text', 'v0.14.0', 'vendor/golang.org/x/text', false, null, 'BSD-3-Clause', 'detected'],
    ]);
    expect(result.project.name).toBe('example.org/ledger');
  });
});

describe('go: the module cache', () => {
  it('finds modules by their escaped path; a module not downloaded is listed as not installed', () => {
    const result = audit(fixture('go-modcache'), { env: { GOMODCACHE: join(FIXTURES, 'gomodcache') } });
    expect(result.packages.map((p) => [p.name, p.path, p.license, p.problems.map((x) => x.code)])).toEqual([
      ['github.com/BurntSushi/toml', '$GOMODCACHE/github.com/!burnt!sushi/toml@v1.3.2', 'MIT', []],
      ['github.com/absent/mod', null, 'NOASSERTION', ['not-installed']],
    ]);
  });
});

describe('go: replace directives in module-cache mode', () => {
  it('audits the module a replace fetches, and leaves a folder replacement (the project\'s own code) out', () => {
    const root = makeTree({
      'go.mod': 'module example.org/app\n\ngo 1.22\n\nrequire (\n\tgithub.com/orig/lib v1.0.0\n\texample.org/app/tools v0.0.0\n)\n\nreplace github.com/orig/lib => github.com/BurntSushi/toml v1.3.2\n\nreplace (\n\texample.org/app/tools v0.0.0 => ./tools // local\n)\n',
    });
    try {
      const result = audit(root, { env: { GOMODCACHE: join(FIXTURES, 'gomodcache') } });
      expect(result.packages.map((p) => [p.name, p.version, p.path, p.license])).toEqual([['github.com/orig/lib', 'v1.3.2', '$GOMODCACHE/github.com/!burnt!sushi/toml@v1.3.2', 'MIT']]);
      expect(result.problems).toContainEqual(expect.objectContaining({ code: 'replaced-module', severity: 'note', file: 'go.mod', line: 10 }));
    } finally {
      removeTree(root);
    }
  });

  it('reads one-line and block replacements, for one version or every one', () => {
    const r = parseGoReplaces('replace a => b v1.0.0\nreplace (\n\tc v1.2.0 => ../c\n\td v2.0.0 => e v2.1.0 // why\n)\nreplace f => g\n');
    expect(Object.fromEntries(r)).toEqual({
      a: { path: 'b', version: 'v1.0.0', line: 1 },
      'c@v1.2.0': { folder: '../c', line: 3 },
      'd@v2.0.0': { path: 'e', version: 'v2.1.0', line: 4 },
    });
  });
});

describe('go: parsing', () => {
  it('reads require blocks and indirect comments', () => {
    const mods = parseGoMod('module m\n\nrequire (\n\ta v1.0.0\n\tb v2.0.0 // indirect\n)\nrequire c v3.0.0\n');
    expect(mods.map((m) => [m.path, m.version, m.direct, m.line])).toEqual([
      ['a', 'v1.0.0', true, 4],
      ['b', 'v2.0.0', false, 5],
      ['c', 'v3.0.0', true, 7],
    ]);
  });

  it('reads replacements, and reports lines it cannot read', () => {
    const problems: never[] = [];
    const mods = parseModulesTxt('pkg/before/module\n# a v1.0.0 => b v1.1.0\n## explicit\na/x\n# l v0.0.0 => ../l\n', problems);
    expect(mods.map((m) => [m.path, m.version, m.used, m.local, m.direct])).toEqual([
      ['a', 'v1.1.0', true, false, true],
      ['l', 'v0.0.0', false, true, false],
    ]);
    expect(problems).toMatchObject([{ code: 'malformed-lock', line: 1 }]);
  });

  it.each([
    ['github.com/BurntSushi/toml', 'github.com/!burnt!sushi/toml'],
    ['golang.org/x/text', 'golang.org/x/text'],
  ])('escapes %s', (path, escaped) => expect(escapeModulePath(path)).toBe(escaped));
});
