// Build step (npm run build): compiles the catalog into generated/catalog.json, so a
// scan loads one small JSON file instead of parsing YAML and SPDX's lists.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_DIR, LICENSES_DIR } from '../paths.js';
import { buildCatalogData, readYamlEntries } from './build.js';

export function generateCatalog(): void {
  const data = buildCatalogData({ yaml: readYamlEntries(LICENSES_DIR) });
  mkdirSync(GENERATED_DIR, { recursive: true });
  writeFileSync(join(GENERATED_DIR, 'catalog.json'), JSON.stringify(data));
}
