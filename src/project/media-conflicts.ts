// Embedded media metadata against the licensing REUSE gives the same file. The metadata
// travels with the file when it is shared outside the repository, so a photo whose XMP says
// CC-BY-4.0 while its .license sidecar says PPL tells the world the wrong license: a
// declared-conflict, whichever of the two REUSE applies. Also here: `.xmp` sidecars
// (`photo.jpg.xmp`, or `photo.xmp` as Lightroom names them) speak for their photo. Pure,
// and per file, like the rest of the resolve stage.
import { licenseFamily, type Catalog } from '../catalog/index.js';
import { formatOfPath } from '../detect/media/formats.js';
import type { Annotation } from '../detect/types.js';
import type { CopyrightNotice, Declaration, Problem } from '../types.js';
import type { FileFacts } from './index.js';
import type { Licensing } from './resolve.js';
import type { AnnotationIndex } from './reuse-glob.js';

/** The `.xmp` sidecar of a media file that is in the tree: `<file>.xmp` first, then `<base>.xmp`. */
export function xmpSidecarOf(path: string, has: (path: string) => boolean): string | null {
  const format = formatOfPath(path);
  if (format === null || format === 'xmp') return null;
  if (has(`${path}.xmp`)) return `${path}.xmp`;
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  const base = dot > slash + 1 ? `${path.slice(0, dot)}.xmp` : null;
  return base && has(base) ? base : null;
}

/**
 * A media file's own licensing with its `.xmp` sidecar's added, when the file itself embeds
 * no license (what the file embeds comes first: it travels with the file).
 */
export function withXmpSidecar(own: Licensing, xmp: FileFacts | undefined): Licensing {
  if (!xmp) return own;
  const media = mediaOf(xmp);
  const declarations = own.declarations.some((d) => d.source === 'media') ? own.declarations : [...own.declarations, ...media.declarations];
  const copyrights: readonly CopyrightNotice[] = own.copyrights.some((c) => c.source === 'media') ? own.copyrights : [...own.copyrights, ...media.copyrights];
  return { declarations, copyrights };
}

function mediaOf(f: FileFacts): { declarations: Declaration[]; copyrights: CopyrightNotice[] } {
  return {
    declarations: f.detection.declarations.filter((d) => d.source === 'media'),
    copyrights: f.detection.copyrights.filter((c) => c.source === 'media'),
  };
}

/**
 * Where a media file's embedded license (or its `.xmp` sidecar's) disagrees with its
 * `.license` sidecar, with a REUSE.toml or dep5 annotation that covers it, with its own
 * SPDX tags (an SVG comment), or where the file and its `.xmp` sidecar disagree. NOASSERTION on either side states nothing.
 * `sidecar` is the detection of `<path>.license`, `xmp` that of the `.xmp` sidecar.
 */
export function findMediaConflicts(f: FileFacts, sidecar: FileFacts | undefined, index: AnnotationIndex, catalog: Catalog, xmp?: FileFacts): Problem[] {
  if (formatOfPath(f.path) === null || f.path.endsWith('.xmp')) return [];
  const embedded = stated(mediaOf(f).declarations);
  const fromXmp = xmp ? stated(mediaOf(xmp).declarations) : [];
  const media = embedded.length ? embedded : fromXmp;
  if (media.length === 0) return [];
  const problems: Problem[] = [];
  const conflict = (m: Declaration, other: string, otherLicense: string, severity: Problem['severity'], suggestion: string): void => {
    problems.push({
      code: 'declared-conflict',
      severity,
      file: f.path,
      line: m.line ?? null,
      message: `the metadata in ${m.file} (${m.field ?? 'media'}) says ${m.expression}, but ${other} says ${otherLicense}`,
      suggestion,
    });
  };
  const fix = 'Make them agree: farleft apply --embed rewrites the embedded metadata from the license you give it';
  if (embedded.length && fromXmp.length && !agree(embedded, fromXmp, catalog)) conflict(embedded[0]!, xmp!.path, fromXmp[0]!.expression, 'warning', `Update or delete ${xmp!.path}`);
  // An SVG's SPDX comment and its <metadata> are both the file's own word.
  const tags = stated(f.detection.declarations.filter((d) => d.source === 'spdx-tag' && d.scope === 'file'));
  if (tags.length && !agree(media, tags, catalog)) conflict(media[0]!, `its SPDX tag (line ${tags[0]!.line ?? '?'})`, joined(tags), 'error', fix);
  const declared = sidecar ? stated(sidecar.detection.declarations.filter((d) => d.source === 'sidecar')) : [];
  if (declared.length && !agree(media, declared, catalog)) conflict(media[0]!, sidecar!.path, joined(declared), 'error', fix);
  for (const a of index.covering(f.path)) {
    const theirs = stated(a.declarations);
    if (theirs.length && !agree(media, theirs, catalog)) conflict(media[0]!, cite(a), joined(theirs), 'error', fix);
  }
  return problems;
}

function stated(declarations: readonly Declaration[]): Declaration[] {
  return declarations.filter((d) => d.expression !== 'NOASSERTION');
}

function joined(declarations: readonly Declaration[]): string {
  return [...new Set(declarations.map((d) => d.expression))].join(' AND ');
}

function cite(a: Annotation): string {
  return `${a.file}:${a.line}`;
}

/** Whether two sets of declarations share a license (-only and -or-later of one license agree). */
function agree(a: readonly Declaration[], b: readonly Declaration[], catalog: Catalog): boolean {
  const ids = (ds: readonly Declaration[]): Set<string> => {
    const out = new Set<string>();
    for (const d of ds) {
      const found = catalog.normalize(d.expression).ids;
      if (found.length === 0) out.add(d.expression); // NONE, and what does not parse, compare as written
      for (const id of found) out.add(licenseFamily(id));
    }
    return out;
  };
  const left = ids(a);
  for (const id of ids(b)) if (left.has(id)) return true;
  return false;
}
