// What the end of a scan needs of the files' reports (the summary's counts, the project's
// licensing, and for the text summary its lists), gathered batch by batch by the thread that
// made the reports. When only the JSON output or the text summary is wanted, a worker sends this
// (and for JSON the reports' rendered lines), and the reports themselves never cross to the main
// thread (see src/pipeline/process.ts).
import { joinListings, listFiles, type FileListing } from './listing.js';
import type { FileReport } from '../types.js';

export interface Tally {
  readonly files: number;
  readonly covered: number;
  readonly withLicense: number;
  readonly withCopyright: number;
  readonly withoutLicense: number;
  /** Effective license -> files, in order of first appearance. */
  readonly licenses: readonly (readonly [string, number])[];
  /** Effective license of covered files -> how many, and the first of them in path order. */
  readonly coveredLicenses: readonly (readonly [string, { readonly n: number; readonly example: string }])[];
  /** The reports that declare for a project or a package: license texts, manifests, notices (resolveProjectLicensing reads them). */
  readonly declaring: readonly FileReport[];
  /** What the text summary lists, when it is wanted (tallyReports' `listing`). */
  readonly listing?: FileListing;
}

export function tallyReports(reports: readonly FileReport[], listing = false): Tally {
  let covered = 0;
  let withLicense = 0;
  let withCopyright = 0;
  let withoutLicense = 0;
  const licenses = new Map<string, number>();
  const coveredLicenses = new Map<string, { n: number; example: string }>();
  const declaring: FileReport[] = [];
  for (const f of reports) {
    if (f.covered) covered++;
    if (f.license) {
      withLicense++;
      licenses.set(f.license, (licenses.get(f.license) ?? 0) + 1);
      if (f.covered) {
        const c = coveredLicenses.get(f.license);
        if (c) c.n++;
        else coveredLicenses.set(f.license, { n: 1, example: f.path });
      }
    } else if (f.covered) withoutLicense++;
    if (f.copyright.length) withCopyright++;
    if (f.declarations.some(declaresBeyondFile)) declaring.push(f);
  }
  const tally = { files: reports.length, covered, withLicense, withCopyright, withoutLicense, licenses: [...licenses], coveredLicenses: [...coveredLicenses], declaring };
  return listing ? { ...tally, listing: listFiles(reports) } : tally;
}

/** The tallies of consecutive batches as one, in their order. */
export function mergeTallies(tallies: readonly Tally[]): Tally {
  const licenses = new Map<string, number>();
  const coveredLicenses = new Map<string, { n: number; example: string }>();
  let files = 0;
  let covered = 0;
  let withLicense = 0;
  let withCopyright = 0;
  let withoutLicense = 0;
  for (const t of tallies) {
    files += t.files;
    covered += t.covered;
    withLicense += t.withLicense;
    withCopyright += t.withCopyright;
    withoutLicense += t.withoutLicense;
    for (const [license, n] of t.licenses) licenses.set(license, (licenses.get(license) ?? 0) + n);
    for (const [license, c] of t.coveredLicenses) {
      const before = coveredLicenses.get(license);
      coveredLicenses.set(license, before ? { n: before.n + c.n, example: before.example } : c);
    }
  }
  const merged = { files, covered, withLicense, withCopyright, withoutLicense, licenses: [...licenses], coveredLicenses: [...coveredLicenses], declaring: tallies.flatMap((t) => t.declaring) };
  const listings = tallies.flatMap((t) => (t.listing ? [t.listing] : []));
  return listings.length ? { ...merged, listing: joinListings(listings) } : merged;
}

function declaresBeyondFile(d: FileReport['declarations'][number]): boolean {
  return d.scope === 'project' || d.source === 'license-text' || d.source === 'manifest';
}
