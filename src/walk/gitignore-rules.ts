// The rules of one .gitignore file, matched as git matches them, fast. The `ignore` package
// tests every rule's regular expression against every path: on Linux (305 .gitignore files,
// 150 rules at its root) that made the walk 8 times slower. git itself sorts rules into cheap
// kinds (a name, `*.ext`, `prefix*`, an anchored path) compared as strings, and matches only the
// rest as globs: so does this, with a bounded wildcard walk (over the names of a path for `**`);
// `ignore` matches only what that cannot read (an unclosed `[`, a trailing `\`).
//
// The walk asks about a path only when no folder above it is ignored (it does not go into an
// ignored folder, except for files git tracks, which it keeps anyway): so a rule is tested on
// the path itself, and the last rule that matches decides, as in git.
import ignore, { type Ignore } from 'ignore';

type Test = (path: string, name: string) => boolean;

interface Rule {
  readonly negative: boolean;
  /** Trailing '/': the rule matches folders only. */
  readonly dirOnly: boolean;
  readonly test: Test;
}

export interface IgnoreRules {
  /** Whether `path` (relative to the .gitignore's folder, no trailing slash) is ignored. */
  ignores(path: string, isDir: boolean): boolean;
  /** Rules beyond MAX_RULES, not read. */
  readonly dropped: number;
}

/** Rules read per .gitignore: every path is tested against each (Linux's largest has 169). */
export const MAX_RULES = 10_000;

const WILD = /[*?[\\]/;

export function compileIgnoreRules(text: string, ignoreCase: boolean): IgnoreRules {
  const fold = ignoreCase ? (s: string): string => s.toLowerCase() : (s: string): string => s;
  const rules: Rule[] = [];
  let dropped = 0;
  for (const raw of text.split(/\r?\n/)) {
    let line = withoutTrailingSpaces(raw); // git drops trailing spaces, not escaped ones
    if (line === '' || line.startsWith('#')) continue;
    const negative = line.startsWith('!');
    if (negative) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    const body = dirOnly ? line.slice(0, -1) : line;
    if (body === '') continue;
    if (rules.length >= MAX_RULES) dropped++;
    else rules.push({ negative, dirOnly, test: compileTest(body, dirOnly, ignoreCase, fold) });
  }
  return {
    dropped,
    ignores(path, isDir) {
      const p = fold(path);
      const name = p.slice(p.lastIndexOf('/') + 1);
      for (let i = rules.length - 1; i >= 0; i--) {
        const r = rules[i]!;
        if (r.dirOnly && !isDir) continue;
        if (r.test(p, name)) return !r.negative;
      }
      return false;
    },
  };
}

function compileTest(pattern: string, dirOnly: boolean, ignoreCase: boolean, fold: (s: string) => string): Test {
  // `**/__pycache__` matches at any depth, as `__pycache__` does.
  const body = pattern.startsWith('**/') && !pattern.slice(3).includes('/') ? pattern.slice(3) : pattern;
  const slash = body.indexOf('/');
  if (slash < 0) {
    // No slash: the pattern matches the last part of a path, at any depth.
    const rest = fold(body.slice(1));
    const head = fold(body.slice(0, -1));
    if (!WILD.test(body)) {
      const literal = fold(body);
      return (_, name) => name === literal;
    }
    if (body.startsWith('*') && !WILD.test(rest)) return (_, name) => name.endsWith(rest);
    if (body.endsWith('*') && !WILD.test(head)) return (_, name) => name.startsWith(head);
    // `*.asn1.[ch]`, `*.c.[012]*.*`: a glob on the name alone.
    const glob = parseGlob(fold(body));
    if (glob) return (_, name) => matchGlob(glob, name);
  } else {
    // A slash anchors the pattern to the .gitignore's folder: `/vmlinux`, `utils/cpufreq-set.o`
    // (one path), `/arch/*/include/generated` (a glob on the whole path).
    const anchored = slash === 0 ? body.slice(1) : body;
    if (!WILD.test(anchored)) {
      const literal = fold(anchored);
      return (path) => path === literal;
    }
    // Part by part: a star never crosses a slash. A part that is `**` is any number of folders
    // (`a/**/b`: a/b, a/x/b, a/x/y/b); last, it is everything inside (`out/**`: out/x, not out).
    const parts = fold(anchored).split('/').map((part) => (part === '**' ? DEEP : parseGlob(part)));
    if (parts.every((g) => g !== null)) {
      const globs = parts as Part[];
      // Tested on every path under the .gitignore's folder (`/MLO*`, `/u-boot*`: u-boot has dozens
      // at its root), so each part is matched where it stands in the path, without splitting it.
      if (!globs.includes(DEEP)) {
        const last = globs.length - 1;
        return (path) => {
          let start = 0;
          for (let i = 0; i < last; i++) {
            const end = path.indexOf('/', start);
            if (end < 0 || !matchGlob(globs[i] as Glob, path, start, end)) return false;
            start = end + 1;
          }
          return path.indexOf('/', start) < 0 && matchGlob(globs[last] as Glob, path, start, path.length);
        };
      }
      if (globs.at(-1) === DEEP) globs.splice(-1, 1, ANY_NAME, DEEP);
      return (path) => matchParts(globs, path.split('/'));
    }
  }
  // Anything else is a glob: matched by `ignore`, as one rule (negation is the caller's).
  const one: Ignore = ignore({ ignorecase: ignoreCase }).add(dirOnly ? `${body}/` : body);
  return (path) => one.ignores(dirOnly ? `${path}/` : path);
}

/** One position of a glob: a character, `?` (any one), `*` (any run), or a class. */
type GlobToken = { readonly c: string } | { readonly any: true } | { readonly star: true } | { readonly set: string; readonly not: boolean };
type Glob = readonly GlobToken[];
/** A part of a path pattern: a glob of one name, or `**` (any number of names). */
const DEEP = Symbol('**');
type Part = Glob | typeof DEEP;
const ANY_NAME: Glob = [{ star: true }];

/** A glob of one name (no slash): `*`, `?`, `[...]` (`[!...]` its complement, ranges), `\\x`; null for what it cannot read. */
function parseGlob(glob: string): Glob | null {
  if (glob.length > 1000) return null;
  const out: GlobToken[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if ((out.at(-1) as { star?: true } | undefined)?.star !== true) out.push({ star: true });
    } else if (c === '?') out.push({ any: true });
    else if (c === '\\') {
      if (i + 1 >= glob.length) return null;
      out.push({ c: glob[++i]! });
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) return null;
      let set = glob.slice(i + 1, end);
      const not = set.startsWith('!') || set.startsWith('^');
      if (not) set = set.slice(1);
      if (set === '' || /[\\[/]/.test(set)) return null;
      out.push({ set, not });
      i = end;
    } else if (c === '/') return null;
    else out.push({ c });
  }
  return out;
}

function inSet(set: string, ch: string): boolean {
  for (let i = 0; i < set.length; i++) {
    if (set[i + 1] === '-' && i + 2 < set.length) {
      if (ch >= set[i]! && ch <= set[i + 2]!) return true;
      i += 2;
    } else if (set[i] === ch) return true;
  }
  return false;
}

function matchOne(t: GlobToken, ch: string): boolean {
  if ('c' in t) return t.c === ch;
  if ('any' in t) return true;
  if ('set' in t) return inSet(t.set, ch) !== t.not;
  return false;
}

/** Whether the names of a path match the parts of a pattern, `**` taking any run of names. */
function matchParts(parts: readonly Part[], names: readonly string[]): boolean {
  return wildcardWalk(parts, names, 0, names.length, isDeep, matchName);
}

/** Whether a name (or the part [start, end) of a path) matches a glob, `*` taking any run of characters. */
function matchGlob(glob: Glob, name: string, start = 0, end = name.length): boolean {
  return wildcardWalk(glob, name, start, end, isStar, matchOne);
}

const isDeep = (p: Part): boolean => p === DEEP;
const matchName = (p: Part, name: string): boolean => matchGlob(p as Glob, name);
const isStar = (t: GlobToken): boolean => 'star' in t;

/**
 * A pattern against items[start, end), a star matching any run of them. The walk keeps one
 * star to return to, so its work is at most the items times the pattern: no pattern in a
 * .gitignore can make it backtrack without end (a regular expression of many stars can).
 */
function wildcardWalk<P, I>(pattern: readonly P[], items: ArrayLike<I>, start: number, end: number, star: (p: P) => boolean, matches: (p: P, item: I) => boolean): boolean {
  let g = 0;
  let n = start;
  let back = -1;
  let from = start;
  while (n < end) {
    const t = pattern[g];
    if (t !== undefined && !star(t) && matches(t, items[n]!)) {
      g++;
      n++;
    } else if (t !== undefined && star(t)) {
      back = g++;
      from = n;
    } else if (back >= 0) {
      g = back + 1;
      n = ++from;
    } else return false;
  }
  while (g < pattern.length && star(pattern[g]!)) g++;
  return g === pattern.length;
}

/**
 * A line without its trailing spaces, but for one escaped with a backslash. A loop from the end:
 * a regular expression for the run (/(?<!\\) +$/) is tried from every space of it, which on
 * a hostile line of a million spaces and a letter takes minutes.
 */
function withoutTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 32) end--;
  if (end < line.length && end > 0 && line.charCodeAt(end - 1) === 92) end++;
  return end === line.length ? line : line.slice(0, end);
}
