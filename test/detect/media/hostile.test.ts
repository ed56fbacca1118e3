// Hostile and unusual media files: cut at every length, bytes flipped, metadata past what
// the scan reads in one go, huge or malformed metadata, files whose name lies. The readers
// must never throw or hang, must say what went wrong, and must still find what is there.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { detectMedia } from '../../../src/detect/media/index.js';
import { readFileInput } from '../../../src/walk/read.js';
import { fileInput, makeTree, removeTree, testCatalog } from '../../helpers.js';

const DIR = fileURLToPath(new URL('../../../fixtures/media/', import.meta.url));
const fixtures = readdirSync(DIR).filter((f) => f !== 'expected.yml' && !f.endsWith('.svg') && !f.endsWith('.xmp'));
const catalog = testCatalog();
const root = makeTree({});
afterAll(() => removeTree(root));

const detectBytes = (name: string, bytes: Uint8Array) => detectMedia(fileInput(name, bytes), catalog);
/** Writes a file and reads it as the scan does: 1 MiB at once, range reads beyond. */
const detectFile = (name: string, bytes: Uint8Array) => {
  writeFileSync(join(root, name), bytes);
  return detectMedia(readFileInput(join(root, name), name), catalog);
};
const licenses = (d: ReturnType<typeof detectBytes>) => d.declarations.map((x) => x.expression);
const codes = (d: ReturnType<typeof detectBytes>) => d.problems.map((p) => p.code);

const CC_BY_SA = 'https://creativecommons.org/licenses/by-sa/4.0/';
const xmp = (license: string, extra = '') =>
  `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:cc="http://creativecommons.org/ns#"><cc:license rdf:resource="${license}"/>${extra}</rdf:Description></rdf:RDF></x:xmpmeta>`;

describe('damaged files never throw', () => {
  it.each(fixtures)('%s cut at many lengths', (name) => {
    const full = readFileSync(join(DIR, name));
    const cuts = new Set([1, 2, 3, 4, 7, 8, 11, 12, 16, 20, 27, 32, 44, 48, 64, 100, 200].filter((n) => n < full.length));
    for (let k = 1; k < 16; k++) cuts.add(Math.floor((full.length * k) / 16));
    for (const n of cuts) {
      const d = detectBytes(name, full.subarray(0, n));
      for (const p of d.problems) expect(p).toMatchObject({ file: name, code: expect.stringMatching(/^[a-z-]+$/), message: expect.any(String) });
      for (const decl of d.declarations) expect(decl.source).toBe('media');
    }
  });

  it.each(fixtures)('%s with bytes flipped', (name) => {
    const full = readFileSync(join(DIR, name));
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let round = 0; round < 40; round++) {
      const bytes = Buffer.from(full);
      for (let k = 0; k < 4; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      expect(() => detectBytes(name, bytes)).not.toThrow();
    }
  });

  it('a truncated file says so and keeps what was read', () => {
    const full = readFileSync(join(DIR, 'by-sa.mp3'));
    const d = detectBytes('by-sa.mp3', full.subarray(0, 60));
    expect(codes(d)).toContain('media-truncated');
  });
});

describe('names that lie', () => {
  it.each([
    ['cover.jpg', 'ppl.png', 'is a PNG image, not a JPEG image', 'cover.png'],
    ['track.mp3', 'by.flac', 'is a FLAC audio file, not an MP3 audio file', 'track.flac'],
    ['photo.png', 'cc-by-sa.jpg', 'is a JPEG image, not a PNG image', 'photo.jpg'],
    ['font.ttf', 'by-sa.m4a', 'is an MP4/QuickTime file, not a font', 'font.mp4'],
    ['drawing.svg', 'ppl.png', 'is a PNG image, not an SVG image', 'drawing.png'],
    ['poster.jpg', 'by-nc-sa.psd', 'is a Photoshop document, not a JPEG image', 'poster.psd'],
    ['logo.pdf', 'ppl.eps', 'is an EPS file, not a PDF document', 'logo.eps'],
  ])('%s holding %s is read for what it is', (name, fixture, what, rename) => {
    const d = detectBytes(name, readFileSync(join(DIR, fixture)));
    expect(d.problems[0]).toMatchObject({ code: 'media-type-mismatch', severity: 'warning', message: expect.stringContaining(what), suggestion: expect.stringContaining(rename) });
    expect(d.declarations.length).toBe(1);
  });

  it.each([
    ['notes.jpg', 'just some text\n'],
    ['empty-ish.png', '\0\0\0\0\0\0\0\0'],
    ['page.pdf', '<html><body>not a pdf</body></html>'],
    ['song.ogg', 'an old song, typed out\n'],
  ])('%s that is no media file at all is flagged, not read', (name, content) => {
    const d = detectBytes(name, Buffer.from(content));
    expect(codes(d)).toEqual(['media-unrecognized']);
    expect(d.problems[0]!.message).toMatch(/does not look like an? (JPEG|PNG|PDF|Ogg)/);
    if (name.endsWith('.ogg')) expect(d.problems[0]!.message).toContain('like an Ogg file');
    expect(d.declarations).toEqual([]);
  });

  it('an Illustrator file is a PDF or an EPS inside, and no name lies there', () => {
    for (const fixture of ['by.ai', 'ppl.eps']) {
      const d = detectBytes('art.ai', readFileSync(join(DIR, fixture)));
      expect(d.problems).toEqual([]);
      expect(d.declarations).toHaveLength(1);
    }
  });

  it("reads camera raw files that are TIFF inside as TIFF (a CR2's, a NEF's metadata)", () => {
    const tiff = readFileSync(join(DIR, 'cc0.tif'));
    for (const name of ['IMG_0001.CR2', 'DSC_0001.nef', 'a.arw', 'a.pef', 'a.srw', 'a.nrw']) expect(licenses(detectBytes(name, tiff)), name).toEqual(['CC0-1.0']);
  });

  it('an empty file is nothing to report', () => {
    expect(detectBytes('x.jpg', new Uint8Array(0))).toMatchObject({ declarations: [], problems: [] });
  });
});

// ---------------------------------------------------------------- metadata past the first read

const box = (type: string, ...payload: Buffer[]): Buffer => {
  const body = Buffer.concat(payload);
  const h = Buffer.alloc(8);
  h.writeUInt32BE(8 + body.length);
  h.write(type, 4, 'latin1');
  return Buffer.concat([h, body]);
};
const dataBox = (text: string) => box('data', Buffer.from([0, 0, 0, 1, 0, 0, 0, 0]), Buffer.from(text));
const full = (type: string, ...payload: Buffer[]) => box(type, Buffer.alloc(4), ...payload);
const riffChunk = (id: string, data: Buffer): Buffer => {
  const h = Buffer.alloc(8);
  h.write(id, 0, 'latin1');
  h.writeUInt32LE(data.length, 4);
  return Buffer.concat([h, data, data.length & 1 ? Buffer.alloc(1) : Buffer.alloc(0)]);
};
const riff = (form: string, ...chunks: Buffer[]): Buffer => {
  const body = Buffer.concat([Buffer.from(form), ...chunks]);
  const h = Buffer.alloc(8);
  h.write('RIFF');
  h.writeUInt32LE(body.length, 4);
  return Buffer.concat([h, body]);
};
const pngChunk = (type: string, data: Buffer): Buffer => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const MiB = 1024 * 1024;

describe('metadata past the first MiB is reached by bounded range reads', () => {
  it('an MP4 whose moov follows 3 MiB of media data', () => {
    const ilst = box('ilst', box('cprt', dataBox('2026 Jo Artist')), box('----', full('mean', Buffer.from('com.apple.iTunes')), full('name', Buffer.from('LICENSE')), dataBox(CC_BY_SA)));
    const moov = box('moov', full('mvhd', Buffer.alloc(96)), box('udta', full('meta', full('hdlr', Buffer.alloc(20)), ilst)));
    const file = Buffer.concat([box('ftyp', Buffer.from('M4A \0\0\0\0M4A isom')), box('mdat', Buffer.alloc(3 * MiB)), moov]);
    const d = detectFile('late-moov.m4a', file);
    expect(licenses(d)).toEqual(['CC-BY-SA-4.0']);
    expect(d.copyrights.map((c) => c.text)).toEqual(['2026 Jo Artist']);
    expect(d.problems).toEqual([]);
  });

  it('a WebP whose XMP chunk follows 3 MiB of image data', () => {
    const file = riff('WEBP', riffChunk('VP8X', Buffer.alloc(10)), riffChunk('VP8L', Buffer.alloc(3 * MiB)), riffChunk('XMP ', Buffer.from(xmp(CC_BY_SA))));
    expect(licenses(detectFile('late.webp', file))).toEqual(['CC-BY-SA-4.0']);
  });

  it('a WAV whose LIST/INFO follows 3 MiB of audio', () => {
    const info = Buffer.concat([Buffer.from('INFO'), riffChunk('ICOP', Buffer.from(`2026 Jo Artist. License: ${CC_BY_SA}\0`))]);
    const file = riff('WAVE', riffChunk('fmt ', Buffer.alloc(16)), riffChunk('data', Buffer.alloc(3 * MiB)), riffChunk('LIST', info));
    expect(licenses(detectFile('late.wav', file))).toEqual(['CC-BY-SA-4.0']);
  });

  it('a big-endian WAV (RIFX): its sizes read as such, its LIST/INFO found', () => {
    // RIFF's chunks with big-endian sizes (old Macs' files, scipy's test data): "no format farleft reads" before.
    const be = (id: string, data: Buffer): Buffer => {
      const h = Buffer.alloc(8);
      h.write(id, 0, 'latin1');
      h.writeUInt32BE(data.length, 4);
      return Buffer.concat([h, data, data.length & 1 ? Buffer.alloc(1) : Buffer.alloc(0)]);
    };
    const info = Buffer.concat([Buffer.from('INFO'), be('ICOP', Buffer.from(`2026 Jo Artist. License: ${CC_BY_SA}\0`))]);
    const body = Buffer.concat([Buffer.from('WAVE'), be('fmt ', Buffer.alloc(16)), be('data', Buffer.alloc(4099)), be('LIST', info)]);
    const head = Buffer.alloc(8);
    head.write('RIFX');
    head.writeUInt32BE(body.length, 4);
    const d = detectFile('be.wav', Buffer.concat([head, body]));
    expect(licenses(d)).toEqual(['CC-BY-SA-4.0']);
    expect(d.copyrights.map((c) => c.text)).toEqual(['2026 Jo Artist']);
    expect(d.problems).toEqual([]);
  });

  it('a PNG whose text chunks follow 4 MiB of image data in small IDAT chunks', () => {
    const idat = pngChunk('IDAT', Buffer.alloc(2048));
    const parts = [Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), pngChunk('IHDR', Buffer.alloc(13))];
    for (let i = 0; i < 2048; i++) parts.push(idat);
    const itxt = Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\x01\0\0\0', 'latin1'), deflateSync(Buffer.from(xmp(CC_BY_SA)))]);
    parts.push(pngChunk('tEXt', Buffer.from('Copyright\x002026 Jo Artist', 'latin1')), pngChunk('iTXt', itxt), pngChunk('IEND', Buffer.alloc(0)));
    const d = detectFile('late.png', Buffer.concat(parts));
    expect(licenses(d)).toEqual(['CC-BY-SA-4.0']);
    expect(d.copyrights.map((c) => c.text)).toEqual(['2026 Jo Artist']);
  });

  it('a PDF updated incrementally after 3 MiB: the newest metadata counts, the stale packet does not', () => {
    const stale = `6 0 obj\n<< /Type /Metadata /Subtype /XML /Length 0 >>\nstream\n${xmp('https://creativecommons.org/licenses/by/4.0/')}\nendstream\nendobj\n`;
    const big = `4 0 obj\n<< /Length ${3 * MiB} >>\nstream\n${' '.repeat(3 * MiB)}\nendstream\nendobj\n`;
    const original = `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >>\nendobj\n${stale}${big}trailer\n<< /Root 1 0 R >>\n%%EOF\n`;
    const update = `5 0 obj\n<< /Type /Metadata /Subtype /XML /Length 0 >>\nstream\n${xmp(CC_BY_SA)}\nendstream\nendobj\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R /Prev 0 >>\n%%EOF\n`;
    const d = detectFile('updated.pdf', Buffer.from(original + update, 'latin1'));
    expect(licenses(d)).toEqual(['CC-BY-SA-4.0']);
  });

  it('a Flate-compressed PDF metadata stream is inflated', () => {
    const packet = deflateSync(Buffer.from(xmp(CC_BY_SA)));
    const file = Buffer.concat([
      Buffer.from('%PDF-1.5\n1 0 obj\n<< /Type /Catalog /Metadata 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Metadata /Filter /FlateDecode >>\nstream\n', 'latin1'),
      packet,
      Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'),
    ]);
    expect(licenses(detectBytes('z.pdf', file))).toEqual(['CC-BY-SA-4.0']);
  });

  const id3 = (frames: [string, Buffer][]): Buffer => {
    const body = Buffer.concat(
      frames.map(([id, data]) => {
        const h = Buffer.alloc(10);
        h.write(id, 0, 'latin1');
        h.writeUInt32BE(data.length, 4);
        return Buffer.concat([h, data]);
      }),
    );
    const h = Buffer.from('ID3\x03\0\0\0\0\0\0', 'latin1');
    const n = body.length;
    h[6] = (n >> 21) & 0x7f;
    h[7] = (n >> 14) & 0x7f;
    h[8] = (n >> 7) & 0x7f;
    h[9] = n & 0x7f;
    return Buffer.concat([h, body, Buffer.from([0xff, 0xfb, 0x90, 0x00]), Buffer.alloc(400)]);
  };

  it('an MP3 whose license frame follows a 5 MiB cover picture: the picture is skipped, not read', () => {
    expect(licenses(detectFile('cover.mp3', id3([['APIC', Buffer.alloc(5 * MiB)], ['WCOP', Buffer.from(CC_BY_SA)]])))).toEqual(['CC-BY-SA-4.0']);
  });

  it('an MP3 whose license frame follows more large frames than the read budget allows: a note, no guess', () => {
    const frames: [string, Buffer][] = Array.from({ length: 60 }, () => ['PRIV', Buffer.alloc(100 * 1024)] as [string, Buffer]);
    const d = detectFile('many.mp3', id3([...frames, ['WCOP', Buffer.from(CC_BY_SA)]]));
    expect(licenses(d)).toEqual([]);
    expect(codes(d)).toEqual(['media-not-fully-read']);
  });
});

// ---------------------------------------------------------------- huge and malformed metadata

const jpegWithXmp = (packet: string): Buffer => {
  const body = Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0'), Buffer.from(packet)]);
  const h = Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 0]);
  h.writeUInt16BE(body.length + 2, 4);
  return Buffer.concat([h, body, Buffer.from([0xff, 0xda, 0, 2, 0xff, 0xd9])]);
};

describe('huge and malformed metadata', () => {
  it('XMP with too many elements stops parsing at a bound, keeps what came before, and says so', () => {
    const many = '<rdf:li>x</rdf:li>'.repeat(25_000);
    const packet = xmp(CC_BY_SA, `<dc:subject xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Bag>${many}</rdf:Bag></dc:subject>`);
    const d = detectBytes('many.jpg', jpegWithXmp(packet.slice(0, 60_000)));
    expect(licenses(d)).toEqual(['CC-BY-SA-4.0']);
    const deep = detectBytes('deep.jpg', jpegWithXmp(xmp(CC_BY_SA, '<a>'.repeat(10_000))));
    expect(codes(deep)).toContain('media-malformed');
    expect(licenses(deep)).toEqual(['CC-BY-SA-4.0']);
  });

  it('a 100 KB rights value is cut with a note, and prose scanning finishes', () => {
    const value = `2026 Jo Artist ${'licensed under licensed under CC '.repeat(3000)}`;
    const packet = xmp(CC_BY_SA, `<dc:rights xmlns:dc="http://purl.org/dc/elements/1.1/">${value}</dc:rights>`);
    const d = detectBytes('long.png', Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), pngChunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0'), Buffer.from(packet)]))]));
    expect(codes(d)).toContain('media-metadata-too-large');
    expect(licenses(d)).toEqual(['CC-BY-SA-4.0']);
  });

  it('a PNG of 20,000 text chunks keeps the first fields it can use, with one warning', () => {
    const chunks = Array.from({ length: 20_000 }, (_, i) => pngChunk('tEXt', Buffer.from(`Copyright\x00(c) Someone ${i}`, 'latin1')));
    const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), pngChunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0'), Buffer.from(xmp(CC_BY_SA))])), ...chunks]);
    // Without the bound every chunk was a field, and each was compared with all before it (20,000 took ~7 s).
    const d = detectBytes('many.png', png);
    expect(licenses(d)).toEqual(['CC-BY-SA-4.0']);
    expect(codes(d).filter((c) => c === 'media-too-many-fields')).toHaveLength(1);
    expect(d.copyrights.length).toBeLessThanOrEqual(256);
  });

  it('an XMP packet larger than 1 MiB is not parsed', () => {
    const packet = xmp(CC_BY_SA, ' '.repeat(MiB + 10));
    const d = detectBytes('huge.webp', riff('WEBP', riffChunk('VP8X', Buffer.alloc(10)), riffChunk('XMP ', Buffer.from(packet))));
    expect(codes(d)).toContain('media-metadata-too-large');
    expect(licenses(d)).toEqual([]);
  });

  it('a Vorbis comment block that claims four billion entries ends where its data ends', () => {
    const block = Buffer.concat([Buffer.from([0, 0, 0, 0]), Buffer.from([0xff, 0xff, 0xff, 0xff]), Buffer.from([27, 0, 0, 0]), Buffer.from(`LICENSE=${CC_BY_SA}`.slice(0, 27))]);
    const header = Buffer.from([0x84, 0, 0, block.length]);
    const streaminfo = Buffer.concat([Buffer.from([0x00, 0, 0, 34]), Buffer.alloc(34)]);
    const d = detectBytes('x.flac', Buffer.concat([Buffer.from('fLaC'), streaminfo, header, block]));
    expect(codes(d)).toContain('media-truncated');
  });

  it('entities and character references are decoded; unknown ones and bad references are left as written', () => {
    const packet = xmp('https://creativecommons.org/licenses/by&#x2D;sa/4.0/', '<dc:rights xmlns:dc="http://purl.org/dc/elements/1.1/">&copy; 2026 Jo &amp; Co &#xFFFFFFFF; Ltd</dc:rights>');
    const d = detectBytes('e.jpg', jpegWithXmp(packet));
    expect(licenses(d)).toEqual(['CC-BY-SA-4.0']);
    expect(d.copyrights.map((c) => c.text)).toEqual(['&copy; 2026 Jo & Co &#xFFFFFFFF; Ltd']);
  });

  it('a DOCTYPE with entity definitions is skipped, never expanded', () => {
    const bomb = `<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${xmp(CC_BY_SA, '<dc:rights xmlns:dc="http://purl.org/dc/elements/1.1/">&b; Jo</dc:rights>')}`;
    const d = detectMedia(fileInput('bomb.xmp', bomb), catalog);
    expect(licenses(d)).toEqual(['CC-BY-SA-4.0']);
    expect(d.copyrights.map((c) => c.text)).toEqual(['&b; Jo']);
  });
});
