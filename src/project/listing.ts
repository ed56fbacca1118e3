// What the text summary (src/report/scan/text.ts) lists of a scan's files: the Covered Files
// without a license, and the rows of its media table. Made from each batch's resolved reports by
// the thread that read them (see tally.ts), so that the main thread of a large scan needs no report for it.
import { isHeaderNotice } from '../detect/header-notice.js';
import { formatOfPath } from '../detect/media/formats.js';
import type { FileReport } from '../types.js';

/** A covered image, track, document or font: path, license, where the license was read, first copyright. */
export type MediaRow = readonly [path: string, license: string | null, source: string, copyright: string];

export interface FileListing {
  /** Covered files without a license, in path order. */
  readonly unlicensed: readonly string[];
  /** How many of those say a license in their header, in prose or by its text, which REUSE does not read (src/detect/header-notice.ts). */
  readonly inHeader: number;
  readonly media: readonly MediaRow[];
}

export function listFiles(reports: readonly FileReport[]): FileListing {
  const unlicensed: string[] = [];
  let inHeader = 0;
  const media: MediaRow[] = [];
  for (const f of reports) {
    if (!f.covered) continue;
    if (f.license === null) {
      unlicensed.push(f.path);
      if (f.declarations.some(isHeaderNotice)) inHeader++;
    }
    const format = formatOfPath(f.path);
    if (format === null || format === 'xmp') continue;
    const first = f.declarations.find((d) => d.scope === 'file' || d.scope === 'glob');
    const source = first ? (first.field ? `${first.source} ${first.field}` : first.source === 'sidecar' || first.source === 'reuse-toml' ? `${first.source} ${first.file}` : first.source) : '';
    media.push([f.path, f.license, source, f.copyright[0] ?? '']);
  }
  return { unlicensed, inHeader, media };
}

/** The listings of consecutive batches as one. */
export function joinListings(listings: readonly FileListing[]): FileListing {
  return { unlicensed: listings.flatMap((l) => l.unlicensed), inHeader: listings.reduce((n, l) => n + l.inHeader, 0), media: listings.flatMap((l) => l.media) };
}
