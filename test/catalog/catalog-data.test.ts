// The catalog's committed data, checked as the build compiles it: licenses/*.yaml, the
// category table, the derived ScanCode map, the deprecated-id replacements, and the
// reference corpus of license texts (skipped, with a message, when it is absent).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/catalog/build.js';
import { SCANCODE_CATEGORY } from '../../src/catalog/categories.js';
import { buildCatalog, readCategorySources } from '../../src/catalog/generate.js';
import { createCatalog, type Catalog } from '../../src/catalog/index.js';
import type { CatalogData, LicenseEntry } from '../../src/catalog/schema.js';
import { readYamlEntries } from '../../src/catalog/build.js';
import { LICENSES_DIR, PACKAGE_ROOT } from '../../src/paths.js';

const require = createRequire(import.meta.url);
// The reference corpus sits in shared/ beside the repository (CI lays a copy there), or where
// FARLEFT_CORPUS says; the checks that need it are skipped, with a message, without it.
const CORPUS =
  [process.env.FARLEFT_CORPUS, join(PACKAGE_ROOT, '..', 'shared', 'corpus', 'licenses'), '/work/shared/corpus/licenses'].find(
    (dir): dir is string => !!dir && existsSync(dir),
  ) ?? '(not found: set FARLEFT_CORPUS)';

const licenseIds: string[] = require('spdx-license-ids/index.json');
const deprecatedLicenseIds: string[] = require('spdx-license-ids/deprecated.json');
const exceptionIds: string[] = require('spdx-exceptions/index.json');
const deprecatedExceptionIds: string[] = require('spdx-exceptions/deprecated.json');

let data: CatalogData;
let catalog: Catalog;
const entry = (id: string): LicenseEntry => {
  const e = catalog.get(id);
  if (!e) throw new Error(`${id} is not in the catalog`);
  return e;
};

beforeAll(() => {
  data = buildCatalog();
  catalog = createCatalog(data);
});

/** The text matcher's view of a text, roughly: case, whitespace, quotes and pandoc escapes. */
const normalize = (text: string): string =>
  text
    .replace(/\\(["'])/g, '$1')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ');

describe('licenses/*.yaml', () => {
  const yaml = readYamlEntries(LICENSES_DIR);

  it('every entry validates and says what it is', () => {
    expect(yaml.length).toBeGreaterThan(100);
    for (const y of yaml) {
      const e = entry(y.id);
      expect(y.category, `${y.id} has a category`).toBeDefined();
      if (e.kind !== 'marker') expect(e.category, y.id).not.toBe('unknown');
      expect(e.summary, `${y.id} has a summary`).toMatch(/\S{3,}/);
      expect(e.name, `${y.id} has a name`).not.toBe('');
      for (const [topic, clause] of Object.entries(e.clauses)) {
        expect(topic, `${y.id} clause topic`).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
        expect(clause, `${y.id} clause ${topic}`).not.toBe('');
      }
    }
  });

  it('every license SPDX lacks has aliases, a canonical URL and where its text is', () => {
    // "Public Domain" without a dedication has no text and no home page.
    for (const e of data.entries.filter((x) => x.id.startsWith('LicenseRef-') && x.id !== 'LicenseRef-Public-Domain')) {
      expect(e.aliases.length, e.id).toBeGreaterThan(0);
      expect(e.url, e.id).toMatch(/^https?:\/\//);
      expect(e.textSource, e.id).toBeTruthy();
    }
  });

  it('PPL is the SPDX id, copyfarleft, commercial use for worker-owned only', () => {
    const ppl = entry('PPL');
    expect(ppl).toMatchObject({ spdx: true, category: 'copyfarleft', commercial: 'worker-owned', categorySource: 'farleft', textSource: 'spdx-license-list' });
    expect(ppl.clauses.commercial).toBe('§4(c)-(d)');
    expect(catalog.resolve('LicenseRef-PPL')?.entry.id).toBe('PPL');
    expect(catalog.resolve('Peer Production License')?.entry.id).toBe('PPL');
    // LicenseRef-PPL-* names unrelated licenses in the wild.
    expect(data.entries.flatMap((e) => e.aliases).filter((a) => /^LicenseRef-PPL-/i.test(a))).toEqual([]);
  });

  it.each(['4.0', '5.0', '6.0', '7.0'])('CNPL %s is copyfarleft with a network source clause', (version) => {
    for (const id of [`LicenseRef-CNPL-${version}`, `LicenseRef-CNPL-${version}-or-later`])
      expect(entry(id), id).toMatchObject({ category: 'copyfarleft', commercial: 'worker-owned', sourceOnNetwork: true, spdx: false });
  });

  it.each(['4.0', '7.0'])('NVPL %s allows commercial use but not the listed harms', (version) => {
    const nvpl = entry(`LicenseRef-NVPL-${version}`);
    expect(nvpl).toMatchObject({ commercial: 'any', sourceOnNetwork: true });
    expect(nvpl.category).not.toBe('copyfarleft');
    expect(nvpl.fieldOfUse).toContain('no-war');
  });

  it('"CNPLv7" and "CNPLv7+" name version 7 and version 7 or later', () => {
    expect(catalog.resolve('CNPLv7')?.entry.id).toBe('LicenseRef-CNPL-7.0');
    // Neither is SPDX syntax, so in an expression each is invalid, with the id as the fix.
    expect(catalog.normalize('CNPLv7+').suggestion).toBe('LicenseRef-CNPL-7.0-or-later');
    expect(catalog.normalize('CNPLv7 OR MIT').suggestion).toBe('LicenseRef-CNPL-7.0 OR MIT');
  });

  it('the ACSL limits who may use it, not how it is combined', () => {
    expect(entry('LicenseRef-ACSL-1.4')).toMatchObject({ category: 'copyfarleft', users: 'eligible', copyleft: 'none' });
  });

  it('Hippocratic 3.0: the SPDX core id and an entry for the module-built variants', () => {
    expect(entry('Hippocratic-3.0-core')).toMatchObject({ spdx: true, commercial: 'any' });
    expect(catalog.resolve('Hippocratic-3.0')?.entry.id).toBe('LicenseRef-Hippocratic-3.0');
    expect(catalog.resolve('LicenseRef-scancode-hippocratic-3.0')?.entry.id).toBe('LicenseRef-Hippocratic-3.0');
  });

  it('every SPDX id of the CC BY-NC, BY-NC-SA and BY-NC-ND families is non-commercial with the CC URL', () => {
    const nc = licenseIds.filter((id) => /^CC-BY-NC-/.test(id));
    expect(nc.length).toBeGreaterThan(20);
    for (const id of nc) {
      const e = entry(id);
      expect(e, id).toMatchObject({ category: 'non-commercial', commercial: 'none', categorySource: 'farleft' });
      const [, elements, version, port] = /^CC-(.+)-(\d\.\d)(?:-([A-Z]+))?$/.exec(id)!;
      const path = `https://creativecommons.org/licenses/${elements!.toLowerCase()}/${version}/${port ? `${port.toLowerCase()}/` : ''}`;
      expect(e.urls, id).toContain(path);
    }
    expect(entry('CC-BY-NC-SA-4.0').urls).toContain('https://creativecommons.org/licenses/by-nc-sa/4.0/');
  });

  it('the four markers are whole-value markers with the ids the expression code uses', () => {
    for (const id of ['UNLICENSED', 'NONE', 'NOASSERTION', 'SEE LICENSE IN']) expect(entry(id).kind, id).toBe('marker');
    expect(entry('UNLICENSED').category).toBe('proprietary');
    expect(entry('NOASSERTION').category).toBe('unknown');
  });
});

describe('aliases', () => {
  it('every alias resolves to its own entry', () => {
    for (const e of data.entries) for (const alias of e.aliases) expect(catalog.resolve(alias)?.entry.id, `${alias} (${e.id})`).toBe(e.id);
  });

  it('no alias is claimed by two entries or shadows an id', () => {
    const owner = new Map<string, string>();
    const ids = new Set(data.entries.map((e) => e.id.toLowerCase()));
    const clashes: string[] = [];
    for (const e of data.entries)
      for (const alias of e.aliases) {
        const key = alias.toLowerCase();
        if (ids.has(key)) clashes.push(`${alias} (alias of ${e.id}) is an id`);
        const before = owner.get(key);
        if (before && before !== e.id) clashes.push(`${alias}: ${before} and ${e.id}`);
        owner.set(key, e.id);
      }
    expect(clashes).toEqual([]);
  });

  it('aliases are single names, not lists split by a stray comma', () => {
    for (const e of data.entries)
      for (const alias of e.aliases) expect(alias, e.id).toMatch(/^[A-Za-z0-9(][^\n]*[A-Za-z0-9)+*.]$/);
  });
});

describe('categories', () => {
  it('every non-deprecated SPDX license and exception id has a category other than unknown', () => {
    const unknown = [...licenseIds, ...exceptionIds].filter((id) => entry(id).category === 'unknown');
    expect(unknown).toEqual([]);
  });

  it('every category says where it came from', () => {
    for (const e of data.entries) if (e.category !== 'unknown') expect(e.categorySource, e.id).not.toBe('none');
    for (const e of data.entries) if (e.categorySource === 'none') expect(e.category, e.id).toBe('unknown');
  });

  it('every row of the category table is an SPDX id that no YAML entry already classifies', () => {
    const spdx = new Set([...licenseIds, ...deprecatedLicenseIds, ...exceptionIds, ...deprecatedExceptionIds]);
    const yamlClassified = new Set(readYamlEntries(LICENSES_DIR).filter((y) => y.category).map((y) => y.id));
    for (const id of readCategorySources().table.keys()) {
      expect(spdx.has(id), `${id} is an SPDX id`).toBe(true);
      expect(yamlClassified.has(id), `${id} is also classified in licenses/*.yaml`).toBe(false);
    }
  });

  it('the derived ScanCode map holds only categories the mapping knows', () => {
    const { scancode } = readCategorySources();
    expect(Object.keys(scancode).length).toBeGreaterThan(500);
    for (const [id, category] of Object.entries(scancode)) expect(SCANCODE_CATEGORY, `${id}: ${category}`).toHaveProperty([category]);
  });

  it('every id on the spdx-copyleft list is classified as some kind of copyleft', () => {
    const copyleftish = new Set(['weak-copyleft', 'strong-copyleft', 'network-copyleft', 'copyfarleft', 'non-commercial']);
    for (const id of readCategorySources().copyleft) if (catalog.get(id)) expect(copyleftish.has(entry(id).category), id).toBe(true);
  });

  it('every exception has a category from our table', () => {
    for (const id of [...exceptionIds, ...deprecatedExceptionIds]) expect(entry(id).categorySource, id).toBe('farleft-classification');
  });
});

describe('deprecated ids', () => {
  it.each([...deprecatedLicenseIds, ...deprecatedExceptionIds])('%s has a replacement that normalizes to a valid expression', (id) => {
    const e = entry(id);
    expect(e.deprecated).toBe(true);
    expect(e.replacement).toBeTruthy();
    // An exception's replacement is an exception: check it where one stands, after WITH.
    const normalized = catalog.normalize(e.kind === 'exception' ? `LGPL-2.1-only WITH ${e.replacement!}` : e.replacement!);
    expect(normalized.valid, JSON.stringify(normalized.notes)).toBe(true);
    // A replacement names current ids only.
    for (const used of normalized.ids) expect(entry(used).deprecated, used).toBe(false);
  });

  it('a deprecated id replaced by one id takes its terms', () => {
    expect(entry('AGPL-3.0')).toMatchObject({ category: 'network-copyleft', sourceOnNetwork: true });
    expect(catalog.normalize('GPL-2.0-with-classpath-exception').expression).toBe('GPL-2.0-only WITH Classpath-exception-2.0');
  });
});

describe('texts and phrases', () => {
  const spdxText = (id: string): string | null => {
    try {
      return (require(`spdx-license-list/licenses/${id}.json`) as { licenseText: string }).licenseText;
    } catch {
      return null;
    }
  };

  it('an SPDX id with a text in spdx-license-list has its SHA-256', () => {
    for (const id of ['PPL', 'MIT', 'GPL-3.0-only', 'Hippocratic-2.1']) expect(entry(id).sha256, id).toBe(sha256(spdxText(id)!));
  });

  it('each phrase is in the text it identifies', () => {
    for (const e of data.entries) {
      const text = spdxText(e.id);
      if (!text || e.phrases.length === 0) continue;
      for (const phrase of e.phrases) expect(normalize(text).includes(normalize(phrase)), `${e.id}: "${phrase}"`).toBe(true);
    }
  });

  describe.skipIf(!existsSync(CORPUS))('reference corpus (' + CORPUS + ')', () => {
    const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.txt')) : [];
    const corpus = new Map(files.map((f) => [f.slice(0, -4), readFileSync(join(CORPUS, f), 'utf8')]));

    it.each(files)('%s has the SHA-256 the catalog pins', (file) => {
      const id = file.slice(0, -4);
      expect(entry(id).sha256).toBe(sha256(corpus.get(id)!));
    });

    it('the phrases of copyfarleft and ethical licenses name their own text and no other', () => {
      const texts = new Map<string, string>(
        [...licenseIds.map((id) => [id, spdxText(id)] as const), ...corpus.entries()].filter((p): p is [string, string] => p[1] !== null).map(([id, t]) => [id, normalize(t)]),
      );
      const named = data.entries.filter((e) => e.phrases.length > 0 && (e.category === 'copyfarleft' || !e.spdx || e.id.startsWith('Hippocratic')));
      expect(named.length).toBeGreaterThan(8);
      for (const e of named) {
        const phrases = e.phrases.map(normalize);
        const own = texts.get(e.id);
        if (own) expect(phrases.filter((p) => !own.includes(p)), `${e.id} phrases missing from its text`).toEqual([]);
        const others = [...texts].filter(([id, t]) => id !== e.id && phrases.every((p) => t.includes(p))).map(([id]) => id);
        expect(others, `${e.id}'s phrases also name`).toEqual([]);
      }
    });

    it('NVPL 7.0 lacks the worker-ownership clause that names the CNPL', () => {
      const nvpl = normalize(corpus.get('LicenseRef-NVPL-7.0') ?? '');
      expect(nvpl.length).toBeGreaterThan(1000);
      expect(nvpl.includes('worker-owned business or worker-owned collective')).toBe(false);
    });
  });
  if (!existsSync(CORPUS)) it.skip(`reference corpus ${CORPUS}: its SHA-256 and phrase checks are skipped`, () => {});
});
