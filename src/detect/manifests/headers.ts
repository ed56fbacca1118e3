// RFC 822-style header blocks: Python's PKG-INFO / METADATA (core metadata) and R's
// DESCRIPTION (Debian control format). `Name: value` lines; a line that starts with
// white space continues the previous value; the block ends at the first empty line
// (PKG-INFO puts the long description after it).
export interface Header {
  readonly name: string;
  readonly value: string;
  readonly line: number;
}

/** Core metadata writes continuation lines as 7 spaces and '|' (metadata 1.x) or 8 spaces. */
const CONTINUATION = /^(?: {7}\||[ \t]+)/;

export function readHeaders(text: string): Header[] {
  const headers: { name: string; value: string; line: number }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line === '') break; // a line of spaces is a continuation (core metadata writes blank lines so)
    const last = headers.at(-1);
    if (CONTINUATION.test(line)) {
      if (last) last.value += `\n${line.replace(CONTINUATION, '').trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim(), line: i + 1 });
  }
  return headers;
}
