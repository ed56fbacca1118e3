// How metadata values read as licenses: names in prose, rights statements, unknown terms,
// fields that disagree, and the copyright notices left once the license is taken out.
import { describe, expect, it } from 'vitest';
import type { FieldRole, MediaField } from '../../../src/detect/media/fields.js';
import { addField, newRead } from '../../../src/detect/media/fields.js';
import { extractUrls, fieldsToDetection, noticeOf } from '../../../src/detect/media/license.js';
import { loadMatcher } from '../../../src/detect/license-text/index.js';
import { spdxText } from '../license-text/corpus.js';
import { detector as mediaDetector } from '../../../src/detect/media/index.js';
import { fileInput, testCatalog, testContext } from '../../helpers.js';

const catalog = testCatalog();
const one = (value: string, role: FieldRole, name = 'XMP-dc:rights') => fieldsToDetection('a.jpg', [{ name, value, role }], catalog);

describe('license names in metadata', () => {
  it.each([
    ['Attribution-ShareAlike 4.0 International', 'license', 'CC-BY-SA-4.0'],
    ['CC BY-NC-ND 4.0', 'license', 'CC-BY-NC-ND-4.0'],
    ['CC-BY-SA-4.0', 'license', 'CC-BY-SA-4.0'],
    ['SPDX-License-Identifier: PPL', 'license', 'PPL'],
    ['Peer Production License', 'license', 'PPL'],
    ['CNPLv7', 'license', 'LicenseRef-CNPL-7.0'],
    ['This work is licensed under a Creative Commons Attribution-ShareAlike 4.0 International License.', 'terms', 'CC-BY-SA-4.0'],
    ['This work is licensed under the Creative Commons Attribution-NonCommercial 3.0 Unported License. To view a copy, visit the site.', 'terms', 'CC-BY-NC-3.0'],
    ['© 2026 Jo Artist — CC BY-SA 4.0', 'rights', 'CC-BY-SA-4.0'],
    ['2026 Example Collective. Released under the Peer Production License; commercial use by worker co-ops only.', 'rights', 'PPL'],
    ['Licence: Cooperative Non-Violent Public License v7', 'terms', 'LicenseRef-CNPL-7.0'],
    ['This Font Software is licensed under the SIL Open Font License, Version 1.1.', 'terms', 'OFL-1.1'],
    ['Licensed to the public under https://creativecommons.org/licenses/by/4.0/ verify at https://jo.example/rights', 'terms', 'CC-BY-4.0'],
  ] as const)('%s (%s) -> %s', (value, role, id) => {
    const d = one(value, role);
    expect(d.declarations.map((x) => x.expression)).toEqual([id]);
    // The text is kept when it says more than the id.
    expect(d.declarations[0]).toMatchObject({ source: 'media', scope: 'file', field: 'XMP-dc:rights' });
    expect(d.declarations[0]!.raw).toBe(value === id ? undefined : value);
    expect(d.declarations[0]!.confidence).toBeGreaterThan(0.5);
    expect(d.declarations[0]!.confidence).toBeLessThanOrEqual(1);
  });

  it('prose is less certain than a license field', () => {
    const field = one('https://creativecommons.org/licenses/by/4.0/', 'license', 'XMP-cc:license').declarations[0]!;
    const prose = one('This work is licensed under a Creative Commons Attribution 4.0 International License.', 'terms').declarations[0]!;
    expect(field.confidence).toBe(1);
    expect(prose.confidence).toBeLessThan(field.confidence);
  });
});

describe('rights statements without a license', () => {
  it.each(['All rights reserved.', '© 2026 Jo Artist. All Rights Reserved', '© 2026 Studio Exemple. Tous droits réservés.', '2026 Jo. Alle Rechte vorbehalten.', 'Todos los derechos reservados'])(
    '%s -> NONE',
    (value) => {
      const d = one(value, 'rights', 'EXIF:Copyright');
      expect(d.declarations).toEqual([expect.objectContaining({ expression: 'NONE', field: 'EXIF:Copyright', raw: value })]);
      expect(d.problems).toEqual([]);
    },
  );

  it.each(['(c) MIT', '© X 11', 'Copyright (c) ISC', '(p) 2026 Apache'])('%s is a notice of its holder, not a license', (value) => {
    const d = one(value, 'rights', 'ID3:TCOP');
    expect(d.declarations).toEqual([]);
    expect(d.copyrights).toHaveLength(1);
  });

  it('a plain copyright notice declares nothing, and is a copyright notice', () => {
    const d = one('Copyright 2026 Jo Artist', 'rights', 'EXIF:Copyright');
    expect(d.declarations).toEqual([]);
    expect(d.copyrights).toEqual([{ text: '2026 Jo Artist', source: 'media', file: 'a.jpg', scope: 'file' }]);
  });

  it('terms of use that name no license are NOASSERTION, with the text kept and a warning', () => {
    const d = one('Free for cooperatives; ask us otherwise', 'terms', 'ID3:USER');
    expect(d.declarations).toEqual([expect.objectContaining({ expression: 'NOASSERTION', raw: 'Free for cooperatives; ask us otherwise', confidence: 0 })]);
    expect(d.problems).toEqual([expect.objectContaining({ code: 'unknown-license', severity: 'warning', file: 'a.jpg' })]);
  });

  // zlib's doc/crc-doc.1.0.pdf: XMP-xmpRights:UsageTerms "Unknown", a field a tool wrote and nobody filled in.
  it('a placeholder in a terms or license field declares nothing', () => {
    for (const value of ['Unknown', 'N/A', 'n/a', 'not specified', '-', '?', 'TBD'])
      for (const role of ['terms', 'license'] as const) expect(one(value, role, 'XMP-xmpRights:UsageTerms')).toMatchObject({ declarations: [], problems: [] });
    // A word more is a statement again.
    expect(one('Unknown terms, ask us', 'terms', 'XMP-xmpRights:UsageTerms').declarations).toEqual([expect.objectContaining({ expression: 'NOASSERTION' })]);
  });

  it('a web statement that is no license URL is not a declaration', () => {
    expect(one('https://jo.example/about-rights', 'web', 'XMP-xmpRights:WebStatement').declarations).toEqual([]);
  });

  it('more permissions and the Marked flag are not licenses', () => {
    expect(one('https://coop.example/negotiate', 'more', 'XMP-cc:morePermissions').declarations).toEqual([]);
    expect(one('True', 'marked', 'XMP-xmpRights:Marked').declarations).toEqual([]);
  });
});

describe('several fields in one file', () => {
  const fields = (...f: [string, string, FieldRole][]): MediaField[] => f.map(([name, value, role]) => ({ name, value, role }));

  it('fields saying the same thing give one declaration, from the most explicit field', () => {
    const d = fieldsToDetection(
      'a.mp3',
      fields(['ID3:TCOP', '2026 Jo, licensed under CC BY-SA 4.0', 'rights'], ['ID3:USER', 'Licensed under CC BY-SA 4.0', 'terms'], ['ID3:WCOP', 'https://creativecommons.org/licenses/by-sa/4.0/', 'license']),
      catalog,
    );
    expect(d.declarations.map((x) => [x.expression, x.field])).toEqual([['CC-BY-SA-4.0', 'ID3:WCOP']]);
    expect(d.problems).toEqual([]);
    expect(d.copyrights.map((c) => c.text)).toEqual(['2026 Jo']);
  });

  it('fields that disagree give both declarations and a warning naming both', () => {
    const d = fieldsToDetection('a.jpg', fields(['XMP-cc:license', 'https://creativecommons.org/licenses/by/4.0/', 'license'], ['ID3:WCOP', 'https://wiki.p2pfoundation.net/Peer_Production_License', 'license']), catalog);
    expect(d.declarations.map((x) => x.expression)).toEqual(['CC-BY-4.0', 'PPL']);
    expect(d.problems).toEqual([expect.objectContaining({ code: 'declared-conflict', severity: 'warning', message: expect.stringMatching(/CC-BY-4\.0.*PPL/) })]);
  });

  it('"All rights reserved" beside a license keeps the license, with a note: no conflict (every Google font says both)', () => {
    const d = fieldsToDetection('a.jpg', fields(['EXIF:Copyright', '2026 Jo. All rights reserved.', 'rights'], ['XMP-cc:license', 'https://creativecommons.org/licenses/by/4.0/', 'license']), catalog);
    expect(d.declarations.map((x) => x.expression)).toEqual(['CC-BY-4.0']);
    expect(d.problems).toEqual([expect.objectContaining({ code: 'rights-reserved-beside-license', severity: 'note', message: expect.stringContaining('All rights reserved') })]);
    const roboto = fieldsToDetection('Roboto-Thin.ttf', fields(['Font:Copyright', 'Copyright 2011 Google Inc. All Rights Reserved.', 'rights'], ['Font:LicenseInfoURL', 'http://www.apache.org/licenses/LICENSE-2.0', 'license']), catalog);
    expect(roboto.declarations.map((x) => x.expression)).toEqual(['Apache-2.0']);
    expect(roboto.problems.map((p) => [p.code, p.severity])).toEqual([['rights-reserved-beside-license', 'note']]);
  });

  // Liberation 1.07's fonts: "Copyright (c) 2007 Red Hat, Inc. All rights reserved." and a license nobody names.
  it('a license statement nobody can name outweighs "All rights reserved" in the notice beside it: NOASSERTION, not NONE', () => {
    const notice = ['Font:Copyright', 'Copyright (c) 2007 Red Hat, Inc. All rights reserved. LIBERATION is a trademark of Red Hat, Inc.', 'rights'] as [string, string, FieldRole];
    const license = ['Font:License', 'Licensed under the Liberation Fonts license, see https://fedoraproject.org/wiki/Licensing/LiberationFontLicense', 'terms'] as [string, string, FieldRole];
    const d = fieldsToDetection('a.ttf', fields(notice, license), catalog);
    expect(d.declarations.map((x) => [x.expression, x.field])).toEqual([['NOASSERTION', 'Font:License']]);
    expect(d.problems.map((p) => [p.code, p.severity])).toEqual([['unknown-license', 'warning']]);
    // Alone, the notice still reserves all rights.
    expect(fieldsToDetection('a.ttf', fields(notice), catalog).declarations.map((x) => x.expression)).toEqual(['NONE']);
  });

  // Adwaita's icons: "CC Attribution-ShareAlike http://…/by-sa/4.0/" in PNG's Copyright was taken for a holder.
  it('a license named in a rights field with its URL is no notice: the name to credit is the holder, if any', () => {
    const rights = ['PNG:Copyright', 'CC Attribution-ShareAlike http://creativecommons.org/licenses/by-sa/4.0/', 'rights'] as [string, string, FieldRole];
    const alone = fieldsToDetection('audio-headphones.png', fields(rights), catalog);
    expect(alone.declarations.map((x) => x.expression)).toEqual(['CC-BY-SA-4.0']);
    expect(alone.copyrights).toEqual([]);
    expect(fieldsToDetection('a.png', fields(rights, ['XMP-cc:attributionName', 'GNOME Design Team', 'holder']), catalog).copyrights.map((c) => c.text)).toEqual(['GNOME Design Team']);
  });

  it('the name to credit is the copyright holder only when no notice is written', () => {
    const holder = ['XMP-cc:attributionName', 'Jo Artist', 'holder'] as [string, string, FieldRole];
    expect(fieldsToDetection('a', fields(holder), catalog).copyrights.map((c) => c.text)).toEqual(['Jo Artist']);
    expect(fieldsToDetection('a', fields(holder, ['XMP-dc:rights', '2026 Jo Artist', 'rights']), catalog).copyrights.map((c) => c.text)).toEqual(['2026 Jo Artist']);
  });
});

describe('noticeOf', () => {
  it.each([
    ['2026 Jo Artist', '2026 Jo Artist'],
    ['© 2026 Jo Artist', '2026 Jo Artist'],
    ['Copyright (c) 2026 Jo Artist', '2026 Jo Artist'],
    ['2026 Jo Artist, licensed under CC BY-NC 4.0', '2026 Jo Artist'],
    ['2026 Jo Artist. This work is licensed under a CC BY 4.0 License.', '2026 Jo Artist'],
    ['2026 Jo Artist. License: https://creativecommons.org/licenses/by/4.0/', '2026 Jo Artist'],
    ['This work is licensed under CC BY 4.0', ''],
    ['https://creativecommons.org/licenses/by/4.0/', ''],
    ['CC BY-SA 4.0', ''],
    // Adwaita's icons: a license name and its URL in PNG's Copyright, the holder in Author
    ['CC Attribution-ShareAlike http://creativecommons.org/licenses/by-sa/4.0/', ''],
    ['2026 Jo Artist. All rights reserved.', '2026 Jo Artist. All rights reserved.'],
    // Font name ID 0 as fonts-firacode and fonts-cantarell write it.
    ['Copyright 2014-2021 The Fira Code Project Authors (https://github.com/tonsky/FiraCode)', '2014-2021 The Fira Code Project Authors'],
    ['Copyright 2026 Jo Artist <https://jo.example/>, [http://jo.example]', '2026 Jo Artist'],
  ])('%s -> %s', (value, notice) => {
    expect(noticeOf(value, catalog)).toBe(notice);
  });
});

// DejaVu's fonts hold the Bitstream Vera license's whole text in their License record, after a
// sentence that says DejaVu's changes are in the public domain.
describe('a license text in a field', () => {
  const matcher = loadMatcher();
  const texts = (text: string) => matcher.match(text, { minConfidence: 0.9 });
  const value = `Fonts are (c) Bitstream (see below). DejaVu changes are in public domain.\n\n${spdxText('Bitstream-Vera')}`;
  const field = (v: string): MediaField[] => [{ name: 'Font:License', value: v, role: 'terms' }];

  it('is named by the full-text matcher, not by a phrase in it', () => {
    const d = fieldsToDetection('a.ttf', field(value), catalog, texts);
    expect(d.declarations.map((x) => [x.expression, x.confidence])).toEqual([['Bitstream-Vera', 1]]);
    // The short sentence before the text is no license text to report.
    expect(d.problems).toEqual([]);
    // Without the matcher (apply's read-back) the field is read as prose, as before.
    expect(fieldsToDetection('a.ttf', field(value), catalog).declarations.map((x) => x.expression)).toEqual(['LicenseRef-Public-Domain']);
  });

  it('a copyright notice that names another license beside it speaks of a part: both kept, with a note, no conflict', () => {
    const notice: MediaField = { name: 'Font:Copyright', value: 'Copyright (c) 2003 by Bitstream, Inc. All Rights Reserved. DejaVu changes are in public domain', role: 'rights' };
    const d = fieldsToDetection('a.ttf', [notice, ...field(spdxText('Bitstream-Vera'))], catalog, texts);
    expect(d.declarations.map((x) => x.expression)).toEqual(['Bitstream-Vera', 'LicenseRef-Public-Domain']);
    expect(d.problems.map((p) => p.code)).not.toContain('declared-conflict');
    expect(d.problems.map((p) => p.code)).toContain('declared-in-parts');
    // A license field (not a notice) that names another license still disagrees.
    const other: MediaField = { name: 'Font:LicenseInfoURL', value: 'https://opensource.org/licenses/MIT', role: 'license' };
    expect(fieldsToDetection('a.ttf', [other, ...field(spdxText('Bitstream-Vera'))], catalog, texts).problems.map((p) => p.code)).toContain('declared-conflict');
  });

  it('says what part of it no license explains', () => {
    const terms = `${value}\n\n${'The fonts may not be sold by any enterprise that employs wage labour, alone or bundled with any software. '.repeat(3)}`;
    const d = fieldsToDetection('a.ttf', field(terms), catalog, texts);
    expect(d.declarations.map((x) => x.expression)).toEqual(['Bitstream-Vera']);
    expect(d.problems).toEqual([expect.objectContaining({ code: 'unknown-license', severity: 'note', message: expect.stringMatching(/holds \d+ words that no known license explains/) })]);
  });

  it('is named so in a scanned font (the media detector hands the matcher over)', () => {
    const font = sfntWithNames([
      [0, 'Copyright (c) 2003 by Bitstream, Inc. All Rights Reserved.'],
      [13, value],
    ]);
    const d = mediaDetector.detect(fileInput('DejaVuSans.ttf', font), testContext());
    expect(d.declarations.map((x) => [x.expression, x.field])).toEqual([['Bitstream-Vera', 'Font:License']]);
  });

  it('is kept whole up to 64 KiB, where a notice is cut at 4 KiB', () => {
    const out = newRead();
    addField(out, 'Font:License', 'x '.repeat(5_000), 'terms');
    addField(out, 'Font:Copyright', 'x '.repeat(5_000), 'rights');
    expect(out.fields.map((f) => f.value.length)).toEqual([9_999, 4_096]);
    expect(out.issues.map((i) => i.message)).toEqual(['Font:Copyright is longer than 4096 characters; only its start was read']);
  });
});

/** A TrueType font with only a name table: English Windows records (UTF-16BE), by name id. */
function sfntWithNames(records: readonly [number, string][]): Buffer {
  const strings = records.map(([, text]) => Buffer.from(text, 'utf16le').swap16());
  const table = Buffer.alloc(6 + records.length * 12);
  table.writeUInt16BE(records.length, 2);
  table.writeUInt16BE(table.length, 4);
  let offset = 0;
  records.forEach(([id], k) => {
    const r = 6 + k * 12;
    [3, 1, 0x409, id, strings[k]!.length, offset].forEach((v, i) => table.writeUInt16BE(v, r + i * 2));
    offset += strings[k]!.length;
  });
  const name = Buffer.concat([table, ...strings]);
  const head = Buffer.alloc(12 + 16);
  head.writeUInt32BE(0x00010000, 0);
  head.writeUInt16BE(1, 4);
  head.write('name', 12, 'latin1');
  head.writeUInt32BE(head.length, 20);
  head.writeUInt32BE(name.length, 24);
  return Buffer.concat([head, name]);
}

// A URL's trailing punctuation was stripped by a regular expression tried from every dot of a run: hours on this value.
it('takes the punctuation off the end of a URL in one pass, however long a run of it', () => {
  expect(extractUrls(`see http://a.example/${'.'.repeat(1_000_000)}x.`)).toEqual([`http://a.example/${'.'.repeat(1_000_000)}x`]);
  expect(extractUrls('see https://creativecommons.org/licenses/by/4.0/.')).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
});
