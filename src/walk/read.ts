// Bounded reads: every file is read once, at most MAX_READ_BYTES at a time, and sniffed
// as text or binary. A larger text file is handed over in MAX_READ_BYTES chunks read on
// demand, up to MAX_SCAN_BYTES, so memory stays bounded however large the file is.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isAscii, isUtf8 } from 'node:buffer';
import type { FileInput } from '../detect/types.js';
import type { FileKind } from '../types.js';

/** What is read of a file in one go, and the size of each further chunk: 1 MiB. */
export const MAX_READ_BYTES = 1024 * 1024;
/** Tags are searched in at most this much of one text file: 64 MiB. */
export const MAX_SCAN_BYTES = 64 * 1024 * 1024;
/** What FileInput.readRange may read of one file beyond its first read, in bytes and in calls: 2 MiB, 32 reads. */
export const RANGE_BUDGET_BYTES = 2 * MAX_READ_BYTES;
export const RANGE_BUDGET_READS = 32;
/** Git's rule: a NUL byte in the first 8000 bytes makes a file binary. */
const SNIFF_BYTES = 8000;

export type Encoding = NonNullable<FileInput['encoding']>;

export interface ReadFile extends FileInput {
  /** True when the text part was cut at MAX_SCAN_BYTES. */
  readonly truncated: boolean;
}

/**
 * Reads one file. `buffer` (at least MAX_READ_BYTES) is reused between calls to avoid
 * an allocation per file; the FileInput's `bytes` views it, a binary's as a text's (every
 * caller is done with one file before it reads the next), and is valid only until the
 * next call. Throws the fs error when the file cannot be opened or read.
 */
export function readFileInput(abs: string, path: string, buffer: Buffer = Buffer.allocUnsafe(MAX_READ_BYTES)): ReadFile {
  const fd = openSync(abs, 'r');
  let n: number;
  let size: number;
  try {
    // One read: on Linux a read of a regular file returns less than asked only at its end (FUSE
    // promises the same), so a short read is the whole file, without a second read to see 0 bytes
    // (a system call per file, ~10% of a large scan). Where a full buffer comes back, fstat says how much is left.
    n = readSync(fd, buffer, 0, buffer.length, 0);
    size = n < buffer.length ? n : fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
  const head = buffer.subarray(0, n);
  const sniffed = sniffText(head);
  const encoding = sniffed === 'ascii' ? 'utf-8' : sniffed;
  return new ReadInput(abs, path, size, head, encoding, encoding === null || n === size, sniffed === 'ascii');
}

/** One read file. A class, not an object literal with a getter and closures: a scan makes 100k of them. */
class ReadInput implements ReadFile {
  readonly kind: FileKind;
  readonly truncated: boolean;
  private decoded: string | undefined;
  private bytesLeft = RANGE_BUDGET_BYTES;
  private readsLeft = RANGE_BUDGET_READS;

  constructor(
    private readonly abs: string,
    readonly path: string,
    readonly size: number,
    readonly bytes: Buffer,
    readonly encoding: Encoding | null,
    readonly complete: boolean,
    readonly ascii: boolean,
  ) {
    this.kind = encoding === null ? 'binary' : 'text';
    this.truncated = encoding !== null && size > MAX_SCAN_BYTES;
  }

  get text(): string {
    if (this.encoding === null) return '';
    return (this.decoded ??= decode(this.bytes, this.encoding, this.complete));
  }

  rest(): Iterable<string> {
    return this.complete || this.encoding === null ? [] : readRest(this.abs, this.encoding, Math.min(this.size, MAX_SCAN_BYTES));
  }

  restBytes(): Iterable<Buffer> {
    return this.complete || this.encoding === null ? [] : readRestBytes(this.abs, Math.min(this.size, MAX_SCAN_BYTES));
  }

  /**
   * FileInput.readRange: bytes at a position, read on demand (most files never ask), each
   * call a fresh open so no descriptor outlives detect(). Stops at the file's size as it was
   * first read, and once RANGE_BUDGET_BYTES or RANGE_BUDGET_READS are spent.
   */
  readRange(position: number, length: number): Uint8Array {
    const start = Math.max(0, Math.floor(position));
    const want = Math.min(Math.max(0, Math.floor(length)), this.size - start, this.bytesLeft);
    if (want <= 0 || this.readsLeft <= 0) return new Uint8Array(0);
    this.readsLeft--;
    const buffer = Buffer.allocUnsafe(want);
    let n = 0;
    try {
      const fd = openSync(this.abs, 'r');
      try {
        n = readFull(fd, buffer, start);
      } finally {
        closeSync(fd);
      }
    } catch {
      return new Uint8Array(0); // vanished or unreadable since the first read: what was read stands
    }
    this.bytesLeft -= n;
    return buffer.subarray(0, n);
  }
}

/** Reads into the whole of `buffer` from `position` of an open file, or up to its end; returns the bytes read. */
export function readFull(fd: number, buffer: Buffer, position: number): number {
  let total = 0;
  while (total < buffer.length) {
    const n = readSync(fd, buffer, total, buffer.length - total, position + total);
    if (n === 0) break;
    total += n;
  }
  return total;
}

/** The encoding of a text file, or null for a binary one. */
export function sniff(head: Buffer): Encoding | null {
  const sniffed = sniffText(head);
  return sniffed === 'ascii' ? 'utf-8' : sniffed;
}

/**
 * sniff(), telling apart UTF-8 whose every byte is ASCII (most source files): such a file
 * cannot hold a ©, and its tag search skips that marker (FileInput.ascii).
 */
function sniffText(head: Buffer): Encoding | 'ascii' | null {
  if (head.length >= 2) {
    if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
    if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  }
  // (A view of the first bytes only when there are more: most files are shorter.)
  const probe = head.length > SNIFF_BYTES ? head.subarray(0, SNIFF_BYTES) : head;
  if (probe.includes(0)) return null;
  if (isAscii(head)) return 'ascii';
  // A prefix may end inside a multi-byte character: judge it without its last 3 bytes.
  const body = head.length === MAX_READ_BYTES ? head.subarray(0, head.length - 3) : head;
  if (isUtf8(body)) return 'utf-8';
  // Not UTF-8: Latin-1 text has few control bytes; compressed or random data (which often
  // has no NUL in its first 8000 bytes) has about one in four.
  let control = 0;
  for (const b of probe) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || (b >= 0x7f && b < 0xa0)) control++;
  return control > probe.length / 10 ? null : 'latin1';
}

/** Text of bytes in a sniffed encoding (BOM dropped); `complete: false` keeps a character cut at the end out. */
export function decode(bytes: Buffer, encoding: Encoding, complete: boolean): string {
  switch (encoding) {
    case 'utf-8': {
      const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
      return new TextDecoder('utf-8').decode(bytes.subarray(start), { stream: !complete });
    }
    case 'utf-16le':
    case 'utf-16be':
      return new TextDecoder(encoding).decode(bytes.subarray(2), { stream: !complete });
    default:
      return bytes.toString('latin1');
  }
}

/** The text after the first MAX_READ_BYTES, chunk by chunk, each chunk decoded in turn. */
function* readRest(abs: string, encoding: Encoding, limit: number): Generator<string> {
  const decoder = encoding === 'latin1' ? null : new TextDecoder(encoding);
  let position = MAX_READ_BYTES;
  for (const chunk of readRestBytes(abs, limit)) {
    position += chunk.length;
    // A character cut at a chunk boundary decodes as U+FFFD; tags are ASCII, so none is lost.
    yield decoder ? decoder.decode(chunk, { stream: position < limit }) : chunk.toString('latin1');
  }
}

/** The bytes after the first MAX_READ_BYTES, up to `limit`, in one reused buffer of MAX_READ_BYTES. */
function* readRestBytes(abs: string, limit: number): Generator<Buffer> {
  const buffer = Buffer.allocUnsafe(MAX_READ_BYTES);
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch {
    return; // vanished after the first read: what was read stands
  }
  try {
    for (let position = MAX_READ_BYTES; position < limit; ) {
      const n = readFull(fd, buffer.subarray(0, Math.min(MAX_READ_BYTES, limit - position)), position);
      if (n === 0) break;
      position += n;
      yield buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}
