// The matcher on real texts: SPDX's (from spdx-license-list) and the copyfarleft corpus.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogData } from '../../../src/catalog/schema.js';
import { buildIndex, readFingerprints, TEMPLATES_FILE } from '../../../src/detect/license-text/build-index.js';
import { loadMatcher, type LicenseMatcher, type MatchResult } from '../../../src/detect/license-text/index.js';
import { indexFromParts } from '../../../src/detect/license-text/index-data.js';
import { matchText } from '../../../src/detect/license-text/match.js';
import { parseTemplates } from '../../../src/detect/license-text/template.js';
import { GENERATED_DIR } from '../../../src/paths.js';
import { COPYFARLEFT, CORPUS, CORPUS_NOTE, corpusIds, corpusText, referenceText, spdxText } from './corpus.js';
import { changeCopyright, coopCycleFamily, markdown, pdfFamily, reflow } from './transforms.js';

const require = createRequire(import.meta.url);
let matcher: LicenseMatcher;
beforeAll(() => {
  matcher = loadMatcher();
});

const match = (text: string, hint?: string): MatchResult => matcher.match(text, { minConfidence: 0.9, ...(hint ? { hint } : {}) });
const names = (r: MatchResult): string[] => r.matches.map((m) => m.expression);

/** One typo in every `every` words of four letters or more: noise that no normalizer removes. */
const typos = (text: string, every: number): string => {
  let i = 0;
  return text.replace(/[A-Za-z]{4,}/g, (w) => (++i % every === 0 ? `${w.slice(0, -1)}x` : w));
};

describe.skipIf(!CORPUS)(`the copyfarleft corpus (${CORPUS_NOTE})`, () => {
  it.each(corpusIds())('%s is named exactly, with confidence 1', (id) => {
    const text = corpusText(id);
    const r = match(text);
    expect(r.matches).toEqual([expect.objectContaining({ expression: id, confidence: 1 })]);
    // From the first line with words of the license to the last (CNPL 5.0 starts with a title placeholder and a copyright line).
    expect(r.matches[0]!.startLine).toBeLessThanOrEqual(4);
    expect(r.matches[0]!.endLine).toBeGreaterThanOrEqual(text.trimEnd().split('\n').length - 1);
    expect(r.unknown).toEqual([]);
  });

  const renderings = { reflow: (t: string) => reflow(t), 'changed copyright': changeCopyright, markdown, 'all three': (t: string) => markdown(changeCopyright(reflow(t))) };
  const cases = COPYFARLEFT.flatMap((id) => Object.keys(renderings).map((how) => [id, how] as const));
  it.each(cases)('%s after %s is named with confidence >= 0.95', (id, how) => {
    const r = match(renderings[how as keyof typeof renderings](corpusText(id)));
    expect(names(r)).toEqual([id]);
    expect(r.matches[0]!.confidence).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    ['CoopCycle', coopCycleFamily],
    ['Telekommunist Manifesto PDF', pdfFamily],
    ['PDF, re-wrapped', (t: string) => reflow(pdfFamily(t), 70)],
  ])('the PPL as the %s family copies it is named PPL with confidence >= 0.95', (_family, render) => {
    const r = match(render(corpusText('PPL')));
    expect(names(r)).toEqual(['PPL']);
    expect(r.matches[0]!.confidence).toBeGreaterThanOrEqual(0.95);
  });
});

describe('licenses that must never be named as each other', () => {
  const pairs = [
    ['LicenseRef-NVPL-7.0', 'LicenseRef-CNPL-7.0'],
    ['LicenseRef-CNPL-5.0', 'LicenseRef-CNPL-7.0'],
    ['PPL', 'CC-BY-NC-SA-3.0'],
    ['CC-BY-NC-SA-4.0', 'CC-BY-SA-4.0'],
    ['MIT', 'MIT-0'],
    ['MIT', 'X11'],
    ['MIT-0', 'X11'],
    ['BSD-2-Clause', 'BSD-3-Clause'],
    ['ISC', '0BSD'],
    ['ISC', 'MIT'],
    ['0BSD', 'MIT-0'],
  ] as const;
  const available = (id: string): boolean => !id.startsWith('LicenseRef-') || (CORPUS !== null && corpusIds().includes(id));
  const both = pairs.flatMap(([a, b]) => [[a, b] as const, [b, a] as const]).filter(([a, b]) => available(a) && available(b));
  const variants = { exact: (t: string) => t, 'markdown, re-wrapped': (t: string) => markdown(reflow(t)), 'with typos': (t: string) => typos(t, 80) };
  const cases = both.flatMap(([a, b]) => Object.keys(variants).map((how) => [a, b, how] as const));

  it.each(cases)('the text of %s is not named %s (%s)', (a, b, how) => {
    const r = match(variants[how as keyof typeof variants](referenceText(a)));
    expect(names(r)).not.toContain(b);
    expect(names(r)).toEqual([a]);
  });

  // The harder case: the license itself is unknown to the index, its neighbour is not.
  describe('when the text is missing from the index', () => {
    const spdx = require('spdx-license-list/spdx-full.json') as Record<string, { licenseText?: string }>;
    const catalog = JSON.parse(readFileSync(join(GENERATED_DIR, 'catalog.json'), 'utf8')) as CatalogData;
    const fingerprints = readFingerprints();
    const templates = parseTemplates('variables.yaml', readFileSync(TEMPLATES_FILE, 'utf8'));
    // The one text as the real index holds it: with its template's variable and optional parts.
    const onlyIndexed = (present: string) => {
      const { header, postings } = buildIndex({
        spdx: present in spdx ? { [present]: spdx[present]! } : {},
        spdxLicenseListVersion: 'test',
        catalog,
        fingerprints: fingerprints.filter((f) => f.data.id === present),
        templates: new Map([...templates].filter(([id]) => id === present)),
      });
      return indexFromParts(header, postings);
    };
    // Where one text adds to the other (clauses, a definition, a paragraph), the added words
    // keep the smaller license from being named, or are reported as unknown beside it (X11 is
    // MIT with the holder's name filled in and a paragraph added). Where a text only lacks
    // words of a larger one, containment alone decides (CC-BY-SA-4.0 lacks a few NonCommercial
    // clauses of CC-BY-NC-SA-4.0: 0.95): that pair relies on both being indexed, as every SPDX
    // license is.
    it.each(both.filter(([a, b]) => !(a === 'CC-BY-SA-4.0' && b === 'CC-BY-NC-SA-4.0')))('%s is not named %s', (a, b) => {
      const r = matchText(onlyIndexed(b), markdown(reflow(referenceText(a))), { minConfidence: 0.9 });
      if (a === 'X11' && b === 'MIT') {
        expect(names(r)).toEqual(['MIT']);
        expect(r.unknown).toEqual([expect.objectContaining({ words: expect.any(Number) })]);
        expect(r.unknown[0]!.words).toBeGreaterThanOrEqual(20);
      } else {
        expect(names(r)).toEqual([]);
        expect(r.candidates.every((c) => c.confidence < 0.9)).toBe(true);
      }
    });

  });
});

describe.skipIf(!CORPUS)(`catalog phrases (${CORPUS_NOTE})`, () => {
  // The CNPL's catalog phrases include its worker-ownership clause: a copy without that
  // clause is no CNPL, however close the rest of the words are.
  it('a text known by fingerprint is not named without one of its phrases', () => {
    const cnpl = corpusText('LicenseRef-CNPL-7.0');
    const clause = 'i.  You are a worker-owned business or worker-owned collective.';
    expect(cnpl).toContain(clause);
    const r = match(cnpl.replace(clause, 'i.  You are a business.'));
    expect(names(r)).toEqual([]);
    expect(r.candidates[0]).toMatchObject({ expression: 'LicenseRef-CNPL-7.0' });
    expect(r.candidates[0]!.confidence).toBeGreaterThan(0.95);
  });
});

describe('SPDX texts', () => {
  const sample = [
    'MIT', 'MIT-0', 'X11', 'BSD-2-Clause', 'BSD-3-Clause', 'BSD-4-Clause', 'ISC', '0BSD', 'Zlib', 'BSL-1.0', 'Unlicense', 'WTFPL',
    'CC0-1.0', 'Apache-2.0', 'Apache-1.1', 'MPL-2.0', 'EPL-2.0', 'EUPL-1.2', 'CDDL-1.0', 'OSL-3.0', 'Artistic-2.0', 'PostgreSQL',
    'NCSA', 'Python-2.0', 'CC-BY-4.0', 'CC-BY-SA-4.0', 'OFL-1.1', 'JSON', 'Hippocratic-2.1', 'Vim', 'GPL-2.0-only', 'GPL-3.0-only',
    'LGPL-2.1-only', 'LGPL-3.0-only', 'AGPL-3.0-only',
  ];
  it.each(sample)('%s names itself, also re-wrapped as Markdown', (id) => {
    expect(match(spdxText(id)).matches).toEqual([expect.objectContaining({ expression: id, confidence: 1 })]);
    const r = match(markdown(reflow(spdxText(id))));
    expect(names(r)).toEqual([id]);
    expect(r.matches[0]!.confidence).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    ['without its title', 'MIT', (t: string) => t.replace('MIT License\n', ''), 0.95],
    ['with names filled in', 'BSD-3-Clause', (t: string) => t.replace('<year> <owner>', '2020, Foo Inc.').replace('the copyright holder nor', 'Foo Inc. nor'), 0.9],
    ['without its appendix', 'Apache-2.0', (t: string) => t.slice(0, t.indexOf('END OF TERMS AND CONDITIONS') + 27), 0.95],
    ['with its appendix filled in', 'Apache-2.0', (t: string) => t.replace('[yyyy] [name of copyright owner]', '2024 The Foo Authors'), 1],
    ['without "How to Apply"', 'GPL-3.0-only', (t: string) => t.slice(0, t.indexOf('END OF TERMS AND CONDITIONS') + 27), 0.95],
    ['with a typo in every 150 words', 'GPL-2.0-only', (t: string) => typos(t, 150), 0.9],
  ] as const)('%s, %s is still named', (_how, id, edit, floor) => {
    const r = match(edit(spdxText(id)));
    expect(names(r)).toEqual([id]);
    expect(r.matches[0]!.confidence).toBeGreaterThanOrEqual(floor);
  });

  it('names the -only id of a text group unless the hint names another member', () => {
    const gpl3 = spdxText('GPL-3.0-or-later');
    expect(names(match(gpl3))).toEqual(['GPL-3.0-only']);
    expect(names(match(gpl3, 'GPL-3.0-or-later'))).toEqual(['GPL-3.0-or-later']);
    expect(names(match(reflow(gpl3), 'GPL-3.0-or-later'))).toEqual(['GPL-3.0-or-later']);
    expect(names(match(gpl3, 'MIT'))).toEqual(['GPL-3.0-only']);
  });

  it('never names a deprecated id', () => {
    expect(names(match(spdxText('GPL-2.0')))).toEqual(['GPL-2.0-only']);
    expect(names(match(spdxText('LGPL-2.1+')))).toEqual(['LGPL-2.1-only']);
  });

  // SPDX's texts lack words the FSF's have: GPL-2.0's last paragraph; the notice GFDL's addendum shows, which
  // SPDX writes on its copyright line (a line the normalizer drops whole). Every COPYING made from the FSF's
  // text had them as unknown text beside the license (licenses/fingerprints holds the FSF's texts).
  const GPL2_LAST =
    'This General Public License does not permit incorporating your program into\nproprietary programs.  If your program is a subroutine library, you may\n' +
    'consider it more useful to permit linking proprietary applications with the\nlibrary.  If this is what you want to do, use the GNU Lesser General\nPublic License instead of this License.\n';
  it.each([
    ['GPL-2.0-only with its last paragraph', 'GPL-2.0-only', () => `${reflow(spdxText('GPL-2.0-only'), 72)}\n\n${GPL2_LAST}`, 'GPL-2.0-or-later'],
    ["GFDL-1.3's addendum with its notice on lines of its own", 'GFDL-1.3-only', () => reflow(spdxText('GFDL-1.3-only').replace('YOUR NAME. Permission', 'YOUR NAME.\nPermission'), 72), 'GFDL-1.3-no-invariants-or-later'],
    ["GFDL-1.2's too", 'GFDL-1.2-only', () => reflow(spdxText('GFDL-1.2-only').replace('YOUR NAME. Permission', 'YOUR NAME.\nPermission'), 72), 'GFDL-1.2-invariants-only'],
  ] as const)("%s: the FSF's words, all of them the license", (_how, id, text, hint) => {
    const r = match(text());
    expect(names(r)).toEqual([id]);
    expect(r.unknown).toEqual([]);
    // LICENSES/<id>.txt still names the id its file name gives.
    expect(names(match(text(), hint))).toEqual([hint]);
  });

  // ICU 72 and later (node's deps/icu-small): the template's optional sentence after the title, none of its optional
  // paragraphs on what the Data Files include, and "Distributed under the Terms of Use …" on a line of its own.
  it("names Unicode-DFS-2016 in ICU's wording of it", () => {
    const spdx = spdxText('Unicode-DFS-2016');
    const icu = spdx
      .replace(/\n\nUnicode Data Files include[\s\S]*?utility\/trac\/browser\/\.\n\nUnicode Data Files do not[\s\S]*?Public\/\.\n\nSoftware includes[\s\S]*?utility\/trac\/browser\/\./, "\n\nSee Terms of Use <https://www.unicode.org/copyright.html>\nfor definitions of Unicode Inc.'s Data Files and Software.")
      .replace('All rights reserved. Distributed', 'All rights reserved.\nDistributed');
    expect(icu).not.toContain('Data Files include');
    expect(icu).toContain('See Terms of Use');
    expect(match(icu).matches).toEqual([expect.objectContaining({ expression: 'Unicode-DFS-2016', confidence: expect.any(Number) })]);
    expect(match(icu).matches[0]!.confidence).toBeGreaterThanOrEqual(0.95);
  });

  it('leaves near-identical texts unnamed when a copy is not exact, listing both', () => {
    // QPL-1.0-INRIA-2004 is QPL-1.0 with a few words changed: a re-wrapped copy is not exact.
    const r = match(reflow(spdxText('QPL-1.0-INRIA-2004')));
    expect(r.matches).toEqual([]);
    expect(r.candidates.map((c) => c.expression).slice(0, 2).sort()).toEqual(['QPL-1.0', 'QPL-1.0-INRIA-2004']);
  });
});

describe('several licenses in one file', () => {
  it('names each, in order, with its lines', () => {
    const text = `${spdxText('MIT')}\n\n----\n\n${spdxText('Apache-2.0')}\n`;
    const r = match(text);
    expect(names(r)).toEqual(['MIT', 'Apache-2.0']);
    const mitLines = spdxText('MIT').split('\n').length;
    expect(r.matches[0]).toMatchObject({ startLine: 1, confidence: 1 });
    expect(r.matches[0]!.endLine).toBeLessThanOrEqual(mitLines);
    expect(r.matches[1]!.startLine).toBeGreaterThan(mitLines + 2);
    expect(r.matches[1]!.endLine).toBe(text.split('\n').length - 1);
    expect(r.unknown).toEqual([]);
  });

  it('reads a NOTICE of three licenses with headings between them', () => {
    const text = [
      'This product bundles the following software.',
      '',
      '== left-pad (BSD-3-Clause) ==',
      spdxText('BSD-3-Clause'),
      '',
      '== right-pad (ISC) ==',
      reflow(spdxText('ISC')),
      '',
      '== colors (MIT) ==',
      markdown(spdxText('MIT')),
    ].join('\n');
    expect(names(match(text))).toEqual(['BSD-3-Clause', 'ISC', 'MIT']);
  });

  it('finds a license exception after its license', () => {
    const classpath = spdxText('GPL-2.0-with-classpath-exception').replace(/^insert[^\n]*\n/, '');
    const r = match(`${spdxText('GPL-2.0-only')}\n\n${classpath}`);
    expect(r.matches.map((m) => [m.expression, m.kind])).toEqual([
      ['GPL-2.0-only', 'license'],
      ['Classpath-exception-2.0', 'exception'],
    ]);
  });

  it('names a license after one whose words hold all of it (ISC then 0BSD, MIT then MIT-0, BSD-3-Clause then BSD-2-Clause)', () => {
    for (const [first, second] of [['ISC', '0BSD'], ['MIT', 'MIT-0'], ['BSD-3-Clause', 'BSD-2-Clause'], ['HPND', '0BSD']] as const) {
      const r = match(`${spdxText(first)}\n\nTHE DOCUMENTATION\n-----\n\n${spdxText(second)}\n`);
      expect(names(r), `${first} then ${second}`).toEqual([first, second]);
      expect(r.unknown).toEqual([]);
    }
  });

  it('names 0BSD after Python-2.0.1, whose CWI part ends with the same disclaimer (as in Python\'s LICENSE)', () => {
    const text = `${spdxText('Python-2.0.1')}\n\nZERO-CLAUSE BSD LICENSE FOR CODE IN THE PYTHON DOCUMENTATION\n----------\n\n${spdxText('0BSD')}\n`;
    const r = match(text);
    expect(names(r)).toEqual(['Python-2.0.1', '0BSD']);
    expect(r.matches[1]).toMatchObject({ confidence: 1, endLine: text.split('\n').length - 1 });
  });

  // libpng's LICENSE (every copy since 1.6.36): version 2, then version 1, whose conditions end with version 2's last clause.
  it("names a license whose last sentence the next one also has (libpng-2.0, then libpng-1.6.35)", () => {
    const text = `COPYRIGHT NOTICE, DISCLAIMER, and LICENSE\n=====\n\n${spdxText('libpng-2.0')}\n\n${spdxText('libpng-1.6.35')}\n`;
    const r = match(text);
    expect(names(r)).toEqual(['libpng-2.0', 'libpng-1.6.35']);
    expect(r.matches.map((m) => m.confidence)).toEqual([1, 1]);
    expect(r.unknown).toEqual([]);
  });

  // RediSearch's, Neo4j's: the Commons Clause on top of the Apache License, its placeholders filled in.
  it('names the Commons Clause before the license it is a condition on', () => {
    const clause = '"Commons Clause" License Condition v1.0\n\nThe Software is provided to you by the Licensor under the License, as defined below, subject to the following condition.\n\nWithout limiting other conditions in the License, the grant of rights under the License will not include, and the License does not grant to you, the right to Sell the Software.\n\nFor purposes of the foregoing, "Sell" means practicing any or all of the rights granted to you under the License to provide to third parties, for a fee or other consideration (including without limitation fees for hosting or consulting/ support services related to the Software), a product or service whose value derives, entirely or substantially, from the functionality of the Software. Any license notice or attribution required by the License must also include this Commons Clause License Condition notice.\n\nSoftware: RediSearch\n\nLicense: Apache 2.0\n\nLicensor: Redis Labs Ltd.\n\n';
    const r = match(`${clause}${spdxText('Apache-2.0')}`);
    expect(names(r)).toEqual(['LicenseRef-Commons-Clause-1.0', 'Apache-2.0']);
    expect(r.matches[0]!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(r.unknown).toEqual([]);
  });

  // Hack's LICENSE.md: the Bitstream Vera license's grant has half of MIT's words, and its stretch reached back over
  // them; as a text wider than MIT's (one that holds it) it kept MIT from being named, and neither was.
  it('names a license beside one whose grant shares half its words (MIT, then Bitstream-Vera, in Hack\'s LICENSE.md)', () => {
    const mit = spdxText('MIT').replace(/^[\s\S]*?Permission/, 'Permission');
    const r = match(`### MIT License\n\nCopyright (c) 2018 Source Foundry Authors\n\n${mit}\n\n### BITSTREAM VERA LICENSE\n\n${spdxText('Bitstream-Vera')}\n`);
    expect(names(r)).toEqual(['MIT', 'Bitstream-Vera']);
    expect(r.unknown).toEqual([]);
  });

  it('names thirty licenses in one large file, in order', () => {
    const ids = ['MIT', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', 'Zlib', 'BSL-1.0', 'MPL-2.0', 'EPL-2.0', 'CC0-1.0', 'Unlicense', 'WTFPL', 'Artistic-2.0', 'PostgreSQL', 'NCSA', 'Python-2.0', 'OFL-1.1', 'CDDL-1.0', 'EUPL-1.2', 'OSL-3.0', 'AFL-3.0', 'MS-PL', 'MS-RL', 'APSL-2.0', 'Ruby', 'PHP-3.01', 'Vim', 'UPL-1.0', 'MulanPSL-2.0', 'GPL-3.0-only'];
    const r = match(ids.map((id) => `---- ${id} ----\n${spdxText(id)}`).join('\n\n'));
    expect(names(r)).toEqual(ids);
  });
});

describe('a large NOTICE file', () => {
  it('names each of hundreds of bundled licenses', () => {
    const ids = ['MIT', 'Apache-2.0', 'MIT', 'BSD-3-Clause', 'ISC', 'MIT', 'BSD-2-Clause'];
    const parts = Array.from({ length: 300 }, (_, i) => {
      const body = spdxText(ids[i % ids.length]!).replace(/Copyright[^\n]*\n/, '');
      return `----------------\n\ncomponent-${i} ${i}.0.${i % 7}\n\nCopyright (c) ${2000 + (i % 24)} Author ${i}\n\n${body}`;
    });
    const r = match(parts.join('\n\n'));
    expect(names(r)).toEqual(parts.map((_, i) => ids[i % ids.length]));
    expect(r.unknown).toEqual([]);
  });
});

describe('text that is no known license', () => {
  it('is unknown, with the closest licenses as candidates', () => {
    const text = `The Community Garden License

Permission is hereby granted, free of charge, to any person who tends a public garden to use, copy and
share this software, subject to the following conditions: the software may only be used on Tuesdays,
and every user must plant one tree per year of use.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.`;
    const r = match(text);
    expect(r.matches).toEqual([]);
    expect(r.unknown).toEqual([expect.objectContaining({ startLine: 1, endLine: 7 })]);
    // It shares a disclaimer with many licenses, and explains too little of any to name one as closest.
    expect(r.candidates).toEqual([]);
    const near = match(spdxText('ISC').replace('THE SOFTWARE IS PROVIDED', 'The software shall not be used by any business that profits from the wage labour of its employees, whether directly or through a subsidiary or contractor.\n\nTHE SOFTWARE IS PROVIDED'));
    expect(near.matches).toEqual([]);
    expect(near.candidates[0]).toMatchObject({ expression: 'ISC' });
    expect(near.candidates.every((c) => c.confidence >= 0.25 && c.confidence < 0.9)).toBe(true);
  });

  it('is reported when appended to a known license, not swallowed by it', () => {
    const addition = `Additional condition: the software may not be used by any company that employs more than fifty
people, nor by any person acting on behalf of such a company, for any purpose whatsoever.`;
    const r = match(`${spdxText('MIT')}\n\n${addition}\n`);
    expect(names(r)).toEqual(['MIT']);
    expect(r.unknown).toEqual([expect.objectContaining({ startLine: spdxText('MIT').split('\n').length + 2 })]);
  });

  it('is reported when inserted into a known license, which is then not named', () => {
    const mit = spdxText('MIT');
    const at = mit.indexOf('THE SOFTWARE IS PROVIDED');
    const inserted = 'The Software shall not be used by any business that profits from the wage labour of its employees, whether directly or through a subsidiary or contractor.\n\n';
    const r = match(mit.slice(0, at) + inserted + mit.slice(at));
    expect(names(r)).toEqual([]);
    expect(r.candidates.map((c) => c.expression)).toContain('MIT');
  });

  it('an empty text has no words and no matches', () => {
    expect(match('')).toEqual({ matches: [], candidates: [], unknown: [], words: 0 });
    expect(match('\n  \n---\n')).toMatchObject({ matches: [], words: 0 });
  });
});
