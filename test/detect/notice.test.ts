import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/detect/index.js';
import { detector } from '../../src/detect/notice.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { readFileInput } from '../../src/walk/read.js';
import { fileInput, testContext } from '../helpers.js';

const detect = (path: string, text: string) => detector.detect(fileInput(path, text), testContext());
const found = (path: string, text: string): [string, number, string][] =>
  detect(path, text).declarations.map((d) => [d.expression, d.line!, d.field!]);

describe('notice: which files', () => {
  it.each([
    ['README.md', true],
    ['README', true],
    ['readme.rst', true],
    ['Readme.txt', true],
    ['docs/README.en.md', true],
    ['packages/a/README-dev.md', true],
    ['README_zh.md', true],
    ['READMEFIRST', false],
    ['LICENSE', false],
    ['src/readme.ts.bak/x.js', false],
  ])('%s -> %s', (path, accepted) => expect(detector.accepts(path, 'text')).toBe(accepted));
});

describe('notice: what is found', () => {
  // [case, README text, [expression, line, how found][]]
  it.each([
    ['the Peer Production License', '# coop-tool\n\nThis repository is licensed under the Peer Production License.\n', [['PPL', 3, 'sentence']]],
    // A bar parts a banner's fields: "other contributors" is the subject of the field before, not of "Released under".
    ['a banner in fields (DOMPurify\'s)', '@license DOMPurify 3.5.0 | (c) Cure53 and other contributors | Released under the Apache license 2.0 and Mozilla Public License 2.0 | github.com/cure53/DOMPurify\n', [['Apache-2.0 AND MPL-2.0', 1, 'sentence']]],
    ['CNPL v7', '# Foo\n\nThe code is released under CNPL v7.\n', [['LicenseRef-CNPL-7.0', 3, 'sentence']]],
    ['CNPL v7 or later', '# Foo\n\nLicensed under the CNPL v7 or later.\n', [['LicenseRef-CNPL-7.0-or-later', 3, 'sentence']]],
    // Dedications: the Unlicense's first sentence names it; a plain one is the public domain, read with its doubt.
    ["the Unlicense's first sentence", '# tool\n\n## License\n\nThis is free and unencumbered software released into the public domain.\n', [['Unlicense', 5, 'sentence']]],
    ['"This project is released into the public domain"', '# tool\n\nThis project is released into the public domain.\n', [['LicenseRef-Public-Domain', 3, 'sentence']]],
    ['something the work uses, in the public domain: nothing', '# tool\n\nThis tool uses SQLite, which is in the public domain.\n', []],
    // A font's README in the OFL's words: "This Font Software" is the work, not a font the work uses.
    ['"This Font Software is licensed under the SIL Open Font License"', '# Coop Sans\n\nThis Font Software is licensed under the SIL Open Font License, Version 1.1.\n', [['OFL-1.1', 3, 'sentence']]],
    // Creative Commons' own wording of a default: the exceptions are elsewhere.
    ['"Except where otherwise noted, content in this repository is licensed under …"', '# Photos\n\nExcept where otherwise noted, content in this repository is licensed under a [Creative Commons Attribution 4.0 International license](https://creativecommons.org/licenses/by/4.0/).\n', [['CC-BY-4.0', 3, 'sentence']]],
    ['"Unless otherwise stated, all content is licensed under …"', '# Zine\n\nUnless otherwise stated, all content is licensed under CC BY-SA 4.0.\n', [['CC-BY-SA-4.0', 3, 'sentence']]],
    // "Alternatively" offers the second license instead of the first: a choice, not both.
    ['"Alternatively, … may be used under" another license', '# Foo\n\nThis project is licensed under the MIT License.\n\nAlternatively, this project may be used under the Apache License 2.0.\n', [['MIT OR Apache-2.0', 3, 'sentence']]],
    // A badge showing one license of the choice the sentence states is not one more license.
    ['a badge for one license of a choice', '# Foo\n\n[![License: MIT](https://img.shields.io/badge/License-MIT-yellow.svg)](LICENSE)\n\nLicensed under the Apache License, Version 2.0 or the MIT license, at your option.\n', [['Apache-2.0 OR MIT', 5, 'sentence']]],
    // Cairo's README and COPYING; curl's configure: "may be copied, distributed and modified under the terms of the curl license".
    [
      '"redistributed and/or modified under" (cairo\'s)',
      '# cairo\n\nCairo is available to be\nredistributed and/or modified under the terms of either the GNU Lesser\nGeneral Public License (LGPL) version 2.1 or the Mozilla Public\nLicense (MPL) version 1.1.\n',
      [['LGPL-2.1-only OR MPL-1.1', 4, 'sentence']],
    ],
    ['"redistributed under"', '# Foo\n\nThe code may be redistributed under the MIT license.\n', [['MIT', 3, 'sentence']]],
    ['a bare sentence', '# Foo\n\nLicensed under the MIT License.\n', [['MIT', 3, 'sentence']]],
    ['the terms of', '# Foo\n\nFoo is distributed under the terms of the GNU General Public License v3.0 or later.\n', [['GPL-3.0-or-later', 3, 'sentence']]],
    ['"X licensed"', '# Foo\n\nThis project is MIT-licensed.\n', [['MIT', 3, 'sentence']]],
    ['"is under"', '# Foo\n\nAll code in this repository is under the ACSL.\n', [['LicenseRef-ACSL-1.4', 3, 'sentence']]],
    ['the project named in the heading', '# farleft\n\nfarleft is available under the Anti-Capitalist Software License.\n', [['LicenseRef-ACSL-1.4', 3, 'sentence']]],
    ['a sentence over two lines', '# Foo\n\nThis work is licensed under a\n[Creative Commons Attribution-ShareAlike 4.0 International License](http://creativecommons.org/licenses/by-sa/4.0/).\n', [['CC-BY-SA-4.0', 3, 'sentence']]],
    [
      'the GNU boilerplate',
      'foo\n===\n\nfoo is free software: you can redistribute it and/or modify\nit under the terms of the GNU Affero General Public License as published by\nthe Free Software Foundation, either version 3 of the License, or\n(at your option) any later version.\n',
      [['AGPL-3.0-or-later', 4, 'sentence']],
    ],
    // The GPL-2 and LGPL-2.1 boilerplate goes on after a semicolon: the version is there.
    [
      'the GNU boilerplate with its semicolon',
      'foo\n===\n\nThis program is free software; you can redistribute it and/or modify\nit under the terms of the GNU General Public License as published by\nthe Free Software Foundation; either version 2 of the License, or\n(at your option) any later version.\n',
      [['GPL-2.0-or-later', 4, 'sentence']],
    ],
    [
      'the LGPL boilerplate of version 3 (KDE\'s Breeze icons)',
      'foo\n===\n\nThis library is free software; you can redistribute it and/or\nmodify it under the terms of the GNU Lesser General Public\nLicense as published by the Free Software Foundation; either\nversion 3 of the License, or (at your option) any later version.\n',
      [['LGPL-3.0-or-later', 5, 'sentence']],
    ],
    [
      'one GNU version, after a semicolon',
      'foo\n===\n\nThis program is free software; you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation; version 2 of the License.\n',
      [['GPL-2.0-only', 4, 'sentence']],
    ],
    ['a dual license', '# Foo\n\nFoo is dual-licensed under MIT and Apache-2.0.\n', [['MIT OR Apache-2.0', 3, 'sentence']]],
    [
      '"licensed under either of" and a list',
      '# Foo\n\n## License\n\nLicensed under either of\n\n * Apache License, Version 2.0 ([LICENSE-APACHE](LICENSE-APACHE) or http://www.apache.org/licenses/LICENSE-2.0)\n * MIT license ([LICENSE-MIT](LICENSE-MIT) or http://opensource.org/licenses/MIT)\n\nat your option.\n',
      [['Apache-2.0 OR MIT', 5, 'sentence']],
    ],
    // TinyMCE 8's license.md: a list after "Licensed under, and subject to the restrictions of:"; its own terms name no license.
    [
      '"licensed under, and subject to the restrictions of" and a list',
      '# Foo\n\n## License\n\nLicensed under, and subject to the restrictions of:\n1. The terms of [GNU General Public License Version 2 or later](http://www.gnu.org/licenses/gpl.html); or\n2. The Foo Software Terms & Conditions of Use presented at <https://foo.example/legal/>.\n',
      [['GPL-2.0-or-later', 5, 'sentence']],
    ],
    // Perl's Software::License writes every LICENSE so: the name on a line of its own after a colon.
    [
      '"licensed under:" and the name on a line of its own',
      'This software is Copyright (c) 2013 by Jo Doe.\n\nThis is free software, licensed under:\n\n  The GNU General Public License, Version 3, June 2007\n',
      [['GPL-3.0-only', 3, 'sentence']],
    ],
    ['a License section starting with a name', '# Foo\n\n## License\n\nMIT © [Jane Doe](https://jane.example)\n', [['MIT', 5, 'section']]],
    // The work being used ("may be used … under"), not the work using something.
    ['the work "may be used, modified and distributed under"', '# Foo\n\nFoo may only be used, modified, and distributed under the terms of the Peer Production License.\n', [['PPL', 3, 'sentence']]],
    ['a reStructuredText License section', 'Foo\n===\n\nLicense\n-------\n\nGPL-3.0-or-later. See COPYING.\n', [['GPL-3.0-or-later', 7, 'section']]],
    ['an emoji in the heading', '# Foo\n\n## 📝 Licence\n\n[PPL](LICENSE)\n', [['PPL', 5, 'section']]],
    ['a shields.io badge', '# Foo\n\n![License](https://img.shields.io/badge/license-CC--BY--NC--SA%204.0-lightgrey.svg)\n', [['CC-BY-NC-SA-4.0', 3, 'badge']]],
    ['a static badge with query', '# Foo\n<img src="https://img.shields.io/static/v1?label=License&message=PPL&color=red">\n', [['PPL', 2, 'badge']]],
    ['a badgen badge', '# Foo\n\n[![](https://badgen.net/badge/license/Apache%202.0/blue)](LICENSE)\n', [['Apache-2.0', 3, 'badge']]],
    [
      'a badge and its link: one declaration',
      '# Foo\n\n[![License: GPL v3](https://img.shields.io/badge/License-GPLv3-blue.svg)](https://www.gnu.org/licenses/gpl-3.0)\n',
      [['GPL-3.0-only', 3, 'badge']],
    ],
    ['a link in the License section', '# Foo\n\n## License\n\nSee [the license](https://creativecommons.org/licenses/by/4.0/).\n', [['CC-BY-4.0', 5, 'link']]],
    [
      'the same license twice: one declaration, first line, best confidence',
      '# Foo\n\n[![License: MIT](https://img.shields.io/badge/License-MIT-yellow.svg)](https://opensource.org/licenses/MIT)\n\n## License\n\nDistributed under the MIT License.\n',
      [['MIT', 3, 'sentence']],
    ],
    ['ambiguous name', '# Foo\n\nThis software is released under the BSD license.\n', [['BSD-3-Clause', 3, 'sentence']]],
    // Perl's README: a list lettered a) and b), "the Artistic License" with no version beside GPL-1.0-or-later.
    ['Perl\'s README', '# Perl\n\n    This program is free software; you can redistribute it and/or modify\n    it under the terms of either:\n\n\ta) the GNU General Public License as published by the Free\n\tSoftware Foundation; either version 1, or (at your option) any\n\tlater version, or\n\n\tb) the "Artistic License" which comes with this Kit.\n', [['GPL-1.0-or-later OR Artistic-1.0-Perl', 3, 'sentence']]],
    // Storable's "You may redistribute only under", I18N::LangTags' "…modify this document under".
    ['"You may redistribute only under …"', '# Foo\n\n## License\n\nYou may redistribute only under the same terms as Perl 5, as specified in the README file.\n', [['Artistic-1.0-Perl OR GPL-1.0-or-later', 5, 'sentence']]],
    ['"You can redistribute and/or modify this document under …"', '# Foo\n\n## Copyright\n\nYou can redistribute and/or modify this document under the same terms as Perl itself.\n', [['Artistic-1.0-Perl OR GPL-1.0-or-later', 5, 'sentence']]],
    // Bundler's gem template, in thousands of gems' READMEs.
    ['"The gem is available as open source under the terms of the MIT License"', '# foo\n\n## License\n\nThe gem is available as open source under the terms of the [MIT License](https://opensource.org/licenses/MIT).\n', [['MIT', 5, 'sentence']]],
    ['… of the [BSD-2-Clause](LICENSE.txt)', '# prime\n\n## License\n\nThe gem is available as open source under the terms of the [BSD-2-Clause](LICENSE.txt).\n', [['BSD-2-Clause', 5, 'sentence']]],
    // A copyright line's "(c)" opens no lettered item: the paragraph is one sentence.
    ['a paragraph whose second line starts with "(c) 2024"', '# Foo\n\nThis program is Copyright\n(c) 2024 Jo Doe, and is released under the MIT License.\n', [['MIT', 4, 'sentence']]],
    // The grant to the reader: "you may (re)distribute it/this … under" (autodie's, App::Cpan's), as GNU's "you can … modify it under" is.
    ['"This module is free software, you may distribute it under …"', '# Foo\n\n## License\n\nThis module is free software, you may distribute it under the same terms as Perl itself.\n', [['Artistic-1.0-Perl OR GPL-1.0-or-later', 5, 'sentence']]],
    ['"You may redistribute this under …"', '# Foo\n\n## Copyright\n\nCopyright (c) 2001-2021, brian d foy, All Rights Reserved.\n\nYou may redistribute this under the same terms as Perl itself.\n', [['Artistic-1.0-Perl OR GPL-1.0-or-later', 7, 'sentence']]],
    ['"You may modify and/or redistribute this code under …", outside a License section', '# Foo\n\nThis is free software. You may modify and/or redistribute this code under the MIT License.\n', [['MIT', 3, 'sentence']]],
  ] as const)('%s', (_, text, expected) => {
    expect(found('README.md', text)).toEqual(expected);
  });

  it.each([
    ['a dependency\'s license', '# Foo\n\nThis project uses lodash, which is licensed under the MIT License.\n'],
    ['a library it is based on', '# Foo\n\nFoo is based on Bar, released under the GPL.\n'],
    ['part of the work', '# Foo\n\nThe icons are licensed under CC BY 4.0.\n'],
    ['documentation only', '# Foo\n\nAll documentation is licensed under CC-BY-SA-4.0.\n'],
    ['the past', '# Foo\n\nFoo was previously licensed under the GPL.\n'],
    ['an instruction to contributors', '# Foo\n\n## License\n\nYour contributions are licensed under the MIT License.\n'],
    ['what you may do with your own work', '# Foo\n\n## License\n\nYou may distribute your fork under the MIT License.\n'],
    ['a grant about something the work uses', '# Foo\n\nThis tool uses Bar; you may redistribute it under the MIT License.\n'],
    ['a grant after "if"', '# Foo\n\n## License\n\nIf you buy a license, you may redistribute this under the MIT License.\n'],
    ['someone else\'s project', '# Foo\n\nRedux is licensed under the MIT License.\n'],
    ['a credits section', '# Foo\n\n## Credits\n\nThe Inter font is licensed under the SIL Open Font License 1.1.\n'],
    ['a third-party section starting with a name', '# Foo\n\n## Third-party licenses\n\nMIT: lodash, react\n'],
    ['a code block', '# Foo\n\nAdd this header:\n\n```\n// Licensed under the Apache License, Version 2.0\n```\n'],
    ['an HTML comment', '# Foo\n\n<!-- Licensed under the MIT License. -->\n'],
    ['a dynamic badge (fetched at view time)', '# Foo\n\n![license](https://img.shields.io/github/license/acme/foo)\n'],
    ['a non-license badge', '# Foo\n\n![build](https://img.shields.io/badge/build-passing-green)\n'],
    ['a license link outside a License section', '# Foo\n\nPhotos from [Unsplash](https://creativecommons.org/licenses/by/4.0/).\n'],
    ['"available under" something else', '# Foo\n\nBinaries are available under the releases page.\n'],
    ['no name after the anchor', '# Foo\n\n## License\n\nThis project is licensed under the terms described in LICENSE.\n'],
    ['a License section that names nothing', '# Foo\n\n## License\n\nSee the LICENSE file.\n'],
    ['a line after "licensed under:" that names nothing', '# Foo\n\nThis project is licensed under:\n\nthe terms in the file COPYING.\n'],
    // FFmpeg's README: the license of optional parts, not of the project.
    ['optional components', '# FFmpeg\n\n## License\n\nFFmpeg codebase is mainly LGPL-licensed with optional components licensed under\nGPL. Please refer to the LICENSE file for detailed information.\n'],
    ['most of it', '# Foo\n\nFoo is mostly licensed under the MIT license.\n'],
    ['the components a list names', '# Foo\n\n## License\n\nThe following components are licensed under the GNU Affero General Public License v3.0 or later:\n\n- the server\n'],
  ])('nothing for %s', (_, text) => {
    expect(found('README.md', text)).toEqual([]);
  });

  it.each([
    ['an id of another version', 'the GNU General Public License (GPL-3.0-or-later)', 'GPL-3.0-or-later', 'GNU General Public License (GPL-3.0-or-later)'],
    ['an alias of a variant', 'the Hippocratic License 3.0 (HL3-CORE)', 'Hippocratic-3.0-core', 'Hippocratic License 3.0 (HL3-CORE)'],
    ['"or later"', 'the Cooperative Non-Violent Public License (CNPL-7.0-or-later)', 'LicenseRef-CNPL-7.0-or-later', 'Cooperative Non-Violent Public License (CNPL-7.0-or-later)'],
    ['a version', 'the GNU GPL (version 2 or later)', 'GPL-2.0-or-later', 'GNU GPL (version 2 or later)'],
    ['the id of the license named', 'the Apache License (Apache-2.0)', 'Apache-2.0', 'Apache License (Apache-2.0)'],
    // Of another kind: the name stands.
    ['another license', 'the MIT License (Apache-2.0)', 'MIT', 'MIT License'],
    ['no name', 'the Apache License, Version 2.0 (the "License")', 'Apache-2.0', 'Apache License, Version 2.0'],
    ['a pointer', 'the GNU Lesser General Public License v2.1 (see COPYING)', 'LGPL-2.1-only', 'GNU Lesser General Public License v2.1'],
  ])('reads the parenthetical after a name that says which license: %s', (_, name, expression, raw) => {
    const [d] = detect('README.md', `# Foo\n\nThis project is licensed under ${name}.\n`).declarations;
    expect(d).toMatchObject({ expression, raw });
  });

  it('reads a list whose items name one license twice as that license, not a choice of it and itself', () => {
    const text = '# Foo\n\nLicensed under either of:\n\n- the GNU General Public License v3 or later\n- GPL-3.0-or-later ([COPYING](COPYING))\n- the MIT license\n';
    expect(found('README.md', text)).toEqual([['GPL-3.0-or-later OR MIT', 3, 'sentence']]);
  });

  it('is surer of a name the parenthetical after it repeats as an id', () => {
    const conf = (text: string): number => detect('README.md', text).declarations[0]!.confidence;
    expect(conf('# Foo\n\nLicensed under the Apache License (Apache-2.0).\n')).toBeGreaterThan(conf('# Foo\n\nLicensed under the Apache License.\n'));
  });

  it('reads "v." before a version as no end of the sentence (MPL\'s "Mozilla Public License, v. 2.0")', () => {
    const [d] = detect('README.md', '# Foo\n\nThis code is released under the Mozilla Public License, v. 2.0. See LICENSE.\n').declarations;
    expect(d).toMatchObject({ expression: 'MPL-2.0', line: 3, raw: 'Mozilla Public License, v. 2.0' });
    expect(d!.confidence).toBeGreaterThan(0.7);
  });

  it('makes a declaration with source notice, scope by place, and lower confidence than a tag', () => {
    const text = '# Foo\n\nThis project is licensed under the Peer Production License.\n';
    const [root] = detect('README.md', text).declarations;
    expect(root).toMatchObject({ source: 'notice', file: 'README.md', scope: 'project', raw: 'Peer Production License' });
    expect(root!.confidence).toBeGreaterThan(0.5);
    expect(root!.confidence).toBeLessThan(1);
    expect(detect('packages/foo/README.md', text).declarations[0]?.scope).toBe('package');
  });

  it('grades evidence: a sentence > a section line > a badge; an ambiguous name lower still', () => {
    const conf = (text: string): number => detect('README.md', text).declarations[0]!.confidence;
    const sentence = conf('# Foo\n\nLicensed under MIT.\n');
    const section = conf('# Foo\n\n## License\n\nMIT\n');
    const badge = conf('![l](https://img.shields.io/badge/license-MIT-blue)\n');
    const ambiguous = conf('# Foo\n\nLicensed under the GPL.\n');
    expect(sentence).toBeGreaterThan(section);
    expect(section).toBeGreaterThan(badge);
    expect(ambiguous).toBeLessThan(badge);
  });

  it('finishes on hostile text (a backtracking pattern would not)', () => {
    for (const text of [
      'This project is licensed under '.repeat(20_000),
      '![['.repeat(100_000),
      `${'[a]('.repeat(50_000)}`,
      `${' '.repeat(500_000)}#`,
      'https://img.shields.io/badge/'.repeat(20_000),
      `# x\n\n## License\n\n${'MIT '.repeat(100_000)}`,
      'is MIT licensed '.repeat(30_000),
    ])
      detect('README.md', text);
  });
});

describe('fixtures/notices', () => {
  // Read from disk by the walker's reader, through the detector list the scan uses.
  it.each([
    ['README.md', [['PPL', 3, 'project']]],
    ['packages/ledger-ui/README.md', [['LicenseRef-CNPL-7.0-or-later', 9, 'package']]],
    ['vendored-deps/README.md', []],
  ] as const)('%s', (path, expected) => {
    const file = readFileInput(join(PACKAGE_ROOT, 'fixtures', 'notices', path), path);
    const notice = DETECTORS.find((d) => d.name === 'notice')!;
    expect(notice.accepts(path, file.kind)).toBe(true);
    const d = notice.detect(file, testContext());
    expect(d.declarations.map((x) => [x.expression, x.line, x.scope])).toEqual(expected);
  });
});
