// JSON with long lists one item per line: the top level is indented, each item of the named
// lists is one compact line. A 100k-file result stays diffable line by line and small, and is
// rendered in pieces, so it never exists in memory as one string.

const hole = (key: string): string => JSON.stringify(`\u0000farleft-${key}\u0000`);

/** JSON.parse of the joined pieces gives back `value`; `lists` name top-level array keys. */
export function* renderJsonLines<T extends object>(value: T, lists: readonly (keyof T & string)[]): Generator<string> {
  const shell = JSON.stringify({ ...value, ...Object.fromEntries(lists.map((k) => [k, JSON.parse(hole(k))])) }, null, 2);
  let at = 0;
  // The holes appear in key order; walk the shell from one to the next.
  for (const key of [...lists].sort((a, b) => shell.indexOf(hole(a)) - shell.indexOf(hole(b)))) {
    const start = shell.indexOf(hole(key), at);
    yield shell.slice(at, start);
    yield* list((value as Record<string, unknown>)[key] as readonly unknown[]);
    at = start + hole(key).length;
  }
  yield `${shell.slice(at)}\n`;
}

function* list(items: readonly unknown[]): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  yield '[\n';
  const last = items.length - 1;
  for (let i = 0; i <= last; i++) yield `    ${JSON.stringify(items[i])}${i < last ? ',\n' : '\n'}`;
  yield '  ]';
}
