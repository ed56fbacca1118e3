// License texts in LICENSES/ that no file uses.
import { coveredFiles, idsInUse, licenseTextFiles } from '../facts.js';
import type { Rule } from '../types.js';

export const rule: Rule = {
  id: 'unused-license-text',
  severity: 'warning',
  title: 'A text in LICENSES/ is not used by any file',
  doc:
    'REUSE keeps in LICENSES/ exactly the texts of the licenses the project uses. A text no file declares is left over ' +
    'from a license change or a removed file, and it misleads readers about the terms of the project; REUSE calls the ' +
    'project non-compliant until it is removed or used.',
  fix: 'Delete the unused text, or declare the license in the files it covers.',
  wholeTree: true,
  check(input) {
    const { scan, catalog } = input;
    const used = new Set(idsInUse(coveredFiles(scan), catalog).keys());
    if (scan.project.license) for (const id of catalog.normalize(scan.project.license).ids) used.add(id);
    return licenseTextFiles(scan, catalog)
      .filter((t) => {
        // LICENSES/GPL-3.0.txt (a deprecated name) is the text of GPL-3.0-only.
        const current = catalog.normalize(t.id).expression;
        return !used.has(t.id) && !used.has(`${t.id}+`) && !(current !== null && used.has(current));
      })
      .map((t) => ({ file: t.path, line: null, message: `not used: no file declares ${t.id}` }));
  },
};
