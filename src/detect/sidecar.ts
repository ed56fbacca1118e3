// REUSE `.license` sidecars: `cat.jpg.license` holds the licensing of `cat.jpg` as SPDX
// tags. What it declares is read here (source 'sidecar'); the resolver (src/project)
// applies it to the file it names, in place of that file's own tags.
import { fileTags } from './spdx-tags.js';
import type { Detector } from './types.js';

const SUFFIX = '.license';

/**
 * The file a sidecar speaks for (`a/cat.jpg.license` -> `a/cat.jpg`), or null when the
 * path is no sidecar. A file named just `.license` names no file: it is no sidecar (and,
 * like every `*.license`, not a Covered File). `LICENSE`-style names are license texts.
 */
export function sidecarTarget(path: string): string | null {
  if (!path.endsWith(SUFFIX)) return null;
  const target = path.slice(0, -SUFFIX.length);
  return target === '' || target.endsWith('/') ? null : target;
}

export const detector: Detector = {
  name: 'sidecar',
  accepts: (path) => sidecarTarget(path) !== null,
  detect(file, ctx) {
    // The spdx-tag detector reports the same tags' problems for this file already.
    return { ...fileTags(file, 'sidecar', ctx), problems: [] };
  },
};
