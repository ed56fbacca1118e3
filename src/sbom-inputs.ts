// What a scan's SBOM (--format spdx|cyclonedx) needs beyond the scan result: each file's
// checksums, the texts of LicenseRef-* licenses in LICENSES/, and the document's name and time.
// The report stage formats; this reads the files it needs once more, after the scan.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { documentCreated } from './report/sbom/model.js';
import type { ScanSbomOptions } from './report/scan/spdx.js';
import type { ScanResult } from './types.js';

/** What an SBOM needs beyond the scan: each file's checksums, LicenseRef texts from LICENSES/ (their first MiB), the time. */
export async function sbomInputs(root: string, result: ScanResult): Promise<ScanSbomOptions> {
  const buffer = Buffer.allocUnsafe(1024 * 1024);
  const hashes = new Map<string, { sha1: string; sha256: string }>();
  const licenseTexts: Record<string, { name: string; text: string }> = {};
  for (const f of result.files) {
    const sha1 = createHash('sha1');
    const sha256 = createHash('sha256');
    const ref = /^LICENSES\/(LicenseRef-[A-Za-z0-9.-]+)\.[^/.]+$/.exec(f.path)?.[1];
    try {
      const fd = openSync(join(root, f.path), 'r');
      try {
        for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
          sha1.update(buffer.subarray(0, n));
          sha256.update(buffer.subarray(0, n));
          if (ref && !licenseTexts[ref]) licenseTexts[ref] = { name: ref.slice('LicenseRef-'.length), text: buffer.toString('utf8', 0, n) };
        }
      } finally {
        closeSync(fd);
      }
    } catch {
      continue; // unreadable since the scan: left out of the document
    }
    hashes.set(f.path, { sha1: sha1.digest('hex'), sha256: sha256.digest('hex') });
  }
  return { created: documentCreated(process.env.SOURCE_DATE_EPOCH), name: basename(resolve(root)), hashes, licenseTexts };
}
