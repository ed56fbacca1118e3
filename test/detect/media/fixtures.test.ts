// Every fixture in fixtures/media, read as the scan reads it (through the walker's bounded
// reader), against fixtures/media/expected.yml; and every field farleft's readers find,
// checked against ExifTool reading the same file (an independent reader of every format).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExifTool } from 'exiftool-vendored';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { detectMedia, readMedia } from '../../../src/detect/media/index.js';
import { sourceOfInput } from '../../../src/detect/media/source.js';
import { readFileInput } from '../../../src/walk/read.js';
import { testCatalog } from '../../helpers.js';

const DIR = fileURLToPath(new URL('../../../fixtures/media/', import.meta.url));
const REGENERATE = 'fixtures/media/expected.yml follows scripts/make-media-fixtures.mjs; after changing a recipe, rerun the script and update the file';

interface Expected {
  readonly license: string[];
  readonly field?: string;
  readonly line?: number;
  readonly copyright: string[];
  readonly problems?: string[];
}

const expected = parse(readFileSync(join(DIR, 'expected.yml'), 'utf8')) as Record<string, Expected>;
const files = readdirSync(DIR).filter((f) => f !== 'expected.yml').sort();
const catalog = testCatalog();

function read(name: string) {
  return detectMedia(readFileInput(join(DIR, name), name), catalog);
}

function fields(name: string) {
  const input = readFileInput(join(DIR, name), name);
  return readMedia(name, sourceOfInput(input), () => (input.kind === 'text' ? input.text : Buffer.from(input.bytes).toString('utf8'))).read.fields;
}

describe('fixtures/media', () => {
  it('lists every fixture in expected.yml, and only those', () => {
    expect(Object.keys(expected).sort(), REGENERATE).toEqual(files);
  });

  it.each(files)('%s', (name) => {
    const want = expected[name]!;
    const got = read(name);
    expect(got.declarations.map((d) => d.expression), REGENERATE).toEqual(want.license);
    if (want.field) expect(got.declarations[0]).toMatchObject({ field: want.field, source: 'media', scope: 'file', file: name });
    if (want.line) expect(got.declarations[0]!.line).toBe(want.line);
    expect(got.copyrights.map((c) => c.text)).toEqual(want.copyright);
    expect(got.problems.map((p) => p.code).sort()).toEqual([...(want.problems ?? [])].sort());
    for (const p of got.problems) expect(p).toMatchObject({ file: name, message: expect.any(String) });
  });
});

// ---------------------------------------------------------------- ExifTool as a second reader

/** farleft's field name -> the ExifTool tag (-G1) that holds the same value. */
const EXIFTOOL_TAGS: readonly [RegExp, RegExp][] = [
  [/^XMP-cc:license$/, /^XMP-cc:License$/],
  [/^SVG-cc:license$/, /^XMP-cc:WorkLicense$/],
  [/^XMP-cc:attributionName$/, /^XMP-cc:AttributionName$/],
  [/^XMP-dc:rights$/, /^XMP-dc:Rights$/],
  [/^XMP-xmpRights:(\w+)$/, /^XMP-xmpRights:(WebStatement|UsageTerms|Marked)$/],
  [/^EXIF:Copyright$/, /^IFD0:Copyright$/],
  [/^IPTC:CopyrightNotice$/, /^IPTC:CopyrightNotice$/],
  [/^PNG:Copyright$/, /^PNG:Copyright$/],
  [/^ID3:TCOP$/, /^ID3v2_\d:Copyright$/],
  [/^ID3:WCOP$/, /^ID3v2_\d:CopyrightURL$/],
  [/^ID3:USER$/, /^ID3v2_\d:TermsOfUse$/],
  [/^ID3:TXXX:LICENSE$/, /^ID3v2_\d:License$/],
  [/^Vorbis:LICENSE$/, /^Vorbis:License$/],
  [/^Vorbis:COPYRIGHT$/, /^Vorbis:Copyright$/],
  [/^MP4:cprt$/, /^ItemList:Copyright$/],
  [/^MP4:udta:©cpy$/, /^UserData:Copyright$/],
  [/^MP4:iTunes:LICENSE$/, /^iTunes:LICENSE$/],
  [/^MP4:keys:license$/, /^Keys:License$/],
  [/^MP4:keys:copyright$/, /^Keys:Copyright$/],
  [/^RIFF:ICOP$/, /^RIFF:Copyright$/],
  [/^AIFF:Copyright$/, /^AIFF:Copyright$/],
  [/^Matroska:LICENSE$/, /^Matroska:License$/],
  [/^Matroska:COPYRIGHT$/, /^Matroska:Copyright$/],
  [/^OPF:dc:rights$/, /^XML-dc:Rights$/],
  [/^Font:(Copyright|License|LicenseInfoURL)$/, /^Font:(Copyright|License|LicenseInfoURL)$/],
];
const TAG_ARGS = [
  '-XMP-cc:all', '-XMP-dc:Rights', '-XMP-xmpRights:all', '-IFD0:Copyright', '-IPTC:CopyrightNotice', '-PNG:Copyright', '-ID3:Copyright',
  '-ID3:CopyrightURL', '-ID3:TermsOfUse', '-ID3:License', '-Vorbis:License', '-Vorbis:Copyright', '-ItemList:Copyright',
  '-UserData:Copyright', '-iTunes:LICENSE', '-Keys:License', '-Keys:Copyright', '-RIFF:Copyright', '-AIFF:Copyright', '-Matroska:License', '-Matroska:Copyright', '-XML-dc:Rights', '-Font:Copyright', '-Font:License', '-Font:LicenseInfoURL',
];

// Booleans come back from ExifTool's JSON as true/false, XMP writes True/False.
const normalize = (v: unknown): string => String(v).replace(/\s+/g, ' ').trim().replace(/^(?:true|false)$/i, (b) => b.toLowerCase());

describe('ExifTool reads the same fields', () => {
  const et = new ExifTool({ maxProcs: 1, taskTimeoutMillis: 20_000 });
  afterAll(() => et.end());
  // ExifTool 13 cannot read WOFF2: the WOFF2 font is compared with the TTF built from the same source.
  const target = (name: string): string => (name.endsWith('.woff2') ? 'ofl.ttf' : name);
  const readable = files.filter((f) => !['encrypted.pdf', 'malformed-xmp.jpg', 'truncated.jpg'].includes(f));

  it.each(readable)('%s', async (name) => {
    const tags = (await et.readRaw(join(DIR, target(name)), { readArgs: ['-G1', '-a', '-s', ...TAG_ARGS] })) as Record<string, unknown>;
    const theirs = Object.entries(tags).filter(([k]) => EXIFTOOL_TAGS.some(([, t]) => t.test(k.replace(/ \(\d+\)$/, ''))));
    const ours = fields(name);
    // Every field farleft reads, ExifTool reads with the same value (where it names the field at all).
    for (const f of ours) {
      const rule = EXIFTOOL_TAGS.find(([mine]) => mine.test(f.name));
      if (!rule) continue;
      const suffix = rule[0].exec(f.name)![1];
      const values = theirs.filter(([k]) => rule[1].test(k) && (suffix === undefined || rule[1].exec(k)![1] === suffix)).map(([, v]) => normalize(v));
      expect(values, `${f.name} in ${name}`).toContain(normalize(f.value));
    }
    // And every license field ExifTool finds, farleft finds too (but a Matroska tag aimed at one track, which some
    // ExifTool versions list with the file's: farleft says so in a note instead).
    if (name !== 'track-license.mka') for (const [k, v] of theirs) expect(ours.map((f) => normalize(f.value)), `${k} in ${name}`).toContain(normalize(v));
  });
});
