// Licenses in use whose text the project does not ship.
import { licenseFamily } from '../../catalog/index.js';
import { count, idsInUse, licenseTextFiles, targetFiles, textFamilies, unprefixedText } from '../facts.js';
import type { Draft, Rule } from '../types.js';

export const rule: Rule = {
  id: 'missing-license-text',
  severity: 'error',
  title: 'A license in use has no text in the project',
  doc:
    'Most licenses must travel with the work: whoever receives a file under the Peer Production License, the GPL or ' +
    'MIT must receive the license text too. REUSE keeps one text per license in LICENSES/<id>.txt; a LICENSE or COPYING ' +
    'file that farleft recognises as the same license also counts. A license that files use but whose text is nowhere ' +
    'in the project is missing.',
  fix: 'Add the text as LICENSES/<id>.txt (`farleft apply` writes SPDX texts; for a LicenseRef, add your own text).',
  codes: ['missing-license-file'],
  check(input) {
    const { scan, catalog } = input;
    const defined = new Set(licenseTextFiles(scan, catalog).map((t) => t.id));
    const texts = textFamilies(scan);
    const uses = new Map(idsInUse(targetFiles(input), catalog)); // a copy: the project's ids join it here
    if (input.only === null && scan.project.license) {
      const at = scan.project.declarations[0];
      for (const id of catalog.normalize(scan.project.license).ids)
        if (!uses.has(id)) uses.set(id, { file: at?.file ?? null, line: at?.line ?? null, count: 0 });
    }
    const drafts: Draft[] = [];
    for (const [id, use] of uses) {
      if (defined.has(id) || defined.has(id.replace(/\+$/, '')) || texts.has(licenseFamily(id))) continue;
      if (catalog.get(id)?.kind === 'marker') continue;
      // There, under a name REUSE does not read (LicenseRef-<name> in LICENSES/<name>.txt)?
      const unprefixed = unprefixedText(scan, catalog, id);
      drafts.push({
        file: use.file,
        line: use.line,
        message: `${id} is used (${use.count ? `by ${count(use.count, 'file')}` : 'as the project\'s license'}) but its text is not in LICENSES/ or a license file${unprefixed?.note ?? ''}`,
        suggestion: unprefixed?.fix ?? `Add the text of ${id} as LICENSES/${id}.txt`,
      });
    }
    return drafts;
  },
};
