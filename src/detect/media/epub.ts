// EPUB (OCF 3.0): a zip whose META-INF/container.xml names the package document (OPF);
// its <metadata> holds dc:rights. The zip's central directory (at the end) gives where each
// entry is; the two small entries are read and inflated, bounded.
import { inflateRawSync } from 'node:zlib';
import { addField, addIssue, notFullyRead, type MediaRead } from './fields.js';
import type { ByteSource } from './source.js';
import { NS } from './xmp.js';
import { attr, deepText, descendants, parseXml } from './xml.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRY = 4 * 1024 * 1024;
const MAX_ENTRIES = 65_535;
const CONTAINER_NS = 'urn:oasis:names:tc:opendocument:xmlns:container';

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressed: number;
  readonly size: number;
  readonly localAt: number;
}

export function readEpub(src: ByteSource, out: MediaRead): void {
  const entries = centralDirectory(src, out);
  if (!entries) return;
  const container = entries.get('META-INF/container.xml');
  const containerXml = container ? entryText(src, container, out) : null;
  if (containerXml === null) {
    addIssue(out, 'media-malformed', 'warning', 'the EPUB has no readable META-INF/container.xml', 'Rebuild the EPUB with a tool that follows OCF 3.0');
    return;
  }
  const rootfile = [...descendants(parseXml(containerXml).root)].find((e) => e.local === 'rootfile' && (e.ns === CONTAINER_NS || e.ns === ''));
  const opfPath = rootfile ? attr(rootfile, '', 'full-path') : undefined;
  const opf = opfPath ? entries.get(opfPath) : undefined;
  const opfXml = opf ? entryText(src, opf, out) : null;
  if (opfXml === null) {
    addIssue(out, 'media-malformed', 'warning', `the EPUB's package document${opfPath ? ` (${opfPath})` : ''} cannot be read`, 'Rebuild the EPUB with a tool that follows OCF 3.0');
    return;
  }
  const doc = parseXml(opfXml);
  if (doc.error) addIssue(out, 'media-malformed', 'warning', `the EPUB package document is not well-formed XML: ${doc.error}`);
  for (const e of descendants(doc.root)) if (e.ns === NS.dc && e.local === 'rights') addField(out, 'OPF:dc:rights', deepText(e), 'rights');
}

/** Entry name -> entry, from the central directory the end record points at. */
function centralDirectory(src: ByteSource, out: MediaRead): Map<string, ZipEntry> | null {
  const tailLength = Math.min(src.size, 65_557); // EOCD (22) + the longest comment
  const tail = src.read(src.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) {
    if (src.starved) notFullyRead(out, 'the EPUB (zip) directory');
    else addIssue(out, 'media-truncated', 'warning', 'the EPUB (zip) has no end-of-directory record: it is truncated or damaged', 'Rebuild the EPUB');
    return null;
  }
  const count = Math.min(tail.readUInt16LE(eocd + 10), MAX_ENTRIES);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdAt = tail.readUInt32LE(eocd + 16);
  const cd = src.read(cdAt, cdSize);
  if (cd.length < cdSize) {
    if (src.starved) notFullyRead(out, 'the EPUB (zip) directory');
    else addIssue(out, 'media-truncated', 'warning', 'the EPUB (zip) directory runs past the end of the file', 'Rebuild the EPUB');
    return null;
  }
  const entries = new Map<string, ZipEntry>();
  let i = 0;
  for (let n = 0; n < count && i + 46 <= cd.length && cd.readUInt32LE(i) === CENTRAL; n++) {
    const nameLength = cd.readUInt16LE(i + 28);
    const name = cd.toString('utf8', i + 46, i + 46 + nameLength);
    entries.set(name, { name, method: cd.readUInt16LE(i + 10), compressed: cd.readUInt32LE(i + 20), size: cd.readUInt32LE(i + 24), localAt: cd.readUInt32LE(i + 42) });
    i += 46 + nameLength + cd.readUInt16LE(i + 30) + cd.readUInt16LE(i + 32);
  }
  return entries;
}

/** One entry's text (stored or deflated), or null. */
function entryText(src: ByteSource, e: ZipEntry, out: MediaRead): string | null {
  if (e.size > MAX_ENTRY || e.compressed > MAX_ENTRY) {
    addIssue(out, 'media-metadata-too-large', 'note', `the EPUB entry ${e.name} is larger than ${MAX_ENTRY} bytes; it was not read`);
    return null;
  }
  const local = src.read(e.localAt, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) return null;
  const dataAt = e.localAt + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const data = src.read(dataAt, e.compressed);
  if (data.length < e.compressed) return null;
  try {
    if (e.method === 0) return data.toString('utf8');
    if (e.method === 8) return inflateRawSync(data, { maxOutputLength: MAX_ENTRY }).toString('utf8');
  } catch {
    addIssue(out, 'media-malformed', 'warning', `the EPUB entry ${e.name} could not be decompressed`);
  }
  return null;
}
