// `farleft deps --format cyclonedx`: a CycloneDX 1.5 JSON document.
import type { DepsResult } from '../../deps/types.js';
import { buildCycloneDx } from '../sbom/cyclonedx.js';
import { toSbom, type SbomOptions } from './sbom.js';

export function render(result: DepsResult, options: SbomOptions): string {
  return `${JSON.stringify(buildCycloneDx(toSbom(result, options)), null, 2)}\n`;
}
