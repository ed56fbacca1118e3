// The Python collector on a real virtualenv layout (fixtures/deps/python/.venv), and on
// real Debian python3 metadata (fixtures/deps/python-egg-info: egg-info folders with
// requires.txt, single-file egg-infos, AUTHORS named as License-File, markers).
import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectPython, normalizeName } from '../../src/deps/python.js';
import { NotInstalledError } from '../../src/deps/fs.js';
import { spdxText } from '../detect/license-text/corpus.js';
import { makeTree, removeTree, treeMaker } from '../helpers.js';
import { copyFixture, FIXTURES, fixtureCopier } from './fixture.js';
import { audit, byName, codes } from './run.js';

const root = copyFixture('python');
const SITE = '.venv/lib/python3.12/site-packages';
afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

describe('pypi: dist-info in .venv', () => {
  const result = audit(root);

  it.each([
    ['requests', ['2.31.0', `${SITE}/requests-2.31.0.dist-info`, 'prod', true, 'Apache-2.0', 'Apache-2.0']],
    ['idna', ['3.6', `${SITE}/idna-3.6.dist-info`, 'prod', false, 'BSD-3-Clause', 'BSD-3-Clause']],
    ['certifi', ['2024.2.2', `${SITE}/certifi-2024.2.2.dist-info`, 'prod', false, 'MPL-2.0', 'MPL-2.0']],
    ['attrs', ['23.2.0', `${SITE}/attrs-23.2.0.dist-info`, 'prod', true, 'MIT', 'MIT AND Apache-2.0']],
    ['pytest', ['8.0.0', `${SITE}/pytest-8.0.0.dist-info`, 'dev', true, 'MIT', 'MIT']],
    ['legacy', ['1.0', `${SITE}/legacy-1.0.egg-info`, 'prod', false, 'BSD-3-Clause', 'BSD-3-Clause']],
    ['mystery', ['0.1', `${SITE}/mystery-0.1.dist-info`, 'prod', false, null, 'NOASSERTION']],
  ] as const)('%s', (name, expected) => {
    const p = byName(result, name);
    expect([p.version, p.path, p.scope, p.direct, p.declared, p.license]).toEqual(expected);
  });

  it('reads License-Expression (PEP 639) and its licenses/ folder', () => {
    const p = byName(result, 'idna');
    expect(p.evidence.map((e) => [e.source, e.field, e.file.slice(SITE.length + 1)])).toEqual([
      ['manifest', 'License-Expression', 'idna-3.6.dist-info/METADATA'],
      ['license-text', null, 'idna-3.6.dist-info/licenses/LICENSE.md'],
    ]);
  });

  it('follows Requires-Dist; an extra not installed is no dependency', () => {
    expect(byName(result, 'requests').dependsOn).toEqual([`${SITE}/idna-3.6.dist-info`, `${SITE}/certifi-2024.2.2.dist-info`]);
  });

  it('reports what cannot be read, naming the file, and goes on', () => {
    expect(result.problems.find((p) => p.code === 'malformed-metadata')).toMatchObject({ file: `${SITE}/broken-1.0.dist-info/METADATA`, line: 1 });
    expect(codes(byName(result, 'broken'))).toEqual(['no-license']);
    expect(codes(byName(result, 'mystery'))).toEqual(['no-license']);
    expect(codes(byName(result, 'attrs'))).toEqual(['declared-vs-text-conflict']);
    expect(codes(byName(result, 'requests'))).toContain('non-spdx-declaration');
  });

  it('reads the project license from pyproject.toml', () => {
    expect(result.project).toMatchObject({ name: 'ledger-api', license: 'PPL' });
  });

  it('takes --python-site folders instead of .venv', () => {
    const only = audit(root, { pythonSites: [join(root, SITE)] });
    expect(only.packages.length).toBe(result.packages.length);
  });

  it('takes the active virtualenv when the project has none', () => {
    const project = makeTree({ 'requirements.txt': 'requests\n' });
    const r = audit(project, { env: { VIRTUAL_ENV: join(root, '.venv') } });
    expect(byName(r, 'requests').path).toBe('$VIRTUAL_ENV/lib/python3.12/site-packages/requests-2.31.0.dist-info');
    removeTree(project);
  });

  it('without any virtualenv: says what to run', () => {
    const project = makeTree({ 'pyproject.toml': '[project]\nname = "x"\ndependencies = ["requests"]\n' });
    expect(() => collectPython(project, { env: {} })).toThrowError(NotInstalledError);
    expect(() => collectPython(project, { env: {} })).toThrowError(/python -m venv \.venv/);
    removeTree(project);
  });

  it.each([
    ['Foo_Bar', 'foo-bar'],
    ['zope.interface', 'zope-interface'],
    ['PyYAML', 'pyyaml'],
  ])('normalizes %s as %s', (name, expected) => expect(normalizeName(name)).toBe(expected));
});

describe('pypi: egg-info and markers (real Debian metadata)', () => {
  const root = fixtureCopier()('python-egg-info');
  const S = '.venv/lib/python3.11/site-packages';
  const result = audit(root);
  const refs = (name: string): string[] => byName(result, name).dependsOn.map((r) => r.slice(S.length + 1));
  const tree = treeMaker();
  const site = (files: Record<string, string>, requirements: string): string => tree({ 'requirements.txt': requirements, '.venv/lib/python3.11/site-packages': files });
  const dist = (name: string, extra = ''): string => `Metadata-Version: 2.1\nName: ${name}\nVersion: 1.0\nLicense: MIT\n${extra}`;

  it('reads an egg-info requires.txt: lines before any section are requirements, [extra] sections optional edges', () => {
    expect(refs('requests')).toEqual(['charset_normalizer-3.0.1.dist-info', 'idna-3.3.egg-info', 'urllib3-1.26.12.egg-info', 'certifi-2022.9.24.egg-info', 'chardet-5.1.0.dist-info']);
    expect(refs('urllib3')).toEqual(['certifi-2022.9.24.egg-info', 'idna-3.3.egg-info']); // its [secure] extra
    expect(refs('anyio')).toEqual(['idna-3.3.egg-info', 'sniffio-1.2.0.egg-info', 'typing_extensions-4.4.0.dist-info']);
    expect(['idna', 'urllib3', 'certifi', 'charset-normalizer', 'sniffio'].map((n) => [n, byName(result, n).scope, byName(result, n).direct])).toEqual(
      ['idna', 'urllib3', 'certifi', 'charset-normalizer', 'sniffio'].map((n) => [n, 'prod', false]),
    );
    // Reached only through requests' [use_chardet_on_py3] extra.
    expect(byName(result, 'chardet').scope).toBe('optional');
  });

  it('reads requires.txt sections as importlib.metadata does; Requires-Dist, when there is any, wins', () => {
    const requires = '# a comment\na>=1\n\n[x]\nb\n\n[:sys_platform == "win32"]\nc\n\n[y:python_version < "3.8"]\nd\n\n[]\ne\n';
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const files: Record<string, string> = { 'p-1.0.egg-info/PKG-INFO': dist('p'), 'p-1.0.egg-info/requires.txt': requires };
    for (const n of names) files[`${n}-1.0.dist-info/METADATA`] = dist(n);
    files['q-1.0.egg-info/PKG-INFO'] = dist('q', 'Requires-Dist: f\n');
    files['q-1.0.egg-info/requires.txt'] = 'a\n';
    const r = collectPython(site(files, 'p\nq\n'), { env: {} });
    const pkg = (n: string) => r.packages.find((p) => p.name === n)!;
    expect(pkg('p').dependsOn.map((d) => d.split('/').pop())).toEqual(names.slice(0, 5).map((n) => `${n}-1.0.dist-info`));
    expect(names.map((n) => pkg(n).scope)).toEqual(['prod', 'optional', 'optional', 'optional', 'prod', 'prod']);
    expect(pkg('q').dependsOn.map((d) => d.split('/').pop())).toEqual(['f-1.0.dist-info']);
  });

  it('says when a requires.txt is too large to read, and goes on', () => {
    const r = collectPython(site({ 'p-1.0.egg-info/PKG-INFO': dist('p'), 'p-1.0.egg-info/requires.txt': 'a\n'.repeat(600 * 1024), 'a-1.0.dist-info/METADATA': dist('a') }, 'p\n'), { env: {} });
    expect(r.packages.find((p) => p.name === 'p')!.dependsOn).toEqual([]);
    expect(r.problems).toMatchObject([{ code: 'read-error', severity: 'warning', file: `${S}/p-1.0.egg-info/requires.txt` }]);
  });

  it.each([
    ['pexpect', ['4.8.0', `${S}/pexpect-4.8.0.egg-info`, 'prod', true, 'ISC', 'ISC']],
    ['cheroot', ['9.0.0+ds1', `${S}/cheroot-9.0.0+ds1.egg-info`, 'prod', false, 'BSD-3-Clause', 'BSD-3-Clause']],
  ] as const)('lists a single-file egg-info (distutils writes PKG-INFO as the file): %s', (name, expected) => {
    const p = byName(result, name);
    expect([p.version, p.path, p.scope, p.direct, p.declared, p.license]).toEqual(expected);
    // Read as the PKG-INFO it is (shown below the file's own path).
    expect(p.evidence[0]).toMatchObject({ source: 'manifest', field: 'License', file: `${p.path}/PKG-INFO` });
  });

  it('reports a single-file egg-info that is not core metadata by its own path; a link named *.egg-info is not followed', () => {
    const project = site({ 'junk-2.0.egg-info': 'not metadata\n' }, 'junk\n');
    const outside = tree({ 'PKG-INFO': dist('secret') });
    symlinkSync(join(outside, 'PKG-INFO'), join(project, S, 'secret-1.0.egg-info'));
    const r = collectPython(project, { env: {} });
    expect(r.packages.map((p) => [p.name, p.version, p.path])).toEqual([['junk', '2.0', `${S}/junk-2.0.egg-info`]]);
    expect(r.problems).toMatchObject([{ code: 'malformed-metadata', file: `${S}/junk-2.0.egg-info`, line: 1 }]);
  });

  it('links each target once and never a package to itself', () => {
    // attrs: `attrs[tests] ; extra == 'cov'`, `attrs[docs,tests] ; extra == 'dev'`, ...
    expect(byName(result, 'attrs').dependsOn).toEqual([]);
    // astroid: wrapt twice (python_version < "3.11", >= "3.11").
    expect(refs('astroid')).toEqual(['lazy_object_proxy-1.9.0.dist-info', 'typing_extensions-4.4.0.dist-info', 'wrapt-1.14.1.egg-info']);
  });

  it('marks an edge behind an environment marker optional, not a required runtime dependency', () => {
    expect(['lazy-object-proxy', 'wrapt', 'typing_extensions'].map((n) => byName(result, n).scope)).toEqual(['prod', 'optional', 'optional']);
    // Unconditional beats conditional, in either order; a URL may hold a `;`.
    const r = collectPython(
      site(
        {
          'p-1.0.dist-info/METADATA': dist('p', 'Requires-Dist: a ; extra == "x"\nRequires-Dist: a (>=1)\nRequires-Dist: b\nRequires-Dist: b ; sys_platform == "win32"\nRequires-Dist: c @ https://example.org/c.whl;v=1\n'),
          'a-1.0.dist-info/METADATA': dist('a'),
          'b-1.0.dist-info/METADATA': dist('b'),
          'c-1.0.dist-info/METADATA': dist('c'),
        },
        'p\n',
      ),
      { env: {} },
    );
    expect(r.packages.map((p) => [p.name, p.scope, p.dependsOn.length])).toEqual([['a', 'prod', 0], ['b', 'prod', 0], ['c', 'prod', 0], ['p', 'prod', 3]]);
  });

  it('does not read an author list named as License-File as a license text', () => {
    for (const name of ['GitPython', 'astroid', 'lazy-object-proxy']) {
      const p = byName(result, name);
      expect(p.evidence.filter((e) => e.source === 'license-text')).toEqual([]);
      expect(codes(p)).not.toContain('unknown-text');
    }
  });

  it('joins an exception in a License-File of any name to the GPL it was written for (numpy bundles libgfortran)', () => {
    const gcc = spdxText('GPL-3.0-with-GCC-exception').replace(/^insert[^\n]*\n/, '');
    const project = site(
      {
        'p-1.0.dist-info/METADATA': dist('p', 'License-File: bundled/runtime.txt\n'),
        'p-1.0.dist-info/licenses/bundled/runtime.txt': `${spdxText('MIT')}\n\n----\n\n${gcc}\n\n----\n\n${spdxText('GPL-3.0-only')}`,
      },
      'p\n',
    );
    expect(byName(audit(project), 'p').detected.map((d) => d.expression)).toEqual(['MIT', 'GPL-3.0-only WITH GCC-exception-3.1']);
  });

  it('still reads a License-File the metadata names, whatever its name, unless it is an author list', () => {
    const apache = readFileSync(join(FIXTURES, 'python/.venv/lib/python3.12/site-packages/attrs-23.2.0.dist-info/licenses/LICENSE'), 'utf8');
    const project = site(
      {
        'p-1.0.dist-info/METADATA': dist('p', 'License-File: legal/apache.txt\nLicense-File: AUTHORS.md\nLicense-File: AUTHORS-LICENSE\n'),
        'p-1.0.dist-info/licenses/legal/apache.txt': apache,
        'p-1.0.dist-info/licenses/AUTHORS.md': '# Authors\n\n- Jane Doe <jane@example.org>\n',
        'p-1.0.dist-info/licenses/AUTHORS-LICENSE': apache,
      },
      'p\n',
    );
    expect(collectPython(project, { env: {} }).packages[0]!.licenseFiles).toEqual(['licenses/legal/apache.txt', 'licenses/AUTHORS-LICENSE']);
  });
});
