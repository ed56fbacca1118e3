// Placeholder contract for the full-text matcher (implemented in this folder).
import type { Candidate } from '../../types.js';

export interface TextMatch {
  /** The license named, as a catalog id. */
  readonly expression: string;
  readonly confidence: number;
  /** 1-based first and last line of the text the license was found in. */
  readonly startLine: number;
  readonly endLine: number;
}

export interface MatchResult {
  /** One entry per license found, in the order they appear in the text. */
  readonly matches: readonly TextMatch[];
  /** When nothing reached the threshold: the closest licenses, best first. */
  readonly candidates: readonly Candidate[];
}

export interface MatchOptions {
  readonly minConfidence: number;
  /** An id the file name suggests (LICENSES/<id>.txt): preferred when its text matches equally well. */
  readonly hint?: string;
}

export interface LicenseMatcher {
  match(text: string, options: MatchOptions): MatchResult;
}

export function loadMatcher(): LicenseMatcher {
  return { match: () => ({ matches: [], candidates: [] }) };
}
