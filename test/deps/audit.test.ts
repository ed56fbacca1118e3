// The whole audit: the outbound license, evaluation with compat (whatever it decides, a
// verdict is attached), dev dependencies, the policy, and the promise never to write.
import { describe, expect, it } from 'vitest';
import { collectDependencies, findCollectors, installFolders } from '../../src/deps/index.js';
import { isFailing } from '../../src/deps/evaluate.js';
import { makeTree, removeTree } from '../helpers.js';
import { fixtureCopier } from './fixture.js';
import { audit, byName, fingerprint } from './run.js';
import { spdxText } from '../detect/license-text/corpus.js';

const fixture = fixtureCopier();

describe('the outbound license', () => {
  const root = fixture('npm-lock-v2');
  it.each([
    ['--license wins', { license: 'PPL', configLicense: { expression: 'CNPL', file: '.farleft.yml' } }, 'PPL', '--license'],
    ['then .farleft.yml', { configLicense: { expression: 'LicenseRef-CNPL-7.0', file: '.farleft.yml' } }, 'LicenseRef-CNPL-7.0', '.farleft.yml'],
    ['then the manifest', {}, 'MIT', 'package.json (license)'],
  ] as const)('%s', (_, options, license, from) => {
    expect(audit(root, options).project).toMatchObject({ license, licenseFrom: from });
  });

  it('then the root license file; and without one, a note and no verdicts', () => {
    const withText = makeTree({ 'LICENSE': 'MIT License\n\nCopyright (c) 2026 Us\n\n' + MIT_BODY, 'package.json': '{"name":"x"}' });
    expect(audit(withText).project).toMatchObject({ license: 'MIT', licenseFrom: 'LICENSE' });
    const bare = makeTree({ 'package.json': '{"name":"bare","dependencies":{"a":"1"}}', node_modules: { a: { 'package.json': '{"name":"a","version":"1.0.0","license":"MIT"}' } } });
    const r = audit(bare);
    expect(r.project.license).toBeNull();
    expect(r.problems.map((p) => p.code)).toEqual(['no-outbound-license']);
    expect(r.packages.map((p) => [p.verdict, p.status])).toEqual([[null, 'not-evaluated']]);
    removeTree(withText);
    removeTree(bare);
  });
});

describe('evaluation', () => {
  const root = fixture('npm-basic');

  it('attaches a compat verdict to every runtime dependency, in the link context', () => {
    const r = audit(root);
    const runtime = r.packages.filter((p) => p.scope !== 'dev');
    expect(runtime.length).toBeGreaterThan(5);
    for (const p of runtime) {
      expect(p.verdict).toMatchObject({ outbound: 'PPL', inbound: p.license, context: 'link' });
      expect(p.status).toBe(p.verdict!.verdict);
    }
  });

  it('leaves dev dependencies out of the evaluation unless asked, and out of the result with production', () => {
    expect(byName(audit(root), 'gpl-tool')).toMatchObject({ verdict: null, status: 'not-evaluated' });
    expect(byName(audit(root, { dev: true }), 'gpl-tool').verdict).toMatchObject({ inbound: 'GPL-3.0-only' });
    expect(audit(root, { production: true }).packages.map((p) => p.name)).not.toContain('gpl-tool');
  });

  it('uses the bundle context when asked', () => {
    expect(byName(audit(root, { context: 'bundle' }), 'left-pad').verdict?.context).toBe('bundle');
  });

  it('applies the policy: a denied package fails, an exception lets one through', () => {
    const r = audit(root, {
      policy: { deny: ['strong-copyleft'], exceptions: [{ package: 'deprecated', license: 'GPL-2.0-or-later', reason: 'only in tests' }] },
      policyFile: '.farleft.yml',
      dev: true,
    });
    expect(byName(r, 'gpl-tool')).toMatchObject({ status: 'denied', policy: { decision: 'deny', rule: '.farleft.yml: policy.deny[0] strong-copyleft' } });
    expect(byName(r, 'deprecated')).toMatchObject({ status: 'denied' }); // a deny always wins
    expect(isFailing(byName(r, 'gpl-tool').status)).toBe(true);
    const allowed = audit(root, { policy: { allow: ['MIT'] } });
    expect(byName(allowed, 'left-pad')).toMatchObject({ status: 'allowed', policy: { decision: 'allow' } });
  });

  it('counts statuses and licenses in the summary', () => {
    const r = audit(root);
    expect(Object.values(r.summary.statuses).reduce((a, b) => a + b, 0)).toBe(r.packages.length);
    expect(r.summary.licenses.MIT).toBe(r.packages.filter((p) => p.license === 'MIT').length);
    expect(r.summary.ecosystems).toEqual({ npm: r.packages.length });
  });
});

/** Terms of their own, no license farleft knows (a made-up icon license). */
const CUSTOM_TERMS =
  'These icons may be used in personal and commercial projects, changed and shipped as part of a larger work, as long as the icons are not the main thing that is sold. You may not sell the icons on their own, as a pack or a font, nor offer them for download as a collection. Attribution is welcome but not required. The icons are provided as they are, with no warranty of any kind.\n';

describe('license files', () => {
  const pkgWith = (files: Record<string, string>) =>
    makeTree({
      'package.json': '{"name":"app","version":"1.0.0","license":"MIT","dependencies":{"dual":"1.0.0"}}',
      node_modules: { dual: { 'package.json': '{"name":"dual","version":"1.0.0","license":"MIT OR Apache-2.0"}', ...files } },
    });
  const codes = (root: string) => byName(audit(root), 'dual').problems.map((p) => p.code);

  it('a LICENSE that only names the licenses is fine beside the files that hold their texts (typenum, zstd-sys)', () => {
    const beside = pkgWith({ LICENSE: 'MIT OR Apache-2.0\n', 'LICENSE-MIT': `MIT License\n\nCopyright (c) 2026 Us\n\n${MIT_BODY}`, 'LICENSE-APACHE': spdxText('Apache-2.0') });
    const alone = pkgWith({ LICENSE: 'MIT OR Apache-2.0\n', 'LICENSE-MIT': `MIT License\n\nCopyright (c) 2026 Us\n\n${MIT_BODY}` });
    try {
      expect(codes(beside)).not.toContain('license-file-without-text');
      expect(codes(alone)).toContain('license-file-without-text'); // Apache-2.0's text is missing
    } finally {
      removeTree(beside);
      removeTree(alone);
    }
  });

  it('a non-SPDX license name is a note where the license text confirms its reading, a warning where nothing does', () => {
    const pkg = (files: Record<string, string>) =>
      makeTree({
        'package.json': '{"name":"app","version":"1.0.0","license":"MIT","dependencies":{"old":"1.0.0"}}',
        node_modules: { old: { 'package.json': '{"name":"old","version":"1.0.0","license":"Apache 2.0"}', ...files } },
      });
    const withText = pkg({ LICENSE: spdxText('Apache-2.0') });
    const without = pkg({});
    try {
      const confirmed = byName(audit(withText), 'old').problems.find((p) => p.code === 'non-spdx-declaration');
      expect(confirmed).toMatchObject({ severity: 'note', message: expect.stringMatching(/read as Apache-2\.0; node_modules\/old\/LICENSE holds its text$/) });
      expect(byName(audit(without), 'old').problems.find((p) => p.code === 'non-spdx-declaration')).toMatchObject({ severity: 'warning' });
    } finally {
      removeTree(withText);
      removeTree(without);
    }
  });

  it("a license file of other terms, and no text of the declared license, is a warning (Remix Icon's 2026 license)", () => {
    const own = `Example Icon License v1.0\n\n${CUSTOM_TERMS}`;
    const moved = makeTree({
      'package.json': '{"name":"app","version":"1.0.0","license":"MIT","dependencies":{"icons":"1.0.0","bundle":"1.0.0"}}',
      node_modules: {
        icons: { 'package.json': '{"name":"icons","version":"1.0.0","license":"Apache-2.0"}', License: own },
        // The same terms beside the declared license's text are words beside it: a note, as before.
        bundle: { 'package.json': '{"name":"bundle","version":"1.0.0","license":"Apache-2.0"}', 'LICENSE': spdxText('Apache-2.0'), 'LICENSE-ICONS': own },
      },
    });
    try {
      const r = audit(moved);
      expect(byName(r, 'icons').problems).toEqual([
        expect.objectContaining({ code: 'unknown-text', severity: 'warning', message: expect.stringMatching(/no license file holds the text of Apache-2\.0, which node_modules\/icons\/package\.json declares: the package's terms may be that text's, not Apache-2\.0's$/) }),
      ]);
      expect(byName(r, 'icons').license).toBe('Apache-2.0');
      expect(byName(r, 'bundle').problems.map((p) => [p.code, p.severity])).toEqual([['unknown-text', 'note']]);
    } finally {
      removeTree(moved);
    }
  });

  it("a license file that names its license in a sentence among words of its own: a note where the manifest says the same (certifi's MPL-2.0)", () => {
    const notice = `This package holds a bundle of certificates taken from a browser's source tree, in PEM form, for use by HTTP clients that check servers.\nIt is rebuilt from that tree for each release, and its content changes with it; nothing in this package is our own work beyond the packaging.\n\n***** BEGIN LICENSE BLOCK *****\nThis Source Code Form is subject to the terms of the Mozilla Public License,\nv. 2.0. If a copy of the MPL was not distributed with this file, You can obtain\none at http://mozilla.org/MPL/2.0/.\n***** END LICENSE BLOCK *****\n`;
    const root = makeTree({
      'package.json': '{"name":"app","version":"1.0.0","license":"MIT","dependencies":{"certs":"1.0.0"}}',
      node_modules: { certs: { 'package.json': '{"name":"certs","version":"1.0.0","license":"MPL-2.0"}', LICENSE: notice } },
    });
    try {
      const certs = byName(audit(root), 'certs');
      expect(certs).toMatchObject({ license: 'MPL-2.0', basis: 'declared-and-detected' });
      expect(certs.problems.map((p) => [p.code, p.severity])).toEqual([['license-named-in-terms', 'note'], ['unknown-text', 'note']]);
    } finally {
      removeTree(root);
    }
  });

  it("a LICENSE that points to the package's other license files (Trio's, PyCA's) is no unknown text, and no note either", () => {
    const pointer = 'This software is made available under the terms of *either* of the\nlicenses found in LICENSE-APACHE or LICENSE-MIT. Contributions to\nDual are made under the terms of *both* these licenses.\n';
    const root = pkgWith({ LICENSE: pointer, 'LICENSE-MIT': `MIT License\n\nCopyright (c) 2026 Us\n\n${MIT_BODY}`, 'LICENSE-APACHE': spdxText('Apache-2.0') });
    try {
      const dual = byName(audit(root), 'dual');
      expect(dual.problems.map((p) => p.code)).toEqual([]);
      expect(dual).toMatchObject({ license: 'MIT OR Apache-2.0', basis: 'declared-and-detected' });
    } finally {
      removeTree(root);
    }
  });

  // glob's LICENSE: ISC, then its logo under CC-BY-SA-4.0 in a sentence.
  it('a license named beside the text is a note, and leaves the effective license as the texts say', () => {
    const logo = "\n\n## Glob Logo\n\nGlob's logo created by Tanya Brassie <http://tanyabrassie.com/>, licensed\nunder a Creative Commons Attribution-ShareAlike 4.0 International License\nhttps://creativecommons.org/licenses/by-sa/4.0/\n";
    const root = makeTree({
      'package.json': '{"name":"app","version":"1.0.0","license":"MIT","dependencies":{"glob":"1.0.0"}}',
      node_modules: { glob: { 'package.json': '{"name":"glob","version":"1.0.0","license":"ISC"}', LICENSE: `${spdxText('ISC')}${logo}` } },
    });
    try {
      const glob = byName(audit(root), 'glob');
      expect(glob.license).toBe('ISC');
      expect(glob.problems.map((p) => [p.code, p.severity])).toEqual([['license-named-without-text', 'note']]);
    } finally {
      removeTree(root);
    }
  });
});

describe('reading only', () => {
  it.each(['npm-basic', 'pnpm', 'python', 'cargo', 'go', 'composer'])('writes nothing inside %s', (name) => {
    const root = fixture(name);
    const before = fingerprint(root);
    audit(root, { withTexts: true, dev: true });
    expect(fingerprint(root)).toBe(before);
  });

  it('keeps license texts only when asked (for --notice), with the standard text for a package that has none', () => {
    const root = fixture('npm-basic');
    expect(byName(audit(root), 'left-pad').texts).toBeUndefined();
    const r = audit(root, { withTexts: true });
    expect(byName(r, 'left-pad').texts?.map((t) => [t.file, t.expressions])).toEqual([['node_modules/left-pad/LICENSE', ['MIT']]]);
    expect(byName(r, 'gpl-tool').texts?.map((t) => [t.file, t.standard])).toEqual([['GPL-3.0-only (SPDX License List)', true]]);
  });

  it("adds the standard text of a license the package's files only name (CKEditor's license agreement names the GPL)", () => {
    const agreement = `Software License Agreement\n\nCopyright (c) 2003-2025 Example Holding. All rights reserved.\n\nLicensed under a dual-license model, this software is available under:\n\n* the GNU General Public License Version 2 or later,\n* or commercial license terms from Example Holding.\n\n${CUSTOM_TERMS}`;
    const root = makeTree({
      'package.json': '{"name":"app","version":"1.0.0","license":"MIT","dependencies":{"editor":"1.0.0"}}',
      node_modules: { editor: { 'package.json': '{"name":"editor","version":"1.0.0","license":"SEE LICENSE IN LICENSE.md"}', 'LICENSE.md': agreement } },
    });
    try {
      const editor = byName(audit(root, { withTexts: true }), 'editor');
      expect(editor.license).toBe('GPL-2.0-or-later');
      expect(editor.texts?.map((t) => [t.file, t.standard ?? false])).toEqual([
        ['node_modules/editor/LICENSE.md', false],
        ['GPL-2.0-or-later (SPDX License List)', true],
      ]);
    } finally {
      removeTree(root);
    }
  });
});

describe('finding the ecosystems', () => {
  it.each([
    [{ 'package.json': '{}' }, ['npm']],
    [{ 'Cargo.toml': '', 'Cargo.lock': '' }, ['cargo']],
    [{ 'go.mod': 'module x\n' }, ['go']],
    [{ 'composer.json': '{}' }, ['composer']],
    [{ 'pyproject.toml': '' }, ['pypi']],
    [{ '.venv': { 'pyvenv.cfg': '' }, 'package.json': '{}', 'go.mod': '' }, ['npm', 'pypi', 'go']],
    [{ 'README.md': '' }, []],
  ] as const)('%j -> %j', (tree, expected) => {
    const root = makeTree(tree as never);
    expect(findCollectors(root, { env: {} }).map((c) => c.ecosystem)).toEqual(expected);
    removeTree(root);
  });
});

describe('installFolders (what compat . leaves out of the project files)', () => {
  const rec = (path: string | null) => ({ ecosystem: 'npm' as const, name: 'x', version: null, license: 'MIT', path, scope: 'prod' as const, direct: true });
  it('takes the outermost install folder of each package inside the root', () => {
    const paths = [
      'node_modules/a',
      'node_modules/@scope/b',
      'node_modules/a/node_modules/c',
      'packages/web/node_modules/d',
      'vendor/github.com/pkg/errors',
      '.venv/lib/python3.11/site-packages/requests-2.31.0.dist-info',
      'env/Lib/site-packages/six-1.16.0.dist-info',
      'site-packages/pkg-1.0.dist-info',
      '$GOMODCACHE/golang.org/x/text@v0.3.0',
      '/usr/lib/python3/dist-packages/yaml',
      null,
    ];
    expect(installFolders(paths.map(rec))).toEqual(['.venv', 'env', 'node_modules', 'packages/web/node_modules', 'site-packages', 'vendor']);
    expect(installFolders([])).toEqual([]);
  });
});

describe('collectDependencies (for compat .)', () => {
  it('gives name, version, license and path of each dependency', () => {
    const { dependencies } = collectDependencies(fixture('npm-lock-v2'));
    expect(dependencies).toEqual([
      { ecosystem: 'npm', name: 'devtool', version: '1.0.0', license: 'Apache-2.0', path: 'node_modules/devtool', scope: 'dev', direct: true },
      { ecosystem: 'npm', name: 'inner', version: '1.0.0', license: 'BSD-2-Clause', path: 'node_modules/inner', scope: 'dev', direct: false },
      { ecosystem: 'npm', name: 'inner', version: '2.0.0', license: 'BSD-2-Clause', path: 'node_modules/outer/node_modules/inner', scope: 'prod', direct: false },
      { ecosystem: 'npm', name: 'outer', version: '1.0.0', license: 'MIT', path: 'node_modules/outer', scope: 'prod', direct: true },
    ]);
  });

  it('leaves dev dependencies out with production', () => {
    expect(collectDependencies(fixture('npm-lock-v2'), { production: true }).dependencies.map((d) => d.name)).toEqual(['inner', 'outer']);
  });

  it('a missing install throws (exit 2), any other ecosystem may still be audited', () => {
    expect(() => collectDependencies(fixture('npm-missing'))).toThrowError(/run npm ci first/);
    const mixed = fixture('npm-lock-v2');
    const py = makeTree({ 'requirements.txt': 'requests\n' }, mixed);
    expect(py).toBe(mixed);
    const r = collectDependencies(mixed);
    expect(r.dependencies).toHaveLength(4);
    expect(r.problems.map((p) => p.code)).toContain('not-installed');
  });
});

const MIT_BODY = `Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;
