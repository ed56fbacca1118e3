// ID3v2 (2.2, 2.3, 2.4): TCOP copyright message, WCOP copyright/legal URL, USER terms of
// use, TXXX "LICENSE". Frames are walked by their sizes (a large cover picture is skipped,
// not read); unsynchronisation and compressed frames are undone.
import { inflateSync } from 'node:zlib';
import { addField, addIssue, notFullyRead, truncated, type FieldRole, type MediaRead } from './fields.js';
import { decodeText, decodeUtf16, decodeUtf8, type ByteSource } from './source.js';

/** Frames read, by their 2.3/2.4 id (2.2's three-letter ids are mapped to these). */
const FRAMES: ReadonlyMap<string, FieldRole> = new Map([
  ['TCOP', 'rights'],
  ['WCOP', 'license'],
  ['USER', 'terms'],
  ['TXXX', 'license'],
]);
const V22: Readonly<Record<string, string>> = { TCR: 'TCOP', WCP: 'WCOP', TXX: 'TXXX' };
const MAX_TAG = 16 * 1024 * 1024;
const MAX_FRAME = 1024 * 1024;
const MAX_FRAMES = 4096;

export interface Id3Header {
  readonly version: number;
  readonly flags: number;
  /** The frames' and padding's length (what the header's size counts). */
  readonly size: number;
  /** The whole tag's length: header, frames, padding (and footer). */
  readonly length: number;
}

export function readId3Header(b: Buffer): Id3Header | null {
  if (b.length < 10 || b.toString('latin1', 0, 3) !== 'ID3') return null;
  const version = b[3]!;
  if (version < 2 || version > 4 || b[4] === 0xff) return null;
  if ((b[6]! | b[7]! | b[8]! | b[9]!) & 0x80) return null; // sizes are syncsafe
  const size = syncsafe(b, 6);
  const footer = version === 4 && b[5]! & 0x10 ? 10 : 0;
  return { version, flags: b[5]!, size, length: 10 + size + footer };
}

function syncsafe(b: Buffer, o: number): number {
  return ((b[o]! & 0x7f) << 21) | ((b[o + 1]! & 0x7f) << 14) | ((b[o + 2]! & 0x7f) << 7) | (b[o + 3]! & 0x7f);
}

/** Reverses unsynchronisation: every 0xFF 0x00 becomes 0xFF. */
function resync(b: Buffer): Buffer {
  if (b.indexOf(Buffer.from([0xff, 0x00])) < 0) return b;
  const out = Buffer.allocUnsafe(b.length);
  let n = 0;
  for (let i = 0; i < b.length; i++) {
    out[n++] = b[i]!;
    if (b[i] === 0xff && b[i + 1] === 0x00) i++;
  }
  return out.subarray(0, n);
}

/** Reads the ID3v2 tag at `offset` (0 in an MP3; a WAV "id3 " chunk's payload). */
export function readId3(src: ByteSource, offset: number, out: MediaRead): void {
  const header = readId3Header(src.read(offset, 10));
  if (!header) return;
  const { version, flags, size } = header;
  if (size > MAX_TAG) {
    addIssue(out, 'media-metadata-too-large', 'note', `an ID3v2 tag of ${size} bytes is larger than ${MAX_TAG} bytes; it was not read`);
    return;
  }
  const wholeUnsync = (flags & 0x80) !== 0 && version < 4;
  // A tag unsynchronised as a whole (2.2, 2.3) must be read whole; otherwise frame by frame.
  let body: ByteSource;
  let base: number;
  if (wholeUnsync) {
    const raw = src.read(offset + 10, size);
    if (raw.length < size) {
      if (src.starved) notFullyRead(out, 'part of the ID3v2 tag');
      else truncated(out, 'the ID3v2 tag');
    }
    const data = resync(raw);
    body = { size: data.length, head: data, starved: false, read: (p, n) => data.subarray(p, p + n) };
    base = 0;
  } else {
    body = src;
    base = offset + 10;
  }
  const end = base + (wholeUnsync ? body.size : size);
  let i = base;
  if (flags & 0x40 && version >= 3) {
    const ext = body.read(i, 4);
    if (ext.length < 4) return;
    i += version === 4 ? syncsafe(ext, 0) : ext.readUInt32BE(0) + 4;
  }
  const idLength = version === 2 ? 3 : 4;
  const headerLength = version === 2 ? 6 : 10;
  for (let n = 0; n < MAX_FRAMES && i + headerLength <= end; n++) {
    const h = body.read(i, headerLength);
    if (h.length < headerLength) {
      if (src.starved) notFullyRead(out, 'part of the ID3v2 tag');
      else truncated(out, 'the ID3v2 tag');
      return;
    }
    if (h[0] === 0) return; // padding
    const rawId = h.toString('latin1', 0, idLength);
    if (!/^[A-Z0-9]+$/.test(rawId)) {
      addIssue(out, 'media-malformed', 'warning', `the ID3v2 tag has a damaged frame at offset ${i}; frames after it were not read`);
      return;
    }
    let frameSize: number;
    if (version === 2) frameSize = (h[3]! << 16) | (h[4]! << 8) | h[5]!;
    else if (version === 3) frameSize = h.readUInt32BE(4);
    else frameSize = (h[4]! | h[5]! | h[6]! | h[7]!) & 0x80 ? h.readUInt32BE(4) : syncsafe(h, 4); // iTunes wrote plain sizes into 2.4 tags
    const formatFlags = version === 2 ? 0 : h[9]!;
    const id = version === 2 ? (V22[rawId] ?? rawId) : rawId;
    const start = i + headerLength;
    i = start + frameSize;
    const role = FRAMES.get(id);
    if (!role) continue;
    if (frameSize > MAX_FRAME) {
      addIssue(out, 'media-metadata-too-large', 'note', `the ID3v2 ${id} frame holds ${frameSize} bytes; it was not read`);
      continue;
    }
    let data = body.read(start, frameSize);
    if (data.length < frameSize) {
      if (src.starved) notFullyRead(out, `the ID3v2 ${id} frame`);
      else truncated(out, `the ID3v2 ${id} frame`);
      return;
    }
    const decoded = unwrapFrame(data, version, formatFlags);
    if (!decoded) {
      addIssue(out, 'media-malformed', 'note', `the ID3v2 ${id} frame is encrypted or damaged; it was not read`);
      continue;
    }
    data = decoded;
    readFrame(id, data, role, out);
  }
}

/** Undoes a frame's grouping byte, data length indicator, unsynchronisation and compression. */
function unwrapFrame(data: Buffer, version: number, flags: number): Buffer | null {
  if (version === 3) {
    if (flags & 0x40) return null; // encrypted
    let d = data;
    if (flags & 0x80) d = d.subarray(4); // decompressed size
    if (flags & 0x20) d = d.subarray(1); // group id
    return flags & 0x80 ? inflate(d) : d;
  }
  if (version === 4) {
    if (flags & 0x04) return null;
    let d = data;
    if (flags & 0x40) d = d.subarray(1);
    if (flags & 0x01) d = d.subarray(4);
    if (flags & 0x02) d = resync(d);
    return flags & 0x08 ? inflate(d) : d;
  }
  return data;
}

function inflate(d: Buffer): Buffer | null {
  try {
    return inflateSync(d, { maxOutputLength: MAX_FRAME });
  } catch {
    return null;
  }
}

function readFrame(id: string, data: Buffer, role: FieldRole, out: MediaRead): void {
  if (id === 'WCOP') {
    addField(out, 'ID3:WCOP', decodeText(data), role);
    return;
  }
  if (data.length < 1) return;
  const encoding = data[0]!;
  const body = data.subarray(1);
  if (id === 'TCOP') addField(out, 'ID3:TCOP', decodeId3Text(body, encoding)[0] ?? '', role);
  else if (id === 'USER') addField(out, 'ID3:USER', decodeId3Text(body.subarray(3), encoding)[0] ?? '', role);
  else if (id === 'TXXX') {
    const [description, ...values] = decodeId3Text(body, encoding, true);
    if (description?.trim().toUpperCase() === 'LICENSE') addField(out, 'ID3:TXXX:LICENSE', values.find((v) => v.trim()) ?? '', role);
  }
}

/** A text frame's strings: split on the encoding's terminator (2.4 allows several values). */
function decodeId3Text(b: Buffer, encoding: number, keepEmpty = false): string[] {
  let parts: string[];
  if (encoding === 1 || encoding === 2) {
    parts = [];
    let start = 0;
    for (let i = 0; i + 1 < b.length; i += 2)
      if (b[i] === 0 && b[i + 1] === 0) {
        parts.push(decodeUtf16(b.subarray(start, i), encoding === 2));
        start = i + 2;
      }
    parts.push(decodeUtf16(b.subarray(start), encoding === 2));
  } else {
    const text = encoding === 3 ? decodeUtf8Keep(b) : b.toString('latin1');
    parts = text.split('\0');
  }
  return keepEmpty ? parts : parts.filter((p) => p.trim() !== '');
}

function decodeUtf8Keep(b: Buffer): string {
  // decodeUtf8 stops at the first NUL; here NULs separate values.
  return b
    .toString('latin1')
    .split('\0')
    .map((p) => decodeUtf8(Buffer.from(p, 'latin1')))
    .join('\0');
}
