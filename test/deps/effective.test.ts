// The effective license from a declaration and the license texts: one row per rule of effective.ts.
import { describe, expect, it } from 'vitest';
import { decideLicense, type LicenseFacts } from '../../src/deps/effective.js';
import { testCatalog } from '../helpers.js';

const facts = (declared: string | null, detected: string[], more: Partial<LicenseFacts> = {}, confidence = 1): LicenseFacts => ({
  declared: declared === null ? null : { expression: declared, confidence, file: 'pkg/package.json', line: 3, field: 'license' },
  detected: detected.map((expression, i) => ({ expression, file: `pkg/LICENSE${i || ''}` })),
  unknown: [],
  licenseFiles: detected.length,
  where: 'pkg',
  ...more,
});

describe('decideLicense', () => {
  it.each([
    ['nothing at all', facts(null, [], { licenseFiles: 0 }), 'NOASSERTION', 'none', ['no-license:warning']],
    ['a declaration alone', facts('MIT', []), 'MIT', 'declared', []],
    ['a declaration its text confirms', facts('MIT', ['MIT']), 'MIT', 'declared-and-detected', []],
    ['a choice and both texts', facts('MIT OR Apache-2.0', ['MIT', 'Apache-2.0']), 'MIT OR Apache-2.0', 'declared-and-detected', []],
    ['a choice and one of its texts', facts('MIT OR Apache-2.0', ['Apache-2.0']), 'MIT OR Apache-2.0', 'declared-and-detected', []],
    ['-or-later and the -only text are one family', facts('GPL-2.0-or-later', ['GPL-2.0-only']), 'GPL-2.0-or-later', 'declared-and-detected', []],
    ["an LGPL's GPL text is its companion", facts('LGPL-3.0-or-later', ['LGPL-3.0-only', 'GPL-3.0-only']), 'LGPL-3.0-or-later', 'declared-and-detected', []],
    ['a bundled license beside the declared one', facts('MIT', ['MIT', 'BSD-3-Clause']), 'MIT AND BSD-3-Clause', 'declared-and-detected', ['additional-license-text:note']],
    ['manifest MIT, LICENSE Apache-2.0: both, reported', facts('MIT', ['Apache-2.0']), 'MIT AND Apache-2.0', 'declared-and-detected', ['declared-vs-text-conflict:warning']],
    ['a vague declaration gives way to the text', facts('BSD-3-Clause', ['BSD-2-Clause'], {}, 0.5), 'BSD-2-Clause', 'detected', ['declared-vs-text-conflict:note']],
    ['UNLICENSED stands against a text', facts('UNLICENSED', ['MIT']), 'UNLICENSED', 'declared-and-detected', ['declared-vs-text-conflict:warning']],
    ['UNLICENSED alone', facts('UNLICENSED', []), 'UNLICENSED', 'declared', []],
    ['NOASSERTION gives way to the text', facts('NOASSERTION', ['ISC']), 'ISC', 'detected', []],
    ['SEE LICENSE IN gives way to the text', facts('SEE LICENSE IN TERMS.txt', ['ISC']), 'ISC', 'detected', []],
    ['SEE LICENSE IN an unreadable text', facts('SEE LICENSE IN TERMS.txt', [], { licenseFiles: 1 }), 'NOASSERTION', 'none', ['no-license:warning']],
    ['texts without a declaration', facts(null, ['MIT', 'Apache-2.0']), 'MIT AND Apache-2.0', 'detected', []],
    ['an unknown text alone', facts(null, [], { licenseFiles: 1, unknown: [{ file: 'pkg/LICENSE', line: 1, partly: false, closest: 'ISC 0.84' }] }), 'NOASSERTION', 'none', ['unknown-text:warning']],
    // A whole license file of other words, where no file holds the declared license's text: the terms may be those words.
    ['an unknown text instead of the declared one', facts('ISC', [], { licenseFiles: 1, unknown: [{ file: 'pkg/LICENSE', line: 1, partly: false, closest: null }] }), 'ISC', 'declared', ['unknown-text:warning']],
    ['an unknown text beside the declared one', facts('ISC', ['ISC'], { licenseFiles: 2, unknown: [{ file: 'pkg/NOTES', line: 1, partly: false, closest: null }] }), 'ISC', 'declared-and-detected', ['unknown-text:note']],
    ['words beside the declared license in its file', facts('ISC', [], { licenseFiles: 1, unknown: [{ file: 'pkg/LICENSE', line: 1, partly: true, closest: null }] }), 'ISC', 'declared', ['unknown-text:note']],
    // SpreadJS's "Commercial", FusionCharts' "http://www.fusioncharts.com/buy/": terms farleft cannot read, beside texts that may be bundled code's.
    ['an unreadable declaration beside texts', { ...facts(null, ['MIT', 'BSD-3-Clause']), declared: { expression: 'NOASSERTION', confidence: 0.3, file: 'pkg/package.json', line: 3, field: 'license', raw: 'Commercial' } }, 'NOASSERTION', 'declared-and-detected', ['declared-vs-text-conflict:warning']],
    ['an unreadable declaration that names the text\'s license', { ...facts(null, ['MIT']), declared: { expression: 'NOASSERTION', confidence: 0.3, file: 'pkg/package.json', line: 3, field: 'license', raw: 'MIT OR SEE LICENSE IN FEEL-FREE.md' } }, 'MIT', 'detected', []],
    // KendoReact: "SEE LICENSE IN LICENSE.md", whose "This is commercial software…" no license explains, beside a NOTICE.txt of open source texts.
    ['SEE LICENSE IN a text no license explains, beside other texts', facts('SEE LICENSE IN LICENSE.md', ['MIT', 'BSD-3-Clause'], { licenseFiles: 2, unknown: [{ file: 'pkg/LICENSE.md', line: 1, partly: false, closest: null }] }), 'NOASSERTION', 'detected', ['unknown-text:warning']],
    ['SEE LICENSE IN a text that names its license, beside a file of unknown words', facts('SEE LICENSE IN LICENSE.md', ['MIT'], { licenseFiles: 2, unknown: [{ file: 'pkg/NOTES.md', line: 1, partly: false, closest: null }] }), 'MIT', 'detected', ['unknown-text:note']],
    // mapbox-gl's LICENSE.txt: the Mapbox TOS, then the BSD text of the code it took from its earlier versions.
    ['terms under a license nobody can name, beside texts', facts('SEE LICENSE IN LICENSE.txt', ['BSD-3-Clause', 'MIT'], { licenseFiles: 1, unknown: [{ file: 'pkg/LICENSE', line: 1, partly: true, closest: null, terms: 'licensed under the Mapbox TOS for use only with…' }] }), 'NOASSERTION', 'detected', ['unknown-text:warning']],
    ['terms beside a declaration its text confirms', facts('MIT', ['MIT'], { unknown: [{ file: 'pkg/LICENSE', line: 1, partly: true, closest: null, terms: 'available under exclusive terms of …' }] }), 'NOASSERTION', 'declared-and-detected', ['unknown-text:warning']],
    ['no license granted stands beside such terms', facts('UNLICENSED', ['MIT'], { unknown: [{ file: 'pkg/LICENSE', line: 1, partly: true, closest: null, terms: 'licensed under our terms only' }] }), 'UNLICENSED', 'declared-and-detected', ['unknown-text:warning', 'declared-vs-text-conflict:warning']],
  ] as const)('%s', (_, input, license, basis, codes) => {
    const d = decideLicense(input, testCatalog());
    expect([d.license, d.basis, d.problems.map((p) => `${p.code}:${p.severity}`)]).toEqual([license, basis, codes]);
  });

  it('names the manifest and the license file in a conflict', () => {
    const [p] = decideLicense(facts('MIT', ['Apache-2.0']), testCatalog()).problems;
    expect(p).toMatchObject({ file: 'pkg/package.json', line: 3 });
    expect(p!.message).toContain('pkg/LICENSE holds the text of Apache-2.0');
  });
});
