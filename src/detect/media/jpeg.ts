// JPEG: metadata lives in the APPn segments before the first scan: APP1 "Exif" (a TIFF
// block), APP1 XMP ("http://ns.adobe.com/xap/1.0/"), APP13 Photoshop/IPTC.
import { addIssue, notFullyRead, truncated, type MediaRead } from './fields.js';
import { readPhotoshopIrb } from './iptc.js';
import { sourceOfBytes, type ByteSource } from './source.js';
import { readTiff } from './tiff.js';
import { readPacket } from './xmp.js';

const EXIF = Buffer.from('Exif\0');
const XMP = Buffer.from('http://ns.adobe.com/xap/1.0/\0');
const MAX_SEGMENTS = 4096;

export interface JpegSegment {
  readonly marker: number;
  /** Offset of the 0xFF of the marker. */
  readonly offset: number;
  /** Offset and length of the payload (after the 2-byte length). */
  readonly dataAt: number;
  readonly dataLength: number;
}

/**
 * The segments from SOI up to and including the first SOS (start of scan); the entropy-coded
 * data follows the SOS. `complete` is false when the walk stopped early.
 */
export function jpegSegments(src: ByteSource): { segments: JpegSegment[]; complete: boolean; error: string | null } {
  const segments: JpegSegment[] = [];
  let i = 2;
  for (let n = 0; n < MAX_SEGMENTS; n++) {
    const h = src.read(i, 4);
    if (h.length < 2) return { segments, complete: false, error: src.starved ? null : 'the file ends before the image data' };
    if (h[0] !== 0xff) return { segments, complete: false, error: `no JPEG marker at offset ${i}` };
    const marker = h[1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9) return { segments, complete: true, error: null }; // EOI: an image without scans
    if (h.length < 4) return { segments, complete: false, error: src.starved ? null : 'the file ends inside a segment header' };
    const length = h.readUInt16BE(2);
    if (length < 2) return { segments, complete: false, error: `a segment at offset ${i} has an invalid length` };
    segments.push({ marker, offset: i, dataAt: i + 4, dataLength: length - 2 });
    if (marker === 0xda) return { segments, complete: true, error: null };
    i += 2 + length;
  }
  return { segments, complete: false, error: 'too many segments' };
}

export function readJpeg(src: ByteSource, out: MediaRead): void {
  const { segments, complete, error } = jpegSegments(src);
  const reported = out.issues.length;
  for (const s of segments) {
    if (s.marker !== 0xe1 && s.marker !== 0xed) continue;
    const data = src.read(s.dataAt, s.dataLength);
    if (data.length < s.dataLength) {
      if (src.starved) notFullyRead(out, 'a JPEG metadata segment');
      else truncated(out, `the JPEG segment at offset ${s.offset}`);
      continue;
    }
    if (s.marker === 0xe1 && data.subarray(0, 5).equals(EXIF)) readTiff(sourceOfBytes(data.subarray(6)), 0, out);
    else if (s.marker === 0xe1 && data.subarray(0, XMP.length).equals(XMP)) readPacket(data.subarray(XMP.length), out);
    else if (s.marker === 0xed) readPhotoshopIrb(data, out);
  }
  if (!complete && out.issues.length === reported) {
    if (error) addIssue(out, 'media-truncated', 'warning', `the JPEG structure is cut or damaged (${error}): metadata after that point was not read`, 'Re-export the file from its source');
    else notFullyRead(out, 'part of the JPEG header');
  }
}
