// package.json (npm): `license` (an SPDX expression, `UNLICENSED`, `SEE LICENSE IN <file>`),
// the deprecated `license: { type, url }` object and the legacy `licenses: [{ type, url }]`
// array, which npm read as a choice among its entries. No license field is no declaration:
// a private package often has none.
import { boundedList, isRecord, jsonKeyLines, parseManifestJson, str, type ManifestOutput, type Reading } from './shared.js';

/** `parsed`: the text as JSON.parse reads it, when the caller has parsed it already (deps). */
export function readPackageJson(text: string, out: ManifestOutput, parsed?: unknown): void {
  const data = parsed !== undefined ? parsed : parseManifestJson(text, out);
  if (data === undefined) return;
  if (!isRecord(data)) return out.malformed(1, 1, 'the top level is not an object');
  const { license, licenses } = data;
  const lines = jsonKeyLines(text, ['license', 'licenses'].filter((key) => data[key] !== undefined));
  const line = lines.get('license');
  if (typeof license === 'string') out.license({ field: 'license', value: license, line });
  else if (isRecord(license)) {
    out.problem('legacy-license-field', 'note', line, '"license" is a { type, url } object, a form npm deprecated', 'Write the SPDX expression as a string: "license": "MIT"');
    out.declare('license.type', [readEntry(license, 'license', line, out)], line);
  } else if (Array.isArray(license)) readList(license, 'license', line, out);
  else if (license !== undefined && license !== null)
    out.problem('invalid-license-field', 'warning', line, `"license" is ${JSON.stringify(license)}, not a string`, 'Write an SPDX expression as a string, e.g. "license": "MIT"');
  if (Array.isArray(licenses) || isRecord(licenses)) readList(Array.isArray(licenses) ? licenses : [licenses], 'licenses', lines.get('licenses'), out);
}

/** A list of licenses: npm's legacy `licenses`, read as the choice it meant (their OR). */
function readList(list: readonly unknown[], field: string, line: number | undefined, out: ManifestOutput): void {
  out.problem('legacy-license-field', 'note', line, `"${field}" is a list (npm's legacy form); read as a choice among its ${list.length} entries`, 'Write one SPDX expression in "license", e.g. "MIT OR Apache-2.0"');
  const name = list.length === 1 ? `${field}[0]${isRecord(list[0]) ? '.type' : ''}` : field;
  out.declare(name, boundedList(list, field, line, out).map((e, i) => readEntry(e, `${field}[${i}]`, line, out)), line);
}

function readEntry(entry: unknown, field: string, line: number | undefined, out: ManifestOutput): Reading | null {
  if (typeof entry === 'string') return out.read({ field, value: entry, line });
  if (!isRecord(entry)) return null;
  const type = str(entry.type) ?? '';
  const url = str(entry.url);
  if (type === '' && url) return out.readUrl({ field: `${field}.url`, value: url, line });
  return out.read({ field: `${field}.type`, value: type, line });
}
