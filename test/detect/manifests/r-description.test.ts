import { describe, expect, it } from 'vitest';
import { detect, summary } from './run.js';

const description = (license: string): string =>
  `Package: demo\nType: Package\nTitle: A Demo\nVersion: 0.1.0\nAuthors@R: person("Jane", "Doe", role = c("aut", "cre"))\nLicense: ${license}\nEncoding: UTF-8\n`;

describe('DESCRIPTION (R)', () => {
  it.each([
    ['GPL-3', 'GPL-3', 'GPL-3.0-only', 1, []],
    ['GPL (>= 2)', 'GPL (>= 2)', 'GPL-2.0-or-later', 1, []],
    ['LGPL (>= 2.1)', 'LGPL (>= 2.1)', 'LGPL-2.1-or-later', 1, []],
    ['GPL (> 2): the versions after 2', 'GPL (> 2)', 'GPL-3.0-or-later', 1, []],
    ['GPL (== 2)', 'GPL (== 2)', 'GPL-2.0-only', 1, []],
    ['a bounded range', 'LGPL (>= 2.0, < 3)', 'LGPL-2.0-only OR LGPL-2.1-only', 1, []],
    ['MIT + file LICENSE (the holder, R\'s template)', 'MIT + file LICENSE', 'MIT', 1, []],
    ['alternatives', 'GPL-2 | GPL-3', 'GPL-2.0-only OR GPL-3.0-only', 1, []],
    ['alternatives with a template', 'GPL-3 | MIT + file LICENSE', 'GPL-3.0-only OR MIT', 1, []],
    ['BSD_3_clause + file LICENSE', 'BSD_3_clause + file LICENSE', 'BSD-3-Clause', 1, []],
    ['Apache License (== 2.0)', 'Apache License (== 2.0)', 'Apache-2.0', 1, []],
    ['BSL, R\'s abbreviation of the Boost Software License 1.0', 'BSL', 'BSL-1.0', 1, []],
    ['FreeBSD, R\'s abbreviation of the FreeBSD License', 'FreeBSD | GPL-2 | file LICENSE', 'BSD-2-Clause OR GPL-2.0-only', 1, ['license-list']],
    ['CC BY 4.0 (a name)', 'CC BY 4.0', 'CC-BY-4.0', 0.95, ['non-spdx-declaration']],
    ['file LICENSE alone', 'file LICENSE', 'SEE LICENSE IN LICENSE', 1, []],
    ['added terms are noted', 'AGPL-3 + file LICENSE', 'AGPL-3.0-only', 1, ['additional-license-terms']],
    ['a version no GPL has is not read as any version', 'GPL (>= 3.5.0)', 'NOASSERTION', 0.3, ['unknown-license']],
  ] as const)('%s', (_, license, expression, confidence, codes) => {
    expect(summary(detect('DESCRIPTION', description(license)))).toEqual({ expression, field: 'License', line: 6, confidence, codes: [...codes] });
  });

  it('keeps R\'s own text in raw', () => {
    expect(detect('DESCRIPTION', description('GPL (>= 2)')).declarations[0]?.raw).toBe('GPL (>= 2)');
  });

  it('reads a License continued on the next line', () => {
    expect(detect('DESCRIPTION', 'Package: demo\nLicense: GPL-2 |\n    MIT + file LICENSE\n').declarations[0]?.expression).toBe('GPL-2.0-only OR MIT');
  });

  it('reads a name that is also a JavaScript prototype key as an unknown license', () => {
    expect(detect('DESCRIPTION', description('constructor')).problems.map((p) => p.code)).toEqual(['unknown-license']);
  });

  it('ignores a DESCRIPTION that is not an R package', () => {
    expect(detect('DESCRIPTION', 'License: MIT\n').declarations).toEqual([]);
  });
});
