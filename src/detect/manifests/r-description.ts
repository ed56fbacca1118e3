// R's DESCRIPTION (a DCF header block with a `Package` field): `License` in R's own syntax,
// "GPL-2 | MIT + file LICENSE": `|` separates alternatives (OR); R's abbreviations (GPL-2,
// BSD_3_clause, "GPL (>= 2)") are its documented vocabulary, mapped by table without a
// warning; "+ file LICENSE" after MIT or BSD holds the copyright holder (R's template),
// after another license it adds terms (noted); "file LICENSE" alone is the license.
import { readHeaders } from './headers.js';
import { boundedList, type ManifestOutput, type Reading } from './shared.js';

/** R's license database abbreviations that are not SPDX ids. */
const R_NAMES: ReadonlyMap<string, string> = new Map([
  ['GPL-2', 'GPL-2.0-only'], ['GPL-3', 'GPL-3.0-only'], ['LGPL-2', 'LGPL-2.0-only'], ['LGPL-2.1', 'LGPL-2.1-only'],
  ['LGPL-3', 'LGPL-3.0-only'], ['AGPL-3', 'AGPL-3.0-only'], ['BSD_2_clause', 'BSD-2-Clause'], ['BSD_3_clause', 'BSD-3-Clause'],
  ['CC0', 'CC0-1.0'], ['CeCILL-2', 'CECILL-2.0'], ['Apache License 2.0', 'Apache-2.0'], ['Apache License (== 2.0)', 'Apache-2.0'],
  ['Mozilla Public License 2.0', 'MPL-2.0'], ['Artistic License 2.0', 'Artistic-2.0'],
]);
const TEMPLATES = new Set(['MIT', 'BSD_2_clause', 'BSD_3_clause']);

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
    const later = /^(A?GPL|LGPL) \(>= ?(\d)(?:\.(\d))?\)$/.exec(name);
    const spdx = later ? `${later[1]}-${later[2]}.${later[3] ?? 0}-or-later` : R_NAMES.get(name);
    const read = out.read({ field: 'License', value: spdx ?? name, line });
    return read && { ...read, raw: written };
  });
  out.declare('License', readings, line);
}
