// pyproject.toml: PEP 639 `project.license` (an SPDX expression), the older table forms
// `{ text = "..." }` (free text: a name, or a whole license) and `{ file = "LICENSE" }`
// (read as `SEE LICENSE IN <file>`), Trove classifiers (only when no SPDX expression is
// given: PEP 639 lets the expression replace them), and Poetry's `tool.poetry.license`.
import { declareClassifiers } from './trove.js';
import { at, isRecord, lineOf, readToml, str, tomlKeyLine, type ManifestOutput } from './shared.js';

export function readPyprojectToml(text: string, out: ManifestOutput): void {
  const data = readToml(text, out);
  if (!data) return;
  const license = at(data, 'project.license');
  const line = tomlKeyLine(text, 'project', 'license');
  if (typeof license === 'string') out.license({ field: 'project.license', value: license, line });
  else if (isRecord(license) && str(license.file) !== undefined) out.declare('project.license.file', [out.readFile({ field: 'project.license.file', value: str(license.file)!, line })], line);
  else if (isRecord(license) && str(license.text) !== undefined) out.license({ field: 'project.license.text', value: str(license.text)!, line });
  else if (license !== undefined) out.problem('invalid-license-field', 'warning', line, `project.license is ${JSON.stringify(license)}`, 'Write license = "MIT" (an SPDX expression, PEP 639)');
  const poetry = str(at(data, 'tool.poetry.license'));
  if (poetry !== undefined) out.license({ field: 'tool.poetry.license', value: poetry, line: tomlKeyLine(text, 'tool.poetry', 'license') });
  for (const table of ['project', 'tool.poetry']) {
    const classifiers = at(data, `${table}.classifiers`);
    if (typeof license === 'string' || !Array.isArray(classifiers)) continue;
    const values = classifiers.filter((c): c is string => typeof c === 'string').map((c) => ({ field: 'classifiers', value: c, line: lineOf(text, c) }));
    declareClassifiers(`${table}.classifiers`, values, out);
  }
}
