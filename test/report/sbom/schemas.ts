// Validators for the official SBOM schemas, read from disk (never fetched): CycloneDX 1.5
// from the @cyclonedx/cyclonedx-library package (res/schema/), SPDX 2.3 from the shared
// corpus when present (../shared/corpus/schemas; tests skip with a message otherwise).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import parseSpdx from 'spdx-expression-parse';
import { expect } from 'vitest';
import formats from 'ajv-formats';

const require = createRequire(import.meta.url);
const CDX_DIR = join(dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
export const SPDX_SCHEMA = fileURLToPath(new URL('../../../../shared/corpus/schemas/spdx-schema-2.3.json', import.meta.url));
export const HAS_SPDX_SCHEMA = existsSync(SPDX_SCHEMA);

function ajv(): Ajv {
  const a = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: its function is the module itself or its default, depending on the loader.
  const addFormats = ((formats as unknown as { default?: typeof formats }).default ?? formats) as unknown as (ajv: Ajv) => void;
  addFormats(a);
  // Formats ajv-formats lacks; the schemas use them for URLs and e-mail addresses.
  a.addFormat('iri-reference', true);
  a.addFormat('idn-email', true);
  return a;
}

const json = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

export function cyclonedxValidator(): ValidateFunction {
  const a = ajv();
  // bom-1.5 refers to its neighbours by their file names; register them under those.
  const neighbours: readonly (readonly [string, string])[] = [
    ['spdx.SNAPSHOT.schema.json', 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json'],
    ['jsf-0.82.SNAPSHOT.schema.json', 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json'],
  ];
  for (const [file, id] of neighbours) {
    const { $id: _, ...schema } = json(join(CDX_DIR, file));
    a.addSchema(schema, id);
  }
  return a.compile(json(join(CDX_DIR, 'bom-1.5.SNAPSHOT.schema.json')));
}

export function spdxValidator(): ValidateFunction {
  return ajv().compile(json(SPDX_SCHEMA));
}

export function errorsOf(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

type SpdxDoc = { packages: Record<string, unknown>[]; relationships: { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }[]; hasExtractedLicensingInfos?: { licenseId: string }[]; files?: Record<string, unknown>[] };

/** SPDX 2.3 rules the JSON schema leaves out: id syntax, references to known ids, parseable licenses, defined LicenseRefs. */
export function checkSpdx(doc: unknown): void {
  const d = doc as SpdxDoc;
  const ids = new Set(['SPDXRef-DOCUMENT', ...d.packages.map((p) => p.SPDXID as string), ...(d.files ?? []).map((f) => f.SPDXID as string)]);
  for (const id of ids) expect(id).toMatch(/^SPDXRef-[A-Za-z0-9.-]+$/);
  expect(ids.size).toBe(1 + d.packages.length + (d.files?.length ?? 0));
  for (const r of d.relationships) {
    expect(ids.has(r.spdxElementId), r.spdxElementId).toBe(true);
    expect(ids.has(r.relatedSpdxElement), r.relatedSpdxElement).toBe(true);
  }
  const defined = new Set((d.hasExtractedLicensingInfos ?? []).map((x) => x.licenseId));
  const licenses = [...d.packages.flatMap((p) => [p.licenseDeclared, p.licenseConcluded]), ...(d.files ?? []).flatMap((f) => [f.licenseConcluded, ...(f.licenseInfoInFiles as string[])])] as string[];
  for (const l of licenses) {
    if (l === 'NOASSERTION' || l === 'NONE') continue;
    expect(() => parseSpdx(l), l).not.toThrow();
    for (const ref of l.match(/LicenseRef-[A-Za-z0-9.-]+/g) ?? []) expect(defined.has(ref), ref).toBe(true);
  }
}
