// The Python collector on a real virtualenv layout (fixtures/deps/python/.venv).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectPython, normalizeName } from '../../src/deps/python.js';
import { NotInstalledError } from '../../src/deps/fs.js';
import { makeTree, removeTree } from '../helpers.js';
import { copyFixture } from './fixture.js';
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
