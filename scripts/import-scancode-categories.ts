// Dev-time import (not run by the build): derives licenses/external/scancode-categories.json,
// a compact map of SPDX id -> ScanCode category, from the ScanCode LicenseDB index that
// Debian ships in python3-license-expression. CI does not have that file, so the derived
// map is committed; rerun this after upgrading the Debian package:
//   npx tsx scripts/import-scancode-categories.ts [path/to/scancode-licensedb-index.json]
// The index is CC-BY-4.0 (© nexB Inc. and others); NOTICE credits it.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_INDEX = '/usr/lib/python3/dist-packages/license_expression/data/scancode-licensedb-index.json';
const OUT = fileURLToPath(new URL('../licenses/external/scancode-categories.json', import.meta.url));

interface IndexEntry {
  license_key: string;
  category: string;
  spdx_license_key: string | null;
  other_spdx_license_keys: string[];
  is_exception: boolean;
  is_deprecated: boolean;
}

/** Reads the `key: value` lines of the index's .ABOUT file (where it came from, its license). */
function readAbout(indexPath: string): Record<string, string> {
  const about: Record<string, string> = {};
  const text = readFileSync(join(dirname(indexPath), 'license_key_index.json.ABOUT'), 'utf8');
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+):\s*(.*)$/.exec(line);
    if (m) about[m[1]!] = m[2]!;
  }
  return about;
}

function deriveCategories(entries: readonly IndexEntry[]): Record<string, string> {
  const byId = new Map<string, IndexEntry>();
  for (const e of entries)
    for (const id of [e.spdx_license_key, ...e.other_spdx_license_keys]) {
      // LicenseRef-scancode-* keys are ScanCode's own, not SPDX ids.
      if (!id || id.startsWith('LicenseRef-')) continue;
      // An SPDX id named by a current and a deprecated ScanCode key takes the current one's category.
      const seen = byId.get(id);
      if (!seen || (seen.is_deprecated && !e.is_deprecated)) byId.set(id, e);
    }
  return Object.fromEntries([...byId.keys()].sort().map((id) => [id, byId.get(id)!.category]));
}

function main(): void {
  const indexPath = process.argv[2] ?? DEFAULT_INDEX;
  const entries = JSON.parse(readFileSync(indexPath, 'utf8')) as IndexEntry[];
  const about = readAbout(indexPath);
  const out = {
    source: 'ScanCode LicenseDB index (scancode-licensedb-index.json, shipped by Debian python3-license-expression)',
    url: about.download_url ?? null,
    homepage: about.homepage_url ?? null,
    license: 'CC-BY-4.0',
    copyright: about.copyright ?? 'Copyright (c) nexB Inc. and others.',
    spdxLicenseListVersion: about.spdx_license_list_version ?? null,
    note: 'Derived by scripts/import-scancode-categories.ts: only the SPDX id -> category pairs are kept.',
    categories: deriveCategories(entries),
  };
  writeFileSync(OUT, `${JSON.stringify(out, null, 1)}\n`);
  process.stdout.write(`wrote ${Object.keys(out.categories).length} ids to ${OUT}\n`);
}

main();
