// SVG: license RDF inside <metadata> (SVG 1.1 §21), as Inkscape writes it: a cc:Work with
// cc:license rdf:resource and dc:rights (often a cc:Agent's dc:title). Only the root start
// tag (for its namespace declarations) and the <metadata> element are parsed, not the
// drawing. `.xmp` sidecars are RDF/XML too and are read the same way.
import type { MediaRead } from './fields.js';
import { readRdf } from './xmp.js';

const ROOT_RE = /<((?:[A-Za-z_][\w.-]*:)?svg)\b/;
const SECTION_RE = /<((?:[A-Za-z_][\w.-]*:)?(?:metadata|RDF))\b/g;
const MAX_SECTIONS = 8;

export function readSvg(text: string, out: MediaRead): void {
  const root = ROOT_RE.exec(text);
  if (!root) return;
  const rootEnd = text.indexOf('>', root.index);
  if (rootEnd < 0) return;
  const rootTag = text.slice(root.index, rootEnd + 1).replace(/\/>$/, '>');
  // Every <metadata> (and bare rdf:RDF outside one), each with the root's namespace declarations.
  let from = rootEnd;
  for (let n = 0; n < MAX_SECTIONS; n++) {
    SECTION_RE.lastIndex = from;
    const section = SECTION_RE.exec(text);
    if (!section) return;
    const close = `</${section[1]}>`;
    const end = text.indexOf(close, section.index);
    const sectionEnd = end < 0 ? text.length : end + close.length;
    const xml = `${rootTag}${text.slice(section.index, sectionEnd)}</${root[1]}>`;
    const lineOf = lineCounter(text, (offset) => (offset < rootTag.length ? root.index + offset : section.index + offset - rootTag.length));
    readRdf(xml, out, { group: 'SVG', lineOf });
    from = sectionEnd;
  }
}

/** `.xmp` sidecars: an XMP packet (or bare RDF) as a file of its own. */
export function readXmpSidecar(text: string, out: MediaRead): void {
  readRdf(text, out, { group: 'XMP', lineOf: lineCounter(text, (o) => o) });
}

/** 1-based line of an offset in the parsed string, mapped back into the file's text. */
function lineCounter(text: string, toFile: (offset: number) => number): (offset: number) => number {
  return (offset) => {
    const target = Math.min(toFile(offset), text.length);
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < target; i = text.indexOf('\n', i + 1)) line++;
    return line;
  };
}
