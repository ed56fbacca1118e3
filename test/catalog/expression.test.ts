import { describe, expect, it } from 'vitest';
import { testCatalog } from '../helpers.js';
import { sortedExpression } from '../../src/catalog/expression.js';

const catalog = testCatalog();

describe('valid expressions are normalized', () => {
  it.each([
    ['MIT', 'MIT', []],
    ['  MIT  ', 'MIT', []],
    ['mit', 'MIT', ['id-case']],
    ['MIT OR Apache-2.0', 'MIT OR Apache-2.0', []],
    ['(MIT OR Apache-2.0)', 'MIT OR Apache-2.0', []],
    ['MIT  AND  ISC', 'MIT AND ISC', []],
    ['MIT AND (Apache-2.0 OR BSD-2-Clause)', 'MIT AND (Apache-2.0 OR BSD-2-Clause)', []],
    ['MIT OR (Apache-2.0 AND ISC)', 'MIT OR (Apache-2.0 AND ISC)', []],
    ['MIT OR Apache-2.0 AND ISC', 'MIT OR (Apache-2.0 AND ISC)', []],
    ['GPL-2.0-or-later WITH Classpath-exception-2.0', 'GPL-2.0-or-later WITH Classpath-exception-2.0', []],
    ['GPL-2.0+', 'GPL-2.0-or-later', ['deprecated-id']],
    ['GPL-2.0', 'GPL-2.0-only', ['deprecated-id']],
    ['LGPL-2.1+', 'LGPL-2.1-or-later', ['deprecated-id']],
    ['Apache-2.0+', 'Apache-2.0+', []],
    ['PPL', 'PPL', []],
    ['LicenseRef-my-license.1', 'LicenseRef-my-license.1', []],
    ['DocumentRef-spdx-tool:LicenseRef-x', 'DocumentRef-spdx-tool:LicenseRef-x', []],
    ['NONE', 'NONE', []],
    ['NOASSERTION', 'NOASSERTION', []],
  ])('%j -> %j', (raw, expression, notes) => {
    const r = catalog.normalize(raw);
    expect(r.valid).toBe(true);
    expect(r.expression).toBe(expression);
    expect(r.notes.map((n) => n.code)).toEqual(notes);
  });
});

describe('invalid expressions say why and suggest a fix', () => {
  it.each([
    ['GPL 2.0+ OR BSD-3-Clause', 'GPL-2.0-or-later OR BSD-3-Clause', /'GPL 2.0\+' is not a license identifier/],
    ['MIT License', 'MIT', /'MIT License' is not a license identifier/],
    ['GPL-2.0+159', 'GPL-2.0-or-later', /'GPL-2.0\+159' is not a license identifier/],
    ['MIT or Apache-2.0', 'MIT OR Apache-2.0', /'or' must be written in upper case/],
    ['MIT and ISC', 'MIT AND ISC', /upper case: AND/],
    ['(MIT OR Apache-2.0', 'MIT OR Apache-2.0', /'\(' is never closed/],
    ['MIT)', 'MIT', /without a matching '\('/],
    ['MIT AND', 'MIT', /ends with an operator/],
    ['Apache 2.0', 'Apache-2.0', /not a license identifier/],
    ['MTI', 'MIT', /'MTI' is not an SPDX license identifier/],
    ['Apache-2.0 WITH LLVM-exeption', 'Apache-2.0 WITH LLVM-exception', /not an SPDX exception identifier/],
    ['GPL-2.0+:', 'GPL-2.0-or-later', /./],
    ['MIT License, Version 2', null, /./],
    // Two licenses with no operator: which one is the writer's to say (u-boot has both forms).
    ['GPL-2.0+ BSD-3-Clause', null, /names licenses with no operator between them/],
    ['GPL 2.0+ BSD-3-Clause', null, /names licenses with no operator between them/],
    // No such version: not silently another one.
    ['GPL-2.1+', null, /./],
    // A box comment's border after the expression (KDE's kate has `// SPDX-License-Identifier: LGPL-2.0-or-later      *`).
    ['LGPL-2.0-or-later                            *', 'LGPL-2.0-or-later', /ends in '\*', which is no license/],
    ['MIT OR Apache-2.0 #', 'MIT OR Apache-2.0', /ends in '#'/],
    ['GPL 2.0+ **', 'GPL-2.0-or-later', /ends in '\*\*'/],
    // A tag quoted in a sentence (systemd's man/daemon.xml: "(SPDX-License-Identifier: MIT-0).").
    ['MIT-0).', 'MIT-0', /ends in '\)\.', the punctuation of a sentence/],
    ['(MIT OR Apache-2.0).', 'MIT OR Apache-2.0', /ends in '\)\.'/],
    ['GPL-2.0-only, ', 'GPL-2.0-only', /ends in ','/],
    ['MIT AND ISC;', 'MIT AND ISC', /ends in ';'/],
  ])('%j', (raw, suggestion, message) => {
    const r = catalog.normalize(raw);
    expect(r.valid).toBe(false);
    expect(r.expression).toBeNull();
    expect(r.suggestion).toBe(suggestion);
    expect(r.notes.map((n) => n.message).join('\n')).toMatch(message);
  });

  it.each([['LicenseRef-foo+'], ['Foo-1.0'], ['${license}'], ['" + license'], ['(.*)/'], ['()'], ['MIT OR OR ISC'], ['']])(
    '%j gets no guessed suggestion',
    (raw) => {
      const r = catalog.normalize(raw);
      expect(r.valid).toBe(false);
      expect(r.suggestion).toBeNull();
    },
  );

  it('reads long runs of closing parentheses or spaces, at the end or not, and gives its answer', () => {
    expect(catalog.normalize(`MIT${')'.repeat(9_000)}.`)).toMatchObject({ valid: false, suggestion: 'MIT' });
    expect(catalog.normalize(`${')'.repeat(9_000)}x`).valid).toBe(false);
    expect(catalog.normalize(`MIT${' '.repeat(9_000)}*`)).toMatchObject({ valid: false, suggestion: 'MIT' });
    expect(catalog.normalize(`MIT${' '.repeat(9_000)}x`).valid).toBe(false);
  });

  it('refuses a hostile expression in a short message, without overflowing the stack', () => {
    const long = Array(20_000).fill('MIT OR ISC').join(' OR ');
    const deep = `${'('.repeat(4_000)}MIT${')'.repeat(4_000)}`;
    for (const [raw, why] of [
      [long, /is 279996 characters long: farleft reads an expression of at most 10000/],
      [deep, /nested too deeply to be read/],
    ] as const) {
      const r = catalog.normalize(raw);
      const message = r.notes.map((n) => n.message).join('\n');
      expect(message).toMatch(why);
      expect(message.length).toBeLessThan(500);
    }
    expect(catalog.normalize(Array(1_000).fill('MIT').join(' OR ')).expression).toMatch(/^MIT OR MIT/);
  });

  it("reads what spdx-correct fails on (a lone '+') as invalid, with no suggestion", () => {
    for (const raw of ['+', '+ ', 'OR +', '(+)']) {
      const r = catalog.normalize(raw);
      expect(r.valid).toBe(false);
      expect(r.suggestion).toBeNull();
    }
  });

  it('says each thing once, at most ten things, and suggests nothing for a long broken expression', () => {
    const r = catalog.normalize('GPL or '.repeat(1_300).trim());
    expect(r.notes.map((n) => n.message)).toEqual([
      expect.stringMatching(/^'GPL' is not an SPDX license identifier \(closest: /),
      "the operator 'or' must be written in upper case: OR",
    ]);
    expect(r.suggestion).toBeNull();
    const words = Array.from({ length: 40 }, (_, i) => `NoSuchLicense${i}`);
    const many = catalog.normalize(words.join(' OR '));
    expect(many.notes).toHaveLength(10);
    expect(many.notes.at(-1)!.message).toBe('and 31 more problems in this expression');
    // Closest ids are looked up for the first few unknown words only; a short broken expression still gets its suggestion.
    expect(many.notes.filter((n) => n.message.includes('closest:')).length).toBeLessThanOrEqual(5);
    expect(catalog.normalize('GPL-2.0+ or MIT').suggestion).toBe('GPL-2.0-or-later OR MIT');
  });

  it('remembers short expressions only: a long one is worked out again, not kept', () => {
    const long = `${'MIT AND '.repeat(100)}ISC`;
    expect(catalog.normalize(long)).not.toBe(catalog.normalize(long));
    expect(catalog.normalize(long).expression).toBe(catalog.normalize(long).expression);
    expect(catalog.normalize('MIT AND ISC')).toBe(catalog.normalize('MIT AND ISC'));
  });

  it('lists the closest ids for an unknown one', () => {
    expect(catalog.normalize('GPL-3.0-onyl').notes[0]?.message).toMatch(/closest: GPL-3.0-only/);
  });
});

describe('sortedExpression', () => {
  it.each([
    ['MIT OR Apache-2.0', 'Apache-2.0 OR MIT'],
    ['Apache-2.0 OR MIT', 'Apache-2.0 OR MIT'],
    ['(MIT OR Apache-2.0) AND Unicode-DFS-2016', '(Apache-2.0 OR MIT) AND Unicode-DFS-2016'],
    ['Zlib OR (MIT OR Apache-2.0 WITH LLVM-exception)', 'Apache-2.0 WITH LLVM-exception OR MIT OR Zlib'],
    ['MIT', 'MIT'],
    ['NOASSERTION', 'NOASSERTION'],
    ['SEE LICENSE IN LICENSE OR MIT', 'SEE LICENSE IN LICENSE OR MIT'],
  ])('%j -> %j', (expression, sorted) => {
    expect(sortedExpression(expression)).toBe(sorted);
  });
});

describe('markers', () => {
  it('reads npm markers as whole values', () => {
    expect(catalog.normalize('UNLICENSED')).toMatchObject({ expression: 'UNLICENSED', marker: 'UNLICENSED', valid: false });
    expect(catalog.normalize('SEE LICENSE IN LICENSE.txt')).toMatchObject({ expression: 'SEE LICENSE IN LICENSE.txt', marker: 'SEE LICENSE IN', seeFile: 'LICENSE.txt' });
  });
  it('does not accept a marker inside an expression', () => {
    expect(catalog.normalize('MIT OR UNLICENSED').valid).toBe(false);
  });
});

it('reads an alias in SPDX syntax, and suggests the id for any other alias', () => {
  expect(catalog.normalize('LicenseRef-PPL')).toMatchObject({ valid: true, expression: 'PPL' });
  expect(catalog.normalize('GPLv3')).toMatchObject({ valid: false, suggestion: 'GPL-3.0-only' });
  expect(catalog.normalize('GPLv3+')).toMatchObject({ valid: false, suggestion: 'GPL-3.0-or-later' });
  // SPDX allows + only after its own ids; the catalog knows the -or-later id that was meant.
  expect(catalog.normalize('CNPLv7+')).toMatchObject({ valid: false, suggestion: 'LicenseRef-CNPL-7.0-or-later' });
  expect(catalog.normalize('LicenseRef-CNPL-7.0+')).toMatchObject({ valid: false, suggestion: 'LicenseRef-CNPL-7.0-or-later' });
  // A catalog LicenseRef written without its prefix, as people name it, is suggested with it.
  expect(catalog.normalize('CNPL-7.0-or-later')).toMatchObject({ valid: false, suggestion: 'LicenseRef-CNPL-7.0-or-later' });
  expect(catalog.normalize('NVPL-4.0 OR MIT')).toMatchObject({ valid: false, suggestion: 'LicenseRef-NVPL-4.0 OR MIT' });
  expect(catalog.normalize('scancode-ppp')).toMatchObject({ valid: false, suggestion: 'LicenseRef-scancode-ppp' });
});

it('lists the ids of an expression once each, in order', () => {
  expect(catalog.normalize('(MIT OR Apache-2.0) AND MIT AND GPL-2.0-only WITH Classpath-exception-2.0').ids).toEqual([
    'MIT',
    'Apache-2.0',
    'GPL-2.0-only',
    'Classpath-exception-2.0',
  ]);
});

it('caches per input string', () => {
  expect(catalog.normalize('ISC')).toBe(catalog.normalize('ISC'));
});
