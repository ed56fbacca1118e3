// A project that declares no license of its own.
import type { Rule } from '../types.js';

export const rule: Rule = {
  id: 'no-project-license',
  severity: 'warning',
  title: 'The project declares no license of its own',
  doc:
    'A project says under what terms it is distributed as a whole: a LICENSE file at its root, the license field of its ' +
    "manifest, or `license:` in .farleft.yml. Without one, farleft cannot check its files' and its dependencies' " +
    'licenses against it (compat). A REUSE project whose every file names its own license, with several licenses in ' +
    'LICENSES/, is compliant without one, which is why this is a warning: the files that lack a license are errors ' +
    'of their own (missing-license).',
  fix: 'Add the license text as LICENSE at the root, declare the license in the manifest, or set `license:` in .farleft.yml (`farleft init --license <expression>` writes it).',
  check(input) {
    const project = input.compat?.outbound ?? input.scan.project.license;
    if (input.only !== null || project !== null || !input.scan.files.some((f) => f.covered)) return [];
    // Not LICENSES/<id>.txt: a REUSE folder of texts backs the files' tags and names no license of the project's.
    return [{ file: null, line: null, message: 'the project declares no license: no LICENSE file, manifest license or .farleft.yml license was found' }];
  },
};
