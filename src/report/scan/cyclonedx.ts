// `farleft scan --format cyclonedx`: a CycloneDX 1.5 JSON document of the scanned files (as
// components of type "file" with their hashes and licenses), built by the shared builder.
import { buildCycloneDx } from '../sbom/cyclonedx.js';
import type { ScanResult } from '../../types.js';
import { toSbom, type ScanSbomOptions } from './spdx.js';

export function renderScan(result: ScanResult, options: ScanSbomOptions): string {
  return `${JSON.stringify(buildCycloneDx(toSbom(result, options)), null, 2)}\n`;
}
