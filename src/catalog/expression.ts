// SPDX license expressions: check what was written, normalize it (id case, aliases,
// deprecated ids, `+`), and when it is not valid, say why and suggest a valid one.
// The grammar itself is checked by spdx-expression-parse; this module only prepares
// its input and reads its tree back.
import parseSpdx from 'spdx-expression-parse';
import { distance } from 'fastest-levenshtein';
import { correctId as correct } from './correct.js';
import type { Catalog } from './index.js';
import { clip } from '../problems.js';

export type ExpressionNoteCode =
  | 'invalid-expression'
  | 'unknown-license'
  | 'deprecated-id'
  | 'alias'
  | 'id-case'
  | 'operator-case';

export interface ExpressionNote {
  readonly code: ExpressionNoteCode;
  readonly message: string;
}

export type Marker = 'NONE' | 'NOASSERTION' | 'UNLICENSED' | 'SEE LICENSE IN';

export interface NormalizedExpression {
  /** The canonical expression, or null when the input is not a usable expression. */
  readonly expression: string | null;
  /** True when the input is a valid SPDX expression (ids in any case, deprecated ids allowed). */
  readonly valid: boolean;
  readonly notes: readonly ExpressionNote[];
  /** For invalid input: a valid expression that is probably what was meant. */
  readonly suggestion: string | null;
  /** License and exception ids in the canonical expression, in order of appearance, unique. */
  readonly ids: readonly string[];
  readonly marker: Marker | null;
  /** For `SEE LICENSE IN <file>`: the file. */
  readonly seeFile?: string;
}

type Token = { kind: 'open' } | { kind: 'close' } | { kind: 'op'; text: string } | { kind: 'word'; text: string };

type Node =
  | { license: string; plus?: true; exception?: string }
  | { left: Node; conjunction: 'and' | 'or'; right: Node };

const OPERATORS = new Set(['AND', 'OR', 'WITH']);

// LicenseRef-/DocumentRef- idstrings are letters, digits, '.' and '-' (SPDX 2.3 Annex D).
const WORD_SHAPE = /^(?:DocumentRef-[A-Za-z0-9.-]+:)?[A-Za-z0-9][A-Za-z0-9.-]*\+?$/;
/** Longer than this is no expression anyone wrote, and the parser recurses once per operator. */
const MAX_EXPRESSION_CHARS = 10_000;
/**
 * What is worked out for one broken expression, at most: its notes (each said once), the
 * closest ids of its unknown words, and the segments a suggestion corrects. A real expression
 * names a few licenses; a hostile one of 10,000 characters, "GPL or GPL or …", took 135 ms
 * and gave a problem of 180 KB.
 */
const MAX_NOTES = 10;
const MAX_CLOSEST_LOOKUPS = 5;
const MAX_SUGGESTED_SEGMENTS = 16;
/** A segment longer than any license's name is corrected by no guess (spdx-correct's transformations run over all of it). */
const MAX_SEGMENT_CHARS = 200;

export function normalizeExpression(raw: string, catalog: Catalog, withSuggestion = true): NormalizedExpression {
  const input = raw.trim();
  if (input === '') return invalid([{ code: 'invalid-expression', message: 'the expression is empty' }], null);
  if (input.length > MAX_EXPRESSION_CHARS)
    return invalid([{ code: 'invalid-expression', message: `'${clip(input)}' is ${input.length} characters long: farleft reads an expression of at most ${MAX_EXPRESSION_CHARS}` }], null);
  const marker = readMarker(input);
  if (marker) return marker;
  // The border of a box comment after the expression ("LGPL-2.0-or-later       *"): no license,
  // and not the writer's second one either, as "names licenses with no operator" would have it.
  const border = trailingBorder(input);
  if (border) {
    const rest = normalizeExpression(input.slice(0, border.at), catalog, withSuggestion);
    const message = `'${clip(input)}' ends in '${border.border}', which is no license (a comment's border?): the expression ends before it`;
    return invalid([{ code: 'invalid-expression', message }], rest.expression ?? rest.suggestion);
  }
  // A tag quoted in a sentence: "(SPDX-License-Identifier: MIT-0)." in systemd's man pages.
  const sentence = withoutSentencePunctuation(input);
  if (sentence !== null) {
    const rest = normalizeExpression(sentence.expression, catalog, false);
    if (rest.valid && rest.expression !== null) {
      const message = `'${clip(input)}' ends in '${sentence.punctuation}', the punctuation of a sentence around it, not part of the expression`;
      return invalid([{ code: 'invalid-expression', message }], rest.expression);
    }
  }

  const notes: ExpressionNote[] = [];
  const tokens = tokenize(input);
  let ok = true;
  // The closest ids of an unknown word, looked up once per word, for a few words.
  const near = new Map<string, string[]>();
  const closest = (word: string): string[] => {
    let found = near.get(word);
    if (found === undefined) near.set(word, (found = near.size < MAX_CLOSEST_LOOKUPS ? catalog.closest(word) : []));
    return found;
  };
  const out: string[] = [];
  let afterWith = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'open' || t.kind === 'close') {
      out.push(t.kind === 'open' ? '(' : ')');
      continue;
    }
    if (t.kind === 'op') {
      const upper = t.text.toUpperCase();
      if (t.text !== upper) {
        ok = false;
        notes.push({ code: 'operator-case', message: `the operator '${t.text}' must be written in upper case: ${upper}` });
      }
      out.push(upper);
      afterWith = upper === 'WITH';
      continue;
    }
    // Several words in a row ("MIT License", "GPL 2.0+") are one name written in prose.
    let j = i;
    while (tokens[j + 1]?.kind === 'word') j++;
    if (j > i) {
      const words = tokens.slice(i, j + 1).map((w) => (w as { text: string }).text);
      const message = namesSeveral(words, catalog)
        ? `'${words.join(' ')}' names licenses with no operator between them: write AND (all apply) or OR (a choice)`
        : `'${words.join(' ')}' is not a license identifier (an identifier has no spaces)`;
      notes.push({ code: 'invalid-expression', message });
      out.push(...words);
      ok = false;
      i = j;
    } else {
      const id = canonicalWord(t.text, afterWith, catalog, notes, closest);
      if (id === null) ok = false;
      out.push(id ?? t.text);
    }
    afterWith = false;
  }

  const structure = ok ? checkStructure(tokens) : null;
  if (structure) notes.push({ code: 'invalid-expression', message: `'${clip(input)}' is not a valid SPDX expression: ${structure}` });
  if (ok && structure === null) {
    try {
      const tree = parseSpdx(out.join(' ')) as Node;
      return { expression: render(tree), valid: true, notes: bounded(notes), suggestion: null, ids: collectIds(tree), marker: null };
    } catch (e) {
      // Our checks above should leave nothing for the parser to refuse; if they did, say so plainly.
      notes.push({ code: 'invalid-expression', message: `'${clip(input)}' is not a valid SPDX expression: ${e instanceof RangeError ? 'it is nested too deeply to be read' : (e as Error).message}` });
    }
  }
  if (!notes.some((n) => n.code === 'unknown-license' || n.code === 'operator-case' || n.code === 'invalid-expression'))
    notes.push({ code: 'invalid-expression', message: `'${clip(input)}' is not a valid SPDX expression` });
  return invalid(bounded(notes), withSuggestion ? suggest(tokens, catalog) : null);
}

/** Each note once, and at most MAX_NOTES of them (then how many more). */
function bounded(notes: ExpressionNote[]): ExpressionNote[] {
  const seen = new Set<string>();
  const distinct = notes.filter((n) => !seen.has(n.message) && seen.add(n.message));
  if (distinct.length <= MAX_NOTES) return distinct;
  const more = distinct.length - (MAX_NOTES - 1);
  return [...distinct.slice(0, MAX_NOTES - 1), { code: 'invalid-expression', message: `and ${more} more problems in this expression` }];
}

/**
 * Where a comment's border at the end of the input starts (the whitespace before it) and the
 * border: up to 8 of `*#|/\=~-`, apart from the expression. Null when it does not end so.
 */
function trailingBorder(input: string): { at: number; border: string } | null {
  const start = runBefore(input, input.length, (c) => '*#|/\\=~-'.includes(c));
  if (start === input.length || input.length - start > 8) return null;
  const at = runBefore(input, start, (c) => /\s/.test(c));
  return at < start && at > 0 ? { at, border: input.slice(start) } : null;
}

/**
 * The input without the run of `.,;:)` it ends in, when the run has one of `.,;:`; a `)` of the run
 * that closes a `(` of the expression stays. Null when there is no such run.
 */
function withoutSentencePunctuation(input: string): { expression: string; punctuation: string } | null {
  const start = runBefore(input, input.length, (c) => '.,;:)'.includes(c));
  const run = input.slice(start);
  if (!/[.,;:]/.test(run)) return null;
  const rest = input.slice(0, start);
  const open = rest.split('(').length - rest.split(')').length;
  const closers = Math.max(0, Math.min(open, run.split(')').length - 1));
  return { expression: rest + ')'.repeat(closers), punctuation: run };
}

/**
 * Where the run of characters `inRun` takes that ends at `end` starts. A loop from the end: a
 * regular expression for "a run at the end" would retry at every start of a long run.
 */
function runBefore(input: string, end: number, inRun: (c: string) => boolean): number {
  let start = end;
  while (start > 0 && inRun(input[start - 1]!)) start--;
  return start;
}

/** Why the token sequence breaks the grammar (operand (op operand)*, balanced parentheses), or null. */
function checkStructure(tokens: Token[]): string | null {
  let depth = 0;
  let wantOperand = true;
  let afterWith = false;
  for (const t of tokens) {
    if (t.kind === 'open') {
      if (!wantOperand || afterWith) return "'(' where an operator was expected";
      depth++;
    } else if (t.kind === 'close') {
      if (wantOperand) return "')' where a license was expected";
      if (--depth < 0) return "')' without a matching '('";
    } else if (t.kind === 'op') {
      if (wantOperand) return `'${t.text}' where a license was expected`;
      wantOperand = true;
      afterWith = t.text.toUpperCase() === 'WITH';
      continue;
    } else {
      if (!wantOperand) return `'${t.text}' follows another license without AND, OR or WITH`;
      wantOperand = false;
    }
    afterWith = false;
  }
  if (wantOperand) return tokens.length ? 'it ends with an operator' : 'it is empty';
  return depth > 0 ? "a '(' is never closed" : null;
}

function invalid(notes: ExpressionNote[], suggestion: string | null): NormalizedExpression {
  return { expression: null, valid: false, notes, suggestion, ids: [], marker: null };
}

function readMarker(input: string): NormalizedExpression | null {
  const see = /^SEE LICEN[CS]E IN\s+(\S.*)$/i.exec(input);
  if (see) return { expression: `SEE LICENSE IN ${see[1]}`, valid: false, notes: [], suggestion: null, ids: [], marker: 'SEE LICENSE IN', seeFile: see[1] };
  const upper = input.toUpperCase();
  if (upper === 'NONE' || upper === 'NOASSERTION' || upper === 'UNLICENSED') {
    const notes: ExpressionNote[] =
      input === upper || upper === 'UNLICENSED' ? [] : [{ code: 'id-case', message: `'${input}' is written ${upper}` }];
    // NONE and NOASSERTION are SPDX's own values; UNLICENSED is npm's "no license granted".
    return { expression: upper, valid: upper !== 'UNLICENSED', notes, suggestion: null, ids: [], marker: upper as Marker };
  }
  return null;
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  for (const m of input.matchAll(/\(|\)|[^\s()]+/g)) {
    const text = m[0];
    if (text === '(') tokens.push({ kind: 'open' });
    else if (text === ')') tokens.push({ kind: 'close' });
    else if (OPERATORS.has(text.toUpperCase())) tokens.push({ kind: 'op', text });
    else tokens.push({ kind: 'word', text });
  }
  return tokens;
}

/** The canonical id for a written id, or null (with a note) when it is not one. */
function canonicalWord(word: string, isException: boolean, catalog: Catalog, notes: ExpressionNote[], closest: (word: string) => string[]): string | null {
  if (!WORD_SHAPE.test(word)) {
    notes.push({ code: 'invalid-expression', message: `'${word}' is not a license identifier (only letters, digits, '.', '-' and a final '+')` });
    return null;
  }
  const plus = word.endsWith('+');
  const base = plus ? word.slice(0, -1) : word;
  const isRef = /^(?:DocumentRef-[^:]+:)?LicenseRef-/i.test(base);
  const hit = catalog.resolve(base);
  if (!hit || (hit.entry.kind === 'exception') !== isException || hit.entry.kind === 'marker') {
    if (isRef && !isException) {
      if (plus) {
        notes.push({ code: 'invalid-expression', message: `'${word}': SPDX allows '+' only after an SPDX license id, not after a LicenseRef` });
        return null;
      }
      return base.replace(/^licenseref-/i, 'LicenseRef-');
    }
    const near = closest(base).filter((id) => (catalog.get(id)?.kind === 'exception') === isException);
    notes.push({
      code: 'unknown-license',
      message: `'${base}' is not an SPDX ${isException ? 'exception' : 'license'} identifier${near.length ? ` (closest: ${near.join(', ')})` : ''}`,
    });
    return null;
  }
  // An alias in SPDX's own syntax (LicenseRef-PPL) is read as its id; any other alias
  // ("GPLv3") is not an identifier at all: invalid, and the suggestion names the id.
  if (hit.via === 'alias' && !isRef) {
    notes.push({ code: 'unknown-license', message: `'${base}' is not an SPDX identifier; it names ${hit.entry.id}` });
    return null;
  }
  let id = hit.entry.id;
  if (plus) {
    // `GPL-2.0+` and `GPL-2.0-only+` mean the -or-later id SPDX defines for them. SPDX
    // allows `+` only after its own ids: after a LicenseRef it is invalid, though the
    // catalog may know the -or-later id that was meant (LicenseRef-CNPL-7.0-or-later).
    const later = catalog.get(`${id.replace(/-only$/, '')}-or-later`);
    if (!hit.entry.spdx) {
      notes.push({ code: 'invalid-expression', message: `'${word}': SPDX allows '+' only after an SPDX license id${later ? `; write ${later.id}` : ''}` });
      return null;
    }
    if (later) {
      notes.push({ code: 'deprecated-id', message: `'${word}' is written ${later.id} since SPDX 3.0` });
      return later.id;
    }
  }
  if (hit.via === 'case') notes.push({ code: 'id-case', message: `'${base}' is written ${id}` });
  if (hit.via === 'alias') notes.push({ code: 'alias', message: `'${base}' is read as ${id}` });
  const entry = catalog.get(id)!;
  if (entry.deprecated && entry.replacement) {
    notes.push({ code: 'deprecated-id', message: `'${id}' is a deprecated SPDX id; use ${entry.replacement}` });
    id = /\s(OR|AND)\s/.test(entry.replacement) ? `(${entry.replacement})` : entry.replacement;
  }
  return id + (plus ? '+' : '');
}

/** A valid expression close to an invalid one, built segment by segment, or null. */
function suggest(tokens: Token[], catalog: Catalog): string | null {
  // Each segment to correct may cost spdx-correct's every transformation: past a few, none is suggested.
  const segments = tokens.filter((t, i) => t.kind === 'word' && tokens[i - 1]?.kind !== 'word').length;
  if (segments > MAX_SUGGESTED_SEGMENTS) return null;
  const parts: string[] = [];
  let segment: string[] = [];
  let depth = 0;
  let afterWith = false;
  const flush = (): boolean => {
    if (segment.length === 0) return true;
    const fixed = correctSegment(segment.join(' '), afterWith, catalog);
    segment = [];
    afterWith = false;
    if (!fixed) return false;
    parts.push(fixed);
    return true;
  };
  for (const t of tokens) {
    if (t.kind === 'word') {
      segment.push(t.text);
      continue;
    }
    if (!flush()) return null;
    if (t.kind === 'op') {
      parts.push(t.text.toUpperCase());
      afterWith = t.text.toUpperCase() === 'WITH';
    } else if (t.kind === 'open') {
      depth++;
      parts.push('(');
    } else if (depth > 0) {
      depth--;
      parts.push(')');
    }
  }
  if (!flush()) return null;
  while (OPERATORS.has(parts.at(-1) ?? '')) parts.pop();
  while (depth-- > 0) parts.push(')');
  const candidate = parts.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')');
  if (candidate === '') return null;
  const check = normalizeExpression(candidate, catalog, false);
  return check.valid ? check.expression : null;
}

/** Words that add nothing to a license name ("MIT License", "Apache License Version 2.0"). */
const FILLER = /^(?:licen[cs]es?|licen[cs]ed|version|v|the|software|open|source)$/i;

/**
 * Whether words written in a row name more than one license ("GPL-2.0+ BSD-3-Clause", "GPL 2.0+
 * BSD-3-Clause"): one of them is an id by itself, and the others are more than filler.
 */
function namesSeveral(words: readonly string[], catalog: Catalog): boolean {
  const isId = (w: string): boolean => catalog.resolve(w.replace(/\+$/, ''))?.entry.kind === 'license';
  const at = words.findIndex(isId);
  return at >= 0 && words.some((w, k) => k !== at && !FILLER.test(w) && !/^[,;:]$/.test(w));
}

/** The version numbers written in a name ("GPL-2.1+" -> 2.1; "Apache 2" and "Apache-2.0" -> 2), trailing .0s dropped. */
function versionsOf(text: string): string[] {
  return (text.match(/\d{1,4}(?:\.\d{1,4}){0,3}/g) ?? []).map((v) => v.replace(/(?:\.0)+$/, ''));
}

/** A guess keeps every version written: GPL-2.1 (which does not exist) is not GPL-2.0. */
function keepsVersions(text: string, id: string | null): string | null {
  if (id === null) return null;
  const theirs = new Set(versionsOf(id));
  return versionsOf(text).every((v) => theirs.has(v)) ? id : null;
}

function correctSegment(raw: string, isException: boolean, catalog: Catalog): string | null {
  if (raw.length > MAX_SEGMENT_CHARS) return null;
  // A tag followed by punctuation ("GPL-2.0+:" in reST) is the tag.
  const text = raw.replace(/[:;,.]+$/, '');
  // Template placeholders, regexes and string fragments are code, not a misspelt license.
  if (text === '' || /[^A-Za-z0-9 .+,/_-]/.test(text)) return null;
  // Two licenses with no operator: AND or OR is the writer's to say.
  if (text.includes(' ') && namesSeveral(text.split(' '), catalog)) return null;
  const plus = text.endsWith('+');
  const direct = catalog.resolve(plus ? text.slice(0, -1) : text);
  if (direct && (direct.entry.kind === 'exception') === isException) {
    if (!plus) return direct.entry.id;
    return catalog.get(`${direct.entry.id.replace(/-only$/, '')}-or-later`)?.id ?? (direct.entry.spdx ? `${direct.entry.id}+` : null);
  }
  if (isException) return keepsVersions(text, typo(text, catalog, 'exception'));
  // "GPL-2.0+159": keep the longest leading run that is an id.
  const lead = /^[A-Za-z0-9.-]+\+?/.exec(text)?.[0];
  if (lead && lead !== text) {
    const hit = catalog.resolve(lead.replace(/\+$/, ''));
    if (hit && hit.entry.kind === 'license') return hit.entry.id + (lead.endsWith('+') ? '+' : '');
  }
  const corrected = correct(text);
  if (corrected && catalog.get(corrected)) return keepsVersions(text, corrected);
  return keepsVersions(text, typo(text, catalog, 'license'));
}

/** The known id a few keystrokes away from what was written (a typo), or null. */
function typo(text: string, catalog: Catalog, kind: 'license' | 'exception'): string | null {
  const near = catalog.closest(text).find((id) => catalog.get(id)?.kind === kind);
  return near && text.length >= 3 && distance(text.toLowerCase(), near.toLowerCase()) <= 2 ? near : null;
}

/** Expressions as one choice, `A OR (B AND C)`: each in parentheses where it has operators of its own. */
export function anyOf(expressions: readonly string[]): string {
  return expressions.map((e) => (e.includes(' ') ? `(${e})` : e)).join(' OR ');
}

/**
 * One written form for expressions that say the same thing in another order: the operands of
 * each AND and OR sorted (`Apache-2.0 OR MIT` for `MIT OR Apache-2.0`). An expression that does
 * not parse (NOASSERTION, a marker) is returned as it is.
 */
export function sortedExpression(expression: string): string {
  if (expression.length > MAX_EXPRESSION_CHARS || !/ (?:AND|OR) /.test(expression)) return expression;
  let tree: Node;
  try {
    tree = parseSpdx(expression) as Node;
  } catch {
    return expression;
  }
  const sorted = (node: Node, parent?: 'and' | 'or'): string => {
    if ('license' in node) return render(node);
    const operands: string[] = [];
    const collect = (n: Node): void => {
      if (!('license' in n) && n.conjunction === node.conjunction) {
        collect(n.left);
        collect(n.right);
      } else operands.push(sorted(n, node.conjunction));
    };
    collect(node);
    const text = operands.sort().join(` ${node.conjunction.toUpperCase()} `);
    return parent ? `(${text})` : text;
  };
  return sorted(tree);
}

function render(node: Node, parent?: 'and' | 'or'): string {
  if ('license' in node) return `${node.license}${node.plus ? '+' : ''}${node.exception ? ` WITH ${node.exception}` : ''}`;
  // Parentheses wherever AND and OR meet, though AND binds tighter: easier to read.
  const text = `${render(node.left, node.conjunction)} ${node.conjunction.toUpperCase()} ${render(node.right, node.conjunction)}`;
  return parent && parent !== node.conjunction ? `(${text})` : text;
}

function collectIds(node: Node, out: string[] = []): string[] {
  if ('license' in node) {
    if (!out.includes(node.license)) out.push(node.license);
    if (node.exception && !out.includes(node.exception)) out.push(node.exception);
  } else {
    collectIds(node.left, out);
    collectIds(node.right, out);
  }
  return out;
}
