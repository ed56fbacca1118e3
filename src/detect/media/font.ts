// OpenType/TrueType fonts (and TTC collections, WOFF, WOFF2): the `name` table's records 0
// (copyright notice), 13 (license description) and 14 (license info URL). English Windows
// records are preferred, then Unicode, then Macintosh Roman ones.
import { brotliDecompressSync, inflateSync } from 'node:zlib';
import { addField, addIssue, notFullyRead, truncated, type FieldRole, type MediaRead } from './fields.js';
import { decodeUtf16, type ByteSource } from './source.js';

const MAX_TABLES = 512;
const MAX_NAME_TABLE = 4 * 1024 * 1024;
/** WOFF2 streams are decompressed whole: fonts larger than this are not read. */
const MAX_WOFF2_SFNT = 32 * 1024 * 1024;
const NAME_IDS: ReadonlyMap<number, { readonly field: string; readonly role: FieldRole }> = new Map([
  [0, { field: 'Font:Copyright', role: 'rights' }],
  [13, { field: 'Font:License', role: 'terms' }],
  [14, { field: 'Font:LicenseInfoURL', role: 'license' }],
]);
// WOFF2 §5.1 known table tags, by index.
const WOFF2_TAGS = (
  'cmap head hhea hmtx maxp name OS/2 post cvt  fpgm glyf loca prep CFF  VORG EBDT EBLC gasp hdmx kern LTSH PCLT VDMX vhea vmtx BASE GDEF GPOS GSUB EBSC JSTF MATH CBDT CBLC COLR CPAL SVG  sbix acnt avar bdat bloc bsln cvar fdsc feat fmtx fvar gvar hsty just lcar mort morx opbd prop trak Zapf Silf Glat Gloc Feat Sill'
)
  .match(/.{4}(?: |$)/g)!
  .map((t) => t.slice(0, 4));

export function readFont(src: ByteSource, out: MediaRead): void {
  const tag = src.read(0, 4).toString('latin1');
  let name: Buffer | null;
  if (tag === 'wOFF') name = woffName(src, out);
  else if (tag === 'wOF2') name = woff2Name(src, out);
  else {
    let sfnt = 0;
    if (tag === 'ttcf') sfnt = src.read(12, 4).readUInt32BE(0); // the first font of a collection
    name = sfntName(src, sfnt, out);
  }
  if (name) readNameTable(name, out);
}

function tooLarge(out: MediaRead, length: number): null {
  addIssue(out, 'media-metadata-too-large', 'note', `the font's name table (${length} bytes) was not read`);
  return null;
}

function readTable(src: ByteSource, at: number, length: number, out: MediaRead): Buffer | null {
  if (length > MAX_NAME_TABLE) return tooLarge(out, length);
  const data = src.read(at, length);
  if (data.length < length) {
    if (src.starved) notFullyRead(out, "the font's name table");
    else truncated(out, "the font's name table");
    return null;
  }
  return data;
}

function sfntName(src: ByteSource, at: number, out: MediaRead): Buffer | null {
  const h = src.read(at, 12);
  if (h.length < 12) return null;
  const count = Math.min(h.readUInt16BE(4), MAX_TABLES);
  const dir = src.read(at + 12, count * 16);
  for (let i = 0; i + 16 <= dir.length; i += 16)
    if (dir.toString('latin1', i, i + 4) === 'name') return readTable(src, dir.readUInt32BE(i + 8), dir.readUInt32BE(i + 12), out);
  return null;
}

function woffName(src: ByteSource, out: MediaRead): Buffer | null {
  const h = src.read(0, 44);
  if (h.length < 44) return null;
  const count = Math.min(h.readUInt16BE(12), MAX_TABLES);
  const dir = src.read(44, count * 20);
  for (let i = 0; i + 20 <= dir.length; i += 20) {
    if (dir.toString('latin1', i, i + 4) !== 'name') continue;
    const compressed = dir.readUInt32BE(i + 8);
    const original = dir.readUInt32BE(i + 12);
    const data = readTable(src, dir.readUInt32BE(i + 4), compressed, out);
    if (!data || compressed >= original) return data;
    try {
      return inflateSync(data, { maxOutputLength: MAX_NAME_TABLE });
    } catch {
      addIssue(out, 'media-malformed', 'warning', "the WOFF font's name table could not be decompressed");
      return null;
    }
  }
  return null;
}

/** WOFF2: one Brotli stream holds every table in directory order; `name` is never transformed. */
function woff2Name(src: ByteSource, out: MediaRead): Buffer | null {
  const h = src.read(0, 48);
  if (h.length < 48) return null;
  const count = Math.min(h.readUInt16BE(12), MAX_TABLES);
  const sfntSize = h.readUInt32BE(16);
  const compressedSize = h.readUInt32BE(20);
  const dir = src.read(48, count * 20);
  let i = 0;
  let offset = 0;
  let nameAt = -1;
  let nameLength = 0;
  const base128 = (): number => {
    let v = 0;
    for (let k = 0; k < 5 && i < dir.length; k++) {
      const b = dir[i++]!;
      v = v * 128 + (b & 0x7f);
      if (!(b & 0x80)) return v;
    }
    return -1;
  };
  for (let n = 0; n < count && i < dir.length; n++) {
    const flags = dir[i++]!;
    let tag = WOFF2_TAGS[flags & 0x3f];
    if ((flags & 0x3f) === 0x3f) {
      tag = dir.toString('latin1', i, i + 4);
      i += 4;
    }
    const version = flags >> 6;
    const origLength = base128();
    const transformed = tag === 'glyf' || tag === 'loca' ? version === 0 : version !== 0;
    const length = transformed ? base128() : origLength;
    if (origLength < 0 || length < 0) return null;
    if (tag === 'name') {
      nameAt = offset;
      nameLength = origLength;
    }
    offset += length;
  }
  if (nameAt < 0) return null;
  if (sfntSize > MAX_WOFF2_SFNT) return tooLarge(out, sfntSize);
  const stream = src.read(48 + i, compressedSize);
  if (stream.length < compressedSize) {
    if (src.starved) notFullyRead(out, 'the WOFF2 font data');
    else truncated(out, 'the WOFF2 font data');
    return null;
  }
  try {
    const tables = brotliDecompressSync(stream, { maxOutputLength: Math.max(offset, MAX_WOFF2_SFNT) });
    return tables.subarray(nameAt, nameAt + nameLength);
  } catch {
    addIssue(out, 'media-malformed', 'warning', 'the WOFF2 font data could not be decompressed');
    return null;
  }
}

/** Picks, per name id, the best record and decodes it. */
function readNameTable(t: Buffer, out: MediaRead): void {
  if (t.length < 6) return;
  const count = t.readUInt16BE(2);
  const strings = t.readUInt16BE(4);
  const best = new Map<number, { rank: number; value: Buffer; platform: number }>();
  for (let k = 0; k < count && 6 + k * 12 + 12 <= t.length; k++) {
    const r = 6 + k * 12;
    const platform = t.readUInt16BE(r);
    const encoding = t.readUInt16BE(r + 2);
    const language = t.readUInt16BE(r + 4);
    const id = t.readUInt16BE(r + 6);
    if (!NAME_IDS.has(id)) continue;
    const rank =
      platform === 3 && language === 0x409 ? 0 : platform === 3 ? 1 : platform === 0 ? 2 : platform === 1 && encoding === 0 && language === 0 ? 3 : 4;
    const start = strings + t.readUInt16BE(r + 10);
    const value = t.subarray(start, start + t.readUInt16BE(r + 8));
    const seen = best.get(id);
    if (!seen || rank < seen.rank) best.set(id, { rank, value, platform });
  }
  for (const [id, { value, platform }] of [...best].sort((a, b) => a[0] - b[0])) {
    const { field, role } = NAME_IDS.get(id)!;
    // Windows and Unicode records are UTF-16BE; Macintosh Roman is read as Latin-1 (same for ASCII and ©).
    addField(out, field, platform === 0 || platform === 3 ? decodeUtf16(value, true) : value.toString('latin1'), role);
  }
}
