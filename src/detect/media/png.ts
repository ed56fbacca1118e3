// PNG (W3C PNG 3rd ed.): text chunks (tEXt Latin-1, zTXt compressed, iTXt UTF-8 and maybe
// compressed) with the keywords "Copyright" and "XML:com.adobe.xmp" (XMP), and eXIf (a TIFF
// block). Text chunks may come after the image data: when the walk of a large file runs out
// of its read budget, the file's tail is searched for them, each one checked by its CRC.
import { crc32, inflateSync } from 'node:zlib';
import { addField, addIssue, notFullyRead, truncated, type MediaRead } from './fields.js';
import { decodeText, sourceOfBytes, type ByteSource } from './source.js';
import { readTiff } from './tiff.js';
import { readPacket, MAX_PACKET_BYTES } from './xmp.js';

const TEXT_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf']);
const MAX_CHUNKS = 100_000;
const MAX_TEXT = MAX_PACKET_BYTES;
const TAIL = 256 * 1024;

export interface PngChunk {
  readonly type: string;
  readonly offset: number;
  readonly length: number;
}

/**
 * The chunks from the signature to IEND; `complete` false when the walk stopped early. With
 * `skipImageData`, the walk stops at image data that lies past the head: the consecutive IDAT
 * chunks of a large image are not walked one by one (what follows them is searched for in
 * the file's tail instead).
 */
export function pngChunks(src: ByteSource, skipImageData = false): { chunks: PngChunk[]; complete: boolean; error: string | null } {
  const chunks: PngChunk[] = [];
  let i = 8;
  for (let n = 0; n < MAX_CHUNKS; n++) {
    if (skipImageData && i >= src.head.length && chunks.at(-1)?.type === 'IDAT') return { chunks, complete: false, error: null };
    const h = src.read(i, 8);
    if (h.length < 8) return { chunks, complete: false, error: src.starved ? null : 'the file ends before IEND' };
    const length = h.readUInt32BE(0);
    const type = h.toString('latin1', 4, 8);
    if (!/^[A-Za-z]{4}$/.test(type) || length > 0x7fffffff) return { chunks, complete: false, error: `no valid chunk at offset ${i}` };
    chunks.push({ type, offset: i, length });
    if (type === 'IEND') return { chunks, complete: true, error: null };
    i += 12 + length;
  }
  return { chunks, complete: false, error: 'too many chunks' };
}

export function readPng(src: ByteSource, out: MediaRead): void {
  const { chunks, complete, error } = pngChunks(src, true);
  for (const c of chunks) {
    if (!TEXT_CHUNKS.has(c.type)) continue;
    if (c.length > MAX_TEXT) {
      addIssue(out, 'media-metadata-too-large', 'note', `a PNG ${c.type} chunk of ${c.length} bytes was not read`);
      continue;
    }
    const data = src.read(c.offset + 8, c.length);
    if (data.length < c.length) {
      if (src.starved) notFullyRead(out, `a PNG ${c.type} chunk`);
      else truncated(out, `the PNG ${c.type} chunk at offset ${c.offset}`);
      continue;
    }
    readChunk(c.type, data, out);
  }
  if (complete) return;
  if (error) {
    addIssue(out, 'media-truncated', 'warning', `the PNG structure is cut or damaged (${error}): chunks after that point were not read`, 'Re-export the file from its source');
    return;
  }
  // A large file: look for text chunks in its tail, after the image data.
  const last = chunks.at(-1);
  const from = Math.max(last ? last.offset + 12 + last.length : 8, src.size - TAIL);
  const tail = src.read(from, src.size - from);
  let found = false;
  for (const type of TEXT_CHUNKS)
    for (let at = tail.indexOf(type, 4, 'latin1'); at >= 4; at = tail.indexOf(type, at + 4, 'latin1')) {
      const length = tail.readUInt32BE(at - 4);
      if (at + 4 + length + 4 > tail.length) continue;
      const data = tail.subarray(at + 4, at + 4 + length);
      if (crc32(tail.subarray(at, at + 4 + length)) !== tail.readUInt32BE(at + 4 + length)) continue;
      readChunk(type, data, out);
      found = true;
    }
  if (!found && chunks.every((c) => c.type !== 'IEND')) notFullyRead(out, 'part of the PNG file');
}

/** Decodes one text or eXIf chunk's data into fields. */
function readChunk(type: string, data: Buffer, out: MediaRead): void {
  if (type === 'eXIf') {
    readTiff(sourceOfBytes(data), 0, out);
    return;
  }
  const nul = data.indexOf(0);
  if (nul < 1 || nul > 79) return; // keywords are 1-79 Latin-1 characters
  const keyword = data.toString('latin1', 0, nul);
  if (keyword !== 'Copyright' && keyword !== 'XML:com.adobe.xmp') return;
  let text: Buffer | null;
  if (type === 'tEXt') text = data.subarray(nul + 1);
  else if (type === 'zTXt') text = inflate(data.subarray(nul + 2), out);
  else {
    // iTXt: keyword\0 flag method language\0 translated keyword\0 text
    const compressed = data[nul + 1] === 1;
    const langEnd = data.indexOf(0, nul + 3);
    const transEnd = langEnd < 0 ? -1 : data.indexOf(0, langEnd + 1);
    if (transEnd < 0) return;
    const body = data.subarray(transEnd + 1);
    text = compressed ? inflate(body, out) : body;
  }
  if (!text) return;
  if (keyword === 'XML:com.adobe.xmp') readPacket(text, out);
  else addField(out, 'PNG:Copyright', type === 'tEXt' || type === 'zTXt' ? text.toString('latin1') : decodeText(text), 'rights');
}

function inflate(data: Buffer, out: MediaRead): Buffer | null {
  try {
    return inflateSync(data, { maxOutputLength: MAX_TEXT });
  } catch {
    addIssue(out, 'media-malformed', 'warning', 'a compressed PNG text chunk could not be decompressed (damaged, or larger than 1 MiB)');
    return null;
  }
}
