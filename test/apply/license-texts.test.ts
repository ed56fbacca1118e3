import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planLicenseTexts, readGivenTexts, spdxText } from '../../src/apply/license-texts.js';
import { detectContext } from '../../src/detect/run.js';
import { UsageError } from '../../src/errors.js';
import { testCatalog, treeMaker } from '../helpers.js';

const catalog = testCatalog();
const CORPUS = '/work/shared/corpus/licenses';
const hasCorpus = existsSync(join(CORPUS, 'LicenseRef-CNPL-7.0.txt'));
const tree = treeMaker();
const none = new Map<string, { file: string; bytes: Buffer }>();
const detect = detectContext(catalog, { minConfidence: 0.9 });

describe('LICENSES/ texts', () => {
  it('has the text of PPL offline, from spdx-license-list', () => {
    const [plan] = planLicenseTexts(tree(), ['PPL'], catalog, none, false, detect);
    expect(plan).toMatchObject({ id: 'PPL', path: 'LICENSES/PPL.txt', status: 'written', source: 'spdx-license-list', problems: [] });
    expect(plan!.bytes!.toString()).toMatch(/^Peer Production License\n/);
    expect(plan!.bytes!.toString().endsWith('\n')).toBe(true);
  });

  it('says exactly how to get a text it does not have (a catalog-only id, an exception)', () => {
    const plans = planLicenseTexts(tree(), ['LicenseRef-CNPL-7.0', 'Libtool-exception'], catalog, none, false, detect);
    expect(plans.map((p) => p.status)).toEqual(['missing', 'missing']);
    expect(plans[0]!.problems[0]).toMatchObject({ code: 'missing-license-text', severity: 'error', file: 'LICENSES/LicenseRef-CNPL-7.0.txt' });
    expect(plans[0]!.problems[0]!.suggestion).toMatch(/from https:\/\/thufie\.lain\.haus\/NPL\.html .*--license-text LicenseRef-CNPL-7\.0=FILE/);
    expect(plans[1]!.problems[0]!.suggestion).toMatch(/https:\/\/spdx\.org\/licenses\/Libtool-exception/);
  });

  it("has an exception's text offline where spdx-license-list keeps it under a retired id (GPL-2.0-with-bison-exception)", () => {
    const plans = planLicenseTexts(tree(), ['Bison-exception-2.2', 'Classpath-exception-2.0'], catalog, none, false, detect);
    expect(plans.map((p) => [p.status, p.source])).toEqual([
      ['written', 'spdx-license-list'],
      ['written', 'spdx-license-list'],
    ]);
    expect(plans[0]!.bytes!.toString()).toMatch(/^Bison Exception\nAs a special exception, you may create a larger work/);
    // Without the line that stood for the GPL's text.
    expect(plans[1]!.bytes!.toString()).not.toMatch(/insert GPL/i);
    expect(plans[1]!.bytes!.toString()).toMatch(/^\s*Class Path Exception|Linking this library statically or dynamically/);
  });

  it.skipIf(!hasCorpus)('takes a catalog-only text from --license-text and checks its SHA-256 (corpus copy: matches)', () => {
    const given = readGivenTexts([join(CORPUS, 'LicenseRef-CNPL-7.0.txt')], ['LicenseRef-CNPL-7.0'], catalog);
    const [plan] = planLicenseTexts(tree(), ['LicenseRef-CNPL-7.0'], catalog, given, false, detect);
    expect(plan).toMatchObject({ status: 'written', source: 'file', problems: [] });
  });

  it('warns when a given text is not the one the catalog knows, and still writes it', () => {
    const root = tree({ 'acsl.txt': 'Some other text\n' });
    const given = readGivenTexts([`LicenseRef-ACSL-1.4=${join(root, 'acsl.txt')}`, `PPL=${join(root, 'acsl.txt')}`], ['PPL', 'LicenseRef-ACSL-1.4'], catalog);
    const plans = planLicenseTexts(root, ['PPL', 'LicenseRef-ACSL-1.4'], catalog, given, false, detect);
    expect(plans.map((p) => [p.status, p.problems.map((x) => x.code)])).toEqual([
      ['written', ['license-text-checksum']],
      ['written', ['license-text-checksum']],
    ]);
    expect(plans[1]!.problems[0]!.message).toMatch(/is not the text farleft knows for LicenseRef-ACSL-1\.4 \(SHA-256 [0-9a-f]{12}…, expected e2b6d898828b…\)/);
  });

  it('needs the id when a bare --license-text could be the text of several licenses', () => {
    const root = tree({ 't.txt': 'x' });
    expect(() => readGivenTexts([join(root, 't.txt')], ['LicenseRef-CNPL-7.0', 'LicenseRef-ACSL-1.4'], catalog)).toThrow(UsageError);
    expect([...readGivenTexts([join(root, 't.txt')], ['PPL', 'LicenseRef-ACSL-1.4'], catalog).keys()]).toEqual(['LicenseRef-ACSL-1.4']);
    expect(() => readGivenTexts([`MIT=${join(root, 't.txt')}`], ['PPL'], catalog)).toThrow(/not in the license expression/);
    expect(() => readGivenTexts([join(root, 'missing.txt')], ['PPL'], catalog)).toThrow(/cannot read/);
  });

  it('keeps an existing text: the same words are the same text, a different one is kept unless --replace', () => {
    const root = tree();
    mkdirSync(join(root, 'LICENSES'));
    const ppl = spdxText('PPL')!;
    writeFileSync(join(root, 'LICENSES', 'PPL.txt'), ppl.replace(/ /g, '  ').replace(/\n/g, '\r\n'));
    writeFileSync(join(root, 'LICENSES', 'MIT.md'), 'My own MIT text\n');
    const keep = planLicenseTexts(root, ['PPL', 'MIT'], catalog, none, false, detect);
    expect(keep.map((p) => [p.path, p.status])).toEqual([
      ['LICENSES/PPL.txt', 'exists'],
      ['LICENSES/MIT.md', 'differs'],
    ]);
    expect(keep[1]!.problems[0]).toMatchObject({ code: 'license-text-differs', severity: 'warning' });
    const replace = planLicenseTexts(root, ['MIT'], catalog, none, true, detect);
    expect(replace[0]).toMatchObject({ path: 'LICENSES/MIT.md', status: 'replaced' });
    expect(replace[0]!.before!.toString()).toBe('My own MIT text\n');
    expect(readFileSync(join(root, 'LICENSES', 'MIT.md'), 'utf8')).toBe('My own MIT text\n'); // planning writes nothing
  });

  it("takes another edition of SPDX's text as the license's text, as the scan does, but not one with words of its own beside it", () => {
    const root = tree();
    mkdirSync(join(root, 'LICENSES'));
    // KDE's LICENSES/LGPL-2.0-or-later.txt, from an older license list: no title over the terms and conditions.
    const lgpl = spdxText('LGPL-2.0-or-later')!;
    const older = lgpl.replace('GNU LIBRARY GENERAL PUBLIC LICENSE\nTERMS AND CONDITIONS', 'TERMS AND CONDITIONS');
    expect(older.length).toBe(lgpl.length - 'GNU LIBRARY GENERAL PUBLIC LICENSE\n'.length);
    writeFileSync(join(root, 'LICENSES', 'LGPL-2.0-or-later.txt'), older);
    // The ISC text under MIT's name, and MIT's with a paragraph of terms of its own after it.
    writeFileSync(join(root, 'LICENSES', 'MIT.txt'), spdxText('ISC')!);
    writeFileSync(join(root, 'LICENSES', 'BSD-2-Clause.txt'), `${spdxText('BSD-2-Clause')!}\n\nIn addition, nobody may use this software for any purpose on a Tuesday, and whoever does so owes the authors a cake of their choosing.\n`);
    const plans = planLicenseTexts(root, ['LGPL-2.0-or-later', 'MIT', 'BSD-2-Clause'], catalog, none, false, detect);
    expect(plans.map((p) => [p.path, p.status, p.problems.map((x) => x.code)])).toEqual([
      ['LICENSES/LGPL-2.0-or-later.txt', 'exists', []],
      ['LICENSES/MIT.txt', 'differs', ['license-text-differs']],
      ['LICENSES/BSD-2-Clause.txt', 'differs', ['license-text-differs']],
    ]);
  });
});
