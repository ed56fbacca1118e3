// Licenses the project's own policy refuses.
import { verdictDrafts } from '../verdicts.js';
import type { Rule } from '../types.js';

export const rule: Rule = {
  id: 'policy-denied',
  severity: 'error',
  title: 'A file or dependency is under a license the policy refuses',
  doc:
    'A collective can decide which licenses it never takes in, whatever their legal compatibility: `policy.deny` in ' +
    '.farleft.yml lists license ids or categories (e.g. proprietary, non-commercial). A deny wins over every other rule ' +
    'except an exception written for that path or package, with its reason.',
  fix: 'Remove or replace the component, or add a `policy.exceptions` entry for it (path or package, license, reason) in .farleft.yml.',
  check: (input) => verdictDrafts(input, 'denied'),
};
