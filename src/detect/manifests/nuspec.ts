// *.nuspec (NuGet): `<license type="expression">` (SPDX), `<license type="file">` (read as
// `SEE LICENSE IN <file>`), and the deprecated `<licenseUrl>`, read through the URL mapper
// at low confidence, only when no <license> is given (NuGet writes the placeholder
// https://aka.ms/deprecateLicenseUrl next to <license> for old clients). An XML-ish scan:
// the two elements hold plain text, so no XML parser is needed.
import { lineAt, type ManifestOutput } from './shared.js';

const LICENSE = /<license\b([^<>]*)>([^<]*)<\/license\s*>/;
const LICENSE_URL = /<licenseUrl\s*>([^<]*)<\/licenseUrl\s*>/;
const TYPE = /\btype\s*=\s*["']([^"']*)["']/;
const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

export function readNuspec(text: string, out: ManifestOutput): void {
  const license = LICENSE.exec(text);
  if (license) {
    const line = lineAt(text, license.index);
    const type = TYPE.exec(license[1]!)?.[1] ?? 'expression';
    const value = decode(license[2]!);
    if (type === 'file') return out.declare('license', [out.readFile({ field: 'license', value, line })], line);
    if (type === 'expression') return out.license({ field: 'license', value, line });
    return out.problem('invalid-license-field', 'warning', line, `<license type="${type}"> is neither "expression" nor "file"`, 'Write <license type="expression">MIT</license>');
  }
  const url = LICENSE_URL.exec(text);
  if (!url) return;
  const line = lineAt(text, url.index);
  out.declare('licenseUrl', [out.readUrl({ field: 'licenseUrl', value: decode(url[1]!), line })], line);
}

function decode(s: string): string {
  return s.replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]!).trim();
}
