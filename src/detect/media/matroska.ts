// Matroska and WebM (MKV, MKA, WebM: EBML, RFC 8794; the Matroska tagging spec): the SimpleTags
// LICENSE, COPYRIGHT, PRODUCTION_COPYRIGHT and TERMS_OF_USE of the tags that apply to the whole
// file, as ffmpeg (`-metadata license=…`), mkvpropedit and MKVToolNix write them. Elements are
// walked by their sizes: the clusters (the media) are skipped, and tags after them are reached
// through the SeekHead, one small read each. Tags aimed at one track, chapter or attachment speak
// of that part, not of the file: they are named in a note, not read as its license.
import { addField, addIssue, notFullyRead, truncated, type FieldRole, type MediaRead } from './fields.js';
import { decodeUtf8, type ByteSource } from './source.js';

const EBML = 0x1a45dfa3;
const SEGMENT = 0x18538067;
const SEEK_HEAD = 0x114d9b74;
const SEEK = 0x4dbb;
const SEEK_ID = 0x53ab;
const SEEK_POSITION = 0x53ac;
const CLUSTER = 0x1f43b675;
const TAGS = 0x1254c367;
const TAG = 0x7373;
const TARGETS = 0x63c0;
const SIMPLE_TAG = 0x67c8;
const TAG_NAME = 0x45a3;
const TAG_STRING = 0x4487;
/** TagTrackUID, TagEditionUID, TagChapterUID, TagAttachmentUID: a value other than 0 aims the tag at that part. */
const TARGET_UIDS: ReadonlySet<number> = new Set([0x63c5, 0x63c9, 0x63c4, 0x63c6]);

const ROLES: ReadonlyMap<string, FieldRole> = new Map([
  ['LICENSE', 'license'],
  ['TERMS_OF_USE', 'terms'],
  ['COPYRIGHT', 'rights'],
  ['PRODUCTION_COPYRIGHT', 'rights'],
]);

/** Top-level elements walked, and elements read inside one master element, at most. */
const MAX_ELEMENTS = 10_000;
/** SeekHeads and Tags elements followed from the SeekHeads, at most (each one read). */
const MAX_SEEKS = 64;
/** A Tags element larger than this is not read (tags are text; cover art goes in Attachments). */
const MAX_TAGS_BYTES = 4 * 1024 * 1024;

interface Element {
  readonly id: number;
  /** Where its data starts, and its size (null: unknown, as a live stream's Segment and Clusters may have). */
  readonly dataAt: number;
  readonly size: number | null;
}

/** The element whose header starts at `at` in `b`, or null when the header is cut or is no EBML header. */
function elementIn(b: Buffer, at: number): Element | null {
  const first = b[at];
  if (first === undefined || first === 0) return null;
  const idWidth = Math.clz32(first) - 23; // 1 for 1xxxxxxx … 4 for 0001xxxx
  if (idWidth > 4 || at + idWidth >= b.length) return null;
  let id = 0;
  for (let k = 0; k < idWidth; k++) id = id * 256 + b[at + k]!;
  const lead = b[at + idWidth]!;
  if (lead === 0) return null; // a size wider than 8 bytes
  const sizeWidth = Math.clz32(lead) - 23;
  if (at + idWidth + sizeWidth > b.length) return null;
  let size = lead & (0xff >> sizeWidth);
  let allOnes = size === 0xff >> sizeWidth;
  for (let k = 1; k < sizeWidth; k++) {
    const byte = b[at + idWidth + k]!;
    size = size * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { id, dataAt: at + idWidth + sizeWidth, size: allOnes ? null : size };
}

/** The element at `at` in the file. */
function elementAt(src: ByteSource, at: number): Element | null {
  const e = elementIn(src.read(at, 12), 0);
  return e && { id: e.id, dataAt: e.dataAt + at, size: e.size };
}

/** An unsigned integer element's value (up to 8 bytes; past 2^53 it is no position in any file). */
function uint(b: Buffer): number {
  let v = 0;
  for (const byte of b) v = v * 256 + byte;
  return v;
}

export function readMatroska(src: ByteSource, out: MediaRead): void {
  const head = elementAt(src, 0);
  if (head === null || head.id !== EBML || head.size === null) return damaged(out, 'it has no EBML header');
  // The Segment follows the EBML header (a Void element may stand between).
  let at = head.dataAt + head.size;
  let segment: Element | null = null;
  for (let n = 0; n < 16 && at < src.size; n++) {
    const e = elementAt(src, at);
    if (e === null) return src.starved ? notFullyRead(out, 'the Matroska segment') : damaged(out, `no element at offset ${at}`);
    if (e.id === SEGMENT) {
      segment = e;
      break;
    }
    if (e.size === null) break;
    at = e.dataAt + e.size;
  }
  if (segment === null) return damaged(out, 'it has no segment');
  readSegment(src, segment, out);
}

function readSegment(src: ByteSource, segment: Element, out: MediaRead): void {
  const start = segment.dataAt;
  const end = segment.size === null ? src.size : Math.min(src.size, start + segment.size);
  const seen = new Set<number>();
  const tagsAt: number[] = [];
  const seekHeadsAt: number[] = [];
  let sought = false;
  // The elements before the first cluster hold the SeekHead, and (from ffmpeg) the tags; past it, one read
  // per cluster would soon spend the read budget on a long video, so the SeekHead's positions are used.
  let i = start;
  let cut: string | null = null;
  for (let n = 0; n < MAX_ELEMENTS && i < end; n++) {
    const e = elementAt(src, i);
    if (e === null) {
      if (!src.starved) cut = `no element at offset ${i}`;
      else notFullyRead(out, 'part of the Matroska segment');
      break;
    }
    if (e.id === CLUSTER && sought) break;
    seen.add(i);
    if (e.id === SEEK_HEAD) {
      sought = true;
      readSeekHead(src, e, start, tagsAt, seekHeadsAt, out);
    } else if (e.id === TAGS) readTags(src, e, out);
    if (e.size === null) break; // a cluster of a live stream: nothing after it can be found by size
    i = e.dataAt + e.size;
  }
  // A second SeekHead (mkvmerge writes one at the end when the first is full), then the tags they point to.
  for (const at of seekHeadsAt.slice(0, MAX_SEEKS)) {
    if (seen.has(at)) continue;
    seen.add(at);
    const e = elementAt(src, at);
    if (e?.id === SEEK_HEAD) readSeekHead(src, e, start, tagsAt, [], out);
  }
  for (const at of tagsAt.slice(0, MAX_SEEKS)) {
    if (seen.has(at)) continue;
    seen.add(at);
    const e = elementAt(src, at);
    if (e?.id === TAGS) readTags(src, e, out);
    else if (e === null && src.starved) notFullyRead(out, 'the Matroska Tags element');
    else damaged(out, `the SeekHead points to tags at offset ${at}, where there are none`);
  }
  if (cut) damaged(out, cut);
  // (Said once: the element cut short has said so already.)
  else if (segment.size !== null && start + segment.size > src.size && !out.issues.some((x) => x.code === 'media-truncated')) truncated(out, 'the Matroska segment');
}

/** The SeekHead's entries: where the Tags (and any further SeekHead) are, from the segment's start. */
function readSeekHead(src: ByteSource, seekHead: Element, segmentStart: number, tagsAt: number[], seekHeadsAt: number[], out: MediaRead): void {
  const body = bodyOf(src, seekHead, 'the Matroska SeekHead', out);
  if (body === null) return;
  for (const seek of children(body, out)) {
    if (seek.id !== SEEK) continue;
    let id = -1;
    let position = -1;
    for (const c of children(body.subarray(seek.dataAt, seek.dataAt + seek.size!), out)) {
      const value = body.subarray(seek.dataAt + c.dataAt, seek.dataAt + c.dataAt + c.size!);
      if (c.id === SEEK_ID) id = uint(value);
      else if (c.id === SEEK_POSITION) position = uint(value);
    }
    if (position < 0 || segmentStart + position >= src.size) continue;
    if (id === TAGS) tagsAt.push(segmentStart + position);
    else if (id === SEEK_HEAD) seekHeadsAt.push(segmentStart + position);
  }
}

function readTags(src: ByteSource, tags: Element, out: MediaRead): void {
  const body = bodyOf(src, tags, 'the Matroska Tags element', out);
  if (body === null) return;
  for (const tag of children(body, out)) {
    if (tag.id !== TAG) continue;
    const inTag = body.subarray(tag.dataAt, tag.dataAt + tag.size!);
    let part = false;
    const found: { name: string; value: string; role: FieldRole }[] = [];
    for (const c of children(inTag, out)) {
      const data = inTag.subarray(c.dataAt, c.dataAt + c.size!);
      if (c.id === TARGETS) part = children(data, out).some((t) => TARGET_UIDS.has(t.id) && uint(data.subarray(t.dataAt, t.dataAt + t.size!)) !== 0);
      else if (c.id === SIMPLE_TAG) {
        let name: string | null = null;
        let value: string | null = null;
        // (A SimpleTag nested in this one qualifies it, as a URL of a license: it names no license of its own.)
        for (const s of children(data, out)) {
          if (s.id === TAG_NAME) name = decodeUtf8(data.subarray(s.dataAt, s.dataAt + s.size!)).toUpperCase();
          else if (s.id === TAG_STRING) value = decodeUtf8(data.subarray(s.dataAt, s.dataAt + s.size!));
        }
        const role = name === null ? undefined : ROLES.get(name);
        if (role !== undefined && value !== null) found.push({ name: name!, value, role });
      }
    }
    for (const f of found)
      if (!part) addField(out, `Matroska:${f.name}`, f.value, f.role);
      else if (f.role === 'license' || f.role === 'terms')
        addIssue(out, 'media-part-license', 'note', `a ${f.name} tag aimed at one track, chapter or attachment says "${f.value.slice(0, 80)}": it speaks of that part, and is not read as the file's license`, 'To license the whole file, write the tag for the file (ffmpeg: -metadata license=…, not -metadata:s:…)');
  }
}

/** An element's data, read whole (bounded), or null with the reason said. */
function bodyOf(src: ByteSource, e: Element, what: string, out: MediaRead): Buffer | null {
  if (e.size === null) {
    damaged(out, `${what} has no size`);
    return null;
  }
  if (e.size > MAX_TAGS_BYTES) {
    addIssue(out, 'media-metadata-too-large', 'note', `${what} (${e.size} bytes) was not read`);
    return null;
  }
  const body = src.read(e.dataAt, e.size);
  if (body.length < e.size) {
    if (src.starved) notFullyRead(out, what);
    else truncated(out, what);
    return null;
  }
  return body;
}

/** The elements one after another in `b` (a master element's data), each of a known size within it. */
function children(b: Buffer, out: MediaRead): Element[] {
  const found: Element[] = [];
  for (let i = 0; i < b.length && found.length < MAX_ELEMENTS; ) {
    const e = elementIn(b, i);
    if (e === null || e.size === null || e.dataAt + e.size > b.length) {
      damaged(out, 'an element in it is cut or has no size');
      break;
    }
    found.push(e);
    i = e.dataAt + e.size;
  }
  return found;
}

function damaged(out: MediaRead, why: string): void {
  addIssue(out, 'media-truncated', 'warning', `the Matroska structure is cut or damaged (${why}): what follows was not read`, 'Re-export the file from its source');
}
