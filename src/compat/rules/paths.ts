// Per-license rules where a license text speaks to a pair: a copyleft component that may
// go out under another license (LGPL §3, MPL-2.0 Secondary Licenses, CC BY-SA 4.0 -> GPLv3,
// EUPL's compatible licenses, later versions with the same terms) or keep its own license
// inside the combination (GPLv3 §13 <-> AGPLv3, MPL-2.0 Larger Work, the OFL's bundling). They
// turn a copyleft's "incompatible" into "compatible" for the outbound licenses named.
import type { Reach } from '../profile.js';
import type { Context } from '../index.js';

export interface PathRule {
  /** Inbound ids, as the catalog writes them (versions "or later" are expanded before). */
  readonly from: readonly string[];
  /** Outbound ids (single versions), or every outbound license whose copyleft reaches no further than these. */
  readonly to: readonly string[] | { readonly reach: readonly Reach[] };
  /** 'relicense': the part may go out under the outbound license; 'combine': it keeps its own inside the whole. */
  readonly kind: 'relicense' | 'combine';
  /** Whose clause grants it. */
  readonly by: 'inbound' | 'outbound';
  /** A clause key of that license (licenses/*.yaml `clauses`), or the clause as written. */
  readonly clause: string;
  readonly text: string;
  readonly plain: string;
  readonly conditions?: readonly string[];
  /** A permission that depends on a notice farleft cannot see (EPL-2.0 Secondary Licenses). */
  readonly verdict?: 'compatible' | 'review';
  /** Where it applies (default: every context where the copyleft would reach). */
  readonly contexts?: readonly Context[];
  /** A relicensing that also reaches later versions of the outbound license (so an "or later" work stays so). */
  readonly laterVersions?: boolean;
}

const GPL2 = ['GPL-2.0-only'];
const GPL3 = ['GPL-3.0-only'];
const LGPL2 = ['LGPL-2.0-only', 'LGPL-2.1-only'];

export const PATHS: readonly PathRule[] = [
  {
    from: LGPL2,
    to: [...GPL2, ...GPL3],
    kind: 'relicense',
    by: 'inbound',
    clause: 'convert-to-gpl',
    text: 'any copy of the library may be put under GPL version 2 or, at your option, a later version instead',
    laterVersions: true,
    plain: 'The LGPL lets anyone turn its code into GPL code, version 2 or later.',
  },
  {
    from: [...LGPL2, 'LGPL-3.0-only'],
    to: ['AGPL-3.0-only'],
    kind: 'combine',
    by: 'inbound',
    clause: 'convert-to-gpl',
    text: 'the library may be put under GPL version 3, which may be combined with AGPL version 3 code (GPL-3.0 §13)',
    plain: 'The LGPL code may become GPL version 3 code, and GPL version 3 expressly allows combining with the AGPL.',
    conditions: ['The LGPL part goes on under GPL-3.0 (LGPL-2.1 §3 / LGPL-3.0 via GPL-3.0 §7); the AGPL network clause (AGPL-3.0 §13) covers the combined work.'],
  },
  {
    from: ['LGPL-3.0-or-later'],
    to: GPL3,
    kind: 'relicense',
    by: 'outbound',
    clause: '§7',
    text: 'LGPL-3.0 or later is GPL-3.0 or later plus additional permissions, and anyone conveying a copy may remove those permissions',
    plain: 'LGPL version 3 or later is GPL version 3 or later with extra permissions, which you may drop.',
    laterVersions: true,
  },
  {
    from: ['LGPL-3.0-only'],
    to: GPL3,
    kind: 'relicense',
    by: 'outbound',
    clause: '§7',
    text: 'LGPL-3.0 is GPL-3.0 plus additional permissions, and anyone conveying a copy may remove those permissions',
    plain: 'LGPL version 3 is GPL version 3 with extra permissions, which you may drop.',
  },
  {
    from: ['GPL-3.0-only'],
    to: ['AGPL-3.0-only'],
    kind: 'combine',
    by: 'outbound',
    clause: 'gpl-combination',
    text: 'a covered work may be combined with a work under GPL version 3; that part stays under the GPL',
    plain: 'The AGPL and the GPL (version 3) expressly allow being combined; each part keeps its own license.',
    conditions: ['The GPL-3.0 part stays under GPL-3.0; the AGPL network clause (AGPL-3.0 §13) covers the combined work.'],
  },
  {
    from: ['AGPL-3.0-only'],
    to: GPL3,
    kind: 'combine',
    by: 'outbound',
    clause: 'agpl-combination',
    text: 'a covered work may be combined with a work under AGPL version 3; that part stays under the AGPL',
    plain: 'The GPL and the AGPL (version 3) expressly allow being combined; each part keeps its own license.',
    conditions: ['The AGPL-3.0 part stays under AGPL-3.0: users who interact with the combined work over a network must be offered its source (AGPL-3.0 §13).'],
  },
  {
    // MPL-2.0 is built to sit inside works under other terms: its conditions stay on its own files.
    from: ['MPL-2.0', 'MPL-2.0-no-copyleft-exception'],
    to: { reach: ['none', 'file', 'library'] },
    kind: 'combine',
    by: 'inbound',
    clause: 'larger-work',
    text: 'a Larger Work may be distributed under terms of your choice, provided the MPL-covered files keep to the MPL',
    plain: 'MPL 2.0 expressly allows its files inside a larger work under other terms; only the MPL files themselves stay MPL.',
    conditions: ['The MPL-2.0 files stay under MPL-2.0: keep their notices and make their source available (MPL-2.0 §3.1-§3.3).'],
    contexts: ['bundle'],
  },
  {
    // Fonts are bundled with software and used to make documents, not merged into them (the FSF calls
    // the OFL GPL-incompatible, "not a problem in practice since fonts aren't usually combined with programs").
    from: ['OFL-1.1', 'OFL-1.1-RFN', 'OFL-1.1-no-RFN', 'OFL-1.0', 'OFL-1.0-RFN', 'OFL-1.0-no-RFN'],
    to: { reach: ['none', 'file', 'library', 'strong', 'network'] },
    kind: 'combine',
    by: 'inbound',
    clause: 'bundling',
    text: 'the fonts may be bundled and distributed with any software, provided each copy carries their copyright notice and license; the font files stay under it',
    plain: 'The OFL lets fonts be bundled with software under any license, and a document made with them is not covered by it; only the font files themselves stay under the OFL.',
    conditions: [
      'The fonts are not sold by themselves (condition 1). Merged into a program\'s own code rather than kept as font files, a font would bring its terms into that code.',
    ],
    contexts: ['bundle', 'link'],
  },
  {
    from: ['MPL-2.0'],
    to: [...GPL2, ...GPL3, 'LGPL-2.1-only', 'LGPL-3.0-only', 'AGPL-3.0-only'],
    kind: 'relicense',
    by: 'inbound',
    clause: 'secondary-licenses',
    text: 'in a Larger Work with code under a Secondary License (GPL 2.0, LGPL 2.1, AGPL 3.0 or later versions) the MPL code may also be distributed under that license',
    laterVersions: true,
    plain: 'MPL 2.0 names the GNU licenses as "Secondary Licenses": combined with GNU-licensed code, MPL code may go out under the GNU license too.',
    conditions: ['The MPL-2.0 files stay available under MPL-2.0 as well (MPL-2.0 §3.3).'],
  },
  {
    from: ['EPL-2.0'],
    to: [...GPL2, ...GPL3],
    kind: 'relicense',
    by: 'inbound',
    clause: 'secondary-licenses',
    text: 'the code may go out under GPL version 2 or later only if its notice (Exhibit A) names that license as a Secondary License',
    plain: 'EPL 2.0 code may be combined with GPL code only if its authors named the GPL as a "Secondary License" in the notice: check the notice.',
    verdict: 'review',
  },
  {
    from: ['CC-BY-SA-4.0'],
    to: GPL3,
    kind: 'relicense',
    by: 'inbound',
    clause: '§3(b)(1), §1(c)',
    text: 'adapted material may be shared under a BY-SA Compatible License, and Creative Commons declared GPL version 3 one (2015) - in one direction only',
    plain: 'Creative Commons declared GPL version 3 compatible with CC BY-SA 4.0 in one direction: BY-SA 4.0 material may go into a GPLv3 work, not the reverse.',
  },
  ...ccLaterVersions('CC-BY-SA', ['2.0', '2.5', '3.0', '4.0']),
  ...ccLaterVersions('CC-BY-NC-SA', ['2.0', '2.5', '3.0', '4.0']),
  {
    from: ['EUPL-1.2'],
    to: [...GPL2, ...GPL3, 'AGPL-3.0-only', 'LGPL-2.1-only', 'LGPL-3.0-only', 'MPL-2.0', 'EPL-1.0', 'OSL-2.1', 'OSL-3.0', 'CeCILL-2.0', 'CeCILL-2.1', 'CC-BY-SA-3.0', 'LiLiQ-R-1.1', 'LiLiQ-Rplus-1.1'],
    kind: 'relicense',
    by: 'inbound',
    clause: 'compatibility',
    text: 'a derivative work combined with a work under a Compatible Licence listed in the Appendix may be distributed under that licence',
    plain: 'The EUPL lists licenses its code may be combined into; this is one of them.',
    // The Appendix lets the Commission extend the list to later versions of the licences it names.
    laterVersions: true,
  },
  {
    from: ['EUPL-1.1'],
    to: [...GPL2, 'OSL-2.1', 'OSL-3.0', 'EPL-1.0', 'CeCILL-2.0', 'CPL-1.0', 'EUPL-1.2'],
    kind: 'relicense',
    by: 'inbound',
    clause: 'compatibility',
    text: 'a derivative work combined with a work under a Compatible Licence listed in the Appendix (or under a later EUPL) may be distributed under that licence',
    plain: 'EUPL 1.1 lists licenses its code may be combined into; this is one of them.',
    laterVersions: true,
  },
  later('MPL-1.1', ['MPL-2.0'], '§6.2', 'MPL 1.1 code may be used under any later MPL version.'),
  later('CDDL-1.0', ['CDDL-1.1'], 'later-versions', 'CDDL 1.0 code may be used under a later CDDL version, unless its notice forbids it.', [
    'Unless the notice of the CDDL-1.0 code forbids later versions (CDDL-1.0 §4.2).',
  ]),
  later('EPL-1.0', ['EPL-2.0'], '§7', 'EPL 1.0 code may be distributed under a later EPL version.'),
  // IBM published the CPL, then the EPL 1.0, as new versions of its IBM Public License (EPL 2.0 is the Eclipse Foundation's).
  later('IPL-1.0', ['CPL-1.0', 'EPL-1.0'], '§7', 'IPL 1.0 code may be distributed under a later version IBM published: the CPL, then the EPL 1.0.'),
  // IBM, the CPL's Agreement Steward, named the EPL its successor.
  later('CPL-1.0', ['EPL-1.0', 'EPL-2.0'], '§7', 'CPL 1.0 code may be distributed under a later version from its Agreement Steward, which is the EPL.'),
];

function later(from: string, to: string[], clause: string, plain: string, conditions?: string[]): PathRule {
  return {
    from: [from],
    to,
    kind: 'relicense',
    by: 'inbound',
    clause,
    text: 'the code may be distributed under a later version of the license',
    plain,
    ...(conditions ? { conditions } : {}),
  };
}

/** CC share-alike from 2.0 on: adaptations may go out under a later version with the same License Elements. */
function ccLaterVersions(family: string, versions: string[]): PathRule[] {
  return versions.slice(0, -1).map((v, i) => ({
    from: [`${family}-${v}`],
    to: versions.slice(i + 1).map((w) => `${family}-${w}`),
    kind: 'relicense' as const,
    by: 'inbound' as const,
    clause: 'share-alike',
    text: 'adaptations may be shared under a later version of this license with the same License Elements',
    plain: `${family} ${v} material may be adapted under a later ${family} version.`,
  }));
}
