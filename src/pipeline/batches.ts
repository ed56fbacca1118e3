// Splits the walked paths (sorted) into batches for the workers. A file and its
// `.license` sidecar always share a batch, so each batch resolves its files by itself.
import { sidecarTarget } from '../detect/sidecar.js';

export function makeBatches(paths: readonly string[], size: number): string[][] {
  // joined[i]: a cut just before paths[i] would part a sidecar from its file.
  const joined = new Uint8Array(paths.length + 1);
  paths.forEach((path, i) => {
    const target = sidecarTarget(path);
    if (target === null) return;
    const t = indexOf(paths, target, i);
    for (let k = t + 1; t >= 0 && k <= i; k++) joined[k] = 1;
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

/** Binary search in sorted paths[0..end): the index of `path`, or -1. */
function indexOf(paths: readonly string[], path: string, end: number): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (paths[mid]! < path) lo = mid + 1;
    else hi = mid;
  }
  return lo < end && paths[lo] === path ? lo : -1;
}
