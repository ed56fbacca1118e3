// Word shingles: every run of SHINGLE_SIZE consecutive words, hashed to 32 bits. Two texts
// share a shingle where they say the same few words in the same order, so the share of
// common shingles measures how much of one text is in the other, order included.
import * as crypto from 'node:crypto';

/** Words per shingle: short enough that one changed word costs few shingles, long enough to keep word order. */
export const SHINGLE_SIZE = 4;

function hashWord(word: string): number {
  let h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function mix(h: number): number {
  // murmur3's finalizer: spreads the bits so sorted hashes are uniform.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The hash of each shingle, by position; a text shorter than one shingle has one shingle of all its words. */
export function shingleHashes(tokens: readonly string[]): Uint32Array {
  if (tokens.length === 0) return new Uint32Array(0);
  const words = Uint32Array.from(tokens, hashWord);
  const size = Math.min(SHINGLE_SIZE, words.length);
  const out = new Uint32Array(words.length - size + 1);
  for (let i = 0; i < out.length; i++) {
    let h = size;
    for (let j = 0; j < size; j++) h = Math.imul(h ^ words[i + j]!, 0x9e3779b1) + j;
    out[i] = mix(h);
  }
  return out;
}

/** Distinct values, sorted ascending. */
export function distinctSorted(values: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.slice(0, n);
}

/** SHA-256 of normalized words: equal for texts that differ only in what the normalizer ignores. */
export function hashWords(tokens: readonly string[]): string {
  return sha256(tokens.join(' '));
}

// One call per hash where Node has it (20.12 and later): no Hash object, and none of the stream
// machinery a Hash object loads on first use (~10 ms of a short run).
const oneShot = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;
const sha256 = oneShot ? (text: string): string => oneShot('sha256', text) : (text: string): string => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
