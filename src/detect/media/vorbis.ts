// Vorbis comments (xiph.org): LICENSE (a URI, per Xiph's LICENSE/COPYRIGHT proposal) and
// COPYRIGHT, in FLAC's VORBIS_COMMENT metadata block and in the comment header packet of an
// Ogg stream (Vorbis, Opus, FLAC, Speex, Theora). Entries are length-prefixed: a large
// picture entry is skipped, not decoded.
import { addField, addIssue, notFullyRead, truncated, type MediaRead } from './fields.js';
import { readId3Header } from './id3.js';
import { decodeUtf8, type ByteSource } from './source.js';

const MAX_ENTRIES = 10_000;
const MAX_BLOCKS = 1024;
const MAX_PAGES = 4096;
const MAX_PACKET = 16 * 1024 * 1024;

/** Reads a comment block: vendor string, entry count, entries ("KEY=value"), all little-endian lengths. */
export function readCommentBlock(b: Buffer, out: MediaRead, cut: boolean): void {
  if (b.length < 8) return;
  let i = 4 + b.readUInt32LE(0);
  if (i + 4 > b.length) return;
  const count = Math.min(b.readUInt32LE(i), MAX_ENTRIES);
  i += 4;
  for (let n = 0; n < count; n++) {
    if (i + 4 > b.length) {
      if (cut) notFullyRead(out, 'part of the Vorbis comments');
      else truncated(out, 'the Vorbis comment block');
      return;
    }
    const length = b.readUInt32LE(i);
    i += 4;
    const eq = b.indexOf(0x3d, i); // '='
    if (eq >= 0 && eq < i + length && eq - i <= 32) {
      const key = b.toString('latin1', i, eq).toUpperCase();
      if (key === 'LICENSE' || key === 'COPYRIGHT') {
        if (i + length > b.length) {
          if (cut) notFullyRead(out, `the Vorbis ${key} comment`);
          else truncated(out, `the Vorbis ${key} comment`);
          return;
        }
        addField(out, `Vorbis:${key}`, decodeUtf8(b.subarray(eq + 1, i + length)), key === 'LICENSE' ? 'license' : 'rights');
      }
    }
    i += length;
  }
}

export interface FlacBlock {
  readonly type: number;
  readonly offset: number;
  readonly length: number;
}

/** FLAC's metadata blocks (after an ID3v2 tag some taggers put first) and where the audio frames begin. */
export function flacBlocks(src: ByteSource): { blocks: FlacBlock[]; audioAt: number; error: string | null } {
  let i = 0;
  const id3 = readId3Header(src.read(0, 10));
  if (id3) i = id3.length;
  if (src.read(i, 4).toString('latin1') !== 'fLaC') return { blocks: [], audioAt: -1, error: 'no FLAC signature' };
  i += 4;
  const blocks: FlacBlock[] = [];
  for (let n = 0; n < MAX_BLOCKS; n++) {
    const h = src.read(i, 4);
    if (h.length < 4) return { blocks, audioAt: -1, error: src.starved ? null : 'the file ends inside the metadata' };
    const length = (h[1]! << 16) | (h[2]! << 8) | h[3]!;
    blocks.push({ type: h[0]! & 0x7f, offset: i, length });
    i += 4 + length;
    if (h[0]! & 0x80) return { blocks, audioAt: i, error: i > src.size ? 'a metadata block runs past the end of the file' : null };
  }
  return { blocks, audioAt: -1, error: 'too many metadata blocks' };
}

export function readFlac(src: ByteSource, out: MediaRead): void {
  const { blocks, error } = flacBlocks(src);
  for (const block of blocks.filter((b) => b.type === 4)) {
    const data = src.read(block.offset + 4, block.length);
    readCommentBlock(data, out, data.length < block.length && src.starved);
  }
  if (error) addIssue(out, 'media-truncated', 'warning', `the FLAC metadata is cut or damaged (${error})`, 'Re-export the file from its source');
}

// ---------------------------------------------------------------- Ogg

export interface OggPage {
  readonly offset: number;
  readonly serial: number;
  readonly headerType: number;
  readonly granule: bigint;
  /** Segment sizes (lacing values). */
  readonly lacing: Buffer;
  readonly dataAt: number;
  readonly dataLength: number;
}

/** Reads the page at `offset`, or null. */
export function oggPage(src: ByteSource, offset: number): OggPage | null {
  const h = src.read(offset, 27);
  if (h.length < 27 || h.toString('latin1', 0, 4) !== 'OggS' || h[4] !== 0) return null;
  const segments = h[26]!;
  const lacing = src.read(offset + 27, segments);
  if (lacing.length < segments) return null;
  let dataLength = 0;
  for (const v of lacing) dataLength += v;
  return { offset, serial: h.readUInt32LE(14), headerType: h[5]!, granule: h.readBigUInt64LE(6), lacing: Buffer.from(lacing), dataAt: offset + 27 + segments, dataLength };
}

/**
 * The first `count` packets of the first logical stream, reassembled across pages. `cut`
 * is true when a packet could not be completed (end of file, read budget, size limit).
 */
export function oggPackets(src: ByteSource, count: number): { packets: Buffer[]; cut: boolean; pagesEnd: number } {
  const packets: Buffer[] = [];
  let parts: Buffer[] = [];
  let partLength = 0;
  let serial: number | null = null;
  let offset = 0;
  for (let n = 0; n < MAX_PAGES && packets.length < count; n++) {
    const page = oggPage(src, offset);
    if (!page) return { packets, cut: true, pagesEnd: offset };
    offset = page.dataAt + page.dataLength;
    if (serial === null) serial = page.serial;
    if (page.serial !== serial) continue; // another logical stream (a video's audio, say)
    let at = page.dataAt;
    let segmentStart = at;
    for (const v of page.lacing) {
      at += v;
      if (v < 255) {
        const piece = src.read(segmentStart, at - segmentStart);
        parts.push(piece);
        partLength += piece.length;
        packets.push(Buffer.concat(parts));
        parts = [];
        partLength = 0;
        segmentStart = at;
        if (packets.length >= count) break;
      }
    }
    if (segmentStart < at && packets.length < count) {
      const piece = src.read(segmentStart, at - segmentStart);
      parts.push(piece);
      partLength += piece.length;
      if (piece.length < at - segmentStart || partLength > MAX_PACKET) return { packets: [...packets, Buffer.concat(parts)], cut: true, pagesEnd: offset };
    }
  }
  return { packets, cut: packets.length < count, pagesEnd: offset };
}

/** The comment packet's magic by codec, from the identification packet. */
function commentOffset(ident: Buffer, comment: Buffer): number | null {
  const magic = (b: Buffer, s: string): boolean => b.toString('latin1', 0, s.length) === s;
  if (magic(ident, '\x01vorbis') && magic(comment, '\x03vorbis')) return 7;
  if (magic(ident, 'OpusHead') && magic(comment, 'OpusTags')) return 8;
  if (magic(ident, '\x80theora') && magic(comment, '\x81theora')) return 7;
  if (magic(ident, 'Speex   ')) return 0;
  // Ogg FLAC: the second packet is a metadata block, its 4-byte header first.
  if (magic(ident, '\x7fFLAC') && (comment[0]! & 0x7f) === 4) return 4;
  return null;
}

export function readOgg(src: ByteSource, out: MediaRead): void {
  const { packets, cut } = oggPackets(src, 2);
  if (packets.length < 2 && !cut) return;
  if (packets.length === 0) {
    truncated(out, 'the first Ogg page');
    return;
  }
  const [ident, comment] = packets as [Buffer, Buffer | undefined];
  if (!comment) {
    if (src.starved) notFullyRead(out, 'the Ogg comment header');
    else truncated(out, 'the Ogg comment header');
    return;
  }
  const at = commentOffset(ident, comment);
  if (at === null) return; // a codec without Vorbis comments
  readCommentBlock(comment.subarray(at), out, cut && src.starved);
}
