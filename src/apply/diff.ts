// Unified diffs (as `diff -u` and `git apply` read them) of what apply would change. The
// changes are few and close together: lines common to both ends are trimmed first, and only
// a small middle is aligned line by line.

/** Above this many cells (old lines x new lines in the middle), the middle is shown as one replacement. */
const MAX_CELLS = 250_000;

interface Line {
  readonly text: string;
  /** The last line of a text that does not end with a newline. */
  readonly noEol: boolean;
}

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: Line };

/** The diff of one file; `before` null for a new file. Empty when nothing changes. */
export function unifiedDiff(path: string, before: string | null, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before ?? '');
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const out = [`--- ${before === null ? '/dev/null' : `a/${path}`}`, `+++ b/${path}`];
  for (const hunk of hunks(ops, context)) out.push(...hunk);
  return `${out.join('\n')}\n`;
}

function splitLines(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const noEol = parts[parts.length - 1] !== '';
  if (!noEol) parts.pop();
  return parts.map((t, i) => ({ text: t, noEol: noEol && i === parts.length - 1 }));
}

const same = (x: Line, y: Line): boolean => x.text === y.text && x.noEol === y.noEol;

function diffLines(a: readonly Line[], b: readonly Line[]): Op[] {
  let p = 0;
  while (p < a.length && p < b.length && same(a[p]!, b[p]!)) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && same(a[a.length - 1 - s]!, b[b.length - 1 - s]!)) s++;
  const midA = a.slice(p, a.length - s);
  const midB = b.slice(p, b.length - s);
  return [...a.slice(0, p).map((line) => ({ kind: ' ' as const, line })), ...alignMiddle(midA, midB), ...a.slice(a.length - s).map((line) => ({ kind: ' ' as const, line }))];
}

/** A longest-common-subsequence alignment of two short runs of lines. */
function alignMiddle(a: readonly Line[], b: readonly Line[]): Op[] {
  if (a.length * b.length > MAX_CELLS || a.length === 0 || b.length === 0)
    return [...a.map((line) => ({ kind: '-' as const, line })), ...b.map((line) => ({ kind: '+' as const, line }))];
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i * w + j] = same(a[i]!, b[j]!) ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (same(a[i]!, b[j]!)) {
      ops.push({ kind: ' ', line: a[i++]! });
      j++;
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) ops.push({ kind: '-', line: a[i++]! });
    else ops.push({ kind: '+', line: b[j++]! });
  }
  while (i < a.length) ops.push({ kind: '-', line: a[i++]! });
  while (j < b.length) ops.push({ kind: '+', line: b[j++]! });
  return ops;
}

/** Groups changes with `context` unchanged lines around them; groups closer than twice that merge. */
function hunks(ops: readonly Op[], context: number): string[][] {
  const out: string[][] = [];
  let k = 0;
  while (k < ops.length) {
    while (k < ops.length && ops[k]!.kind === ' ') k++;
    if (k >= ops.length) break;
    const start = Math.max(0, k - context);
    let end = k;
    for (;;) {
      while (end < ops.length && ops[end]!.kind !== ' ') end++;
      let next = end;
      while (next < ops.length && ops[next]!.kind === ' ') next++;
      if (next < ops.length && next - end <= 2 * context) end = next;
      else {
        end = Math.min(ops.length, end + context);
        break;
      }
    }
    out.push(renderHunk(ops, start, end));
    k = end;
  }
  return out;
}

function renderHunk(ops: readonly Op[], start: number, end: number): string[] {
  let oldLine = 1;
  let newLine = 1;
  for (let i = 0; i < start; i++) {
    if (ops[i]!.kind !== '+') oldLine++;
    if (ops[i]!.kind !== '-') newLine++;
  }
  const body: string[] = [];
  let oldCount = 0;
  let newCount = 0;
  for (let i = start; i < end; i++) {
    const op = ops[i]!;
    if (op.kind !== '+') oldCount++;
    if (op.kind !== '-') newCount++;
    body.push(`${op.kind}${op.line.text}`);
    if (op.line.noEol) body.push('\\ No newline at end of file');
  }
  const range = (first: number, count: number): string => `${count === 0 ? first - 1 : first}${count === 1 ? '' : `,${count}`}`;
  return [`@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@`, ...body];
}
