// `farleft lint --reuse` in the words and layout of reuse-tool's `reuse lint`: the sections
// it prints for what fails, then the summary with the same counts, then the verdict.
import type { ChalkInstance } from 'chalk';
import type { ReuseReport } from '../../lint/reuse.js';

export function renderReuse(r: ReuseReport, c: ChalkInstance): string {
  const out: string[] = [];
  const section = (title: string, lines: readonly string[]): void => {
    if (lines.length) out.push(c.bold(`# ${title}`), '', ...lines, '');
  };
  const items = (xs: readonly string[]): string[] => xs.map((x) => `* ${x}`);
  const byId = (m: Readonly<Record<string, readonly string[]>>): string[] => Object.entries(m).flatMap(([id, files]) => [`'${id}' found in:`, ...items(files)]);
  if (!r.compliant) {
    section('BAD LICENSES', byId(r.badLicenses));
    section('DEPRECATED LICENSES', r.deprecatedLicenses.length ? ['The following licenses are deprecated by SPDX:', ...items(r.deprecatedLicenses)] : []);
    section('LICENSES WITHOUT FILE EXTENSION', Object.keys(r.licensesWithoutExtension).length ? ['The following licenses have no file extension:', ...items(Object.values(r.licensesWithoutExtension))] : []);
    section('MISSING LICENSES', byId(r.missingLicenses));
    section('UNUSED LICENSES', r.unusedLicenses.length ? ['The following licenses are not used:', ...items(r.unusedLicenses)] : []);
    section('READ ERRORS', r.readErrors.length ? ['Could not read:', ...items(r.readErrors)] : []);
    section('INVALID SPDX LICENSE EXPRESSIONS', r.invalidExpressions.map((x) => `* ${x.file}${x.line ? `:${x.line}` : ''}: ${x.message}`));
    const noCopyright = new Set(r.filesWithoutCopyright);
    const noLicense = new Set(r.filesWithoutLicenses);
    const both = r.filesWithoutCopyright.filter((p) => noLicense.has(p));
    const onlyCopyright = r.filesWithoutCopyright.filter((p) => !noLicense.has(p));
    const onlyLicense = r.filesWithoutLicenses.filter((p) => !noCopyright.has(p));
    const missing: string[] = [];
    if (both.length) missing.push('The following files have no copyright and licensing information:', ...items(both), '');
    if (onlyCopyright.length) missing.push('The following files have no copyright information:', ...items(onlyCopyright), '');
    if (onlyLicense.length) missing.push('The following files have no licensing information:', ...items(onlyLicense), '');
    section('MISSING COPYRIGHT AND LICENSING INFORMATION', missing.slice(0, -1));
  }
  const list = (xs: readonly string[]): string => (xs.length ? xs.join(', ') : '0');
  out.push(
    c.bold('# SUMMARY'),
    '',
    `* Bad licenses: ${list(Object.keys(r.badLicenses))}`,
    `* Deprecated licenses: ${list(r.deprecatedLicenses)}`,
    `* Licenses without file extension: ${list(Object.keys(r.licensesWithoutExtension))}`,
    `* Missing licenses: ${list(Object.keys(r.missingLicenses))}`,
    `* Unused licenses: ${list(r.unusedLicenses)}`,
    `* Used licenses: ${list(r.usedLicenses)}`,
    `* Read errors: ${r.readErrors.length}`,
    `* Invalid SPDX License Expressions: ${r.invalidExpressions.length}`,
    `* Files with copyright information: ${r.files - r.filesWithoutCopyright.length} / ${r.files}`,
    `* Files with license information: ${r.files - r.filesWithoutLicenses.length} / ${r.files}`,
    '',
    r.compliant
      ? c.green(`Congratulations! Your project is compliant with version ${r.spec} of the REUSE Specification :-)`)
      : c.red(`Unfortunately, your project is not compliant with version ${r.spec} of the REUSE Specification :-(`),
  );
  return `${out.join('\n')}\n`;
}
