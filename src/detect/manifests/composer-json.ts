// composer.json (PHP): `license` is an SPDX expression or an array of them, which Composer
// documents as a choice (OR). "proprietary" is Composer's word for closed source, read as
// UNLICENSED (no license granted).
import { boundedList, isRecord, jsonKeyLines, parseManifestJson, type FieldValue, type ManifestOutput, type Reading } from './shared.js';

export function readComposerJson(text: string, out: ManifestOutput): void {
  const data = parseManifestJson(text, out);
  if (data === undefined) return;
  if (!isRecord(data) || data.license === undefined) return;
  const line = jsonKeyLines(text, ['license']).get('license');
  const list = Array.isArray(data.license) ? data.license : [data.license];
  if (list.some((v) => typeof v !== 'string'))
    return out.problem('invalid-license-field', 'warning', line, `"license" is ${JSON.stringify(data.license)}, not a string or a list of strings`, 'Write "license": "MIT" or "license": ["MIT", "GPL-3.0-or-later"]');
  const readings = (boundedList(list, 'license', line, out) as string[]).map((value, i) => read({ field: list.length > 1 ? `license[${i}]` : 'license', value, line }, out));
  out.declare('license', readings, line);
}

function read(v: FieldValue, out: ManifestOutput): Reading | null {
  return v.value.trim().toLowerCase() === 'proprietary' ? { expression: 'UNLICENSED', confidence: 1, raw: v.value } : out.read(v);
}
