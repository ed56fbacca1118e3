// The globs of REUSE.toml `path` keys and dep5 `Files` fields, and an index that answers
// "which annotations cover this file" without testing every glob of every REUSE.toml.
//
// Globs are compiled into tokens and matched by an NFA walk (time linear in the path times
// the glob), never by a backtracking regex: REUSE.toml files are scanned input, and a glob
// like `*a*a*a*a*b` must not cost exponential time. A glob of up to 31 tokens keeps its
// states as the bits of one integer, so a character costs a few integer operations: a root
// REUSE.toml's `**/doc/**/images/**` is tried on every path of the tree (Qt's 22k files).
import type { Annotation } from '../detect/types.js';

/**
 * REUSE.toml (REUSE 3.3): `*` matches anything but `/`; `**` (and `**` followed by `/`)
 * matches anything including `/`; `\` escapes the next character (`\*` is an asterisk,
 * `\\` a backslash). dep5 (Debian copyright format 1.0): `*` matches anything including
 * `/`, `?` matches one character, `\*` `\?` `\\` are literals.
 */
export type GlobSyntax = 'reuse-toml' | 'dep5';

const SLASH = 0x2f;

// A literal code point, a wildcard that stops at '/', one that does not, or any one character.
type Token = number | 'star' | 'any' | 'one';

export interface CompiledGlob {
  readonly glob: string;
  /** The literal text every match starts with. */
  readonly prefix: string;
  /** The literal text every match ends with (after the last wildcard). */
  readonly suffix: string;
  /** The tokens between prefix and suffix; empty for a glob without wildcards. */
  readonly middle: readonly Token[];
  /** Code units a match needs at least. */
  readonly minLength: number;
  /** The middle tokens as a bit-parallel NFA, when there are at most 31 of them. */
  readonly bits: BitNfa | null;
}

/** State k is bit k (before token k; bit n accepts). */
interface BitNfa {
  /** States whose token is a wildcard: it repeats on a character, or matches nothing. */
  readonly wild: number;
  /** Wildcards that repeat on '/' too. */
  readonly any: number;
  /** States that advance on any one character (dep5 `?`). */
  readonly one: number;
  /** States that advance on a character, by its code (ASCII)... */
  readonly ascii: Int32Array;
  /** ...or by its code point. */
  readonly other: ReadonlyMap<number, number>;
  readonly accept: number;
}

const MAX_BIT_TOKENS = 31;

/** Compiles one glob. An escape dep5 forbids (`\a`) reads as the escaped character; the dep5 detector reports it. */
export function compileGlob(glob: string, syntax: GlobSyntax): CompiledGlob {
  const tokens: Token[] = [];
  const push = (t: Token): void => {
    const last = tokens.at(-1);
    // Adjacent wildcards collapse: `*` next to `**` is `**`, `**` in dep5 is `*`.
    if ((t === 'star' || t === 'any') && (last === 'star' || last === 'any')) tokens[tokens.length - 1] = last === 'any' || t === 'any' ? 'any' : 'star';
    else tokens.push(t);
  };
  for (let i = 0; i < glob.length; ) {
    const cp = glob.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (cp === 0x5c /* \ */) {
      // A trailing backslash escapes nothing and is dropped (as reuse-tool does).
      if (i + 1 < glob.length) {
        const next = glob.codePointAt(i + 1)!;
        tokens.push(next);
        i += 1 + (next > 0xffff ? 2 : 1);
      } else i++;
      continue;
    }
    if (cp === 0x2a /* * */) {
      let run = 0;
      while (glob.charCodeAt(i + run) === 0x2a) run++;
      i += run;
      if (syntax === 'dep5') push('any');
      else if (run === 1) push('star');
      else {
        push('any');
        if (glob.charCodeAt(i) === SLASH) i++; // `**/` is one unit: it matches '' as well as 'a/b/'
      }
      continue;
    }
    if (cp === 0x3f /* ? */ && syntax === 'dep5') push('one');
    else tokens.push(cp);
    i += width;
  }
  let head = 0;
  while (head < tokens.length && typeof tokens[head] === 'number') head++;
  let tail = tokens.length;
  while (tail > head && typeof tokens[tail - 1] === 'number') tail--;
  const text = (ts: readonly Token[]): string => ts.map((cp) => String.fromCodePoint(cp as number)).join(''); // no spread: globs may be long
  const prefix = text(tokens.slice(0, head));
  const suffix = text(tokens.slice(tail));
  const middle = tokens.slice(head, tail);
  let minLength = prefix.length + suffix.length;
  for (const t of middle) if (typeof t === 'number') minLength += t > 0xffff ? 2 : 1;
  else if (t === 'one') minLength += 1;
  return { glob, prefix, suffix, middle, minLength, bits: middle.length <= MAX_BIT_TOKENS ? bitNfa(middle) : null };
}

function bitNfa(tokens: readonly Token[]): BitNfa {
  let wild = 0;
  let any = 0;
  let one = 0;
  const ascii = new Int32Array(128);
  const other = new Map<number, number>();
  tokens.forEach((t, k) => {
    const bit = 1 << k;
    if (t === 'star' || t === 'any') wild |= bit;
    if (t === 'any') any |= bit;
    else if (t === 'one') one |= bit;
    else if (typeof t === 'number') {
      if (t < 128) ascii[t]! |= bit;
      else other.set(t, (other.get(t) ?? 0) | bit);
    }
  });
  return { wild, any, one, ascii, other, accept: 1 << tokens.length };
}

/** Whether a compiled glob matches the whole of `path`. */
export function matchGlob(g: CompiledGlob, path: string): boolean {
  if (path.length < g.minLength || !path.startsWith(g.prefix) || !path.endsWith(g.suffix)) return false;
  const from = g.prefix.length;
  const to = path.length - g.suffix.length;
  const m = g.middle;
  if (m.length === 0) return from === to;
  if (m.length === 1) {
    if (m[0] === 'any') return true;
    if (m[0] === 'star') {
      const slash = path.indexOf('/', from);
      return slash === -1 || slash >= to;
    }
  }
  return g.bits ? runBits(g.bits, path, from, to) : runNfa(m, path, from, to);
}

/** The NFA walk with the states as bits: advance on the character, stay on a wildcard, then let wildcards match nothing. */
function runBits(b: BitNfa, s: string, from: number, to: number): boolean {
  let cur = 1 | ((1 & b.wild) << 1);
  for (let i = from; i < to; ) {
    const cp = s.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    const advance = cp < 128 ? b.ascii[cp]! : (b.other.get(cp) ?? 0);
    // Wildcards never stand side by side (compileGlob merges them), so one step of closure is all.
    const next = ((cur & (advance | b.one)) << 1) | (cur & (cp === SLASH ? b.any : b.wild));
    if (next === 0) return false;
    cur = next | ((next & b.wild) << 1);
  }
  return (cur & b.accept) !== 0;
}

/** Thompson simulation over the middle tokens: states are token positions, each step is O(tokens). */
function runNfa(tokens: readonly Token[], s: string, from: number, to: number): boolean {
  const n = tokens.length;
  let cur = new Uint8Array(n + 1);
  let next = new Uint8Array(n + 1);
  cur[0] = 1;
  close(tokens, cur);
  for (let i = from; i < to; ) {
    const cp = s.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    next.fill(0);
    let alive = false;
    for (let k = 0; k < n; k++) {
      if (!cur[k]) continue;
      const t = tokens[k]!;
      if (t === 'any' || (t === 'star' && cp !== SLASH)) next[k] = 1;
      else if (t === 'one' || t === cp) next[k + 1] = 1;
      else continue;
      alive = true;
    }
    if (!alive) return false;
    close(tokens, next);
    [cur, next] = [next, cur];
  }
  return cur[n] === 1;
}

/** A wildcard may match nothing: its state also enables the next one. */
function close(tokens: readonly Token[], states: Uint8Array): void {
  for (let k = 0; k < tokens.length; k++) if (states[k] && (tokens[k] === 'star' || tokens[k] === 'any')) states[k + 1] = 1;
}

export interface GlobEntry {
  readonly glob: string;
  /** What the glob stands for (an annotation's position in its file); the highest matching id wins. */
  readonly id: number;
}

/** Many globs of one file, asked for the last one that matches a path. */
export interface GlobSet {
  /** The highest id whose glob matches `path`, or -1. */
  lastMatch(path: string): number;
}

/** How many trailing code units of a glob's literal suffix key its bucket. */
const TAIL = 3;

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  /** Globs whose literal prefix ends in this folder, by the end of their literal suffix, highest id first. */
  readonly byTail: Map<string, { readonly glob: CompiledGlob; readonly id: number }[]>;
}

/**
 * Indexes globs so a lookup tests only plausible ones: globs without wildcards are one map
 * lookup; the others hang in a trie under the folders their literal prefix names
 * (`docs/img/*.png` under docs/img), bucketed by the last characters of their literal
 * suffix (`*.png` and `docs/*.png` under 'png'), so a path meets only globs that can match it.
 */
export function createGlobSet(entries: readonly GlobEntry[], syntax: GlobSyntax): GlobSet {
  const exact = new Map<string, number>();
  const root: TrieNode = { children: new Map(), byTail: new Map() };
  for (const { glob, id } of entries) {
    const g = compileGlob(glob, syntax);
    if (g.middle.length === 0) {
      exact.set(g.prefix, Math.max(id, exact.get(g.prefix) ?? -1));
      continue;
    }
    let node = root;
    const cut = g.prefix.lastIndexOf('/');
    if (cut >= 0)
      for (const segment of g.prefix.slice(0, cut).split('/')) {
        let child = node.children.get(segment);
        if (!child) node.children.set(segment, (child = { children: new Map(), byTail: new Map() }));
        node = child;
      }
    const tail = g.suffix.slice(-TAIL);
    const bucket = node.byTail.get(tail);
    if (bucket) bucket.push({ glob: g, id });
    else node.byTail.set(tail, [{ glob: g, id }]);
  }
  const sort = (node: TrieNode): void => {
    for (const bucket of node.byTail.values()) bucket.sort((a, b) => b.id - a.id);
    for (const child of node.children.values()) sort(child);
  };
  sort(root);

  return {
    lastMatch(path) {
      let best = exact.get(path) ?? -1;
      let node: TrieNode | undefined = root;
      let start = 0;
      while (node) {
        if (node.byTail.size > 0)
          for (let k = 0; k <= TAIL && k <= path.length; k++) {
            const bucket = node.byTail.get(k === 0 ? '' : path.slice(-k));
            if (!bucket) continue;
            for (const e of bucket) {
              if (e.id <= best) break;
              if (matchGlob(e.glob, path)) {
                best = e.id;
                break;
              }
            }
          }
        if (node.children.size === 0) break;
        const end = path.indexOf('/', start);
        if (end === -1) break;
        node = node.children.get(path.slice(start, end));
        start = end + 1;
      }
      return best;
    },
  };
}

/** The annotations that REUSE.toml files and .reuse/dep5 give the files of a tree, indexed by folder. */
export interface AnnotationIndex {
  /**
   * For each REUSE.toml (or .reuse/dep5) whose folder holds `path`, from the root down, the
   * annotation that covers the file: the LAST of that file's tables or paragraphs that
   * matches. Within one folder a REUSE.toml comes before a dep5. Precedence is not applied
   * here (see resolve.ts).
   */
  covering(path: string): readonly Annotation[];
  /** The files the annotations came from, in the order first seen. */
  readonly sources: readonly string[];
}

interface Group {
  readonly base: string;
  readonly annotations: readonly Annotation[];
  readonly globs: GlobSet;
}

export function compileAnnotations(annotations: readonly Annotation[]): AnnotationIndex {
  const byFile = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const list = byFile.get(a.file);
    if (list) list.push(a);
    else byFile.set(a.file, [a]);
  }
  const byBase = new Map<string, Group[]>();
  for (const list of byFile.values()) {
    const { base, source } = list[0]!;
    const entries = list.flatMap((a, id) => a.paths.map((glob) => ({ glob, id })));
    const group = { base, annotations: list, globs: createGlobSet(entries, source === 'dep5' ? 'dep5' : 'reuse-toml') };
    const groups = byBase.get(base) ?? [];
    groups.push(group);
    groups.sort((a, b) => (a.annotations[0]!.source === 'dep5' ? 1 : 0) - (b.annotations[0]!.source === 'dep5' ? 1 : 0));
    byBase.set(base, groups);
  }
  const onlyRoot = byBase.size === 1 && byBase.has('');

  const collect = (groups: readonly Group[] | undefined, rel: string, out: Annotation[]): void => {
    if (groups)
      for (const g of groups) {
        const id = g.globs.lastMatch(rel);
        if (id >= 0) out.push(g.annotations[id]!);
      }
  };
  return {
    sources: [...byFile.keys()],
    covering(path) {
      const out: Annotation[] = [];
      collect(byBase.get(''), path, out);
      if (onlyRoot || byBase.size === 0) return out;
      for (let end = path.indexOf('/'); end !== -1; end = path.indexOf('/', end + 1)) {
        const groups = byBase.get(path.slice(0, end));
        if (groups) collect(groups, path.slice(end + 1), out);
      }
      return out;
    },
  };
}
