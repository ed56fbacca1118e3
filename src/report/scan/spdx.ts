// `farleft scan --format spdx`: an SPDX 2.3 JSON document of the scanned files. The project
// is the described package; each file has its concluded license (farleft's effective one),
// the licenses found in it, its copyright and checksums. Built by the shared SBOM builder.
import type { SbomDocument, SbomFile } from '../sbom/model.js';
import { buildSpdx } from '../sbom/spdx.js';
import type { ScanResult } from '../../types.js';

export interface ScanSbomOptions {
  /** ISO 8601 UTC timestamp of the document (now, or SOURCE_DATE_EPOCH). */
  readonly created: string;
  /** The document's (and the project's) name: the scanned folder's name. */
  readonly name: string;
  /** Checksums of each file (read by sbom-inputs.ts); a file without them is left out. */
  readonly hashes: ReadonlyMap<string, { readonly sha1: string; readonly sha256: string }>;
  /** Texts of the LicenseRef-* licenses used, when the project has them (LICENSES/). */
  readonly licenseTexts: Readonly<Record<string, { readonly name: string; readonly text: string }>>;
}

export function renderScan(result: ScanResult, options: ScanSbomOptions): string {
  return `${JSON.stringify(buildSpdx(toSbom(result, options)), null, 2)}\n`;
}

/** The scan as the neutral SBOM model: the project as subject, its files, no components. */
export function toSbom(result: ScanResult, options: ScanSbomOptions): SbomDocument {
  const files: SbomFile[] = [];
  for (const f of result.files) {
    const hash = options.hashes.get(f.path);
    if (!hash) continue;
    const found = new Set<string>();
    for (const d of f.declarations) if (d.file === f.path && d.expression !== 'NOASSERTION') for (const part of simpleLicenses(d.expression)) found.add(part);
    files.push({ path: f.path, sha1: hash.sha1, sha256: hash.sha256, concluded: f.license, licenseInfo: [...found].sort(), copyright: f.copyright });
  }
  const project = result.project;
  return {
    name: options.name,
    created: options.created,
    tool: result.tool,
    subject: {
      ref: 'project',
      name: options.name,
      version: null,
      purl: null,
      declared: project.license,
      concluded: project.license,
      evidence: project.declarations.map((d) => `${d.file}${d.line ? `:${d.line}` : ''}: ${d.expression} (${d.source})`),
      detected: [],
      copyright: [],
      scope: 'required',
      dependsOn: [],
    },
    components: [],
    files,
    licenseTexts: options.licenseTexts,
  };
}

/**
 * The simple license expressions of an expression (SPDX licenseInfoInFiles holds those):
 * its AND / OR operands, each `id` or `id WITH exception`.
 */
export function simpleLicenses(expression: string): string[] {
  return expression
    .replace(/[()]/g, ' ')
    .split(/\s+(?:AND|OR)\s+/)
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter((s) => s !== '');
}
