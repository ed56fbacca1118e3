// Which reader reads which file: one table from extension to format, and the magic bytes
// each format starts with, so a file whose name lies (a PNG named .jpg) is read for what it is.

export type MediaFormat =
  | 'jpeg'
  | 'png'
  | 'tiff'
  | 'webp'
  | 'gif'
  | 'heif'
  | 'pdf'
  | 'svg'
  | 'mp4'
  | 'mp3'
  | 'flac'
  | 'ogg'
  | 'wav'
  | 'avi'
  | 'aiff'
  | 'matroska'
  | 'epub'
  | 'font'
  | 'psd'
  | 'eps'
  | 'illustrator'
  | 'xmp';

/** Human names, for messages. */
export const FORMAT_NAMES: Readonly<Record<MediaFormat, string>> = {
  jpeg: 'JPEG image',
  png: 'PNG image',
  tiff: 'TIFF image',
  webp: 'WebP image',
  gif: 'GIF image',
  heif: 'HEIF/AVIF image',
  pdf: 'PDF document',
  svg: 'SVG image',
  mp4: 'MP4/QuickTime file',
  mp3: 'MP3 audio file',
  flac: 'FLAC audio file',
  ogg: 'Ogg file',
  wav: 'WAV audio file',
  avi: 'AVI video file',
  aiff: 'AIFF audio file',
  matroska: 'Matroska/WebM file',
  epub: 'EPUB book',
  font: 'font',
  psd: 'Photoshop document',
  eps: 'EPS file',
  illustrator: 'Illustrator file',
  xmp: 'XMP sidecar',
};

/** Names said with a vowel first ("an Ogg file", "an MP3 audio file"). */
const SAID_WITH_VOWEL: ReadonlySet<MediaFormat> = new Set(['ogg', 'mp3', 'mp4', 'epub', 'xmp', 'svg', 'eps', 'illustrator', 'aiff', 'avi']);

/** The human name with its article, for messages: "a PNG image", "an MP3 audio file". */
export function aFormat(format: MediaFormat): string {
  return `${SAID_WITH_VOWEL.has(format) ? 'an' : 'a'} ${FORMAT_NAMES[format]}`;
}

/** The usual extension of each format, for a rename suggestion. */
const USUAL_EXTENSION: Readonly<Record<MediaFormat, string>> = {
  jpeg: 'jpg', png: 'png', tiff: 'tif', webp: 'webp', gif: 'gif', heif: 'heic', pdf: 'pdf', svg: 'svg', mp4: 'mp4',
  mp3: 'mp3', flac: 'flac', ogg: 'ogg', wav: 'wav', avi: 'avi', aiff: 'aiff', matroska: 'mkv', epub: 'epub', font: 'ttf', psd: 'psd', eps: 'eps', illustrator: 'ai', xmp: 'xmp',
};

const EXTENSIONS: ReadonlyMap<string, MediaFormat> = new Map(
  (
    [
      ['jpeg', ['jpg', 'jpeg', 'jpe', 'jfif']],
      ['png', ['png']],
      // Camera raw files that are TIFF inside (Canon's CR2, Nikon's NEF and NRW, Sony's ARW, Pentax's PEF, Samsung's SRW).
      ['tiff', ['tif', 'tiff', 'dng', 'cr2', 'nef', 'nrw', 'arw', 'pef', 'srw']],
      ['webp', ['webp']],
      ['gif', ['gif']],
      ['heif', ['heic', 'heif', 'avif', 'hif']],
      ['pdf', ['pdf']],
      ['svg', ['svg']],
      ['mp4', ['mp4', 'm4a', 'm4v', 'm4b', 'm4p', 'mov', 'qt', '3gp', '3g2']],
      ['mp3', ['mp3']],
      ['flac', ['flac']],
      ['ogg', ['ogg', 'oga', 'ogv', 'opus', 'spx']],
      ['wav', ['wav', 'wave']],
      ['avi', ['avi']],
      ['aiff', ['aif', 'aiff', 'aifc']],
      ['matroska', ['mkv', 'mka', 'mk3d', 'webm']],
      ['epub', ['epub']],
      ['font', ['ttf', 'otf', 'ttc', 'otc', 'woff', 'woff2']],
      ['psd', ['psd', 'psb']],
      ['eps', ['eps', 'epsf', 'epsi']],
      ['illustrator', ['ai']],
      ['xmp', ['xmp']],
    ] as const
  ).flatMap(([format, exts]) => exts.map((e) => [e, format] as const)),
);

/** The format a path's extension names, or null (cheap: called for every file of a scan). */
export function formatOfPath(path: string): MediaFormat | null {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < path.lastIndexOf('/')) return null;
  const ext = path.slice(dot + 1);
  return EXTENSIONS.get(ext) ?? EXTENSIONS.get(ext.toLowerCase()) ?? null;
}

export function usualName(path: string, format: MediaFormat): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.${USUAL_EXTENSION[format]}`;
}

function ascii(b: Uint8Array, offset: number, text: string): boolean {
  if (b.length < offset + text.length) return false;
  for (let i = 0; i < text.length; i++) if (b[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'avif', 'avis', 'mif2']);
const QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/**
 * The format a file's first bytes show, or null when they match no binary format this
 * module reads (text formats, SVG and XMP, have no magic of their own).
 */
export function sniffFormat(head: Uint8Array): MediaFormat | null {
  const b = head;
  if (b.length < 4) return null;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (ascii(b, 0, '\x89PNG\r\n\x1a\n')) return 'png';
  if (ascii(b, 0, 'II*\0') || ascii(b, 0, 'MM\0*') || ascii(b, 0, 'II+\0') || ascii(b, 0, 'MM\0+')) return 'tiff';
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return 'gif';
  if (ascii(b, 0, 'RIFF') || ascii(b, 0, 'RF64') || ascii(b, 0, 'BW64') || ascii(b, 0, 'RIFX')) {
    if (ascii(b, 8, 'WEBP')) return 'webp';
    if (ascii(b, 8, 'WAVE')) return 'wav';
    if (ascii(b, 8, 'AVI ')) return 'avi';
    return null;
  }
  if (ascii(b, 0, 'FORM') && (ascii(b, 8, 'AIFF') || ascii(b, 8, 'AIFC'))) return 'aiff';
  if (ascii(b, 4, 'ftyp')) return HEIF_BRANDS.has(Buffer.from(b.subarray(8, 12)).toString('latin1')) ? 'heif' : 'mp4';
  if (b.length >= 8 && QUICKTIME_ATOMS.has(Buffer.from(b.subarray(4, 8)).toString('latin1'))) return 'mp4';
  if (ascii(b, 0, '%PDF-')) return 'pdf';
  if (ascii(b, 0, '8BPS')) return 'psd';
  // PostScript's own header, or the binary header of a DOS EPS (a preview beside the PostScript).
  if (ascii(b, 0, '%!PS-Adobe') || (b[0] === 0xc5 && b[1] === 0xd0 && b[2] === 0xd3 && b[3] === 0xc6)) return 'eps';
  if (ascii(b, 0, 'fLaC')) return 'flac';
  if (ascii(b, 0, 'OggS')) return 'ogg';
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return 'matroska'; // EBML
  if (ascii(b, 0, 'ID3') && b.length >= 10) {
    const size = ((b[6]! & 0x7f) << 21) | ((b[7]! & 0x7f) << 14) | ((b[8]! & 0x7f) << 7) | (b[9]! & 0x7f);
    return ascii(b, 10 + size, 'fLaC') ? 'flac' : 'mp3';
  }
  if (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0 && (b[1]! & 0x06) !== 0) return 'mp3';
  // An EPUB is a zip whose first entry is its media type, stored (OCF 3.0 §4.3).
  if (ascii(b, 0, 'PK\x03\x04') && ascii(b, 30, 'mimetype') && ascii(b, 38, 'application/epub+zip')) return 'epub';
  if (ascii(b, 0, '\0\x01\0\0') || ascii(b, 0, 'OTTO') || ascii(b, 0, 'true') || ascii(b, 0, 'typ1') || ascii(b, 0, 'ttcf') || ascii(b, 0, 'wOFF') || ascii(b, 0, 'wOF2'))
    return 'font';
  return null;
}

/** Formats whose content is text: no magic, and a binary signature there means the name lies. */
export function isTextFormat(format: MediaFormat): boolean {
  return format === 'svg' || format === 'xmp';
}
