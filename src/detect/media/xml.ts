// A small, forgiving, namespace-aware XML reader for metadata: XMP packets, SVG <metadata>,
// EPUB package documents. It builds a tree of elements with their namespace URIs, attributes
// and text. Linear in the input (indexOf scans, no regular expressions over the document),
// bounded in elements and depth, and it never throws: malformed markup ends the tree where
// it breaks and says why. No DTD is read and no entity beyond XML's five and character
// references is expanded (so no entity expansion attack).

export interface XmlAttr {
  readonly ns: string;
  readonly local: string;
  readonly value: string;
}

export interface XmlElement {
  readonly ns: string;
  readonly local: string;
  readonly attrs: readonly XmlAttr[];
  readonly children: XmlElement[];
  /** The element's own text (its children's text is in them). */
  text: string;
  /** Offset of the element's '<' in the parsed string. */
  readonly offset: number;
}

export interface XmlDocument {
  /** A synthetic root whose children are the top-level elements. */
  readonly root: XmlElement;
  /** Why parsing stopped early, or null when the document was read to its end. */
  readonly error: string | null;
}

export interface XmlLimits {
  readonly maxElements: number;
  readonly maxDepth: number;
}

const DEFAULT_LIMITS: XmlLimits = { maxElements: 20_000, maxDepth: 64 };
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** The scope every document starts in: only `xml` is bound. Shared: a scope is copied before it changes. */
const ROOT_SCOPE: ReadonlyMap<string, string> = new Map([['xml', XML_NS]]);

export function parseXml(text: string, limits: XmlLimits = DEFAULT_LIMITS): XmlDocument {
  const root: XmlElement = { ns: '', local: '#document', attrs: [], children: [], text: '', offset: 0 };
  const stack: { el: XmlElement; qname: string; scope: ReadonlyMap<string, string> }[] = [{ el: root, qname: '', scope: ROOT_SCOPE }];
  let count = 0;
  let i = 0;
  const n = text.length;
  const fail = (why: string): XmlDocument => ({ root, error: `${why} (at offset ${i})` });

  while (i < n) {
    const lt = text.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    if (lt < 0 || lt > i) {
      const end = lt < 0 ? n : lt;
      if (stack.length > 1 && !isSpace(text, i, end)) top.el.text += decodeEntities(text.slice(i, end));
      if (lt < 0) break;
      i = lt;
    }
    // The character after '<' says what opens: a start tag, the usual case, needs no further test.
    const next = text.charCodeAt(i + 1);
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', i)) {
        const e = text.indexOf('-->', i + 4);
        if (e < 0) return fail('unclosed comment');
        i = e + 3;
      } else if (text.startsWith('<![CDATA[', i)) {
        const e = text.indexOf(']]>', i + 9);
        if (e < 0) return fail('unclosed CDATA section');
        if (stack.length > 1) top.el.text += text.slice(i + 9, e);
        i = e + 3;
      } else {
        // DOCTYPE and friends: skipped, internal subset included, never read.
        const bracket = text.indexOf('[', i);
        const gt = text.indexOf('>', i);
        if (gt < 0) return fail('unclosed declaration');
        if (bracket >= 0 && bracket < gt) {
          const e = text.indexOf(']>', bracket);
          if (e < 0) return fail('unclosed DOCTYPE');
          i = e + 2;
        } else i = gt + 1;
      }
    } else if (next === 0x3f /* ? */) {
      const e = text.indexOf('?>', i + 2);
      if (e < 0) return fail('unclosed processing instruction');
      i = e + 2;
    } else if (next === 0x2f /* / */) {
      const gt = text.indexOf('>', i);
      if (gt < 0) return fail('unclosed end tag');
      const qname = text.slice(i + 2, gt).trim();
      // Forgiving: close up to the matching start tag; a stray end tag is ignored.
      let k = stack.length - 1;
      while (k > 0 && stack[k]!.qname !== qname) k--;
      if (k > 0) stack.length = k;
      i = gt + 1;
    } else {
      const tag = readStartTag(text, i);
      if (!tag) return fail('malformed start tag');
      if (++count > limits.maxElements) return fail(`more than ${limits.maxElements} elements`);
      const tagAttrs = tag.attrs;
      let scope = top.scope;
      for (let a = 0; a < tagAttrs.length; a++) {
        const name = tagAttrs[a]!.name;
        if (name === 'xmlns' || name.startsWith('xmlns:')) {
          const own = scope === top.scope ? new Map(scope) : (scope as Map<string, string>);
          own.set(name === 'xmlns' ? '' : name.slice(6), tagAttrs[a]!.value);
          scope = own;
        }
      }
      const attrs: XmlAttr[] = [];
      for (let a = 0; a < tagAttrs.length; a++) {
        const { name, value } = tagAttrs[a]!;
        if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
        const colon = name.indexOf(':');
        // Unprefixed attributes are in no namespace (XML Namespaces §6.2).
        if (colon < 0) attrs.push({ ns: '', local: name, value });
        else {
          const p = name.slice(0, colon);
          attrs.push({ ns: p === '' ? '' : (scope.get(p) ?? (p === 'xmlns' ? XMLNS_NS : '')), local: name.slice(colon + 1), value });
        }
      }
      const colon = tag.name.indexOf(':');
      const el: XmlElement = {
        ns: scope.get(colon < 0 ? '' : tag.name.slice(0, colon)) ?? '',
        local: colon < 0 ? tag.name : tag.name.slice(colon + 1),
        attrs,
        children: [],
        text: '',
        offset: i,
      };
      top.el.children.push(el);
      i = tag.end;
      if (!tag.selfClosing) {
        if (stack.length > limits.maxDepth) return fail(`nested deeper than ${limits.maxDepth} elements`);
        stack.push({ el, qname: tag.name, scope });
      }
    }
  }
  return { root, error: stack.length > 1 ? `unclosed element <${stack[stack.length - 1]!.qname}>` : null };
}

interface StartTag {
  readonly name: string;
  readonly attrs: { name: string; value: string }[];
  readonly selfClosing: boolean;
  /** Offset just past the '>'. */
  readonly end: number;
}

/** Reads `<name a="v" b='w'/>` from `start` (at '<'), character by character. */
function readStartTag(text: string, start: number): StartTag | null {
  let i = start + 1;
  const nameEnd = scanName(text, i);
  if (nameEnd === i) return null;
  const name = text.slice(i, nameEnd);
  i = nameEnd;
  const attrs: { name: string; value: string }[] = [];
  for (;;) {
    i = skipSpace(text, i);
    const c = text[i];
    if (c === undefined) return null;
    if (c === '>') return { name, attrs, selfClosing: false, end: i + 1 };
    if (c === '/') return text[i + 1] === '>' ? { name, attrs, selfClosing: true, end: i + 2 } : null;
    const an = scanName(text, i);
    if (an === i) return null;
    const attrName = text.slice(i, an);
    i = skipSpace(text, an);
    if (text[i] !== '=') return null;
    i = skipSpace(text, i + 1);
    const quote = text[i];
    if (quote !== '"' && quote !== "'") return null;
    const close = text.indexOf(quote, i + 1);
    if (close < 0) return null;
    attrs.push({ name: attrName, value: decodeEntities(text.slice(i + 1, close)) });
    i = close + 1;
  }
}

function scanName(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    // Anything but whitespace, '/', '>', '=', quotes and '<' may be part of a name.
    if (c <= 32 || c === 47 || c === 62 || c === 61 || c === 34 || c === 39 || c === 60) break;
    i++;
  }
  return i;
}

/** Whether text[start, end) is only whitespace (the indentation between tags). */
function isSpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) > 32) return false;
  return true;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  return i;
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML's five named entities and character references; anything else is left as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  let out = '';
  let i = 0;
  for (;;) {
    const amp = s.indexOf('&', i);
    if (amp < 0) return out + s.slice(i);
    const semi = s.indexOf(';', amp);
    out += s.slice(i, amp);
    if (semi < 0 || semi - amp > 10) {
      out += '&';
      i = amp + 1;
      continue;
    }
    const name = s.slice(amp + 1, semi);
    let rep: string | undefined = NAMED[name];
    if (rep === undefined && name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) rep = String.fromCodePoint(code);
    }
    if (rep === undefined) {
      out += '&';
      i = amp + 1;
    } else {
      out += rep;
      i = semi + 1;
    }
  }
}

/** The elements of `el`'s subtree (itself included), depth first, in document order. */
export function* descendants(el: XmlElement): Generator<XmlElement> {
  const todo: XmlElement[] = [el];
  while (todo.length) {
    const e = todo.pop()!;
    yield e;
    for (let k = e.children.length - 1; k >= 0; k--) todo.push(e.children[k]!);
  }
}

export function attr(el: XmlElement, ns: string, local: string): string | undefined {
  return el.attrs.find((a) => a.ns === ns && a.local === local)?.value;
}

/** All text inside an element, children included, whitespace collapsed. */
export function deepText(el: XmlElement): string {
  if (el.children.length === 0) return el.text.trim();
  let out = el.text;
  for (const c of el.children) out += ` ${deepText(c)}`;
  return out.replace(/\s+/g, ' ').trim();
}
