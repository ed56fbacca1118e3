// The standard text of an SPDX license, for the notice file of a package that declares a
// license but ships no text of it. Read from spdx-license-list, one license at a time, only
// when a notice is asked for.
import { createRequire } from 'node:module';
import type { Catalog } from '../catalog/index.js';

const require = createRequire(import.meta.url);

export function standardText(id: string, catalog: Catalog): { readonly name: string; readonly text: string } | null {
  const entry = catalog.get(id);
  if (!entry || entry.textSource !== 'spdx-license-list' || !/^[A-Za-z0-9.+-]+$/.test(id)) return null;
  try {
    const data = require(`spdx-license-list/licenses/${id}.json`) as { name?: string; licenseText?: string };
    return data.licenseText ? { name: data.name ?? id, text: data.licenseText } : null;
  } catch {
    return null;
  }
}
