// An editable view of a text file that gives back every byte it does not touch. UTF-8 and
// Latin-1 files are viewed as Latin-1 (one character per byte), so invalid UTF-8, odd
// bytes and line endings survive any edit; only the text farleft inserts is encoded (into a
// file that is not UTF-8, only ASCII: its real encoding is unknown, so nothing is guessed).
// Edits are spliced into the bytes themselves: most files are only looked at in their
// first lines, and never turned into one string. UTF-16 files are decoded, and taken only
// when they encode back to the very same bytes.
import type { Encoding } from '../walk/read.js';

/** Replace view characters [start, end) with `text` (view characters). */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface TextView {
  readonly encoding: Encoding;
  /** The byte order mark's bytes (empty when there is none); the view starts after it. */
  readonly bom: Buffer;
  /** The file's line ending: the first one it uses (LF when it has none). */
  readonly eol: '\n' | '\r\n';
  /** Length of the view, in view characters. */
  readonly length: number;
  /** View characters [start, end). */
  slice(start: number, end: number): string;
  /** The offset of the first `\n` at or after `from`, or -1. */
  indexOfNewline(from: number): number;
  /** Text -> view characters; null when the file's encoding cannot hold it. */
  encode(text: string): string | null;
  /** View characters -> text, for messages. */
  decode(view: string): string;
  /** The file's bytes with the edits made (edits must not overlap). */
  edit(edits: readonly Edit[]): Buffer;
  /**
   * A whole file's bytes (these or edited ones) as text for a diff, BOM included: UTF-8
   * decoded, and a file that is not UTF-8 one character per byte (its diff is then written
   * out as Latin-1, which gives back its bytes).
   */
  display(bytes: Buffer): string;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A view of `bytes` in `encoding`, or null when the bytes would not round-trip. */
export function createTextView(bytes: Buffer, encoding: Encoding): TextView | null {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return utf16View(bytes, encoding);
  const isUtf8 = encoding === 'utf-8';
  const bom = isUtf8 && bytes.subarray(0, 3).equals(UTF8_BOM) ? UTF8_BOM : Buffer.alloc(0);
  const b = bom.length;
  const lf = bytes.indexOf(10, b);
  return {
    encoding,
    bom,
    eol: lf > b && bytes[lf - 1] === 13 ? '\r\n' : '\n',
    length: bytes.length - b,
    slice: (start, end) => bytes.toString('latin1', b + start, b + Math.min(end, bytes.length - b)),
    indexOfNewline: (from) => {
      const at = bytes.indexOf(10, b + from);
      return at === -1 ? -1 : at - b;
    },
    encode: (s) => (isUtf8 ? Buffer.from(s, 'utf8').toString('latin1') : isAscii(s) ? s : null),
    decode: (v) => (isUtf8 ? Buffer.from(v, 'latin1').toString('utf8') : v),
    edit: (edits) => {
      const parts: Buffer[] = [];
      let at = 0;
      // At one offset, an insertion goes before the range an edit replaces.
      for (const e of [...edits].sort((x, y) => x.start - y.start || x.end - y.end)) {
        parts.push(bytes.subarray(at, b + e.start), Buffer.from(e.text, 'latin1'));
        at = b + e.end;
      }
      parts.push(bytes.subarray(at));
      return Buffer.concat(parts);
    },
    display: (x) => x.toString(isUtf8 ? 'utf8' : 'latin1'),
  };
}

function utf16View(bytes: Buffer, encoding: 'utf-16le' | 'utf-16be'): TextView | null {
  const body = bytes.subarray(2);
  if (body.length % 2 !== 0) return null;
  const decode = (x: Buffer): string => new TextDecoder(encoding).decode(x);
  const text = decode(body);
  const toBytes = (v: string): Buffer => {
    const le = Buffer.from(v, 'utf16le');
    if (encoding === 'utf-16be') le.swap16();
    return Buffer.concat([bytes.subarray(0, 2), le]);
  };
  // Unpaired surrogates decode to U+FFFD and would not come back: leave such files alone.
  if (!toBytes(text).equals(bytes)) return null;
  const lf = text.indexOf('\n');
  return {
    encoding,
    bom: Buffer.from(bytes.subarray(0, 2)),
    eol: lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n',
    length: text.length,
    slice: (start, end) => text.slice(start, end),
    indexOfNewline: (from) => text.indexOf('\n', from),
    encode: (s) => s,
    decode: (v) => v,
    edit: (edits) => {
      let out = text;
      for (const e of [...edits].sort((x, y) => y.start - x.start || y.end - x.end)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
      return toBytes(out);
    },
    display: (x) => decode(x.subarray(2)),
  };
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
