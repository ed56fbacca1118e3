// IPTC IIM (Information Interchange Model 4.2), as JPEG carries it inside a Photoshop
// image resource block (APP13 "Photoshop 3.0", resource 0x0404), a Photoshop document in its
// image resources, and TIFF in tag 33723. The license-related dataset is 2:116 Copyright
// Notice (at most 128 bytes). A document's resources hold its XMP packet too (0x0424).
import { addField, addIssue, type MediaRead } from './fields.js';
import { decodeText } from './source.js';
import { readPacket } from './xmp.js';

const PHOTOSHOP = Buffer.from('Photoshop 3.0\0');
const RESOURCE_IPTC = 0x0404;
const RESOURCE_XMP = 0x0424;
const MAX_DATASETS = 4096;

/** Reads the IPTC record out of a JPEG APP13 segment's payload. */
export function readPhotoshopIrb(payload: Buffer, out: MediaRead): void {
  if (!payload.subarray(0, PHOTOSHOP.length).equals(PHOTOSHOP)) return;
  readImageResources(payload.subarray(PHOTOSHOP.length), out, 'the APP13 segment');
}

/** Reads the IPTC record and XMP packet among Photoshop image resource blocks ("8BIM", id, name, size, data). */
export function readImageResources(blocks: Buffer, out: MediaRead, where: string): void {
  let i = 0;
  while (i + 12 <= blocks.length) {
    if (blocks.toString('latin1', i, i + 4) !== '8BIM') {
      addIssue(out, 'media-malformed', 'warning', `a Photoshop resource block in ${where} is damaged; the resources after it were not read`);
      return;
    }
    const id = blocks.readUInt16BE(i + 4);
    const nameLength = blocks[i + 6]!;
    // The Pascal-string name (length byte included) is padded to an even size.
    const at = i + 6 + ((nameLength + 2) & ~1);
    if (at + 4 > blocks.length) return;
    const size = blocks.readUInt32BE(at);
    const data = blocks.subarray(at + 4, at + 4 + size);
    if (id === RESOURCE_IPTC) readIptc(data, out);
    else if (id === RESOURCE_XMP) readPacket(data, out);
    i = at + 4 + size + (size & 1);
  }
}

/** Reads 2:116 Copyright Notice from an IIM record stream (1:90 says whether it is UTF-8). */
export function readIptc(data: Buffer, out: MediaRead): void {
  let i = 0;
  let utf8 = false;
  for (let n = 0; n < MAX_DATASETS && i + 5 <= data.length; n++) {
    if (data[i] !== 0x1c) return; // past the records (padding), or damaged
    const record = data[i + 1]!;
    const dataset = data[i + 2]!;
    let size = data.readUInt16BE(i + 3);
    let at = i + 5;
    if (size & 0x8000) {
      // Extended dataset: the low bits count the bytes of the real length that follow.
      const lengthBytes = size & 0x7fff;
      if (lengthBytes > 4 || at + lengthBytes > data.length) return;
      size = 0;
      for (let k = 0; k < lengthBytes; k++) size = size * 256 + data[at + k]!;
      at += lengthBytes;
    }
    const value = data.subarray(at, at + size);
    // 1:90 Coded Character Set: ESC % G is UTF-8.
    if (record === 1 && dataset === 90) utf8 = value.equals(Buffer.from([0x1b, 0x25, 0x47]));
    if (record === 2 && dataset === 116) addField(out, 'IPTC:CopyrightNotice', utf8 ? value.toString('utf8') : decodeText(value), 'rights');
    i = at + size;
  }
}
