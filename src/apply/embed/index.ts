// Writing license metadata into media files (`farleft apply --embed`), without harming a
// pixel, a sample or a glyph. The protocol, for each file:
//  1. Refuse what cannot be written safely (symlinks, hard links, read-only files, names
//     that lie about the content, encrypted or signed PDFs, formats without a safe writer):
//     the .license sidecar stays the declaration.
//  2. Read the fields now there with the scan's readers: when they already say what would
//     be written, write nothing (idempotent; the mtime stays).
//  3. Write a new temporary file beside the original, keeping its extension (ExifTool `-o`,
//     node-taglib-sharp on a copy, a text edit for SVG): the original is never opened for
//     writing.
//  4. Verify the temporary file with a different reader than the writer (the scan's own):
//     every field reads back, the file declares exactly the license and nothing else, and
//     the content digest (image data, audio frames, media data) is unchanged; a PDF's old
//     bytes are a prefix of the new. For node-taglib-sharp, ExifTool also checks that no
//     other tag was lost.
//  5. fsync, copy the mode bits (and owner where allowed), keep the original as
//     <name>.orig when asked (a hard link: no copy), rename over the original, fsync the
//     folder. On any failure the temporary file is removed and the original is untouched.
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, closeSync, copyFileSync, existsSync, fsyncSync, linkSync, lstatSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { loadCatalog, type Catalog } from '../../catalog/index.js';
import { aFormat, formatOfPath, sniffFormat, FORMAT_NAMES, type MediaFormat } from '../../detect/media/formats.js';
import { readMedia } from '../../detect/media/index.js';
import { fieldsToDetection } from '../../detect/media/license.js';
import { withFileSource, type ByteSource } from '../../detect/media/source.js';
import type { MediaField } from '../../detect/media/fields.js';
import { contentDigest, isPrefix } from './content.js';
import { licenseFacts, planFields, refreshFields, targetOf, UNSUPPORTED, UNSUPPORTED_EXTENSIONS, WRITERS, type PlannedField } from './plan.js';
import { findLostTags, tagDump } from './preserve.js';
import { endExiftool, writeSvgText, withoutSvgBlock, writeWithExiftool, writeWithTaglib } from './writers.js';

export interface EmbedRequest {
  /** Absolute path of the file to tag. */
  readonly abs: string;
  /** Relative POSIX path, for messages. */
  readonly path: string;
  /** The SPDX expression to declare. */
  readonly expression: string;
  /** Copyright notices, e.g. "2026 Example Collective". */
  readonly copyright: readonly string[];
  /** Keep the original beside the file as <name>.orig. */
  readonly backup: boolean;
  /** Work out what would change without writing. */
  readonly dryRun: boolean;
}

export type EmbedStatus = 'written' | 'unchanged' | 'unsupported' | 'failed';

export interface EmbedResult {
  readonly status: EmbedStatus;
  /** The format handled ('jpeg', 'mp3', ...), when known. */
  readonly format?: string;
  /** Why, for 'unsupported' and 'failed'; what would be written, for a dry run. */
  readonly message?: string;
}

/** Whether this file's format can carry embedded license metadata farleft writes. */
export function canEmbed(path: string): boolean {
  return whyNot(path) === null;
}

/** Why a path's format is not written, or null when it is. */
function whyNot(path: string): string | null {
  const format = formatOfPath(path);
  if (!format) return 'not a media format farleft knows';
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return UNSUPPORTED_EXTENSIONS[ext] ?? (WRITERS[targetOf(path, format)] ? null : (UNSUPPORTED[format] ?? `${FORMAT_NAMES[format]}: not written`));
}

let catalogCache: Catalog | null = null;

/** Ends the ExifTool processes embedding started: call once when a run is done. */
export async function endEmbedding(): Promise<void> {
  await endExiftool();
}

export async function embedMetadata(request: EmbedRequest, catalog: Catalog = (catalogCache ??= loadCatalog())): Promise<EmbedResult> {
  const { abs, path } = request;
  const format = formatOfPath(path);
  const reason = whyNot(path);
  if (!format || reason) return { status: 'unsupported', ...(format ? { format } : {}), message: `${path}: ${reason}; the .license sidecar declares its license` };
  const done = (status: EmbedStatus, message?: string): EmbedResult => ({ status, format, ...(message ? { message: `${path}: ${message}` } : {}) });

  const facts = licenseFacts(request.expression, request.copyright, catalog);
  if ('unsupported' in facts) return done('unsupported', facts.unsupported);
  const target = targetOf(path, format);
  const planned = planFields(target, facts);

  let stat;
  try {
    stat = lstatSync(abs);
  } catch (e) {
    return done('failed', `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (stat.isSymbolicLink()) return done('failed', 'is a symbolic link; farleft does not write through links (tag the file it points to)');
  if (!stat.isFile()) return done('failed', 'is not a regular file');
  if (stat.nlink > 1) return done('failed', 'has other hard links; replacing it would split them, so it was left untouched');
  if ((stat.mode & 0o222) === 0) return done('failed', 'is read-only; it was left untouched (make it writable to embed)');

  let before: Snapshot;
  try {
    before = withFileSource(abs, (src) => snapshot(path, format, src, catalog));
  } catch (e) {
    return done('failed', `cannot be read (${(e as Error).message})`);
  }
  if (before.refusal) return done(before.refusal.status, before.refusal.message);
  const fields = [...planned, ...refreshFields(target, facts, before.fields.map((f) => f.name))];
  if (matches(before, fields, facts.id)) return done('unchanged');
  if (request.dryRun) return done('written', `dry run: would write ${fields.map((f) => f.field).join(', ')}`);
  if (request.backup && existsSync(`${abs}.orig`)) return done('failed', `${basename(abs)}.orig already exists; move it away, or run without --backup`);

  const tmp = join(dirname(abs), `.farleft-tmp-${process.pid}-${randomBytes(4).toString('hex')}-${basename(abs)}`);
  let backedUp = false;
  try {
    const writer = WRITERS[target]!;
    const dumpBefore = writer === 'taglib' ? await tagDump(abs) : null;
    if (writer === 'exiftool') await writeWithExiftool(abs, tmp, fields);
    else if (writer === 'taglib') await writeWithTaglib(abs, tmp, target, fields);
    else writeFileSync(tmp, writeSvgText(readFileSync(abs, 'utf8'), fields));

    const after = withFileSource(tmp, (src) => snapshot(path, format, src, catalog));
    const wrong = verify(before, after, fields, facts.id, format, abs, tmp);
    if (wrong) throw new Error(wrong);
    if (dumpBefore) {
      const lost = findLostTags(dumpBefore, await tagDump(tmp));
      if (lost.length) throw new Error(`writing would lose other tags (${lost.slice(0, 5).join(', ')})`);
    }

    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(tmp, stat.mode & 0o7777);
    try {
      if (process.getuid?.() === 0) chownSync(tmp, stat.uid, stat.gid);
    } catch {
      // Keeping the owner is best effort.
    }
    const now = statSync(abs);
    if (now.mtimeMs !== stat.mtimeMs || now.size !== stat.size || now.ino !== stat.ino) throw new Error('the file changed while farleft was writing it');
    if (request.backup) {
      try {
        linkSync(abs, `${abs}.orig`);
      } catch {
        copyFileSync(abs, `${abs}.orig`, 1 /* COPYFILE_EXCL */);
      }
      backedUp = true;
    }
    renameSync(tmp, abs);
    syncFolder(dirname(abs));
    return done('written');
  } catch (e) {
    removeQuietly(tmp);
    if (backedUp) removeQuietly(`${abs}.orig`);
    return done('failed', `${(e as Error).message}; the file was left untouched`);
  }
}

interface Snapshot {
  readonly fields: readonly MediaField[];
  /** What the file declares, and from which field. */
  readonly declared: readonly { readonly expression: string; readonly field: string }[];
  readonly digest: { digest: string } | { error: string } | null;
  readonly refusal?: { status: EmbedStatus; message: string };
}

/** What the scan's readers see in a file, and its content digest. */
function snapshot(path: string, format: MediaFormat, src: ByteSource, catalog: Catalog): Snapshot {
  const sniffed = sniffFormat(src.head);
  const text = format === 'svg' ? src.read(0, src.size).toString('utf8') : null;
  if (format !== 'svg' && sniffed !== format && !(format === 'mp3' && sniffed === null))
    return refused('failed', `its content is ${sniffed ? aFormat(sniffed) : 'not a media format farleft reads'}, not ${aFormat(format)}; rename it to match before embedding`);
  // The writer (TagLib) knows RIFF's little-endian sizes only: it would damage a RIFX file.
  if (format === 'wav' && src.head.toString('latin1', 0, 4) === 'RIFX') return refused('unsupported', 'is a big-endian WAV (RIFX), which farleft reads but does not write; it was not changed');
  if (format === 'pdf') {
    const tail = src.read(Math.max(0, src.size - 64 * 1024), 64 * 1024).toString('latin1') + src.head.toString('latin1', 0, 64 * 1024);
    if (/\/Encrypt\b/.test(tail)) return refused('unsupported', 'is an encrypted PDF; it was not changed');
    if (/\/ByteRange\b/.test(tail)) return refused('unsupported', 'is a signed PDF; changing it would break the signature');
  }
  const { read } = readMedia(path, src, () => text ?? '');
  const detection = fieldsToDetection(path, read.fields, catalog);
  const digest = format === 'svg' ? { digest: withoutSvgBlock(text!) } : format === 'pdf' ? null : contentDigest(format, src);
  return { fields: read.fields, declared: detection.declarations.map((d) => ({ expression: d.expression, field: d.field ?? 'metadata' })), digest };

  function refused(status: EmbedStatus, message: string): Snapshot {
    return { fields: [], declared: [], digest: null, refusal: { status, message } };
  }
}

const normal = (s: string): string => s.replace(/\s+/g, ' ').trim().replace(/^(?:true|false)$/i, (b) => b.toLowerCase());

/** Whether every planned field is there with its value, and the file declares exactly the license. */
function matches(s: Snapshot, fields: readonly PlannedField[], id: string): boolean {
  return missing(s, fields).length === 0 && s.declared.length === 1 && s.declared[0]!.expression === id;
}

function missing(s: Snapshot, fields: readonly PlannedField[]): string[] {
  return fields.filter((p) => !s.fields.some((f) => f.name === p.field && normal(f.value) === normal(p.value))).map((p) => p.field);
}

/** Why the written copy is not right, or null. */
function verify(before: Snapshot, after: Snapshot, fields: readonly PlannedField[], id: string, format: MediaFormat, abs: string, tmp: string): string | null {
  const gone = missing(after, fields);
  if (gone.length) return `the written copy did not read back (${gone.join(', ')} missing or different)`;
  const others = after.declared.filter((d) => d.expression !== id);
  if (others.length) return `other metadata in it, which farleft does not rewrite, would still declare ${others.map((d) => `${d.expression} (${d.field})`).join(', ')}; remove or correct it first`;
  if (format === 'pdf') return withFileSource(abs, (a) => withFileSource(tmp, (b) => (isPrefix(a, b, exiftoolUpdateStart(a)) ? null : 'the PDF was rewritten instead of updated')));
  if (!before.digest || 'error' in before.digest) return `its content cannot be checked (${before.digest && 'error' in before.digest ? before.digest.error : 'unknown'})`;
  if (!after.digest || 'error' in after.digest || after.digest.digest !== before.digest.digest) return `the written copy's ${CONTENT[format] ?? 'content'} differ from the original's`;
  return null;
}

const CONTENT: Partial<Record<MediaFormat, string>> = {
  jpeg: 'image data',
  png: 'image data',
  tiff: 'image data',
  webp: 'image data',
  gif: 'image data',
  mp4: 'media data',
  mp3: 'audio frames',
  flac: 'audio frames',
  ogg: 'audio packets',
  wav: 'audio samples',
  svg: 'drawing',
};

/**
 * Where ExifTool's own earlier update of a PDF begins (it replaces that update rather than
 * stacking another): the bytes before it must stay as they are.
 */
function exiftoolUpdateStart(src: ByteSource): number {
  const tail = src.read(Math.max(0, src.size - 1024), 1024).toString('latin1');
  const m = /%EndExifToolUpdate (\d+)\s*\r?\n?startxref/.exec(tail);
  const at = m ? Number(m[1]) : src.size;
  return at > 0 && at <= src.size ? at : src.size;
}

function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every system can fsync a folder; the rename itself is atomic.
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
