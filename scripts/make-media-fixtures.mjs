#!/usr/bin/env node
// Builds fixtures/media from nothing: pixels and tones are generated here, encoded by Debian's
// tools, and tagged by writers farleft does not use for reading (ExifTool, mutagen, ffmpeg,
// fontTools), so the readers in src/detect/media are tested on files they did not write.
// The results are committed: tests need none of these tools. fixtures/media/expected.yml
// says what each file declares; it follows from the recipes below, not from farleft's output.
//
//   apt-get install imagemagick webp libheif-examples libavif-bin ffmpeg lame flac \
//     vorbis-tools opus-tools qpdf zip libimage-exiftool-perl python3-mutagen python3-fonttools python3-brotli
//   node scripts/make-media-fixtures.mjs
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const OUT = fileURLToPath(new URL('../fixtures/media/', import.meta.url));
const WORK = mkdtempSync(join(tmpdir(), 'farleft-media-'));
const PYTHON = '/usr/bin/python3'; // Debian's, with mutagen and fontTools
const CONVERT = '/usr/bin/convert';

const CC = (path) => `https://creativecommons.org/licenses/${path}/`;
const PPL = 'https://wiki.p2pfoundation.net/Peer_Production_License';
const CNPL7 = 'https://git.pixie.town/thufie/thufie-site/raw/branch/main/files/CNPLv7.md';
const HOLDER = 'Jo Artist';
const NOTICE = `2026 ${HOLDER}`;

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: WORK, ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.error}`);
  return r.stdout;
}
const w = (name) => join(WORK, name);
const o = (name) => join(OUT, name);
const exiftool = (file, tags) => run('exiftool', ['-q', '-overwrite_original', ...Object.entries(tags).map(([k, v]) => `-${k}=${v}`), file]);
const python = (code) => run(PYTHON, ['-c', code]);

// ---------------------------------------------------------------- base media, generated

/** An 8x8 RGB gradient as PNG, written by hand (no metadata chunks). */
function png(width = 8, height = 8) {
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = [0];
    for (let x = 0; x < width; x++) row.push((x * 32) & 255, (y * 32) & 255, 128);
    rows.push(...row);
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return { chunk, bytes: Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', Buffer.alloc(0))]) };
}

/** 0.1 s of a 440 Hz tone, 8 kHz mono 16-bit PCM, with optional chunks after the audio. */
function wav(after = []) {
  const rate = 8000;
  const samples = Buffer.alloc(rate / 10 * 2);
  for (let i = 0; i < rate / 10; i++) samples.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0);
  fmt.writeUInt16LE(1, 2);
  fmt.writeUInt32LE(rate, 4);
  fmt.writeUInt32LE(rate * 2, 8);
  fmt.writeUInt16LE(2, 12);
  fmt.writeUInt16LE(16, 14);
  const chunk = (id, data) => {
    const h = Buffer.alloc(8);
    h.write(id, 0, 'latin1');
    h.writeUInt32LE(data.length, 4);
    return Buffer.concat([h, data, data.length & 1 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  };
  const body = Buffer.concat([Buffer.from('WAVE'), chunk('fmt ', fmt), chunk('data', samples), ...after.map(([id, data]) => chunk(id, data))]);
  const h = Buffer.alloc(8);
  h.write('RIFF', 0);
  h.writeUInt32LE(body.length, 4);
  return { chunk, bytes: Buffer.concat([h, body]) };
}

/** A one-page PDF drawing a square, with a correct xref table. */
function pdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] /Contents 4 0 R >>',
  ];
  const content = '0.2 0.4 0.8 rg 10 10 52 52 re f';
  objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** An 8x8 RGB Photoshop document, raw pixels, with no image resources (Adobe's Photoshop File Formats Specification). */
function psd() {
  const header = Buffer.alloc(26);
  header.write('8BPS', 0, 'latin1');
  header.writeUInt16BE(1, 4); // version 1: PSD
  header.writeUInt16BE(3, 12); // channels
  header.writeUInt32BE(8, 14); // height
  header.writeUInt32BE(8, 18); // width
  header.writeUInt16BE(8, 22); // bits per channel
  header.writeUInt16BE(3, 24); // RGB
  const sections = Buffer.alloc(12); // color mode data, image resources, layer and mask information: all empty
  const pixels = Buffer.alloc(2 + 3 * 64);
  for (let c = 0; c < 3; c++) for (let i = 0; i < 64; i++) pixels[2 + c * 64 + i] = c === 2 ? 128 : (i * 32) & 255; // compression 0, then planes
  return Buffer.concat([header, sections, pixels]);
}

/** A one-page EPS drawing a square. */
function eps() {
  return Buffer.from('%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 72 72\n%%EndComments\n0.2 0.4 0.8 setrgbcolor 10 10 52 52 rectfill\nshowpage\n%%EOF\n', 'latin1');
}

// ---------------------------------------------------------------- fixtures

function images() {
  writeFileSync(w('base.png'), png().bytes);
  run(CONVERT, ['base.png', '-quality', '80', '-strip', 'base.jpg']);
  run(CONVERT, ['base.png', '-strip', '-compress', 'none', 'base.tif']);
  run(CONVERT, ['base.png', '-strip', 'base.gif']);
  run('cwebp', ['-quiet', '-lossless', 'base.png', '-o', 'base.webp']);
  run('heif-enc', ['-q', '50', 'base.jpg', '-o', 'base.heic']);
  run('avifenc', ['--min', '30', '--max', '40', 'base.png', 'base.avif']);

  const xmpSet = (license, extra = {}) => ({
    'XMP-cc:License': license,
    'XMP-dc:Rights': NOTICE,
    'XMP-xmpRights:Marked': 'True',
    'XMP-xmpRights:WebStatement': license,
    'XMP-cc:AttributionName': HOLDER,
    ...extra,
  });
  const tagged = (base, name, tags) => {
    copyFileSync(w(base), o(name));
    exiftool(o(name), tags);
  };
  tagged('base.jpg', 'cc-by-sa.jpg', {
    ...xmpSet(CC('by-sa/4.0'), { 'XMP-xmpRights:UsageTerms': 'This work is licensed under a Creative Commons Attribution-ShareAlike 4.0 International License.' }),
    'EXIF:Copyright': NOTICE,
    'IPTC:CopyrightNotice': NOTICE,
  });
  tagged('base.jpg', 'all-rights-reserved.jpg', { 'EXIF:Copyright': `© ${NOTICE}. All rights reserved.` });
  tagged('base.jpg', 'iptc-prose.jpg', { 'IPTC:CopyrightNotice': `${NOTICE}, licensed under CC BY-NC 4.0` });
  tagged('base.jpg', 'unknown-license.jpg', { 'XMP-cc:License': 'https://example.org/our-own-license', 'XMP-dc:Rights': NOTICE });
  copyFileSync(w('base.jpg'), o('plain.jpg'));
  tagged('base.png', 'ppl.png', { ...xmpSet(PPL), 'PNG:Copyright': NOTICE });
  tagged('base.tif', 'cc0.tif', { 'XMP-cc:License': 'http://creativecommons.org/publicdomain/zero/1.0/', 'EXIF:Copyright': HOLDER });
  tagged('base.webp', 'by-nc-sa.webp', { 'XMP-cc:License': `${CC('by-nc-sa/4.0')}legalcode`, 'EXIF:Copyright': NOTICE });
  tagged('base.gif', 'cnpl.gif', xmpSet(CNPL7));
  tagged('base.heic', 'by.heic', { 'XMP-cc:License': `${CC('by/4.0')}deed.de`, 'XMP-dc:Rights': NOTICE });
  tagged('base.avif', 'by-sa.avif', { 'XMP-cc:License': CC('by-sa/3.0/de'), 'XMP-dc:Rights': NOTICE });

  // PNG text chunks written by hand: a tEXt Copyright and a compressed iTXt XMP packet.
  const { chunk, bytes } = png();
  const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:cc="http://creativecommons.org/ns#" cc:license="http://creativecommons.org/licenses/by-nd/2.5/"/></rdf:RDF></x:xmpmeta>`;
  const itxt = Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\x01\0\0\0', 'latin1'), deflateSync(Buffer.from(xmp))]);
  const iend = bytes.length - 12;
  writeFileSync(o('text-chunks.png'), Buffer.concat([bytes.subarray(0, iend), chunk('tEXt', Buffer.from(`Copyright\0${NOTICE}`, 'latin1')), chunk('iTXt', itxt), bytes.subarray(iend)]));

  // A PNG named .jpg; a JPEG cut inside its XMP; a JPEG whose XMP is not XML.
  copyFileSync(o('ppl.png'), o('png-named.jpg'));
  const full = readFileSync(o('cc-by-sa.jpg'));
  const xmpAt = full.indexOf('http://ns.adobe.com/xap/1.0/');
  writeFileSync(o('truncated.jpg'), full.subarray(0, xmpAt + 200));
  const broken = Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#"><cc:license rdf:resource="https://creativecommons.org/licenses/by/4.0/"/><rdf:Description <<<', 'latin1');
  const seg = Buffer.alloc(4);
  seg.writeUInt16BE(0xffe1, 0);
  seg.writeUInt16BE(broken.length + 2, 2);
  const base = readFileSync(w('base.jpg'));
  writeFileSync(o('malformed-xmp.jpg'), Buffer.concat([base.subarray(0, 2), seg, broken, base.subarray(2)]));

  // An XMP sidecar ExifTool creates from nothing, beside an untagged photo.
  copyFileSync(w('base.jpg'), o('sidecar-photo.jpg'));
  run('exiftool', ['-q', '-o', o('sidecar-photo.jpg.xmp'), `-XMP-cc:License=${CC('by-nc-nd/4.0')}`, `-XMP-dc:Rights=${NOTICE}`, o('sidecar-photo.jpg')]);
}

function documents() {
  writeFileSync(o('by-nd.pdf'), pdf());
  exiftool(o('by-nd.pdf'), { 'XMP-cc:License': 'http://creativecommons.org/licenses/by-nd/3.0/', 'XMP-dc:Rights': NOTICE });
  writeFileSync(w('plain.pdf'), pdf());
  run('qpdf', ['--encrypt', 'user', 'owner', '256', '--', 'plain.pdf', o('encrypted.pdf')]);

  writeFileSync(
    o('inkscape.svg'),
    `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
     xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" width="8" height="8">
  <metadata>
    <rdf:RDF>
      <cc:Work rdf:about="">
        <dc:rights>
          <cc:Agent>
            <dc:title>${NOTICE}</dc:title>
          </cc:Agent>
        </dc:rights>
        <cc:license rdf:resource="http://creativecommons.org/licenses/by-sa/3.0/de/" />
      </cc:Work>
    </rdf:RDF>
  </metadata>
  <rect width="8" height="8" fill="#36c"/>
</svg>
`,
  );
  writeFileSync(o('plain.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>\n');

  // EPUB: mimetype first and stored, then the container and a package document.
  const book = w('book');
  rmSync(book, { recursive: true, force: true });
  mkdirSync(join(book, 'META-INF'), { recursive: true });
  writeFileSync(join(book, 'mimetype'), 'application/epub+zip');
  writeFileSync(join(book, 'META-INF/container.xml'), '<?xml version="1.0"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>\n');
  mkdirSync(join(book, 'OEBPS'));
  writeFileSync(
    join(book, 'OEBPS/content.opf'),
    `<?xml version="1.0"?>\n<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:uuid:0</dc:identifier><dc:title>Zine</dc:title><dc:language>en</dc:language><dc:rights>${NOTICE}. This book is licensed under a Creative Commons Attribution-ShareAlike 4.0 International License.</dc:rights></metadata><manifest><item id="t" href="text.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="t"/></spine></package>\n`,
  );
  writeFileSync(join(book, 'OEBPS/text.xhtml'), '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Zine</title></head><body><p>Hello.</p></body></html>\n');
  rmSync(o('by-sa.epub'), { force: true });
  run('zip', ['-X', '-0', '-q', o('by-sa.epub'), 'mimetype'], { cwd: book });
  run('zip', ['-X', '-9', '-q', '-r', o('by-sa.epub'), 'META-INF', 'OEBPS'], { cwd: book });
}

function audio() {
  writeFileSync(w('tone.wav'), wav().bytes);
  run('lame', ['--quiet', '-m', 'm', '-b', '8', '--resample', '8', 'tone.wav', 'tone.mp3']);
  run('flac', ['--silent', '--no-padding', '-f', 'tone.wav', '-o', 'tone.flac']);
  run('oggenc', ['--quiet', '-q', '-1', 'tone.wav', '-o', 'tone.ogg']);
  run('opusenc', ['--quiet', '--bitrate', '6', 'tone.wav', 'tone.opus']);
  run('ffmpeg', ['-v', 'error', '-y', '-i', 'tone.wav', '-c:a', 'aac', '-b:a', '16k', 'tone.m4a']);
  run('ffmpeg', ['-v', 'error', '-y', '-loop', '1', '-i', 'base.png', '-t', '0.2', '-r', '5', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-vf', 'scale=16:16', 'clip.mp4']);
  run('ffmpeg', ['-v', 'error', '-y', '-i', 'clip.mp4', '-c', 'copy', '-metadata', `copyright=${NOTICE}`, 'clip.mov']);

  for (const f of ['tone.mp3', 'tone.flac', 'tone.ogg', 'tone.opus', 'tone.m4a']) copyFileSync(w(f), w(`t-${f}`));
  copyFileSync(w('tone.mp3'), w('v23.mp3'));
  python(`
import mutagen
from mutagen.id3 import ID3, TCOP, WCOP, USER, TXXX, TIT2
from mutagen.flac import FLAC
from mutagen.oggvorbis import OggVorbis
from mutagen.oggopus import OggOpus
from mutagen.mp4 import MP4, MP4FreeForm
w = ${JSON.stringify(WORK)}
t = ID3()
t.add(TIT2(encoding=3, text='Tone'))
t.add(TCOP(encoding=3, text='${NOTICE}'))
t.add(WCOP(url='${CC('by-sa/4.0')}'))
t.add(USER(encoding=3, lang='eng', text='Licensed under CC BY-SA 4.0'))
t.add(TXXX(encoding=3, desc='LICENSE', text='CC-BY-SA-4.0'))
t.save(w + '/t-tone.mp3', v2_version=4)
t = ID3()
t.add(TCOP(encoding=1, text='2026 J\u00f6ran Artist'))
t.add(WCOP(url='${PPL}'))
t.save(w + '/v23.mp3', v2_version=3)
f = FLAC(w + '/t-tone.flac'); f['LICENSE'] = '${CC('by/4.0')}'; f['COPYRIGHT'] = '${HOLDER}'; f.save()
f = OggVorbis(w + '/t-tone.ogg'); f['LICENSE'] = 'http://creativecommons.org/licenses/by-nc/4.0/'; f['COPYRIGHT'] = '${HOLDER}'; f.save()
f = OggOpus(w + '/t-tone.opus'); f['LICENSE'] = '${PPL}'; f['COPYRIGHT'] = '${HOLDER}'; f.save()
f = MP4(w + '/t-tone.m4a'); f['cprt'] = ['${NOTICE}']; f['----:com.apple.iTunes:LICENSE'] = [MP4FreeForm(b'${CC('by-sa/4.0')}')]; f.save()
`);
  copyFileSync(w('t-tone.mp3'), o('by-sa.mp3'));
  copyFileSync(w('v23.mp3'), o('ppl-v23.mp3'));
  copyFileSync(w('t-tone.flac'), o('by.flac'));
  copyFileSync(w('t-tone.ogg'), o('by-nc.ogg'));
  copyFileSync(w('t-tone.opus'), o('ppl.opus'));
  copyFileSync(w('t-tone.m4a'), o('by-sa.m4a'));
  copyFileSync(w('tone.mp3'), o('plain.mp3'));

  copyFileSync(w('clip.mp4'), o('by.mp4'));
  exiftool(o('by.mp4'), { 'XMP-cc:License': CC('by/4.0'), 'XMP-dc:Rights': NOTICE, 'ItemList:Copyright': NOTICE });
  copyFileSync(w('clip.mov'), o('by-nc.mov'));
  exiftool(o('by-nc.mov'), { 'XMP-cc:License': CC('by-nc/4.0') });

  // WAV: ffmpeg writes LIST/INFO before the audio; the hand-made one puts it after.
  run('ffmpeg', ['-v', 'error', '-y', '-i', 'tone.wav', '-c', 'copy', '-metadata', `copyright=${NOTICE}. All rights reserved.`, o('all-rights-reserved.wav')]);
  const info = Buffer.concat([Buffer.from('INFO'), wav().chunk('ICOP', Buffer.from(`${NOTICE}. License: ${CC('by-sa/4.0')}\0`))]);
  writeFileSync(o('by-sa-trailing-info.wav'), wav([['LIST', info]]).bytes);
}

// Matroska and WebM, tagged by ffmpeg as its users tag them (-metadata license=…): the tags for the whole file,
// and one aimed at a track only. bitexact: no random UIDs, so the files are made again the same.
function matroska() {
  writeFileSync(w('tone.wav'), wav().bytes);
  const ffmpeg = (args, out) => run('ffmpeg', ['-v', 'error', '-y', ...args, '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact', o(out)]);
  const video = ['-f', 'lavfi', '-i', 'testsrc=duration=0.2:size=16x16:rate=5'];
  ffmpeg([...video, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-metadata', `license=${CC('by-sa/4.0')}`, '-metadata', `copyright=${NOTICE}`], 'by-sa.mkv');
  ffmpeg([...video, '-c:v', 'libvpx', '-b:v', '20k', '-metadata', `LICENSE=${PPL}`, '-metadata', `COPYRIGHT=${NOTICE}`], 'ppl.webm');
  ffmpeg(['-i', 'tone.wav', '-c:a', 'flac', '-metadata', `license=${CC('by-nc/4.0')}`, '-metadata', `copyright=${HOLDER}`], 'by-nc.mka');
  ffmpeg(['-i', 'tone.wav', '-c:a', 'flac', '-metadata:s:a:0', 'license=CC0-1.0', '-metadata', `copyright=${HOLDER}`], 'track-license.mka');
}

// AIFF, tagged by ffmpeg: its "(c) " chunk, and (with -write_id3v2 1) an ID3 chunk with TXXX:LICENSE and TCOP.
function aiff() {
  writeFileSync(w('tone.wav'), wav().bytes);
  const ffmpeg = (args, out) => run('ffmpeg', ['-v', 'error', '-y', '-i', 'tone.wav', ...args, '-fflags', '+bitexact', '-flags:a', '+bitexact', o(out)]);
  ffmpeg(['-write_id3v2', '1', '-metadata', `LICENSE=${CC('by/4.0')}`, '-metadata', `copyright=${NOTICE}`], 'by.aiff');
  ffmpeg(['-c:a', 'pcm_f32be', '-metadata', `copyright=${NOTICE}. All rights reserved.`], 'all-rights-reserved.aifc');
}

// Other containers as ffmpeg tags them: MP4 audio with QuickTime keys named as ffmpeg names them when asked to keep
// every -metadata key; an AVI whose INFO list holds the notice (with the license URL in it, as apply writes WAV's).
function containers() {
  writeFileSync(w('tone.wav'), wav().bytes);
  run('ffmpeg', ['-v', 'error', '-y', '-i', 'tone.wav', '-c:a', 'aac', '-b:a', '16k', '-movflags', 'use_metadata_tags', '-metadata', `license=${CC('by/4.0')}`, '-metadata', `copyright=${NOTICE}`, '-fflags', '+bitexact', '-flags:a', '+bitexact', o('keys.m4a')]);
  run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=duration=0.2:size=16x16:rate=5', '-c:v', 'mjpeg', '-metadata', `copyright=${NOTICE}. License: ${CC('by-sa/4.0')}`, '-fflags', '+bitexact', '-flags:v', '+bitexact', o('by-sa.avi')]);
}

function fonts() {
  python(`
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.pens.t2CharStringPen import T2CharStringPen
names = {'familyName': 'Fixture', 'styleName': 'Regular', 'copyright': 'Copyright 2026 The Fixture Project Authors',
         'licenseDescription': 'This Font Software is licensed under the SIL Open Font License, Version 1.1.',
         'licenseInfoURL': 'https://openfontlicense.org/open-font-license-official-text/'}
def build(cff):
    fb = FontBuilder(1000, isTTF=not cff)
    fb.setupGlyphOrder(['.notdef', 'A'])
    fb.setupCharacterMap({65: 'A'})
    if cff:
        pen = T2CharStringPen(600, None); pen.moveTo((0, 0)); pen.lineTo((500, 700)); pen.lineTo((500, 0)); pen.closePath()
        fb.setupCFF('Fixture-Regular', {}, {'.notdef': pen.getCharString(), 'A': pen.getCharString()}, {})
    else:
        pen = TTGlyphPen(None); pen.moveTo((0, 0)); pen.lineTo((500, 700)); pen.lineTo((500, 0)); pen.closePath()
        fb.setupGlyf({'.notdef': pen.glyph(), 'A': pen.glyph()})
    fb.setupHorizontalMetrics({'.notdef': (600, 0), 'A': (600, 0)})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable(names)
    fb.setupOS2(); fb.setupPost()
    return fb.font
out = ${JSON.stringify(OUT)}
build(False).save(out + 'ofl.ttf')
build(True).save(out + 'ofl.otf')
f = build(False); f.flavor = 'woff'; f.save(out + 'ofl.woff')
f = build(False); f.flavor = 'woff2'; f.save(out + 'ofl.woff2')
`);
}

/** Artists' working files: a Photoshop document, an EPS and an Illustrator file (a PDF inside), tagged by ExifTool. */
function adobe() {
  const tags = { 'XMP-cc:License': 'https://creativecommons.org/licenses/by-nc-sa/4.0/', 'XMP-dc:Rights': NOTICE, 'XMP-xmpRights:Marked': 'True' };
  writeFileSync(o('by-nc-sa.psd'), psd());
  exiftool(o('by-nc-sa.psd'), { ...tags, 'IPTC:CopyrightNotice': NOTICE });
  writeFileSync(o('ppl.eps'), eps());
  exiftool(o('ppl.eps'), { 'XMP-cc:License': PPL, 'XMP-dc:Rights': NOTICE });
  writeFileSync(o('by.ai'), pdf());
  exiftool(o('by.ai'), { 'XMP-cc:License': CC('by/4.0'), 'XMP-dc:Rights': NOTICE });
}

// `node scripts/make-media-fixtures.mjs adobe` makes one section's files; with no names, all of them.
const SECTIONS = { images, documents, audio, matroska, aiff, containers, fonts, adobe };
const wanted = process.argv.slice(2);
for (const name of wanted) if (!(name in SECTIONS)) throw new Error(`unknown section ${name}; known: ${Object.keys(SECTIONS).join(', ')}`);
mkdirSync(OUT, { recursive: true });
try {
  for (const [name, make] of Object.entries(SECTIONS)) if (wanted.length === 0 || wanted.includes(name)) make();
} finally {
  rmSync(WORK, { recursive: true, force: true });
}
console.log(`fixtures written to ${OUT}`);
