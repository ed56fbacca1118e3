// TIFF and EXIF (TIFF 6.0, EXIF 2.3, BigTIFF): the first image file directory (IFD0) holds
// Copyright (33432), the XMP packet (700) and the IPTC record (33723). Used for TIFF files
// and for the EXIF blocks inside JPEG, PNG and WebP.
import { addField, addIssue, notFullyRead, truncated, type MediaRead } from './fields.js';
import { readIptc } from './iptc.js';
import { decodeText, type ByteSource } from './source.js';
import { readPacket } from './xmp.js';

const TAG_COPYRIGHT = 0x8298;
const TAG_XMP = 0x02bc;
const TAG_IPTC = 0x83bb;
/** Bytes per value of each TIFF field type (1 BYTE ... 18 IFD8). */
const TYPE_SIZE = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8];
const MAX_ENTRIES = 4096;
const MAX_VALUE = 1024 * 1024;

export interface TiffEntry {
  readonly tag: number;
  readonly type: number;
  readonly count: number;
  /** Where the value is (inline in the entry, or at the offset it holds), from the TIFF header. */
  readonly valueAt: number;
  readonly byteLength: number;
}

export interface TiffHeader {
  readonly little: boolean;
  readonly big: boolean;
  readonly ifd0: number;
}

export function readTiffHeader(b: Buffer): TiffHeader | null {
  if (b.length < 8) return null;
  const little = b[0] === 0x49 && b[1] === 0x49;
  if (!little && !(b[0] === 0x4d && b[1] === 0x4d)) return null;
  const magic = little ? b.readUInt16LE(2) : b.readUInt16BE(2);
  if (magic === 42) return { little, big: false, ifd0: little ? b.readUInt32LE(4) : b.readUInt32BE(4) };
  if (magic === 43 && b.length >= 16) {
    const offset = little ? b.readBigUInt64LE(8) : b.readBigUInt64BE(8);
    return offset > BigInt(Number.MAX_SAFE_INTEGER) ? null : { little, big: true, ifd0: Number(offset) };
  }
  return null;
}

/**
 * The entries of the IFD at `offset` (relative to the TIFF header at `base` in `src`) and the
 * offset of the next IFD (0 at the end); null when the IFD lies outside what can be read.
 */
export function readIfd(src: ByteSource, base: number, header: TiffHeader, offset: number): { entries: TiffEntry[]; next: number } | null {
  const { little, big } = header;
  const countBytes = src.read(base + offset, big ? 8 : 2);
  if (countBytes.length < (big ? 8 : 2)) return null;
  const count = big ? Number(little ? countBytes.readBigUInt64LE(0) : countBytes.readBigUInt64BE(0)) : little ? countBytes.readUInt16LE(0) : countBytes.readUInt16BE(0);
  if (count > MAX_ENTRIES) return null;
  const size = big ? 20 : 12;
  const table = src.read(base + offset + countBytes.length, count * size + (big ? 8 : 4));
  if (table.length < count * size) return null;
  const u16 = (o: number): number => (little ? table.readUInt16LE(o) : table.readUInt16BE(o));
  const u32 = (o: number): number => (little ? table.readUInt32LE(o) : table.readUInt32BE(o));
  const u64 = (o: number): number => Number(little ? table.readBigUInt64LE(o) : table.readBigUInt64BE(o));
  const entries: TiffEntry[] = [];
  for (let i = 0; i < count; i++) {
    const o = i * size;
    const tag = u16(o);
    const type = u16(o + 2);
    const n = big ? u64(o + 4) : u32(o + 4);
    const byteLength = (TYPE_SIZE[type] ?? 0) * n;
    const inline = byteLength <= (big ? 8 : 4);
    const valueAt = inline ? offset + countBytes.length + o + (big ? 12 : 8) : big ? u64(o + 12) : u32(o + 8);
    entries.push({ tag, type, count: n, valueAt, byteLength });
  }
  const nextAt = count * size;
  const next = table.length >= nextAt + (big ? 8 : 4) ? (big ? u64(nextAt) : u32(nextAt)) : 0;
  return { entries, next };
}

/** Reads the license fields of IFD0: Copyright, and the XMP and IPTC blocks it holds. */
export function readTiff(src: ByteSource, base: number, out: MediaRead, group = 'EXIF'): void {
  const header = readTiffHeader(src.read(base, 16));
  if (!header) {
    addIssue(out, 'media-malformed', 'warning', 'an EXIF/TIFF block has no valid TIFF header');
    return;
  }
  const ifd = readIfd(src, base, header, header.ifd0);
  if (!ifd) {
    truncated(out, 'the first TIFF directory (IFD0)');
    return;
  }
  for (const e of ifd.entries) {
    if (e.tag !== TAG_COPYRIGHT && e.tag !== TAG_XMP && e.tag !== TAG_IPTC) continue;
    if (e.byteLength > MAX_VALUE) {
      addIssue(out, 'media-metadata-too-large', 'note', `TIFF tag ${e.tag} holds ${e.byteLength} bytes; it was not read`);
      continue;
    }
    const value = src.read(base + e.valueAt, e.byteLength);
    if (value.length < e.byteLength) {
      if (src.starved) notFullyRead(out, `TIFF tag ${e.tag}`);
      else truncated(out, `TIFF tag ${e.tag}`);
      continue;
    }
    if (e.tag === TAG_COPYRIGHT) {
      // "Photographer copyright\0Editor copyright": both are notices.
      for (const part of value.toString('latin1').split('\0').filter((p) => p.trim() && p.trim() !== ' '))
        addField(out, `${group}:Copyright`, decodeText(Buffer.from(part, 'latin1')), 'rights');
    } else if (e.tag === TAG_XMP) readPacket(value, out);
    else readIptc(value, out);
  }
}
