// `farleft deps --format json`: the DepsResult itself (schema 1), without the license texts
// kept for a notice. Deterministic: packages and problems are sorted by the pipeline.
import type { DepsResult } from '../../deps/types.js';

export function render(result: DepsResult): string {
  return `${JSON.stringify(result, (key, value: unknown) => (key === 'texts' ? undefined : value), 2)}\n`;
}
