import { describe, expect, it } from 'vitest';
import { spdxText } from '../license-text/corpus.js';
import { detect, summary } from './run.js';

describe('PKG-INFO / METADATA', () => {
  const meta = (headers: string): string => `Metadata-Version: 2.4\nName: demo\nVersion: 1.0\n${headers}\n\nLicense: GPL-2.0 (in the long description: not a header)\n`;
  it.each([
    ['License-Expression', 'License-Expression: MIT OR PPL', 'MIT OR PPL', 'License-Expression', 4, 1, []],
    ['License-Expression wins', 'License-Expression: MIT\nLicense: BSD\nClassifier: License :: OSI Approved :: BSD License', 'MIT', 'License-Expression', 4, 1, []],
    ['License (free text)', 'License: Apache License, Version 2.0', 'Apache-2.0', 'License', 4, 0.95, ['non-spdx-declaration']],
    ['License: UNKNOWN is setuptools for "none"', 'License: UNKNOWN', null, null, null, null, []],
    ['Classifier', 'Classifier: Development Status :: 5 - Production/Stable\nClassifier: License :: OSI Approved :: ISC License (ISCL)', 'ISC', 'Classifier', 5, 0.95, []],
    ['License-File is a reference only', 'License-File: LICENSE', null, null, null, null, []],
  ] as const)('%s', (_, headers, expression, field, line, confidence, codes) => {
    expect(summary(detect('demo-1.0.dist-info/METADATA', meta(headers)))).toEqual({ expression, field, line, confidence, codes: [...codes] });
  });

  it('reads a multi-line License (a whole text pasted by an old setup.py) as a text, not a name', () => {
    const text = `Metadata-Version: 1.1\nName: demo\nLicense: Copyright (c) 2020 Jane\n        \n        Permission is hereby granted, free of charge.\n        The above copyright notice shall be included.\n        THE SOFTWARE IS PROVIDED "AS IS".\nPlatform: any\n`;
    const d = detect('PKG-INFO', text);
    expect(d.problems.map((p) => [p.code, p.line])).toEqual([['license-text-in-manifest', 3]]);
  });

  // scipy 1.17's License field: its BSD text, then the bundled libgfortran's GCC runtime exception and the GPL.
  it('reads several texts pasted into License as one expression: each license once, an exception joined to its GPL', () => {
    const gcc = spdxText('GPL-3.0-with-GCC-exception').replace(/^insert[^\n]*\n/, '');
    const pasted = [spdxText('BSD-3-Clause'), spdxText('BSD-3-Clause').replace(/<copyright holder>|\[?yyyy\]?/gi, 'SciPy'), gcc, spdxText('GPL-3.0-only')].join('\n\n----\n\n');
    const field = pasted.split('\n').map((l, i) => (i ? `        ${l}` : l)).join('\n');
    const d = detect('scipy-1.17.1.dist-info/METADATA', `Metadata-Version: 2.1\nName: scipy\nVersion: 1.17.1\nLicense: ${field}\n`);
    expect(d.declarations.map((x) => [x.field, x.expression])).toEqual([['License', 'BSD-3-Clause AND GPL-3.0-only WITH GCC-exception-3.1']]);
    expect(d.problems.map((p) => p.code)).toEqual(['license-text-in-manifest']);
  });

  it('reads the first 64 license classifiers of a hostile list, with one warning, not one note per line', () => {
    const classifiers = Array.from({ length: 5_000 }, (_, i) => `Classifier: License :: OSI Approved :: ${i % 2 ? 'MIT License' : `Made Up ${i}`}`);
    const d = detect('demo-1.0.dist-info/METADATA', `Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n${classifiers.join('\n')}\n`);
    expect(d.declarations.map((x) => x.expression)).toEqual(['MIT']);
    expect(d.problems.filter((p) => p.code === 'license-list-too-long')).toHaveLength(1);
    expect(d.problems.filter((p) => p.code === 'unknown-classifier')).toHaveLength(32);
  });

  describe('License beside license classifiers', () => {
    const bsd = 'Classifier: License :: OSI Approved :: BSD License';
    const mitApache = 'Classifier: License :: OSI Approved :: MIT License\nClassifier: License :: OSI Approved :: Apache Software License';
    const problems = (headers: string) => detect('demo-1.0.dist-info/METADATA', meta(headers)).problems.map((p) => [p.severity, p.code, p.line]);

    it.each([
      ['an exact License (Django)', `License: BSD-3-Clause\n${bsd}`, []],
      ['an alias saying what the classifier says (requests)', 'License: Apache 2.0\nClassifier: License :: OSI Approved :: Apache Software License', [['warning', 'non-spdx-declaration', 4]]],
      ['an ambiguous License, first among equals', `License: BSD\n${bsd}`, [['warning', 'non-spdx-declaration', 4]]],
      ['a License naming both (sniffio)', `License: MIT -or- Apache License 2.0\n${mitApache}`, [['warning', 'non-spdx-declaration', 4]]],
    ])('%s overrules the classifiers: no warning about them', (_, headers, expected) => {
      expect(problems(headers)).toEqual(expected);
    });

    it('notes an overruled ambiguous classifier that reads otherwise (Pygments), without a warning', () => {
      const d = detect('demo-1.0.dist-info/METADATA', meta(`License: BSD-2-Clause\n${bsd}`));
      expect(d.declarations.map((x) => [x.field, x.expression, x.confidence])).toEqual([
        ['License', 'BSD-2-Clause', 1],
        ['Classifier', 'BSD-3-Clause', 0.5],
      ]);
      expect(d.problems).toMatchObject([{ code: 'non-spdx-declaration', severity: 'note', line: 5 }]);
      expect(d.problems[0]!.message).toMatch(/is not used: License says BSD-2-Clause/);
    });

    it('asserts nothing for a License with an exception no id fits (pygit2), above classifiers that would drop it', () => {
      const d = detect('demo-1.0.dist-info/METADATA', meta('License: GPLv2 with linking exception\nClassifier: License :: OSI Approved :: GNU General Public License v2 (GPLv2)'));
      expect(d.declarations.map((x) => [x.field, x.expression, x.confidence])).toEqual([
        ['License', 'NOASSERTION', 0.96],
        ['Classifier', 'GPL-2.0-only', 0.95],
      ]);
      expect(d.problems).toMatchObject([{ code: 'non-spdx-declaration', severity: 'warning', line: 4 }]);
      expect(d.problems[0]!.message).toMatch(/names an exception farleft cannot identify \(read alone, GPL-2\.0-only would drop it\)/);
      // An exception that has an id is read.
      expect(detect('demo-1.0.dist-info/METADATA', meta('License: GPL-2.0-only WITH Classpath-exception-2.0')).declarations[0]!.expression).toBe('GPL-2.0-only WITH Classpath-exception-2.0');
    });

    it('still warns about the classifiers when they outrank the License', () => {
      expect(problems(`License: Frobozz Community License\n${mitApache}`)).toEqual([
        ['warning', 'unknown-license', 4],
        ['warning', 'non-spdx-declaration', 6],
        ['note', 'license-list', 5],
      ]);
    });

    it('splits "MIT -or- Apache License 2.0" into both licenses, not a guess at one (sniffio)', () => {
      const d = detect('demo-1.0.dist-info/METADATA', meta(`License: MIT -or- Apache License 2.0\n${mitApache}`));
      expect(d.declarations.map((x) => [x.field, x.expression, x.confidence])).toEqual([
        ['License', 'MIT OR Apache-2.0', 0.9],
        ['Classifier', 'MIT OR Apache-2.0', 0.5],
      ]);
      expect(d.problems[0]!.message).toMatch(/read as MIT OR Apache-2\.0$/);
    });

    it('guesses nothing from two joined names it cannot split: the classifiers outrank it', () => {
      const d = detect('demo-1.0.dist-info/METADATA', meta(`License: Apache License 2.0 -or- Frobozz\n${mitApache}`));
      const [license, classifiers] = d.declarations;
      expect(license).toMatchObject({ field: 'License', expression: 'NOASSERTION' });
      expect(classifiers).toMatchObject({ field: 'Classifier', expression: 'MIT OR Apache-2.0' });
      expect(classifiers!.confidence).toBeGreaterThan(license!.confidence);
    });

    it('keeps "-or-later" in a name', () => {
      expect(summary(detect('PKG-INFO', 'Metadata-Version: 1.1\nName: demo\nLicense: GNU GPL v2 -or- later\n')).expression).toBe('GPL-2.0-or-later');
    });
  });

  it('ignores a METADATA file that is not core metadata', () => {
    expect(detect('docs/METADATA', 'License: MIT\n').declarations).toEqual([]);
  });
});

describe('setup.cfg', () => {
  it.each([
    ['license', '[metadata]\nname = demo\nlicense = MIT', 'MIT', 'metadata.license', 3, 1, []],
    ['license name', '[metadata]\nname = demo\nlicense = GNU GPL v2', 'GPL-2.0-only', 'metadata.license', 3, 0.95, ['non-spdx-declaration']],
    ['license = file:', '[metadata]\nlicense = file: COPYING', 'SEE LICENSE IN COPYING', 'metadata.license', 2, 1, []],
    ['license_file (deprecated)', '[metadata]\nlicense_file = LICENSE.rst', 'SEE LICENSE IN LICENSE.rst', 'metadata.license_file', 2, 1, []],
    ['classifiers', '[metadata]\nname = demo\nclassifiers =\n    Programming Language :: Python\n    License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)\n', 'MPL-2.0', 'metadata.classifiers', 5, 0.95, []],
    ['other sections are not metadata', '[tool:pytest]\nlicense = MIT', null, null, null, null, []],
    ['license-files only lists files', '[metadata]\nlicense_files = LICENSE', null, null, null, null, []],
  ] as const)('%s', (_, text, expression, field, line, confidence, codes) => {
    expect(summary(detect('setup.cfg', text))).toEqual({ expression, field, line, confidence, codes: [...codes] });
  });
});
