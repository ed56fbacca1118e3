// Combinations farleft cannot decide.
import { verdictDrafts } from '../verdicts.js';
import type { Rule } from '../types.js';

export const rule: Rule = {
  id: 'needs-review',
  severity: 'warning',
  title: 'A license combination needs a human decision',
  doc:
    'Some combinations depend on facts farleft cannot know: who the licensee is (a worker co-operative or a company), ' +
    'whether use is commercial, how a component is linked, or a license farleft cannot read. farleft then says review ' +
    'with the reasons instead of guessing. Deciding once and recording it keeps the question from coming back.',
  fix: 'Read the reasons, decide, and record the decision: `licensee:` or a `policy.exceptions` entry (with its reason) in .farleft.yml.',
  check: (input) => verdictDrafts(input, 'review'),
};
