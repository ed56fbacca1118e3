// The exact-template pass: whether a text's words are one reference text's template with
// its variables filled in and its optional parts kept or left out (SPDX's matching
// guidelines call that a match). Most license files that are not exact copies are just
// that — MIT with "THE AUTHOR" for "THE AUTHORS OR COPYRIGHT HOLDERS", BSD with the
// holder's name, Apache-2.0 without its appendix — and this tells them in microseconds,
// where the shingle matcher takes milliseconds. Anything else (a text with clauses added,
// two licenses in one file) fails here and goes on to the shingle matcher.
//
// A template is compiled once into a small automaton (a word, any word, a fork) and run
// over the words with a set of states, so a text costs its length times the few states
// alive, never backtracking.
import type { IndexTarget } from './index-data.js';
import type { TemplatePart } from './template.js';

const WORD = 0;
const ANY = 1;
const FORK = 2;
const DONE = 3;

interface Program {
  readonly op: Uint8Array;
  /** For WORD, the word it reads; null for the others. */
  readonly word: readonly (string | null)[];
  /** FORK: the second way on (the first is the next instruction). */
  readonly jump: Int32Array;
  /** The words a copy may start with, or null when it may start with any. */
  readonly first: ReadonlySet<string> | null;
}

/** A template, compiled on the first text whose length it fits (most texts fit only a few). */
interface Template {
  readonly target: number;
  readonly parts: readonly TemplatePart[];
  /** Fewest and most words a copy has. */
  readonly min: number;
  readonly max: number;
  program?: Program;
}

export interface TemplateHit {
  readonly target: number;
  /** Word positions of the match, first and last. */
  readonly first: number;
  readonly last: number;
}

export class TemplateSet {
  private readonly templates: readonly Template[];
  /** Per state of the program being run: the generation it was last added in. */
  private mark = new Int32Array(0);
  private generation = 0;

  constructor(targets: readonly IndexTarget[]) {
    const templates: Template[] = [];
    targets.forEach((t, i) => {
      if (t.template && t.kind === 'license') templates.push({ target: i, parts: t.template, ...lengths(t.template) });
    });
    this.templates = templates;
  }

  /**
   * The one template the words match, allowing fewer than `slack` words before and after
   * it (a title, a line naming the file: as the shingle matcher allows them); null when
   * none does, or more than one does (the shingle matcher decides between them).
   */
  find(tokens: readonly string[], slack: number): TemplateHit | null {
    const n = tokens.length;
    let found: TemplateHit | null = null;
    for (const t of this.templates) {
      if (n < t.min || n - 2 * (slack - 1) > t.max) continue;
      const p = (t.program ??= compile(t.parts));
      if (this.mark.length < p.op.length) this.mark = new Int32Array(p.op.length);
      for (let s = 0; s < slack && s < n && n - s >= t.min; s++) {
        if (p.first && !p.first.has(tokens[s]!)) continue;
        const end = this.run(p, tokens, s);
        if (end < 0 || n - end >= slack) continue;
        if (found) return null;
        found = { target: t.target, first: s, last: end - 1 };
        break;
      }
    }
    return found;
  }

  /** The end (exclusive) of the longest match of the program from word `from`, or -1. */
  private run(p: Program, tokens: readonly string[], from: number): number {
    let current: number[] = [];
    let next: number[] = [];
    this.nextGeneration();
    this.close(p, 0, current);
    let end = -1;
    for (let pos = from; ; pos++) {
      let done = false;
      for (const pc of current) if (p.op[pc] === DONE) done = true;
      if (done) end = pos;
      if (pos === tokens.length || current.length === 0) break;
      const token = tokens[pos]!;
      next.length = 0;
      this.nextGeneration();
      for (const pc of current) if (p.op[pc] === ANY || (p.op[pc] === WORD && p.word[pc] === token)) this.close(p, pc + 1, next);
      [current, next] = [next, current];
    }
    return end;
  }

  /** A new mark for the states added to a set (the marks start over long before they would overflow). */
  private nextGeneration(): void {
    if (++this.generation > 0x3fffffff) {
      this.mark.fill(0);
      this.generation = 1;
    }
  }

  /** Adds the state and every state a fork leads to from it without reading a word. */
  private close(p: Program, start: number, into: number[]): void {
    const stack = [start];
    while (stack.length) {
      const pc = stack.pop()!;
      if (this.mark[pc] === this.generation) continue;
      this.mark[pc] = this.generation;
      if (p.op[pc] === FORK) stack.push(p.jump[pc]!, pc + 1);
      else into.push(pc);
    }
  }
}

/** The fewest and most words a copy of the template has. */
function lengths(parts: readonly TemplatePart[]): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const part of parts) {
    if (typeof part === 'string') {
      let words = 1;
      for (let i = part.indexOf(' '); i >= 0; i = part.indexOf(' ', i + 1)) words++;
      min += words;
      max += words;
    } else if (typeof part === 'number') max += part;
    else max += lengths(part).max;
  }
  return { min, max };
}

function compile(parts: readonly TemplatePart[]): Program {
  const op: number[] = [];
  const word: (string | null)[] = [];
  const jump: number[] = [];
  const emit = (o: number, w: string | null = null): number => {
    op.push(o);
    word.push(w);
    jump.push(-1);
    return op.length - 1;
  };
  const walk = (list: readonly TemplatePart[]): void => {
    for (const part of list) {
      if (typeof part === 'string') for (const w of part.split(' ')) emit(WORD, w);
      else if (typeof part === 'number') {
        // Up to `part` words of any kind: at each, a fork straight to the end.
        const forks: number[] = [];
        for (let k = 0; k < part; k++) {
          forks.push(emit(FORK));
          emit(ANY);
        }
        for (const f of forks) jump[f] = op.length;
      } else {
        const fork = emit(FORK);
        walk(part);
        jump[fork] = op.length;
      }
    }
  };
  walk(parts);
  emit(DONE);
  return { op: Uint8Array.from(op), word, jump: Int32Array.from(jump), first: firstWords(op, word, jump) };
}

/** The words the program can read first, or null when it can read any word first. */
function firstWords(op: readonly number[], word: readonly (string | null)[], jump: readonly number[]): Set<string> | null {
  const out = new Set<string>();
  const seen = new Set<number>();
  const stack = [0];
  while (stack.length) {
    const pc = stack.pop()!;
    if (seen.has(pc)) continue;
    seen.add(pc);
    if (op[pc] === FORK) stack.push(jump[pc]!, pc + 1);
    else if (op[pc] === ANY || op[pc] === DONE) return null;
    else out.add(word[pc]!);
  }
  return out;
}
