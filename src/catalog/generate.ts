// Build step (npm run build): compiles the catalog into generated/catalog.json, so a
// scan loads one small JSON file instead of parsing YAML and SPDX's lists.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { GENERATED_DIR, LICENSES_DIR } from '../paths.js';
import { buildCatalogData, parseReplacements, readYamlEntries } from './build.js';
import { categorize, parseClassificationTable, type CategorySources } from './categories.js';
import { compileNameTable } from './names.js';
import type { CatalogData } from './schema.js';

const require = createRequire(import.meta.url);

/** Reads every category source the build layers (see categories.ts) from `dir` and npm. */
export function readCategorySources(dir: string = LICENSES_DIR): CategorySources {
  const tableFile = join(dir, 'tables', 'categories.yaml');
  const scancode = JSON.parse(readFileSync(join(dir, 'external', 'scancode-categories.json'), 'utf8')) as { categories: Record<string, string> };
  const blueoak = require('@blueoak/list') as { licenses: { id: string }[] }[];
  return {
    table: parseClassificationTable('licenses/tables/categories.yaml', readFileSync(tableFile, 'utf8')),
    scancode: scancode.categories,
    blueoak: new Set(blueoak.flatMap((rating) => rating.licenses.map((l) => l.id))),
    copyleft: new Set(require('spdx-copyleft') as string[]),
  };
}

export function buildCatalog(dir: string = LICENSES_DIR): CatalogData {
  const sources = readCategorySources(dir);
  return buildCatalogData({
    yaml: readYamlEntries(dir),
    categoryOf: (id, kind) => categorize(id, kind, sources),
    replacements: parseReplacements('licenses/tables/deprecated.yaml', readFileSync(join(dir, 'tables', 'deprecated.yaml'), 'utf8')),
  });
}

export function generateCatalog(): void {
  const data = buildCatalog();
  mkdirSync(GENERATED_DIR, { recursive: true });
  writeFileSync(join(GENERATED_DIR, 'catalog.json'), JSON.stringify({ ...data, names: compileNameTable(data.entries) }));
}
