// apply --embed on real files: write, read back with other readers (the scan's readers and
// ExifTool), content unchanged (ExifTool's ImageDataHash where it has one; ffmpeg's decoded
// audio and ImageMagick's pixels when those tools are installed), idempotence, backups, and
// every refusal leaving the file as it was.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canEmbed, embedMetadata, endEmbedding, type EmbedRequest } from '../../../src/apply/embed/index.js';
import { detectMedia } from '../../../src/detect/media/index.js';
import { scanFileTags } from '../../../src/detect/tag-scan.js';
import { readFileInput } from '../../../src/walk/read.js';
import { have, removeTree, testCatalog } from '../../helpers.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/media/', import.meta.url));
const PPL_URL = 'https://wiki.p2pfoundation.net/Peer_Production_License';
const catalog = testCatalog();
const dirs: string[] = [];
const et = new ExifTool({ maxProcs: 1, taskTimeoutMillis: 30_000 });
afterAll(async () => {
  await endEmbedding();
  await et.end();
  dirs.forEach(removeTree);
});

function copy(fixture: string, name = fixture): { dir: string; abs: string } {
  const dir = mkdtempSync(join(tmpdir(), 'farleft-embed-'));
  dirs.push(dir);
  copyFileSync(join(FIXTURES, fixture), join(dir, name));
  return { dir, abs: join(dir, name) };
}

function request(abs: string, over: Partial<EmbedRequest> = {}): EmbedRequest {
  return { abs, path: abs.slice(abs.lastIndexOf('/') + 1), expression: 'PPL', copyright: ['2026 Example Collective'], backup: false, dryRun: false, ...over };
}

const scanned = (abs: string) => detectMedia(readFileInput(abs, abs.slice(abs.lastIndexOf('/') + 1)), catalog);
const decodedAudio = (abs: string) => spawnSync('ffmpeg', ['-v', 'error', '-i', abs, '-f', 'md5', '-'], { encoding: 'utf8' }).stdout.trim();
const pixels = (abs: string) => spawnSync('/usr/bin/convert', [abs, 'rgba:-']).stdout.toString('base64');
const imageDataHash = async (abs: string) => (await et.readRaw(abs, { readArgs: ['-api', 'ImageHashType=SHA256', '-ImageDataHash'] }))['ImageDataHash'];

// Fixture, and the ExifTool tag (-G1) that must then hold the PPL URL.
const WRITABLE: readonly [string, RegExp, 'image' | 'audio' | 'none'][] = [
  ['cc-by-sa.jpg', /^XMP-cc:License$/, 'image'],
  ['plain.jpg', /^XMP-cc:License$/, 'image'],
  ['ppl.png', /^XMP-cc:License$/, 'image'],
  ['text-chunks.png', /^XMP-cc:License$/, 'image'],
  ['cc0.tif', /^XMP-cc:License$/, 'image'],
  ['by-nc-sa.webp', /^XMP-cc:License$/, 'image'],
  ['cnpl.gif', /^XMP-cc:License$/, 'image'],
  ['by-nd.pdf', /^XMP-cc:License$/, 'none'],
  ['by.mp4', /^XMP-cc:License$/, 'audio'],
  ['by-nc.mov', /^XMP-cc:License$/, 'audio'],
  ['by-sa.m4a', /^iTunes:LICENSE$/, 'audio'],
  ['by-sa.mp3', /^ID3v2_\d:CopyrightURL$/, 'audio'],
  ['plain.mp3', /^ID3v2_\d:CopyrightURL$/, 'audio'],
  ['ppl-v23.mp3', /^ID3v2_\d:CopyrightURL$/, 'audio'],
  ['by.flac', /^Vorbis:License$/, 'audio'],
  ['by-nc.ogg', /^Vorbis:License$/, 'audio'],
  ['ppl.opus', /^Vorbis:License$/, 'audio'],
  ['all-rights-reserved.wav', /^RIFF:Copyright$/, 'audio'],
  ['by-sa-trailing-info.wav', /^RIFF:Copyright$/, 'audio'],
  ['plain.svg', /^XMP-cc:WorkLicense$/, 'none'],
];

describe('embedMetadata writes, and other readers read it back', () => {
  it.each(WRITABLE)('%s', async (fixture, tag, media) => {
    const { dir, abs } = copy(fixture);
    chmodSync(abs, 0o640);
    const original = readFileSync(abs);
    const hashBefore = media === 'image' || fixture.endsWith('.wav') || /\.(mp4|mov|m4a)$/.test(fixture) ? await imageDataHash(abs) : undefined;

    const result = await embedMetadata(request(abs));
    expect(result, result.message).toMatchObject({ status: 'written' });

    // The scan reads exactly the license, and the notice.
    const d = scanned(abs);
    expect(d.declarations.map((x) => x.expression)).toEqual(['PPL']);
    expect(d.copyrights.map((c) => c.text)).toContain('2026 Example Collective');
    // ExifTool, a reader farleft's writers do not share code with, finds the URL.
    const tags = (await et.readRaw(abs, { readArgs: ['-G1', '-a', '-s'] })) as Record<string, unknown>;
    expect(Object.entries(tags).filter(([k]) => tag.test(k)).map(([, v]) => String(v)).join(' ')).toContain(PPL_URL);
    // Content: ExifTool's own hash of the image or media data, where it computes one.
    if (hashBefore !== undefined) expect(await imageDataHash(abs)).toBe(hashBefore);
    // Mode kept, no temporary file left, no SPDX tag line inside the metadata.
    expect(statSync(abs).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual([fixture]);
    expect(readFileSync(abs).includes('SPDX-License-Identifier')).toBe(false);
    expect(scanFileTags(readFileInput(abs, fixture)).tags.filter((t) => t.kind === 'license')).toEqual([]);
    if (fixture.endsWith('.pdf')) expect(readFileSync(abs).subarray(0, 400)).toEqual(original.subarray(0, 400));

    // Idempotent: a second run writes nothing, not even the mtime.
    const bytes = readFileSync(abs);
    const mtime = statSync(abs).mtimeMs;
    expect(await embedMetadata(request(abs))).toMatchObject({ status: 'unchanged' });
    expect(readFileSync(abs).equals(bytes)).toBe(true);
    expect(statSync(abs).mtimeMs).toBe(mtime);
  });

  // Real WebP wallpapers (gnome-backgrounds) are simple WebPs, one VP8 chunk and no VP8X; ExifTool adds a
  // VP8X to flag the XMP, which is no change of the picture.
  it.each([
    ['lossy.webp', 'UklGRjYAAABXRUJQVlA4ICoAAABwAQCdASoCAAMAAsBMJaACdAFAAAD+75q5GGjX/6gz//UGf/6gz9PAAAA='],
    ['lossless.webp', 'UklGRhwAAABXRUJQVlA4TBAAAAAvAYAAAAcQZe5M/wMR0f8A'],
  ])('a simple WebP (%s, no VP8X chunk) is written', async (name, base64) => {
    const { abs } = copy('plain.jpg', name);
    writeFileSync(abs, Buffer.from(base64, 'base64'));
    const result = await embedMetadata(request(abs));
    expect(result, result.message).toMatchObject({ status: 'written' });
    expect(readFileSync(abs).includes('VP8X')).toBe(true);
    expect(scanned(abs).declarations.map((x) => x.expression)).toEqual(['PPL']);
  });

  // A GIF87a (xfig's flag library has them) gets the XMP in an extension block, which needs GIF89a.
  it('a GIF87a is written, as GIF89a', async () => {
    const { abs } = copy('plain.jpg', 'old.gif');
    writeFileSync(abs, Buffer.from('R0lGODdhAgACAPAAAMwAMwAAACwAAAAAAgACAAACAoRRADs=', 'base64'));
    const result = await embedMetadata(request(abs));
    expect(result, result.message).toMatchObject({ status: 'written' });
    expect(readFileSync(abs).toString('latin1', 0, 6)).toBe('GIF89a');
    expect(scanned(abs).declarations.map((x) => x.expression)).toEqual(['PPL']);
  });

  it.skipIf(!have('ffmpeg'))('decoded audio is unchanged (ffmpeg)', async () => {
    for (const [fixture, , media] of WRITABLE.filter(([, , m]) => m === 'audio')) {
      const { abs } = copy(fixture);
      const before = decodedAudio(abs);
      expect((await embedMetadata(request(abs))).status).toBe('written');
      expect(decodedAudio(abs), `${fixture} (${media})`).toBe(before);
    }
  });

  it.skipIf(!existsSync('/usr/bin/convert'))('decoded pixels are unchanged (ImageMagick)', async () => {
    for (const [fixture] of WRITABLE.filter(([, , m]) => m === 'image')) {
      const { abs } = copy(fixture);
      const before = pixels(abs);
      expect((await embedMetadata(request(abs))).status).toBe('written');
      expect(pixels(abs), fixture).toBe(before);
    }
  });

  it('other tags survive (ExifTool lists the same tags before and after)', async () => {
    const { abs } = copy('by-sa.mp3');
    const keys = async () => Object.keys(await et.readRaw(abs, { readArgs: ['-G1', '-a', '-ID3:all'] })).map((k) => k.replace(/^ID3v2_\d:/, ''));
    const before = await keys();
    expect(before).toContain('Title');
    expect((await embedMetadata(request(abs))).status).toBe('written');
    const after = await keys();
    for (const k of before.filter((k) => k !== 'License')) expect(after).toContain(k); // TXXX:LICENSE is replaced by design
  });

  it('a non-ASCII notice reads back the same in IPTC, ID3 and Vorbis comments', async () => {
    for (const fixture of ['plain.jpg', 'plain.mp3', 'by.flac']) {
      const { abs } = copy(fixture);
      expect((await embedMetadata(request(abs, { copyright: ['2026 Jöran Ünal'] }))).status).toBe('written');
      expect(scanned(abs).copyrights.map((c) => c.text)).toEqual(['2026 Jöran Ünal']);
    }
  });

  it('files written side by side at once are all right', async () => {
    const files = ['cc-by-sa.jpg', 'ppl.png', 'by-sa.mp3', 'by.flac', 'by.mp4', 'by-nd.pdf', 'cnpl.gif', 'all-rights-reserved.wav'].map((f) => copy(f).abs);
    const results = await Promise.all(files.map((abs) => embedMetadata(request(abs, { expression: 'CC-BY-SA-4.0' }))));
    expect(results.map((r) => r.status)).toEqual(files.map(() => 'written'));
    for (const abs of files) expect(scanned(abs).declarations.map((x) => x.expression)).toEqual(['CC-BY-SA-4.0']);
  });
});

describe('backups and dry runs', () => {
  it('--backup keeps the original beside the file as name.ext.orig', async () => {
    const { dir, abs } = copy('cc-by-sa.jpg');
    const original = readFileSync(abs);
    expect((await embedMetadata(request(abs, { backup: true }))).status).toBe('written');
    expect(readFileSync(`${abs}.orig`).equals(original)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['cc-by-sa.jpg', 'cc-by-sa.jpg.orig']);
    expect((await embedMetadata(request(abs, { backup: true }))).status).toBe('unchanged');
  });

  it('an existing .orig is never overwritten', async () => {
    const { abs } = copy('cc-by-sa.jpg');
    writeFileSync(`${abs}.orig`, 'older backup');
    const original = readFileSync(abs);
    const r = await embedMetadata(request(abs, { backup: true }));
    expect(r).toMatchObject({ status: 'failed', message: expect.stringContaining('.orig already exists') });
    expect(readFileSync(abs).equals(original)).toBe(true);
    expect(readFileSync(`${abs}.orig`, 'utf8')).toBe('older backup');
  });

  it('a dry run says what it would write and writes nothing', async () => {
    const { abs } = copy('cc-by-sa.jpg');
    const original = readFileSync(abs);
    const r = await embedMetadata(request(abs, { dryRun: true }));
    expect(r).toMatchObject({ status: 'written', format: 'jpeg', message: expect.stringContaining('dry run: would write XMP-cc:license') });
    expect(readFileSync(abs).equals(original)).toBe(true);
  });
});

describe('refusals leave the file as it was', () => {
  const untouched = async (abs: string, over: Partial<EmbedRequest>, status: string, why: RegExp) => {
    const before = readFileSync(abs);
    const mtime = statSync(abs).mtimeMs;
    const r = await embedMetadata(request(abs, over));
    expect(r.status).toBe(status);
    expect(r.message).toMatch(why);
    expect(readFileSync(abs).equals(before)).toBe(true);
    expect(statSync(abs).mtimeMs).toBe(mtime);
    expect(readdirSync(join(abs, '..')).filter((f) => f.startsWith('.farleft-tmp-'))).toEqual([]);
  };

  it('a read-only file', async () => {
    const { abs } = copy('cc-by-sa.jpg');
    chmodSync(abs, 0o444);
    await untouched(abs, {}, 'failed', /read-only/);
  });

  it('a symbolic link and a hard-linked file', async () => {
    const { dir, abs } = copy('cc-by-sa.jpg');
    symlinkSync(abs, join(dir, 'link.jpg'));
    await untouched(join(dir, 'link.jpg'), {}, 'failed', /symbolic link/);
    linkSync(abs, join(dir, 'hard.jpg'));
    await untouched(abs, {}, 'failed', /hard links/);
  });

  it.each([
    ['png-named.jpg', /a PNG image, not a JPEG image; rename it/],
    ['truncated.jpg', /Corrupted JPEG|left untouched/],
    ['malformed-xmp.jpg', /XMP format error|left untouched/],
    ['inkscape.svg', /would still declare CC-BY-SA-3.0-DE \(SVG-cc:license\)/],
  ])('%s fails and says why', async (fixture, why) => {
    await untouched(copy(fixture).abs, {}, 'failed', why);
  });

  it.each([
    ['ofl.ttf', 'PPL', /fonts: no safe writer/],
    ['ofl.woff2', 'PPL', /fonts/],
    ['by-sa.epub', 'PPL', /EPUB/],
    ['by.heic', 'PPL', /HEIF/],
    ['sidecar-photo.jpg.xmp', 'PPL', /sidecars/],
    ['encrypted.pdf', 'PPL', /encrypted PDF/],
    ['cc-by-sa.jpg', 'PPL OR CC-BY-SA-4.0', /not a single license/],
    ['cc-by-sa.jpg', 'LicenseRef-CNPL-4.0', /no URL in the catalog names LicenseRef-CNPL-4.0 alone/],
  ])('%s under %s is not written (the sidecar declares it)', async (fixture, expression, why) => {
    await untouched(copy(fixture).abs, { expression }, 'unsupported', why);
  });
});

describe('a big-endian WAV (RIFX)', () => {
  it('is read but not written: TagLib would write little-endian sizes into it (the sidecar declares it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'farleft-embed-'));
    dirs.push(dir);
    const abs = join(dir, 'be.wav');
    const fmt = Buffer.concat([Buffer.from('fmt '), Buffer.from([0, 0, 0, 16]), Buffer.alloc(16)]);
    const data = Buffer.concat([Buffer.from('data'), Buffer.from([0, 0, 0, 8]), Buffer.alloc(8)]);
    writeFileSync(abs, Buffer.concat([Buffer.from('RIFX'), Buffer.from([0, 0, 0, 4 + fmt.length + data.length]), Buffer.from('WAVE'), fmt, data]));
    const before = readFileSync(abs);
    const r = await embedMetadata(request(abs));
    expect(r).toMatchObject({ status: 'unsupported', message: expect.stringMatching(/big-endian WAV \(RIFX\)/) });
    expect(readFileSync(abs).equals(before)).toBe(true);
  });
});

describe('canEmbed', () => {
  it.each([
    ['a.jpg', true],
    ['a.JPEG', true],
    ['a.png', true],
    ['a.tif', true],
    ['a.webp', true],
    ['a.gif', true],
    ['a.pdf', true],
    ['a.mp4', true],
    ['a.mov', true],
    ['a.m4a', true],
    ['a.mp3', true],
    ['a.flac', true],
    ['a.ogg', true],
    ['a.opus', true],
    ['a.wav', true],
    ['a.svg', true],
    ['a.heic', false],
    ['a.avif', false],
    ['a.dng', false],
    ['a.ttf', false],
    ['a.epub', false],
    ['a.xmp', false],
    ['a.txt', false],
    ['README', false],
  ])('%s -> %s', (path, yes) => {
    expect(canEmbed(path)).toBe(yes);
  });
});

beforeAll(() => {
  expect(existsSync(FIXTURES)).toBe(true);
});
