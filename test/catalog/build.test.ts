// The build-time pieces of the catalog, on small inline inputs: YAML entries (one or a
// list, merge keys, errors), the category table, the category layers, and buildCatalogData.
import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalogData, parseReplacements, parseYamlEntry, parseYamlFile, readYamlEntries } from '../../src/catalog/build.js';
import { categorize, parseClassificationTable, type CategorySources } from '../../src/catalog/categories.js';
import { makeTree, removeTree } from '../helpers.js';

describe('parseYamlFile', () => {
  it('reads one entry from a mapping', () => {
    expect(parseYamlFile('licenses/x.yaml', 'id: LicenseRef-X\nname: X\nversion: 1.0\n')).toEqual([{ id: 'LicenseRef-X', name: 'X', version: '1' }]);
  });

  it('reads a list of entries that share facts through merge keys', () => {
    const text = ['- &base', '  id: A-1.0', '  category: permissive', '  aliases: [A]', '- <<: *base', '  id: A-2.0', '  aliases: [A2]'].join('\n');
    const [a, b] = parseYamlFile('licenses/a.yaml', text);
    expect(a).toMatchObject({ id: 'A-1.0', category: 'permissive', aliases: ['A'] });
    expect(b).toMatchObject({ id: 'A-2.0', category: 'permissive', aliases: ['A2'] });
  });

  it.each([
    ['colour: red\nid: X', 'licenses/bad.yaml: colour: unknown key'],
    ['id: X\ncategory: free', 'licenses/bad.yaml: category: free is not one of'],
    ['id: X\naliases: A', 'licenses/bad.yaml: aliases: expected a list of strings'],
    ['id: X\nfieldOfUse: [no-fun]', 'licenses/bad.yaml: fieldOfUse: unknown value no-fun'],
    ['id: X\nclauses: [a]', 'licenses/bad.yaml: clauses: expected a mapping'],
    ['name: X', 'licenses/bad.yaml: id: required'],
    ['- id: X\n- name: Y', 'licenses/bad.yaml: entry 2: id: required'],
    ['[]', 'licenses/bad.yaml: the list of entries is empty'],
  ])('rejects %j naming the file and key', (text, message) => {
    expect(() => parseYamlFile('licenses/bad.yaml', text)).toThrow(message);
  });

  it('parseYamlEntry wants exactly one entry', () => {
    expect(() => parseYamlEntry('licenses/two.yaml', '- id: A\n- id: B')).toThrow('expected one entry, found 2');
  });
});

describe('readYamlEntries', () => {
  let root: string | undefined;
  afterEach(() => root && removeTree(root));

  it('reads every .yaml file, skips _files and sub-folders, and refuses an id defined twice', () => {
    root = makeTree({ 'a.yaml': 'id: A', '_draft.yaml': 'id: A', 'tables': { 'x.yaml': 'id: A' }, 'b.yaml': '- id: B\n- id: C' });
    expect(readYamlEntries(root).map((e) => e.id)).toEqual(['A', 'B', 'C']);
    removeTree(root);
    root = makeTree({ 'a.yaml': 'id: A', 'b.yaml': '- id: B\n- id: A' });
    expect(() => readYamlEntries(root!)).toThrow('licenses/b.yaml: A is already defined in licenses/a.yaml');
  });
});

describe('parseClassificationTable', () => {
  it('maps each id of a group to its category, reason and attributes', () => {
    const table = parseClassificationTable('t.yaml', '- category: proprietary\n  reason: why\n  ids: [A, B]\n  attributes: { commercial: any }\n');
    expect(table.get('B')).toEqual({ category: 'proprietary', reason: 'why', attributes: { commercial: 'any' } });
  });

  it.each([
    ['category: permissive', 't.yaml: expected a list of groups'],
    ['- category: free\n  reason: r\n  ids: [A]', 't.yaml: group 1: category: free is not one of'],
    ['- category: permissive\n  ids: [A]', 't.yaml: group 1: reason: required'],
    ['- category: permissive\n  reason: r\n  ids: []', 't.yaml: group 1: ids: expected a list of ids'],
    ['- category: permissive\n  reason: r\n  ids: [A]\n  note: x', 't.yaml: group 1: unknown key note'],
    ['- category: permissive\n  reason: r\n  ids: [A]\n  attributes: { commercial: some }', 't.yaml: group 1: attributes: commercial: some is not one of'],
    ['- category: permissive\n  reason: r\n  ids: [A]\n- category: proprietary\n  reason: r\n  ids: [A]', 't.yaml: group 2: A is already classified'],
  ])('rejects %j', (text, message) => {
    expect(() => parseClassificationTable('t.yaml', text)).toThrow(message);
  });
});

describe('categorize', () => {
  const sources = (over: Partial<CategorySources> = {}): CategorySources => ({
    table: new Map(),
    scancode: {},
    blueoak: new Set(),
    copyleft: new Set(),
    ...over,
  });

  it.each([
    ['our table wins over every data set', sources({ table: new Map([['X', { category: 'weak-copyleft', reason: 'r' }]]), scancode: { X: 'Permissive' }, blueoak: new Set(['X']) }), { category: 'weak-copyleft', source: 'farleft-classification' }],
    ['Blue Oak wins over ScanCode', sources({ scancode: { X: 'Copyleft Limited' }, blueoak: new Set(['X']) }), { category: 'permissive', source: 'blueoak' }],
    ['ScanCode keeps public domain that Blue Oak calls permissive', sources({ scancode: { X: 'Public Domain' }, blueoak: new Set(['X']) }), { category: 'public-domain', source: 'scancode-licensedb' }],
    ['ScanCode Copyleft is strong', sources({ scancode: { X: 'Copyleft' } }), { category: 'strong-copyleft', source: 'scancode-licensedb' }],
    ['ScanCode Source-available is proprietary', sources({ scancode: { X: 'Source-available' } }), { category: 'proprietary', source: 'scancode-licensedb' }],
    ['spdx-copyleft below ScanCode', sources({ copyleft: new Set(['X']) }), { category: 'strong-copyleft', source: 'spdx-copyleft' }],
  ])('%s', (_name, src, expected) => {
    expect(categorize('X', 'license', src)).toMatchObject(expected);
  });

  it('ScanCode "Unstated License" says nothing, so a family rule or nothing decides', () => {
    expect(categorize('X', 'license', sources({ scancode: { X: 'Unstated License' } }))).toBeNull();
  });

  it.each([
    ['HPND-new-variant', 'permissive'],
    ['BSD-3-Clause-Someone', 'permissive'],
    ['CC-BY-NC-SA-5.0', 'non-commercial'],
    ['CC-BY-ND-5.0', 'proprietary'],
    ['CC-BY-SA-5.0', 'strong-copyleft'],
    ['CC-BY-5.0', 'permissive'],
    ['AGPL-4.0-only', 'network-copyleft'],
    ['LGPL-4.0-only', 'weak-copyleft'],
    ['Foo-PD', 'public-domain'],
  ])('family rule: %s is %s', (id, category) => {
    expect(categorize(id, 'license', sources())).toEqual(expect.objectContaining({ category, source: 'family-rule' }));
  });

  it('family rules do not guess at exceptions or unknown shapes', () => {
    expect(categorize('MIT-exception', 'exception', sources())).toBeNull();
    expect(categorize('Acme-Proprietary', 'license', sources())).toBeNull();
  });
});

describe('parseReplacements', () => {
  it('reads id -> expression and refuses empty values', () => {
    expect(parseReplacements('d.yaml', 'A: B AND C')).toEqual({ A: 'B AND C' });
    expect(() => parseReplacements('d.yaml', 'A: ""')).toThrow('d.yaml: A: expected an SPDX expression');
  });
});

describe('buildCatalogData', () => {
  const data = buildCatalogData({
    yaml: [
      { id: 'GPL-3.0-only', category: 'strong-copyleft', aliases: ['GPLv3'] },
      { id: 'LicenseRef-Test', name: 'Test', category: 'copyfarleft', fieldOfUse: ['no-war'] },
    ],
    categoryOf: (id) => (id === 'MIT' ? { category: 'proprietary', source: 'blueoak', attributes: { commercial: 'any' } } : null),
    replacements: { 'StandardML-NJ': 'SMLNJ' },
  });
  const get = (id: string) => data.entries.find((e) => e.id === id)!;

  it('applies YAML facts and category defaults', () => {
    expect(get('GPL-3.0-only')).toMatchObject({ category: 'strong-copyleft', categorySource: 'farleft', copyleft: 'strong', aliases: ['GPLv3'], textSource: 'spdx-license-list' });
    expect(get('LicenseRef-Test')).toMatchObject({ spdx: false, commercial: 'worker-owned', fieldOfUse: ['no-war'], sha256: null });
  });

  it('applies a hint and its attributes where YAML says nothing', () => {
    expect(get('MIT')).toMatchObject({ category: 'proprietary', categorySource: 'blueoak', commercial: 'any', derivatives: 'none' });
  });

  it('gives deprecated ids their replacements; one-id replacements pass their terms on', () => {
    expect(get('StandardML-NJ').replacement).toBe('SMLNJ');
    expect(get('GPL-3.0')).toMatchObject({ replacement: 'GPL-3.0-only', category: 'strong-copyleft', categorySource: 'farleft', copyleft: 'strong' });
  });

  it('lists every entry once, sorted by id', () => {
    const ids = data.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
