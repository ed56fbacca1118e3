// Files without a copyright notice.
import { targetFiles } from '../facts.js';
import type { Rule } from '../types.js';

export const rule: Rule = {
  id: 'missing-copyright',
  severity: 'warning',
  title: 'A file has no copyright notice',
  doc:
    'REUSE asks every covered file to say who holds its copyright (`SPDX-FileCopyrightText: 2026 Example Collective`), ' +
    'in the file, in its `.license` sidecar or in REUSE.toml. A notice tells readers whom to ask and whose terms they ' +
    'accept, and many licenses (MIT, BSD, the Peer Production License) require notices to be kept; a file without one ' +
    'is not REUSE compliant.',
  fix: 'Add `SPDX-FileCopyrightText: <year> <holder>` next to the license tag (or in the sidecar or REUSE.toml annotation); `farleft apply --copyright` writes it.',
  check: (input) => targetFiles(input).filter((f) => f.copyright.length === 0).map((f) => ({ file: f.path, line: null, message: 'no copyright notice' })),
};
