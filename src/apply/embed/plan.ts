// What `apply --embed` writes, per format: one consistent set of fields (media.md, "what to
// write"), named as the scan's readers name them, so the same names say what to write and
// what must read back. The license goes in as its URL (and a sentence naming it), never as
// an SPDX tag line: REUSE tools read binaries as text and choke on one inside metadata.
import type { Catalog } from '../../catalog/index.js';
import { urlToExpression } from '../../catalog/names.js';
import type { MediaFormat } from '../../detect/media/formats.js';

export type Writer = 'exiftool' | 'taglib' | 'svg';

export interface PlannedField {
  /** The field as the scan's readers name it (XMP-cc:license, ID3:WCOP, ...). */
  readonly field: string;
  readonly value: string;
}

export interface LicenseFacts {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  /** "This work is licensed under the <name>: <url>". */
  readonly terms: string;
  /** The copyright notices joined, or null when none was given (notice fields are then left alone). */
  readonly notice: string | null;
  /** The first notice without its years: the name to credit. */
  readonly holder: string | null;
}

/**
 * What is written: a format, except that MP4 audio (.m4a, .m4b) takes iTunes' fields, which
 * music players show, where MP4 video takes XMP.
 */
export type Target = MediaFormat | 'm4a';

export function targetOf(path: string, format: MediaFormat): Target {
  return format === 'mp4' && /\.m4[abp]$/i.test(path) ? 'm4a' : format;
}

/** Formats farleft writes, and with what; the rest keep their sidecar (see UNSUPPORTED). */
export const WRITERS: Partial<Readonly<Record<Target, Writer>>> = {
  jpeg: 'exiftool',
  png: 'exiftool',
  tiff: 'exiftool',
  webp: 'exiftool',
  gif: 'exiftool',
  pdf: 'exiftool',
  mp4: 'exiftool',
  m4a: 'taglib',
  mp3: 'taglib',
  flac: 'taglib',
  ogg: 'taglib',
  wav: 'taglib',
  svg: 'svg',
};

/** Why a format is not written (the .license sidecar still declares its license). */
export const UNSUPPORTED: Readonly<Record<string, string>> = {
  heif: 'HEIF/AVIF: the image items cannot yet be checked for unchanged content after a write',
  font: 'fonts: no safe writer for the name table in JavaScript; set the license in the font source (name IDs 13 and 14)',
  epub: 'EPUB: a rewrite must keep the zip layout (mimetype first, stored); edit dc:rights in the package document instead',
  xmp: '.xmp sidecars are written by photo tools; farleft reads them',
  psd: 'Photoshop documents: not written; set the license in File Info (Copyright Status, Copyright Info URL), which farleft reads',
  eps: 'EPS: not written; set the license in the program that made the file, which farleft reads',
  illustrator: 'Illustrator files: not written; set the license in File Info, which farleft reads',
  avi: 'AVI: not written; set its copyright with ffmpeg (-metadata copyright=…), which farleft reads',
  aiff: 'AIFF: not written; tag it with ffmpeg (-write_id3v2 1 -metadata license=…), which farleft reads',
  matroska: 'Matroska/WebM: not written (ExifTool cannot write it); set the tags with mkvpropedit or ffmpeg (-metadata license=…), which farleft reads',
};

/** Extensions of a writable format that are still not written, and why. */
export const UNSUPPORTED_EXTENSIONS: Readonly<Record<string, string>> = {
  dng: 'DNG: the raw image sits in sub-images whose content farleft does not check',
  ...Object.fromEntries(['cr2', 'nef', 'nrw', 'arw', 'pef', 'srw'].map((ext) => [ext, `${ext.toUpperCase()}: a camera's raw file; keep its license in a .xmp sidecar or the .license file`])),
  ogv: 'Ogg video (Theora): not written',
  spx: 'Speex: not written',
  '3gp': '3GP: not written',
  '3g2': '3G2: not written',
};

/** The facts to write for one license, or why it cannot be embedded. */
export function licenseFacts(expression: string, copyright: readonly string[], catalog: Catalog): LicenseFacts | { readonly unsupported: string } {
  const n = catalog.normalize(expression);
  const id = n.valid && n.expression && n.ids.length === 1 && n.expression === n.ids[0] ? n.expression : null;
  if (!id) return { unsupported: `'${expression}' is not a single license: metadata fields hold one license URL, so the .license sidecar declares it` };
  const entry = catalog.get(id);
  if (!entry) return { unsupported: `${id} is not in the catalog` };
  // A URL that reads back as this very license: the deed before the legal code.
  const urls = [...new Set([...entry.urls, entry.url].filter((u): u is string => !!u))].sort((a, b) => Number(/legalcode/.test(a)) - Number(/legalcode/.test(b)));
  const url = urls.find((u) => urlToExpression(u, catalog)?.expression === id);
  if (!url) return { unsupported: `no URL in the catalog names ${id} alone, and a license field must hold its URL` };
  const name = entry.name.replace(/\s+/g, ' ');
  const notice = copyright.length ? copyright.map((c) => c.trim()).filter(Boolean).join('; ') || null : null;
  const holder = notice ? notice.split('; ')[0]!.replace(/^(?:\d{4}(?:\s*[-–,]\s*\d{4})*\s+)/, '').trim() || null : null;
  return { id, name, url, terms: `This work is licensed under the ${name}: ${url}`, notice, holder };
}

/** The fields to write into a file of this format. */
export function planFields(target: Target, l: LicenseFacts): PlannedField[] {
  const f = (field: string, value: string | null): PlannedField[] => (value ? [{ field, value }] : []);
  const xmp = [
    ...f('XMP-cc:license', l.url),
    ...f('XMP-xmpRights:WebStatement', l.url),
    ...f('XMP-xmpRights:UsageTerms', l.terms),
    ...f('XMP-xmpRights:Marked', 'True'),
    ...f('XMP-dc:rights', l.notice),
    ...f('XMP-cc:attributionName', l.holder),
  ];
  switch (target) {
    case 'jpeg':
      // IPTC's Copyright Notice holds 128 bytes; ExifTool would cut a longer one silently.
      return [...xmp, ...f('EXIF:Copyright', l.notice), ...f('IPTC:CopyrightNotice', l.notice && Buffer.byteLength(l.notice) <= 128 ? l.notice : null)];
    case 'png':
      return [...xmp, ...f('PNG:Copyright', l.notice)];
    case 'tiff':
    case 'webp':
      return [...xmp, ...f('EXIF:Copyright', l.notice)];
    case 'gif':
    case 'pdf':
      return xmp;
    case 'mp4':
      return [...xmp, ...f('MP4:cprt', l.notice)];
    case 'm4a':
      return [...f('MP4:iTunes:LICENSE', l.url), ...f('MP4:cprt', l.notice)];
    case 'mp3':
      return [...f('ID3:WCOP', l.url), ...f('ID3:USER', l.terms), ...f('ID3:TCOP', l.notice)];
    case 'flac':
    case 'ogg':
      return [...f('Vorbis:LICENSE', l.url), ...f('Vorbis:COPYRIGHT', l.notice)];
    case 'wav':
      // RIFF INFO has no license field: the copyright notice carries the license URL.
      return f('RIFF:ICOP', l.notice ? `${l.notice.replace(/(?<![.\s])[.\s]+$/, '')}. License: ${l.url}` : `License: ${l.url}`);
    case 'svg':
      return [...f('SVG-cc:license', l.url), ...f('SVG-dc:rights', l.notice)];
    default:
      return [];
  }
}

/**
 * Fields a file may already hold that say the same as a planned one in another place: when
 * present, they are rewritten too, so no stale notice is left (ffmpeg writes MOV copyright
 * into udta ©cpy, where the item list is what farleft writes).
 */
export function refreshFields(target: Target, l: LicenseFacts, present: readonly string[]): PlannedField[] {
  if (target === 'mp4' && l.notice && present.includes('MP4:udta:©cpy')) return [{ field: 'MP4:udta:©cpy', value: l.notice }];
  return [];
}

/** ExifTool's names for the fields farleft writes with it. */
export const EXIFTOOL_TAGS: Readonly<Record<string, string>> = {
  'XMP-cc:license': 'XMP-cc:License',
  'XMP-xmpRights:WebStatement': 'XMP-xmpRights:WebStatement',
  'XMP-xmpRights:UsageTerms': 'XMP-xmpRights:UsageTerms',
  'XMP-xmpRights:Marked': 'XMP-xmpRights:Marked',
  'XMP-dc:rights': 'XMP-dc:Rights',
  'XMP-cc:attributionName': 'XMP-cc:AttributionName',
  'EXIF:Copyright': 'EXIF:Copyright',
  'IPTC:CopyrightNotice': 'IPTC:CopyrightNotice',
  'PNG:Copyright': 'PNG:Copyright',
  'MP4:cprt': 'ItemList:Copyright',
  'MP4:udta:©cpy': 'UserData:Copyright',
};
