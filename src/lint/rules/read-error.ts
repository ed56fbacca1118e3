// Files that could not be read.
import type { Rule } from '../types.js';

/** The scan problems of a file it could not read; `lint --reuse` counts them as REUSE's read errors too. */
export const READ_ERROR_CODES: readonly string[] = ['read-error', 'vanished', 'name-not-utf8'];

export const rule: Rule = {
  id: 'read-error',
  severity: 'error',
  title: 'A file could not be read',
  doc:
    'A file that cannot be read (no permission, removed during the scan, a name that is not UTF-8) may hold licensing information farleft did not ' +
    'see, so the result for it is unknown. REUSE counts read errors against compliance too.',
  fix: 'Make the file readable (check its permissions), or exclude it with --exclude or `exclude:` in .farleft.yml.',
  codes: READ_ERROR_CODES,
};
