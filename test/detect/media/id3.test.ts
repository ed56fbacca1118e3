// ID3v2 variants built byte by byte from the ID3 specifications (2.2, 2.3, 2.4): the
// reader must find TCOP/WCOP however the tag is encoded.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { newRead } from '../../../src/detect/media/fields.js';
import { readId3 } from '../../../src/detect/media/id3.js';
import { detectMedia } from '../../../src/detect/media/index.js';
import { sourceOfBytes } from '../../../src/detect/media/source.js';
import { fileInput, testCatalog } from '../../helpers.js';

const URL = 'https://creativecommons.org/licenses/by-sa/4.0/';
const syncsafe = (n: number): Buffer => Buffer.from([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]);
const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

function tag(version: 2 | 3 | 4, frames: Buffer, flags = 0, footer = false): Buffer {
  const header = Buffer.concat([Buffer.from('ID3'), Buffer.from([version, 0, flags]), syncsafe(frames.length)]);
  const foot = footer ? Buffer.concat([Buffer.from('3DI'), Buffer.from([version, 0, flags]), syncsafe(frames.length)]) : Buffer.alloc(0);
  return Buffer.concat([header, frames, foot]);
}

function frame(version: 3 | 4, id: string, data: Buffer, formatFlags = 0, size = data.length): Buffer {
  return Buffer.concat([Buffer.from(id, 'latin1'), version === 4 ? syncsafe(size) : u32(size), Buffer.from([0, formatFlags]), data]);
}

function frame22(id: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(id, 'latin1'), Buffer.from([(data.length >> 16) & 0xff, (data.length >> 8) & 0xff, data.length & 0xff]), data]);
}

/** ID3 unsynchronisation: a zero byte after every 0xFF. */
function unsync(b: Buffer): Buffer {
  const out: number[] = [];
  for (const x of b) {
    out.push(x);
    if (x === 0xff) out.push(0);
  }
  return Buffer.from(out);
}

const text = (enc: number, s: string): Buffer => Buffer.concat([Buffer.from([enc]), enc === 1 ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]) : Buffer.from(s, enc === 3 ? 'utf8' : 'latin1')]);
const fields = (bytes: Buffer) => {
  const out = newRead();
  readId3(sourceOfBytes(bytes), 0, out);
  return { fields: out.fields.map((f) => [f.name, f.value]), issues: out.issues.map((i) => i.code) };
};
// A copyright sign whose UTF-16 form holds 0xFF: unsynchronisation has work to do.
const NOTICE = '2026 Jöran ÿ Artist';

describe('readId3', () => {
  it.each([
    ['2.2 (three-letter ids)', tag(2, Buffer.concat([frame22('TCR', text(0, NOTICE)), frame22('WCP', Buffer.from(URL))]))],
    ['2.3, UTF-16 with BOM', tag(3, Buffer.concat([frame(3, 'TCOP', text(1, NOTICE)), frame(3, 'WCOP', Buffer.from(URL))]))],
    ['2.3, unsynchronised as a whole', tag(3, unsync(Buffer.concat([frame(3, 'TCOP', text(1, NOTICE)), frame(3, 'WCOP', Buffer.from(URL))])), 0x80)],
    ['2.3, a compressed frame', tag(3, Buffer.concat([frame(3, 'TCOP', Buffer.concat([u32(NOTICE.length + 1), deflateSync(text(0, NOTICE))]), 0x80), frame(3, 'WCOP', Buffer.from(URL))]))],
    ['2.3, an extended header', tag(3, Buffer.concat([u32(6), Buffer.alloc(6), frame(3, 'TCOP', text(0, NOTICE)), frame(3, 'WCOP', Buffer.from(URL))]), 0x40)],
    ['2.4, UTF-8, with a footer', tag(4, Buffer.concat([frame(4, 'TCOP', text(3, NOTICE)), frame(4, 'WCOP', Buffer.from(URL))]), 0x10, true)],
    ['2.4, a frame unsynchronised with a data length indicator', tag(4, Buffer.concat([frame(4, 'TCOP', Buffer.concat([syncsafe(text(1, NOTICE).length), unsync(text(1, NOTICE))]), 0x03), frame(4, 'WCOP', Buffer.from(URL))]))],
    ['2.4, with a grouping byte', tag(4, Buffer.concat([frame(4, 'TCOP', Buffer.concat([Buffer.from([7]), text(3, NOTICE)]), 0x40), frame(4, 'WCOP', Buffer.from(URL))]))],
    ['2.4, iTunes-style plain frame sizes', tag(4, Buffer.concat([Buffer.concat([Buffer.from('TCOP'), u32(200), Buffer.from([0, 0]), text(3, NOTICE), Buffer.alloc(200 - text(3, NOTICE).length)]), frame(4, 'WCOP', Buffer.from(URL))]))],
  ])('%s', (_name, bytes) => {
    expect(fields(bytes)).toEqual({ fields: [['ID3:TCOP', NOTICE], ['ID3:WCOP', URL]], issues: [] });
  });

  it('reads USER and TXXX:LICENSE, several values, and ignores other TXXX', () => {
    const frames = Buffer.concat([
      frame(4, 'USER', Buffer.concat([Buffer.from([3]), Buffer.from('eng'), Buffer.from('Licensed under CC BY-SA 4.0')])),
      frame(4, 'TXXX', Buffer.concat([Buffer.from([3]), Buffer.from('MOOD\0calm')])),
      frame(4, 'TXXX', Buffer.concat([Buffer.from([1, 0xff, 0xfe]), Buffer.from('License\0', 'utf16le'), Buffer.from([0xff, 0xfe]), Buffer.from('PPL', 'utf16le')])),
    ]);
    expect(fields(tag(4, frames)).fields).toEqual([
      ['ID3:USER', 'Licensed under CC BY-SA 4.0'],
      ['ID3:TXXX:LICENSE', 'PPL'],
    ]);
  });

  it('an encrypted frame is skipped with a note; a damaged frame id stops the walk', () => {
    const frames = Buffer.concat([frame(4, 'TCOP', text(3, NOTICE), 0x04), frame(4, 'WCOP', Buffer.from(URL)), Buffer.from('\x01\x02\x03\x04garbage')]);
    expect(fields(tag(4, frames))).toEqual({ fields: [['ID3:WCOP', URL]], issues: ['media-malformed', 'media-malformed'] });
  });

  it('a WAV file with an id3 chunk (as taggers write them) declares its license', () => {
    const id3 = tag(4, frame(4, 'WCOP', Buffer.from(URL)), 0x10, true);
    const chunk = (id: string, data: Buffer) => Buffer.concat([Buffer.from(id), Buffer.from([data.length & 0xff, (data.length >> 8) & 0xff, 0, 0]), data, Buffer.alloc(data.length & 1)]);
    const body = Buffer.concat([Buffer.from('WAVE'), chunk('fmt ', Buffer.alloc(16)), chunk('data', Buffer.alloc(100)), chunk('id3 ', id3)]);
    const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.from([body.length & 0xff, body.length >> 8, 0, 0]), body]);
    expect(detectMedia(fileInput('a.wav', wav), testCatalog()).declarations.map((d) => [d.expression, d.field])).toEqual([['CC-BY-SA-4.0', 'ID3:WCOP']]);
  });
});
