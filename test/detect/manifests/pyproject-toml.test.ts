import { describe, expect, it } from 'vitest';
import { detect, summary } from './run.js';

const py = (body: string): string => `[build-system]\nrequires = ["hatchling"]\n\n[project]\nname = "demo"\n${body}\n`;

describe('pyproject.toml', () => {
  it.each([
    ['PEP 639 expression', 'license = "GPL-3.0-or-later"', 'GPL-3.0-or-later', 'project.license', 6, 1, []],
    ['PEP 639 expression, not SPDX', 'license = "Apache 2.0"', 'Apache-2.0', 'project.license', 6, 0.95, ['non-spdx-declaration']],
    ['table with text', 'license = { text = "MIT License" }', 'MIT', 'project.license.text', 6, 0.95, ['non-spdx-declaration']],
    ['table with an SPDX id as text', 'license = {text = "PPL"}', 'PPL', 'project.license.text', 6, 1, []],
    ['table with file', 'license = { file = "LICENSE.txt" }', 'SEE LICENSE IN LICENSE.txt', 'project.license.file', 6, 1, []],
    ['dotted key', 'license.text = "BSD-2-Clause"', 'BSD-2-Clause', 'project.license.text', 6, 1, []],
    [
      'classifier',
      'classifiers = [\n  "Programming Language :: Python :: 3",\n  "License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)",\n]',
      'GPL-3.0-or-later', 'project.classifiers', 8, 0.95, [],
    ],
    ['ambiguous classifier', 'classifiers = ["License :: OSI Approved :: BSD License"]', 'BSD-3-Clause', 'project.classifiers', 6, 0.5, ['non-spdx-declaration']],
    [
      'two classifiers: a choice',
      'classifiers = [\n  "License :: OSI Approved :: MIT License",\n  "License :: OSI Approved :: Apache Software License",\n]',
      'MIT OR Apache-2.0', 'project.classifiers', 7, 0.5, ['license-list', 'non-spdx-declaration'],
    ],
    ['"OSI Approved" alone names nothing', 'classifiers = ["License :: OSI Approved"]', null, null, null, null, []],
    ['unknown classifier', 'classifiers = ["License :: Free For Home Use"]', null, null, null, null, ['unknown-classifier']],
    ['expression wins over classifiers (PEP 639)', 'license = "MIT"\nclassifiers = ["License :: OSI Approved :: BSD License"]', 'MIT', 'project.license', 6, 1, []],
    ['whole license text', `license = { text = """\n${'Permission is hereby granted, free of charge, to any person.\n'.repeat(6)}""" }`, null, null, null, null, ['license-text-in-manifest']],
    ['no license', 'version = "1.0"', null, null, null, null, []],
  ] as const)('%s', (_, body, expression, field, line, confidence, codes) => {
    expect(summary(detect('pyproject.toml', py(body)))).toEqual({ expression, field, line, confidence, codes: [...codes] });
  });

  it('reads Poetry\'s tool.poetry.license', () => {
    const text = '[tool.poetry]\nname = "demo"\nlicense = "LGPL-3.0-or-later"\n';
    expect(detect('pyproject.toml', text).declarations).toMatchObject([{ expression: 'LGPL-3.0-or-later', field: 'tool.poetry.license', line: 3 }]);
  });

  it('reports malformed TOML with its line', () => {
    const d = detect('pyproject.toml', py('license = = "MIT"'));
    expect(d.problems).toMatchObject([{ code: 'malformed-manifest', severity: 'error', line: 6 }]);
  });
});
