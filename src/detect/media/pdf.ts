// PDF: the document's XMP is the stream the catalog's /Metadata names (ISO 32000 §14.3.2).
// The last trailer's /Root leads to the catalog, whose latest version (incremental updates
// append new ones) leads to the metadata stream. When that chain is not in the bytes read
// (a compressed object stream, a gap between head and tail), the last XMP packet in the
// file stands in for it: an update is appended, so the last packet is the newest.
import { inflateSync } from 'node:zlib';
import { addIssue, type MediaRead } from './fields.js';
import type { ByteSource } from './source.js';
import { MAX_PACKET_BYTES, readPacket, scanPackets } from './xmp.js';

const TAIL = 1024 * 1024;

interface Window {
  readonly bytes: Buffer;
}

export function readPdf(src: ByteSource, out: MediaRead): void {
  const windows: Window[] = [{ bytes: src.head }];
  if (src.size > src.head.length) {
    const start = Math.max(src.head.length, src.size - TAIL);
    windows.push({ bytes: src.read(start, src.size - start) });
  }
  const stream = metadataStream(windows);
  const scratch = { fields: [], issues: [] } as MediaRead;
  const packets = stream ? scanPackets(stream, scratch, 1) : [];
  if (packets.length === 0) {
    // Newest last: the tail's packets, else the head's.
    for (const w of [...windows].reverse()) {
      const found = scanPackets(w.bytes, scratch);
      if (found.length) {
        packets.push(found.at(-1)!);
        break;
      }
    }
  }
  for (const p of packets) readPacket(p, out);
  if (packets.length === 0 && /\/Encrypt\b/.test(windows.at(-1)!.bytes.toString('latin1', Math.max(0, windows.at(-1)!.bytes.length - 4096))))
    addIssue(out, 'media-encrypted', 'note', 'the PDF is encrypted; its metadata could not be read');
}

/** The catalog's metadata stream, decompressed when it is Flate-encoded; null when it cannot be found. */
function metadataStream(windows: readonly Window[]): Buffer | null {
  const root = lastRef(windows, '/Root');
  if (!root) return null;
  const catalog = objectBody(windows, root);
  if (!catalog) return null;
  const meta = /\/Metadata\s+(\d+)\s+(\d+)\s+R/.exec(catalog.toString('latin1', 0, Math.min(catalog.length, 64 * 1024)));
  if (!meta) return null;
  const body = objectBody(windows, `${meta[1]} ${meta[2]}`);
  if (!body) return null;
  const text = body.toString('latin1', 0, Math.min(body.length, 4096));
  const s = /stream\r?\n/.exec(text);
  if (!s) return null;
  const dict = text.slice(0, s.index);
  const start = s.index + s[0].length;
  const end = body.indexOf('endstream', start, 'latin1');
  const data = body.subarray(start, end < 0 ? body.length : end);
  if (/\/Filter\s*\/FlateDecode/.test(dict) || /\/Filter\s*\[\s*\/FlateDecode\s*\]/.test(dict)) {
    try {
      return inflateSync(data, { maxOutputLength: MAX_PACKET_BYTES });
    } catch {
      return null;
    }
  }
  return /\/Filter/.test(dict) ? null : data;
}

/** "N G" of the last `/Key N G R` in the windows, the tail first. */
function lastRef(windows: readonly Window[], key: string): string | null {
  for (const w of [...windows].reverse()) {
    const at = w.bytes.lastIndexOf(key);
    if (at < 0) continue;
    const m = /^\s*(\d+)\s+(\d+)\s+R/.exec(w.bytes.toString('latin1', at + key.length, at + key.length + 32));
    if (m) return `${m[1]} ${m[2]}`;
  }
  return null;
}

/** The bytes of the last definition of object "N G" (up to its endobj), tail first. */
function objectBody(windows: readonly Window[], ref: string): Buffer | null {
  const marker = `${ref} obj`;
  for (const w of [...windows].reverse()) {
    let from = w.bytes.length;
    for (let tries = 0; tries < 16; tries++) {
      const at = w.bytes.lastIndexOf(marker, from);
      if (at < 0) break;
      const before = at > 0 ? w.bytes[at - 1]! : 0x0a;
      // "12 0 obj" must not be the end of "112 0 obj".
      if (before < 0x30 || before > 0x39) {
        const start = at + marker.length;
        const end = w.bytes.indexOf('endobj', start, 'latin1');
        return w.bytes.subarray(start, end < 0 ? Math.min(w.bytes.length, start + MAX_PACKET_BYTES) : end);
      }
      from = at - 1;
      if (from < 0) break;
    }
  }
  return null;
}
