// License notices in READMEs: the sentence, section, badge or link by which a project says
// in prose which license it is under. Names are read by the shared mapper (catalog/names.ts).
//
// Heuristics, and their limits:
// - Sentences: "licensed / released / distributed / available / published under (the terms
//   of) X", "is under X", "is X-licensed", the GNU boilerplate "modify it under the terms
//   of X", and a grant to the reader ("you may redistribute it under X", CPAN's and Ruby's
//   wording). The sentence's subject must be the work itself: nothing ("Licensed under MIT."),
//   "this/the/our/all/everything/it/source/code ...", or the project's name (the README's
//   first heading, or its folder). Outside a License section, a sentence about something
//   else is skipped: relative clauses and dependency words ("uses X, which is MIT
//   licensed", "based on", "third-party"), parts of the work ("the icons", "documentation",
//   "some files"), the past ("was licensed") and "you/your/contributions" (instructions to
//   contributors). Inside a License section only those words are checked.
// - A License section ("License", "Licence", "Licensing", "Copying", "Legal", "Copyright
//   and license") whose first paragraph starts with a license name ("MIT © Jane Doe").
//   A list after "licensed under either of" is read as a choice (OR).
// - License badges (shields.io /badge/license-<name>-<colour>, /static/v1?label=license,
//   badgen.net): the badge's own text. Badges whose value shields.io fetches at view time
//   (/github/license/, /npm/l/, ...) cannot be read offline and are ignored.
// - Links to license URLs, but only in a License section or beside a license badge: a link
//   elsewhere may be about anything.
// - Code blocks, HTML comments, and sections about credits, dependencies or third parties
//   are skipped. A name mentioned in passing may still slip through, and a statement in
//   free prose the patterns miss is not found: notices have lower confidence than tags,
//   manifests and license texts for that reason.
// One declaration per expression: the first line it was found on, the best confidence.
import { anyOf } from '../catalog/expression.js';
import type { Catalog } from '../catalog/index.js';
import { nameToExpression, perlsArtistic, urlToExpression, type NameMatch } from '../catalog/names.js';
import type { Declaration } from '../types.js';
import { detection, EMPTY_DETECTION, type DetectContext, type Detection, type Detector, type FileInput } from './types.js';

/** README, README.md, readme.rst, README.en.md, Readme-dev.txt: "readme" and a suffix (one quantifier: no backtracking). */
const README = /^readme(?:[._-][\w.-]*)?$/i;
/** Confidence of each kind of evidence, multiplied by the name mapper's. */
export const WEIGHT = { sentence: 0.8, section: 0.7, badge: 0.6, link: 0.6 } as const;
type Kind = keyof typeof WEIGHT;
/** Longest line looked at (a license statement is short; minified HTML is not prose). */
const MAX_LINE = 2000;
/** Anchors examined per file: bounds the work on hostile input. */
const MAX_ANCHORS = 100;
/** Words of a phrase tried as a license name, longest first. */
const MAX_NAME_WORDS = 30;

const ANCHOR =
  /\b(?:(?:dual[- ])?licen[cs]ed|released|(?:re)?distributed|(?:re)?distribute(?: it| this(?: [a-z]+)?)?|(?:re)?distributable|available(?: as open[- ]source)?|published|provided|offered|shared|made available|modify (?:it|this(?: [a-z]+)?)|(?:and\/or |or )?modified|use it|use this(?: [a-z]+)?|be used|licen[cs]es (?:this (?:file|work)|it)|is|are)(?: to you| freely| openly| publicly| only)?(?: either)? under\b/gi;
const LICENSED = /[- ]licen[cs]ed\b/gi;
/**
 * What a line of a block must hold for ANCHOR or LICENSED to match its prose: a block without it
 * skips prose(), the costliest step, which most paragraphs of a long README do not need. (Markup
 * inside the word, "un*der*", would hide it: no notice is written so.)
 */
const SENTENCE_WORD = /under|licen[cs]ed/i;
const LICENSE_SECTION = /^(?:licen[cs](?:e|es|ing)|copying|legal|copyright(?: and licen[cs]e)?|licen[cs]e and copyright)\b/i;
const SKIP_SECTION = /credit|acknowledg|thank|third[- ]party|dependenc|vendor|inspir|related|see also|alternative|similar|contribut/i;
const SUBJECTS = new Set(['this', 'these', 'our', 'all', 'everything', 'it', 'the', 'source', 'code', 'software', 'content', 'contents', 'work', 'project', 'repository']);
/**
 * MPL's notice (its Exhibit A) says "subject to the terms of" where the others say "under the terms of"; MPL 1.1's
 * (and the Erlang, Netscape and Sun Public Licenses') "The contents of this file are subject to the Mozilla Public License".
 */
const SUBJECT_TO = /\bsubject to the terms of\b|(?<=\b(?:is|are) )subject to(?= the\b)/gi;

/** A text with MPL's wording of a notice as the notice reader reads it. */
export function underTheTermsOf(text: string): string {
  return text.replace(SUBJECT_TO, 'under the terms of');
}

/** Words by which a sentence speaks of some parts of the work, whatever else its subject is. */
const PARTS = new Set(['following', 'components', 'portions', 'parts']);
/** Words by which a sentence speaks of something the work uses, not of the work. */
const USES = new Set(['uses', 'using', 'used', 'includes', 'including', 'bundles', 'bundled', 'vendored', 'depends', 'dependency', 'dependencies', 'third']);
/** Words by which a README's sentence speaks of something other than the whole work: what it uses, a part, a past, a reader. */
const REJECT = new Set([
  ...USES,
  ...PARTS,
  'which', 'that', 'who', 'whose', 'use', 'based', 'included', 'fork', 'forked', 'derived', 'upstream', 'except', 'unless',
  'some', 'part', 'you', 'your', 'contributions', 'contribution', 'submissions', 'if', 'not', 'never', 'was',
  'were', 'previously', 'formerly', 'originally', 'icons', 'images', 'fonts', 'font', 'artwork', 'assets', 'logo', 'logos', 'photos',
  'sounds', 'music', 'data', 'dataset', 'translations', 'documentation', 'docs', 'examples', 'samples', 'tests', 'website', 'other',
  'optional', 'mainly', 'mostly',
]);

interface Block {
  readonly kind: 'heading' | 'text' | 'item';
  /** Raw lines (for URLs) and their 1-based numbers. */
  readonly lines: string[];
  readonly numbers: number[];
  section: string;
  firstInSection: boolean;
}

interface Finding {
  readonly expression: string;
  readonly confidence: number;
  readonly line: number;
  readonly kind: Kind;
  readonly raw: string;
  /** Its sentence opens with "Alternatively": a choice with the license named before it. */
  readonly alternative?: boolean;
}

export const detector: Detector = {
  name: 'notice',
  accepts: (path, kind) => kind === 'text' && README.test(path.slice(path.lastIndexOf('/') + 1)),
  detect: (file, ctx) => detectNotices(file, ctx),
};

export function detectNotices(file: FileInput, ctx: DetectContext): Detection {
  return noticesIn(file.path, file.text, ctx.catalog);
}

/**
 * Whose sentences count: `work`, only those about the work (a README's: its own name, "this project", or
 * none); `license-file`, any subject but a part or something the work uses, every sentence read as in a
 * License section (a license file's own words; its links are not read, as it links to what it mentions);
 * `any`, every subject but something the work uses (words beside a license text speak of it, fork or not).
 */
export type NoticeSubject = 'work' | 'license-file' | 'any';

/** The notices in a text (`path` names the project when the text does not: see projectNames). */
export function noticesIn(path: string, fileText: string, catalog: Catalog, subject: NoticeSubject = 'work'): Detection {
  const blocks = readBlocks(fileText);
  if (blocks.length === 0) return EMPTY_DETECTION;
  const names = projectNames(path, blocks);
  const findings: Finding[] = [];
  const budget = { anchors: MAX_ANCHORS };
  // List items read as part of "licensed under either of": their links are that choice's parts.
  const consumed = new Set<number>();
  for (let i = 0; i < blocks.length && budget.anchors > 0; i++) {
    const block = blocks[i]!;
    if (SKIP_SECTION.test(block.section) || consumed.has(i)) continue;
    const inLicense = LICENSE_SECTION.test(block.section);
    if (block.kind === 'heading') {
      findings.push(...readLinks(block, false, catalog));
      continue;
    }
    const sentences = block.lines.some((l) => SENTENCE_WORD.test(l));
    const sectionStart = inLicense && block.firstInSection;
    const found: Finding[] = [];
    if (sentences || sectionStart) {
      const { text, lineAt } = prose(block);
      if (sentences) found.push(...readSentences(text, lineAt, subject !== 'work' || inLicense, subject === 'any' ? null : names, { blocks, index: i, consumed }, catalog, budget));
      if (found.length === 0 && sectionStart) found.push(...readSectionStart(text, block.numbers[0]!, catalog));
    }
    found.push(...readLinks(block, inLicense, catalog));
    if (found.length === 0 && block.lines.some((l) => /ublic domain/i.test(l))) found.push(...readDedication(block, subject !== 'work' || inLicense, subject === 'any' ? null : names, catalog));
    findings.push(...found);
  }
  return detection(dedupe(withoutOptions(alternatives(findings, catalog)), path), [], []);
}

/**
 * Findings that name one license of a choice another finding states: a badge showing one of the two, or cairo's MPL
 * Exhibit A under its "either under the terms of the GNU Lesser General Public License … or … the Mozilla Public
 * License". The choice is what the text says; the part is not one more license beside it.
 */
function withoutOptions(findings: readonly Finding[]): Finding[] {
  const options = new Set(findings.flatMap((f) => (f.expression.includes(' OR ') && !/[()]| AND /.test(f.expression) ? f.expression.split(' OR ') : [])));
  return options.size === 0 ? (findings as Finding[]) : findings.filter((f) => !options.has(f.expression));
}

/**
 * A sentence that opens with "Alternatively" offers its license instead of the one named before it: a choice (Mozilla's
 * tri-license, "…GNU General Public License version 2 … Alternatively, this software may be distributed under the terms
 * of BSD license"), not one more license the work is under as well.
 */
function alternatives(findings: readonly Finding[], catalog: Catalog): Finding[] {
  if (!findings.some((f) => f.alternative)) return findings as Finding[];
  const out: Finding[] = [];
  for (const f of findings) {
    const at = f.alternative ? out.findLastIndex((p) => p.kind === 'sentence' || p.kind === 'section') : -1;
    const joined = at < 0 ? null : catalog.normalize(anyOf([out[at]!.expression, f.expression]));
    if (joined?.valid && joined.expression) {
      const before = out[at]!;
      out[at] = { ...before, expression: joined.expression, confidence: Math.min(before.confidence, f.confidence), raw: `${before.raw}; alternatively, ${f.raw}` };
    } else out.push(f.alternative ? { ...f, alternative: false } : f);
  }
  return out;
}

// ---------------------------------------------------------------- blocks

/** Markdown / reStructuredText / plain text into headings, paragraphs and list items; code and comments dropped. */
function readBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split('\n');
  let fence: string | null = null;
  let comment = false;
  let current: Block | null = null;
  let section = '';
  let sectionStarted = false;
  const flush = (): void => {
    if (current) blocks.push(current);
    current = null;
  };
  const start = (kind: Block['kind'], line: string, n: number): void => {
    flush();
    current = { kind, lines: [line], numbers: [n], section, firstInSection: !sectionStarted && kind !== 'heading' };
    if (kind !== 'heading') sectionStarted = true;
  };
  const heading = (title: string): void => {
    section = title.replace(/<[^<>]*>/g, '').replace(/^[^\p{L}]+/u, '').trim();
    sectionStarted = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.slice(0, MAX_LINE).replace(/\r$/, '');
    const t = line.trim();
    if (fence !== null) {
      if (t.startsWith(fence)) fence = null;
      continue;
    }
    if (comment) {
      if (t.includes('-->')) comment = false;
      continue;
    }
    if (t.startsWith('```') || t.startsWith('~~~')) {
      flush();
      fence = t.slice(0, 3);
      continue;
    }
    if (t.startsWith('<!--')) {
      flush();
      comment = !t.includes('-->');
      continue;
    }
    if (t === '') {
      flush();
      continue;
    }
    const underline = /^([=\-~^"'`#*+])\1{2,}$/.test(t);
    const open = current as Block | null;
    if (underline && open && open.kind === 'text' && open.lines.length === 1) {
      // Setext (Markdown) or reStructuredText title: the line above is a heading.
      current = { ...open, kind: 'heading', firstInSection: false };
      heading(open.lines[0]!.trim());
      flush();
      continue;
    }
    if (underline) {
      flush();
      continue;
    }
    const atx = /^#{1,6}\s/.test(t) ? t.replace(/^#{1,6}\s+/, '') : /^<h[1-6]\b/i.test(t) ? t : null;
    if (atx !== null) {
      let title = atx;
      while (title.endsWith('#')) title = title.slice(0, -1);
      start('heading', line, i + 1);
      heading(title.trim());
      flush();
      continue;
    }
    // A lettered item, "a)" or "(a)", but not a copyright line's "(c) 2024".
    if (/^(?:[-*+]|\d{1,3}[.)]|\(?[a-z]\)(?!\s+\d))\s/.test(t)) start('item', line, i + 1);
    else if (open && open.kind !== 'heading') {
      open.lines.push(line);
      open.numbers.push(i + 1);
    } else start('text', line, i + 1);
  }
  flush();
  return blocks;
}

/** The names a README calls its own project by: its first heading's words and its folder. */
function projectNames(path: string, blocks: readonly Block[]): Set<string> {
  const out = new Set<string>();
  const first = blocks.find((b) => b.kind === 'heading');
  const words = first ? inline(first.lines[0]!).replace(/^#+\s*/, '') : '';
  for (const w of words.toLowerCase().split(/[^\p{L}\p{N}_.-]+/u)) if (w.length >= 2 && !SUBJECTS.has(w)) out.add(w);
  const parts = path.split('/');
  if (parts.length > 1) out.add(parts.at(-2)!.toLowerCase());
  return out;
}

/** Inline markup removed: images, links (their text kept), HTML tags, URLs, emphasis. */
export function inline(line: string): string {
  return line
    .replace(/!\[[^[\]]*\]\([^()]*\)/g, ' ')
    .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/\[([^[\]]*)\]\[[^[\]]*\]/g, '$1')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/\bhttps?:\/\/[^\s<>()\]]+/g, ' ')
    .replace(/[*`]/g, '')
    .replace(/(^|\s)_+|(?<!_)_+(?=[\s.,;:!?]|$)/g, '$1')
    .replace(/^\s*(?:[-*+]|\d{1,3}[.)]|\(?[a-z]\)(?!\s+\d))\s+/, '');
}

/** A block's text as one line of prose, with a map from offset back to file line. */
function prose(block: Block): { text: string; lineAt: (offset: number) => number } {
  const starts: number[] = [];
  let text = '';
  for (const line of block.lines) {
    starts.push(text.length);
    text += `${inline(line).replace(/\s+/g, ' ').trim()} `;
  }
  const lineAt = (offset: number): number => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
    return block.numbers[i]!;
  };
  return { text: text.trimEnd(), lineAt };
}

// ---------------------------------------------------------------- sentences

function readSentences(
  text: string,
  lineAt: (offset: number) => number,
  inLicense: boolean,
  /** The project's names; null: any subject will do (noticesIn's subject 'any'). */
  names: ReadonlySet<string> | null,
  list: ListContext,
  catalog: Catalog,
  budget: { anchors: number },
): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(ANCHOR)) {
    if (--budget.anchors < 0) break;
    const gnu = /^modify (?:it|this)\b/i.test(m[0]);
    const said = words(text.slice(sentenceStart(text, m.index), m.index));
    // Not within an exception's text: Bison's "Alternatively, … remove this special exception, which will cause … to be
    // licensed under the GNU General Public License without this special exception" offers no other license.
    const alternative = said[0] === 'alternatively' && !EXCEPTION_START.test(text);
    const clause = alternative ? said.slice(1) : said;
    // A grant to the reader ("…is free software, you may distribute it under", "You may redistribute this under"), as
    // GNU's "you can redistribute it and/or modify it under" is: its subject is what stands before it.
    const granted = grantToReader(clause);
    const subject = granted < 0 ? clause : clause.slice(0, granted);
    if (!gnu && names !== null && !isAboutTheWork(subject, inLicense, names)) continue;
    // Whatever the subject may be, one the work uses is not the work ("JSZip uses the library pako released under the MIT license"),
    // nor are the parts a list names (Liveblocks' LICENSE: "The following components are licensed under the GNU Affero…").
    if (!gnu && names === null && subject.some((w, i) => (USES.has(w) && !passive(subject, i)) || PARTS.has(w))) continue;
    const after = m.index + m[0].length;
    const object = text.slice(after, sentenceEnd(text, after));
    let phrase = objectPhrase(object);
    if (/^dual/i.test(m[0]) || subject.includes('dual')) phrase = `dual ${phrase}`;
    // A list follows: "Licensed under either of", or TinyMCE's "Licensed under, and subject to the restrictions of:";
    // or, after a colon, the name on a line of its own (Software::License's "This is free software, licensed under:").
    const hit = /^(?:(?:either|one|any)(?: of)?(?: the)?(?: following)?(?: licen[cs]es)?|,? ?(?:and )?subject to the (?:restrictions|terms)(?: and conditions)? of)?$/i.test(phrase.replace(/:$/, '').trim())
      ? (readList(list, catalog) ?? (phrase.endsWith(':') ? readNameLine(list, catalog) : null))
      : refined(longestName(phrase, catalog), object, catalog);
    if (hit) out.push({ ...finding(hit, 'sentence', lineAt(m.index), hit.raw), ...(alternative ? { alternative } : {}) });
  }
  for (const m of text.matchAll(LICENSED)) {
    if (--budget.anchors < 0) break;
    if (/^\s*under\b/i.test(text.slice(m.index + m[0].length))) continue; // "licensed under": read above
    const before = words(text.slice(sentenceStart(text, m.index), m.index), true);
    const verb = Math.max(before.lastIndexOf('is'), before.lastIndexOf('are'));
    if (verb < 0 || before.length - verb > 5 || (names !== null && !isAboutTheWork(before.slice(0, verb).map((w) => w.toLowerCase()), inLicense, names))) continue;
    const name = before.slice(verb + 1).filter((w) => !/^(?:also|fully|entirely|currently|now)$/i.test(w)).join(' ');
    const hit = name ? nameToExpression(name, catalog, { correct: false }) : null;
    if (hit) out.push(finding(hit, 'sentence', lineAt(m.index), `${name}${m[0]}`));
  }
  return out;
}

/** Where an exception's text starts: "As a special exception to the GNU General Public License, …" (Bison's, Libtool's, Autoconf's, GCC's). */
export const EXCEPTION_START = /^(?:in addition, )?as a special exception\b/i;

/** What may follow "you may" / "you can" in a grant to the reader: the acts, and the work as "it" or "this (code)". */
const GRANT_WORDS = new Set(['freely', 'copy', 'use', 'modify', 'distribute', 'redistribute', 'and', 'or', 'and/or', 'it', 'this', 'code', 'module', 'library', 'program', 'software', 'work', 'file', 'package']);

/** Where a grant to the reader starts in a sentence's words before its anchor ("you may modify and/or"), or -1. */
function grantToReader(said: readonly string[]): number {
  const at = said.lastIndexOf('you');
  if (at < 0 || (said[at + 1] !== 'may' && said[at + 1] !== 'can')) return -1;
  return said.slice(at + 2).every((w) => GRANT_WORDS.has(w)) ? at : -1;
}

/** "…may be used, modified and distributed under": the work being used, not the work using something. */
function passive(subject: readonly string[], i: number): boolean {
  return subject[i] === 'used' && /^(?:be|is|are|been|being)$/.test(subject[i - 1] ?? '');
}

function isAboutTheWork(written: readonly string[], inLicense: boolean, names: ReadonlySet<string>): boolean {
  // The default, whatever exceptions it has: "Except where otherwise noted, content in this repository is licensed under…"
  // (Creative Commons' own wording), "Unless otherwise stated, all …".
  const clause = DEFAULT_CLAUSE.exec(written.slice(0, 4).join(' '));
  const subject = clause ? written.slice(clause[0].split(' ').length) : written;
  // The OFL's name for the work: "This Font Software is licensed under the SIL Open Font License".
  if (subject.some((w, i) => REJECT.has(w) && !passive(subject, i) && !(w === 'font' && subject[i + 1] === 'software'))) return false;
  if (inLicense) return subject.length <= 15;
  if (subject.length === 0) return true;
  return subject.length <= 10 && (SUBJECTS.has(subject[0]!) || names.has(subject[0]!));
}

const DEFAULT_CLAUSE = /^(?:except where otherwise|unless otherwise) (?:noted|stated|specified|indicated)\b/;

function words(text: string, keepCase = false): string[] {
  const ws = text.split(/[^\p{L}\p{N}_.+/-]+/u).filter(Boolean);
  return keepCase ? ws : ws.map((w) => w.toLowerCase());
}

/**
 * Start of the sentence holding `at`: after the last ". ", "! ", "? ", ": " or "| " (at most 300 characters
 * back). A bar parts a banner's fields: "/*! DOMPurify 3.0.5 | (c) Cure53 and other contributors | Released
 * under the Apache license 2.0 …", whose last field's subject is not the contributors of the one before.
 */
function sentenceStart(text: string, at: number): number {
  for (let i = at - 1; i > 0 && i > at - 300; i--) if (text[i] === ' ' && /[.!?:|]/.test(text[i - 1]!)) return i + 1;
  return Math.max(0, at - 300);
}

const GNU_VERSION = /^\s*(?:either\s+)?version\s+\d/i;

function sentenceEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + 400);
  for (let i = from; i < limit; i++) {
    const c = text[i]!;
    // The GNU notice goes on after its semicolon: "…as published by the Free Software Foundation;
    // either version 2 of the License, or (at your option) any later version."
    if ((c === ';' && !GNU_VERSION.test(text.slice(i + 1, i + 40))) || c === '|') return i;
    // "v." and "ver." before a version end no sentence: "the Mozilla Public License, v. 2.0".
    if (c === '.' && / v(?:er)?$/i.test(text.slice(Math.max(0, i - 4), i))) continue;
    if ((c === '.' || c === '!' || c === '?') && (i + 1 === text.length || text[i + 1] === ' ')) return i;
  }
  return limit;
}

/** The object of "licensed under ...": parentheses, asides and "the terms of" removed. */
function objectPhrase(text: string): string {
  return text
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\([^()]*\)/g, ' ')
    // Where the text is, in angle brackets: Rust's "the Apache License, Version 2.0 <LICENSE-APACHE or http://…> or the MIT license".
    .replace(/<[^<>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ (?=[,;])/g, '')
    .trim()
    // A choice's second part with its own verb (cairo's "…the GNU Lesser General Public License version 2.1 or, at your
    // option, under the terms of the Mozilla Public License"), and the choice's "at your option" after its last part.
    // GNU's "or at your option any later version" has no "under", and keeps its words.
    .replace(/,? or,? (?:at your (?:option|choice),? )?under (?:the terms of )?/gi, ' or ')
    .replace(/,? at your (?:option|choice)(?=[.,;]|$)/gi, '')
    .replace(/^(?:the )?(?:(?:terms|conditions)(?: and conditions)? of )?(?:the )?/i, '')
    .replace(/^(?:a|an) /i, '');
}

/** A license named in prose, and the words that name it. */
type NamedIn = NameMatch & { raw: string };

/** The license `text` starts with: its longest name, refined by the parenthetical after it. */
function readName(text: string, catalog: Catalog): NamedIn | null {
  return refined(longestName(objectPhrase(text), catalog), text, catalog);
}

/**
 * A name and, in parentheses right after it, the id, an alias or the address of a license of the same kind (the same
 * id before its version), or a version: the parenthetical says which one. "The GNU General Public License
 * (GPL-3.0-or-later)" is no unversioned GPL, "the Hippocratic License 3.0 (HL3-CORE)" not its text with modules, "the
 * Cooperative Non-Violent Public License (CNPL-7.0-or-later)" not version 7 alone, "the GNU GPL (version 2 or
 * later)" GPL-2.0-or-later; "the Apache License (Apache-2.0)" is Apache-2.0 for certain. A parenthetical of another
 * kind ("the MIT License (the "License")", "(see LICENSE)", another license) changes nothing.
 */
function refined(hit: NamedIn | null, text: string, catalog: Catalog): NamedIn | null {
  if (hit === null || hit.expression.includes(' ')) return hit;
  const name = hit.raw.split(' ').filter(Boolean).map((w) => w.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'));
  const after = new RegExp(`${name.join('\\s+')}\\s*\\(([^()]{1,80})\\)`).exec(text);
  if (!after) return hit;
  const inside = after[1]!.trim();
  const said = nameToExpression(VERSION.test(inside) ? `${hit.raw} ${inside}` : inside, catalog, { correct: false });
  if (!said || said.how === 'ambiguous' || said.how === 'corrected' || said.expression.includes(' ') || idStem(said.expression) !== idStem(hit.expression)) return hit;
  return said.expression !== hit.expression || said.confidence > hit.confidence ? { ...said, raw: `${hit.raw} (${inside})` } : hit;
}

/** A parenthetical that is a version: "(version 2 or later)", "(v3)", "(2.0)". */
const VERSION = /^(?:v(?:ersion)?\.?\s*)?\d/i;

/** An id up to its version: `GPL-` of GPL-3.0-only, `Hippocratic-` of LicenseRef-Hippocratic-3.0 and of Hippocratic-3.0-core. */
function idStem(id: string): string {
  return id.replace(/^LicenseRef-/, '').replace(/\d.*$/, '');
}

/** The longest run of leading words that names a license (exact readings only: no spdx-correct guesses). */
function longestName(phrase: string, catalog: Catalog): NamedIn | null {
  const ws = phrase.split(' ').filter(Boolean).slice(0, MAX_NAME_WORDS);
  for (let n = ws.length; n > 0; n--) {
    const raw = ws.slice(0, n).join(' ');
    const hit = nameToExpression(raw, catalog, { correct: false });
    if (hit) return { ...hit, raw };
  }
  return null;
}

/** "Licensed under either of" followed by a list: each item names one license; together a choice. */
interface ListContext {
  readonly blocks: readonly Block[];
  readonly index: number;
  readonly consumed: Set<number>;
}

function readList({ blocks, index, consumed }: ListContext, catalog: Catalog): NamedIn | null {
  const hits: NameMatch[] = [];
  for (let i = index + 1; i < blocks.length && i <= index + 6 && blocks[i]!.kind === 'item'; i++) {
    const hit = readName(prose(blocks[i]!).text, catalog);
    if (hit) hits.push(hit);
    consumed.add(i);
  }
  if (hits.length === 0) return null;
  const read = perlsArtistic(hits);
  // Two items that name one license (its name, then its id) are no choice between it and itself.
  const joined = catalog.normalize(anyOf([...new Set(read.map((h) => h.expression))]));
  if (!joined.valid || !joined.expression) return null;
  const worst = read.reduce((a, b) => (b.confidence < a.confidence ? b : a));
  return { ...worst, expression: joined.expression, raw: read.map((h) => h.expression).join(', ') };
}

/** A paragraph of one line after "licensed under:", read as a name: "  The GNU General Public License, Version 1, February 1989". */
function readNameLine({ blocks, index, consumed }: ListContext, catalog: Catalog): NamedIn | null {
  const next = blocks[index + 1];
  if (next?.kind !== 'text' || next.lines.length !== 1) return null;
  const hit = readName(prose(next).text, catalog);
  if (hit) consumed.add(index + 1);
  return hit;
}

/** The first paragraph of a License section, when it starts with a name: "MIT © Jane Doe", "[PPL](LICENSE)". */
function readSectionStart(text: string, line: number, catalog: Catalog): Finding[] {
  const cut = /©|\(c\)|\bcopyright\b|\s[-–—]\s|;|[.:](?:\s|$)|\bsee\b/i.exec(text);
  const head = (cut ? text.slice(0, cut.index) : text).trim();
  if (head === '' || head.split(' ').length > 12) return [];
  const hit = readName(head, catalog);
  return hit ? [finding(hit, 'section', line, hit.raw)] : [];
}

// ---------------------------------------------------------------- the public domain

/** A block's dedication of the work to the public domain, when its sentence is about the work (as a sentence's subject must be). */
function readDedication(block: Block, inLicense: boolean, names: ReadonlySet<string> | null, catalog: Catalog): Finding[] {
  const { text, lineAt } = prose(block);
  const hit = publicDomainIn(text, catalog);
  if (!hit) return [];
  const at = text.indexOf(hit.raw);
  const subject = words(text.slice(sentenceStart(text, at), at) + hit.raw.split(/\b(?:is|are|has been|have been|was|were|hereby)\b/i)[0]);
  if (names !== null && !isAboutTheWork(subject, inLicense, names)) return [];
  return [finding(hit, 'sentence', lineAt(at), hit.raw)];
}

/**
 * A work its author places in the public domain: "This module has been placed in the public domain" (docutils),
 * "This file is in the public domain, so clarified as of 2009-05-17" (tzcode), "The author hereby places this code
 * in the public domain". A dedication with no instrument (LicenseRef-Public-Domain, read with the doubt the name
 * mapper gives "public domain": its effect depends on the country); with CC0's address beside it (Mozilla's "Any
 * copyright is dedicated to the Public Domain. http://creativecommons.org/publicdomain/zero/1.0/"), CC0; the
 * Unlicense's first sentence ("This is free and unencumbered software released into the public domain"), the Unlicense.
 */
const PUBLIC_DOMAIN =
  /\b(?:(?:this|the|these|that|it|its|all|any) (?:[\w.-]+ ){0,3}?(?:is|are|has been|have been|was|were)(?: hereby)?(?: (?:placed|released|dedicated|put|given))? (?:in|into|to) the public domain\b|hereby (?:place|places|release|releases|dedicate|dedicates|put|puts) (?:this|the|these|it|all) (?:[\w.-]+ ){0,3}?(?:in|into|to) the public domain\b|any copyright is dedicated to the public domain\b)/i;
const UNLICENSE = /\bthis is free and unencumbered software released into the public domain\b/i;
/** Words by which such a sentence speaks of a part of the work, or of something it uses: "the testdata directory is … in the public domain", "FSF changes to this file are in the public domain" (install-sh, whose text is X11). */
const PUBLIC_DOMAIN_PART = /\b(?:portions?|parts?|changes|some|except|data|directory|sqlite|based on|derived from|code from|algorithm|uses?|using|includes?|including)\b/i;

/** The dedication a text makes of the work, read as a name (with the name mapper's confidence), or null. */
export function publicDomainIn(text: string, catalog: Catalog): NamedIn | null {
  const unlicense = UNLICENSE.exec(text);
  const m = unlicense ?? PUBLIC_DOMAIN.exec(text);
  if (!m || (!unlicense && PUBLIC_DOMAIN_PART.test(text.slice(Math.max(0, m.index - 60), m.index + m[0].length)))) return null;
  const name = unlicense ? 'Unlicense' : /creativecommons\.org\/publicdomain\/zero\//i.test(text) ? 'CC0-1.0' : 'public domain';
  const hit = nameToExpression(name, catalog, { correct: false });
  return hit ? { ...hit, raw: m[0] } : null;
}

// ---------------------------------------------------------------- badges and links

/** A link in prose. */
export const LINK = /https?:\/\/[^\s()<>"'[\]]+/g;

function readLinks(block: Block, inLicense: boolean, catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < block.lines.length; i++) {
    if (!block.lines[i]!.includes('http')) continue;
    const urls = [...block.lines[i]!.matchAll(LINK)].map((m) => m[0]);
    const badges = urls.map(badgeText);
    for (const [j, url] of urls.entries()) {
      const badge = badges[j];
      if (badge) {
        const hit = nameToExpression(badge, catalog);
        if (hit) out.push(finding(hit, 'badge', block.numbers[i]!, url));
      } else if (badge === undefined && (inLicense || badges.some(Boolean))) {
        const hit = urlToExpression(url, catalog);
        if (hit) out.push(finding(hit, 'link', block.numbers[i]!, url));
      }
    }
  }
  return out;
}

/**
 * The license a badge URL shows: the text of a static shields.io / badgen badge labelled
 * "license"; null for a badge that is not a license badge or whose value is fetched at
 * view time; undefined when the URL is not a badge.
 */
function badgeText(url: string): string | null | undefined {
  const m = /^https?:\/\/(?:img\.)?(shields\.io|badgen\.net)(\/[^?#]*)(\?[^#]*)?/i.exec(url);
  if (!m) return undefined;
  const path = m[2]!;
  if (m[1]!.toLowerCase() === 'badgen.net') {
    const [, kind, label, value] = path.split('/');
    return kind === 'badge' && /^licen[cs]e$/i.test(decode(label ?? '')) && value ? decode(value) : null;
  }
  if (path.startsWith('/static/')) {
    const q = new URLSearchParams(m[3] ?? '');
    return /^licen[cs]e$/i.test(q.get('label') ?? '') ? (q.get('message') ?? null) : null;
  }
  if (!path.startsWith('/badge/')) return null;
  const content = path.slice('/badge/'.length).replace(/\.(?:svg|png|json)$/i, '');
  // shields.io: '-' separates label, message and colour; '--' is a dash, '__' an underscore, '_' a space.
  const parts = content.replace(/--/g, '\u0000').split('-').map((p) => decode(p.replace(/\u0000/g, '-').replace(/__/g, '\u0001').replace(/_/g, ' ').replace(/\u0001/g, '_')));
  return parts.length === 3 && /^licen[cs]e$/i.test(parts[0]!.trim()) ? parts[1]!.trim() : null;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// ---------------------------------------------------------------- results

function finding(hit: NameMatch, kind: Kind, line: number, raw: string): Finding {
  return { expression: hit.expression, confidence: Math.round(WEIGHT[kind] * hit.confidence * 100) / 100, line, kind, raw };
}

/** One declaration per expression ("MIT OR Apache-2.0" and "Apache-2.0 OR MIT" are one). */
function dedupe(findings: readonly Finding[], file: string): Declaration[] {
  const byKey = new Map<string, Finding>();
  for (const f of findings) {
    const key = sameKey(f.expression);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, f);
    else if (f.confidence > seen.confidence) byKey.set(key, { ...f, line: Math.min(f.line, seen.line) });
    else if (f.line < seen.line) byKey.set(key, { ...seen, line: f.line });
  }
  const scope = file.includes('/') ? 'package' : 'project';
  return [...byKey.values()]
    .sort((a, b) => a.line - b.line)
    .map((f) => ({ expression: f.expression, source: 'notice', file, line: f.line, confidence: f.confidence, scope, field: f.kind, raw: f.raw }));
}

function sameKey(expression: string): string {
  for (const op of [' OR ', ' AND '])
    if (expression.includes(op) && !expression.includes('(') && !expression.includes(op === ' OR ' ? ' AND ' : ' OR '))
      return expression.split(op).sort().join(op);
  return expression;
}
