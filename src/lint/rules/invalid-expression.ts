// License declarations that are not valid SPDX expressions.
import type { Rule } from '../types.js';

export const rule: Rule = {
  id: 'invalid-expression',
  severity: 'error',
  title: 'A license declaration is not a valid SPDX expression',
  doc:
    'An SPDX-License-Identifier tag, a REUSE.toml or dep5 entry or a manifest license field must hold an SPDX license ' +
    'expression: license ids (MIT, PPL, LicenseRef-<name>) joined with AND, OR and WITH. Anything else (a license name ' +
    'in prose, "MIT/Apache", an empty value) cannot be read by tools, so the file counts as unlicensed and REUSE calls ' +
    'the project non-compliant.',
  fix: 'Write a valid SPDX expression (https://spdx.org/licenses/), e.g. `MIT OR Apache-2.0`; use LicenseRef-<name> for a license SPDX does not list.',
  codes: ['invalid-expression', 'invalid-license-field', 'empty-license'],
};
