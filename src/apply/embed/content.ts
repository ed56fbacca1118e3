// What must not change when metadata is written: per format, a digest of the bytes that make
// the picture, the sound or the document, walked with the scan's own structure readers (a
// different reader from the writer). Metadata containers (APPn segments, text chunks, tags)
// are left out; everything else is in. PDF is compared as a prefix: an incremental update
// only appends.
import { createHash, type Hash } from 'node:crypto';
import type { MediaFormat } from '../../detect/media/formats.js';
import { gifBlocks } from '../../detect/media/gif.js';
import { readId3Header } from '../../detect/media/id3.js';
import { boxes, type Box } from '../../detect/media/isobmff.js';
import { jpegSegments } from '../../detect/media/jpeg.js';
import { pngChunks } from '../../detect/media/png.js';
import { riffChunks, type RiffChunk } from '../../detect/media/riff.js';
import type { ByteSource } from '../../detect/media/source.js';
import { readIfd, readTiffHeader } from '../../detect/media/tiff.js';
import { flacBlocks, oggPage } from '../../detect/media/vorbis.js';

const CHUNK = 1024 * 1024;
const METADATA_MARKERS = new Set([0xe1, 0xed, 0xfe]); // APP1 (EXIF, XMP), APP13 (IPTC), COM
const PNG_METADATA = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);
const WEBP_METADATA = new Set(['EXIF', 'XMP ', 'VP8X']); // VP8X's canvas size is hashed on its own
// TIFF tags that say how to decode the image data, and where it is.
const TIFF_STRUCTURE = new Set([256, 257, 258, 259, 262, 277, 278, 284, 317, 320, 322, 323, 338, 339]);
const TIFF_DATA: readonly [number, number][] = [
  [273, 279], // StripOffsets, StripByteCounts
  [324, 325], // TileOffsets, TileByteCounts
];

/** A digest of what the file shows or plays, or an error saying why it cannot be computed. */
export type ContentDigest = { readonly digest: string } | { readonly error: string };

export function contentDigest(format: MediaFormat, src: ByteSource): ContentDigest {
  const hash = createHash('sha256');
  const range = (start: number, end: number): void => hashRange(hash, src, start, end);
  const digest = DIGESTS[format];
  const error = digest ? digest(src, hash, range) : `checking the content of a ${format} file is not supported`;
  return error ? { error } : { digest: hash.digest('hex') };
}

/** Whether the first `length` bytes of `after` equal those of `before` (an appended update keeps them). */
export function isPrefix(before: ByteSource, after: ByteSource, length = before.size): boolean {
  if (after.size < length || before.size < length) return false;
  const a = createHash('sha256');
  const b = createHash('sha256');
  hashRange(a, before, 0, length);
  hashRange(b, after, 0, length);
  return a.digest('hex') === b.digest('hex');
}

function hashRange(hash: Hash, src: ByteSource, start: number, end: number): void {
  for (let at = start; at < end; at += CHUNK) hash.update(src.read(at, Math.min(CHUNK, end - at)));
}

type Digest = (src: ByteSource, hash: Hash, range: (start: number, end: number) => void) => string | null;

const DIGESTS: Partial<Record<MediaFormat, Digest>> = {
  jpeg(src, _hash, range) {
    const { segments, complete, error } = jpegSegments(src);
    if (!complete) return `the JPEG structure cannot be walked (${error ?? 'incomplete'})`;
    const sos = segments.at(-1);
    if (!sos || sos.marker !== 0xda) return 'the JPEG has no image data';
    for (const s of segments) if (!METADATA_MARKERS.has(s.marker) && s !== sos) range(s.offset, s.dataAt + s.dataLength);
    range(sos.offset, src.size);
    return null;
  },
  png(src, _hash, range) {
    const { chunks, complete, error } = pngChunks(src);
    if (!complete) return `the PNG structure cannot be walked (${error ?? 'incomplete'})`;
    for (const c of chunks) if (!PNG_METADATA.has(c.type)) range(c.offset + 4, c.offset + 8 + c.length);
    return null;
  },
  webp(src, hash, range) {
    const { chunks, complete, error } = riffChunks(src);
    if (!complete) return `the WebP structure cannot be walked (${error ?? 'incomplete'})`;
    // The canvas size, wherever it is said: a writer adds a VP8X chunk to a simple WebP (one VP8
    // or VP8L chunk, whose frame header is then the canvas) to flag its metadata.
    const canvas = webpCanvas(src, chunks);
    if (!canvas) return 'the WebP canvas size cannot be read';
    hash.update(`canvas:${canvas}:`);
    for (const c of chunks) if (!WEBP_METADATA.has(c.id)) range(c.offset, c.offset + 8 + c.size);
    return null;
  },
  wav(src, _hash, range) {
    const { chunks, complete, error } = riffChunks(src);
    if (!complete) return `the WAV structure cannot be walked (${error ?? 'incomplete'})`;
    const fmt = chunks.find((c) => c.id === 'fmt ');
    const data = chunks.find((c) => c.id === 'data');
    if (!fmt || !data) return 'the WAV file has no fmt or data chunk';
    range(fmt.offset + 8, fmt.offset + 8 + fmt.size);
    range(data.offset + 8, data.offset + 8 + data.size);
    return null;
  },
  gif(src, _hash, range) {
    const { blocks, complete, error } = gifBlocks(src);
    if (!complete) return `the GIF structure cannot be walked (${error ?? 'incomplete'})`;
    // "GIF", then the screen descriptor and global colour table; not the version: a writer must
    // raise GIF87a to GIF89a to add an extension block (the XMP).
    range(0, 3);
    range(6, blocks[0]?.offset ?? src.size);
    for (const b of blocks) {
      const app = b.kind === 0x21 && b.label === 0xff ? src.read(b.offset + 3, 11).toString('latin1') : '';
      if ((b.kind === 0x21 && b.label === 0xfe) || app === 'XMP DataXMP') continue;
      range(b.offset, b.end);
    }
    return null;
  },
  tiff(src, hash) {
    const header = readTiffHeader(src.read(0, 16));
    if (!header) return 'no TIFF header';
    const seen = new Set<number>();
    for (let offset = header.ifd0, n = 0; offset !== 0 && n < 64; n++) {
      if (seen.has(offset)) return 'the TIFF directories loop';
      seen.add(offset);
      const ifd = readIfd(src, 0, header, offset);
      if (!ifd) return 'a TIFF directory cannot be read';
      if (ifd.entries.some((e) => e.tag === 330)) return 'the TIFF has sub-images (SubIFDs), which farleft does not check';
      const value = (tag: number): Buffer | null => {
        const e = ifd.entries.find((x) => x.tag === tag);
        return e ? src.read(e.valueAt, e.byteLength) : null;
      };
      for (const e of ifd.entries) if (TIFF_STRUCTURE.has(e.tag)) hash.update(`${e.tag}:${e.type}:${e.count}:`).update(src.read(e.valueAt, e.byteLength));
      for (const [offsetsTag, countsTag] of TIFF_DATA) {
        const offsets = numbers(ifd.entries.find((e) => e.tag === offsetsTag), value(offsetsTag), header.little);
        const counts = numbers(ifd.entries.find((e) => e.tag === countsTag), value(countsTag), header.little);
        if (offsets.length !== counts.length) return 'the TIFF strip or tile tables do not match';
        offsets.forEach((o, k) => hashRange(hash, src, o, o + counts[k]!));
      }
      offset = ifd.next;
    }
    return null;
  },
  mp4(src, hash, range) {
    const top = boxes(src, 0, src.size);
    if (top.error || top.cut) return `the MP4 box structure cannot be walked (${top.error ?? 'incomplete'})`;
    const mdats = top.boxes.filter((b) => b.type === 'mdat');
    if (mdats.length === 0) return 'the MP4 file has no media data';
    for (const m of mdats) range(m.offset + m.headerLength, m.offset + m.size);
    // Chunk offsets must still point at the same media bytes wherever the writer moved them.
    const moov = top.boxes.find((b) => b.type === 'moov');
    for (const offset of moov ? chunkOffsets(src, moov) : []) hash.update(src.read(offset, 16));
    return null;
  },
  mp3(src, _hash, range) {
    const id3 = readId3Header(src.read(0, 10));
    let start = id3 ? id3.length : 0;
    // Padding some writers leave after the tag is not audio.
    for (let probe = src.read(start, 4096); probe.length && probe.every((b) => b === 0); probe = src.read(start, 4096)) start += probe.length;
    while (src.read(start, 1)[0] === 0) start++;
    let end = src.size;
    if (src.read(end - 128, 3).toString('latin1') === 'TAG') end -= 128;
    const ape = src.read(end - 32, 32);
    if (ape.toString('latin1', 0, 8) === 'APETAGEX') end -= ape.readUInt32LE(12) + (ape.readUInt32LE(20) & 0x80000000 ? 32 : 0);
    if (end <= start) return 'the MP3 file has no audio';
    range(start, end);
    return null;
  },
  flac(src, hash, range) {
    const { blocks, audioAt, error } = flacBlocks(src);
    if (error || audioAt < 0) return `the FLAC structure cannot be walked (${error ?? 'incomplete'})`;
    const info = blocks.find((b) => b.type === 0);
    if (!info) return 'the FLAC file has no STREAMINFO';
    hash.update(src.read(info.offset + 4, info.length));
    range(audioAt, src.size);
    return null;
  },
  ogg(src, hash) {
    // Every packet of every stream but each stream's comment header (its second packet).
    const count = new Map<number, number>();
    let offset = 0;
    let pending: Buffer[] = [];
    for (let n = 0; offset < src.size; n++) {
      const page = oggPage(src, offset);
      if (!page) return `no Ogg page at offset ${offset}`;
      let at = page.dataAt;
      let start = at;
      for (const v of page.lacing) {
        at += v;
        if (v < 255) {
          pending.push(src.read(start, at - start));
          const k = count.get(page.serial) ?? 0;
          count.set(page.serial, k + 1);
          if (k !== 1) hash.update(`${page.serial}:`).update(Buffer.concat(pending));
          pending = [];
          start = at;
        }
      }
      if (start < at) pending.push(src.read(start, at - start));
      offset = page.dataAt + page.dataLength;
    }
    return null;
  },
};

/** Width x height of a WebP's canvas: VP8X's, else the image chunk's frame header (a simple WebP). */
function webpCanvas(src: ByteSource, chunks: readonly RiffChunk[]): string | null {
  const c = chunks.find((x) => x.id === 'VP8X') ?? chunks.find((x) => x.id === 'VP8 ' || x.id === 'VP8L');
  if (!c) return null;
  const d = src.read(c.offset + 8, 10);
  if (c.id === 'VP8X' && d.length >= 10) return `${d.readUIntLE(4, 3) + 1}x${d.readUIntLE(7, 3) + 1}`;
  // VP8: frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height (RFC 6386 §9.1).
  if (c.id === 'VP8 ' && d.length >= 10 && d[3] === 0x9d && d[4] === 0x01 && d[5] === 0x2a) return `${d.readUInt16LE(6) & 0x3fff}x${d.readUInt16LE(8) & 0x3fff}`;
  // VP8L: signature 0x2f, then width - 1 and height - 1 in 14 bits each (RFC 9649 §3.2).
  if (c.id === 'VP8L' && d.length >= 5 && d[0] === 0x2f) {
    const bits = d.readUInt32LE(1);
    return `${(bits & 0x3fff) + 1}x${((bits >>> 14) & 0x3fff) + 1}`;
  }
  return null;
}

/** TIFF SHORT/LONG/LONG8 arrays. */
function numbers(entry: { type: number; count: number } | undefined, bytes: Buffer | null, little: boolean): number[] {
  if (!entry || !bytes) return [];
  const size = entry.type === 3 ? 2 : entry.type === 16 ? 8 : 4;
  const out: number[] = [];
  for (let i = 0; i + size <= bytes.length && out.length < entry.count; i += size)
    out.push(size === 2 ? (little ? bytes.readUInt16LE(i) : bytes.readUInt16BE(i)) : size === 4 ? (little ? bytes.readUInt32LE(i) : bytes.readUInt32BE(i)) : Number(little ? bytes.readBigUInt64LE(i) : bytes.readBigUInt64BE(i)));
  return out;
}

/** The stco/co64 chunk offsets of every track. */
function chunkOffsets(src: ByteSource, moov: Box): number[] {
  const out: number[] = [];
  const walk = (box: Box, depth: number): void => {
    if (depth > 8) return;
    for (const child of boxes(src, box.offset + box.headerLength, box.offset + box.size).boxes) {
      if (['trak', 'mdia', 'minf', 'stbl'].includes(child.type)) walk(child, depth + 1);
      else if (child.type === 'stco' || child.type === 'co64') {
        const data = src.read(child.offset + child.headerLength, child.size - child.headerLength);
        const n = Math.min(data.length >= 8 ? data.readUInt32BE(4) : 0, 1_000_000);
        const width = child.type === 'stco' ? 4 : 8;
        for (let i = 0; i < n && 8 + (i + 1) * width <= data.length; i++)
          out.push(width === 4 ? data.readUInt32BE(8 + i * 4) : Number(data.readBigUInt64BE(8 + i * 8)));
      }
    }
  };
  walk(moov, 0);
  return out;
}
