// A reference text reduced to what the matcher needs: the hash of its normalized words
// (exact match), and its distinct shingle hashes (fuzzy match), split into the part a copy
// must hold and the parts it may leave out or change: the appendix after "END OF TERMS AND
// CONDITIONS", and the variable and optional parts of its SPDX template (template.ts).
// Fingerprints of licenses whose text we do not ship (licenses/fingerprints/*.json) are
// profiles written to disk with their origin.
import { createHash } from 'node:crypto';
import { normalizeWords, NORMALIZER_VERSION } from './normalize.js';
import { distinctSorted, hashWords, SHINGLE_SIZE, shingleHashes } from './shingle.js';
import type { TemplateSpan } from './template.js';

/**
 * A variable of the template that a copy fills with its own words: the shingle that ends
 * just before it, the one that starts just after it, and how many shingle positions may lie
 * between them in a copy (the filled-in words and the shingles that overlap them).
 */
export type Blank = readonly [before: number, after: number, positions: number];

export interface TextProfile {
  readonly sha256: string;
  readonly tokens: number;
  /** Shingles of the license proper, sorted. */
  readonly required: Uint32Array;
  /**
   * Shingles a copy may lack, sorted: those after "END OF TERMS AND CONDITIONS" (SPDX
   * templates mark that appendix optional), those over a variable or optional part, and
   * those a copy without an optional part, or with a variable left empty, has at the seam.
   */
  readonly optional: Uint32Array;
  /** How often the shingles that occur more than once occur (at most 255). */
  readonly repeats: ReadonlyMap<number, number>;
  readonly blanks: readonly Blank[];
}

const END_OF_TERMS = ['end', 'of', 'terms', 'and', 'conditions'];

export function profileWords(tokens: readonly string[], spans: readonly TemplateSpan[] = []): TextProfile {
  const hashes = shingleHashes(tokens);
  const k = Math.min(SHINGLE_SIZE, tokens.length);
  // Shingles that start after the marker belong to the appendix.
  const cut = Math.min(hashes.length, appendixStart(tokens));
  // Shingles that overlap a part a copy may change are not required of it.
  const soft = new Uint8Array(hashes.length);
  for (const s of spans) soft.fill(1, Math.max(0, s.from - k + 1), Math.min(hashes.length, s.to));
  const hard: number[] = [];
  const rest: number[] = [];
  hashes.forEach((h, p) => (p < cut && !soft[p] ? hard : rest).push(h));
  const required = distinctSorted(Uint32Array.from(hard));
  const optional = distinctSorted(Uint32Array.from([...rest, ...spans.flatMap((s) => seamShingles(tokens, s, k))])).filter((h) => !contains(required, h));
  const counts = new Map<number, number>();
  for (const h of hashes) counts.set(h, (counts.get(h) ?? 0) + 1);
  const repeats = new Map([...counts].filter(([, n]) => n > 1).map(([h, n]) => [h, Math.min(n, 255)]));
  return { sha256: hashWords(tokens), tokens: tokens.length, required, optional, repeats, blanks: blanksOf(hashes, spans, k) };
}

/** The shingles a copy has where the span's words are left out. */
function seamShingles(tokens: readonly string[], s: TemplateSpan, k: number): number[] {
  const seam = [...tokens.slice(Math.max(0, s.from - k + 1), s.from), ...tokens.slice(s.to, s.to + k - 1)];
  return seam.length >= k ? [...shingleHashes(seam)] : [];
}

/**
 * The blanks of the variables: their anchors, the shingles just outside them. Variables
 * closer than a shingle to each other share anchors, so they make one blank that holds both
 * and the words between; one at the very start or end of the text has no anchor on that side
 * and needs none (the match simply starts or ends beside it).
 */
function blanksOf(hashes: Uint32Array, spans: readonly TemplateSpan[], k: number): Blank[] {
  const vars = spans.filter((s) => s.kind === 'var').sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number; max: number }[] = [];
  for (const v of vars) {
    const last = merged[merged.length - 1];
    if (last && v.from - last.to < k) {
      last.max += v.max + Math.max(0, v.from - last.to);
      last.to = Math.max(last.to, v.to);
    } else merged.push({ from: v.from, to: v.to, max: v.max });
  }
  return merged
    .filter((v) => v.from - k >= 0 && v.to < hashes.length)
    .map((v) => [hashes[v.from - k]!, hashes[v.to]!, v.max + k - 1] as const);
}

export function profileText(text: string): TextProfile {
  return profileWords(normalizeWords(text));
}

/** Where the appendix after "END OF TERMS AND CONDITIONS" starts (the text's length when it has none). */
export function appendixStart(tokens: readonly string[]): number {
  const end = findSequence(tokens, END_OF_TERMS);
  return end < 0 ? tokens.length : end + END_OF_TERMS.length;
}

function findSequence(tokens: readonly string[], seq: readonly string[]): number {
  outer: for (let i = 0; i + seq.length <= tokens.length; i++) {
    for (let j = 0; j < seq.length; j++) if (tokens[i + j] !== seq[j]) continue outer;
    return i;
  }
  return -1;
}

export function contains(sorted: Uint32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] === value;
}

// ---- fingerprint files -------------------------------------------------------------

/** Bumped when the file layout changes; the normalizer and shingle size are recorded separately. */
export const FINGERPRINT_FORMAT = 1;

export interface FingerprintFile {
  readonly format: number;
  readonly normalizer: number;
  readonly shingleSize: number;
  readonly id: string;
  /** Where the text came from: repository, path and commit, or URL, and what was removed. */
  readonly source: string;
  /** SHA-256 of the text file the fingerprint was made from, as it was read. */
  readonly textSha256: string;
  readonly sha256: string;
  readonly tokens: number;
  /** Base64 of the sorted shingle hashes, little-endian uint32. */
  readonly required: string;
  readonly optional: string;
  /** Base64 of (hash, count) pairs, little-endian uint32, for the shingles that occur more than once. */
  readonly repeats: string;
}

export function makeFingerprint(id: string, source: string, text: string): FingerprintFile {
  const p = profileText(text);
  return {
    format: FINGERPRINT_FORMAT,
    normalizer: NORMALIZER_VERSION,
    shingleSize: SHINGLE_SIZE,
    id,
    source,
    textSha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    sha256: p.sha256,
    tokens: p.tokens,
    required: encodeHashes(p.required),
    optional: encodeHashes(p.optional),
    repeats: encodeHashes(Uint32Array.from([...p.repeats].sort((a, b) => a[0] - b[0]).flat())),
  };
}

/** Why a fingerprint cannot be used with this normalizer, or null when it can. */
export function staleReason(fp: FingerprintFile): string | null {
  if (fp.format !== FINGERPRINT_FORMAT) return `format ${fp.format}, expected ${FINGERPRINT_FORMAT}`;
  if (fp.normalizer !== NORMALIZER_VERSION) return `made by normalizer ${fp.normalizer}, this is ${NORMALIZER_VERSION}`;
  if (fp.shingleSize !== SHINGLE_SIZE) return `shingles of ${fp.shingleSize} words, this uses ${SHINGLE_SIZE}`;
  return null;
}

export function fingerprintProfile(fp: FingerprintFile): TextProfile {
  const pairs = decodeHashes(fp.repeats);
  const repeats = new Map<number, number>();
  for (let i = 0; i + 1 < pairs.length; i += 2) repeats.set(pairs[i]!, pairs[i + 1]!);
  return { sha256: fp.sha256, tokens: fp.tokens, required: decodeHashes(fp.required), optional: decodeHashes(fp.optional), repeats, blanks: [] };
}

function encodeHashes(hashes: Uint32Array): string {
  const buf = Buffer.alloc(hashes.length * 4);
  hashes.forEach((h, i) => buf.writeUInt32LE(h, i * 4));
  return buf.toString('base64');
}

function decodeHashes(text: string): Uint32Array {
  const buf = Buffer.from(text, 'base64');
  const out = new Uint32Array(buf.length >>> 2);
  for (let i = 0; i < out.length; i++) out[i] = buf.readUInt32LE(i * 4);
  return out;
}
