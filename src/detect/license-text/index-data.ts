// The matcher's index on disk: a small JSON header naming the reference texts, and one
// binary file of postings — every (shingle hash, text) pair, sorted by hash, with how often
// the text has that shingle — so the matcher looks each shingle of a scanned file up by
// binary search, with next to no work at load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InternalError } from '../../errors.js';
import { NORMALIZER_VERSION } from './normalize.js';
import type { Blank } from './profile.js';
import type { TemplatePart } from './template.js';
import { SHINGLE_SIZE } from './shingle.js';

export const INDEX_FORMAT = 3;
export const INDEX_HEADER_FILE = 'license-index.json';
export const INDEX_POSTINGS_FILE = 'license-index.bin';
/** Set in a posting's owner when a copy may lack the shingle (an appendix, a variable or optional part of the template). */
export const OPTIONAL_BIT = 0x8000;
export const OWNER_MASK = 0x7fff;

export interface IndexTarget {
  /** Ids sharing this text; ids[0] is the one named when no hint picks another. */
  readonly ids: readonly string[];
  /** 'notice': the short notice that applies a license (Apache-2.0's "Licensed under the Apache License…"), not its text. */
  readonly kind: 'license' | 'exception' | 'notice';
  /** Where the text came from: spdx-license-list, or a committed fingerprint. */
  readonly origin: 'spdx' | 'fingerprint';
  /** SHA-256 of the normalized words. */
  readonly sha256: string;
  readonly tokens: number;
  /** Distinct shingles a copy must hold. */
  readonly required: number;
  /** Distinct shingles in all (required and optional). */
  readonly shingles: number;
  /** Catalog phrases, normalized and joined without spaces; a fuzzy match must contain each. */
  readonly phrases: readonly string[];
  /** The variables of its template a copy may fill with its own words (absent when none). */
  readonly blanks?: readonly Blank[];
  /** Its words with the parts a copy may change or leave out (template.ts), for the exact-template pass; absent when it has none. */
  readonly template?: readonly TemplatePart[];
}

export interface IndexHeader {
  readonly format: number;
  readonly normalizer: number;
  readonly shingleSize: number;
  readonly spdxLicenseListVersion: string;
  readonly postings: number;
  readonly targets: readonly IndexTarget[];
}

export interface LicenseIndex {
  readonly header: IndexHeader;
  /** Shingle hashes, ascending; equal hashes are adjacent with their owners ascending. */
  readonly hashes: Uint32Array;
  /** Target index of each posting, OPTIONAL_BIT set for shingles a copy may lack. */
  readonly owners: Uint16Array;
  /** How often the target's text has the shingle (at most 255). */
  readonly counts: Uint8Array;
  /** Where the postings of each 16-bit hash prefix start (65,537 entries): a lookup touches a few entries, not 20. */
  readonly buckets: Uint32Array;
  /** Target by the SHA-256 of its normalized words. */
  readonly bySha: ReadonlyMap<string, number>;
}

/** Bytes per posting: hash (uint32), owner (uint16), count (uint8). */
const POSTING_BYTES = 7;

/** Lays the postings out as one buffer: hashes, then owners, then counts, little-endian. */
export function encodePostings(hashes: Uint32Array, owners: Uint16Array, counts: Uint8Array): Buffer {
  const n = hashes.length;
  const buf = Buffer.alloc(n * POSTING_BYTES);
  for (let i = 0; i < n; i++) buf.writeUInt32LE(hashes[i]!, i * 4);
  for (let i = 0; i < n; i++) buf.writeUInt16LE(owners[i]!, n * 4 + i * 2);
  buf.set(counts, n * 6);
  return buf;
}

export function readIndex(dir: string): LicenseIndex {
  let header: IndexHeader;
  let bytes: Buffer;
  try {
    header = JSON.parse(readFileSync(join(dir, INDEX_HEADER_FILE), 'utf8')) as IndexHeader;
    bytes = readFileSync(join(dir, INDEX_POSTINGS_FILE));
  } catch {
    throw new InternalError(`the license-text index is missing in ${dir}; run npm run build`);
  }
  return indexFromParts(header, bytes, dir);
}

/** The index from its header and postings bytes (as written by the build). */
export function indexFromParts(header: IndexHeader, bytes: Uint8Array, where = 'memory'): LicenseIndex {
  const n = header.postings;
  // An index made by another normalizer would never meet the scanned text's shingles.
  const current = header.format === INDEX_FORMAT && header.normalizer === NORMALIZER_VERSION && header.shingleSize === SHINGLE_SIZE;
  if (!current || bytes.length !== n * POSTING_BYTES)
    throw new InternalError(`the license-text index in ${where} is damaged or from another version; run npm run build`);
  // Typed arrays need aligned offsets; a pooled Buffer may not be, so copy into a fresh one.
  const buffer: Uint8Array = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const hashes = new Uint32Array(buffer.buffer, buffer.byteOffset, n);
  const owners = new Uint16Array(buffer.buffer, buffer.byteOffset + n * 4, n);
  const counts = new Uint8Array(buffer.buffer, buffer.byteOffset + n * 6, n);
  const bySha = new Map<string, number>();
  header.targets.forEach((t, i) => bySha.set(t.sha256, i));
  // Every target in one shape: JSON.parse gives those with and without `blanks` or `template`
  // shapes of their own, and the matcher's optimized code, which reads them, was thrown away
  // whenever it met one more (12 times in a dependency audit).
  const targets = header.targets.map((t): IndexTarget => ({ blanks: undefined, template: undefined, ...t }));
  return { header: { ...header, targets }, hashes, owners, counts, buckets: bucketize(hashes), bySha };
}

function bucketize(hashes: Uint32Array): Uint32Array {
  const buckets = new Uint32Array(65537);
  for (let i = 0; i < hashes.length; i++) {
    const b = (hashes[i]! >>> 16) + 1;
    buckets[b] = buckets[b]! + 1;
  }
  for (let b = 1; b < buckets.length; b++) buckets[b] = buckets[b]! + buckets[b - 1]!;
  return buckets;
}

/** The postings [start, end) of one shingle hash. */
export function postingsOf(index: LicenseIndex, hash: number): [number, number] {
  const { hashes, buckets } = index;
  let lo = buckets[hash >>> 16]!;
  let hi = buckets[(hash >>> 16) + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hashes[mid]! < hash) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < hashes.length && hashes[end] === hash) end++;
  return [lo, end];
}
