// The full-text matcher: names the licenses in a license file by comparing its text with
// every SPDX license text and every catalog fingerprint (see match.ts for how). The index
// is built by `npm run build` (build-index.ts) and read here once, on first use.
import { GENERATED_DIR } from '../../paths.js';
import { readIndex } from './index-data.js';
import { matchText, type MatchOptions, type MatchResult } from './match.js';
import { MatchMemo } from './memo.js';

export type { MatchOptions, MatchResult, TextMatch, UnknownText } from './match.js';

export interface LicenseMatcher {
  match(text: string, options: MatchOptions): MatchResult;
  /** Whether a text for this id is known (an SPDX text or a fingerprint), so a file claiming it can be checked. */
  knows(id: string): boolean;
}

export function loadMatcher(dir: string = GENERATED_DIR): LicenseMatcher {
  const index = readIndex(dir);
  const known = new Set(index.header.targets.flatMap((t) => t.ids));
  const memo = new MatchMemo();
  return {
    match: (text, options) => matchText(index, text, options, memo),
    knows: (id) => known.has(id),
  };
}
