// JSON with long lists one item per line: the top level is indented, each item of the named
// lists is one compact line. A 100k-file result stays diffable line by line and small, and is
// rendered in pieces, so it never exists in memory as one string.

const hole = (key: string): string => JSON.stringify(`\u0000farleft-${key}\u0000`);

/** What separates two items of a list: the end of one line and the indent of the next. */
const ITEM_SEP = ',\n    ';

/**
 * A list already rendered, in pieces made one after the other (a scan's threads render the
 * files they read: see src/pipeline/process.ts). Each piece is renderItems() of some items,
 * as text or UTF-8 bytes; an empty piece holds none.
 */
export interface RenderedList {
  readonly pieces: readonly (string | Uint8Array)[];
}

/** Items as the lines of a list, without its brackets: one piece of a RenderedList. */
export function renderItems(items: readonly unknown[]): string {
  return items.map((item) => JSON.stringify(item)).join(ITEM_SEP);
}

/**
 * JSON.parse of the joined pieces gives back `value`; `lists` name top-level array keys. A list
 * in `rendered` is written from its pieces in place of the value's.
 */
export function renderJsonLines<T extends object>(value: T, lists: readonly (keyof T & string)[]): Generator<string>;
export function renderJsonLines<T extends object>(value: T, lists: readonly (keyof T & string)[], rendered: Partial<Record<keyof T & string, RenderedList>>): Generator<string | Uint8Array>;
export function* renderJsonLines<T extends object>(
  value: T,
  lists: readonly (keyof T & string)[],
  rendered: Partial<Record<keyof T & string, RenderedList>> = {},
): Generator<string | Uint8Array> {
  const shell = JSON.stringify({ ...value, ...Object.fromEntries(lists.map((k) => [k, JSON.parse(hole(k))])) }, null, 2);
  let at = 0;
  // The holes appear in key order; walk the shell from one to the next.
  for (const key of [...lists].sort((a, b) => shell.indexOf(hole(a)) - shell.indexOf(hole(b)))) {
    const start = shell.indexOf(hole(key), at);
    yield shell.slice(at, start);
    const done = rendered[key];
    yield* done ? pieces(done) : list((value as Record<string, unknown>)[key] as readonly unknown[]);
    at = start + hole(key).length;
  }
  yield `${shell.slice(at)}\n`;
}

/** A list from the lines of its items (each one or more items already joined by ITEM_SEP): `[]` when there are none. */
function* bracketed<P extends string | Uint8Array>(lines: Iterable<P>): Generator<string | P> {
  let first = true;
  for (const line of lines) {
    yield first ? '[\n    ' : ITEM_SEP;
    yield line;
    first = false;
  }
  yield first ? '[]' : '\n  ]';
}

function* stringified(items: readonly unknown[]): Generator<string> {
  for (const item of items) yield JSON.stringify(item);
}

function list(items: readonly unknown[]): Generator<string> {
  return bracketed(stringified(items));
}

function pieces(list: RenderedList): Generator<string | Uint8Array> {
  return bracketed(list.pieces.filter((piece) => piece.length > 0));
}
