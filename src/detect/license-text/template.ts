// The replaceable parts of license texts (build time only). SPDX's license templates mark
// words a copy may change: a variable (`<<var>>`: the copyright holder in "IN NO EVENT SHALL
// <<THE AUTHOR>> BE LIABLE") and an optional part (`<<beginOptional>>`: a title, an
// appendix). spdx-license-list ships the texts without the templates, so
// licenses/tables/variables.yaml records, in our own words, where those parts are: each as
// a short phrase of the normalized reference text with the part in brackets.
//
//   var: "event shall [the authors or copyright holders] be liable"   a copy may put up to
//        `max` words of its own in place of the bracketed ones ("[]": words may be inserted)
//   optional: "[mit license] permission is"                           a copy may leave them out
//   optional: "[exhibit a source code form ...]"                      from there to the end
//   optional: "[how to apply ... instead of this license]"            from one phrase to another
//
// The words outside the brackets only locate the part: the whole phrase must occur exactly
// once in the reference text (the build fails otherwise, naming the entry).
import { parse as parseYaml } from 'yaml';
import { normalizeWords } from './normalize.js';

/** Words a copy may put in a variable's place when the entry does not say. */
export const DEFAULT_VAR_WORDS = 10;

/** A part of a reference text a copy may change, in word positions [from, to) of its normalized words. */
export interface TemplateSpan {
  readonly kind: 'var' | 'optional';
  readonly from: number;
  readonly to: number;
  /** For a variable: the most words a copy may put in its place. */
  readonly max: number;
}

export interface TemplateEntry {
  readonly kind: 'var' | 'optional';
  readonly phrase: string;
  readonly max: number;
}

/** The entries of variables.yaml by license id, checked for shape (not yet against the texts). */
export function parseTemplates(file: string, text: string): Map<string, TemplateEntry[]> {
  const data: unknown = parseYaml(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${file}: expected a mapping of license id to a list of entries`);
  const out = new Map<string, TemplateEntry[]>();
  for (const [id, list] of Object.entries(data)) {
    if (!Array.isArray(list) || list.length === 0) throw new Error(`${file}: ${id}: expected a list of var/optional entries`);
    out.set(
      id,
      list.map((raw: unknown, i) => {
        const where = `${file}: ${id}, entry ${i + 1}`;
        if (typeof raw !== 'object' || raw === null) throw new Error(`${where}: expected { var: phrase } or { optional: phrase }`);
        const { var: v, optional: o, max, ...rest } = raw as Record<string, unknown>;
        const unknown = Object.keys(rest);
        if (unknown.length) throw new Error(`${where}: unknown key ${unknown[0]}`);
        const phrase = v ?? o;
        if ((v === undefined) === (o === undefined) || typeof phrase !== 'string') throw new Error(`${where}: expected exactly one of var or optional, a phrase`);
        if (max !== undefined && (o !== undefined || !Number.isInteger(max) || (max as number) < 0 || (max as number) > 60))
          throw new Error(`${where}: max is a whole number of words from 0 to 60, for a var`);
        return { kind: v !== undefined ? 'var' : 'optional', phrase, max: (max as number | undefined) ?? DEFAULT_VAR_WORDS } as const;
      }),
    );
  }
  return out;
}

/** Where each entry's part lies in the normalized words of the reference text; throws naming the entry when it cannot be placed. */
export function locateSpans(id: string, tokens: readonly string[], entries: readonly TemplateEntry[]): TemplateSpan[] {
  return entries.map((e) => {
    const fail = (why: string): Error => new Error(`licenses/tables/variables.yaml: ${id}: ${e.kind} "${e.phrase}" ${why}`);
    const m = /^([^[\]]*)\[([^[\]]*)\]([^[\]]*)$/.exec(e.phrase);
    if (!m) throw fail('must hold one bracketed part');
    const [left, inner, right] = [normalizeWords(m[1]!), m[2]!, normalizeWords(m[3]!)];
    const dots = inner.indexOf('...');
    if (dots < 0) {
      const words = normalizeWords(inner);
      if (words.length === 0 && e.kind === 'optional') throw fail('leaves out no words');
      const at = occurrences(tokens, [...left, ...words, ...right], 0);
      if (at.length !== 1) throw fail(at.length ? `occurs ${at.length} times in the text` : 'is not in the text');
      const from = at[0]! + left.length;
      return { kind: e.kind, from, to: from + words.length, max: e.max };
    }
    if (e.kind !== 'optional') throw fail('spans "..." but only an optional part may');
    const [first, last] = [normalizeWords(inner.slice(0, dots)), normalizeWords(inner.slice(dots + 3))];
    if (first.length === 0) throw fail('must name the words that start the part');
    const starts = occurrences(tokens, [...left, ...first], 0);
    if (starts.length !== 1) throw fail(starts.length ? `starts ${starts.length} times in the text` : 'does not start in the text');
    const from = starts[0]! + left.length;
    if (last.length === 0) {
      if (right.length) throw fail('runs to the end of the text, so nothing may follow it');
      return { kind: e.kind, from, to: tokens.length, max: 0 };
    }
    const end = occurrences(tokens, [...last, ...right], from + first.length)[0];
    if (end === undefined) throw fail('does not end in the text');
    return { kind: e.kind, from, to: end! + last.length, max: 0 };
  });
}

/** Start positions of `seq` in `tokens` at or after `from`. */
function occurrences(tokens: readonly string[], seq: readonly string[], from: number): number[] {
  const out: number[] = [];
  if (seq.length === 0) return out;
  outer: for (let i = from; i + seq.length <= tokens.length; i++) {
    for (let j = 0; j < seq.length; j++) if (tokens[i + j] !== seq[j]) continue outer;
    out.push(i);
  }
  return out;
}

/**
 * A template as the matcher's exact-template pass reads it (template-match.ts): a string is
 * words a copy must have, as they are; a number is a variable, where a copy may put up to
 * that many words of its own; an array is an optional part, which a copy has in full or not
 * at all.
 */
export type TemplatePart = string | number | TemplatePart[];

/**
 * The reference words with their variable and optional parts, as template parts. A part
 * nested in a variable is the variable's; one nested in an optional part is kept inside it;
 * one that overlaps another without nesting is dropped, which only makes the template
 * stricter (the fuzzy pass still reads such a copy).
 */
export function templateParts(tokens: readonly string[], spans: readonly TemplateSpan[]): TemplatePart[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from || b.to - a.to);
  const build = (from: number, to: number, inner: readonly TemplateSpan[]): TemplatePart[] => {
    const parts: TemplatePart[] = [];
    let at = from;
    for (let i = 0; i < inner.length; i++) {
      const s = inner[i]!;
      if (s.from < at) continue; // overlaps the part before it
      if (s.from > at) parts.push(tokens.slice(at, s.from).join(' '));
      // The parts within this one, and past those, the next that starts after it.
      let j = i + 1;
      while (j < inner.length && inner[j]!.from < s.to) j++;
      const nested = inner.slice(i + 1, j).filter((n) => n.to <= s.to);
      if (s.kind === 'var') parts.push(Math.max(s.max, s.to - s.from));
      else parts.push(build(s.from, s.to, nested));
      at = s.to;
    }
    if (to > at) parts.push(tokens.slice(at, to).join(' '));
    return parts;
  };
  return build(0, tokens.length, sorted);
}
