// Many files hold the same license words: a dependency tree ships hundreds of MIT texts that
// differ only in copyright lines, wrapping or markdown, all of which normalizeText() drops.
// The matcher's answer depends on the words and the options alone, so it is kept twice:
//   - by the text with its copyright notice lines blanked: the normalizer drops such lines
//     whole, so texts equal but for them have the same words on the same lines, and need
//     not even be normalized (a self-check turns this off should the normalizer ever keep
//     such a line);
//   - by the normalized words, in word positions, which each text maps to its own lines.
// Bounded: a tree of unique texts costs at most MAX_KEY_CHARS of keys.
import { normalizeText } from './normalize.js';
import type { MatchOptions, MatchResult, WordResult } from './match.js';

/** Texts longer than this (in characters) are matched afresh every time. */
const MAX_TEXT_CHARS = 64 * 1024;
/** All keys together at most (characters). */
const MAX_KEY_CHARS = 16 * 1024 * 1024;
/**
 * Lines that are copyright notices beyond doubt (the word or sign, then a year or a sign),
 * each matched whole after the \n before it (a line starts only there, as the normalizer
 * splits lines: not at U+2028 as /m would have it); `[^\S\n]` is whitespace within the line.
 */
const COPYRIGHT_LINES = /(^|\n)[^\S\n]*(?:copyright\b[^\S\n]*(?::[^\S\n]*)?(?:\(c\)|©|\d)|©|\(c\)[^\S\n]*\d)[^\n]*/gi;

export class MatchMemo {
  private readonly byText = new Map<string, MatchResult>();
  private readonly byWords = new Map<string, WordResult>();
  private chars = 0;
  private blanksNotices: boolean | undefined;

  /** The result for a text: kept, or from `match`, which gets the words (and lines) it normalized. */
  text(text: string, options: MatchOptions, match: (tokens: readonly string[], lines: readonly number[]) => MatchResult): MatchResult {
    if (text.length > MAX_TEXT_CHARS) {
      const { tokens, lines } = normalizeText(text);
      return match(tokens, lines);
    }
    this.blanksNotices ??= normalizeText('Copyright (c) 2020 Jo\n© 2021 Al\nword').tokens.join(' ') === 'word';
    // Lines as the normalizer splits them: \r\n and a lone \r end a line too.
    const body = this.blanksNotices ? text.replace(/\r\n?/g, '\n').replace(COPYRIGHT_LINES, '$1') : text;
    const key = `${optionsKey(options)}${body}`;
    let found = this.byText.get(key);
    if (found === undefined) {
      const { tokens, lines } = normalizeText(text);
      found = match(tokens, lines);
      this.keep(this.byText, key, found);
    }
    return found;
  }

  /** The result for normalized words: kept, or from `match`. */
  words(tokens: readonly string[], options: MatchOptions, match: () => WordResult): WordResult {
    const words = tokens.join(' ');
    if (words.length > MAX_TEXT_CHARS) return match();
    const key = `${optionsKey(options)}${words}`;
    let found = this.byWords.get(key);
    if (found === undefined) {
      found = match();
      this.keep(this.byWords, key, found);
    }
    return found;
  }

  private keep<T>(map: Map<string, T>, key: string, value: T): void {
    if (this.chars + key.length > MAX_KEY_CHARS) return;
    map.set(key, value);
    this.chars += key.length;
  }
}

function optionsKey(options: MatchOptions): string {
  return `${options.minConfidence}\u0000${options.hint ?? ''}\u0000${options.minUnknownWords ?? ''}\u0000${options.exactOnly ? 1 : 0}\u0000`;
}
