// REUSE.toml, dep5 and manifests that cannot be read.
import type { Rule } from '../types.js';

export const rule: Rule = {
  id: 'malformed-file',
  severity: 'error',
  title: 'A licensing file cannot be parsed',
  doc:
    'REUSE.toml, .reuse/dep5 and package manifests say how many files are licensed at once. When one of them is not ' +
    'valid TOML, Debian copyright format or JSON, or uses keys wrongly, every file it should cover is left without ' +
    'licensing information, so the error matters more than its one line suggests.',
  fix: 'Fix the syntax at the line the message names (`farleft scan` reports the same problem).',
  codes: ['invalid-reuse-toml', 'malformed-reuse-toml', 'malformed-dep5', 'malformed-manifest', 'reuse-path-outside'],
};
