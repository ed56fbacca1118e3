import { describe, expect, it } from 'vitest';
import { detect, summary } from './run.js';

const metaJson = (license: string, spec = '"meta-spec" : { "version" : 2 },'): string =>
  `{\n   "name" : "Text-Ledger",\n   ${spec}\n   "license" : ${license},\n   "version" : "1.04"\n}\n`;
const metaYml = (license: string): string => `---\nname: Text-Ledger\nmeta-spec:\n  version: '1.4'\nlicense: ${license}\nversion: '1.04'\n`;

describe('META.json and META.yml (CPAN)', () => {
  it.each([
    ['perl_5: the same terms as Perl itself', '["perl_5"]', 'Artistic-1.0-Perl OR GPL-1.0-or-later', 'license', 4, 1, []],
    ['a list: a choice', '["apache_2_0", "mit"]', 'Apache-2.0 OR MIT', 'license', 4, 1, []],
    ['a string (version 1.4 written as JSON)', '"gpl_3"', 'GPL-3.0-only', 'license', 4, 1, []],
    ['restricted: no license granted', '["restricted"]', 'UNLICENSED', 'license', 4, 1, []],
    ['open_source names no license', '["open_source"]', 'NOASSERTION', 'license', 4, 0.3, ['unknown-license']],
    ['unknown says nothing', '["unknown"]', null, null, null, null, []],
    ['an SPDX id where the spec wants its word', '["GPL-3.0-or-later"]', 'GPL-3.0-or-later', 'license', 4, 1, []],
    ['not a string', '[{"name": "perl_5"}]', null, null, null, null, ['invalid-license-field']],
  ] as const)('META.json, %s', (_, license, expression, field, line, confidence, codes) => {
    expect(summary(detect('META.json', metaJson(license)))).toEqual({ expression, field, line, confidence, codes: [...codes] });
  });

  it.each([
    ['perl (version 1.4)', 'perl', 'Artistic-1.0-Perl OR GPL-1.0-or-later'],
    ['restrictive (version 1.4)', 'restrictive', 'UNLICENSED'],
    ['a list', '[bsd, artistic_2]', 'BSD-3-Clause OR Artistic-2.0'],
    // CPAN::Meta::Converter's readings of version 1.4's apache and artistic
    ['apache (version 1.4)', 'apache', 'Apache-2.0'],
    ['artistic (version 1.4)', 'artistic', 'Artistic-1.0'],
  ] as const)('META.yml, %s', (_, license, expression) => {
    expect(summary(detect('META.yml', metaYml(license)))).toMatchObject({ expression, field: 'license', line: 5, codes: [] });
  });

  it('reads version 1.4\'s gpl as the name it is: no version, ambiguous', () => {
    expect(summary(detect('META.yml', metaYml('gpl')))).toMatchObject({ expression: 'GPL-1.0-or-later', confidence: 0.5 });
  });

  it('reads only the META files of CPAN: without meta-spec, a META.json is some other tool\'s', () => {
    expect(detect('META.json', metaJson('["perl_5"]', '"kind" : "dataset",')).declarations).toEqual([]);
    expect(detect('META.yml', 'name: x\nlicense: perl\n').declarations).toEqual([]);
  });

  it('reports a malformed META.yml with its line, and refuses aliases that expand without end', () => {
    const d = detect('META.yml', "---\nname: x\nlicense: [perl\nmeta-spec:\n  version: '1.4'\n");
    expect(d.declarations).toEqual([]);
    expect(d.problems).toMatchObject([{ code: 'malformed-manifest', severity: 'error' }]);
    const laughs = `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`).join('\n')}\nmeta-spec: {version: 2}\nlicense: [perl_5]\n`;
    expect(detect('META.yml', laughs).problems).toMatchObject([{ code: 'malformed-manifest' }]);
  });
});
