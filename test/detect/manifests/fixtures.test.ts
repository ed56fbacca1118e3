// The fixture folder fixtures/manifests/: one real-looking manifest per format, read from
// disk by the walker's reader and checked through the detector list the scan uses.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../../src/detect/index.js';
import { readFileInput } from '../../../src/walk/read.js';
import { PACKAGE_ROOT } from '../../../src/paths.js';
import { testContext } from '../../helpers.js';

const ROOT = join(PACKAGE_ROOT, 'fixtures', 'manifests');

function manifestsOf(path: string) {
  const file = readFileInput(join(ROOT, path), path);
  const detectors = DETECTORS.filter((d) => d.name === 'manifest' && d.accepts(path, file.kind));
  expect(detectors).toHaveLength(1);
  return detectors[0]!.detect(file, testContext());
}

describe('fixtures/manifests', () => {
  // [file, expression, field, line, scope, confidence, problem codes]
  it.each([
    ['package.json', 'PPL', 'license', 11, 'project', 1, []],
    ['legacy-npm/package.json', 'MIT OR GPL-1.0-or-later', 'licenses', 6, 'package', 0.5, ['legacy-license-field', 'non-spdx-declaration']],
    ['Cargo.toml', 'MIT OR Apache-2.0', 'package.license', 7, 'project', 0.9, ['non-spdx-declaration']],
    ['pyproject.toml', 'PPL', 'project.license.text', 11, 'project', 0.95, ['non-spdx-declaration']],
    ['setup.cfg', 'GPL-3.0-or-later', 'metadata.license', 7, 'project', 0.95, ['non-spdx-declaration']],
    ['ledger.egg-info/PKG-INFO', 'BSD-3-Clause', 'License', 7, 'package', 0.5, ['non-spdx-declaration']],
    ['ledger-2.3.1.dist-info/METADATA', 'LicenseRef-CNPL-7.0 OR PPL', 'License-Expression', 6, 'package', 1, []],
    ['composer.json', 'LGPL-2.1-only OR GPL-3.0-or-later', 'license', 5, 'project', 1, []],
    ['ledger.gemspec', 'Ruby OR BSD-2-Clause', 'licenses', 11, 'project', 1, []],
    // Installed by RubyGems: its `# stub:` line joins the require paths with a NUL (binary by Git's rule).
    ['specifications/ledger-2.3.1.gemspec', 'Ruby OR BSD-2-Clause', 'licenses', 15, 'package', 1, []],
    ['DESCRIPTION', 'GPL-2.0-or-later OR MIT', 'License', 9, 'project', 1, []],
    ['CommonsLedger.Client.nuspec', 'AGPL-3.0-or-later', 'license', 8, 'project', 1, []],
    ['Text-Ledger-1.04/META.json', 'Artistic-1.0-Perl OR GPL-1.0-or-later', 'license', 8, 'package', 1, []],
    ['Text-Ledger-1.04/META.yml', 'Artistic-1.0-Perl OR GPL-1.0-or-later', 'license', 8, 'package', 1, []],
  ] as const)('%s -> %s', (path, expression, field, line, scope, confidence, codes) => {
    const d = manifestsOf(path);
    expect(d.declarations[0]).toMatchObject({ expression, source: 'manifest', file: path, field, line, scope, confidence });
    expect(d.problems.map((p) => p.code).sort()).toEqual([...codes]);
  });

  it('declares the classifier beside a free-text license, as two fields', () => {
    expect(manifestsOf('setup.cfg').declarations.map((d) => [d.field, d.expression])).toEqual([
      ['metadata.license', 'GPL-3.0-or-later'],
      ['metadata.classifiers', 'GPL-3.0-or-later'],
    ]);
  });

  it.each([
    ['broken/package.json', 5, 1],
    ['broken/Cargo.toml', 4, 11],
    ['broken/META.yml', 4, 1],
  ])('%s is a malformed-manifest error at %i:%i, and no declaration', (path, line, column) => {
    const d = manifestsOf(path);
    expect(d.declarations).toEqual([]);
    expect(d.problems).toHaveLength(1);
    expect(d.problems[0]).toMatchObject({ code: 'malformed-manifest', severity: 'error', file: path, line });
    expect(d.problems[0]!.message).toContain(`${path}:${line}:${column}`);
  });
});
