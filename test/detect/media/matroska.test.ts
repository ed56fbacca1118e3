// Matroska/WebM files built element by element (EBML, RFC 8794), for what ffmpeg's small files do not
// show: tags after megabytes of clusters (reached through the SeekHead, by range reads), a second
// SeekHead, live streams of unknown size, tags aimed at one track, and damaged or hostile structure.
// The fixtures (fixtures/media/*.mkv, *.mka, *.webm, made by ffmpeg) are read in fixtures.test.ts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectMedia } from '../../../src/detect/media/index.js';
import { readFileInput } from '../../../src/walk/read.js';
import { fileInput, makeTree, removeTree, testCatalog } from '../../helpers.js';

const catalog = testCatalog();
const root = makeTree({});
afterAll(() => removeTree(root));

const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';

/** An EBML size: the shortest width that holds it (all ones is "unknown", so one more). */
function vint(n: number): Buffer {
  for (let w = 1; w <= 8; w++) {
    if (n < 2 ** (7 * w) - 1) {
      const b = Buffer.alloc(w);
      let v = n;
      for (let k = w - 1; k >= 0; k--) {
        b[k] = v % 256;
        v = Math.floor(v / 256);
      }
      b[0]! |= 0x80 >> (w - 1);
      return b;
    }
  }
  throw new Error('too large');
}
const UNKNOWN = Buffer.from([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
const idBytes = (id: number): Buffer => Buffer.from(id.toString(16).padStart(id > 0xffffff ? 8 : id > 0xffff ? 6 : id > 0xff ? 4 : 2, '0'), 'hex');
const el = (id: number, ...body: (Buffer | string)[]): Buffer => {
  const data = Buffer.concat(body.map((b) => (typeof b === 'string' ? Buffer.from(b) : b)));
  return Buffer.concat([idBytes(id), vint(data.length), data]);
};
const uintBytes = (n: number, width = 4): Buffer => {
  const b = Buffer.alloc(width);
  if (width === 8) b.writeBigUInt64BE(BigInt(n));
  else b.writeUIntBE(n, 0, width);
  return b;
};

const ID = { ebml: 0x1a45dfa3, docType: 0x4282, segment: 0x18538067, seekHead: 0x114d9b74, seek: 0x4dbb, seekId: 0x53ab, seekPosition: 0x53ac, info: 0x1549a966, cluster: 0x1f43b675, tags: 0x1254c367, tag: 0x7373, targets: 0x63c0, targetTypeValue: 0x68ca, trackUid: 0x63c5, simpleTag: 0x67c8, tagName: 0x45a3, tagString: 0x4487, void: 0xec };

const header = (docType = 'matroska') => el(ID.ebml, el(ID.docType, docType));
const simple = (name: string, value: string, ...nested: Buffer[]) => el(ID.simpleTag, el(ID.tagName, name), el(ID.tagString, value), ...nested);
const tag = (targets: Buffer[], ...simples: Buffer[]) => el(ID.tag, el(ID.targets, ...targets), ...simples);
const fileTags = (...simples: Buffer[]) => el(ID.tags, tag([el(ID.targetTypeValue, uintBytes(50, 1))], ...simples));
const LICENSED = fileTags(simple('LICENSE', CC_BY), simple('COPYRIGHT', '2026 Jo Artist'));
const cluster = (bytes: number) => el(ID.cluster, Buffer.alloc(bytes, 0x5a));
/** A SeekHead whose entries point at `positions` (from the segment's data), in a fixed width so offsets can be worked out first. */
const seekHead = (entries: [number, number][]) => el(ID.seekHead, ...entries.map(([id, pos]) => el(ID.seek, el(ID.seekId, idBytes(id)), el(ID.seekPosition, uintBytes(pos, 8)))));
const segment = (...children: Buffer[]) => el(ID.segment, ...children);

/** Reads bytes as the scan reads a file: its first MiB, range reads beyond. */
function scanned(name: string, bytes: Buffer) {
  writeFileSync(join(root, name), bytes);
  return detectMedia(readFileInput(join(root, name), name), catalog);
}
const summary = (d: ReturnType<typeof scanned>) => ({ licenses: d.declarations.map((x) => x.expression), fields: d.declarations.map((x) => x.field), copyrights: d.copyrights.map((c) => c.text), problems: d.problems.map((p) => p.code) });

describe('Matroska tags', () => {
  it('reads LICENSE and COPYRIGHT of the tags for the whole file', () => {
    const d = scanned('a.mkv', Buffer.concat([header(), segment(el(ID.info, el(0x4d80, 'test')), LICENSED, cluster(100))]));
    expect(summary(d)).toEqual({ licenses: ['CC-BY-4.0'], fields: ['Matroska:LICENSE'], copyrights: ['2026 Jo Artist'], problems: [] });
  });

  it('reads WebM and audio-only Matroska alike, and TERMS_OF_USE and PRODUCTION_COPYRIGHT', () => {
    const tags = fileTags(simple('TERMS_OF_USE', 'Licensed under the Peer Production License'), simple('PRODUCTION_COPYRIGHT', '2025 Radio Libre Coop'));
    const d = scanned('b.webm', Buffer.concat([header('webm'), segment(tags, cluster(10))]));
    expect(summary(d)).toMatchObject({ licenses: ['PPL'], copyrights: ['2025 Radio Libre Coop'], problems: [] });
    expect(summary(scanned('c.mka', Buffer.concat([header(), segment(LICENSED)])))).toMatchObject({ licenses: ['CC-BY-4.0'] });
  });

  it('reaches tags after 3 MiB of clusters through the SeekHead, without reading the clusters', () => {
    const clusters = Buffer.concat([cluster(1_500_000), cluster(1_500_000)]);
    // The SeekHead's size does not depend on the position it holds (8 bytes each): build it twice.
    const probe = seekHead([[ID.tags, 0]]);
    const d = scanned('late.mkv', Buffer.concat([header(), segment(seekHead([[ID.tags, probe.length + clusters.length]]), clusters, LICENSED)]));
    expect(summary(d)).toMatchObject({ licenses: ['CC-BY-4.0'], copyrights: ['2026 Jo Artist'], problems: [] });
  });

  it('follows a SeekHead to a second SeekHead at the end (as mkvmerge writes when the first is full)', () => {
    const clusters = cluster(2_000_000);
    const first = seekHead([[ID.seekHead, 0]]);
    const second = seekHead([[ID.tags, 0]]);
    const secondAt = first.length + clusters.length;
    const bytes = Buffer.concat([header(), segment(seekHead([[ID.seekHead, secondAt]]), clusters, seekHead([[ID.tags, secondAt + second.length]]), LICENSED)]);
    expect(summary(scanned('two-seekheads.mkv', bytes))).toMatchObject({ licenses: ['CC-BY-4.0'], problems: [] });
  });

  it('walks clusters by their sizes where there is no SeekHead, and says when the tags lie past what a scan reads', () => {
    expect(summary(scanned('noseek.mkv', Buffer.concat([header(), segment(cluster(2_000_000), LICENSED)])))).toMatchObject({ licenses: ['CC-BY-4.0'], problems: [] });
    // 50 clusters past the first MiB, each larger than one range read: more reads than a scan spends on one file.
    const many = Buffer.concat(Array.from({ length: 60 }, () => cluster(100_000)));
    const d = scanned('many.mkv', Buffer.concat([header(), segment(many, LICENSED)]));
    expect(summary(d)).toMatchObject({ licenses: [], problems: ['media-not-fully-read'] });
  });

  it('reads a live stream (segment and clusters of unknown size) up to its first cluster', () => {
    const live = Buffer.concat([header('webm'), idBytes(ID.segment), UNKNOWN, LICENSED, idBytes(ID.cluster), UNKNOWN, Buffer.alloc(500, 1)]);
    expect(summary(scanned('live.webm', live))).toMatchObject({ licenses: ['CC-BY-4.0'], problems: [] });
  });

  it('does not read a tag aimed at one track as the file license, and says why', () => {
    const trackTags = el(ID.tags, tag([el(ID.trackUid, uintBytes(12345))], simple('LICENSE', 'MIT')), tag([], simple('COPYRIGHT', '2026 Jo')));
    const d = scanned('track.mka', Buffer.concat([header(), segment(trackTags)]));
    expect(summary(d)).toEqual({ licenses: [], fields: [], copyrights: ['2026 Jo'], problems: ['media-part-license'] });
    expect(d.problems[0]!.message).toContain('"MIT"');
    // A UID of 0 aims at every track: the file.
    const all = el(ID.tags, tag([el(ID.trackUid, uintBytes(0))], simple('LICENSE', 'MIT')));
    expect(summary(scanned('all.mka', Buffer.concat([header(), segment(all)])))).toMatchObject({ licenses: ['MIT'], problems: [] });
  });

  it('reads the tag name in any case, and not a license nested in another tag (a qualifier)', () => {
    const tags = fileTags(simple('license', CC_BY), simple('TITLE', 'Song', simple('LICENSE', 'MIT')));
    expect(summary(scanned('case.mkv', Buffer.concat([header(), segment(tags)])))).toMatchObject({ licenses: ['CC-BY-4.0'], problems: [] });
  });
});

describe('damaged and hostile Matroska', () => {
  const detect = (bytes: Buffer) => summary(detectMedia(fileInput('x.mkv', bytes), catalog));

  it('says a file is cut where its tags are', () => {
    const full = Buffer.concat([header(), segment(LICENSED)]);
    expect(detect(full.subarray(0, full.length - 5))).toMatchObject({ licenses: [], problems: ['media-truncated'] });
  });

  it('says so of a file without an EBML header or a segment', () => {
    expect(detect(Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x80]), el(ID.void, 'x')]))).toMatchObject({ problems: ['media-truncated'] });
    expect(detect(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x00, 0x00]))).toMatchObject({ problems: ['media-truncated'] });
  });

  it('survives sizes of 2^56, a SeekHead pointing at itself or past the end, ids wider than 4 bytes and 10,000 void elements', () => {
    const huge = Buffer.concat([header(), idBytes(ID.segment), Buffer.from([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe]), LICENSED]);
    expect(() => detect(huge)).not.toThrow();
    expect(detect(huge).licenses).toEqual(['CC-BY-4.0']);
    const selfish = Buffer.concat([header(), segment(seekHead([[ID.seekHead, 0], [ID.tags, 0], [ID.tags, 2 ** 40]]), LICENSED)]);
    expect(detect(selfish).licenses).toEqual(['CC-BY-4.0']);
    const wide = Buffer.concat([header(), segment(Buffer.from([0x08, 1, 2, 3, 4, 0x81, 0]), LICENSED)]);
    expect(detect(wide)).toMatchObject({ licenses: [], problems: ['media-truncated'] });
    const voids = Buffer.concat([header(), segment(...Array.from({ length: 10_000 }, () => el(ID.void)), LICENSED)]);
    const started = performance.now();
    expect(() => detect(voids)).not.toThrow();
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('does not read an element inside the tags that runs past them', () => {
    const bad = el(ID.tags, Buffer.concat([idBytes(ID.tag), vint(1000), simple('LICENSE', 'MIT')]));
    expect(detect(Buffer.concat([header(), segment(bad)]))).toMatchObject({ licenses: [], problems: ['media-truncated'] });
  });
});
