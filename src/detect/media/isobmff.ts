// ISO base media files (MP4, M4A, MOV, 3GP; ISO 14496-12 and QuickTime): the iTunes item
// list moov/udta/meta/ilst ("cprt", "©cpy", "----:com.apple.iTunes:LICENSE", and QuickTime's
// keys such as com.apple.quicktime.copyright, or "license" and "copyright" as ffmpeg's
// -movflags use_metadata_tags names them), the udta "cprt" box, the udta "©cpy" text,
// and XMP in the top-level uuid box (BE7ACFCB-…) or udta "XMP_". Boxes are walked by their
// sizes: the media data is skipped, and a moov at the end of the file is reached by one
// small read per top-level box. HEIF/AVIF keep XMP as an item: their packets are found by
// their markers.
import { addField, addIssue, notFullyRead, truncated, type FieldRole, type MediaRead } from './fields.js';
import { decodeText, decodeUtf16, decodeUtf8, type ByteSource } from './source.js';
import { readPacket, scanHeadAndTail } from './xmp.js';

const XMP_UUID = Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex');
const MAX_BOXES = 10_000;
const MAX_META = 4 * 1024 * 1024;
const CONTAINERS = new Set(['moov', 'udta', 'meta', 'ilst']);

export interface Box {
  readonly type: string;
  readonly offset: number;
  readonly headerLength: number;
  readonly size: number;
}

/** The boxes between `start` and `end`, walked by their sizes; `error` when one is damaged. */
export function boxes(src: ByteSource, start: number, end: number): { boxes: Box[]; error: string | null; cut: boolean } {
  const out: Box[] = [];
  let i = start;
  for (let n = 0; n < MAX_BOXES && i + 8 <= end; n++) {
    const h = src.read(i, 16);
    if (h.length < 8) return { boxes: out, error: src.starved ? null : 'the file ends inside a box header', cut: src.starved };
    let size = h.readUInt32BE(0);
    const type = h.toString('latin1', 4, 8);
    let headerLength = 8;
    if (size === 1) {
      if (h.length < 16) return { boxes: out, error: 'the file ends inside a box header', cut: false };
      const big = h.readBigUInt64BE(8);
      if (big > BigInt(Number.MAX_SAFE_INTEGER)) return { boxes: out, error: `a box at offset ${i} is impossibly large`, cut: false };
      size = Number(big);
      headerLength = 16;
    } else if (size === 0) size = end - i; // to the end of the file
    if (size < headerLength) return { boxes: out, error: `a box at offset ${i} has an invalid size`, cut: false };
    out.push({ type, offset: i, headerLength, size });
    i += size;
  }
  return { boxes: out, error: i > end ? `the ${out.at(-1)?.type ?? ''} box runs past its end` : null, cut: false };
}

export function readIsobmff(src: ByteSource, out: MediaRead, heif: boolean): void {
  if (heif) {
    for (const packet of scanHeadAndTail(src, out)) readPacket(packet, out);
    return;
  }
  const top = boxes(src, 0, src.size);
  for (const box of top.boxes) {
    if (box.type === 'moov') readContainer(src, box, out, 0);
    else if (box.type === 'uuid') {
      const id = src.read(box.offset + box.headerLength, 16);
      if (id.equals(XMP_UUID)) readPayload(src, box, 16, out, (data) => readPacket(data, out));
    } else if (box.type === 'meta') readContainer(src, box, out, 0); // QuickTime keys at top level
  }
  report(top, out, 'the MP4 box structure');
}

function report(r: { error: string | null; cut: boolean }, out: MediaRead, what: string): void {
  if (r.error) addIssue(out, 'media-truncated', 'warning', `${what} is cut or damaged (${r.error}): boxes after that point were not read`, 'Re-export the file from its source');
  else if (r.cut) notFullyRead(out, `part of ${what}`);
}

/** Reads `box`'s payload after `skip` bytes, bounded, and hands it over. */
function readPayload(src: ByteSource, box: Box, skip: number, out: MediaRead, use: (data: Buffer) => void): void {
  const length = box.size - box.headerLength - skip;
  if (length > MAX_META) {
    addIssue(out, 'media-metadata-too-large', 'note', `a ${box.type} box of ${length} bytes was not read`);
    return;
  }
  const data = src.read(box.offset + box.headerLength + skip, length);
  if (data.length < length) {
    if (src.starved) notFullyRead(out, `the ${box.type} box`);
    else truncated(out, `the ${box.type} box`);
    return;
  }
  use(data);
}

function readContainer(src: ByteSource, box: Box, out: MediaRead, depth: number, keys: string[] = []): void {
  if (depth > 6) return;
  let start = box.offset + box.headerLength;
  const end = box.offset + box.size;
  if (box.type === 'meta') {
    // ISO 'meta' is a full box (4 bytes of version and flags); QuickTime's is not.
    const probe = src.read(start, 8);
    if (probe.length === 8 && probe.toString('latin1', 4, 8) !== 'hdlr' && probe.readUInt32BE(0) === 0) start += 4;
  }
  const inner = boxes(src, start, end);
  const localKeys = [...keys];
  for (const child of inner.boxes) {
    if (child.type === 'keys') readPayload(src, child, 0, out, (data) => localKeys.push(...readKeys(data)));
    else if (box.type === 'ilst') readPayload(src, child, 0, out, (data) => readItem(child.type, data, localKeys, out));
    else if (CONTAINERS.has(child.type)) readContainer(src, child, out, depth + 1, localKeys);
    else if (box.type === 'udta' && child.type === 'cprt') readPayload(src, child, 0, out, (data) => readCprt(data, out));
    else if (box.type === 'udta' && child.type === '\xa9cpy') readPayload(src, child, 0, out, (data) => readQuickTimeText(data, out));
    else if (box.type === 'udta' && child.type === 'XMP_') readPayload(src, child, 0, out, (data) => readPacket(data, out));
  }
  report(inner, out, `the ${box.type} box`);
}

/** QuickTime "keys": a full box, a count, then (size, namespace, name) entries; ilst items refer to them by 1-based index. */
function readKeys(data: Buffer): string[] {
  const keys: string[] = [];
  let i = 8;
  while (i + 8 <= data.length && keys.length < 1024) {
    const size = data.readUInt32BE(i);
    if (size < 8) break;
    keys.push(data.toString('utf8', i + 8, i + size));
    i += size;
  }
  return keys;
}

/** An item-list entry: its "data" box (type 1 UTF-8, 2 UTF-16), and for "----" its mean/name. */
function readItem(type: string, data: Buffer, keys: readonly string[], out: MediaRead): void {
  let name = type;
  let field: string | null = null;
  let role: FieldRole = 'rights';
  const values: string[] = [];
  let i = 0;
  let mean = '';
  let itemName = '';
  while (i + 8 <= data.length) {
    const size = data.readUInt32BE(i);
    const t = data.toString('latin1', i + 4, i + 8);
    if (size < 8 || i + size > data.length) break;
    const payload = data.subarray(i + 8, i + size);
    if (t === 'mean') mean = payload.toString('utf8', 4);
    else if (t === 'name') itemName = payload.toString('utf8', 4);
    else if (t === 'data' && payload.length >= 8) {
      const kind = payload.readUInt32BE(0) & 0xffffff;
      const value = payload.subarray(8);
      if (kind === 1) values.push(decodeUtf8(value));
      else if (kind === 2) values.push(decodeUtf16(value, true));
    }
    i += size;
  }
  const index = /^[\0-\x1f]/.test(type) ? Buffer.from(type, 'latin1').readUInt32BE(0) : 0;
  if (index > 0) name = keys[index - 1] ?? type;
  if (name === 'cprt' || name === '\xa9cpy') field = `MP4:${name === 'cprt' ? 'cprt' : '©cpy'}`;
  else if (name === '----' && mean === 'com.apple.iTunes' && itemName.toUpperCase() === 'LICENSE') {
    field = 'MP4:iTunes:LICENSE';
    role = 'license';
  } else if (name === 'com.apple.quicktime.copyright') field = 'MP4:com.apple.quicktime.copyright';
  // ffmpeg's -movflags use_metadata_tags writes each -metadata key under its own name.
  else if (index > 0 && (name === 'license' || name === 'copyright')) {
    field = `MP4:keys:${name}`;
    if (name === 'license') role = 'license';
  }
  if (!field) return;
  for (const v of values) addField(out, field, v, role);
}

/** ISO CopyrightBox: full box, a packed ISO-639 language, a NUL-ended UTF-8 or UTF-16 (with BOM) notice. */
function readCprt(data: Buffer, out: MediaRead): void {
  const text = data.subarray(6);
  const value = text[0] === 0xfe && text[1] === 0xff ? decodeUtf16(text, true) : decodeUtf8(text);
  addField(out, 'MP4:udta:cprt', value, 'rights');
}

/** QuickTime udta text atoms ("©cpy"): one or more (length, language, text) entries. */
function readQuickTimeText(data: Buffer, out: MediaRead): void {
  if (data.length < 4) return;
  const length = data.readUInt16BE(0);
  addField(out, 'MP4:udta:©cpy', decodeText(data.subarray(4, 4 + length)), 'rights');
}
