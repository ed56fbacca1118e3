// R's DESCRIPTION (a DCF header block with a `Package` field): `License` in R's own syntax,
// "GPL-2 | MIT + file LICENSE": `|` separates alternatives (OR); R's abbreviations (GPL-2,
// BSD_3_clause, "GPL (>= 2)") are its documented vocabulary, mapped without a warning (a
// version restriction selects among the published versions); "+ file LICENSE" after MIT or
// BSD holds the copyright holder (R's template), after another license it adds terms
// (noted); "file LICENSE" alone is the license.
import { readHeaders } from './headers.js';
import { boundedList, type ManifestOutput, type Reading } from './shared.js';

/**
 * R's license database abbreviations that are not SPDX ids. An unversioned one is here only when
 * it names one license whatever the version (BSL: Boost has only 1.0); "EPL" or "MPL" are not.
 */
const R_NAMES: ReadonlyMap<string, string> = new Map([
  ['GPL-2', 'GPL-2.0-only'], ['GPL-3', 'GPL-3.0-only'], ['LGPL-2', 'LGPL-2.0-only'], ['LGPL-2.1', 'LGPL-2.1-only'],
  ['LGPL-3', 'LGPL-3.0-only'], ['AGPL-3', 'AGPL-3.0-only'], ['BSD_2_clause', 'BSD-2-Clause'], ['BSD_3_clause', 'BSD-3-Clause'],
  ['CC0', 'CC0-1.0'], ['CeCILL-2', 'CECILL-2.0'], ['Apache License 2.0', 'Apache-2.0'], ['Apache License (== 2.0)', 'Apache-2.0'],
  ['Mozilla Public License 2.0', 'MPL-2.0'], ['Artistic License 2.0', 'Artistic-2.0'],
  ['BSL', 'BSL-1.0'], ['CPL', 'CPL-1.0'], ['FreeBSD', 'BSD-2-Clause'],
]);
const TEMPLATES = new Set(['MIT', 'BSD_2_clause', 'BSD_3_clause']);
/** The published versions of the GNU licenses, which R's version restrictions select from. */
const GNU_VERSIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['GPL', ['1.0', '2.0', '3.0']], ['LGPL', ['2.0', '2.1', '3.0']], ['AGPL', ['3.0']],
]);

export function readRDescription(text: string, out: ManifestOutput): void {
  const headers = readHeaders(text);
  const license = headers.find((h) => h.name === 'License');
  if (!license || !headers.some((h) => h.name === 'Package')) return;
  const { line } = license;
  const readings = boundedList(license.value.split('|'), 'License', line, out).map((part): Reading | null => {
    const written = part.replace(/\s+/g, ' ').trim();
    if (/^file LICEN[CS]E$/.test(written)) return out.readFile({ field: 'License', value: written.slice(5), line });
    const name = written.replace(/\s*\+\s*file LICEN[CS]E$/, '');
    if (name !== written && !TEMPLATES.has(name))
      out.problem('additional-license-terms', 'note', line, `License '${written}': the LICENSE file adds terms to ${name}`, 'Read the LICENSE file: its terms apply on top of the license named');
    const spdx = restricted(name) ?? R_NAMES.get(name);
    const read = out.read({ field: 'License', value: spdx ?? name, line });
    return read && { ...read, raw: written };
  });
  out.declare('License', readings, line);
}

/**
 * A GNU license with R's version restriction, "GPL (>= 2)", "GPL (> 2)", "LGPL (>= 2.0, < 3)":
 * the versions it allows, "or later" when no bound closes it; undefined for any other name.
 */
function restricted(name: string): string | undefined {
  const [, stem = '', list = ''] = /^(A?GPL|LGPL) ?\(([^()]+)\)$/.exec(name) ?? [];
  const tests = list.split(',').map((t) => /^\s*([<>]=?|==)\s*(\d+(?:\.\d+)*)\s*$/.exec(t)?.slice(1) ?? []);
  if (!stem || tests.some((t) => t.length === 0)) return undefined;
  const fit = GNU_VERSIONS.get(stem)!.filter((v) => tests.every(([op, bound]) => allows(v, op!, bound!)));
  if (fit.length === 0) return undefined; // no such version: the name reader says it knows no license
  if (tests.every(([op]) => op!.startsWith('>'))) return `${stem}-${fit[0]}-or-later`;
  return fit.map((v) => `${stem}-${v}-only`).join(' OR ');
}

/** Whether `version` satisfies R's `op bound` ("2.1" >= "2"). */
function allows(version: string, op: string, bound: string): boolean {
  const a = version.split('.').map(Number);
  const b = bound.split('.').map(Number);
  let c = 0;
  for (let i = 0; c === 0 && i < Math.max(a.length, b.length); i++) c = (a[i] ?? 0) - (b[i] ?? 0);
  return { '>=': c >= 0, '>': c > 0, '==': c === 0, '<=': c <= 0, '<': c < 0 }[op] ?? false;
}
