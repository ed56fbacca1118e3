// Pieces the text reports of several commands share.
import type { ChalkInstance } from 'chalk';
import type { Problem } from '../types.js';

/** A problem as two lines: severity, place, message and code; then what to do about it. */
export function renderProblem(p: Problem, c: ChalkInstance): string[] {
  const colour = p.severity === 'error' ? c.red : p.severity === 'warning' ? c.yellow : c.dim;
  const where = p.file ? `${p.file}${p.line ? `:${p.line}` : ''}` : '';
  const lines = [`  ${colour(p.severity.padEnd(7))} ${where}${where ? '  ' : ''}${p.message} ${c.dim(`[${p.code}]`)}`];
  if (p.suggestion) lines.push(`          ${c.cyan('fix:')} ${p.suggestion}`);
  return lines;
}

/**
 * The head of a report's problem list: "Problems: 1 error, 2 warnings", and the notes when there are
 * some, said to be hidden when `verbose` does not show them.
 */
export function problemsLine(problems: readonly Problem[], verbose: boolean, c: ChalkInstance): string {
  const tally = { error: 0, warning: 0, note: 0 };
  for (const p of problems) tally[p.severity]++;
  const notes = tally.note === 0 ? '' : verbose ? `, ${count(tally.note, 'note')}` : c.dim(`, ${count(tally.note, 'note')} (--verbose shows them)`);
  return `${c.bold('Problems:')} ${count(tally.error, 'error')}, ${count(tally.warning, 'warning')}${notes}`;
}

/** Why paths were skipped (the walk's reasons and apply's), in words for the text reports; JSON keeps the codes. */
const SKIP_LABELS: Readonly<Record<string, string>> = {
  vcs: 'version-control folders (.git, .hg, .svn)',
  gitignore: 'ignored by .gitignore',
  exclude: 'excluded (--exclude, exclude:)',
  include: 'not included (--include, include:)',
  symlink: 'symlinks',
  'symlink-outside-root': 'symlinks out of the root',
  'symlink-dir': 'symlinked folders',
  submodule: 'git submodules',
  special: 'devices, sockets and pipes',
  'name-not-utf8': 'names not in UTF-8',
  'outside-root': 'outside the root',
  'not-covered': 'not covered by REUSE (license texts, sidecars, REUSE.toml)',
  empty: 'empty files',
  'temp-file': 'temporary files',
};

/** "ignored by .gitignore 2, symlinks 1": skip reasons and their counts, in words. */
export function skipList(skipped: readonly (readonly [string, number])[]): string {
  return skipped.map(([why, n]) => `${SKIP_LABELS[why] ?? why} ${n}`).join(', ');
}

/** "1 file", "3 files". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

// C0 controls but tab, DEL, C1 controls, and the bidirectional overrides and isolates (U+202A–202E,
// U+2066–2069) that reorder what a line shows.
const UNPRINTABLE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
const UNPRINTABLE_ALL = new RegExp(UNPRINTABLE.source, 'g');

/**
 * A string from a scanned tree (a file name, a tag's value, a package's name) as a report shows
 * it: its control characters as escapes (`\x1b`, `\x0a`, `\u202e`). A file named with a terminal's
 * escape sequence cannot recolour the terminal or clear it, nor one with a line break forge a line
 * of the report ("Problems: 0 errors").
 */
export function printable(s: string): string {
  if (!UNPRINTABLE.test(s)) return s;
  return s.replace(UNPRINTABLE_ALL, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** A result with every string in it made printable (see printable), for a text or Markdown renderer; what holds none to change is returned as it is, not copied. */
export function printableDeep<T>(value: T): T {
  if (typeof value === 'string') return printable(value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = printableDeep(value[i]);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return (out ?? value) as T;
  }
  if (value instanceof Map || value instanceof Set) {
    const before: unknown[] = [...value];
    const after = before.map((e) => printableDeep(e));
    if (after.every((e, i) => e === before[i])) return value;
    return (value instanceof Map ? new Map(after as [unknown, unknown][]) : new Set(after)) as T;
  }
  if (value === null || typeof value !== 'object') return value;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let out: Record<string, unknown> | null = null;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const shownKey = printable(k);
    const shown = printableDeep(record[k]);
    if (out === null && (shownKey !== k || shown !== record[k])) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j]!] = record[keys[j]!];
    }
    if (out !== null) out[shownKey] = shown;
  }
  return (out ?? value) as T;
}
