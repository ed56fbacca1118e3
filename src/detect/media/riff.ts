// RIFF containers: WebP ("XMP " and "EXIF" chunks, after the image data), WAV (a LIST
// "INFO" list with ICOP, often after the audio data; an "id3 " chunk; Adobe's "_PMX" XMP) and
// AVI (the same INFO list, which ffmpeg writes for -metadata copyright=…, between the headers
// and the frames: other lists, such as the frames' "movi", are not read); and
// AIFF, RIFF's big-endian elder (EA IFF 85's "FORM": a "(c) " copyright chunk, and the "ID3 "
// chunk ffmpeg writes with -write_id3v2 1). Chunks are walked by their sizes, so the audio or
// image data is skipped, not read. RIFX is RIFF with big-endian sizes (WAV files from old Macs
// and from test suites: scipy's).
import { addField, addIssue, notFullyRead, truncated, type MediaRead } from './fields.js';
import { readId3 } from './id3.js';
import { decodeText, sourceOfBytes, type ByteSource } from './source.js';
import { readTiff } from './tiff.js';
import { MAX_PACKET_BYTES, readPacket } from './xmp.js';

const MAX_CHUNKS = 10_000;

export interface RiffChunk {
  readonly id: string;
  readonly offset: number;
  /** The payload's size as the header states it (RF64 'data' may say 0xFFFFFFFF). */
  readonly size: number;
}

/** The top-level chunks after the 12-byte RIFF header. */
export function riffChunks(src: ByteSource): { chunks: RiffChunk[]; complete: boolean; error: string | null; bigEndian: boolean } {
  const chunks: RiffChunk[] = [];
  const header = src.read(0, 12);
  const form = header.toString('latin1', 0, 4);
  const bigEndian = form === 'RIFX' || form === 'FORM';
  const declared = header.length >= 8 ? sizeAt(header, 4, bigEndian) + 8 : src.size;
  const end = Math.min(src.size, form === 'RIFF' || bigEndian ? declared : src.size);
  let i = 12;
  for (let n = 0; n < MAX_CHUNKS && i + 8 <= end; n++) {
    const h = src.read(i, 8);
    if (h.length < 8) return { chunks, complete: false, error: src.starved ? null : 'the file ends inside a chunk header', bigEndian };
    const id = h.toString('latin1', 0, 4);
    const size = sizeAt(h, 4, bigEndian);
    if (!/^[\x20-\x7e]{4}$/.test(id)) return { chunks, complete: false, error: `no valid chunk at offset ${i}`, bigEndian };
    chunks.push({ id, offset: i, size });
    if (size === 0xffffffff) return { chunks, complete: false, error: null, bigEndian }; // RF64: the real size is in ds64
    i += 8 + size + (size & 1);
  }
  return { chunks, complete: i >= end, error: i > src.size ? 'a chunk runs past the end of the file' : null, bigEndian };
}

function sizeAt(buf: Buffer, at: number, bigEndian: boolean): number {
  return bigEndian ? buf.readUInt32BE(at) : buf.readUInt32LE(at);
}

const WANTED: Readonly<Record<'webp' | 'wav' | 'avi' | 'aiff', ReadonlySet<string>>> = {
  webp: new Set(['XMP ', 'EXIF']),
  wav: new Set(['LIST', 'id3 ', 'ID3 ', '_PMX']),
  avi: new Set(['LIST', '_PMX']),
  aiff: new Set(['(c) ', 'ID3 ', 'id3 ']),
};

export function readRiff(src: ByteSource, out: MediaRead, kind: 'webp' | 'wav' | 'avi' | 'aiff'): void {
  const { chunks, complete, error, bigEndian } = riffChunks(src);
  for (const c of chunks) {
    if (!WANTED[kind].has(c.id)) continue;
    // Only an INFO list holds a notice (a WAV's cue labels, an AVI's headers and frames are lists too).
    if (c.id === 'LIST' && src.read(c.offset + 8, 4).toString('latin1') !== 'INFO') continue;
    if (c.size > MAX_PACKET_BYTES * 4) {
      addIssue(out, 'media-metadata-too-large', 'note', `a ${c.id.trim()} chunk of ${c.size} bytes was not read`);
      continue;
    }
    const data = src.read(c.offset + 8, c.size);
    if (data.length < c.size) {
      if (src.starved) notFullyRead(out, `the ${c.id.trim()} chunk`);
      else truncated(out, `the ${c.id.trim()} chunk at offset ${c.offset}`);
      continue;
    }
    if (c.id === 'XMP ' || c.id === '_PMX') readPacket(data, out);
    else if (c.id === 'EXIF') {
      // Some writers keep JPEG's "Exif\0\0" prefix.
      readTiff(sourceOfBytes(data.subarray(data.toString('latin1', 0, 6) === 'Exif\0\0' ? 6 : 0)), 0, out);
    } else if (c.id === 'LIST') readInfo(data, out, bigEndian);
    else if (c.id === '(c) ') addField(out, 'AIFF:Copyright', decodeText(data), 'rights');
    else readId3(sourceOfBytes(data), 0, out);
  }
  const what = kind === 'aiff' ? 'AIFF' : 'RIFF';
  if (error) addIssue(out, 'media-truncated', 'warning', `the ${what} structure is cut or damaged (${error}): chunks after that point were not read`, 'Re-export the file from its source');
  else if (!complete && src.starved) notFullyRead(out, `part of the ${what} file`);
}

/** LIST/INFO: ICOP holds the copyright notice (RIFF 1991, "Multimedia Programming Interface"). */
function readInfo(list: Buffer, out: MediaRead, bigEndian: boolean): void {
  if (list.toString('latin1', 0, 4) !== 'INFO') return;
  let i = 4;
  while (i + 8 <= list.length) {
    const id = list.toString('latin1', i, i + 4);
    const size = sizeAt(list, i + 4, bigEndian);
    if (id === 'ICOP') addField(out, 'RIFF:ICOP', decodeText(list.subarray(i + 8, i + 8 + size)), 'rights');
    i += 8 + size + (size & 1);
  }
}
