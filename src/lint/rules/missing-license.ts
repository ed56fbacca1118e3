// Files without licensing information, and a project that declares no license.
import { targetFiles } from '../facts.js';
import type { Draft, Rule } from '../types.js';

export const rule: Rule = {
  id: 'missing-license',
  severity: 'error',
  title: 'A file, or the project, has no license',
  doc:
    'Every file that REUSE covers needs licensing information: an SPDX-License-Identifier in a comment near the top, ' +
    'a `<file>.license` sidecar for files that cannot hold a comment (images, binaries), or an entry in REUSE.toml. ' +
    'Without it nobody can tell on what terms the file may be used, so in law it may not be used at all. The project ' +
    'itself needs a declared license too (a LICENSE file, the manifest, or `license:` in .farleft.yml), or the ' +
    'compatibility of its parts cannot be checked.',
  fix: 'Add `SPDX-License-Identifier: <license>` in a comment at the top of the file (for binary files, a `<file>.license` sidecar, or a REUSE.toml annotation); `farleft apply` writes them for you.',
  check(input) {
    const drafts: Draft[] = targetFiles(input)
      .filter((f) => f.license === null)
      .map((f) => {
        const message = 'no licensing information: no SPDX-License-Identifier, .license sidecar, REUSE.toml or dep5 entry covers it';
        // A header that names its license in prose (src/detect/header-notice.ts): say which tag to write.
        const prose = f.declarations.find((d) => d.source === 'notice' && d.scope === 'file');
        if (!prose) return { file: f.path, line: null, message };
        return {
          file: f.path,
          line: prose.line ?? null,
          message: `${message} (its header names ${prose.expression} in prose, which REUSE does not read)`,
          // By hand: apply leaves a file with a notice in prose alone (its existing-notice problem).
          suggestion: `Add \`SPDX-License-Identifier: ${prose.expression}\` in its header, beside the notice`,
        };
      });
    const project = input.compat?.outbound ?? input.scan.project.license;
    if (input.only === null && project === null && input.scan.files.some((f) => f.covered))
      drafts.push({
        file: null,
        line: null,
        message: 'the project declares no license: no LICENSE file, manifest license or .farleft.yml license was found',
        suggestion: 'Add the license text as LICENSE (or LICENSES/<id>.txt), or set `license:` in .farleft.yml',
      });
    return drafts;
  },
};
