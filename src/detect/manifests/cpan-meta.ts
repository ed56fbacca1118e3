// META.json and META.yml (Perl's CPAN distributions, CPAN::Meta::Spec): `license` is one of the
// spec's own words (perl_5, apache_2_0, gpl_3, ...), a list of them in version 2 of the spec, which
// it documents as a choice (OR). Only a file with `meta-spec` is CPAN's: META.json is a common name.
// `unknown` says nothing (as PKG-INFO's UNKNOWN); `open_source` and `unrestricted` say what kind of
// terms there are but name none (NOASSERTION); `restricted` / `restrictive` grant no license.
import { yaml } from '../../lazy.js';
import { boundedList, isRecord, jsonKeyLines, parseManifestJson, UNKNOWN_CONFIDENCE, type ManifestOutput, type Reading } from './shared.js';

/** The spec's license words (version 2, and version 1.4's older ones) as SPDX expressions. */
const CPAN_LICENSES: ReadonlyMap<string, string> = new Map([
  ['agpl_3', 'AGPL-3.0-only'],
  ['apache_1_1', 'Apache-1.1'],
  ['apache_2_0', 'Apache-2.0'],
  ['artistic_1', 'Artistic-1.0'],
  ['artistic_2', 'Artistic-2.0'],
  ['bsd', 'BSD-3-Clause'],
  ['freebsd', 'BSD-2-Clause'],
  ['gfdl_1_2', 'GFDL-1.2-only'],
  ['gfdl_1_3', 'GFDL-1.3-only'],
  ['gpl_1', 'GPL-1.0-only'],
  ['gpl_2', 'GPL-2.0-only'],
  ['gpl_3', 'GPL-3.0-only'],
  ['lgpl_2_1', 'LGPL-2.1-only'],
  ['lgpl_3_0', 'LGPL-3.0-only'],
  ['mit', 'MIT'],
  ['mozilla_1_0', 'MPL-1.0'],
  ['mozilla_1_1', 'MPL-1.1'],
  ['openssl', 'OpenSSL'],
  // "The same terms as Perl itself": the GPL, version 1 or later, or Perl's Artistic License.
  ['perl_5', 'Artistic-1.0-Perl OR GPL-1.0-or-later'],
  ['perl', 'Artistic-1.0-Perl OR GPL-1.0-or-later'], // version 1.4
  ['qpl_1_0', 'QPL-1.0'],
  ['ssleay', 'SSLeay-standalone'],
  ['sun', 'SISSL'],
  ['zlib', 'Zlib'],
  ['restricted', 'UNLICENSED'],
  // Version 1.4's words, as CPAN::Meta::Converter reads them; its gpl, lgpl and mozilla name no version, and are read
  // as those names are anywhere (ambiguous, with a note), not as the converter's guess.
  ['apache', 'Apache-2.0'],
  ['artistic', 'Artistic-1.0'],
  ['restrictive', 'UNLICENSED'],
]);
/** Words for a kind of terms, not a license: "other Open Source Initiative (OSI) approved license", "not an OSI approved license, but not restricted". */
const KIND_ONLY: ReadonlySet<string> = new Set(['open_source', 'unrestricted']);

export function readCpanMetaJson(text: string, out: ManifestOutput): void {
  const data = parseManifestJson(text, out);
  if (!isRecord(data) || !('meta-spec' in data) || data.license === undefined) return;
  readLicense(data.license, jsonKeyLines(text, ['license']).get('license'), out);
}

export function readCpanMetaYml(text: string, out: ManifestOutput): void {
  // Errors only: the yaml package would print its warnings to stderr.
  const doc = yaml().parseDocument(text, { logLevel: 'error' });
  const error = doc.errors[0];
  if (error) return out.malformed(error.linePos?.[0].line, error.linePos?.[0].col, error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // Aliases that expand without end (a "billion laughs" file) are refused, not expanded.
    return out.malformed(undefined, undefined, (e as Error).message.split('\n')[0]!);
  }
  if (!isRecord(data) || !('meta-spec' in data) || data.license === undefined) return;
  const at = /^license[ \t]*:/m.exec(text);
  readLicense(data.license, at ? text.slice(0, at.index).split('\n').length : undefined, out);
}

function readLicense(license: unknown, line: number | undefined, out: ManifestOutput): void {
  const list = Array.isArray(license) ? license : [license];
  if (list.length === 0 || list.some((v) => typeof v !== 'string'))
    return out.problem('invalid-license-field', 'warning', line, `license is ${JSON.stringify(license)}, not one of CPAN::Meta::Spec's license words or a list of them`, 'Write license: ["perl_5"] (META.json) or license: perl (META.yml), or the word for your license (CPAN::Meta::Spec)');
  const words = (boundedList(list, 'license', line, out) as string[]).filter((w) => w.trim().toLowerCase() !== 'unknown');
  if (words.length === 0) return;
  const readings = words.map((value, i) => read(value, words.length > 1 ? `license[${i}]` : 'license', line, out));
  out.declare('license', readings, line);
}

function read(value: string, field: string, line: number | undefined, out: ManifestOutput): Reading | null {
  const word = value.trim().toLowerCase();
  const known = CPAN_LICENSES.get(word);
  if (known) return { expression: known, confidence: 1, raw: value };
  if (KIND_ONLY.has(word)) {
    out.problem('unknown-license', 'warning', line, `${field} is '${value}', which says what kind of terms the distribution has but names no license; declared as NOASSERTION`, 'Name the license: one of CPAN::Meta::Spec\'s words, or its license file\'s SPDX id in a LICENSE file');
    return { expression: 'NOASSERTION', confidence: UNKNOWN_CONFIDENCE, raw: value };
  }
  // Not the spec's word: read as any other manifest's license name ("GPL-3.0-or-later", "Artistic-2.0").
  return out.read({ field, value, line });
}
