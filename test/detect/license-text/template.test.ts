// The variable and optional parts of license templates (licenses/tables/variables.yaml):
// how entries are read and placed, what they make of a profile, and real-looking copies
// made at test time from the SPDX text plus the variation people commit.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogData } from '../../../src/catalog/schema.js';
import { buildIndex, TEMPLATES_FILE } from '../../../src/detect/license-text/build-index.js';
import { loadMatcher, type LicenseMatcher, type MatchResult } from '../../../src/detect/license-text/index.js';
import { indexFromParts, readIndex, type LicenseIndex } from '../../../src/detect/license-text/index-data.js';
import { matchText } from '../../../src/detect/license-text/match.js';
import { normalizeWords } from '../../../src/detect/license-text/normalize.js';
import { contains, profileWords } from '../../../src/detect/license-text/profile.js';
import { shingleHashes } from '../../../src/detect/license-text/shingle.js';
import { locateSpans, parseTemplates, type TemplateEntry } from '../../../src/detect/license-text/template.js';
import { GENERATED_DIR } from '../../../src/paths.js';
import { spdxText } from './corpus.js';
import { markdown, reflow } from './transforms.js';

const require = createRequire(import.meta.url);
const TEMPLATES = parseTemplates('variables.yaml', readFileSync(TEMPLATES_FILE, 'utf8'));

let matcher: LicenseMatcher;
beforeAll(() => {
  matcher = loadMatcher();
});
const match = (text: string): MatchResult => matcher.match(text, { minConfidence: 0.9 });
const names = (r: MatchResult): string[] => r.matches.map((m) => m.expression);

/** Replaces the words of `from` (across any line breaks) with `to`; fails when they are not in the text, so no case passes unchanged. */
function swap(text: string, from: string, to: string, all = false): string {
  const re = new RegExp(from.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), all ? 'g' : '');
  if (!re.test(text)) throw new Error(`"${from}" is not in the text`);
  return text.replace(re, to);
}
/** The text from the line holding `from` on (a copy without what comes before). */
const from = (text: string, start: string): string => (text.includes(start) ? text.slice(text.indexOf(start)) : fail(start));
/** The text up to the line holding `end` (a copy without what follows). */
const upTo = (text: string, end: string): string => (text.includes(end) ? text.slice(0, text.indexOf(end)) : fail(end));
function fail(what: string): never {
  throw new Error(`"${what}" is not in the text`);
}

const spdx = require('spdx-license-list/spdx-full.json') as Record<string, { licenseText?: string }>;
const catalog = JSON.parse(readFileSync(join(GENERATED_DIR, 'catalog.json'), 'utf8')) as CatalogData;
/** An index of a few SPDX texts, with their templates unless told otherwise. */
function indexOf(ids: readonly string[], withTemplates = true): LicenseIndex {
  const templates = new Map([...TEMPLATES].filter(([id]) => withTemplates && ids.includes(id)));
  const { header, postings } = buildIndex({
    spdx: Object.fromEntries(ids.map((id) => [id, spdx[id]!])),
    spdxLicenseListVersion: 'test',
    catalog,
    fingerprints: [],
    templates,
  });
  return indexFromParts(header, postings);
}

// ISC as npm and most of its packages ship it: the template's "THE AUTHOR" where SPDX's text says ISC.
const npmIsc = (): string =>
  reflow(
    swap(swap(swap(spdxText('ISC'), 'ISC License:', 'The ISC License'), 'AND ISC DISCLAIMS', 'AND THE AUTHOR DISCLAIMS'), 'SHALL ISC BE', 'SHALL THE AUTHOR BE').replace(
      /Copyright[^\n]*\n(?:Copyright[^\n]*\n)?/,
      'Copyright (c) 2010-2023 Isaac Z. Schlueter and Contributors\n',
    ),
    76,
  );

describe('parseTemplates', () => {
  it('reads var and optional entries, with a default size for a var', () => {
    const t = parseTemplates('v.yaml', 'MIT:\n  - var: "a [b] c"\n  - var: "d [] e"\n    max: 3\n  - optional: "[f] g"\n');
    expect(t.get('MIT')).toEqual([
      { kind: 'var', phrase: 'a [b] c', max: 10 },
      { kind: 'var', phrase: 'd [] e', max: 3 },
      { kind: 'optional', phrase: '[f] g', max: 10 },
    ]);
  });

  it.each([
    ['a list', '- x', /expected a mapping/],
    ['an empty entry list', 'MIT: []', /MIT: expected a list/],
    ['both kinds in one entry', 'MIT:\n  - var: "[a]"\n    optional: "[a]"', /MIT, entry 1: expected exactly one of var or optional/],
    ['an unknown key', 'MIT:\n  - var: "[a]"\n    size: 3', /MIT, entry 1: unknown key size/],
    ['a size for an optional part', 'MIT:\n  - optional: "[a]"\n    max: 3', /max is a whole number of words .* for a var/],
    ['a size too large', 'MIT:\n  - var: "[a]"\n    max: 500', /max is a whole number/],
  ])('refuses %s, naming the file and entry', (_what, yaml, error) => {
    expect(() => parseTemplates('v.yaml', yaml)).toThrow(error);
  });
});

describe('locateSpans', () => {
  const words = 'one two three four five six seven eight two three nine'.split(' ');
  const entry = (kind: 'var' | 'optional', phrase: string, max = 5): TemplateEntry => ({ kind, phrase, max });
  it.each([
    ['a var', entry('var', 'one [two three] four'), { kind: 'var', from: 1, to: 3, max: 5 }],
    ['a place to insert words', entry('var', 'four [] five'), { kind: 'var', from: 4, to: 4, max: 5 }],
    ['an optional part, placed by the words after it', entry('optional', '[two three] nine'), { kind: 'optional', from: 8, to: 10, max: 5 }],
    ['an optional part to the end', entry('optional', '[seven ...]'), { kind: 'optional', from: 6, to: 11, max: 0 }],
    ['an optional part from one phrase to the next', entry('optional', 'four [five ... two three] nine'), { kind: 'optional', from: 4, to: 10, max: 0 }],
    ['punctuation and case, as the normalizer reads them', entry('var', 'One, [TWO-three]: four'), null],
  ])('places %s', (_what, e, expected) => {
    if (expected) expect(locateSpans('X', words, [e])).toEqual([expected]);
    else expect(() => locateSpans('X', words, [e])).toThrow(/is not in the text/); // "two-three" is one word: "twothree"
  });

  it.each([
    ['twice', entry('optional', '[two three]'), /occurs 2 times/],
    ['nowhere', entry('var', 'one [ten] two'), /is not in the text/],
    ['without brackets', entry('var', 'one two'), /one bracketed part/],
    ['empty and optional', entry('optional', 'one [] two'), /leaves out no words/],
    ['a var over "..."', entry('var', '[one ... two]'), /only an optional part/],
    ['words after an open end', entry('optional', '[seven ...] nine'), /nothing may follow/],
    ['an end that is not there', entry('optional', '[four ... ten]'), /does not end/],
  ])('refuses a phrase found %s, naming the license and phrase', (_what, e, error) => {
    expect(() => locateSpans('X', words, [e])).toThrow(error);
    expect(() => locateSpans('X', words, [e])).toThrow(/variables\.yaml: X: /);
  });

  it('places every entry of variables.yaml in its SPDX text', () => {
    for (const [id, entries] of TEMPLATES) expect(() => locateSpans(id, normalizeWords(spdxText(id)), entries), id).not.toThrow();
    expect(TEMPLATES.size).toBeGreaterThanOrEqual(18);
  });
});

describe('profileWords with a template', () => {
  const words = normalizeWords('alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron');
  const hashes = shingleHashes(words);

  it('does not require the shingles over a var, and anchors its blank on the shingles beside it', () => {
    const p = profileWords(words, [{ kind: 'var', from: 6, to: 8, max: 3 }]);
    hashes.forEach((h, i) => expect(contains(p.required, h), `shingle ${i}`).toBe(i < 3 || i >= 8));
    expect(p.blanks).toEqual([[hashes[2], hashes[8], 3 + 3]]);
  });

  it('knows the shingles of a copy without an optional part', () => {
    const p = profileWords(words, [{ kind: 'optional', from: 5, to: 9, max: 0 }]);
    const without = shingleHashes([...words.slice(0, 5), ...words.slice(9)]);
    for (const h of without) expect(contains(p.required, h) || contains(p.optional, h)).toBe(true);
    expect(p.blanks).toEqual([]);
  });

  it('joins vars closer than a shingle into one blank', () => {
    const p = profileWords(words, [
      { kind: 'var', from: 5, to: 6, max: 2 },
      { kind: 'var', from: 8, to: 9, max: 2 },
    ]);
    expect(p.blanks).toEqual([[hashes[1], hashes[9], 2 + 2 + 2 + 3]]);
  });

  it('makes no blank for a var at the very start or end', () => {
    expect(profileWords(words, [{ kind: 'var', from: 0, to: 2, max: 3 }, { kind: 'var', from: 13, to: 15, max: 3 }]).blanks).toEqual([]);
  });

  it('leaves a profile without a template as it was (fingerprints depend on it)', () => {
    const plain = profileWords(words);
    expect([...plain.required]).toEqual([...new Set(hashes)].sort((a, b) => a - b));
    expect(plain.optional.length).toBe(0);
  });
});

describe('the index', () => {
  it('holds the blanks of templated texts only', () => {
    const targets = readIndex(GENERATED_DIR).header.targets;
    const blanks = (id: string) => targets.find((t) => t.ids.includes(id))?.blanks;
    expect(blanks('ISC')).toHaveLength(2);
    expect(blanks('MIT')!.length).toBeGreaterThanOrEqual(2);
    expect(blanks('BSD-3-Clause')!.length).toBeGreaterThanOrEqual(4);
    expect(blanks('Zlib')).toBeUndefined();
    expect(blanks('X11')).toBeUndefined();
  });

  it('refuses a template for an id without an SPDX text in the index', () => {
    expect(() => buildIndex({ spdx: {}, spdxLicenseListVersion: 'x', catalog, fingerprints: [], templates: new Map([['MIT', TEMPLATES.get('MIT')!]]) })).toThrow(
      /variables\.yaml: no SPDX text .* for MIT/,
    );
  });
});

// Each copy is the SPDX text with what real copies change; all must be named with the
// confidence of a filled-in template (0.99: not the SPDX text itself) or better.
const isc = spdxText('ISC');
const mit = spdxText('MIT');
const bsd2 = spdxText('BSD-2-Clause');
const bsd3 = spdxText('BSD-3-Clause');
const apache = spdxText('Apache-2.0');
const lgpl3 = spdxText('LGPL-3.0-only');
const ccBy = spdxText('CC-BY-4.0');
const CASES: readonly (readonly [string, string, () => string])[] = [
  ['ISC', "npm's text: THE AUTHOR, a title, a holder", npmIsc],
  ['ISC', 'with "and" for "and/or" (before 2007)', () => swap(npmIsc(), 'and/or', 'and')],
  ['ISC', 'titled "ISC License (ISC)", on long lines', () => swap(isc, 'ISC License:', 'ISC License (ISC)').replace(/AND ISC|SHALL ISC/g, (m) => `${m.split(' ')[0]} STEFAN PENNER`)],
  ['ISC', 'without a title, a holder of several words', () => swap(isc, 'ISC License:', '').replace(/ ISC (DISCLAIMS|BE)/g, ' THE FOO WORKERS COOPERATIVE AND ITS MEMBERS $1')],
  ['0BSD', 'titled "Zero-Clause BSD"', () => `Zero-Clause BSD\n===============\n\n${spdxText('0BSD')}`],
  ['MIT', 'titled "The MIT License (MIT)"', () => swap(mit, 'MIT License', 'The MIT License (MIT)')],
  ['MIT', 'with a holder in the liability clause', () => swap(mit, 'THE AUTHORS OR COPYRIGHT HOLDERS', 'JOYENT, INC. AND OTHER NODE CONTRIBUTORS')],
  ['MIT', 'for "this source file"', () => swap(mit, 'this software and associated documentation files', 'this source file')],
  ['MIT', 'with "(including the next paragraph)"', () => swap(mit, 'permission notice shall', 'permission notice (including the next paragraph) shall')],
  ['BSD-2-Clause', 'with the holder filled in, "EXPRESSED"', () => swap(swap(swap(bsd2, 'THE COPYRIGHT HOLDERS AND CONTRIBUTORS', 'MIHAI BAZON'), 'EXPRESS OR', 'EXPRESSED OR'), 'THE COPYRIGHT HOLDER OR CONTRIBUTORS', 'MIHAI BAZON')],
  ['BSD-2-Clause-Views', 'with the holder filled in three times', () => spdxText('BSD-2-Clause-Views').replace(/the copyright holders? (?:and|or) contributors/gi, 'Gary Court')],
  ['BSD-3-Clause', 'as istanbul has it: "the Yahoo! Inc."', () => swap(swap(bsd3, 'the copyright holder nor', 'the Yahoo! Inc. nor'), 'THE COPYRIGHT HOLDER OR CONTRIBUTORS', 'YAHOO! INC.')],
  ['BSD-3-Clause', 'as fast-uri has it: "The names of any contributors may not"', () => swap(bsd3, 'Neither the name of the copyright holder nor the names of its contributors may', 'The names of any contributors may not')],
  ['BSD-3-Clause', 'as esquery has it: a holder for the liability', () => swap(swap(bsd3, 'the copyright holder nor', 'the ESQuery nor'), 'THE COPYRIGHT HOLDER OR CONTRIBUTORS', 'JOEL FEENSTRA')],
  ['BSD-3-Clause', 'as source-map has it: "the names of project contributors"', () => swap(bsd3, 'Neither the name of the copyright holder nor the names of its contributors may', 'Neither the names of the Mozilla Foundation nor the names of project contributors may')],
  ['BSD-3-Clause', 'with "is permitted", "PROVIDED BY THE AUTHOR"', () => swap(swap(bsd3, 'are permitted', 'is permitted'), 'BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS', 'BY THE AUTHOR')],
  ['Apache-2.0', 'without its title and its terms heading', () => from(apache, '1. Definitions')],
  ['Apache-2.0', 'without END OF TERMS AND CONDITIONS and the appendix', () => upTo(apache, 'END OF TERMS AND CONDITIONS')],
  ['Apache-2.0', 'with its appendix filled in, as Markdown', () => markdown(swap(apache, '[yyyy] [name of copyright owner]', '2024 The Foo Authors'))],
  ['MPL-2.0', 'without Exhibits A and B', () => upTo(spdxText('MPL-2.0'), 'Exhibit A -')],
  ['Unlicense', 'without "For more information"', () => upTo(spdxText('Unlicense'), 'For more information')],
  ['Zlib', 'without its title, with a copyright line', () => swap(spdxText('Zlib'), 'zlib License', 'Copyright (c) 1995-2024 Jean-loup Gailly and Mark Adler')],
  ['BSL-1.0', 'without its title', () => from(spdxText('BSL-1.0'), 'Permission is hereby granted')],
  ['CC0-1.0', 'without its title and the disclaimer before it', () => from(spdxText('CC0-1.0'), 'Statement of Purpose')],
  ['CC-BY-4.0', 'without the notes before the license', () => from(ccBy, 'Creative Commons Attribution 4.0 International Public License')],
  ['CC-BY-4.0', 'with the sentence on CC0 in the trailer', () => swap(ccBy, '“Licensor.”', '“Licensor.” The text of the Creative Commons public licenses is dedicated to the public domain under the CC0 Public Domain Dedication.')],
  ['CC-BY-SA-4.0', 'without the notes before the license', () => from(spdxText('CC-BY-SA-4.0'), 'Creative Commons Attribution-ShareAlike 4.0 International Public License')],
  ['Python-2.0', 'without the CNRI click-through and ACCEPT', () => swap(swap(spdxText('Python-2.0'), 'IMPORTANT: PLEASE READ THE FOLLOWING AGREEMENT CAREFULLY.', ''), 'ACCEPT\n', '').replace(/BY CLICKING ON "ACCEPT" WHERE INDICATED BELOW[^\n]*\n/, '')],
  ['GPL-2.0-only', 'without its title', () => from(spdxText('GPL-2.0-only'), '51 Franklin Street')],
  ['GPL-2.0-only', 'with the title repeated before the terms (as the FSF ships it)', () => swap(spdxText('GPL-2.0-only'), 'TERMS AND CONDITIONS FOR COPYING', 'GNU GENERAL PUBLIC LICENSE\n   TERMS AND CONDITIONS FOR COPYING')],
  ['GPL-2.0-only', 'without "How to Apply These Terms"', () => upTo(spdxText('GPL-2.0-only'), 'END OF TERMS AND CONDITIONS')],
  ['GPL-3.0-only', 'without its title and "How to Apply"', () => upTo(from(spdxText('GPL-3.0-only'), 'Everyone is permitted'), 'END OF TERMS AND CONDITIONS')],
  ['LGPL-2.1-only', 'without its title and "How to Apply"', () => upTo(from(spdxText('LGPL-2.1-only'), '51 Franklin Street'), 'END OF TERMS AND CONDITIONS')],
  ['LGPL-3.0-only', 'alone, as COPYING.LESSER holds it (without the GPL it supplements)', () => upTo(lgpl3, 'GNU GENERAL PUBLIC LICENSE')],
  ['AGPL-3.0-only', 'without "How to Apply"', () => upTo(spdxText('AGPL-3.0-only'), 'END OF TERMS AND CONDITIONS')],
];

describe('real copies that differ in a variable or optional part', () => {
  it.each(CASES)('%s %s is named, and nothing is left unknown', (id, _how, make) => {
    const r = match(make());
    expect(names(r)).toEqual([id]);
    expect(r.matches[0]!.confidence).toBeGreaterThanOrEqual(0.99);
    expect(r.unknown).toEqual([]);
  });

  it.each(CASES)('%s %s is also named after re-wrapping', (id, _how, make) => {
    expect(names(match(reflow(make(), 64)))).toEqual([id]);
  });

  it("names both licenses of a file like fs.realpath's: npm's ISC, a note, then Node's MIT text", () => {
    const note = 'This library bundles a version of the `fs.realpath` and `fs.realpathSync` methods from Node.js v0.10 under the terms of the Node.js MIT license.';
    const node = swap(mit, 'MIT License', '  Copyright Joyent, Inc. and other Node contributors.').replace(/^/gm, '  ');
    const text = `${npmIsc()}\n----\n\n${reflow(note, 74)}\n\n${node}`;
    const r = match(text);
    expect(names(r)).toEqual(['ISC', 'MIT']);
    // The note is no license: left unknown, where it stands.
    expect(r.unknown).toEqual([expect.objectContaining({ startLine: text.slice(0, text.indexOf('This library')).split('\n').length })]);
  });

  // The data is what does it: the same copies against the same texts without templates.
  it.each([
    ['ISC', npmIsc],
    ['BSD-3-Clause', CASES.find((c) => c[1].startsWith('as istanbul'))![2]],
    ['LGPL-3.0-only', () => upTo(lgpl3, 'GNU GENERAL PUBLIC LICENSE')],
  ] as const)('%s: without its template the copy is not named', (id, make) => {
    const text = make();
    expect(matchText(indexOf([id], false), text, { minConfidence: 0.9 }).matches).toEqual([]);
    expect(names(matchText(indexOf([id]), text, { minConfidence: 0.9 }))).toEqual([id]);
  });
});

describe('what a template does not excuse', () => {
  it('a fill longer than the variable allows', () => {
    const r = match(swap(isc, 'AND ISC DISCLAIMS', `AND ${'ANY WORD '.repeat(8)}DISCLAIMS`));
    expect(r.matches).toEqual([]);
    expect(r.candidates[0]!.expression).toBe('ISC');
  });

  it('the same words anywhere else than in a variable', () => {
    const filled = match(swap(isc, 'SHALL ISC BE', 'SHALL JANE DOE OF THE FOO COOPERATIVE BE'));
    const elsewhere = match(swap(isc, 'AND FITNESS.', 'AND FITNESS. JANE DOE OF THE FOO COOPERATIVE'));
    expect(filled.matches[0]!.confidence).toBeGreaterThanOrEqual(0.99);
    expect(elsewhere.matches[0]?.confidence ?? 0).toBeLessThan(0.95);
  });

  it('a clause left out that no template makes optional', () => {
    const r = match(swap(mit, 'The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.', ''));
    expect(names(r)).not.toContain('MIT');
  });
});

describe('templates never make one license pass for another', () => {
  // ISC and 0BSD share all but ISC's notice clause; MIT-0 is MIT without its condition.
  const texts: Record<string, () => string> = {
    "npm's ISC": npmIsc,
    ISC: () => isc,
    '0BSD': () => spdxText('0BSD'),
    '0BSD with ISC\'s title': () => `ISC License\n\n${spdxText('0BSD')}`,
    'MIT-0': () => spdxText('MIT-0'),
    MIT: () => mit,
    'BSD-2-Clause': () => bsd2,
    'BSD-3-Clause': () => bsd3,
  };
  const own: Record<string, string> = { "npm's ISC": 'ISC', ISC: 'ISC', '0BSD': '0BSD', "0BSD with ISC's title": '0BSD', 'MIT-0': 'MIT-0', MIT: 'MIT', 'BSD-2-Clause': 'BSD-2-Clause', 'BSD-3-Clause': 'BSD-3-Clause' };
  const others = ['ISC', '0BSD', 'MIT', 'MIT-0', 'BSD-2-Clause', 'BSD-3-Clause'];
  const cases = Object.keys(texts).flatMap((t) => others.filter((o) => o !== own[t]).map((o) => [t, o] as const));

  it.each(cases)('%s is not named %s, even when that is the only text indexed', (t, other) => {
    const text = markdown(reflow(texts[t]!()));
    expect(names(matchText(indexOf([other]), text, { minConfidence: 0.9 }))).not.toContain(other);
    expect(names(match(text))).toEqual([own[t]]);
  });
});
