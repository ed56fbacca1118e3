// Licenses farleft cannot identify: texts it does not know, and LicenseRef ids defined nowhere.
import { count, idsInUse, licenseTextFiles, targetFiles, unprefixedText } from '../facts.js';
import type { Draft, Rule } from '../types.js';

export const rule: Rule = {
  id: 'unknown-license',
  severity: 'warning',
  title: 'A license cannot be identified',
  doc:
    'A license text that matches no known license, a declaration that names no SPDX license, or a LicenseRef-<name> id ' +
    'that neither farleft\'s catalog nor a LICENSES/ text defines: nobody reading the project can tell what its terms ' +
    'are, and farleft cannot check their compatibility. Modified license texts land here too, because a changed text ' +
    'is a different license.',
  fix: 'Use the unmodified text of a known license, declare it with its SPDX id, or define your own terms as LicenseRef-<name> with the text in LICENSES/LicenseRef-<name>.txt.',
  codes: ['unknown-license', 'unknown-license-text', 'license-named-in-terms', 'license-text-too-short', 'non-spdx-declaration', 'license-file-without-text', 'empty-license-file'],
  check(input) {
    const defined = new Set(licenseTextFiles(input.scan, input.catalog).map((t) => t.id));
    const drafts: Draft[] = [];
    for (const [id, use] of idsInUse(targetFiles(input), input.catalog))
      if (id.startsWith('LicenseRef-') && !input.catalog.get(id) && !defined.has(id)) {
        // Its text there without the prefix: the fix is a rename.
        const unprefixed = unprefixedText(input.scan, input.catalog, id);
        drafts.push({
          file: use.file,
          line: use.line,
          message: `${id} (used by ${count(use.count, 'file')}) is defined neither by farleft's catalog nor by a text in LICENSES/${unprefixed?.note ?? ''}`,
          suggestion:
            unprefixed?.fix ??
            `Put the text of ${id} in LICENSES/${id}.txt, or use the license's SPDX id (farleft licenses list shows the known ones)`,
        });
      }
    return drafts;
  },
};
