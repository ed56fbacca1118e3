// Files and dependencies whose license the project's license cannot include.
import { verdictDrafts } from '../verdicts.js';
import type { Rule } from '../types.js';

export const rule: Rule = {
  id: 'incompatible',
  severity: 'error',
  title: 'A file or dependency is under a license incompatible with the project\'s',
  doc:
    'farleft checks the project\'s own (outbound) license against the license of every file (bundled into the work) and ' +
    'every installed dependency (linked). Incompatible means the two sets of terms cannot both be met, e.g. a ' +
    'GPL-3.0-only file in a Peer Production License project: the GPL forbids the further restriction on commercial ' +
    'use that the PPL adds. Each finding cites the clause that decides; the verdicts depend on .farleft.yml `licensee`.',
  fix: 'Remove or replace the component, ask its authors for a compatible license, or change how it is used; `farleft compat OUTBOUND INBOUND` explains each verdict.',
  check: (input) => verdictDrafts(input, 'incompatible'),
};
