// Deprecated SPDX ids, in declarations and in the names of LICENSES/ files.
import { licenseTextFiles } from '../facts.js';
import type { Rule } from '../types.js';

export const rule: Rule = {
  id: 'deprecated-id',
  severity: 'warning',
  title: 'A deprecated SPDX license id is used',
  doc:
    'SPDX deprecates ids that turned out to be ambiguous: `GPL-3.0` does not say whether later versions may be used, ' +
    'so it became `GPL-3.0-only` and `GPL-3.0-or-later`. farleft reads the old id as its replacement, but other tools ' +
    'may not, and REUSE reports a LICENSES/ file named with a deprecated id.',
  fix: 'Write the current id the message names (e.g. GPL-3.0-only or GPL-3.0-or-later instead of GPL-3.0), and rename LICENSES/ files to match.',
  codes: ['deprecated-id'],
  check(input) {
    return licenseTextFiles(input.scan, input.catalog)
      .filter((t) => input.catalog.get(t.id)?.deprecated === true)
      .map((t) => {
        const replacement = input.catalog.get(t.id)?.replacement;
        return {
          file: t.path,
          line: null,
          message: `named after the deprecated SPDX id ${t.id}`,
          suggestion: replacement ? `Rename it LICENSES/${replacement}.txt (and write ${replacement} in the files that use it)` : null,
        };
      });
  },
};
