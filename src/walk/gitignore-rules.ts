// The rules of one .gitignore file, matched as git matches them, fast. The `ignore` package
// tests every rule's regular expression against every path: on Linux (305 .gitignore files,
// 150 rules at its root) that made the walk 8 times slower. git itself sorts rules into cheap
// kinds (a name, `*.ext`, `prefix*`, an anchored path) compared as strings, and matches only the
// rest as globs: so does this, with `ignore` matching the rest, one rule at a time.
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
}

const WILD = /[*?[\\]/;

export function compileIgnoreRules(text: string, ignoreCase: boolean): IgnoreRules {
  const fold = ignoreCase ? (s: string): string => s.toLowerCase() : (s: string): string => s;
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\) +$/, ''); // git drops trailing spaces, not escaped ones
    if (line === '' || line.startsWith('#')) continue;
    const negative = line.startsWith('!');
    if (negative) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    const body = dirOnly ? line.slice(0, -1) : line;
    if (body === '') continue;
    rules.push({ negative, dirOnly, test: compileTest(body, dirOnly, ignoreCase, fold) });
  }
  return {
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
    // `*.asn1.[ch]`, `*.c.[012]*.*`: a glob on the name alone, as an anchored expression.
    const re = globRegExp(body, ignoreCase);
    if (re) return (_, name) => re.test(name);
  } else {
    // A slash anchors the pattern to the .gitignore's folder: `/vmlinux`, `utils/cpufreq-set.o`
    // (one path), `/arch/*/include/generated` (a glob on the whole path).
    const anchored = slash === 0 ? body.slice(1) : body;
    if (!WILD.test(anchored)) {
      const literal = fold(anchored);
      return (path) => path === literal;
    }
    const re = globRegExp(anchored, ignoreCase);
    if (re) return (path) => re.test(path);
  }
  // Anything else is a glob: matched by `ignore`, as one rule (negation is the caller's).
  const one: Ignore = ignore({ ignorecase: ignoreCase }).add(dirOnly ? `${body}/` : body);
  return (path) => one.ignores(dirOnly ? `${path}/` : path);
}

/**
 * A glob as a regular expression on a name or an anchored path: `*` any run of characters but
 * '/', `?` one, `[...]` a class (`[!...]` its complement), `\x` the character x. Null for `**`
 * and what it cannot read, which `ignore` matches instead. Paths and names are short: the
 * stars' backtracking stays small.
 */
function globRegExp(glob: string, ignoreCase: boolean): RegExp | null {
  if (glob.includes('**') || glob.length > 200) return null;
  let out = '^';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\') {
      if (i + 1 >= glob.length) return null;
      out += escapeChar(glob[++i]!);
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) return null;
      const inner = glob.slice(i + 1, end);
      if (/[\\[\]^/]/.test(inner.slice(1))) return null;
      out += `[${inner.startsWith('!') ? `^${inner.slice(1)}` : inner}]`;
      i = end;
    } else out += escapeChar(c);
  }
  try {
    return new RegExp(`${out}$`, ignoreCase ? 'i' : '');
  } catch {
    return null;
  }
}

function escapeChar(c: string): string {
  return /[.+^${}()|[\]\\/*?-]/.test(c) ? `\\${c}` : c;
}
