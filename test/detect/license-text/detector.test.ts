// The license-text detector: what a license file declares, and what it reports.
import { describe, expect, it } from 'vitest';
import { detectLicenseText, detector } from '../../../src/detect/license-text/detector.js';
import type { DetectContext } from '../../../src/detect/types.js';
import { scan } from '../../../src/scan.js';
import type { Declaration } from '../../../src/types.js';
import { fileInput, makeTree, removeTree, testContext } from '../../helpers.js';
import { CORPUS, CORPUS_NOTE, corpusText, spdxText } from './corpus.js';
import { markdown, reflow } from './transforms.js';

const ctx = testContext(0.9);
const detect = (path: string, text: string, context: DetectContext = ctx) => detectLicenseText(fileInput(path, text), context);
const exprs = (ds: readonly Declaration[]): string[] => ds.map((d) => d.expression);
const codes = (r: { problems: readonly { code: string }[] }): string[] => r.problems.map((p) => p.code);

const CUSTOM = `The Community Garden License

Permission is hereby granted, free of charge, to any person who tends a public garden to use, copy and
share this software, subject to the following conditions: the software may only be used on Tuesdays,
and every user must plant one tree per year of use.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
`;

// Linux's COPYING, abridged: a pointer that names the license by tag (test data, not this file's tag).
// REUSE-IgnoreStart
const POINTER = `The Linux Kernel is provided under:

	SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note

Being under the terms of the GNU General Public License version 2 only,
according with:

	LICENSES/preferred/GPL-2.0

With an explicit syscall exception, as stated at:

	LICENSES/exceptions/Linux-syscall-note

In addition, other licenses may also apply. Please see:

	Documentation/process/license-rules.rst

for more details.

All contributions to the Linux Kernel are subject to this COPYING file.
`;
// REUSE-IgnoreEnd

/** A context whose matcher must not be loaded. */
const EXCEPTION_TEXTS: Record<string, string> = {
  'LGPL-3.0-linking-exception': `As a special exception to the GNU Lesser General Public License version 3
("LGPL3"), the copyright holders of this Library give you permission to convey
to a third party a Combined Work that links statically or dynamically to this
Library without providing any Minimal Corresponding Source or Minimal
Application Code as set out in 4d or providing the installation information set
out in section 4e, provided that you comply with the other provisions of LGPL3
and provided that you meet, for the Application the terms and conditions of the
license(s) which apply to the Application.

Except as stated in this special exception, the provisions of LGPL3 will
continue to comply in full to this Library. If you modify this Library, you may
apply this exception to your version of this Library, but you are not obliged to
do so. If you do not wish to do so, delete this exception statement from your
version. This exception does not (and cannot) modify any license terms which
apply to the Application, with which you must still comply.`,
  'LLVM-exception': `--- LLVM Exceptions to the Apache 2.0 License ----

As an exception, if, as a result of your compiling your source code, portions
of this Software are embedded into an Object form of such source code, you
may redistribute such embedded portions in such Object form without complying
with the conditions of Sections 4(a), 4(b) and 4(d) of the License.

In addition, if you combine or link compiled forms of this Software with
software that is licensed under the GPLv2 ("Combined Software") and if a
court of competent jurisdiction determines that the patent provision (Section
3), the indemnity provision (Section 9) or other Section of the License
conflicts with the conditions of the GPLv2, you may retroactively and
prospectively choose to deem waived or otherwise exclude such Section(s) of
the License, but only in their entirety and only with respect to the Combined
Software.`,
};

const noMatcher: DetectContext = {
  ...ctx,
  matcher: () => {
    throw new Error('the matcher was loaded');
  },
};

describe('license files', () => {
  it('declares the license of a root LICENSE for the project', () => {
    const r = detect('LICENSE', `MIT License\n\nCopyright (c) 2024 Jane Doe\n\n${spdxText('MIT').split('\n').slice(4).join('\n')}`);
    expect(r.declarations).toEqual([{ expression: 'MIT', source: 'license-text', file: 'LICENSE', line: 1, confidence: 1, scope: 'project' }]);
    expect(r.problems).toEqual([]);
  });

  it('declares a package license below the root, from a Markdown rendering', () => {
    const r = detect('packages/a/LICENSE.md', markdown(reflow(spdxText('Apache-2.0'))));
    expect(r.declarations).toEqual([expect.objectContaining({ expression: 'Apache-2.0', scope: 'package', file: 'packages/a/LICENSE.md' })]);
    expect(r.declarations[0]!.confidence).toBeGreaterThanOrEqual(0.95);
  });

  it('declares each license of a file holding several, at its line', () => {
    const mit = spdxText('MIT');
    const r = detect('LICENSE', `${mit}\n\n${spdxText('Apache-2.0')}`);
    expect(exprs(r.declarations)).toEqual(['MIT', 'Apache-2.0']);
    expect(r.declarations[1]!.line).toBe(mit.split('\n').length + 2);
  });

  it('declares a license once however often its text is there', () => {
    const r = detect('THIRD-PARTY-NOTICES.txt', `a\n\n${spdxText('MIT')}\n\nb\n\n${spdxText('MIT')}\n\nc\n\n${spdxText('ISC')}`);
    expect(exprs(r.declarations)).toEqual(['MIT', 'ISC']);
  });

  it("reads a GNU license's notice before its text as part of it, and its versions: the appendix, said again, is no unknown text", () => {
    // The notice uses up the appendix's words (a text's words count as often as the license has them), which left
    // the appendix at the end unexplained: "holds a license text that is not a known license; closest: psfrag".
    const notice =
      'This program is free software; you can redistribute it and/or modify\nit under the terms of the GNU General Public License as published by\nthe Free Software Foundation; either version 2 of the License, or\n(at your option) any later version.\n\nThis program is distributed in the hope that it will be useful,\nbut WITHOUT ANY WARRANTY; without even the implied warranty of\nMERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the\nGNU General Public License for more details.\n\nYou should have received a copy of the GNU General Public License along\nwith this program; if not, write to the Free Software Foundation, Inc.,\n51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA.\n';
    const r = detect('COPYING', `Foo, a tool\nCopyright (C) 2020 Jane Doe\n\n${notice}\n${spdxText('GPL-2.0-only')}`);
    // The notice says "or (at your option) any later version": the text is the license, the notice its versions.
    expect(exprs(r.declarations)).toEqual(['GPL-2.0-or-later']);
    expect(codes(r)).toEqual([]);
    expect(exprs(detect('COPYING', spdxText('GPL-2.0-only')).declarations)).toEqual(['GPL-2.0-only']);
    const only = notice.replace('; either version 2 of the License, or\n(at your option) any later version.', '; version 2 of the License.');
    expect(exprs(detect('COPYING', `${only}\n${spdxText('GPL-2.0-only')}`).declarations)).toEqual(['GPL-2.0-only']);
    // KDE's Breeze icons: the LGPL's notice for version 3, a clarification, then the LGPL-3.0 text.
    const breeze = `The Breeze Icon Theme in icons/\n\n    Copyright (C) 2014 Uri Herrera and others\n\n    This library is free software; you can redistribute it and/or\n    modify it under the terms of the GNU Lesser General Public\n    License as published by the Free Software Foundation; either\n    version 3 of the License, or (at your option) any later version.\n\n-----\n${spdxText('LGPL-3.0-only')}`;
    expect(exprs(detect('COPYING-ICONS', breeze).declarations)).toEqual(['LGPL-3.0-or-later']);
    // Words that are not the license's are still reported, wherever they stand.
    const added = detect('COPYING', `${spdxText('GPL-2.0-only')}\n\n${CUSTOM}`);
    expect(exprs(added.declarations)).toEqual(['GPL-2.0-only', 'NOASSERTION']);
  });

  it("reads the prose of a file of dependencies' license texts as a notice's: no unknown text", () => {
    const prose = '# Vendored Dependency Licenses\n\nFoo ships with some third party dependencies, which are listed here along with their licenses. Note that this document is broken into sections, each of which describes the dependencies of a different platform release.\n\n';
    const r = detect('LICENSE-DEPENDENCIES.md', `${prose}### zlib\n\n${spdxText('Zlib')}\n\n### libxml2\n\n${spdxText('MIT')}`);
    expect(exprs(r.declarations)).toEqual(['Zlib', 'MIT']);
    expect(codes(r)).toEqual([]);
    // The same prose in a LICENSE is still reported.
    expect(codes(detect('LICENSE', `${prose}${spdxText('MIT')}`))).toEqual(['unknown-license-text']);
  });

  // node's LICENSE: a paragraph before each bundled library's text ("- c-ares, located at deps/cares, is licensed as follows:").
  it('says of words beside the texts in many places once for the file, with the places', () => {
    const about = (i: number) => `\n\nThe externally maintained library number ${i} of this program, kept in its own folder of the source tree, is licensed as follows, and has been for years:\n\n`;
    const texts = ['MIT', 'ISC', 'Zlib', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD', 'Apache-2.0'];
    const text = texts.map((id, i) => `${about(i)}${spdxText(id)}`).join('');
    const r = detect('LICENSE', text);
    expect(exprs(r.declarations)).toEqual([...texts, 'NOASSERTION']);
    expect(r.problems.map((p) => [p.code, p.severity, p.line])).toEqual([['unknown-license-text', 'warning', 3]]);
    expect(r.problems[0]!.message).toMatch(/^LICENSE \(lines 3, \d+, \d+, \d+, \d+ and 2 more places\) holds words beside its MIT, ISC, Zlib and 4 more text that are no license/);
    // Two places are both listed.
    expect(detect('LICENSE', `${about(0)}${spdxText('MIT')}${about(1)}${spdxText('ISC')}`).problems[0]!.message).toMatch(/^LICENSE \(lines 3, \d+\) holds words beside its MIT, ISC text/);
  });

  // mapbox-gl 2 and later: the Mapbox TOS, then the BSD-3-Clause text of the code taken from version 1.13 and earlier.
  it('says of terms under a license nobody can name, beside a text, that they are terms: NOASSERTION with their words', () => {
    const tos = 'Mapbox Web SDK\n\nThe software and files in this repository (collectively, "Software") are\nlicensed under the Mapbox TOS for use only with the relevant Mapbox product(s)\nlisted at www.mapbox.com/pricing. This license terminates automatically if a developer\nno longer has a Mapbox account in good standing or breaches the Mapbox TOS.\n\n-----\n\nContains code from mapbox-gl-js v1.13 and earlier, licensed under a BSD-3-Clause license\n\n';
    const r = detect('LICENSE.txt', `${tos}${spdxText('BSD-3-Clause')}`);
    expect(r.declarations.map((d) => [d.expression, d.raw])).toEqual([['BSD-3-Clause', undefined], ['NOASSERTION', 'licensed under the Mapbox TOS for use only with the relevant Mapbox product(s) listed at www.mapbox.com/pricing']]);
    expect(r.problems.map((p) => [p.code, p.severity, p.line])).toEqual([['unknown-license-text', 'warning', 1]]);
    expect(r.problems[0]!.message).toContain('states terms of its own beside its BSD-3-Clause text, under a license farleft cannot name ("licensed under the Mapbox TOS');
    // A name farleft does not know for the text itself restricts nothing (HarfBuzz's "Old MIT"); nor do words that
    // point to other licenses (node's "provided under other licenses, as set forth below"; "any of the following").
    for (const words of [
      'HarfBuzz is licensed under the so-called "Old MIT" license.  Details follow.\nFor parts of HarfBuzz that are licensed under different licenses see the files named COPYING in subdirectories.\n\n',
      'The software developed by Google is licensed under the BSD license. Other software included in this distribution is\nprovided under other licenses, as set forth below, and may not be used otherwise than they say.\n\n',
      'Licensed under the terms of any of the following licenses at your choice, which you need not declare, though nothing stops you from doing so:\n\n',
      // A dependency's license (@sentry/node), and a choice of known licenses the notice reader does not parse (json-schema's).
      'The Sentry CLI is not part of this package and is not covered by the MIT License below.\nIt is licensed under the Functional Source License, Version 1.1, Apache 2.0 Future License.\n\n',
      'Dojo is available under *either* the terms of the BSD 3-Clause "New" License *or* the\nAcademic Free License version 2.1, except as noted in per-module LICENSE files. No external\ncontributions are allowed under licenses which are fundamentally incompatible with them.\n\n',
    ])
      expect(detect('LICENSE', `${words}${spdxText('MIT')}`).problems.map((p) => p.message)).not.toContainEqual(expect.stringContaining('states terms'));
    // The held text's own name without its version (n8n's LICENSE.md: "…is available under the Sustainable Use License", then SUL-1.0's text).
    const n8n = '# License\n\nPortions of this software are licensed as follows:\n\n- Source code files that contain ".ee." in their filename are NOT licensed under the Sustainable Use License.\n- Content outside of the above mentioned files is available under the "Sustainable Use License" as defined below.\n\n';
    const sul = detect('LICENSE.md', `${n8n}${spdxText('SUL-1.0')}`);
    expect(exprs(sul.declarations)).toContain('SUL-1.0');
    expect(sul.problems.map((p) => p.message)).not.toContainEqual(expect.stringContaining('states terms'));
  });

  it("says of prose beside a license text (lodash's history and scope) that it is words beside the text, not a license text", () => {
    const preface = 'Based on an earlier library by other authors.\n\nThis software consists of voluntary contributions made by many individuals. For exact contribution history, see the revision history of the repository.\n\nThe following license applies to all parts of this software except as documented below:\n\n====\n\n';
    const r = detect('LICENSE', `${preface}${spdxText('MIT')}`);
    expect(exprs(r.declarations)).toEqual(['MIT', 'NOASSERTION']);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'unknown-license-text', severity: 'warning', line: 1 })]);
    expect(r.problems[0]!.message).toBe('LICENSE (lines 1-5) holds words beside its MIT text that are no license farleft knows: terms of their own, or words about the project');
    expect(r.problems[0]!.suggestion).toMatch(/^Read them: terms of their own/);
    // Terms of their own with no license text beside them are a license text farleft does not know, as before.
    const alone = detect('LICENSE', preface.repeat(3));
    expect(alone.problems.map((p) => p.message)).toEqual([expect.stringContaining('holds a license text that is not a known license')]);
  });

  it('names a text with more copyright lines than its template, in the forms real files have', () => {
    // PostgreSQL's own "Portions Copyright" lines, and a project's beside them: read as notices, not as words of the text.
    const postgres = spdxText('PostgreSQL').replace(/(Portions Copyright \(c\) 1994[^\n]*\n)/, '$1\nPortions Copyright (c) 2005-2012, Acme Corp\n');
    expect(postgres).toContain('Acme Corp');
    expect(exprs(detect('LICENSE', postgres).declarations)).toEqual(['PostgreSQL']);
    // bonjour-service's: a link in parentheses before the sign.
    const mit = spdxText('MIT').replace(/^Copyright[^\n]*\n/m, 'Copyright (https://github.com/onlxltd/bonjour-service) (c) 2021 ON LX Limited\n\nPortions Copyright (Bonjour - https://github.com/watson/bonjour) (c) 2015-2016 Thomas Watson Steen\n');
    const r = detect('LICENSE', mit);
    expect(exprs(r.declarations)).toEqual(['MIT']);
    expect(codes(r)).toEqual([]);
  });

  it("names texts whose template's variables a project filled in: NCSA's developers (numpy's random), Qhull's holders since 2011", () => {
    const ncsa = spdxText('NCSA')
      .replace('<Name of Development Group> <Name of Institution> <URL for Development Group/Institution>', 'Jo Doe (<jo@example.org>,\n<jo.doe@example.com>)\n[http://www.example.org](http://www.example.org)')
      .replace('<Name of Development Group, Name of Institution>, nor the names of its contributors', 'Jo Doe, nor the names of any contributors');
    expect(ncsa).toContain('Developed by: Jo Doe');
    expect(exprs(detect('LICENSE.md', ncsa).declarations)).toEqual(['NCSA']);
    const qhull = spdxText('Qhull')
      .replace('1993-2003', '1993-2020\n\n    C.B. Barber\n    Arlington, MA\n\n    and')
      .replace('includes Qhull from The Geometry Center. Qhull is copyrighted as noted above.', 'includes Qhull from C.B. Barber and The Geometry Center. Files derived from Qhull 1.0 are copyrighted by the Geometry Center. The remaining files are copyrighted by C.B. Barber.');
    expect(qhull).toContain('The remaining files');
    expect(exprs(detect('COPYING.txt', qhull).declarations)).toEqual(['Qhull']);
  });

  it('reads words that offer a choice among the texts as one: their OR (JSZip, numpy)', () => {
    const mit = `MIT License\n\nCopyright (c) 2016 Jo\n\n${spdxText('MIT').replace(/^[\s\S]*?Permission/, 'Permission')}`;
    const jszip = detect('LICENSE.markdown', `JSZip is dual licensed. At your choice you may use it under the MIT license *or* the GPLv3\nlicense.\n\n${mit}\n\n${spdxText('GPL-3.0-only')}`);
    expect(jszip.declarations.map((d) => [d.expression, d.line])).toEqual([['MIT OR GPL-3.0-only', 4]]);
    expect(codes(jszip)).toEqual([]);
    const bsd = spdxText('BSD-3-Clause').replace('<year> <owner>', '2019 Jo');
    const numpy = detect('LICENSE.md', `**This software is dual-licensed under the The University of Illinois/NCSA\nOpen Source License (NCSA) and The 3-Clause BSD License**\n\n${spdxText('NCSA')}\n\n${bsd}`);
    expect(exprs(numpy.declarations)).toEqual(['NCSA OR BSD-3-Clause']);
    // The choice is among the texts it names; one it does not name stays beside them.
    const three = detect('LICENSE', `You may use this under either the MIT license or the 3-Clause BSD License.\n\n${mit}\n\n${bsd}\n\n${spdxText('Apache-2.0')}`);
    expect(exprs(three.declarations)).toEqual(['MIT OR BSD-3-Clause', 'Apache-2.0']);
  });

  // Perl's Software::License writes the LICENSE of most CPAN distributions; its Perl_5 one holds GPL-1.0's text and the OSI's Artistic 1.0.
  const perl5 = (preamble: string): string =>
    `${preamble}\n\n--- The GNU General Public License, Version 1, February 1989 ---\n\nThis software is Copyright (c) 2013 by Jo Doe.\n\nThis is free software, licensed under:\n\n  The GNU General Public License, Version 1, February 1989\n\n${spdxText('GPL-1.0-only')}\n\n--- The Artistic License 1.0 ---\n\nThis software is Copyright (c) 2013 by Jo Doe.\n\nThis is free software, licensed under:\n\n  The Artistic License 1.0\n\n${spdxText('Artistic-1.0')}\n`;
  const PERL5 = `This software is copyright (c) 2013 by Jo Doe.\n\nThis is free software; you can redistribute it and/or modify it under\nthe same terms as the Perl 5 programming language system itself.\n\nTerms of the Perl programming language system itself\n\na) the GNU General Public License as published by the Free\n   Software Foundation; either version 1, or (at your option) any\n   later version, or\nb) the "Artistic License"`;

  it('reads the license a sentence beside the texts states for them: Software::License\'s Perl_5 LICENSE is Perl\'s choice, not both texts', () => {
    const r = detect('LICENSE', perl5(PERL5));
    expect(exprs(r.declarations)).toEqual(['Artistic-1.0-Perl OR GPL-1.0-or-later']);
    expect(codes(r)).toEqual([]);
    // Moo's LICENSE keeps the title of Perl's terms without the sentence before it.
    const moo = detect('LICENSE', perl5(PERL5.slice(PERL5.indexOf('Terms of the Perl'))));
    expect(exprs(moo.declarations)).toEqual(['Artistic-1.0-Perl OR GPL-1.0-or-later']);
    expect(codes(moo)).toEqual([]);
    // Without the sentence, the texts are what the file holds; words that restrict are terms of their own.
    expect(exprs(detect('LICENSE', perl5('This software is copyright (c) 2013 by Jo Doe.')).declarations)).toEqual(expect.arrayContaining(['GPL-1.0-only', 'Artistic-1.0']));
    const restricted = detect('LICENSE', perl5(`${PERL5}\n\nNot for use in weapons systems.`));
    expect(exprs(restricted.declarations)).toEqual(expect.arrayContaining(['GPL-1.0-only', 'Artistic-1.0', 'NOASSERTION']));
    // A sentence that names another version than the text does not restate it.
    const other = detect('LICENSE', `This program is free software; you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation; either version 2 of the License, or (at your option) any later version. It has no other terms, and the authors thank every contributor to it over the many years since its first release, in the hope that it is useful to many people who write software and share it with each other freely and openly, as they always have.\n\n${spdxText('GPL-3.0-only')}`);
    expect(exprs(other.declarations)).not.toContain('GPL-2.0-or-later');
  });

  it('offers no choice where the words do not: parts under each license, one license named, terms that restrict', () => {
    const mit = `MIT License\n\nCopyright (c) 2016 Jo\n\n${spdxText('MIT').replace(/^[\s\S]*?Permission/, 'Permission')}`;
    const bsd = spdxText('BSD-3-Clause').replace('<year> <owner>', '2019 Jo');
    for (const words of ['The code is under the MIT license and the documentation under the BSD license.', 'Choose the MIT license for the code.', 'You may choose either license, except for the icons.'])
      expect(exprs(detect('LICENSE', `${words}\n\n${mit}\n\n${bsd}`).declarations)).toEqual(expect.arrayContaining(['MIT', 'BSD-3-Clause']));
  });

  it('reads the license a longer text that is no license names in a sentence (CKEditor\'s "Software License Agreement"), with a warning', () => {
    const agreement = [
      'Software License Agreement',
      '==========================',
      '',
      '**Example Editor** (https://example.org/editor)<br>',
      'Copyright (c) 2003-2025, [Example Holding](https://example.org) All rights reserved.',
      '',
      'Licensed under a dual-license model, this software is available under:',
      '',
      '* the [GNU General Public License Version 2 or later](https://www.gnu.org/licenses/gpl.html),',
      '* or commercial license terms from Example Holding.',
      '',
      'Sources of Intellectual Property Included in the Editor',
      '--------------------------------------------------------',
      '',
      'Where not otherwise indicated, all of the editor is written by our own engineers and is our own intellectual property. In some cases the editor takes in work done by developers outside the company with their express permission.',
      '',
      'The following libraries are included in the editor under the [MIT license](https://opensource.org/licenses/MIT):',
      '',
      '* Lodash - Copyright (c) JS Foundation and other contributors.',
      '',
    ].join('\n');
    const r = detect('LICENSE.md', agreement);
    // The license it names, and the rest beside it as unknown (the commercial option, the parts' notes).
    expect(r.declarations.map((d) => [d.expression, d.line])).toEqual([['GPL-2.0-or-later', 7], ['NOASSERTION', 1]]);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'license-named-in-terms', severity: 'warning', line: 7 })]);
    expect(r.problems[0]!.message).toBe('LICENSE.md is no license text farleft knows, but its words name GPL-2.0-or-later (line 7); the rest may be terms of their own, and stays unknown (NOASSERTION)');
    // A sentence about a part is no reading of the whole: as before, an unknown text.
    const parts = agreement.replace('Licensed under a dual-license model, this software is available under:', 'Portions of this software are available under:');
    expect(codes(detect('LICENSE.md', parts))).toEqual(['unknown-license-text']);
  });

  it("names a text whose every line carries PostScript's %%Copyright: (Adobe's CMap license, in pdf.js)", () => {
    const bsd = spdxText('BSD-3-Clause').replace('<year> <owner>', '1990-2009 Adobe Systems Incorporated');
    const cmap = bsd.split('\n').map((l) => `%%Copyright: ${l}`.trimEnd()).join('\n');
    expect(exprs(detect('cmaps/LICENSE', cmap).declarations)).toEqual(['BSD-3-Clause']);
  });

  it("says of a bundler's banner beside a license's standard notice that it is words beside the notice", () => {
    // webpack's dist/<name>.min.js.LICENSE.txt: the bundled file's banner comment, then the Apache-2.0 header.
    const header =
      'Licensed under the Apache License, Version 2.0 (the "License"); you may not\nuse this file except in compliance with the License. You may obtain a copy\nof the License at\n\nhttp://www.apache.org/licenses/LICENSE-2.0\n\nUnless required by applicable law or agreed to in writing, software\ndistributed under the License is distributed on an "AS IS" BASIS, WITHOUT\nWARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the\nLicense for the specific language governing permissions and limitations under\nthe License.\n';
    const banner = 'workerpool.js\nhttps://github.com/josdejong/workerpool\n\nOffload tasks to a pool of workers on node.js and in the browser.\n\n@version 6.5.1\n@date    2023-10-11\n\n@license\nCopyright (C) 2014-2022 Jos de Jong\n\n';
    const r = detect('dist/workerpool.min.js.LICENSE.txt', `${banner}${header}`);
    expect(exprs(r.declarations)).toEqual(['Apache-2.0', 'NOASSERTION']);
    expect(r.problems.find((p) => p.code === 'unknown-license-text')?.message).toBe(
      'dist/workerpool.min.js.LICENSE.txt (lines 1-9) holds words beside its Apache-2.0 notice that are no license farleft knows: terms of their own, or words about the project',
    );
  });

  it("reads a LICENSE that points to other license files as a pointer, with a note (Trio's, PyCA's): no unknown text", () => {
    const trio = 'This software is made available under the terms of *either* of the\nlicenses found in LICENSE.APACHE2 or LICENSE.MIT. Contributions to\nTrio are made under the terms of *both* these licenses.\n';
    const r = detect('LICENSE', trio);
    expect(r.declarations).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'license-file-points-elsewhere', severity: 'note', line: 1 })]);
    expect(r.problems[0]!.message).toBe('LICENSE names no license itself: it points to LICENSE.APACHE2, LICENSE.MIT, offering a choice between them');
    expect(r.problems[0]!.suggestion).toMatch(/joins license files with AND: declare the choice/);
    // One file, no choice: a note without a fix.
    const one = detect('COPYING', 'The terms are in LICENSE.md, next to this file.\n');
    expect(one.problems.map((p) => [p.code, p.message, p.suggestion])).toEqual([['license-file-points-elsewhere', 'COPYING names no license itself: it points to LICENSE.md', null]]);
    // A bare name after "see": nghttp2's LICENSE ("See COPYING"), PCRE2's COPYING; the word in prose or a heading is none.
    expect(detect('LICENSE', 'See COPYING\n').problems.map((p) => p.message)).toEqual(['LICENSE names no license itself: it points to COPYING']);
    const pcre = 'PCRE2 LICENCE\n\nPlease see the file LICENCE in the PCRE2 distribution for licensing details.\n\nEnd\n';
    expect(detect('COPYING', pcre).problems.map((p) => p.message)).toEqual(['COPYING names no license itself: it points to LICENCE']);
    expect(codes(detect('COPYING', 'PCRE2 LICENCE\n\nThe LICENCE of this work is yours to see.\n'))).not.toContain('license-file-points-elsewhere');
    expect(codes(detect('COPYING', 'Please see the license of the project for details.\n'))).not.toContain('license-file-points-elsewhere');
    // A file's own name is no pointer; nor are many words that mention a file (terms of their own).
    expect(codes(detect('LICENSE.md', 'The terms of LICENSE.md are ours. You may not sell this work or anything made from it, nor use it in a company.\n'))).toEqual(['unknown-license-text']);
    expect(codes(detect('LICENSE', `${CUSTOM}\nSee also LICENSE-MIT.\n`))).toEqual(['unknown-license-text']);
  });

  // opener 0.5.0 as Debian ships it: each LICENSE-* holds the path of the file its symbolic link pointed to.
  it('reads a license file that holds only a relative path as a symbolic link saved as a file, with a note', () => {
    for (const text of ['../LICENSE-MIT', '../../LICENSE.md\n', './COPYING']) {
      const r = detect('LICENSE-MIT', text);
      expect(r.declarations).toEqual([]);
      expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['license-file-is-a-link', 'note']]);
      expect(r.problems[0]!.message).toBe(`LICENSE-MIT holds only the path ${text.trim()}, as a symbolic link saved as a plain file does (a git checkout with symlinks off, a packaging tool): no license text is here`);
    }
    // A path to anything else, or a path in a sentence, is no such link.
    expect(codes(detect('LICENSE', '../README.md'))).not.toContain('license-file-is-a-link');
    expect(codes(detect('LICENSE', 'MIT, see ../LICENSE-MIT'))).not.toContain('license-file-is-a-link');
  });

  // Liveblocks' LICENSE, in each of its npm packages: the repository's licenses, the AGPL of two other packages among them.
  it('names, in a license file of words, the license of the work and not those of components it lists', () => {
    const words = 'Copyright 2021-present Liveblocks\n\nThis repository contains software under two licenses:\n\n1. Most of the code in this repository is licensed under the\n   Apache License 2.0 — see licenses/LICENSE-APACHE-2.0 for the\n   full license text.\n\n2. The following components are licensed under the\n   GNU Affero General Public License v3.0 or later (AGPL-3.0-or-later)\n   — see licenses/LICENSE-AGPL-3.0 for the full license text:\n\n   - packages/liveblocks-server (published as @liveblocks/server)\n   - tools/liveblocks-cli (published as liveblocks)\n\nEach package\'s own LICENSE or package.json specifies its applicable license.\n';
    expect(exprs(detect('LICENSE', words).declarations).filter((e) => e !== 'NOASSERTION')).toEqual(['Apache-2.0']);
  });

  it("names Apache-2.0 by Amazon's wording of its notice, the AWS CLI's whole LICENSE.txt", () => {
    const aws =
      'Copyright 2012-2020 Amazon.com, Inc. or its affiliates. All Rights Reserved.\n\nLicensed under the Apache License, Version 2.0 (the "License"). You\nmay not use this file except in compliance with the License. A copy of\nthe License is located at\n\n    http://aws.amazon.com/apache2.0/\n\nor in the "license" file accompanying this file. This file is\ndistributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF\nANY KIND, either express or implied. See the License for the specific\nlanguage governing permissions and limitations under the License.\n';
    const r = detect('LICENSE.txt', aws);
    expect(exprs(r.declarations)).toEqual(['Apache-2.0']);
    // As with the appendix's wording: the notice is there, the text is not.
    expect(codes(r)).toEqual(['license-file-without-text']);
  });

  it("reads R's license template fields (MIT + file LICENSE) as no license text, with a note", () => {
    const r = detect('LICENSE', 'YEAR: 2020\nCOPYRIGHT HOLDER: Jeroen Ooms\n');
    expect(r.declarations).toEqual([]);
    expect(codes(r)).toEqual(['license-template-fields']);
    expect(codes(detect('LICENSE', 'YEAR: 2020\nCOPYRIGHT HOLDER: A\nORGANIZATION: B\n'))).toEqual(['license-template-fields']);
    // Other words with them: no template, as before.
    expect(codes(detect('LICENSE', 'YEAR: 2020\nYou may not use this.\n'))).toEqual(['license-text-too-short']);
  });

  it('joins a license and its exception into one expression', () => {
    const classpath = spdxText('GPL-2.0-with-classpath-exception').replace(/^insert[^\n]*\n/, '');
    const r = detect('COPYING', `${spdxText('GPL-2.0-only')}\n\n${classpath}`);
    expect(exprs(r.declarations)).toEqual(['GPL-2.0-only WITH Classpath-exception-2.0']);
    expect(r.problems).toEqual([]);
  });

  // Exceptions SPDX lists without a text, known by fingerprint (licenses/fingerprints/): the
  // texts as juju/errors puts its exception before the LGPL, and as LLVM appends its own.
  it.each([
    ['LGPL-3.0-only', 'LGPL-3.0-linking-exception', (license: string, exception: string) => `${exception}\n\n${license}`],
    ['Apache-2.0', 'LLVM-exception', (license: string, exception: string) => `${license}\n\n${exception}`],
  ])('names %s WITH %s from a file that holds both texts', (license, exception, join) => {
    const r = detect('LICENSE', join(spdxText(license), EXCEPTION_TEXTS[exception]!));
    expect(exprs(r.declarations)).toEqual([`${license} WITH ${exception}`]);
  });

  // numpy's LICENSE.txt: its own BSD text, the bundled libraries' texts one after another
  // (OpenBLAS under BSD, then libgfortran's GCC runtime exception, then the GPL it amends).
  it('joins an exception to the license it was written for, not to the license text before it', () => {
    const gcc = spdxText('GPL-3.0-with-GCC-exception').replace(/^insert[^\n]*\n/, '');
    const r = detect('LICENSE.txt', `${spdxText('BSD-3-Clause')}\n\n----\n\n${gcc}\n\n----\n\n${spdxText('GPL-3.0-only')}`);
    expect(exprs(r.declarations)).toEqual(['BSD-3-Clause', 'GPL-3.0-only WITH GCC-exception-3.1']);
    expect(r.problems).toEqual([]);
    // With no license it was written for, it joins none: MIT WITH GCC-exception-3.1 would mean nothing.
    const alone = detect('LICENSE', `${spdxText('MIT')}\n\n${gcc}`);
    expect(exprs(alone.declarations)).toEqual(['MIT']);
    expect(codes(alone)).toEqual(['exception-without-license']);
  });

  it('reads a short license file that names its licenses in a sentence (BurntSushi\'s COPYING) as a pointer, with a note', () => {
    const r = detect('COPYING', 'This project is dual-licensed under the Unlicense and MIT licenses.\n\nYou may use this code under the terms of either license.\n');
    expect(r.declarations.map((d) => [d.expression, d.line, d.source])).toEqual([['Unlicense OR MIT', 1, 'license-text']]);
    expect(r.declarations[0]!.confidence).toBeLessThan(0.9);
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['license-file-without-text', 'note']]);
    // Terms of their own that mention a license are no pointer: the license they name is read, and the rest stays
    // unknown beside it (never the named license alone: these terms take from what MIT grants).
    const terms = `This software is licensed under the MIT license, with these further terms. ${'It may not be used by any business that profits from the wage labour of its employees. '.repeat(4)}`;
    const own = detect('LICENSE', terms);
    expect(own.declarations.map((d) => d.expression)).toEqual(['MIT', 'NOASSERTION']);
    expect(codes(own)).toEqual(['license-named-in-terms']);
    // A sentence that names nothing stays what it was.
    expect(codes(detect('LICENSE', 'All of this was written by us, for everyone who asks nicely, and may be shared among friends and neighbours alike.\n'))).toEqual(['unknown-license-text']);
  });

  it("names Apache-2.0 from its notice alone (Go's mousetrap), and says the text is missing; the full text is no notice", () => {
    const apache = spdxText('Apache-2.0');
    const notice = apache.slice(apache.indexOf('Licensed under the Apache License'));
    const only = detect('LICENSE', `Copyright 2014 Alan Shreve\n\n${notice}`);
    expect(exprs(only.declarations)).toEqual(['Apache-2.0']);
    expect(only.problems).toEqual([expect.objectContaining({ code: 'license-file-without-text', severity: 'warning', line: 3 })]);
    // In a NOTICE file the notice is what belongs there.
    expect(detect('NOTICE', `This product includes software developed by X.\n\n${notice}`).problems).toEqual([]);
    const whole = detect('LICENSE', apache);
    expect(exprs(whole.declarations)).toEqual(['Apache-2.0']);
    expect(whole.problems).toEqual([]);
  });

  // Google Fonts' OFL.txt (and systemd's LICENSES/OFL-1.1.txt): OFL's notice, then its text.
  it('reads an OFL.txt that starts with the OFL notice as OFL-1.1 alone, with nothing unknown', () => {
    const ofl = spdxText('OFL-1.1');
    const header = 'Copyright 2010 The Lato Project Authors (https://github.com/latofonts/lato)\n\nThis Font Software is licensed under the SIL Open Font License, Version 1.1.\nThis license is copied below, and is also available with a FAQ at:\nhttps://openfontlicense.org\n\n\n-----------------------------------------------------------\n';
    const r = detect('OFL.txt', `${header}${ofl}`);
    expect(exprs(r.declarations)).toEqual(['OFL-1.1']);
    expect(r.problems).toEqual([]);
    // The notice alone names the license, and says its text is missing.
    const only = detect('LICENSE', header);
    expect(exprs(only.declarations)).toEqual(['OFL-1.1']);
    expect(codes(only)).toEqual(['license-file-without-text']);
  });

  // glob's LICENSE (its logo) and lodash's (its sample code): another license named beside the text, by name or by link.
  it('reports a license named beside the text without its text, and declares only the text it holds', () => {
    const logo = "\n\n## Glob Logo\n\nGlob's logo created by Tanya Brassie <http://tanyabrassie.com/>, licensed\nunder a Creative Commons Attribution-ShareAlike 4.0 International License\nhttps://creativecommons.org/licenses/by-sa/4.0/\n";
    const glob = detect('LICENSE', `${spdxText('ISC')}${logo}`);
    expect(exprs(glob.declarations)).toEqual(['ISC']);
    expect(glob.problems.map((p) => [p.code, p.severity, p.line])).toEqual([['license-named-without-text', 'warning', spdxText('ISC').split('\n').length + 2]]);
    expect(glob.problems[0]!.message).toContain('names CC-BY-SA-4.0 beside its ISC text but does not hold the text of CC-BY-SA-4.0');
    const samples = '\n\n====\n\nCopyright and related rights for sample code are waived via CC0. Sample\ncode is defined as all source code displayed within the prose of the\ndocumentation.\n\nCC0: http://creativecommons.org/publicdomain/zero/1.0/\n';
    const lodash = detect('LICENSE', `${spdxText('MIT')}${samples}`);
    expect(exprs(lodash.declarations)).toEqual(['MIT']);
    expect(codes(lodash)).toEqual(['license-named-without-text']);
    expect(lodash.problems[0]!.message).toContain('names CC0-1.0 beside its MIT text');
    // Terms that restrict ("only for members"), or a vague name ("a GPL project"), stay a text farleft cannot name.
    expect(codes(detect('LICENSE', `${spdxText('MIT')}${samples.replace('waived via CC0', 'waived only for members')}`))).toEqual(['unknown-license-text']);
    // Words that name the licenses of other license files (minimal-lexical's LICENSE.md, before a part's BSD-3-Clause text):
    // their texts are there, so a note says where, not a warning that the texts are missing.
    const pointer = 'Minimal-lexical is dual licensed under the Apache 2.0 license as well as the MIT\nlicense. See the LICENCE-MIT and the LICENCE-APACHE files for the licenses.\n\n---\n\n`src/bellerophon.rs` is loosely based off the Golang implementation.\nThat code is subject to a 3-clause BSD license:\n\n';
    const lexical = detect('LICENSE.md', `${pointer}${spdxText('BSD-3-Clause')}`);
    expect(exprs(lexical.declarations)).toEqual(['BSD-3-Clause']);
    expect(lexical.problems.map((p) => [p.code, p.severity, p.line])).toEqual([['license-named-without-text', 'note', 1]]);
    expect(lexical.problems[0]!.message).toContain('names Apache-2.0 OR MIT beside its BSD-3-Clause text, and points to LICENCE-MIT, LICENCE-APACHE for the text of Apache-2.0, MIT');
    // assert's LICENSE.md: a choice of Apache-2.0 and MIT, links to both, then MIT's text. Only Apache-2.0's text is
    // missing, and the name the sentence and a link both give is said once.
    const dual = 'The project is dual licensed under the terms of the Apache License, Version 2.0,\nand the MIT License. You may obtain copies of the two licenses at\n\n* https://www.apache.org/licenses/LICENSE-2.0 and\n* https://opensource.org/licenses/MIT, respectively.\n\n';
    const assertCrate = detect('LICENSE.md', `${dual}${spdxText('MIT')}`);
    expect(assertCrate.problems.map((p) => [p.code, p.severity])).toEqual([['license-named-without-text', 'warning']]);
    expect(assertCrate.problems[0]!.message).toContain('names Apache-2.0 OR MIT beside its MIT text but does not hold the text of Apache-2.0');
    const vague = '\n\nSome of the tools in this package were written long ago for a GPL project by a group of friends who met on weekends to work on them.\n';
    expect(codes(detect('LICENSE', `${spdxText('MIT')}${vague}`))).toEqual(['unknown-license-text']);
  });

  // npm's own dependencies: abbrev's intro, json-parse-even-better-errors' closing line.
  it('takes a few words that say how the texts beside them apply for no license text of their own', () => {
    const intro = 'This software is dual-licensed under the ISC and MIT licenses.\nYou may use this software under EITHER of the following licenses.\n\n----------\n\n';
    const both = detect('LICENSE', `${intro}${spdxText('ISC')}\n\n----------\n\n${spdxText('MIT')}`);
    // npm's abbrev: the words offer a choice, so the file's license is one of its texts.
    expect(exprs(both.declarations)).toEqual(['ISC OR MIT']);
    expect(both.problems).toEqual([]);
    const outro = "\n\n---\n\nThis library is a fork of 'better-json-errors' by Kat Marchán, extended and\ndistributed under the terms of the MIT license above.\n";
    expect(detect('LICENSE.md', `${spdxText('MIT')}${outro}`).problems).toEqual([]);
    // A sentence naming a license the file does not hold is reported (license-named-without-text, below); terms of its own are unknown.
    expect(codes(detect('LICENSE.md', `${spdxText('MIT')}${outro.replace('MIT license above', 'Apache License 2.0')}`))).toEqual(['license-named-without-text']);
    const terms = '\n\nThe software may not be used by any police force, army or prison, nor by any business that profits from the wage labour of its employees, under the MIT license above.\n';
    expect(codes(detect('LICENSE', `${spdxText('MIT')}${terms}`))).toEqual(['unknown-license-text']);
    const sneaky = '\n\nThis software is distributed under the MIT license above, but it may not be used by any police force, army or prison.\n';
    expect(codes(detect('LICENSE', `${spdxText('MIT')}${sneaky}`))).toEqual(['unknown-license-text']);
  });

  // numpy's LICENSE.txt (as Debian ships it): its BSD text, then a list of the libraries it bundles.
  it('declares the licenses a list of bundled parts names after the text, instead of an unknown text', () => {
    const list = [
      'The NumPy repository and source distributions bundle several libraries that are',
      'compatibly licensed.  We list these here.',
      '',
      'Name: lapack-lite\nFiles: numpy/linalg/lapack_lite/*\nLicense: BSD-3-Clause\n  For details, see numpy/linalg/lapack_lite/LICENSE.txt',
      '',
      'Name: tempita\nFiles: tools/npy_tempita/*\nLicense: MIT\n  For details, see tools/npy_tempita/license.txt',
      '',
      'Name: dragon4\nFiles: numpy/core/src/multiarray/dragon4.c\nLicense: MIT\n  For license text, see numpy/core/src/multiarray/dragon4.c',
      '',
      'Name: libdivide\nFiles: numpy/core/include/numpy/libdivide/*\nLicense: Zlib\n  For license text, see numpy/core/include/numpy/libdivide/LICENSE.txt',
    ].join('\n');
    const bsd = spdxText('BSD-3-Clause');
    const r = detect('LICENSE.txt', `${bsd}\n\n\n${list}\n`);
    expect(exprs(r.declarations)).toEqual(['BSD-3-Clause', 'MIT', 'Zlib']);
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['bundled-licenses-listed', 'note']]);
    // A `License:` line that is no SPDX expression is no such list: the text stays unknown.
    expect(codes(detect('LICENSE.txt', `${bsd}\n\n\n${list.replaceAll(/License: \S+/g, 'License: see the file')}\n`))).toEqual(['unknown-license-text']);
  });

  // /usr/share/doc/<package>/copyright: 945 of Debian's are machine-readable, quoting (and adapting) many texts.
  it('leaves a Debian machine-readable copyright file alone, wherever it is; a free-form COPYRIGHT is still read', () => {
    const dep5 = `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: bash\n\nFiles: *\nCopyright: 1987-2022 Free Software Foundation\nLicense: GPL-3+\n\nLicense: GPL-3+\n ${spdxText('ISC').replace('THE SOFTWARE IS PROVIDED', 'THIS SOFTWARE, changed by Debian, IS PROVIDED').split('\n').join('\n ')}\n`;
    for (const path of ['usr/share/doc/bash/copyright', 'copyright', 'COPYRIGHT']) {
      const r = detect(path, dep5);
      expect([r.declarations, r.problems]).toEqual([[], []]);
    }
    expect(exprs(detect('COPYRIGHT', `Copyright 2020 Jo\n\n${spdxText('ISC')}`).declarations)).toEqual(['ISC']);
  });

  it('reports an exception without its license', () => {
    const r = detect('COPYING.EXCEPTION', spdxText('GPL-2.0-with-classpath-exception').replace(/^insert[^\n]*\n/, ''));
    expect(r.declarations).toEqual([]);
    expect(codes(r)).toEqual(['exception-without-license']);
  });

  it('names the -or-later member when the file name says so', () => {
    expect(exprs(detect('LICENSE.GPL-3.0-or-later', spdxText('GPL-3.0-only')).declarations)).toEqual(['GPL-3.0-or-later']);
    expect(exprs(detect('LICENSE', spdxText('GPL-3.0-only')).declarations)).toEqual(['GPL-3.0-only']);
  });

  it('declares an unknown text NOASSERTION with candidates, and says so', () => {
    const r = detect('LICENSE', spdxText('ISC').replace('THE SOFTWARE IS PROVIDED', 'The software shall not be used by any business that profits from the wage labour of its employees, whether directly or through a subsidiary or contractor.\n\nTHE SOFTWARE IS PROVIDED'));
    expect(r.declarations).toEqual([expect.objectContaining({ expression: 'NOASSERTION', line: 1, confidence: 0 })]);
    expect(r.declarations[0]!.candidates![0]!.expression).toBe('ISC');
    expect(r.problems).toEqual([expect.objectContaining({ code: 'unknown-license-text', severity: 'warning', file: 'LICENSE', line: 1 })]);
    expect(r.problems[0]!.message).toMatch(/closest: ISC \(0\.\d+\)/);
  });

  it('names no closest license for a text that shares only a disclaimer with known ones', () => {
    const r = detect('LICENSE', CUSTOM);
    expect(r.declarations).toEqual([expect.objectContaining({ expression: 'NOASSERTION', line: 1, confidence: 0 })]);
    expect(r.declarations[0]!.candidates ?? []).toEqual([]);
    expect(r.problems[0]!.message).not.toContain('closest');
  });

  it('reports text appended to a known license', () => {
    const addition = 'Additional condition: the software may not be used by any company that employs more than fifty people, nor by anyone acting for such a company, for any purpose.';
    const r = detect('LICENSE', `${spdxText('MIT')}\n\n${addition}\n`);
    expect(exprs(r.declarations)).toEqual(['MIT', 'NOASSERTION']);
    expect(codes(r)).toEqual(['unknown-license-text']);
  });

  it('reports an empty license file', () => {
    const r = detect('LICENSE', '\n \n', noMatcher);
    expect(r.declarations).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'empty-license-file', severity: 'warning' })]);
  });

  it('reports a license file that only names its license, and declares that name', () => {
    const r = detect('LICENSE', 'Apache License 2.0\n', noMatcher);
    expect(r.declarations).toEqual([expect.objectContaining({ expression: 'Apache-2.0', line: 1 })]);
    expect(codes(r)).toEqual(['license-file-without-text']);
    expect(codes(detect('LICENSE.txt', 'SPDX-License-Identifier: MIT\n', noMatcher))).toEqual(['license-file-without-text']);
  });


  it('reads a license file that names its license by tag amid prose as declaring it, not as an unknown text', () => {
    const r = detect('COPYING', POINTER);
    expect(r.declarations).toEqual([expect.objectContaining({ expression: 'GPL-2.0-only WITH Linux-syscall-note', source: 'license-text', line: 3, confidence: 1, scope: 'project' })]);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'license-file-without-text', severity: 'warning', line: 3 })]);
    expect(r.problems[0]!.message).toContain('names GPL-2.0-only WITH Linux-syscall-note in an SPDX tag');
    // A tag alone names the license too.
    expect(exprs(detect('LICENSE.txt', 'SPDX-License-Identifier: MIT\n', noMatcher).declarations)).toEqual(['MIT']);
  });

  it('does not read the tags of a long document about tags (Linux license-rules.rst) as its licenses', () => {
    const tag = ['SPDX', 'License', 'Identifier'].join('-');
    const prose = 'The license identifier is placed at the first possible line of a file, as a comment in the style of the language. '.repeat(20);
    const r = detect('Documentation/license-rules.rst', `${prose}\n\n   ${tag}: GPL-2.0-only\n\n${prose}\n\n   ${tag}: MIT\n`);
    expect(exprs(r.declarations)).toEqual(['NOASSERTION']);
    expect(codes(r)).toEqual(['unknown-license-text']);
  });

  it('still reports a changed license text under a tag that names the license', () => {
    const changed = spdxText('MIT').replace('free of charge', 'for a fee of ten euros').replace('without restriction', 'with many restrictions');
    const r = detect('LICENSE', `SPDX-License-Identifier: MIT\n\n${changed}`);
    expect(codes(r)).toContain('unknown-license-text');
    expect(exprs(r.declarations)).toContain('NOASSERTION');
  });

  it('takes the text under a LicenseRef tag as that license: no unknown text, no missing text', () => {
    const r = detect('LICENSE', `SPDX-License-Identifier: LicenseRef-Garden\n\n${CUSTOM}`);
    expect(exprs(r.declarations)).toEqual(['LicenseRef-Garden']);
    expect(r.problems).toEqual([]);
  });

  it('declares a proprietary notice UNLICENSED, which has no text to hold', () => {
    const r = detect('LICENSE', 'Copyright 2024 Foo Inc.\nAll rights reserved.\n', noMatcher);
    expect(exprs(r.declarations)).toEqual(['UNLICENSED']);
    expect(r.problems).toEqual([]);
  });

  it('reports a text too short to be a license', () => {
    const r = detect('LICENSE', 'Do whatever you like with this.\n');
    expect(exprs(r.declarations)).toEqual(['NOASSERTION']);
    expect(codes(r)).toEqual(['license-text-too-short']);
  });

  it('notes a file it could read only in part', () => {
    const file = { ...fileInput('LICENSE', spdxText('MIT')), complete: false };
    expect(codes(detectLicenseText(file, ctx))).toEqual(['license-text-truncated']);
  });

  it('does not load the matcher for files it does not take', () => {
    expect(detector.accepts('src/index.ts', 'text')).toBe(false);
    expect(detector.accepts('LICENSE', 'binary')).toBe(false);
    expect(detectLicenseText(fileInput('src/index.ts', spdxText('MIT')), noMatcher)).toEqual({ declarations: [], copyrights: [], problems: [] });
  });
});

describe('NOTICE and COPYRIGHT files', () => {
  it('declare the licenses they hold', () => {
    const r = detect('NOTICE', `Foo\nCopyright 2024 The Foo Authors\n\nThis product includes left-pad, under the following license:\n\n${spdxText('BSD-3-Clause')}`);
    expect(exprs(r.declarations)).toEqual(['BSD-3-Clause']);
    expect(r.problems).toEqual([]);
  });

  it('without a license text, say nothing: attributions are what NOTICE files are for', () => {
    const notice = 'Apache Foo\nCopyright 2024 The Apache Software Foundation\n\nThis product includes software developed at\nThe Apache Software Foundation (http://www.apache.org/).\n\nPortions of this software were developed by Bar Inc. and by many volunteers around the world, whose names are listed in the CONTRIBUTORS file.';
    expect(detect('NOTICE', notice)).toEqual({ declarations: [], copyrights: [], problems: [] });
    expect(detect('COPYRIGHT', '', noMatcher)).toEqual({ declarations: [], copyrights: [], problems: [] });
  });

  it('report a modified license among the attributions', () => {
    const modified = spdxText('MIT').replace('THE SOFTWARE IS PROVIDED', 'The software may not be used for military purposes, by any army, navy, air force or intelligence service, or by a contractor working for one.\n\nTHE SOFTWARE IS PROVIDED');
    const r = detect('NOTICE.md', `Bundled software\n\n${modified}`);
    expect(exprs(r.declarations)).toEqual(['NOASSERTION']);
    expect(codes(r)).toEqual(['unknown-license-text']);
  });
});

describe('REUSE license files (LICENSES/)', () => {
  it('declare the id they are named after when the text is that license', () => {
    const r = detect('LICENSES/GPL-3.0-or-later.txt', spdxText('GPL-3.0-only'));
    expect(r.declarations).toEqual([expect.objectContaining({ expression: 'GPL-3.0-or-later', confidence: 1, scope: 'project' })]);
    expect(r.problems).toEqual([]);
    expect(detect('sub/LICENSES/MIT.txt', spdxText('MIT')).declarations[0]!.scope).toBe('package');
  });

  it('report a text that is not the license the file is named after', () => {
    const r = detect('LICENSES/MIT.txt', spdxText('Apache-2.0'));
    expect(exprs(r.declarations)).toEqual(['Apache-2.0']);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'license-file-mismatch', severity: 'warning' })]);
    expect(r.problems[0]!.message).toMatch(/named after MIT but holds the text of Apache-2\.0/);
  });

  it('report a text that is no known license, under a known id', () => {
    const r = detect('LICENSES/MIT.txt', CUSTOM);
    expect(exprs(r.declarations)).toEqual(['NOASSERTION']);
    expect(codes(r)).toEqual(['license-file-mismatch']);
  });

  it('take a LicenseRef file as the definition of its id', () => {
    const r = detect('LICENSES/LicenseRef-Garden.txt', CUSTOM);
    expect(r.declarations).toEqual([expect.objectContaining({ expression: 'LicenseRef-Garden', confidence: 1, line: 1 })]);
    expect(r.problems).toEqual([]);
  });

  it('note a LicenseRef file that holds a license SPDX knows', () => {
    const r = detect('LICENSES/LicenseRef-MyMIT.txt', spdxText('MIT'));
    expect(exprs(r.declarations)).toEqual(['MIT']);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'license-file-mismatch', severity: 'note' })]);
  });

  it('check an exception file against the exception', () => {
    const classpath = spdxText('GPL-2.0-with-classpath-exception').replace(/^insert[^\n]*\n/, '');
    expect(detect('LICENSES/Classpath-exception-2.0.txt', classpath)).toEqual({ declarations: [], copyrights: [], problems: [] });
  });

  it.skipIf(!CORPUS)(`check a copyfarleft file against its fingerprint (${CORPUS_NOTE})`, () => {
    expect(detect('LICENSES/LicenseRef-CNPL-7.0.txt', corpusText('LicenseRef-CNPL-7.0'))).toMatchObject({ declarations: [{ expression: 'LicenseRef-CNPL-7.0', confidence: 1 }], problems: [] });
    expect(detect('LICENSES/LicenseRef-CNPL-7.0-or-later.txt', reflow(corpusText('LicenseRef-CNPL-7.0')))).toMatchObject({
      declarations: [{ expression: 'LicenseRef-CNPL-7.0-or-later', confidence: 1 }],
      problems: [],
    });
    const wrong = detect('LICENSES/LicenseRef-CNPL-7.0.txt', corpusText('LicenseRef-NVPL-7.0'));
    expect(exprs(wrong.declarations)).toEqual(['LicenseRef-NVPL-7.0']);
    expect(codes(wrong)).toEqual(['license-file-mismatch']);
  });
});

describe('in a scan', () => {
  const scanOf = (root: string) => scan({ root, gitignore: false, exclude: [], include: [], followSymlinks: false, minConfidence: 0.9, config: null, version: 'test', jobs: 1 });

  it("takes a manifest's license field over the Trove classifiers beside it (reuse-tool's pyproject.toml)", async () => {
    const root = makeTree({
      'pyproject.toml':
        '[tool.poetry]\nname = "x"\nversion = "1"\nlicense = "Apache-2.0 AND GPL-3.0-or-later"\nclassifiers = [\n  "License :: OSI Approved :: Apache Software License",\n  "License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)",\n]\n',
    });
    const classifiersOnly = makeTree({ 'pyproject.toml': '[tool.poetry]\nname = "x"\nversion = "1"\nclassifiers = ["License :: OSI Approved :: MIT License"]\n' });
    try {
      // Not "Apache-2.0 AND GPL-3.0-or-later AND (Apache-2.0 OR GPL-3.0-or-later)".
      expect((await scanOf(root)).project.license).toBe('Apache-2.0 AND GPL-3.0-or-later');
      expect((await scanOf(classifiersOnly)).project.license).toBe('MIT');
    } finally {
      removeTree(root);
      removeTree(classifiersOnly);
    }
  });

  it("takes the licenses of a notice of parts (THIRD-PARTY-NOTICES, R's LICENSE.note) for the parts', not the project's", async () => {
    const notices = makeTree({
      LICENSE: spdxText('Apache-2.0'),
      'ThirdPartyNotices.txt': `This project incorporates components from the projects listed below.\n\n1. left-pad\n\n${spdxText('MIT')}\n\n2. zlib\n\n${spdxText('Zlib')}`,
    });
    // An R package: "MIT + file LICENSE", and the BSD text of an embedded library in LICENSE.note.
    const r = makeTree({
      DESCRIPTION: 'Package: rlang\nVersion: 1.1.5\nLicense: MIT + file LICENSE\n',
      LICENSE: 'YEAR: 2020\nCOPYRIGHT HOLDER: rlang authors\n',
      'LICENSE.note': `The implementation of hash() uses the xxHash library, which is released under the BSD 2-Clause license.\n\n${spdxText('BSD-2-Clause')}`,
    });
    try {
      const a = await scanOf(notices);
      expect(a.project.license).toBe('Apache-2.0');
      expect(a.project.declarations.map((d) => d.file)).toEqual(['LICENSE']);
      // The notice's licenses are still there to read, in its own report.
      expect(exprs(a.files.find((f) => f.path === 'ThirdPartyNotices.txt')!.declarations)).toEqual(['MIT', 'Zlib']);
      const b = await scanOf(r);
      expect(b.project.license).toBe('MIT');
      expect(b.problems.filter((p) => p.severity !== 'note')).toEqual([]);
    } finally {
      removeTree(notices);
      removeTree(r);
    }
  });

  it('license files declare their licenses, the root ones for the project', async () => {
    const root = makeTree({
      LICENSE: `${spdxText('MIT')}\n\n${spdxText('Apache-2.0')}`,
      LICENSES: { 'GPL-3.0-or-later.txt': reflow(spdxText('GPL-3.0-only')) },
      packages: { a: { 'COPYING.md': markdown(spdxText('ISC')), 'license.go': 'package license\n' } },
      'logo.png.license': 'SPDX-License-Identifier: CC0-1.0\n',
    });
    try {
      const result = await scan({ root, gitignore: false, exclude: [], include: [], followSymlinks: false, minConfidence: 0.9, config: null, version: 'test', jobs: 1 });
      const texts = result.files.flatMap((f) => f.declarations.filter((d) => d.source === 'license-text').map((d) => `${d.file}: ${d.expression} (${d.scope})`));
      expect(texts.sort()).toEqual([
        'LICENSE: Apache-2.0 (project)',
        'LICENSE: MIT (project)',
        'LICENSES/GPL-3.0-or-later.txt: GPL-3.0-or-later (project)',
        'packages/a/COPYING.md: ISC (package)',
      ]);
      expect(result.problems.filter((p) => p.code.includes('license-text') || p.code.includes('license-file'))).toEqual([]);
    } finally {
      removeTree(root);
    }
  });

  it("the texts in a Licenses/ folder (U-Boot's) are not the project's license, as LICENSES/ ones are not", async () => {
    const root = makeTree({ Licenses: { 'gpl-2.0.txt': spdxText('GPL-2.0-only'), 'mit.txt': spdxText('MIT') }, 'main.c': '// SPDX-License-Identifier: GPL-2.0-or-later\n' });
    try {
      const result = await scan({ root, gitignore: false, exclude: [], include: [], followSymlinks: false, minConfidence: 0.9, config: null, version: 'test', jobs: 1 });
      expect(result.files.find((f) => f.path === 'Licenses/mit.txt')?.declarations.map((d) => d.expression)).toEqual(['MIT']);
      expect(result.project).toEqual({ declarations: [], license: null });
    } finally {
      removeTree(root);
    }
  });

  it("a REUSE project's LICENSES/ gives its license when it holds one, and nothing said elsewhere", async () => {
    const tagged = '// SPDX-License-Identifier: GPL-3.0-or-later\nint x;\n';
    const project = async (tree: Parameters<typeof makeTree>[0]) => {
      const root = makeTree(tree);
      try {
        return (await scan({ root, gitignore: false, exclude: [], include: [], followSymlinks: false, minConfidence: 0.9, config: null, version: 'test', jobs: 1 })).project;
      } finally {
        removeTree(root);
      }
    };
    const one = await project({ LICENSES: { 'GPL-3.0-or-later.txt': spdxText('GPL-3.0-only') }, 'main.c': tagged });
    expect(one.license).toBe('GPL-3.0-or-later');
    expect(one.declarations.map((d) => d.file)).toEqual(['LICENSES/GPL-3.0-or-later.txt']);
    // Two: which is the project's, the folder does not say.
    expect((await project({ LICENSES: { 'GPL-3.0-or-later.txt': spdxText('GPL-3.0-only'), 'CC0-1.0.txt': spdxText('CC0-1.0') }, 'main.c': tagged })).license).toBe(null);
    // A root license text says it first.
    expect((await project({ LICENSE: spdxText('MIT'), LICENSES: { 'GPL-3.0-or-later.txt': spdxText('GPL-3.0-only') }, 'main.c': tagged })).license).toBe('MIT');
  });

  it("a root COPYING that names the license by tag gives the project's license", async () => {
    const root = makeTree({ COPYING: POINTER, 'main.c': '// SPDX-License-Identifier: GPL-2.0-only\nint main(void) { return 0; }\n' });
    try {
      const result = await scan({ root, gitignore: false, exclude: [], include: [], followSymlinks: false, minConfidence: 0.9, config: null, version: 'test', jobs: 1 });
      expect(result.project.license).toBe('GPL-2.0-only WITH Linux-syscall-note');
      expect(result.problems.map((p) => p.code)).not.toContain('unknown-license-text');
    } finally {
      removeTree(root);
    }
  });
});
