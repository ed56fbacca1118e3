// Photoshop documents (.psd, and .psb for large ones; Adobe's Photoshop File Formats
// Specification): a 26-byte header, the color mode data, then the image resources, which hold
// the document's XMP packet (0x0424, what File Info edits) and its IPTC record (0x0404). Both
// sections' lengths are 4 bytes in either version; the layers and the image after them are
// never read.
import { addIssue, notFullyRead, type MediaRead } from './fields.js';
import { readImageResources } from './iptc.js';
import type { ByteSource } from './source.js';

const HEADER = 26;
/** Image resources read at most: they hold thumbnails and paths beside the metadata. */
const MAX_RESOURCES = 16 * 1024 * 1024;

export function readPsd(src: ByteSource, out: MediaRead): void {
  const header = src.read(0, HEADER + 4);
  if (header.length < HEADER + 4 || header.toString('latin1', 0, 4) !== '8BPS') return addIssue(out, 'media-malformed', 'warning', 'the Photoshop header is damaged; the document was not read');
  const version = header.readUInt16BE(4);
  if (version !== 1 && version !== 2) return addIssue(out, 'media-malformed', 'warning', `the Photoshop header says version ${version}, which is neither PSD (1) nor PSB (2); the document was not read`);
  const colorModeLength = header.readUInt32BE(HEADER);
  const at = HEADER + 4 + colorModeLength;
  const lengthBytes = src.read(at, 4);
  if (lengthBytes.length < 4) return src.starved ? notFullyRead(out, 'the image resources section') : addIssue(out, 'media-malformed', 'warning', 'the Photoshop document ends before its image resources');
  const length = lengthBytes.readUInt32BE(0);
  const wanted = Math.min(length, MAX_RESOURCES);
  const blocks = src.read(at + 4, wanted);
  if (blocks.length < wanted) {
    if (src.starved) notFullyRead(out, 'part of the image resources section');
    else addIssue(out, 'media-malformed', 'warning', 'the Photoshop document ends inside its image resources');
  } else if (length > MAX_RESOURCES) notFullyRead(out, `the image resources past the first ${MAX_RESOURCES / 1024 / 1024} MiB`);
  readImageResources(blocks, out, 'the image resources');
}
