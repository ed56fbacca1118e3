// Random access to one media file for the format readers: the first read (FileInput.bytes)
// serves most of them; past it, bounded range reads through FileInput.readRange (scan) or a
// file descriptor (apply's verification). Reads beyond the head go through a one-block
// cache, so a reader walking chunk headers one by one costs few system calls.
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync } from 'node:fs';
import { readFull } from '../../walk/read.js';
import type { FileInput } from '../types.js';

export interface ByteSource {
  /** The file's size on disk. */
  readonly size: number;
  /** The first bytes of the file (all of it when it is small). */
  readonly head: Buffer;
  /** Up to `length` bytes at `position`; fewer at the end of the file or when the read budget is spent. */
  read(position: number, length: number): Buffer;
  /** True once a read came back short of the file's end: the budget is spent, or the file shrank. */
  readonly starved: boolean;
}

const BLOCK = 64 * 1024;
const EMPTY = Buffer.alloc(0);

/** A ByteSource over a FileInput: the head it holds, and its bounded readRange beyond. */
export function sourceOfInput(file: FileInput): ByteSource {
  const head = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  const more = file.readRange ? (p: number, n: number) => toBuffer(file.readRange!(p, n)) : null;
  return cachedSource(Math.max(file.size, head.length), head, more);
}

/** A ByteSource over bytes in memory (tests, and files apply has read whole). */
export function sourceOfBytes(bytes: Uint8Array): ByteSource {
  const head = toBuffer(bytes);
  return cachedSource(head.length, head, null);
}

/**
 * A ByteSource over an open file, unbounded (apply reads the files it rewrites in full).
 * The caller closes `fd`.
 */
export function sourceOfFd(fd: number, headBytes = 1024 * 1024): ByteSource {
  const size = fstatSync(fd).size;
  const readAt = (position: number, length: number): Buffer => {
    const buffer = Buffer.allocUnsafe(length);
    return buffer.subarray(0, readFull(fd, buffer, position));
  };
  return cachedSource(size, readAt(0, Math.min(size, headBytes)), readAt);
}

/** Runs `fn` over a ByteSource of the file at `abs`. */
export function withFileSource<T>(abs: string, fn: (src: ByteSource) => T): T {
  const fd = openSync(abs, 'r');
  try {
    return fn(sourceOfFd(fd));
  } finally {
    closeSync(fd);
  }
}

function cachedSource(size: number, head: Buffer, more: ((position: number, length: number) => Buffer) | null): ByteSource {
  let block: Buffer = EMPTY;
  let blockAt = -1;
  let starved = false;
  return {
    size,
    head,
    get starved() {
      return starved;
    },
    read(position, length) {
      if (position < 0 || length <= 0 || position >= size) return EMPTY;
      const end = Math.min(size, position + length);
      if (end <= head.length) return head.subarray(position, end);
      if (blockAt >= 0 && position >= blockAt && end <= blockAt + block.length) return block.subarray(position - blockAt, end - blockAt);
      if (!more) {
        starved ||= end > head.length;
        return position < head.length ? head.subarray(position) : EMPTY;
      }
      const want = Math.max(end - position, Math.min(BLOCK, size - position));
      const got = more(position, want);
      if (got.length < end - position) starved = true;
      block = got;
      blockAt = position;
      return got.subarray(0, Math.min(got.length, end - position));
    },
  };
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// ---------------------------------------------------------------- text decoding

const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

/** UTF-8 when the bytes are valid UTF-8, else Latin-1 (old tools wrote Latin-1 into "ASCII" fields). */
export function decodeText(bytes: Uint8Array): string {
  const b = toBuffer(bytes);
  return trimNul(b.toString(isUtf8(b) ? 'utf8' : 'latin1'));
}

export function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  let b = toBuffer(bytes);
  if (b.length >= 2 && ((b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0xff && b[1] === 0xfe))) {
    bigEndian = b[0] === 0xfe;
    b = b.subarray(2);
  }
  return trimNul((bigEndian ? utf16be : utf16le).decode(b.subarray(0, b.length - (b.length % 2))));
}

export function decodeUtf8(bytes: Uint8Array): string {
  return trimNul(toBuffer(bytes).toString('utf8'));
}

/** Values end at their first NUL (C strings, padded fields). */
function trimNul(s: string): string {
  const i = s.indexOf('\0');
  return i < 0 ? s : s.slice(0, i);
}

/** Four ASCII characters at `offset` (a chunk or box type). */
export function fourcc(b: Buffer, offset: number): string {
  return b.toString('latin1', offset, offset + 4);
}
