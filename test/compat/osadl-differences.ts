// Every pair where farleft's bundle verdict differs from the OSADL matrix's Yes/No
// (/work/shared/corpus/osadl-matrix.json, OSADL eG, CC-BY-4.0; the data is not shipped),
// with the reason. The cross-check (osadl.test.ts) fails on a difference missing here, and
// on an entry here that no longer matches a difference.

export interface Difference {
  /** Outbound (OSADL's "leading") ids, or '*' for any. */
  readonly outbound: '*' | readonly string[];
  /** Inbound ("subordinate") ids. */
  readonly inbound: readonly string[];
  /** What OSADL says; farleft says the other. */
  readonly osadl: 'Yes' | 'No';
  readonly reason: string;
}

const GPL3_FAMILY = ['GPL-3.0-only', 'GPL-3.0-or-later', 'LGPL-3.0-only', 'LGPL-3.0-or-later', 'AGPL-3.0-only', 'AGPL-3.0-or-later'];

export const OSADL_DIFFERENCES: readonly Difference[] = [
  {
    outbound: '*',
    inbound: ['MPL-2.0', 'MPL-2.0-no-copyleft-exception'],
    osadl: 'No',
    reason:
      'MPL-2.0 §3.3 lets a Larger Work go out under terms of your choice while the MPL files stay MPL (file-level conditions), ' +
      'for any outbound license whose own copyleft does not claim those files. The "no copyleft exception" notice only removes ' +
      'the Secondary License option, not §3.3. OSADL counts a component that keeps its own license as not compatible.',
  },
  {
    outbound: GPL3_FAMILY,
    inbound: ['Minpack'],
    osadl: 'No',
    reason:
      'Minpack clause 3 lets the acknowledgment appear in the software itself, which GPLv3 §7(b) accepts as an author attribution; ' +
      'OSADL rates XFree86-1.1, whose clause 3 reads the same, compatible with GPLv3.',
  },
  {
    outbound: ['LGPL-2.1-only', 'LGPL-2.1-or-later', 'LGPL-3.0-only', 'LGPL-3.0-or-later'],
    inbound: ['LGPL-2.0-or-later'],
    osadl: 'No',
    reason: 'LGPL 2.1 declares itself the successor of the Library GPL version 2 ("hence the version number 2.1"), so "LGPL-2.0 or any later version" reaches it, and LGPL 3.',
  },
  {
    outbound: ['AGPL-3.0-only', 'AGPL-3.0-or-later'],
    inbound: ['LGPL-2.0-only', 'LGPL-2.0-or-later'],
    osadl: 'No',
    reason: 'LGPL-2.0 §3 lets the library go under GPL version 2 "or a newer version", so GPL-3.0, which GPL-3.0 §13 lets combine with AGPL-3.0 (OSADL rates LGPL 2.1, whose §3 reads the same, "check dependency").',
  },
  {
    outbound: ['GPL-2.0-or-later'],
    inbound: ['EUPL-1.1'],
    osadl: 'Yes',
    reason: 'The EUPL-1.1 compatible licences name GPL version 2 only, so the whole could not be offered under later GPL versions.',
  },
  {
    outbound: ['GPL-2.0-only WITH Classpath-exception-2.0'],
    inbound: ['EUPL-1.1'],
    osadl: 'Yes',
    reason: 'EUPL-1.1 code may go out under GPL-2.0 (its Appendix), but not with the Classpath exception, so the whole could not keep the exception (OSADL rates LGPL-2.1, which also converts to plain GPL, No).',
  },
  {
    outbound: ['CDDL-1.1'],
    inbound: ['CDDL-1.0'],
    osadl: 'No',
    reason: 'CDDL-1.0 §4.2 lets the code be used under any later version the license steward publishes, unless its notice forbids it (farleft lists that as a condition).',
  },
  {
    outbound: ['CPL-1.0'],
    inbound: ['EUPL-1.1'],
    osadl: 'No',
    reason: 'The EUPL-1.1 Appendix lists CPL-1.0 among its Compatible Licences (Art. 5).',
  },
  {
    outbound: ['IPL-1.0'],
    inbound: ['CPL-1.0', 'EPL-1.0'],
    osadl: 'Yes',
    reason: 'The CPL and the EPL are later versions of the IPL; nothing lets CPL or EPL code go back under the IPL, and their files stay under their own license (CPL/EPL §3).',
  },
  {
    outbound: ['EUPL-1.2'],
    inbound: ['MPL-2.0'],
    osadl: 'Yes',
    reason: 'MPL-2.0 names only the GNU licenses as Secondary Licenses, and the EUPL copyleft (Art. 5) would claim the MPL files; the EUPL compatibility clause works the other way (EUPL code into an MPL work).',
  },
  {
    outbound: ['MPL-1.1'],
    inbound: ['Apache-2.0'],
    osadl: 'No',
    reason: 'Apache-2.0 lets its code be part of a work under any license (§4), and MPL-1.1 covers only its own files: farleft finds no conflict in either text.',
  },
];

/** Ids in the OSADL matrix that farleft's catalog does not know: `review` by rule, never compatible. */
export const NOT_IN_CATALOG = ['LicenseRef-scancode-ppp', 'LicenseRef-scancode-info-zip-2003-05'];

export function findDifference(outbound: string, inbound: string, osadl: 'Yes' | 'No'): Difference | undefined {
  return OSADL_DIFFERENCES.find((d) => d.osadl === osadl && d.inbound.includes(inbound) && (d.outbound === '*' || d.outbound.includes(outbound)));
}
