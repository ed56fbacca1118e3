// Writes a command's result to stdout. A result in pieces is written in blocks of about
// 1 MiB: few system calls, and never the whole output in memory at once. (stdout is
// synchronous for files and pipes on POSIX systems, so each block is out before the next.)
// A piece already in UTF-8 bytes (a scan's files, rendered by the threads that read them) is
// written as it is.
import { writeSync } from 'node:fs';

const BLOCK = 1024 * 1024;

export function writeOut(output: string | Iterable<string | Uint8Array>): void {
  let block = '';
  for (const piece of typeof output === 'string' ? [output] : output) {
    if (typeof piece !== 'string') {
      if ((block && !writeAll(block)) || !writeAll(piece)) return;
      block = '';
      continue;
    }
    block += piece;
    if (block.length >= BLOCK) {
      if (!writeAll(block)) return;
      block = '';
    }
  }
  if (block) writeAll(block);
}

/** Writes bytes as they are (a patch of a file that is not UTF-8 is not UTF-8); a closed pipe ends it quietly. */
export function writeBytes(chunks: Iterable<Buffer>): void {
  for (const chunk of chunks) if (!writeAll(chunk)) return;
}

/** False when the reader has gone (`farleft scan --json | head`): the rest is not wanted. */
function writeAll(text: string | Uint8Array): boolean {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  for (let off = 0; off < bytes.length; ) {
    try {
      off += writeSync(1, bytes, off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return false;
      // A non-blocking stdout (some terminals) may refuse for a moment: try again.
      if (code !== 'EAGAIN') throw e;
    }
  }
  return true;
}
