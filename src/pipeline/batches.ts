// Splits the walked paths (sorted) into batches for the workers. A file and the files that
// speak for it — its `.license` sidecar, its `.xmp` sidecar (`photo.jpg.xmp` or
// `photo.xmp`) — always share a batch, so each batch resolves its files by itself.
import { sidecarTarget } from '../detect/sidecar.js';

export function makeBatches(paths: readonly string[], size: number): string[][] {
  // joined[i]: a cut just before paths[i] would part a companion from its file.
  const joined = new Uint8Array(paths.length + 1);
  paths.forEach((path, i) => {
    const from = companionStart(paths, path, i);
    for (let k = from + 1; from >= 0 && k <= i; k++) joined[k] = 1;
  });
  const batches: string[][] = [];
  let start = 0;
  for (let i = 1; i <= paths.length; i++)
    if (i === paths.length || (i - start >= size && !joined[i])) {
      batches.push(paths.slice(start, i));
      start = i;
    }
  return batches;
}

/** The index of the first path `path` may speak for, or -1 when it is no companion file. */
function companionStart(paths: readonly string[], path: string, end: number): number {
  const target = sidecarTarget(path) ?? (path.endsWith('.xmp') ? path.slice(0, -'.xmp'.length) : null);
  if (target === null) return -1;
  const exact = lowerBound(paths, target, end);
  if (paths[exact] === target) return exact;
  // `photo.xmp` speaks for `photo.<ext>`: every path from `photo.` on may be its file.
  if (!path.endsWith('.xmp')) return -1;
  const base = lowerBound(paths, `${target}.`, end);
  return base < end && paths[base]!.startsWith(`${target}.`) ? base : -1;
}

/** The first index in sorted paths[0..end) whose path is not below `path`. */
function lowerBound(paths: readonly string[], path: string, end: number): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (paths[mid]! < path) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
