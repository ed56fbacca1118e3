// Sources that disagree about a license.
import type { Rule } from '../types.js';

export const rule: Rule = {
  id: 'declared-conflict',
  severity: 'error',
  title: 'Two sources declare different licenses',
  doc:
    'The manifest says one license and the LICENSE text another; the README names a third; the file headers all say ' +
    'something else than the project claims; a media file\'s embedded metadata contradicts its sidecar; a project ' +
    'uses both REUSE.toml and .reuse/dep5. At least one of them is wrong, and a reader cannot tell which terms apply.',
  fix: 'Decide which license applies and correct the other source (the message names both, with file and line).',
  codes: ['declared-conflict', 'dep5-and-reuse-toml'],
};
