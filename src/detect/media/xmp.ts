// XMP (ISO 16684-1) and ccREL: the license properties Creative Commons and Adobe define,
// read from RDF wherever it sits: an XMP packet inside a file, an `.xmp` sidecar, or an SVG's
// <metadata>. Properties are matched by namespace URI, never by prefix, in both RDF forms
// (attributes on rdf:Description, and elements), with rdf:resource, language alternatives
// (x-default first) and nested structures (Inkscape's dc:rights/cc:Agent/dc:title).
import { addField, addIssue, type FieldRole, type MediaRead } from './fields.js';
import { decodeText, decodeUtf16, type ByteSource } from './source.js';
import { attr, deepText, parseXml, type XmlElement } from './xml.js';

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  xmpRights: 'http://ns.adobe.com/xap/1.0/rights/',
  cc: 'http://creativecommons.org/ns#',
  x: 'adobe:ns:meta/',
} as const;
/** The namespace of ccREL before 2008 (old Inkscape files). */
const CC_OLD = 'http://web.resource.org/cc/';

/** Namespace URI -> local name -> field name and role. */
const PROPERTIES = new Map<string, Map<string, { readonly name: string; readonly role: FieldRole }>>();
const PROPERTY_LIST: readonly (readonly [string, string, string, FieldRole])[] = [
  [NS.cc, 'cc', 'license', 'license'],
  [NS.cc, 'cc', 'attributionName', 'holder'],
  [NS.cc, 'cc', 'morePermissions', 'more'],
  [NS.dc, 'dc', 'rights', 'rights'],
  [NS.xmpRights, 'xmpRights', 'WebStatement', 'web'],
  [NS.xmpRights, 'xmpRights', 'UsageTerms', 'terms'],
  [NS.xmpRights, 'xmpRights', 'Marked', 'marked'],
];
for (const [ns, prefix, local, role] of PROPERTY_LIST)
  for (const uri of ns === NS.cc ? [ns, CC_OLD] : [ns]) {
    const byLocal = PROPERTIES.get(uri) ?? new Map();
    byLocal.set(local, { name: `${prefix}:${local}`, role });
    PROPERTIES.set(uri, byLocal);
  }

function property(ns: string, local: string): { readonly name: string; readonly role: FieldRole } | undefined {
  return PROPERTIES.get(ns)?.get(local);
}

/** An XMP packet is metadata, not a document: larger ones are not parsed. */
export const MAX_PACKET_BYTES = 1024 * 1024;

export interface RdfOptions {
  /** Field name group: `XMP` gives `XMP-cc:license`. */
  readonly group: string;
  /** The full text the XML came from and the offset of `xml` in it, for line numbers. */
  readonly lineOf?: (offset: number) => number;
}

/** Reads the license properties of an RDF/XML string into `out`. */
export function readRdf(xml: string, out: MediaRead, options: RdfOptions): void {
  const doc = parseXml(xml);
  if (doc.error) addIssue(out, 'media-malformed', 'warning', `the ${options.group} metadata is not well-formed XML: ${doc.error}`, 'Rewrite the metadata with a tool such as ExifTool');
  collectProperties(doc.root, out, options);
}

/** Finds the properties in an element tree (both RDF forms), without descending into a property once found. */
export function collectProperties(root: XmlElement, out: MediaRead, options: RdfOptions): void {
  const todo: XmlElement[] = [root];
  while (todo.length) {
    const el = todo.pop()!;
    // Attribute form: <rdf:Description cc:license="...">.
    for (const a of el.attrs) {
      const p = property(a.ns, a.local);
      if (p) addField(out, `${options.group}-${p.name}`, a.value, p.role, options.lineOf?.(el.offset));
    }
    const p = property(el.ns, el.local);
    if (p) {
      addField(out, `${options.group}-${p.name}`, propertyValue(el), p.role, options.lineOf?.(el.offset));
      continue;
    }
    for (let k = el.children.length - 1; k >= 0; k--) todo.push(el.children[k]!);
  }
}

/** rdf:resource, else the x-default (or first) item of an rdf:Alt/Bag/Seq, else all its text. */
function propertyValue(el: XmlElement): string {
  const resource = attr(el, NS.rdf, 'resource') ?? attr(el, CC_OLD, 'resource');
  if (resource !== undefined) return resource;
  const container = el.children.find((c) => c.ns === NS.rdf && (c.local === 'Alt' || c.local === 'Bag' || c.local === 'Seq'));
  if (container) {
    const items = container.children.filter((c) => c.ns === NS.rdf && c.local === 'li');
    const lang = (li: XmlElement): string | undefined => attr(li, 'http://www.w3.org/XML/1998/namespace', 'lang');
    const chosen = items.find((li) => lang(li) === 'x-default') ?? items[0];
    const text = chosen ? (attr(chosen, NS.rdf, 'resource') ?? deepText(chosen)) : '';
    // GIMP 2.8 wrote an empty lang-alt with its language as the value ('x-default'): no value.
    if (chosen) return text.trim() === lang(chosen) ? '' : text;
  }
  return deepText(el);
}

// ---------------------------------------------------------------- packets in binary files

const BEGIN = Buffer.from('<x:xmpmeta');
const END = Buffer.from('</x:xmpmeta>');
const RDF_BEGIN = Buffer.from('<rdf:RDF');
const RDF_END = Buffer.from('</rdf:RDF>');

/** Every property read here is in a namespace whose URI holds one of these (or is dc:rights). */
const MARKERS = ['creativecommons.org/ns', 'web.resource.org/cc', 'rights'];

/** Decodes one XMP packet (UTF-8, or UTF-16 with its BOM or zero bytes) and reads it. */
export function readPacket(bytes: Buffer, out: MediaRead, group = 'XMP'): void {
  if (bytes.length > MAX_PACKET_BYTES) {
    addIssue(out, 'media-metadata-too-large', 'warning', `an XMP packet of ${bytes.length} bytes is larger than ${MAX_PACKET_BYTES} bytes and was not read`);
    return;
  }
  const utf16 = bytes.length >= 2 && (bytes[0] === 0 || bytes[1] === 0 || (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe));
  // Most packets (camera, editor history) hold no rights property at all: not worth parsing.
  if (!utf16 && !MARKERS.some((m) => bytes.includes(m))) return;
  const text = utf16 ? decodeUtf16(bytes, bytes[0] === 0 || bytes[0] === 0xfe) : decodeText(bytes);
  readRdf(text, out, { group });
}

/**
 * Finds XMP packets by their markers in a window of bytes (formats whose structure farleft
 * does not walk: PDF, HEIF, or a known container's fallback). At most `max` packets; a
 * packet cut by the window's end is reported as not fully read.
 */
export function scanPackets(window: Buffer, out: MediaRead, max = 8): Buffer[] {
  const found: Buffer[] = [];
  let from = 0;
  while (found.length < max) {
    let start = window.indexOf(BEGIN, from);
    let endMarker = END;
    if (start < 0) {
      // Some writers leave out x:xmpmeta: a bare rdf:RDF.
      start = window.indexOf(RDF_BEGIN, from);
      endMarker = RDF_END;
      if (start < 0) break;
    }
    const end = window.indexOf(endMarker, start);
    if (end < 0) {
      addIssue(out, 'media-not-fully-read', 'note', 'an XMP packet runs past the part of the file that was read; it was not read');
      break;
    }
    found.push(window.subarray(start, end + endMarker.length));
    from = end + endMarker.length;
  }
  return found;
}

/** The packets in the head of a file and, for a file larger than its head, in its tail. */
export function scanHeadAndTail(src: ByteSource, out: MediaRead, tailBytes = 1024 * 1024): Buffer[] {
  const packets = scanPackets(src.head, out);
  if (src.size > src.head.length) {
    const start = Math.max(src.head.length, src.size - tailBytes);
    packets.push(...scanPackets(src.read(start, src.size - start), out));
  }
  return packets;
}
