// Reference texts for the license-text tests: SPDX's (always there, from spdx-license-list)
// and the shared corpus of copyfarleft texts (present on development machines and in CI;
// the tests that need it are skipped, with a message, without it).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../../src/paths.js';

const require = createRequire(import.meta.url);
const spdx = require('spdx-license-list/spdx-full.json') as Record<string, { licenseText?: string }>;

export const CORPUS =
  [process.env.FARLEFT_CORPUS, join(PACKAGE_ROOT, '..', 'shared', 'corpus', 'licenses'), '/work/shared/corpus/licenses'].find(
    (dir): dir is string => !!dir && existsSync(dir),
  ) ?? null;
export const CORPUS_NOTE = CORPUS ? `reference corpus in ${CORPUS}` : 'reference corpus not found (set FARLEFT_CORPUS): skipped';

/** Ids of the corpus texts (file names without .txt). */
export function corpusIds(): string[] {
  return CORPUS ? readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort() : [];
}

export function corpusText(id: string): string {
  if (!CORPUS) throw new Error('no corpus');
  return readFileSync(join(CORPUS, `${id}.txt`), 'utf8');
}

export function spdxText(id: string): string {
  const text = spdx[id]?.licenseText;
  if (!text) throw new Error(`spdx-license-list has no text for ${id}`);
  return text;
}

export function spdxIds(): string[] {
  return Object.keys(spdx).filter((id) => spdx[id]?.licenseText);
}

/** A text from the corpus when it is there, else from SPDX. */
export function referenceText(id: string): string {
  return CORPUS && existsSync(join(CORPUS, `${id}.txt`)) ? corpusText(id) : spdxText(id);
}

/** The copyfarleft (and kindred) texts of the corpus: what the catalog knows only by fingerprint, and PPL. */
export const COPYFARLEFT = ['PPL', 'LicenseRef-CNPL-5.0', 'LicenseRef-CNPL-7.0', 'LicenseRef-NVPL-7.0', 'LicenseRef-ACSL-1.4'];
