// Everything else the scan warns about.
import type { Rule } from '../types.js';

export const rule: Rule = {
  id: 'scan-problem',
  severity: 'warning',
  title: 'The scan found something else to fix',
  doc:
    'Problems the scan reports that no other rule covers: an unclosed REUSE-IgnoreStart, a sidecar whose file is gone, a ' +
    'media file whose metadata is damaged, a license text with several exceptions. Each message says what it is; ' +
    '`farleft scan` shows the same problem with its code.',
  fix: 'Follow the suggestion in the message.',
  codes: 'others',
};
