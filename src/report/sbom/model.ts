// The neutral model both SBOM builders read: a subject (the project), its components
// (packages) and, for `scan`, its files. Commands map their results onto it (deps today,
// scan --format spdx|cyclonedx later); the builders know nothing of where it came from.

/** One package (or the project itself). */
export interface SbomComponent {
  /** Unique in the document; other components' dependsOn point at it. */
  readonly ref: string;
  readonly name: string;
  readonly version: string | null;
  /** A package URL (pkg:npm/chalk@5.3.0), or null when there is none. */
  readonly purl: string | null;
  /** What the package's authors declared: an SPDX expression, or null for none. */
  readonly declared: string | null;
  /** What the tool concluded applies; null (NOASSERTION) when it could not. */
  readonly concluded: string | null;
  /** Licenses found in its files, with where: "LICENSE: MIT (1.00)". */
  readonly evidence: readonly string[];
  /** The expressions found in its files (CycloneDX evidence). */
  readonly detected: readonly string[];
  readonly copyright: readonly string[];
  /** required: at run time; optional; excluded: development only. */
  readonly scope: 'required' | 'optional' | 'excluded';
  /** Refs of the components it depends on. */
  readonly dependsOn: readonly string[];
  /** Extra facts as name/value pairs (farleft:path, farleft:verdict...). */
  readonly properties?: readonly { readonly name: string; readonly value: string }[];
}

/** One file of the subject (scan results). */
export interface SbomFile {
  /** Relative POSIX path from the scanned root. */
  readonly path: string;
  readonly sha1: string;
  readonly sha256?: string;
  readonly concluded: string | null;
  /** Every license expression declared in or for the file. */
  readonly licenseInfo: readonly string[];
  readonly copyright: readonly string[];
}

export interface SbomDocument {
  readonly name: string;
  /** ISO 8601 UTC with seconds (2026-01-31T12:00:00Z): the caller decides (now, or SOURCE_DATE_EPOCH). */
  readonly created: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly subject: SbomComponent;
  readonly components: readonly SbomComponent[];
  readonly files?: readonly SbomFile[];
  /** The text of each LicenseRef-* used, when known (SPDX requires one; a placeholder stands in). */
  readonly licenseTexts?: Readonly<Record<string, { readonly name: string; readonly text: string }>>;
}

/** When a document was made: now, or SOURCE_DATE_EPOCH (given here) for reproducible documents; seconds precision, UTC. */
export function documentCreated(epoch: string | undefined): string {
  const seconds = epoch !== undefined && /^\d+$/.test(epoch) ? Number(epoch) : Math.floor(Date.now() / 1000);
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
