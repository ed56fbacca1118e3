import { describe, expect, it } from 'vitest';
import { createCatalog, licenseFamily } from '../../src/catalog/index.js';
import { compileNameTable, keyOf, nameToExpression, urlToExpression, type NameHow } from '../../src/catalog/names.js';
import type { LicenseEntry } from '../../src/catalog/schema.js';
import { testCatalog } from '../helpers.js';

const catalog = testCatalog();

// [what was written, expected expression, how it was read]. 'catalog' is 'alias' or 'name':
// which of the two finds a name depends on the catalog's data (an alias may equal SPDX's name).
const rows: [string, string, NameHow | 'catalog'][] = [
  // SPDX ids and expressions, any case
  ['MIT', 'MIT', 'spdx'],
  ['mit', 'MIT', 'spdx'],
  ['apache-2.0', 'Apache-2.0', 'spdx'],
  ['GPL-3.0-or-later', 'GPL-3.0-or-later', 'spdx'],
  ['AGPL-3.0+', 'AGPL-3.0-or-later', 'spdx'],
  ['LGPL-2.1+', 'LGPL-2.1-or-later', 'spdx'],
  ['MIT OR Apache-2.0', 'MIT OR Apache-2.0', 'spdx'],
  ['Apache-2.0 WITH LLVM-exception', 'Apache-2.0 WITH LLVM-exception', 'spdx'],
  ['PPL', 'PPL', 'spdx'],
  ['UNLICENSED', 'UNLICENSED', 'spdx'],
  // SPDX full names and catalog aliases (copyfarleft names included)
  ['GNU General Public License v3.0 only', 'GPL-3.0-only', 'catalog'],
  ['Peer Production License', 'PPL', 'catalog'],
  ['Peer Production Licence', 'PPL', 'catalog'],
  ['Cooperative Non-Violent Public License v7', 'LicenseRef-CNPL-7.0', 'catalog'],
  ['CNPL v7', 'LicenseRef-CNPL-7.0', 'catalog'],
  ['CNPLv7', 'LicenseRef-CNPL-7.0', 'catalog'],
  ['CNPLv7+', 'LicenseRef-CNPL-7.0-or-later', 'catalog'],
  ['Non-Violent Public License v7', 'LicenseRef-NVPL-7.0', 'catalog'],
  ['Anti-Capitalist Software License', 'LicenseRef-ACSL-1.4', 'catalog'],
  ['Hippocratic License 2.1', 'Hippocratic-2.1', 'catalog'],
  ['The Unlicense', 'Unlicense', 'catalog'],
  ['Mozilla Public License 2.0', 'MPL-2.0', 'catalog'],
  ['Eclipse Public License 2.0', 'EPL-2.0', 'catalog'], // spdx-correct says EPL-1.0
  ['Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International', 'CC-BY-NC-SA-4.0', 'catalog'],
  ['Creative Commons Attribution Share Alike 4.0 International', 'CC-BY-SA-4.0', 'catalog'],
  // Common short forms
  ['GPLv3', 'GPL-3.0-only', 'catalog'],
  ['GPL-3', 'GPL-3.0-only', 'catalog'],
  ['GPL 3.0', 'GPL-3.0-only', 'catalog'],
  ['GPLv3+', 'GPL-3.0-or-later', 'catalog'],
  ['GPL-2+', 'GPL-2.0-or-later', 'catalog'],
  ['GPLv2 or later', 'GPL-2.0-or-later', 'catalog'],
  ['GPL version 2 or any later version', 'GPL-2.0-or-later', 'catalog'],
  ['GPL (>= 2)', 'GPL-2.0-or-later', 'catalog'],
  ['LGPL (>= 2.1)', 'LGPL-2.1-or-later', 'catalog'],
  // "Or later" of a license without -or-later ids: SPDX's "+" (LaTeX packages' "either version 1.3c of this license or (at your option) any later version").
  ['LaTeX Project Public License, either version 1.3c of this license or any later version', 'LPPL-1.3c+', 'catalog'],
  ['European Union Public Licence 1.2 or later', 'EUPL-1.2+', 'catalog'],
  ['LGPLv2.1+', 'LGPL-2.1-or-later', 'catalog'],
  ['Lesser GPL 3', 'LGPL-3.0-only', 'catalog'],
  ['GNU Affero General Public License, version 3 or later', 'AGPL-3.0-or-later', 'catalog'],
  ['Apache 2', 'Apache-2.0', 'catalog'],
  ['Apache License, Version 2.0', 'Apache-2.0', 'catalog'],
  ['Apache 2 License', 'Apache-2.0', 'catalog'],
  ['BSD 3-Clause', 'BSD-3-Clause', 'catalog'],
  ['BSD (3 clause)', 'BSD-3-Clause', 'catalog'],
  ['3-clause BSD', 'BSD-3-Clause', 'catalog'],
  ['Simplified BSD', 'BSD-2-Clause', 'catalog'],
  ['FreeBSD', 'BSD-2-Clause', 'catalog'],
  ['Zero-Clause BSD', '0BSD', 'catalog'],
  ['MIT License', 'MIT', 'catalog'],
  ['MIT Licence', 'MIT', 'catalog'],
  ['The MIT License (MIT)', 'MIT', 'catalog'],
  ["Ruby's", 'Ruby', 'catalog'], // a gemspec's licenses entry
  ['Expat', 'MIT', 'catalog'],
  ['MPL 2.0', 'MPL-2.0', 'catalog'],
  ['Mozilla 2.0', 'MPL-2.0', 'catalog'],
  ['CC BY-SA 4.0', 'CC-BY-SA-4.0', 'catalog'],
  ['CC-BY-NC-SA 4.0', 'CC-BY-NC-SA-4.0', 'catalog'],
  ['CC BY-NC-SA 3.0 DE', 'CC-BY-NC-SA-3.0-DE', 'catalog'],
  ['Creative Commons Attribution NoDerivatives 4.0', 'CC-BY-ND-4.0', 'catalog'],
  ['CC0', 'CC0-1.0', 'catalog'],
  ['CC0 1.0 Universal (CC0 1.0) Public Domain Dedication', 'CC0-1.0', 'catalog'],
  ['Boost 1.0', 'BSL-1.0', 'catalog'],
  ['Blue Oak Model License', 'BlueOak-1.0.0', 'catalog'], // it has one version
  ['the Blue Oak Model License', 'BlueOak-1.0.0', 'catalog'],
  ['Python Software Foundation License', 'PSF-2.0', 'catalog'],
  ['zlib/libpng License', 'Zlib', 'catalog'],
  ['same terms as Perl itself', 'Artistic-1.0-Perl OR GPL-1.0-or-later', 'catalog'],
  ['same terms as Perl 5 itself', 'Artistic-1.0-Perl OR GPL-1.0-or-later', 'catalog'],
  ['either the GNU General Public License or the Artistic License', 'Artistic-1.0-Perl OR GPL-1.0-or-later', 'catalog'],
  // Perl's Artistic License by its name, and "the Artistic License" with no version in a choice with GPL-1.0-or-later
  // (Perl's terms since 1991; the Artistic License 2.0 came in 2006): Getopt::Long's, Perl's README's.
  ['the Perl Artistic License', 'Artistic-1.0-Perl', 'catalog'],
  // "or later" of a catalog license with an -or-later id of its own: that id (SPDX's "+" is for SPDX ids only).
  ['CNPL v7 or later', 'LicenseRef-CNPL-7.0-or-later', 'catalog'],
  ['CNPLv7 or any later version', 'LicenseRef-CNPL-7.0-or-later', 'catalog'],
  ['NVPL v4 or later', 'LicenseRef-NVPL-4.0-or-later', 'catalog'],
  ['CNPL version 6', 'LicenseRef-CNPL-6.0', 'catalog'],
  ['Cooperative Non-Violent Public License 5 or later', 'LicenseRef-CNPL-5.0-or-later', 'catalog'],
  ['the same license as Perl', 'Artistic-1.0-Perl OR GPL-1.0-or-later', 'catalog'], // threads'
  // Ruby's standard library says its terms as CPAN says Perl's.
  ['the same terms as Ruby', 'Ruby', 'catalog'],
  ['the same terms of ruby itself', 'Ruby', 'catalog'],
  ['the same term as Ruby', 'Ruby', 'catalog'],
  ['the same licence as Ruby', 'Ruby', 'catalog'],
  ['the same license terms as Ruby', 'Ruby', 'catalog'],
  ["the same terms of Ruby's license", 'Ruby', 'catalog'],
  ['the same term of license as Ruby', 'Ruby', 'catalog'], // xmlrpc's
  ['the same terms as Perl 5', 'Artistic-1.0-Perl OR GPL-1.0-or-later', 'catalog'], // Storable's
  ['Artistic License or the GNU General Public License as published by the Free Software Foundation, either version 1, or (at your option) any later version', 'Artistic-1.0-Perl OR GPL-1.0-or-later', 'catalog'],
  ['the Artistic License or the GNU GPL version 2 or later', 'Artistic-2.0 OR GPL-2.0-or-later', 'ambiguous'],
  // A condition on a license is both: Redis modules' and others' "Apache-2.0 WITH Commons-Clause".
  ['Apache-2.0 WITH Commons-Clause', 'Apache-2.0 AND LicenseRef-Commons-Clause-1.0', 'catalog'],
  ['Apache 2.0 with Commons Clause', 'Apache-2.0 AND LicenseRef-Commons-Clause-1.0', 'catalog'],
  ['same terms as the Perl 5 programming language system itself', 'Artistic-1.0-Perl OR GPL-1.0-or-later', 'catalog'],
  ['Proprietary', 'UNLICENSED', 'catalog'],
  // Titles with the date under them, as Perl's Software::License names its licenses
  ['The GNU General Public License, Version 1, February 1989', 'GPL-1.0-only', 'catalog'],
  ['The GNU Lesser General Public License, Version 2.1, February 1999', 'LGPL-2.1-only', 'catalog'],
  ['The Apache License, Version 2.0, January 2004', 'Apache-2.0', 'catalog'],
  ['GNU Affero General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version', 'AGPL-3.0-or-later', 'catalog'],
  // Several names: '/' (old Cargo), '|' (R), 'or', 'and', a dual licence
  ['MIT/Apache-2.0', 'MIT OR Apache-2.0', 'catalog'],
  ['MIT or Apache 2.0', 'MIT OR Apache-2.0', 'catalog'],
  ['(MIT or Apache-2.0)', 'MIT OR Apache-2.0', 'catalog'],
  ['GPL-2 | GPL-3', 'GPL-2.0-only OR GPL-3.0-only', 'catalog'],
  ['MIT and Apache-2.0', 'MIT AND Apache-2.0', 'catalog'],
  ['dual licensed under MIT and Apache 2.0', 'MIT OR Apache-2.0', 'catalog'],
  // minimal-lexical's LICENSE.md: "dual licensed under the Apache 2.0 license as well as the MIT license"
  ['MIT as well as Apache-2.0', 'MIT AND Apache-2.0', 'catalog'],
  ['dual licensed under the Apache 2.0 license as well as the MIT license', 'Apache-2.0 OR MIT', 'catalog'],
  // Ambiguous: a family without its version, or "public domain"
  ['GPL', 'GPL-1.0-or-later', 'ambiguous'],
  ['LGPL', 'LGPL-2.0-or-later', 'ambiguous'],
  ['Affero GPL', 'AGPL-3.0-or-later', 'ambiguous'],
  ['Apache', 'Apache-2.0', 'ambiguous'],
  ['Apache Software License', 'Apache-2.0', 'ambiguous'],
  ['BSD', 'BSD-3-Clause', 'ambiguous'],
  ['BSD License', 'BSD-3-Clause', 'ambiguous'],
  ['MPL', 'MPL-2.0', 'ambiguous'],
  ['cc-by-sa', 'CC-BY-SA-4.0', 'ambiguous'],
  ['Public Domain', 'LicenseRef-Public-Domain', 'ambiguous'],
  ['MIT or GPL', 'MIT OR GPL-1.0-or-later', 'ambiguous'],
  // The catalog's copyfarleft families without a version: the latest, as a guess.
  ['CNPL', 'LicenseRef-CNPL-7.0', 'ambiguous'],
  ['the Cooperative Non-Violent Public License', 'LicenseRef-CNPL-7.0', 'ambiguous'],
  ['NVPL', 'LicenseRef-NVPL-7.0', 'ambiguous'],
  ['Non-Violent Public License', 'LicenseRef-NVPL-7.0', 'ambiguous'],
  ['Hippocratic License', 'LicenseRef-Hippocratic-3.0', 'ambiguous'],
  // Misspelt: spdx-correct, checked
  ['mit licnse', 'MIT', 'corrected'],
  ['Apache Lisence 2.0', 'Apache-2.0', 'corrected'],
  // URLs
  ['https://creativecommons.org/licenses/by-sa/4.0/', 'CC-BY-SA-4.0', 'url'],
  ['http://creativecommons.org/licenses/by-nc-sa/3.0/legalcode', 'CC-BY-NC-SA-3.0', 'url'],
  ['https://creativecommons.org/licenses/by/4.0/deed.de', 'CC-BY-4.0', 'url'],
  ['creativecommons.org/licenses/by/3.0/de/', 'CC-BY-3.0-DE', 'url'],
  ['https://creativecommons.org/publicdomain/zero/1.0/', 'CC0-1.0', 'url'],
  ['https://opensource.org/licenses/MIT', 'MIT', 'url'],
  ['http://www.opensource.org/licenses/mit-license.php', 'MIT', 'url'],
  ['https://opensource.org/license/bsd-3-clause/', 'BSD-3-Clause', 'url'],
  ['https://www.gnu.org/licenses/gpl-3.0.html', 'GPL-3.0-only', 'url'],
  ['https://www.gnu.org/licenses/agpl-3.0.en.html', 'AGPL-3.0-only', 'url'],
  // The Hippocratic License 3.0 with modules: its builder's page names them (cl-eco-extr); the core text is SPDX's.
  ['https://firstdonoharm.dev/version/3/0/cl-eco-extr.html', 'LicenseRef-Hippocratic-3.0', 'url'],
  ['https://firstdonoharm.dev/version/3/0/bds-bod-cl-eco-ffd-law-media-mil-soc-sup-sv-tal-usta-xuar.md', 'LicenseRef-Hippocratic-3.0', 'url'],
  ['https://firstdonoharm.dev/version/3/0/core.html', 'Hippocratic-3.0-core', 'url'],
  ['https://firstdonoharm.dev/version/3/0/eco.html', 'LicenseRef-Hippocratic-3.0', 'url'],
  ['https://www.gnu.org/licenses/old-licenses/lgpl-2.1.txt', 'LGPL-2.1-only', 'url'],
  ['http://www.apache.org/licenses/LICENSE-2.0', 'Apache-2.0', 'url'],
  ['https://www.apache.org/licenses/LICENSE-2.0.txt', 'Apache-2.0', 'url'],
  ['https://www.mozilla.org/en-US/MPL/2.0/', 'MPL-2.0', 'url'],
  ['https://spdx.org/licenses/MIT.html', 'MIT', 'url'],
  ['https://wiki.p2pfoundation.net/Peer_Production_License', 'PPL', 'url'],
  ['https://anticapitalist.software/', 'LicenseRef-ACSL-1.4', 'url'],
  // The OFL's own site, in every Google Font's name table since 2023.
  ['https://openfontlicense.org', 'OFL-1.1', 'url'],
  ['https://openfontlicense.org/', 'OFL-1.1', 'url'],
];

describe('the name table', () => {
  it('is compiled into the generated catalog as this code makes it, and a catalog without it reads names the same', () => {
    // A stale generated/catalog.json (keyOf changed since the build) would fail here: rebuild.
    expect(catalog.data.names).toEqual(compileNameTable(catalog.entries));
    expect(catalog.data.names!.length).toBeGreaterThan(1000);
    const { names: _, ...rest } = catalog.data;
    const bare = createCatalog(rest);
    for (const written of ['Peer Production License', 'GNU GPL v3', 'Creative Commons Attribution-ShareAlike 4.0', 'the MIT license'])
      expect(nameToExpression(written, bare)).toEqual(nameToExpression(written, catalog));
  });
});

describe('nameToExpression', () => {
  it.each(rows)('%j -> %s (%s)', (text, expression, how) => {
    const hit = nameToExpression(text, catalog);
    expect(hit?.expression).toBe(expression);
    if (how === 'catalog') expect(['alias', 'name']).toContain(hit!.how);
    else expect(hit!.how).toBe(how);
    expect(catalog.normalize(hit!.expression).marker ?? catalog.normalize(hit!.expression).valid).toBeTruthy();
  });

  // Text that names no license, and spdx-correct's known wrong guesses.
  it.each([
    'Hello world',
    'foo',
    'the',
    'License',
    'see LICENSE',
    'Copyright',
    'Custom',
    'TBD',
    'N/A',
    'GPL-2.0+159', // spdx-correct: GPL-2.0-only
    'MIT; Apache', // spdx-correct keeps one of two
    'icalendar', // spdx-correct: CAL-1.0 (the gem's own license, a gemspec's licenses[2])
    'BSD with advertising', // spdx-correct: BSD-2-Clause, the advertising clause dropped
    'MIT or later', // a license without versions has no later one
    'GPL-2.0 with Classpath', // spdx-correct: GPL-2.0-only, the exception dropped
    'Mozila Public License 2.0',
    'Eclipse Distribution License 1.0',
    'CC-BY-ND-SA 4.0', // ND and SA exclude each other
    'GPL 4',
    'GPL (> 2)', // R's version restriction: without it, every version (GPL-1.0-or-later)
    'GPL (>= 3.5.0)', // no such version
    'https://github.com/foo/bar/blob/main/LICENSE',
    'http://example.com/license',
    '',
    '   ',
    'x'.repeat(1000),
    'constructor', // no prototype key leaks from a lookup table
    '__proto__',
    'cc constructor',
  ])('%j -> null', (text) => {
    expect(nameToExpression(text, catalog)).toBeNull();
  });

  it('reads UNLICENSED as npm means it (no license), not as the Unlicense', () => {
    expect(nameToExpression('UNLICENSED', catalog)?.expression).toBe('UNLICENSED');
    expect(nameToExpression('Unlicense', catalog)?.expression).toBe('Unlicense');
  });

  it('grades confidence: exact > alias or name > short form > url > corrected > ambiguous', () => {
    const c = (t: string): number => nameToExpression(t, catalog)!.confidence;
    expect(c('MIT')).toBe(1);
    expect(c('Peer Production License')).toBe(0.95);
    expect(c('Lesser GPL 3')).toBe(0.9);
    expect(c('https://opensource.org/licenses/MIT')).toBe(0.9);
    expect(c('mit licnse')).toBe(0.8);
    expect(c('BSD')).toBe(0.5);
  });

  it('says why an ambiguous name is ambiguous', () => {
    expect(nameToExpression('GPL', catalog)?.note).toMatch(/ambiguous: .*any version.*read as GPL-1\.0-or-later/);
    expect(nameToExpression('BSD', catalog)?.note).toMatch(/BSD-2-Clause, BSD-3-Clause, BSD-4-Clause/);
    expect(nameToExpression('MIT/Apache-2.0', catalog)?.note).toMatch(/'\/' is read as OR/);
  });

  it('leaves spdx-correct out when asked (prose probing)', () => {
    expect(nameToExpression('mit licnse', catalog, { correct: false })).toBeNull();
    expect(nameToExpression('MIT License', catalog, { correct: false })?.expression).toBe('MIT');
  });

  it('builds its tables per catalog: a name known to one catalog is unknown to another', () => {
    const extra: LicenseEntry = { ...catalog.get('MIT')!, id: 'LicenseRef-Test-Commons', name: 'Test Commons License 1.0', aliases: ['TCL-ish'], url: 'https://example.org/tcl', urls: ['https://example.org/tcl'] };
    // Other entries need their own name table: the generated one is compiled for the generated entries.
    const { names: _, ...data } = catalog.data;
    const other = createCatalog({ ...data, entries: [...catalog.data.entries, extra] });
    expect(nameToExpression('Test Commons License 1.0', other)?.expression).toBe('LicenseRef-Test-Commons');
    expect(nameToExpression('TCL-ish', other)?.how).toBe('alias');
    expect(urlToExpression('https://example.org/tcl/', other)?.expression).toBe('LicenseRef-Test-Commons');
    expect(nameToExpression('Test Commons License 1.0', catalog)).toBeNull();
  });

  it('finishes on hostile input (a backtracking pattern would not)', () => {
    for (const t of ['a.'.repeat(100), '"'.repeat(150) + 'x', 'GPL or '.repeat(28), '(('.repeat(99), 'v1 '.repeat(66)]) nameToExpression(t, catalog);
  });
});

describe('keyOf', () => {
  it.each([
    ['GPL-3.0', 'gpl 3'],
    ['GPLv3', 'gpl 3'],
    ['GNU GPL version 3', 'gnu gpl 3'],
    ['The MIT Licence', 'mit'],
    ['LGPLv2.1+', 'lgpl 2.1 +'],
    ['GPL (>= 2)', 'gpl 2 or later'],
    ['BlueOak-1.0.0', 'blueoak 1'],
    ["Ruby's", 'ruby'],
  ])('%j -> %j', (text, key) => expect(keyOf(text)).toBe(key));
});

describe('licenseFamily', () => {
  it.each([
    ['GPL-2.0-only', 'GPL-2.0'],
    ['GPL-2.0-or-later', 'GPL-2.0'],
    ['GPL-2.0+', 'GPL-2.0'],
    ['MIT', 'MIT'],
  ])('licenseFamily(%s) = %s', (id, f) => expect(licenseFamily(id)).toBe(f));
});
