// What the postings say about one text: which reference texts share its shingles, where,
// and how well each explains any stretch of it. Pure arithmetic over typed arrays; the
// decisions (what to name) are in match.ts.
//
// Each candidate keeps only the sorted positions of the shingles it has, so work and
// memory follow the shared shingles, not text length times candidates: a NOTICE file
// of many licenses costs what its licenses cost.
//
// Where a candidate's template has a variable (a holder's name, "THE AUTHOR"), a copy has
// its own words there, which no reference shingle explains. Between the shingles that
// anchor such a blank, up to its size, those positions count as explained.
import { OPTIONAL_BIT, OWNER_MASK, postingsOf, type IndexTarget, type LicenseIndex } from './index-data.js';
import type { Blank } from './profile.js';
import { hashWords, shingleHashes } from './shingle.js';

/** The confidence of a copy that has every shingle of a text but is not that text word for word (a template variant). */
export const VARIANT_CONFIDENCE = 0.99;
/** Reference texts always scored in detail (the best by share of their shingles found)... */
const TOP_CANDIDATES = 24;
/** ...and beyond those, every text at least this share of which is present, up to MAX_CANDIDATES. */
const PRESENT_SHARE = 0.5;
const MAX_CANDIDATES = 400;
/** Steps of stretches() per hit it walks, at most, before a run no longer restarts just after its best end (see there). */
const WALK_BUDGET = 8;

/** A run of shingle positions [from, to] that one candidate explains. */
export interface Stretch {
  readonly slot: number;
  readonly from: number;
  readonly to: number;
  /** Positions in the run whose shingle the candidate has. */
  readonly matched: number;
  /** Containment x precision; 1 only when the words equal the reference text. */
  readonly confidence: number;
}

export interface Evidence {
  /** Shingle positions in the text. */
  readonly positions: number;
  /** Words per shingle (fewer when the text is shorter than one shingle). */
  readonly shingleWords: number;
  /** The candidate reference texts, by slot. */
  readonly targets: readonly IndexTarget[];
  score(slot: number, from: number, to: number): { matched: number; confidence: number };
  /** An upper bound of score(...).confidence in O(log n), to skip hopeless candidates. */
  bound(slot: number, from: number, to: number): number;
  /** The share of positions [from, to] whose shingle the candidate's text has (repeats, blanks filled included). */
  share(slot: number, from: number, to: number): number;
  /** The runs of one candidate within positions [from, to]; a gap of more than `maxGap` unexplained positions ends a run. */
  stretches(slot: number, from: number, to: number, maxGap: number): Stretch[];
  /** stretches(), stopping before a run that would start at one of `starts`; `end` is where it stopped (to + 1 when it did not). */
  stretchesUntil(slot: number, from: number, to: number, maxGap: number, starts: ReadonlySet<number>): { stretches: Stretch[]; end: number };
}

interface Hits {
  /** Sorted positions of the shingles the candidate has. */
  readonly at: Int32Array;
  /** How often the candidate's text has each of those shingles. */
  readonly uses: Uint8Array;
  /** requiredBefore[j] = how many of at[0..j) are in the candidate's required part. */
  readonly requiredBefore: Int32Array;
  /** filled[j] = the positions just before at[j] that fill a blank (0 when they fill none), or null without blanks. */
  readonly filled: Int32Array | null;
  /** filledBefore[j] = the sum of filled[0..j). */
  readonly filledBefore: Int32Array | null;
}

export function gatherEvidence(index: LicenseIndex, tokens: readonly string[]): Evidence {
  const shingles = shingleHashes(tokens);
  const m = shingles.length;
  const k = tokens.length - m + 1;

  // Postings range of each shingle; a small number for each distinct shingle the index knows;
  // and the previous position with the same shingle, so a stretch counts distinct shingles
  // without a set.
  const lo = new Int32Array(m);
  const hi = new Int32Array(m);
  const uidOf = new Int32Array(m).fill(-1);
  const prevSame = new Int32Array(m).fill(-1);
  const uidAt = new Map<number, number>(); // keyed by postings start: small integers, fast keys
  const lastAt: number[] = [];
  for (let i = 0; i < m; i++) {
    const [start, end] = postingsOf(index, shingles[i]!);
    lo[i] = start;
    hi[i] = end;
    if (end === start) continue;
    let uid = uidAt.get(start);
    if (uid === undefined) {
      uid = lastAt.push(-1) - 1;
      uidAt.set(start, uid);
    }
    uidOf[i] = uid;
    prevSame[i] = lastAt[uid]!;
    lastAt[uid] = i;
  }
  const uids = lastAt.length;

  // Candidates: texts by the share of their required shingles found. The same pass counts
  // every posting of each text (repeats and optional parts too): its positions, if chosen.
  const all = index.header.targets;
  const { owners, counts } = index;
  const found = new Uint32Array(all.length);
  const postings = new Uint32Array(all.length);
  for (let i = 0; i < m; i++) {
    const first = prevSame[i]! < 0; // count each shingle once
    for (let r = lo[i]!; r < hi[i]!; r++) {
      const owner = owners[r]!;
      const t = owner & OWNER_MASK;
      postings[t] = postings[t]! + 1;
      if (first && !(owner & OPTIONAL_BIT)) found[t] = found[t]! + 1;
    }
  }
  const share = (t: number): number => found[t]! / Math.max(1, all[t]!.required);
  const present: number[] = [];
  for (let t = 0; t < all.length; t++) if (found[t]! > 0) present.push(t);
  // Only what can be chosen is sorted (most texts share a few common shingles with hundreds):
  // the TOP_CANDIDATES best shares, and every share of PRESENT_SHARE or more. The rest would
  // sort after all of those, so the order of what is kept is the full sort's.
  let floor = 0;
  if (present.length > TOP_CANDIDATES) {
    const shares = Float64Array.from(present, share).sort();
    floor = Math.min(PRESENT_SHARE, shares[shares.length - TOP_CANDIDATES]!);
  }
  const ranked = present.filter((t) => share(t) >= floor);
  ranked.sort((a, b) => share(b) - share(a) || a - b);
  // The TOP_CANDIDATES best, and beyond them every text with PRESENT_SHARE (all in `ranked`, first).
  // Counted in a loop every text runs: a branch few texts reach (as a while loop extending the
  // count was) has no type feedback when V8 optimizes this function, and each text that reached
  // it left the optimized code there and ran the rest of it unoptimized.
  let strong = 0;
  for (const t of ranked) if (share(t) >= PRESENT_SHARE) strong++;
  const count = Math.min(ranked.length, Math.max(TOP_CANDIDATES, Math.min(strong, MAX_CANDIDATES)));
  const chosen = ranked.slice(0, count);
  // Pushed, not mapped: map() made this array packed in one call and holey in the next (as V8 ran
  // it unoptimized or inlined), and the optimized code reading it was thrown away at each change.
  const targets: IndexTarget[] = [];
  for (const t of chosen) targets.push(all[t]!);

  // Per candidate: the positions it explains (ascending, as the scan goes).
  const slotOf = new Int32Array(all.length).fill(-1);
  chosen.forEach((t, slot) => (slotOf[t] = slot));
  const sizes = Int32Array.from(chosen, (t) => postings[t]!);
  const at = Array.from(sizes, (size) => new Int32Array(size));
  const uses = Array.from(sizes, (size) => new Uint8Array(size));
  const required = Array.from(sizes, (size) => new Uint8Array(size));
  const fill = new Int32Array(count);
  for (let i = 0; i < m; i++)
    for (let r = lo[i]!; r < hi[i]!; r++) {
      const owner = owners[r]!;
      const slot = slotOf[owner & OWNER_MASK]!;
      if (slot < 0) continue;
      const j = fill[slot]!;
      fill[slot] = j + 1;
      at[slot]![j] = i;
      uses[slot]![j] = counts[r]!;
      required[slot]![j] = owner & OPTIONAL_BIT ? 0 : 1;
    }
  const hits: Hits[] = at.map((positions, slot) => {
    const requiredBefore = new Int32Array(positions.length + 1);
    for (let j = 0; j < positions.length; j++) requiredBefore[j + 1] = requiredBefore[j]! + required[slot]![j]!;
    const filled = fillBlanks(positions, shingles, targets[slot]!.blanks ?? []);
    const filledBefore = filled && prefixSums(filled);
    return { at: positions, uses: uses[slot]!, requiredBefore, filled, filledBefore };
  });

  /** Positions explained in [from, to]: the candidate's shingles, and the blanks they fill between them. */
  const explained = (slot: number, a: number, b: number): number => {
    const { filledBefore } = hits[slot]!;
    return b - a + (filledBefore && b > a + 1 ? filledBefore[b]! - filledBefore[a + 1]! : 0);
  };

  // The SHA-256 of the words of positions [from, to], asked for again and again of a stretch that scores 1.
  const hashes = new Map<number, string>();
  const wordsHash = (from: number, to: number): string => {
    const key = from * (m + 1) + to;
    let h = hashes.get(key);
    if (h === undefined) hashes.set(key, (h = hashWords(tokens.slice(from, to + k))));
    return h;
  };

  const score = (slot: number, from: number, to: number): { matched: number; confidence: number } => {
    const { at: pos, requiredBefore } = hits[slot]!;
    const a = lowerBound(pos, from);
    const b = lowerBound(pos, to + 1);
    let distinct = 0;
    for (let j = a; j < b; j++) if (requiredBefore[j + 1]! > requiredBefore[j]! && prevSame[pos[j]!]! < from) distinct++;
    const t = targets[slot]!;
    const matched = explained(slot, a, b);
    const confidence = Math.min(1, distinct / Math.max(1, t.required)) * (matched / (to - from + 1));
    // Equal shingle sets are not equal texts (a paragraph moved, a blank filled): 1 is for an exact copy.
    if (confidence >= 1 && wordsHash(from, to) !== t.sha256) return { matched, confidence: VARIANT_CONFIDENCE };
    return { matched, confidence };
  };

  const bound = (slot: number, from: number, to: number): number => {
    const { at: pos, requiredBefore } = hits[slot]!;
    const a = lowerBound(pos, from);
    const b = lowerBound(pos, to + 1);
    return Math.min(1, (requiredBefore[b]! - requiredBefore[a]!) / Math.max(1, targets[slot]!.required)) * (explained(slot, a, b) / (to - from + 1));
  };

  // A maximum-sum walk over the positions: +1 for one the candidate explains, -1 for one it
  // does not. A shingle the run has used as often as the candidate's text has it counts as
  // not explained, so two copies of a license, or a license beside one it contains
  // (BSD-2-Clause, then BSD-3-Clause), are two runs, not one. A run ends where the sum drops below zero, or at more than maxGap
  // unexplained positions in a row (text inserted into a license is not that license); it is
  // trimmed to its best end, and the next run starts just after that end, so the words the
  // run counted as repeats start the next one (ISC, then 0BSD: the second text's words are all
  // repeats of the first's). Re-walking is bounded: past WALK_BUDGET steps per hit, a run
  // resumes after its last explained position instead. Positions that fill a blank cost nothing.
  const seen = new Uint32Array(uids);
  const used = new Uint8Array(uids);
  let runNo = 0;
  const stretchesUntil = (slot: number, from: number, to: number, maxGap: number, starts: ReadonlySet<number> | null): { stretches: Stretch[]; end: number } => {
    const { at: pos, uses, filled } = hits[slot]!;
    const out: Stretch[] = [];
    let j = lowerBound(pos, from);
    let budget = WALK_BUDGET * (lowerBound(pos, to + 1) - j);
    while (j < pos.length && pos[j]! <= to) {
      if (starts?.has(pos[j]!)) return { stretches: out, end: pos[j]! };
      const run = ++runNo;
      const start = pos[j]!;
      let sum = 0;
      let best = 0;
      let bestEnd = start;
      let prev = start - 1;
      let lastExplained = start - 1;
      let resume = -1; // index after the last explained position
      let afterBest = j + 1; // index after bestEnd
      for (; j < pos.length && pos[j]! <= to; j++, budget--) {
        const p = pos[j]!;
        const fill = filled && j > 0 && prev === pos[j - 1] ? filled[j]! : 0;
        sum -= p - prev - 1 - fill;
        if (sum < 0 || p - lastExplained - 1 - fill > maxGap) break;
        prev = p;
        const u = uidOf[p]!;
        if (seen[u] !== run) {
          seen[u] = run;
          used[u] = 0;
        }
        if (used[u]! >= uses[j]!) {
          sum--;
          continue;
        }
        used[u] = used[u]! + 1;
        lastExplained = p;
        resume = j + 1;
        if (++sum > best) {
          best = sum;
          bestEnd = p;
          afterBest = j + 1;
        }
      }
      out.push({ slot, from: start, to: bestEnd, ...score(slot, start, bestEnd) });
      if (j < pos.length && pos[j]! <= to) j = budget > 0 ? afterBest : resume;
    }
    return { stretches: out, end: to + 1 };
  };
  const stretches = (slot: number, from: number, to: number, maxGap: number): Stretch[] => stretchesUntil(slot, from, to, maxGap, null).stretches;

  const shareOf = (slot: number, from: number, to: number): number => {
    const { at: pos } = hits[slot]!;
    return explained(slot, lowerBound(pos, from), lowerBound(pos, to + 1)) / (to - from + 1);
  };

  return { positions: m, shingleWords: k, targets, score, bound, share: shareOf, stretches, stretchesUntil };
}

/**
 * For each hit, the positions just before it that fill a blank: those between a hit on the
 * shingle before a blank and the nearest hit on the shingle after it, when no more than the
 * blank's size apart (null when the candidate has no blanks).
 */
function fillBlanks(pos: Int32Array, shingles: Uint32Array, blanks: readonly Blank[]): Int32Array | null {
  if (blanks.length === 0) return null;
  const byBefore = new Map<number, Blank[]>();
  for (const b of blanks) byBefore.set(b[0], [...(byBefore.get(b[0]) ?? []), b]);
  const filled = new Int32Array(pos.length);
  for (let j = 0; j < pos.length; j++) {
    const open = byBefore.get(shingles[pos[j]!]!);
    if (!open) continue;
    for (const [, after, size] of open)
      for (let q = j + 1; q < pos.length && pos[q]! - pos[j]! - 1 <= size; q++)
        if (shingles[pos[q]!] === after) {
          for (let i = j + 1; i <= q; i++) filled[i] = pos[i]! - pos[i - 1]! - 1;
          break;
        }
  }
  return filled;
}

function prefixSums(values: Int32Array): Int32Array {
  const out = new Int32Array(values.length + 1);
  for (let i = 0; i < values.length; i++) out[i + 1] = out[i]! + values[i]!;
  return out;
}

/** First index whose value is >= `value`. */
function lowerBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
