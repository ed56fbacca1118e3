// Photoshop documents: the XMP packet and IPTC record in the image resources, found by walking the
// sections before them; what is damaged or past the read is said, and nothing throws.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectMedia } from '../../../src/detect/media/index.js';
import { fileInput, testCatalog } from '../../helpers.js';

const PSD = readFileSync(fileURLToPath(new URL('../../../fixtures/media/by-nc-sa.psd', import.meta.url)));
const catalog = testCatalog();
const detect = (bytes: Uint8Array, name = 'poster.psd') => detectMedia(fileInput(name, bytes), catalog);
const codes = (bytes: Uint8Array) => detect(bytes).problems.map((p) => p.code);

/** The fixture's image resources section: its offset (after its length) and length. */
function resources(psd: Buffer): { at: number; length: number } {
  const colorMode = psd.readUInt32BE(26);
  const at = 26 + 4 + colorMode + 4;
  return { at, length: psd.readUInt32BE(at - 4) };
}

describe('Photoshop documents', () => {
  it('reads the license and notice ExifTool wrote to File Info: the XMP packet and the IPTC record', () => {
    const d = detect(PSD);
    expect(d.declarations.map((x) => [x.expression, x.field])).toEqual([['CC-BY-NC-SA-4.0', 'XMP-cc:license']]);
    expect(d.copyrights.map((c) => c.text)).toEqual(['2026 Jo Artist']);
    expect(d.problems).toEqual([]);
    // The fixture holds both resources (ExifTool writes the IPTC record beside the XMP).
    const { at, length } = resources(PSD);
    const ids = [];
    for (let i = at; i < at + length; ) {
      ids.push(PSD.readUInt16BE(i + 4));
      const data = i + 6 + ((PSD[i + 6]! + 2) & ~1);
      const size = PSD.readUInt32BE(data);
      i = data + 4 + size + (size & 1);
    }
    expect(ids).toEqual(expect.arrayContaining([0x0404, 0x0424]));
  });

  it('reads a large document (PSB, version 2) the same way', () => {
    const psb = Buffer.from(PSD);
    psb.writeUInt16BE(2, 4);
    expect(detect(psb, 'poster.psb').declarations.map((x) => x.expression)).toEqual(['CC-BY-NC-SA-4.0']);
  });

  it('says what is damaged: the header, a version it does not know, a resource block, a document cut short', () => {
    const badVersion = Buffer.from(PSD);
    badVersion.writeUInt16BE(7, 4);
    expect(codes(badVersion)).toEqual(['media-malformed']);
    const { at, length } = resources(PSD);
    const damaged = Buffer.from(PSD);
    damaged.write('XXXX', at, 'latin1');
    expect(codes(damaged)).toEqual(['media-malformed']);
    expect(codes(PSD.subarray(0, at + length - 10))).toContain('media-malformed');
    expect(codes(PSD.subarray(0, 20))).toEqual(['media-malformed']);
  });

  it('stops at a resources section that claims more than the file holds, without reading past it', () => {
    const { at } = resources(PSD);
    const huge = Buffer.from(PSD);
    huge.writeUInt32BE(0xfffffff0, at - 4);
    expect(() => detect(huge)).not.toThrow();
    expect(codes(huge).length).toBeGreaterThan(0);
  });
});
