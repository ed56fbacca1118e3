// `farleft deps --format spdx`: an SPDX 2.3 JSON document.
import type { DepsResult } from '../../deps/types.js';
import { buildSpdx } from '../sbom/spdx.js';
import { toSbom, type SbomOptions } from './sbom.js';

export function render(result: DepsResult, options: SbomOptions): string {
  return `${JSON.stringify(buildSpdx(toSbom(result, options)), null, 2)}\n`;
}
