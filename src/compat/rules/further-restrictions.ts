// Permissive licenses with a condition that the GPL family and the EUPL count as a
// "further restriction" (GPL-2.0 §6, GPL-3.0 §7 and §10, EUPL-1.2 Art. 5): a work under
// one of those licenses cannot include them. Which outbound licenses refuse which
// condition follows the license texts as the FSF and OSADL read them.

/** Outbound licenses that forbid further restrictions, by the version of their rule. */
export const OUTBOUND_GROUPS = {
  'gpl-2': ['GPL-1.0-only', 'GPL-2.0-only', 'LGPL-2.0-only', 'LGPL-2.1-only'],
  'gpl-3': ['GPL-3.0-only', 'LGPL-3.0-only', 'AGPL-3.0-only'],
  eupl: ['EUPL-1.1', 'EUPL-1.2'],
} as const;

export type OutboundGroup = keyof typeof OUTBOUND_GROUPS;

export interface FurtherRestrictionRule {
  readonly inbound: readonly string[];
  readonly outbound: readonly OutboundGroup[];
  /** The inbound license's clause that carries the condition. */
  readonly clause: string;
  readonly text: string;
  /** `{in}` stands for the inbound license. */
  readonly plain: string;
}

export const FURTHER_RESTRICTIONS: readonly FurtherRestrictionRule[] = [
  {
    inbound: ['Apache-2.0', 'ECL-2.0'],
    outbound: ['gpl-2'],
    clause: '§3, §9',
    text: 'its patent-termination (§3) and indemnity (§9) terms are further restrictions under GPL version 2; GPL version 3 accepts them',
    plain: "{in}'s patent and indemnity terms are restrictions GPL version 2 does not allow (version 3 does).",
  },
  {
    inbound: ['XFree86-1.1', 'Minpack'],
    outbound: ['gpl-2'],
    clause: 'clause 3',
    text: 'it requires an acknowledgment in the end-user documentation, a further restriction under GPL version 2; GPL version 3 §7(b) accepts such an attribution, which may also appear in the software itself',
    plain: '{in} requires a credit in the documentation, which GPL version 2 does not allow (version 3 does).',
  },
  {
    inbound: ['XFree86-1.1'],
    outbound: ['eupl'],
    clause: 'clause 3',
    text: 'it requires an acknowledgment in the end-user documentation, a term the EUPL does not let a licensee add (Art. 5)',
    plain: '{in} requires a credit in the documentation, which the EUPL does not allow.',
  },
  {
    inbound: ['BSD-4-Clause', 'BSD-4-Clause-UC', 'Apache-1.0', 'OpenSSL'],
    outbound: ['gpl-2', 'gpl-3', 'eupl'],
    clause: 'advertising clause',
    text: 'it requires every advertisement for the product to credit its authors, a further restriction neither GPL version allows',
    plain: "{in}'s advertising clause (every advertisement must credit the authors) is a restriction the GPL and the EUPL do not allow.",
  },
  {
    inbound: ['Apache-1.1'],
    outbound: ['gpl-2', 'gpl-3', 'eupl'],
    clause: 'clauses 3-5',
    text: 'it requires an acknowledgment in the end-user documentation and forbids derived products to use the Apache name, further restrictions under the GPL',
    plain: "{in}'s acknowledgment and naming rules are restrictions the GPL does not allow.",
  },
  {
    inbound: ['PHP-3.01'],
    outbound: ['gpl-2', 'gpl-3'],
    clause: 'clauses 3-4',
    text: 'it forbids derived products to use the PHP name without permission, a further restriction under the GPL',
    plain: "{in}'s naming rules are restrictions the GPL does not allow.",
  },
  {
    inbound: ['zlib-acknowledgement', 'FTL'],
    outbound: ['gpl-2', 'gpl-3', 'eupl'],
    clause: 'acknowledgment clause',
    text: 'it requires a credit in the product documentation, a further restriction under the GPL and the EUPL',
    plain: '{in} requires a credit in the product documentation, which the GPL and the EUPL do not allow.',
  },
  {
    inbound: ['Python-2.0'],
    outbound: ['gpl-2', 'gpl-3', 'eupl'],
    clause: 'CNRI licence ¶7',
    text: 'the CNRI licence for Python 1.6b1 in this text is governed by the law of Virginia, a term the GPL does not allow',
    plain: 'Part of the {in} text (the CNRI licence) binds it to Virginia law, a term the GPL does not allow.',
  },
  {
    inbound: ['IJG'],
    outbound: ['eupl'],
    clause: 'condition 2',
    text: 'it requires the documentation of a binary distribution to credit the Independent JPEG Group, a term the EUPL does not let a licensee add (Art. 5)',
    plain: '{in} requires a credit in the documentation, which the EUPL does not allow.',
  },
];
