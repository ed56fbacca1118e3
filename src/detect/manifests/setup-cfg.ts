// setup.cfg (setuptools): `[metadata] license` (free text, or `file: LICENSE`), the
// deprecated `license_file`, and `classifiers` (one per continuation line). `license_files`
// only lists files to ship, which the license-text detector reads on their own. The INI
// reader is the few lines configparser's format needs, with line numbers kept.
import { declareClassifiers } from './trove.js';
import { lineOf, type FieldValue, type ManifestOutput } from './shared.js';

export function readSetupCfg(text: string, out: ManifestOutput): void {
  const metadata = readIni(text).get('metadata');
  if (!metadata) return;
  const license = metadata.get('license');
  const file = /^file:\s*(\S+)/.exec(license?.value ?? '')?.[1];
  if (license && file) out.declare(license.field, [out.readFile({ ...license, value: file })], license.line);
  else if (license) out.license(license);
  const licenseFile = metadata.get('license_file');
  if (licenseFile && !license) out.declare(licenseFile.field, [out.readFile(licenseFile)], licenseFile.line);
  const classifiers = metadata.get('classifiers');
  if (classifiers) {
    const values = classifiers.value.split('\n').map((v) => v.trim()).filter((v) => v !== '');
    declareClassifiers(classifiers.field, values.map((value) => ({ field: classifiers.field, value, line: lineOf(text, value) })), out);
  }
}

/** section -> key -> value (continuation lines joined with '\n'), with the line of each key. */
function readIni(text: string): Map<string, Map<string, FieldValue>> {
  const sections = new Map<string, Map<string, FieldValue>>();
  let name = '';
  let key: FieldValue | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    if (key && /^\s/.test(line)) {
      key = { ...key, value: `${key.value}\n${trimmed}` };
      sections.get(name)!.set(key.field.slice(name.length + 1), key);
    } else if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
      name = trimmed.slice(1, -1).trim();
      if (!sections.has(name)) sections.set(name, new Map());
      key = undefined;
    } else {
      const eq = trimmed.search(/[=:]/);
      if (eq <= 0 || !sections.has(name)) continue;
      const k = trimmed.slice(0, eq).trim().toLowerCase().replace(/-/g, '_');
      key = { field: `${name}.${k}`, value: trimmed.slice(eq + 1).trim(), line: i + 1 };
      sections.get(name)!.set(k, key);
    }
  }
  return sections;
}
