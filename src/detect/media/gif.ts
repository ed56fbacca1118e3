// GIF89a: XMP sits in an application extension "XMP DataXMP", written raw (the sub-block
// length bytes are part of the packet) and followed by a 258-byte "magic trailer". Blocks
// are walked by their sub-block lengths; in a large animation whose walk runs out of the
// read budget, the tail is searched for the extension instead.
import { addIssue, notFullyRead, type MediaRead } from './fields.js';
import type { ByteSource } from './source.js';
import { MAX_PACKET_BYTES, readPacket, scanPackets } from './xmp.js';

const XMP_APP = Buffer.from('\x21\xff\x0bXMP DataXMP', 'latin1');
const MAX_BLOCKS = 100_000;
const TAIL = 256 * 1024;

export interface GifBlock {
  /** 0x21 extension (with its label), 0x2c image, 0x3b trailer. */
  readonly kind: number;
  readonly label: number;
  readonly offset: number;
  /** Offset just past the block. */
  readonly end: number;
}

/** Offset past a chain of sub-blocks starting at `i`, or -1 when it runs out. */
function skipSubBlocks(src: ByteSource, i: number): number {
  const head = src.head;
  for (let n = 0; n < 1_000_000; n++) {
    const len = i < head.length ? head[i] : src.read(i, 1)[0];
    if (len === undefined) return -1;
    i += 1 + len;
    if (len === 0) return i;
  }
  return -1;
}

/**
 * The blocks after the header. With `skipImageData`, the walk stops at an image that lies
 * past the head: a large animation's frames are not walked sub-block by sub-block.
 */
export function gifBlocks(src: ByteSource, skipImageData = false): { blocks: GifBlock[]; complete: boolean; error: string | null } {
  const blocks: GifBlock[] = [];
  const lsd = src.read(6, 7);
  if (lsd.length < 7) return { blocks, complete: false, error: 'the file ends inside the header' };
  let i = 13 + (lsd[4]! & 0x80 ? 3 * (1 << ((lsd[4]! & 7) + 1)) : 0);
  for (let n = 0; n < MAX_BLOCKS; n++) {
    const h = src.read(i, 2);
    if (h.length < 1) return { blocks, complete: false, error: src.starved ? null : 'the file ends without a trailer' };
    const kind = h[0]!;
    if (skipImageData && kind === 0x2c && i >= src.head.length) return { blocks, complete: false, error: null };
    if (kind === 0x3b) {
      blocks.push({ kind, label: 0, offset: i, end: i + 1 });
      return { blocks, complete: true, error: null };
    }
    let end: number;
    if (kind === 0x21) end = skipSubBlocks(src, i + 2);
    else if (kind === 0x2c) {
      const d = src.read(i, 10);
      if (d.length < 10) return { blocks, complete: false, error: src.starved ? null : 'the file ends inside an image' };
      const lct = d[9]! & 0x80 ? 3 * (1 << ((d[9]! & 7) + 1)) : 0;
      end = skipSubBlocks(src, i + 10 + lct + 1); // + LZW minimum code size
    } else return { blocks, complete: false, error: `an unknown block (0x${kind.toString(16)}) at offset ${i}` };
    if (end < 0) return { blocks, complete: false, error: src.starved ? null : 'the file ends inside a block' };
    blocks.push({ kind, label: kind === 0x21 ? (h[1] ?? 0) : 0, offset: i, end });
    i = end;
  }
  return { blocks, complete: false, error: 'too many blocks' };
}

export function readGif(src: ByteSource, out: MediaRead): void {
  const { blocks, complete, error } = gifBlocks(src, true);
  let found = false;
  for (const b of blocks) {
    if (b.kind !== 0x21 || b.label !== 0xff) continue;
    const head = src.read(b.offset, XMP_APP.length);
    if (!head.equals(XMP_APP)) continue;
    const body = src.read(b.offset + XMP_APP.length, Math.min(b.end - b.offset - XMP_APP.length, MAX_PACKET_BYTES));
    for (const packet of scanPackets(body, out, 1)) readPacket(packet, out);
    found = true;
  }
  if (complete || found) return;
  if (error) {
    addIssue(out, 'media-truncated', 'warning', `the GIF structure is cut or damaged (${error}): blocks after that point were not read`, 'Re-export the file from its source');
    return;
  }
  const from = Math.max(blocks.at(-1)?.end ?? 0, src.size - TAIL);
  const tail = src.read(from, src.size - from);
  const at = tail.indexOf(XMP_APP);
  if (at >= 0) for (const packet of scanPackets(tail.subarray(at), out, 1)) readPacket(packet, out);
  else notFullyRead(out, 'part of the GIF file');
}
