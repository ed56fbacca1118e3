// The copyfarleft, non-commercial and proprietary rows, worked out clause by clause from the
// texts in /work/shared/corpus/licenses (bundle context, licensee not set). c = compatible,
// i = incompatible, r = review. The reasoning, row by row:
// - PPL §4(a), CNPL "Restrictions ¶1", NVPL "Restrictions ¶1", Hippocratic-2.1 "Notice": their
//   own files go out only under themselves, so as components they fit only the same license.
// - Each accepts permissive and public-domain code (which lets any terms cover it), and MPL-2.0
//   files under MPL-2.0 §3.3; none accepts the GPL family or CC BY-SA (whole-work share-alike,
//   which also forbids their restrictions as further restrictions).
// - A component's use restriction must travel with the outbound license: CC's NonCommercial
//   allows no commercial use at all (no co-op exception), so only NC licenses carry it; the
//   ACSL's eligible-user list (§2-§4) is its own; the CNPL's harms list is not in the PPL.
// - CC BY-NC-SA: its ShareAlike (4.0 §3(b), 3.0 §4(b)) takes only BY-NC-SA (later versions);
//   BY-NC material may go into it (same NC restriction), nothing copyleft from outside.
// - UNLICENSED (all rights reserved) passes nothing on, so a restricted component's rule falls
//   on the licensee alone: review until --licensee / --commercial say who uses it.
import { describe, expect, it } from 'vitest';
import type { LicenseeConfig } from '../../src/config.js';
import { verdict } from './helpers.js';

const COLUMNS = ['MIT', 'Apache-2.0', 'CC0-1.0', 'CC-BY-4.0', 'MPL-2.0', 'LGPL-2.1-only', 'GPL-3.0-only', 'AGPL-3.0-only', 'CC-BY-SA-4.0', 'CC-BY-NC-4.0', 'CC-BY-NC-SA-4.0', 'PPL', 'LicenseRef-CNPL-7.0', 'LicenseRef-ACSL-1.4', 'LicenseRef-NVPL-7.0', 'Hippocratic-2.1', 'UNLICENSED'];

//                                   MIT Apa CC0 BY  MPL LGP GPL AGP BSA BNC NSA PPL CNP ACS NVP HIP UNL
const ROWS: [string, string][] = [
  ['PPL', '                           c   c   c   c   c   i   i   i   i   i   i   c   i   i   i   i   i'],
  ['LicenseRef-CNPL-7.0', '           c   c   c   c   c   i   i   i   i   i   i   i   c   i   i   i   i'],
  ['LicenseRef-CNPL-5.0', '           c   c   c   c   c   i   i   i   i   i   i   i   i   i   i   i   i'],
  ['LicenseRef-ACSL-1.4', '           c   c   c   c   c   i   i   i   i   i   i   i   i   c   i   i   i'],
  ['LicenseRef-NVPL-7.0', '           c   c   c   c   c   i   i   i   i   i   i   i   i   i   c   i   i'],
  ['Hippocratic-2.1', '               c   c   c   c   c   i   i   i   i   i   i   i   i   i   i   c   i'],
  ['CC-BY-NC-SA-4.0', '               c   c   c   c   i   i   i   i   i   c   c   i   i   i   i   i   i'],
  ['CC-BY-NC-SA-3.0', '               c   c   c   c   i   i   i   i   i   c   i   i   i   i   i   i   i'],
  ['CC-BY-NC-4.0', '                  c   c   c   c   c   i   i   i   i   c   i   i   i   i   i   i   i'],
  ['UNLICENSED', '                    c   c   c   c   c   i   i   i   i   r   i   i   i   r   i   i   r'],
];

const WORD = { c: 'compatible', i: 'incompatible', r: 'review' } as const;

describe('copyfarleft, NC and proprietary rows (bundle, licensee not set)', () => {
  const cells = ROWS.flatMap(([outbound, row]) => row.trim().split(/\s+/).map((mark, i) => [outbound, COLUMNS[i]!, WORD[mark as keyof typeof WORD]] as const));
  it('the table covers every column', () => {
    for (const [, row] of ROWS) expect(row.trim().split(/\s+/)).toHaveLength(COLUMNS.length);
  });
  it.each(cells)('%s <- %s: %s', (outbound, inbound, expected) => {
    const v = verdict(outbound, inbound);
    expect(v.verdict).toBe(expected);
    expect(v.reasons.length).toBeGreaterThan(0);
  });
});

describe('who the licensee is (a work under MIT shipping the component alongside)', () => {
  const LICENSEES: [string, LicenseeConfig | null][] = [
    ['not set', null],
    ['co-op, commercial', { kind: 'worker-cooperative', commercial: true }],
    ['co-op, non-commercial', { kind: 'worker-cooperative', commercial: false }],
    ['company', { kind: 'company' }],
    ['individual, non-commercial', { kind: 'individual', commercial: false }],
    ['individual, commercial', { kind: 'individual', commercial: true }],
    ['non-profit, commercial', { kind: 'nonprofit', commercial: true }],
    ['public body, non-commercial', { kind: 'public-body', commercial: false }],
  ];
  //                                 none cc+ cc- co  in- in+ np+ pb-
  const TABLE: [string, string][] = [
    // PPL §4(b)-(d): non-commercial use for all but capitalist firms; commercial use for worker-owned businesses only.
    ['PPL', '                          r    c   c   i   c   r   r   c'],
    // CNPL "Commercial Restrictions": the same rule (its harms list is a condition, not a licensee setting).
    ['LicenseRef-CNPL-7.0', '          r    c   c   i   c   r   r   c'],
    // ACSL §2-§4: a list of eligible users, who may also sell; a public body is on it only as a school or non-profit.
    ['LicenseRef-ACSL-1.4', '          r    c   c   i   c   c   c   r'],
    // CC BY-NC-SA 4.0 §1(k), §2(a)(1): non-commercial use by anyone, commercial use by no one.
    ['CC-BY-NC-SA-4.0', '              r    i   c   r   c   i   i   c'],
  ];
  const cells = TABLE.flatMap(([inbound, row]) => row.trim().split(/\s+/).map((mark, i) => [inbound, LICENSEES[i]![0], LICENSEES[i]![1], WORD[mark as keyof typeof WORD]] as const));
  it.each(cells)('%s, licensee %s: %s', (inbound, _, licensee, expected) => {
    expect(verdict('MIT', inbound, { context: 'aggregate', licensee }).verdict).toBe(expected);
  });
});
