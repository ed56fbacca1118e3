// Names the licenses in a text. Exact first: when the normalized words equal a reference
// text, confidence 1. Otherwise by shingles (evidence.ts):
//   1. the reference texts sharing the most shingles (relative to their size) are candidates;
//   2. per candidate, the runs of the text made of its shingles: where one license ends and
//      the next begins in a file that holds several;
//   3. a run scores how much of the license it holds (containment) times how much of it is
//      the license (precision);
//   4. greedy cover: take the run that explains the most words, mark it, look again in what
//      is left. What no license explains, and is long enough to matter, is unknown.
import type { Candidate } from '../../types.js';
import { gatherEvidence, VARIANT_CONFIDENCE, type Evidence, type Stretch } from './evidence.js';
import type { LicenseIndex } from './index-data.js';
import { normalizeText } from './normalize.js';
import { hashWords } from './shingle.js';
import type { MatchMemo } from './memo.js';
import { TemplateSet } from './template-match.js';

export interface TextMatch {
  /** The license named, as a catalog id (an exception id when kind is 'exception'). */
  readonly expression: string;
  readonly confidence: number;
  /** 1-based first and last line of the text the license was found in. */
  readonly startLine: number;
  readonly endLine: number;
  /** 'notice': the license's standard notice (see IndexTarget.kind), which names it but is not its text. */
  readonly kind: 'license' | 'exception' | 'notice';
}

export interface UnknownText {
  readonly startLine: number;
  readonly endLine: number;
  /** Normalized words in it. */
  readonly words: number;
  /** The closest licenses for this stretch, best first. */
  readonly candidates: readonly Candidate[];
}

export interface MatchResult {
  /** One entry per license found, in the order they appear in the text. */
  readonly matches: readonly TextMatch[];
  /** When nothing reached the threshold: the closest licenses, best first. */
  readonly candidates: readonly Candidate[];
  /** Stretches of text no license explains (the whole text when nothing was named). */
  readonly unknown: readonly UnknownText[];
  /** Normalized words in the text. */
  readonly words: number;
}

export interface MatchOptions {
  readonly minConfidence: number;
  /** An id the file name suggests (LICENSES/<id>.txt): preferred when its text matches equally well. */
  readonly hint?: string;
  /**
   * Text no license explains is reported from this many words on, wherever it stands: before,
   * between or after licenses, or inserted into one (which then is not named). Shorter runs
   * are titles, "see below" lines, filled-in names. Default 20.
   */
  readonly minUnknownWords?: number;
  /**
   * Only an exact copy or a template variant (template-match.ts), in microseconds: for text
   * read where a license is only now and then (a source file's header), never the shingle
   * matcher's milliseconds. Nothing found is an empty result, not an unknown text.
   */
  readonly exactOnly?: boolean;
}

/** A fuzzy match is named only if every other text scores at least this much lower on the same words. */
const AMBIGUITY_MARGIN = 0.02;
/** See MatchOptions.minUnknownWords. */
const DEFAULT_MIN_UNKNOWN_WORDS = 20;
/** Candidates listed for an unknown text. */
const LISTED_CANDIDATES = 3;
/** ...each explaining at least this share of it: a license that shares a disclaimer with a text is no clue to it. */
const MIN_CANDIDATE = 0.25;
/** An unexplained run this much of whose shingles a license named in the text has is that license's words, said again. */
const REPEAT_SHARE = 0.95;
/** A wider text holds at least this share of the words of the stretch it would take over (see widest). */
const WIDER_SHARE = 0.8;
/** Licenses named per text at most (a bound for hostile input; a large NOTICE file names hundreds). */
const MAX_MATCHES = 2000;

/**
 * A result in word positions (first and last word of each match and unknown stretch): what
 * the words alone decide, so texts with the same words share one (MatchMemo).
 */
export interface WordResult {
  readonly matches: readonly (Omit<TextMatch, 'startLine' | 'endLine'> & Span)[];
  readonly candidates: readonly Candidate[];
  readonly unknown: readonly (Omit<UnknownText, 'startLine' | 'endLine'> & Span)[];
  readonly words: number;
}

interface Span {
  readonly first: number;
  readonly last: number;
}

export function matchText(index: LicenseIndex, text: string, options: MatchOptions, memo?: MatchMemo): MatchResult {
  if (!memo) {
    const { tokens, lines } = normalizeText(text);
    return inLines(matchWords(index, tokens, options), lines);
  }
  return memo.text(text, options, (tokens, lines) => inLines(memo.words(tokens, options, () => matchWords(index, tokens, options)), lines));
}

/** A word-position result on the lines of one text. */
function inLines(found: WordResult, lines: readonly number[]): MatchResult {
  const at = <T extends Span>({ first, last, ...rest }: T) => ({ ...rest, startLine: lines[first]!, endLine: lines[last]! });
  return { matches: found.matches.map(at), candidates: found.candidates, unknown: found.unknown.map(at), words: found.words };
}

function matchWords(index: LicenseIndex, tokens: readonly string[], options: MatchOptions): WordResult {
  const n = tokens.length;
  if (n === 0) return { matches: [], candidates: [], unknown: [], words: 0 };

  // One text, from word `first` to `last`.
  const only = (target: number, confidence: number, first: number, last: number): WordResult => {
    const t = index.header.targets[target]!;
    return { matches: [{ expression: nameOf(t.ids, options.hint), confidence, first, last, kind: t.kind }], candidates: [], unknown: [], words: n };
  };
  const exact = index.bySha.get(hashWords(tokens));
  if (exact !== undefined) return only(exact, 1, 0, n - 1);
  const minWords = options.minUnknownWords ?? DEFAULT_MIN_UNKNOWN_WORDS;
  if (options.minConfidence <= VARIANT_CONFIDENCE) {
    const hit = templatesOf(index).find(tokens, minWords);
    if (hit) {
      // The reference words themselves, after a title the template pass stepped over, are an exact copy.
      const exactly = hashWords(tokens.slice(hit.first, hit.last + 1)) === index.header.targets[hit.target]!.sha256;
      return only(hit.target, exactly ? 1 : VARIANT_CONFIDENCE, hit.first, hit.last);
    }
  }
  if (options.exactOnly) return { matches: [], candidates: [], unknown: [], words: n };

  const ev = gatherEvidence(index, tokens);
  const m = ev.positions;
  const k = ev.shingleWords;
  // Inserting w words leaves w + k - 1 shingle positions unexplained.
  const maxGap = minWords + k - 2;
  const named = (s: Stretch): string => nameOf(ev.targets[s.slot]!.ids, options.hint);
  const hinted = (s: Stretch): boolean => options.hint !== undefined && ev.targets[s.slot]!.ids.includes(options.hint);
  const eligible = (s: Stretch): boolean => {
    if (s.confidence < options.minConfidence) return false;
    const { phrases } = ev.targets[s.slot]!;
    if (s.confidence >= 1 || phrases.length === 0) return true;
    // A license known only by fingerprint must also show each of its catalog phrases
    // (compared without spaces, so a word split in a PDF copy does not hide one).
    const words = tokens.slice(s.from, s.to + k).join('');
    return phrases.every((p) => words.includes(p));
  };

  // Greedy cover. Every candidate's stretches are found once, and fall into groups that do
  // not overlap (a NOTICE file of 400 licenses is 400 small problems, not one large one).
  // Within a group, naming a stretch trims the stretches it overlaps: what is left before it
  // is walked again, and each such candidate is walked again from just after it, until its
  // walk starts a run where it started one before (from there on, its stretches stand): words
  // it had counted as repeats of the named ones count afresh (Python's LICENSE: the CWI license,
  // whose disclaimer 0BSD shares, then 0BSD). Every other stretch stands.
  const all: Stretch[] = [];
  for (let slot = 0; slot < ev.targets.length; slot++) all.push(...ev.stretches(slot, 0, m - 1, maxGap));
  const picked: Stretch[] = [];
  for (const group of overlapGroups(all)) {
    // An array, not a set: no stretch enters it twice, and its order (which picks the first of equals) is kept as well.
    let pool: Stretch[] = group;
    // Where each candidate's stretches in the pool start, kept as the pool changes: a walk after a named
    // stretch stops where one of them starts (made afresh for every name, the sets made a file of hundreds
    // of texts quadratic).
    const starts = new Map<number, Set<number>>();
    const startsOf = (slot: number): Set<number> => {
      let set = starts.get(slot);
      if (!set) starts.set(slot, (set = new Set()));
      return set;
    };
    for (const s of group) startsOf(s.slot).add(s.from);
    const rejected = new Set<Stretch>();
    let groupEnd = 0;
    for (const s of group) groupEnd = Math.max(groupEnd, s.to);
    while (picked.length < MAX_MATCHES) {
      const found = pickNext(ev, pool, rejected, eligible, hinted, named);
      if (!found) break;
      const best = tighten(ev, found, pool, eligible, maxGap);
      picked.push(best);
      // The free positions after `best`: up to the next stretch named (the pool never crosses one), within the group.
      let right = groupEnd;
      for (const p of picked) if (p.from > best.to) right = Math.min(right, p.from - 1);
      const cut = new Map<number, Stretch[]>(); // candidate trimmed by `best` -> its stretches after it
      for (const s of pool) if (overlap(s, best) > 0) cut.set(s.slot, []);
      const next: Stretch[] = [];
      for (const s of pool) {
        const later = s.from > best.to ? cut.get(s.slot) : undefined;
        if (later) later.push(s);
        else if (overlap(s, best) === 0) next.push(s);
        else {
          // Trimmed by `best` (it starts at or before best.to: the walks below look only after it).
          startsOf(s.slot).delete(s.from);
          if (s.from < best.from)
            for (const piece of ev.stretches(s.slot, s.from, best.from - 1, maxGap)) {
              next.push(piece);
              startsOf(s.slot).add(piece.from);
            }
        }
      }
      for (const [slot, later] of cut) {
        // The candidate's stretches after `best` are `later`: where they start is what `starts` holds past best.to.
        const own = startsOf(slot);
        const walked = ev.stretchesUntil(slot, best.to + 1, right, maxGap, own);
        for (const s of later)
          if (s.from < walked.end) own.delete(s.from);
        for (const piece of walked.stretches) {
          next.push(piece);
          own.add(piece.from);
        }
        for (const s of later) if (s.from >= walked.end) next.push(s);
      }
      pool = next;
    }
  }

  // What no match explains: runs of words outside every picked stretch. A run that is words
  // of a license named in the text, said again, is that license's (a GPL's notice copied from
  // its appendix before its text uses up the appendix's words, which then end the text unexplained).
  const covered = new Uint8Array(n);
  for (const s of picked) covered.fill(1, s.from, s.to + k);
  const unknown: WordResult['unknown'][number][] = [];
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && !covered[j]) j++;
    if (j - i >= (picked.length === 0 ? 1 : minWords)) {
      const from = Math.min(i, m - 1);
      const to = Math.max(from, Math.min(j - k, m - 1));
      if (!picked.some((s) => ev.targets[s.slot]!.kind === 'license' && ev.share(s.slot, from, to) >= REPEAT_SHARE))
        unknown.push({ first: i, last: j - 1, words: j - i, candidates: closest(ev, from, to, maxGap, named) });
    }
    i = Math.max(j, i + 1);
  }

  return {
    matches: picked
      .sort((a, b) => a.from - b.from)
      .map((s) => ({
        expression: named(s),
        confidence: round(s.confidence),
        first: s.from,
        last: Math.min(n - 1, s.to + k - 1),
        kind: ev.targets[s.slot]!.kind,
      })),
    candidates: picked.length === 0 ? (unknown[0]?.candidates ?? []) : [],
    unknown,
    words: n,
  };
}

const templateSets = new WeakMap<LicenseIndex, TemplateSet>();

/** The index's templates, compiled on the first text that is not an exact copy. */
function templatesOf(index: LicenseIndex): TemplateSet {
  let set = templateSets.get(index);
  if (!set) templateSets.set(index, (set = new TemplateSet(index.header.targets)));
  return set;
}

/**
 * The next stretch to name, or null. Seeds are the eligible stretches, most words explained
 * first. A seed yields to a stretch of another text over mostly the same words that explains
 * their union better: a license that is another plus a preamble (Caldera /
 * Caldera-no-preamble) wins when the preamble is there; when that wider text cannot be
 * named, neither is. And a fuzzy stretch is named only when no other text explains its words
 * almost as well: near-identical licenses (SHL-0.5 / SHL-0.51, CNPL v5 / v6) are told apart
 * by an exact copy, or left unknown with both as candidates — never guessed.
 */
function pickNext(
  ev: Evidence,
  all: readonly Stretch[],
  rejected: Set<Stretch>,
  eligible: (s: Stretch) => boolean,
  hinted: (s: Stretch) => boolean,
  named: (s: Stretch) => string,
): Stretch | null {
  const seeds = all.filter((s) => !rejected.has(s) && eligible(s)).sort((a, b) => rank(a, b, hinted));
  for (const seed of seeds) {
    const s = widest(ev, seed, all);
    if ((s === seed || eligible(s)) && !ambiguous(ev, s, named)) return s;
    rejected.add(seed); // until it is trimmed, which makes it another stretch
  }
  return null;
}

/**
 * Among stretches over mostly the same words as `seed`, whose text holds the seed's words too, the one that explains
 * their union best. A text that only shares some of them is another license beside it: Hack's LICENSE.md holds the MIT
 * text and then the Bitstream Vera license, whose grant has half of MIT's words (its stretch reaches back over them).
 */
function widest(ev: Evidence, seed: Stretch, all: readonly Stretch[]): Stretch {
  let best = seed;
  for (const r of all) {
    if (r.slot === best.slot || overlap(r, best) * 2 < best.to - best.from + 1 || ev.share(r.slot, best.from, best.to) < WIDER_SHARE) continue;
    const from = Math.min(r.from, best.from);
    const to = Math.max(r.to, best.to);
    const mine = ev.score(best.slot, from, to).confidence;
    if (ev.bound(r.slot, from, to) > mine && ev.score(r.slot, from, to).confidence > mine) best = r;
  }
  return best;
}

/**
 * `best` without the words at its edge that another nameable stretch also has, where it is named as
 * surely without them. Two licenses one after the other may share a sentence at their meeting point
 * (libpng's LICENSE: the PNG Reference Library License version 2, whose last clause the version 1
 * text after it also has): the stretch of the larger would start at that clause, and the one before
 * it, trimmed of it, be named no more. A stretch's words are unordered evidence; which text a shared
 * edge belongs to is decided by which one needs it.
 */
function tighten(ev: Evidence, best: Stretch, pool: readonly Stretch[], eligible: (s: Stretch) => boolean, maxGap: number): Stretch {
  let out = best;
  for (const r of pool) {
    if (r.slot === out.slot || !eligible(r)) continue;
    const leading = r.from < out.from && r.to >= out.from && r.to < out.to;
    const trailing = r.to > out.to && r.from <= out.to && r.from > out.from;
    if (!leading && !trailing) continue;
    const rest = leading ? ev.stretches(out.slot, r.to + 1, out.to, maxGap) : ev.stretches(out.slot, out.from, r.from - 1, maxGap);
    const whole = rest.length === 1 ? rest[0]! : null;
    if (whole && (leading ? whole.to === out.to : whole.from === out.from) && whole.confidence >= out.confidence) out = whole;
  }
  return out;
}

/** Another text of a different license explains the stretch's words almost as well (two texts of one license, SPDX's and its authors', leave no doubt). */
function ambiguous(ev: Evidence, s: Stretch, named: (s: Stretch) => string): boolean {
  if (s.confidence >= 1) return false;
  const floor = s.confidence - AMBIGUITY_MARGIN;
  const name = named(s);
  for (let slot = 0; slot < ev.targets.length; slot++)
    if (slot !== s.slot && ev.bound(slot, s.from, s.to) > floor && ev.score(slot, s.from, s.to).confidence > floor && named({ ...s, slot }) !== name) return true;
  return false;
}

/** Order of preference: the stretch that explains more words, then the hinted one, then the surer one. */
function rank(a: Stretch, b: Stretch, hinted: (s: Stretch) => boolean): number {
  const wa = a.matched * a.confidence;
  const wb = b.matched * b.confidence;
  if (Math.abs(wa - wb) > 1e-9) return wb - wa;
  if (hinted(a) !== hinted(b)) return hinted(a) ? -1 : 1;
  return b.confidence - a.confidence || a.slot - b.slot;
}

/** Stretches in groups whose spans overlap within and not across. */
function overlapGroups(stretches: readonly Stretch[]): Stretch[][] {
  const sorted = [...stretches].sort((a, b) => a.from - b.from);
  const groups: Stretch[][] = [];
  let end = -1;
  for (const s of sorted) {
    if (s.from > end) groups.push([]);
    groups[groups.length - 1]!.push(s);
    end = Math.max(end, s.to);
  }
  return groups;
}

function overlap(a: Stretch, b: Stretch): number {
  return Math.max(0, Math.min(a.to, b.to) - Math.max(a.from, b.from) + 1);
}

/** The best few candidates for shingle positions [from, to]. */
function closest(ev: Evidence, from: number, to: number, maxGap: number, named: (s: Stretch) => string): Candidate[] {
  const best = new Map<string, number>();
  for (let slot = 0; slot < ev.targets.length; slot++)
    for (const s of ev.stretches(slot, from, to, maxGap)) {
      const id = named(s);
      if (s.confidence > (best.get(id) ?? 0)) best.set(id, s.confidence);
    }
  return [...best]
    .filter(([, c]) => c >= MIN_CANDIDATE)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, LISTED_CANDIDATES)
    .map(([expression, c]) => ({ expression, confidence: round(c) }));
}

/** The group member to name: the hint when it is one of them, else the group's first. */
function nameOf(ids: readonly string[], hint: string | undefined): string {
  return hint !== undefined && ids.includes(hint) ? hint : ids[0]!;
}

/** Rounds down, so 0.9996 is not shown as 1 (which means an exact copy). */
function round(x: number): number {
  return Math.floor(x * 1000) / 1000;
}
