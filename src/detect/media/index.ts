// License metadata embedded in media files: images, audio, video, PDF, EPUB, fonts, and
// `.xmp` sidecars. The extension picks a format from the table in formats.ts; the first
// bytes confirm it (a file whose name lies is read for what it is, with a warning); one
// reader per format family pulls out the license fields, and license.ts reads them as
// SPDX. Pure and synchronous: no library, no process, reads bounded by FileInput.
import type { Catalog } from '../../catalog/index.js';
import type { Problem } from '../../types.js';
import { detection, EMPTY_DETECTION, type Detection, type Detector, type FileInput } from '../types.js';
import { readEpub } from './epub.js';
import { newRead, type MediaRead } from './fields.js';
import { readFont } from './font.js';
import { aFormat, formatOfPath, isTextFormat, sniffFormat, usualName, type MediaFormat } from './formats.js';
import { readGif } from './gif.js';
import { readId3 } from './id3.js';
import { readIsobmff } from './isobmff.js';
import { readJpeg } from './jpeg.js';
import { readMatroska } from './matroska.js';
import { fieldsToDetection, type TextReader } from './license.js';
import { readPdf } from './pdf.js';
import { readPng } from './png.js';
import { readPsd } from './psd.js';
import { readRiff } from './riff.js';
import { decodeText, sourceOfInput, type ByteSource } from './source.js';
import { readSvg, readXmpSidecar } from './svg.js';
import { readTiff } from './tiff.js';
import { readFlac, readOgg } from './vorbis.js';
import { readPacket, scanHeadAndTail } from './xmp.js';

type Reader = (src: ByteSource, out: MediaRead, text: () => string) => void;

/** One reader per format. */
const READERS: Readonly<Record<MediaFormat, Reader>> = {
  jpeg: (src, out) => readJpeg(src, out),
  png: (src, out) => readPng(src, out),
  tiff: (src, out) => readTiff(src, 0, out),
  webp: (src, out) => readRiff(src, out, 'webp'),
  wav: (src, out) => readRiff(src, out, 'wav'),
  avi: (src, out) => readRiff(src, out, 'avi'),
  aiff: (src, out) => readRiff(src, out, 'aiff'),
  matroska: (src, out) => readMatroska(src, out),
  gif: (src, out) => readGif(src, out),
  heif: (src, out) => readIsobmff(src, out, true),
  mp4: (src, out) => readIsobmff(src, out, false),
  pdf: (src, out) => readPdf(src, out),
  mp3: (src, out) => readId3(src, 0, out),
  flac: (src, out) => readFlac(src, out),
  ogg: (src, out) => readOgg(src, out),
  epub: (src, out) => readEpub(src, out),
  font: (src, out) => readFont(src, out),
  psd: (src, out) => readPsd(src, out),
  // PostScript whose structure farleft does not walk: the XMP packets Adobe's programs write in its head (or tail).
  eps: (src, out) => readPackets(src, out),
  // An Illustrator file is a PDF (with the XMP of its metadata stream) or, from older versions, PostScript.
  illustrator: (src, out) => (sniffFormat(src.head) === 'pdf' ? readPdf(src, out) : readPackets(src, out)),
  svg: (_src, out, text) => readSvg(text(), out),
  xmp: (_src, out, text) => readXmpSidecar(text(), out),
};

export const detector: Detector = {
  name: 'media',
  // lint --reuse reads what reuse-tool reads: no metadata (DetectOptions.asReuse).
  accepts: (path, _kind, ctx) => ctx?.options.asReuse !== true && formatOfPath(path) !== null,
  detect: (file, ctx) => detectMedia(file, ctx.catalog, (text) => ctx.matcher().match(text, { minConfidence: ctx.options.minConfidence })),
};

/** `texts` names the license texts a field may hold (TextReader); without it such a field is read as prose. */
export function detectMedia(file: FileInput, catalog: Catalog, texts?: TextReader): Detection {
  if (file.size === 0) return EMPTY_DETECTION;
  const src = sourceOfInput(file);
  const text = (): string => (file.kind === 'text' ? file.text : decodeText(file.bytes));
  const { format, read } = readMedia(file.path, src, text);
  if (!format) return detection([], [], toProblems(file.path, read));
  const found = fieldsToDetection(file.path, read.fields, catalog, texts);
  return detection(found.declarations, found.copyrights, [...toProblems(file.path, read), ...found.problems]);
}

/**
 * Reads the license fields of one media file: picks the format by extension, checks it
 * against the file's first bytes, and runs that format's reader. Shared by the scan and
 * by apply's read-back verification.
 */
export function readMedia(path: string, src: ByteSource, text: () => string): { format: MediaFormat | null; read: MediaRead } {
  const read = newRead();
  const named = formatOfPath(path);
  const sniffed = sniffFormat(src.head);
  let format: MediaFormat | null = named;
  if (named && sniffed && sniffed !== named && !sameFamily(named, sniffed)) {
    read.issues.push({
      code: 'media-type-mismatch',
      severity: 'warning',
      message: `the file is ${aFormat(sniffed)}, not ${aFormat(named)} as its name says; it was read as ${aFormat(sniffed)}`,
      suggestion: `Rename it to ${usualName(path, sniffed)}: programs pick how to open a file by its extension`,
    });
    format = sniffed;
  } else if (named && !sniffed && !isTextFormat(named) && !lenient(named, src.head)) {
    read.issues.push({
      code: 'media-unrecognized',
      severity: 'warning',
      message: `the file does not look like ${aFormat(named)}: its first bytes match no format farleft reads`,
      suggestion: 'Check that the file is not damaged or misnamed',
    });
    return { format: null, read };
  }
  if (format) READERS[format](src, read, text);
  return { format, read };
}

/** HEIF and MP4 share one container and brands overlap: either reader handles the other's files. An Illustrator file is a PDF or an EPS. */
function sameFamily(a: MediaFormat, b: MediaFormat): boolean {
  return ((a === 'heif' || a === 'mp4') && (b === 'heif' || b === 'mp4')) || (a === 'illustrator' && (b === 'pdf' || b === 'eps'));
}

function readPackets(src: ByteSource, out: MediaRead): void {
  for (const packet of scanHeadAndTail(src, out)) readPacket(packet, out);
}

/** Formats whose files may start without their magic: an MP3 without an ID3 tag; an EPUB zip packed out of order. */
function lenient(format: MediaFormat, head: Buffer): boolean {
  if (format === 'mp3') return true;
  return format === 'epub' && head.toString('latin1', 0, 4) === 'PK\x03\x04';
}

function toProblems(path: string, read: MediaRead): Problem[] {
  return read.issues.map((i) => ({ code: i.code, severity: i.severity, file: path, line: null, message: i.message, suggestion: i.suggestion ?? null }));
}
