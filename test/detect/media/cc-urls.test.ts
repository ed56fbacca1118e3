// Every Creative Commons license on the SPDX list, in every URL form people and tools write
// into metadata, read from a license field as that id; ports SPDX lacks, CNPL's shared page
// and URLs of licenses SPDX has no id for, read honestly.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { MediaField } from '../../../src/detect/media/fields.js';
import { fieldsToDetection } from '../../../src/detect/media/license.js';
import { testCatalog } from '../../helpers.js';

const catalog = testCatalog();
const spdxIds: string[] = createRequire(import.meta.url)('spdx-license-ids/index.json');

/** The creativecommons.org path of an SPDX id, derived from CC's URL scheme (not from farleft's code). */
function ccPath(id: string): string {
  if (id === 'CC0-1.0') return 'publicdomain/zero/1.0';
  if (id === 'CC-PDM-1.0') return 'publicdomain/mark/1.0';
  if (id === 'CC-PDDC') return 'licenses/publicdomain';
  const m = /^CC-((?:BY|SA)(?:-NC)?(?:-ND)?(?:-SA)?)-(\d\.\d)(?:-([A-Z]+))?$/.exec(id);
  if (!m) throw new Error(`not a CC id: ${id}`);
  // CC 1.0 wrote NoDerivs before NonCommercial.
  const elements = m[2] === '1.0' && m[1] === 'BY-NC-ND' ? 'by-nd-nc' : m[1]!.toLowerCase();
  return `licenses/${elements}/${m[2]}/${m[3] ? `${m[3].toLowerCase()}/` : ''}`.replace(/\/$/, '');
}

const forms = (path: string): string[] => [
  `https://creativecommons.org/${path}/`,
  `http://creativecommons.org/${path}/`,
  `https://creativecommons.org/${path}`,
  `http://www.creativecommons.org/${path}/`,
  `creativecommons.org/${path}/`,
  `https://creativecommons.org/${path}/legalcode`,
  `https://creativecommons.org/${path}/legalcode.de`,
  `https://creativecommons.org/${path}/legalcode.txt`,
  `https://creativecommons.org/${path}/deed.en`,
  `https://creativecommons.org/${path}/deed.pt_BR`,
  `https://creativecommons.org/${path}/deed.zh-hans`,
  `HTTPS://CreativeCommons.org/${path.toUpperCase()}/`,
];

const ccIds = spdxIds.filter((id) => /^CC[-0]/.test(id));
const cases = ccIds.flatMap((id) => forms(ccPath(id)).map((url) => [id, url] as const));

function declared(value: string, name = 'XMP-cc:license', role: MediaField['role'] = 'license') {
  return fieldsToDetection('f.jpg', [{ name, value, role }], catalog);
}

describe('Creative Commons URLs in a license field', () => {
  it('covers every CC id on the SPDX list', () => {
    expect(ccIds.length).toBeGreaterThanOrEqual(50);
    expect(cases.length).toBe(ccIds.length * 12);
  });

  it.each(cases)('%s <- %s', (id, url) => {
    const d = declared(url);
    expect(d.declarations).toEqual([expect.objectContaining({ expression: id, source: 'media', field: 'XMP-cc:license', scope: 'file', confidence: 1, raw: url })]);
    expect(d.problems).toEqual([]);
  });

  it.each(ccIds.map((id) => [id, `Licensed to the public under https://creativecommons.org/${ccPath(id)}/ verify at https://example.org/rights`] as const))(
    '%s in a usage-terms sentence',
    (id, text) => {
      expect(declared(text, 'XMP-xmpRights:UsageTerms', 'terms').declarations.map((d) => d.expression)).toEqual([id]);
    },
  );
});

describe('the pre-2008 ccREL URL of the public-domain dedication', () => {
  it('reads as CC-PDDC (openclipart and Inkscape SVGs)', () => {
    const d = declared('http://web.resource.org/cc/PublicDomain');
    expect(d.declarations).toEqual([expect.objectContaining({ expression: 'CC-PDDC', confidence: 1 })]);
    expect(d.problems).toEqual([]);
  });
});

describe("Creative Commons' wrappers of the GNU licenses (CC-GNU GPL, CC-GNU LGPL)", () => {
  it.each([
    ['http://creativecommons.org/licenses/GPL/2.0/', 'GPL-2.0-only'],
    ['http://creativecommons.org/licenses/LGPL/2.1/', 'LGPL-2.1-only'],
  ])('%s reads as %s (Inkscape SVGs: KDE\'s kstars icon)', (url, id) => {
    const d = declared(url, 'SVG-cc:license');
    expect(d.declarations).toEqual([expect.objectContaining({ expression: id, confidence: 1 })]);
    expect(d.problems).toEqual([]);
  });
});

describe('URLs with no exact SPDX id', () => {
  it.each([
    ['https://creativecommons.org/licenses/by/3.0/fr/', 'CC-BY-3.0', 'FR port'],
    ['http://creativecommons.org/licenses/by-sa/2.5/scotland/', 'CC-BY-SA-2.5', 'SCOTLAND port'],
    ['https://creativecommons.org/licenses/by-nc/2.0/uk/legalcode', 'CC-BY-NC-2.0', 'UK port'],
  ])('a port SPDX lacks reads as its unported version, with low confidence and a note: %s', (url, id, why) => {
    const d = declared(url);
    expect(d.declarations).toEqual([expect.objectContaining({ expression: id, confidence: 0.5 })]);
    expect(d.problems).toEqual([expect.objectContaining({ code: 'ambiguous-license', severity: 'note', message: expect.stringContaining(why) })]);
  });

  it('a URL without a version reads as the latest, flagged', () => {
    const d = declared('https://creativecommons.org/licenses/by-sa/');
    expect(d.declarations).toEqual([expect.objectContaining({ expression: 'CC-BY-SA-4.0', confidence: 0.5 })]);
    expect(d.problems[0]).toMatchObject({ code: 'ambiguous-license', message: expect.stringContaining('names no version') });
  });

  it.each(['https://creativecommons.org/licenses/nc/1.0/', 'https://creativecommons.org/licenses/by/2.1/es/', 'https://creativecommons.org/licenses/sampling+/1.0/'])(
    'a CC license SPDX has no id for is NOASSERTION with the URL kept: %s',
    (url) => {
      const d = declared(url);
      expect(d.declarations).toEqual([expect.objectContaining({ expression: 'NOASSERTION', raw: url, confidence: 0 })]);
      expect(d.problems).toEqual([expect.objectContaining({ code: 'unknown-license', severity: 'warning', message: expect.stringContaining('Creative Commons license that has no SPDX identifier') })]);
    },
  );
});

describe('copyfarleft licenses', () => {
  it.each([
    ['https://wiki.p2pfoundation.net/Peer_Production_License', 'PPL'],
    ['http://wiki.p2pfoundation.net/Peer_Production_License/', 'PPL'],
    ['https://p2pfoundation.net/Peer_Production_License', 'PPL'],
    ['https://git.pixie.town/thufie/thufie-site/raw/branch/main/files/CNPLv7.md', 'LicenseRef-CNPL-7.0'],
  ])('%s -> %s', (url, id) => {
    expect(declared(url).declarations.map((d) => d.expression)).toEqual([id]);
  });

  it('the NPL page every CNPL and NVPL version shares is NOASSERTION with the candidates', () => {
    const d = declared('https://thufie.lain.haus/NPL.html');
    expect(d.declarations).toHaveLength(1);
    expect(d.declarations[0]!.expression).toBe('NOASSERTION');
    expect(d.declarations[0]!.candidates?.map((c) => c.expression)).toEqual(expect.arrayContaining(['LicenseRef-CNPL-7.0', 'LicenseRef-NVPL-7.0']));
    expect(d.problems[0]).toMatchObject({ code: 'unknown-license', suggestion: expect.stringContaining('LicenseRef-CNPL-7.0') });
  });

  it('a name in another field settles what the shared page left open', () => {
    const d = fieldsToDetection(
      'f.jpg',
      [
        { name: 'XMP-cc:license', value: 'https://thufie.lain.haus/NPL.html', role: 'license' },
        { name: 'XMP-xmpRights:UsageTerms', value: 'Licensed under the Cooperative Non-Violent Public License v7.', role: 'terms' },
      ],
      catalog,
    );
    expect(d.declarations.map((x) => [x.expression, x.field])).toEqual([['LicenseRef-CNPL-7.0', 'XMP-xmpRights:UsageTerms']]);
    expect(d.problems).toEqual([]);
  });
});

describe('every catalog URL reads back as its license', () => {
  // The URL apply writes for a license must be read back as that license (round trip).
  const entries = catalog.entries.filter((e) => e.kind === 'license' && !e.deprecated && e.urls.length > 0);
  it('has URLs to test', () => expect(entries.length).toBeGreaterThan(100));
  it.each(entries.filter((e) => /^(?:CC|PPL|LicenseRef-)/.test(e.id)).map((e) => [e.id, e.urls[0]!] as const))('%s <- %s', (id, url) => {
    const got = declared(url).declarations[0]!;
    if (got.expression === 'NOASSERTION') expect(got.candidates?.map((c) => c.expression)).toContain(id);
    else expect(got.expression).toBe(id);
  });
});
