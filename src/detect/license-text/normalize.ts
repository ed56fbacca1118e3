// One normalizer for both sides of a match: the reference texts (at build time) and the
// file being scanned. It follows the SPDX matching guidelines (https://spdx.github.io/
// spdx-spec/v2.3/license-matching-guidelines-and-templates/): case, whitespace,
// punctuation, quotes, dashes, bullets and list markers, copyright notices, varietal
// spellings and the replaceable parts of templates do not count. It also reads through
// the renderings people commit: Markdown, HTML, reStructuredText and pandoc escapes.
//
// Every pattern here is linear: single character classes with bounded repeats, no
// nested quantifiers, so hostile input cannot make it backtrack.

/**
 * Bumped whenever the tokens change for some input: the build refuses fingerprints
 * made by another version (their hashes would no longer meet the scanned text's).
 */
export const NORMALIZER_VERSION = 1;

export interface NormalizedText {
  /** The words that count, in order. */
  readonly tokens: readonly string[];
  /** The 1-based line each token came from. */
  readonly lines: readonly number[];
}

const ENTITIES = new Map(Object.entries({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" }));

// Varietal spellings the SPDX guidelines treat as one word (our own list, after the
// guidelines' equivalent-words table), mapped to the form the SPDX texts mostly use.
const EQUIVALENT = new Map(
  Object.entries({
    acknowledgement: 'acknowledgment',
    acknowledgements: 'acknowledgments',
    analogue: 'analog',
    analyse: 'analyze',
    artefact: 'artifact',
    authorisation: 'authorization',
    authorised: 'authorized',
    calibre: 'caliber',
    cancelled: 'canceled',
    catalogue: 'catalog',
    categorise: 'categorize',
    centre: 'center',
    emphasised: 'emphasized',
    favour: 'favor',
    favourite: 'favorite',
    fulfil: 'fulfill',
    fulfilment: 'fulfillment',
    initialise: 'initialize',
    judgement: 'judgment',
    labelling: 'labeling',
    labour: 'labor',
    licence: 'license',
    licences: 'licenses',
    licenced: 'licensed',
    licencing: 'licensing',
    maximise: 'maximize',
    modelled: 'modeled',
    modelling: 'modeling',
    offence: 'offense',
    optimise: 'optimize',
    organisation: 'organization',
    organisations: 'organizations',
    organise: 'organize',
    practise: 'practice',
    programme: 'program',
    realise: 'realize',
    recognise: 'recognize',
    signalling: 'signaling',
    utilisation: 'utilization',
    whilst: 'while',
    wilful: 'willful',
    https: 'http',
  }),
);
// Two-word forms, read as one word (or as the SPDX texts' usual pair).
const EQUIVALENT_PAIRS = new Map([
  ['per cent', 'percent'],
  ['sub license', 'sublicense'],
  ['non commercial', 'noncommercial'],
  ['copyright owner', 'copyright holder'],
  ['copyright owners', 'copyright holders'],
]);
const PAIR_STARTS = new Set([...EQUIVALENT_PAIRS.keys()].map((k) => k.split(' ')[0]!));

// Leading decoration of a line: Markdown headings, quotes, bullets, emphasis, table
// bars, reST underlines, comment stars.
const LEADING = /^[\s>#*+\-•·◦▪‣|=_~`]*/u;
// The same at the start of the text and after each newline, over a whole text (whitespace but
// not \s, which would also take the newlines of the blank lines after it).
const LINE_LEADING = /(^|\n)(?:[^\S\n]|[>#*+\-•·◦▪‣|=_~`])+/gu;
// List markers — 1. 1) (1) a. (a) iv. (iv) 1.2 1.2.3 — wherever they stand, so that a
// reflowed text (markers moved from line starts into the middle of lines) reads the same.
// "(c)" goes too, as a copyright sign.
const MARKER = /(^|[\s:;])(?:\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,6})[.)]|\d{1,3}(?:\.\d{1,3}){1,3}\.?)(?=[\s*_]|$)/gi;
const PAREN_MARKER = /\((?:\d{1,3}|[a-z]|[ivxlc]{1,6})\)/gi;
// Template placeholders and markup: <year>, <copyright holders>, HTML tags, autolinks,
// [yyyy], [name of copyright owner], {owner}.
const ANGLE = /<[^<>]{0,100}>/g;
const SQUARE = /\[[^[\]]{0,60}\]/g;
const CURLY = /\{[^{}]{0,60}\}/g;
// Markdown links and images keep their text: [text](url "title") -> text.
const MD_LINK = /!?\[([^[\]\n]{0,300})\]\([^()\s]{0,500}(?:\s+"[^"\n]{0,200}")?\)/g;
const MD_REF_LINK = /\[([^[\]\n]{1,300})\]\[[^[\]\n]{0,100}\]/g;
const MD_LINK_DEF = /^\s{0,3}\[[^[\]\n]{1,100}\]:\s*\S/;
// Markdown/pandoc escapes (\" \' \* \_ \#) keep the escaped character.
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!'"<>|~])/g;

// "Copyright (c) 2020 X", "© X", "(C) 1990 X", "Copyright [yyyy] [name]", "Copyright The X
// Authors 2020" — but not prose that starts a wrapped line ("copyright law", "COPYRIGHT
// HOLDERS BE LIABLE", "Copyright Notice").
const COPYRIGHT_SIGN = /^(?:©|\(c\)\s*(?:\d|copyright))/i;
// A name or link in parentheses may stand first: "Copyright (https://github.com/x/y) (c) 2021 Jo".
const COPYRIGHT_NOTICE = /^copyright\b\s*(?::\s*)?(?:\([^()]{0,200}\)\s*)?(?:\(c\)|©|\d|<|\[|\{|by\b)/i;
/** "Portions Copyright (c) 1994, The Regents of the University of California" (PostgreSQL's): a notice all the same. */
const PORTIONS = /^portions\s+(?=copyright\b|\(c\)|©)/i;
const COPYRIGHT_NAMED = /^Copyright:?\s+(\p{Lu}\p{L}*)/u;
const COPYRIGHT_PROSE = new Set([
  'Notice', 'Notices', 'Holder', 'Holders', 'Owner', 'Owners', 'Law', 'Laws', 'Act', 'License', 'Licence',
  'Protection', 'Statement', 'And', 'Or', 'Infringement', 'Policy', 'Agent', 'Office', 'Information', 'Permission',
  'Disclaimer', 'Status', 'Is', 'In', 'Of', 'To', 'Treaty', 'Claims', 'Interest', 'Rights',
]);
const RESERVED = /^all\s+rights\s+reserved[\s.,;:!]*$/i;
const RESERVED_PHRASE = /\ball\s+rights\s+reserved\b/gi;
const SPDX_TAG = /^(?:spdx-[a-z-]{1,40}|reuse-ignore[a-z]{0,10})\s*:/i;

const WORD = /[\p{L}\p{N}]/u;
const JOINERS = new Set(["'", '’', '‘', '`', '-', '‐', '‑', '‒']);
const JOINER = /['’‘`\-‐‑‒]/g;
const HYPHENS = new Set(['-', '‐', '‑']);

/** Normalizes a text into the words that count for license matching, with their lines. */
export function normalizeText(text: string): NormalizedText {
  // Three passes, each keeping every newline so words keep their line numbers:
  // notices out by line, markup and placeholders out across lines, then words by line.
  // A short run is mostly cold code (V8 has not compiled it yet): what can be one regular
  // expression over the whole text, rather than three per line, is.
  const noticeFree = prepare(text)
    .split('\n')
    .map((line) => (isNotice(line) ? '' : line))
    .join('\n');
  const plain = stripLineMarkers(stripMarkup(noticeFree)).split('\n');
  // Astral characters: the word test below reads UTF-16 units, which /u would not.
  const words = /[\ud800-\udfff]/.test(text) ? tokenizeUnits : tokenize;
  const tokens: string[] = [];
  const lines: number[] = [];
  let carry = false; // the last word ended a line with a hyphen: "reason-" / "ably"
  for (let i = 0; i < plain.length; i++) {
    const line = plain[i]!;
    if (line === '') continue;
    let found = words(line);
    if (carry && found.length > 0 && WORD.test(line.trimStart()[0] ?? '')) {
      tokens[tokens.length - 1] += found[0]!;
      found = found.slice(1);
    }
    if (found.length > 0 || line.trim() !== '') carry = endsHyphenated(line);
    for (const w of found) {
      tokens.push(w);
      lines.push(i + 1);
    }
  }
  return applyEquivalents(tokens, lines);
}

/** Each line's leading decoration and every list marker, over the whole text (its newlines kept). */
function stripLineMarkers(text: string): string {
  return text.replace(LINE_LEADING, '$1').replace(PAREN_MARKER, ' ').replace(MARKER, '$1 ');
}

/** Whether a line ends in a word broken by a hyphen ("reason-"). */
function endsHyphenated(line: string): boolean {
  const s = line.trimEnd();
  return s.length > 1 && HYPHENS.has(s[s.length - 1]!) && WORD.test(s[s.length - 2]!);
}

/** The words of a text, without line numbers (for reference texts and phrases). */
export function normalizeWords(text: string): string[] {
  return normalizeText(text).tokens as string[];
}

function prepare(text: string): string {
  // Compatibility forms (ligatures, full-width letters) and accents, for non-ASCII texts.
  const plain = stripLinePrefix(/[^\x00-\x7f]/.test(text) ? text.normalize('NFKD').replace(/\p{M}|\u00AD/gu, '') : text);
  return (
    plain
      .replace(/\r\n?/g, '\n')
      .replace(/&(#39|[a-z]{2,6});/gi, (m, name: string) => ENTITIES.get(name.toLowerCase()) ?? ' ')
      .replace(/&#x?[0-9a-f]{1,6};/gi, ' ')
      .replace(ESCAPE, '$1')
      .replace(/\\/g, ' ')
  );
}

/**
 * A word every line of a text starts with, as comment syntax: PostScript's `%%Copyright:` before each
 * line of Adobe's CMap license (pdf.js ships it), a batch file's `REM`. Punctuation alone (`//`, `#`,
 * `%`) makes no words and needs no stripping. Every non-empty line must carry the same one, and five
 * at least: a prose text has no such column.
 */
const LINE_PREFIX = /^[ \t]*[^\p{L}\p{N}\s]{0,4}(?:\p{L}[\p{L}\p{N}-]{0,19}:|REM\b|rem\b|dnl\b)/u;
const MIN_PREFIXED_LINES = 5;

function stripLinePrefix(text: string): string {
  // Most texts fail on their first line: no split of the whole text for them.
  const start = text.search(/\S/);
  if (start < 0) return text;
  const end = text.indexOf('\n', start);
  if (!LINE_PREFIX.test(text.slice(text.lastIndexOf('\n', start) + 1, end < 0 ? text.length : end))) return text;
  const lines = text.split('\n');
  let prefix: string | null = null;
  let count = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const m = LINE_PREFIX.exec(line);
    if (m === null || (prefix !== null && m[0] !== prefix)) return text;
    prefix = m[0];
    count++;
  }
  return prefix !== null && count >= MIN_PREFIXED_LINES ? lines.map((l) => (l.startsWith(prefix) ? l.slice(prefix.length) : l)).join('\n') : text;
}

/** A line that is a copyright notice, "All rights reserved", an SPDX/REUSE tag or a Markdown link definition. */
function isNotice(line: string): boolean {
  if (MD_LINK_DEF.test(line)) return true;
  const s = line.replace(LEADING, '');
  return isCopyrightLine(s) || RESERVED.test(s) || SPDX_TAG.test(s);
}

/** Removes HTML comments, link targets and template placeholders, even where they span lines. */
function stripMarkup(text: string): string {
  return stripComments(text)
    .replace(MD_LINK, '$1')
    .replace(MD_REF_LINK, '$1')
    .replace(ANGLE, blank)
    .replace(SQUARE, blank)
    .replace(CURLY, blank)
    .replace(RESERVED_PHRASE, blank);
}

/** Blanks a span but keeps its newlines, so later words keep their line numbers. */
function blank(span: string): string {
  return span.replace(/[^\n]/g, ' ');
}

function stripComments(text: string): string {
  let out = '';
  let pos = 0;
  for (let start = text.indexOf('<!--'); start >= 0; start = text.indexOf('<!--', pos)) {
    const end = text.indexOf('-->', start + 4);
    const stop = end < 0 ? text.length : end + 3;
    out += text.slice(pos, start) + blank(text.slice(start, stop));
    pos = stop;
  }
  return out + text.slice(pos);
}

function isCopyrightLine(line: string): boolean {
  const s = line.replace(PORTIONS, '');
  if (COPYRIGHT_SIGN.test(s) || COPYRIGHT_NOTICE.test(s)) return true;
  const named = COPYRIGHT_NAMED.exec(s);
  return named !== null && !COPYRIGHT_PROSE.has(named[1]!);
}

/** Words: runs of letters and digits; apostrophes and hyphens inside a word join its parts. */
function tokenize(line: string): string[] {
  const found = line.toLowerCase().match(TOKEN);
  if (found === null) return [];
  if (JOINER_IN.test(line)) for (let i = 0; i < found.length; i++) found[i] = found[i]!.replace(JOINER, '');
  return found;
}
const TOKEN = /[\p{L}\p{N}]+(?:['’‘`\-‐‑‒][\p{L}\p{N}]+)*/gu;
const JOINER_IN = /['’‘`\-‐‑‒]/;

/** tokenize() by UTF-16 units, as the matcher always read words: for a text with astral characters. */
function tokenizeUnits(line: string): string[] {
  const s = line.toLowerCase();
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    if (!isWordChar(s, i)) {
      i++;
      continue;
    }
    const start = i;
    let joined = false;
    while (i < s.length) {
      if (isWordChar(s, i)) i++;
      else if (JOINERS.has(s[i]!) && i + 1 < s.length && isWordChar(s, i + 1)) {
        joined = true;
        i++;
      } else break;
    }
    const word = s.slice(start, i);
    out.push(joined ? word.replace(JOINER, '') : word);
  }
  return out;
}

function isWordChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  return WORD.test(s[i]!);
}

function applyEquivalents(tokens: readonly string[], lines: readonly number[]): NormalizedText {
  // Most texts have none of these words: then the words stand as they are, without a copy.
  if (!tokens.some((t) => EQUIVALENT.has(t) || PAIR_STARTS.has(t))) return { tokens, lines };
  const outTokens: string[] = [];
  const outLines: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const pair = PAIR_STARTS.has(tokens[i]!) && i + 1 < tokens.length ? EQUIVALENT_PAIRS.get(`${tokens[i]} ${tokens[i + 1]}`) : undefined;
    if (pair) {
      for (const w of pair.split(' ')) {
        outTokens.push(w);
        outLines.push(lines[i]!);
      }
      i++;
    } else {
      outTokens.push(EQUIVALENT.get(tokens[i]!) ?? tokens[i]!);
      outLines.push(lines[i]!);
    }
  }
  return { tokens: outTokens, lines: outLines };
}
