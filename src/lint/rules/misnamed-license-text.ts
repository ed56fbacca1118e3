// LICENSES/ files REUSE cannot map to a license: no extension, not an SPDX id, or the wrong text.
import { count, idsInUse, licenseTextFiles, renamed, targetFiles } from '../facts.js';
import type { Draft, Rule } from '../types.js';

export const rule: Rule = {
  id: 'misnamed-license-text',
  severity: 'error',
  title: 'A file in LICENSES/ is not named after the license it holds',
  doc:
    'REUSE finds the text of a license by its file name: LICENSES/<SPDX id>.<extension>, or LICENSES/LicenseRef-<name>.<extension> ' +
    'for licenses SPDX does not list. A file without an extension, with a name that is no SPDX id (ids are case-sensitive: ' +
    'MIT, not mit), or whose text is another license than its name says, leaves the license it should provide missing.',
  fix: 'Rename the file to LICENSES/<SPDX id>.txt (or LicenseRef-<name>.txt), and make sure it holds the unmodified text of that license.',
  codes: ['license-file-mismatch'],
  check(input) {
    const drafts: Draft[] = [];
    const uses = idsInUse(targetFiles(input), input.catalog);
    for (const t of licenseTextFiles(input.scan, input.catalog)) {
      const known = input.catalog.get(t.id)?.spdx === true || t.id.startsWith('LicenseRef-');
      if (!known) {
        const near = input.catalog.resolve(t.id)?.entry.id;
        // Files that say LicenseRef-<its name> mean this text (systemd's LICENSES/alg-sha1-public-domain.txt).
        const ref = `LicenseRef-${t.id}`;
        const used = uses.get(ref);
        drafts.push({
          file: t.path,
          line: null,
          message: `'${t.id}' is neither an SPDX license id nor LicenseRef-<name>${used ? `; ${count(used.count, 'file')} ${used.count === 1 ? 'uses' : 'use'} ${ref}` : ''}`,
          suggestion: used
            ? `Rename it ${renamed(t.path, ref)}`
            : near
              ? `Rename it LICENSES/${near}.txt`
              : `Rename it LICENSES/LicenseRef-${t.id.replace(/[^A-Za-z0-9.-]+/g, '-')}.txt, or after the SPDX id of the license it holds`,
        });
      } else if (t.withoutExtension)
        drafts.push({ file: t.path, line: null, message: 'no file extension', suggestion: `Rename it ${t.path}.txt` });
    }
    return drafts;
  },
};
