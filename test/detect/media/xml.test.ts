// The metadata XML reader: namespaces by URI, both RDF forms, entities, and forgiving,
// bounded handling of broken markup.
import { describe, expect, it } from 'vitest';
import { newRead } from '../../../src/detect/media/fields.js';
import { readRdf } from '../../../src/detect/media/xmp.js';
import { deepText, descendants, parseXml } from '../../../src/detect/media/xml.js';

const fieldsOf = (xml: string) => {
  const out = newRead();
  readRdf(xml, out, { group: 'XMP' });
  return { fields: out.fields.map((f) => [f.name, f.value]), issues: out.issues.map((i) => i.code) };
};
const RDF = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"';
const CC = 'http://creativecommons.org/ns#';

describe('parseXml', () => {
  it('resolves prefixes to namespace URIs, scoped to the element that declares them', () => {
    const doc = parseXml('<a xmlns:p="urn:one"><p:b/><c xmlns:p="urn:two"><p:b/></c><p:b/></a>');
    const bs = [...descendants(doc.root)].filter((e) => e.local === 'b').map((e) => e.ns);
    expect(bs).toEqual(['urn:one', 'urn:two', 'urn:one']);
    expect(doc.error).toBeNull();
  });

  it('decodes entities in text and attributes, keeps CDATA, skips comments and processing instructions', () => {
    const doc = parseXml(`<?xml version="1.0"?><!-- c --><a t='x &amp; &#65;&#x42;'>1 &lt; 2<![CDATA[ <raw> ]]><?pi x?></a>`);
    const a = doc.root.children[0]!;
    expect(a.attrs[0]!.value).toBe('x & AB');
    expect(deepText(a)).toBe('1 < 2 <raw>');
  });

  it.each([
    ['<a><b>', 'unclosed element'],
    ['<a><!-- never closed', 'unclosed comment'],
    ['<a><b c="1></b></a>', 'malformed start tag'],
    ['<a><b c=1></b></a>', 'malformed start tag'],
  ])('%s: keeps what it read and says why it stopped', (xml, why) => {
    const doc = parseXml(xml);
    expect(doc.error).toContain(why);
    expect(doc.root.children[0]!.local).toBe('a');
  });

  it('stops at its element and depth bounds', () => {
    expect(parseXml('<x/>'.repeat(50), { maxElements: 10, maxDepth: 5 }).error).toContain('more than 10 elements');
    expect(parseXml('<x>'.repeat(50), { maxElements: 100, maxDepth: 5 }).error).toContain('deeper than 5');
  });

  it('is linear on long runs of markup-like text', () => {
    parseXml(`<a>${'<'.repeat(200_000)}</a>`);
    parseXml(`<a b="${'='.repeat(200_000)}`);
  });
});

describe('readRdf', () => {
  it.each([
    ['attribute form', `<rdf:RDF ${RDF}><rdf:Description xmlns:cc="${CC}" cc:license="https://x/l"/></rdf:RDF>`],
    ['element with rdf:resource', `<rdf:RDF ${RDF}><rdf:Description xmlns:cc="${CC}"><cc:license rdf:resource="https://x/l"/></rdf:Description></rdf:RDF>`],
    ['element with a literal', `<rdf:RDF ${RDF}><rdf:Description xmlns:cc="${CC}"><cc:license> https://x/l </cc:license></rdf:Description></rdf:RDF>`],
    ['any prefix', `<r:RDF xmlns:r="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><r:Description xmlns:lic="${CC}"><lic:license r:resource="https://x/l"/></r:Description></r:RDF>`],
    ['the pre-2008 ccREL namespace', `<rdf:RDF ${RDF}><Work xmlns="http://web.resource.org/cc/"><license rdf:resource="https://x/l"/></Work></rdf:RDF>`],
  ])('cc:license in the %s', (_what, xml) => {
    expect(fieldsOf(xml).fields).toEqual([['XMP-cc:license', 'https://x/l']]);
  });

  it('takes the x-default item of a language alternative, else the first', () => {
    const alt = (items: string) => `<rdf:RDF ${RDF} xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Description><dc:rights><rdf:Alt>${items}</rdf:Alt></dc:rights></rdf:Description></rdf:RDF>`;
    expect(fieldsOf(alt('<rdf:li xml:lang="de">Deutsch</rdf:li><rdf:li xml:lang="x-default">Default</rdf:li>')).fields).toEqual([['XMP-dc:rights', 'Default']]);
    expect(fieldsOf(alt('<rdf:li xml:lang="de">Deutsch</rdf:li><rdf:li xml:lang="fr">Français</rdf:li>')).fields).toEqual([['XMP-dc:rights', 'Deutsch']]);
  });

  it("reads GIMP 2.8's empty language alternative, its language written as the value, as no value", () => {
    // As in plasma-workspace-wallpapers' Kite screenshot.jpg.
    const xml = `<rdf:RDF ${RDF}><rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:rights><rdf:Alt><rdf:li xml:lang='x-default'>x-default</rdf:li></rdf:Alt></dc:rights></rdf:Description></rdf:RDF>`;
    expect(fieldsOf(xml).fields).toEqual([]);
  });

  it('does not take a property of the same name from another namespace', () => {
    expect(fieldsOf(`<rdf:RDF ${RDF}><rdf:Description xmlns:x="urn:other" x:license="https://x/l"/></rdf:RDF>`).fields).toEqual([]);
  });

  it('reports broken XML and still reads the properties before the break', () => {
    const r = fieldsOf(`<rdf:RDF ${RDF}><rdf:Description xmlns:cc="${CC}" cc:license="https://x/l"/><rdf:Description <<<`);
    expect(r.fields).toEqual([['XMP-cc:license', 'https://x/l']]);
    expect(r.issues).toEqual(['media-malformed']);
  });
});
