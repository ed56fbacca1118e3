// Category defaults: how far an inbound license's copyleft reaches in each context, and
// the conditions each of its obligations puts on the combination. `{in}` and `{out}` stand
// for the inbound and outbound licenses. Per-license rules (paths.ts) come first.
import type { Context } from '../index.js';
import type { Reach } from '../profile.js';

export interface DefaultRule {
  readonly verdict: 'compatible' | 'incompatible' | 'review';
  /** Clause keys of the deciding license, the first it has is cited. */
  readonly clauses: readonly string[];
  readonly text: string;
  readonly plain: string;
}

const PERMISSIVE: DefaultRule = {
  verdict: 'compatible',
  clauses: ['notice', 'attribution'],
  text: 'a permissive license: its code may be part of a work under any license if its conditions are met',
  plain: '{in} is permissive: it may be part of a work under any license.',
};

const NOT_CONVEYED: DefaultRule = {
  verdict: 'compatible',
  clauses: ['source', 'share-alike'],
  text: 'running it as a service conveys no copy, so its sharing conditions do not apply',
  plain: 'Running {in} code as a network service is not distributing it, so its sharing conditions are not triggered.',
};

const AGGREGATE: DefaultRule = {
  verdict: 'compatible',
  clauses: ['aggregation', 'collection', 'share-alike'],
  text: 'a separate work shipped alongside it (an aggregate or collection) is not brought under its terms',
  plain: 'Shipped side by side as separate works, each keeps its own license: {in} does not reach your work.',
};

const STRONG_LINKED: DefaultRule = {
  verdict: 'incompatible',
  clauses: ['share-alike'],
  text: 'linking it into a program makes one combined work, which must be released as a whole under {in}',
  plain: 'Linking makes your program and the {in} code one combined work, which {in} requires to be released under {in} as a whole, so it could not stay {out}.',
};

/** The verdict by inbound reach and context when no per-license rule applies. */
export const REACH_RULES: Readonly<Record<Context, Readonly<Record<Reach, DefaultRule>>>> = {
  bundle: {
    none: PERMISSIVE,
    file: {
      verdict: 'incompatible',
      clauses: ['file-copyleft', 'share-alike'],
      text: 'its files may be distributed only under {in}, so they cannot go out under {out}',
      plain: '{in} keeps its own files under {in}, so a release that contains them could not be entirely {out}.',
    },
    library: {
      verdict: 'incompatible',
      clauses: ['linking', 'share-alike'],
      text: 'the library stays under {in}, and a work that contains it must let users relink a changed library; the release cannot be entirely {out}',
      plain: 'Bundled into your release, the {in} library keeps its own license and its relinking conditions reach your whole work, so the release could not be entirely {out}.',
    },
    strong: {
      verdict: 'incompatible',
      clauses: ['share-alike'],
      text: 'a work that contains it must be released as a whole under {in}',
      plain: '{in} is a strong copyleft (share-alike) license: a work that includes it must be released as a whole under {in}, so the result could not stay {out}.',
    },
    network: {
      verdict: 'incompatible',
      clauses: ['share-alike', 'network'],
      text: 'a work that contains it must be released as a whole under {in}, with source offered to its network users too',
      plain: '{in} is a network copyleft: a work that includes it must be released as a whole under {in}, so the result could not stay {out}.',
    },
  },
  link: {
    none: PERMISSIVE,
    file: {
      verdict: 'compatible',
      clauses: ['file-copyleft', 'share-alike'],
      text: 'its copyleft covers only its own files, which stay under {in}',
      plain: 'Used as a separate component, {in} keeps its conditions on its own files.',
    },
    library: {
      verdict: 'compatible',
      clauses: ['linking'],
      text: 'a program that only uses the library by linking may be under any terms, if users can replace the library with a changed version',
      plain: 'A program under any license may link the {in} library, as long as users can swap in a changed version of the library.',
    },
    strong: STRONG_LINKED,
    network: STRONG_LINKED,
  },
  network: {
    none: NOT_CONVEYED,
    file: NOT_CONVEYED,
    library: NOT_CONVEYED,
    strong: NOT_CONVEYED,
    network: {
      verdict: 'incompatible',
      clauses: ['network'],
      text: 'users who interact with it over a network must be offered the source of the whole work, under {in}',
      plain: '{in} reaches network use: everyone who uses the service must be offered the source of the whole work under {in}, so your work could not stay {out}.',
    },
  },
  aggregate: { none: AGGREGATE, file: AGGREGATE, library: AGGREGATE, strong: AGGREGATE, network: AGGREGATE },
};

/** Rules for what the reach alone does not say. */
export const SPECIAL_RULES = {
  publicDomain: {
    verdict: 'compatible',
    clauses: ['waiver'],
    text: 'dedicated to the public domain (or as near as the law allows): no conditions',
    plain: '{in} puts no conditions on its use.',
  },
  sameLicense: {
    verdict: 'compatible',
    clauses: ['share-alike', 'notice'],
    text: 'the same license on both sides: its terms hold for the whole',
    plain: 'Both are under {in}, so its terms simply apply to the whole.',
  },
  sameProprietary: {
    verdict: 'review',
    clauses: [],
    text: 'two sets of proprietary terms are separate agreements, even under the same name',
    plain: 'Proprietary terms are agreements with each owner: the same name on both does not make them the same terms. Read both.',
  },
  noDerivatives: {
    verdict: 'incompatible',
    clauses: ['no-derivatives'],
    text: 'adapted material may not be shared, and a release under {out} would let recipients adapt it',
    plain: '{in} forbids sharing adaptations: it cannot become part of a work under {out}, though it may travel alongside it unchanged.',
  },
  proprietaryInOpen: {
    verdict: 'incompatible',
    clauses: [],
    text: 'its terms are not a public license that lets it be shared under {out}',
    plain: '{in} is not a public license: its owner has not allowed it to be shared under {out}.',
  },
  proprietary: {
    verdict: 'review',
    clauses: [],
    text: 'its terms are particular to its owner; farleft cannot tell what they allow',
    plain: '{in} is a proprietary license: only its own text (or its owner) can say whether this is allowed.',
  },
  noLicense: {
    verdict: 'incompatible',
    clauses: [],
    text: 'no license is granted: nobody may copy, change or share it without the owner\'s permission',
    plain: '{in} means no license was granted, so nobody may use it in another work without the owner\'s permission.',
  },
  noLicenseAggregate: {
    verdict: 'review',
    clauses: [],
    text: 'no license is granted: shipping it even alongside your work needs the owner\'s permission',
    plain: '{in} means no license was granted: you may ship it alongside your work only with its owner\'s permission.',
  },
  noLicenseBoth: {
    verdict: 'review',
    clauses: [],
    text: 'neither side grants a license: if one owner holds both, none is needed; otherwise ask the owner',
    plain: 'Neither side has a license. That is fine if the same owner holds both; otherwise you need the owner\'s permission.',
  },
  unknown: {
    verdict: 'review',
    clauses: [],
    text: 'farleft does not know this license, so it cannot tell what it allows',
    plain: 'farleft does not know the terms of {in}: find out its license before relying on it.',
  },
  noAssertion: {
    verdict: 'review',
    clauses: [],
    text: 'its license could not be determined (NOASSERTION: none is stated, or it is stated in terms farleft cannot name), so nothing can be decided',
    plain: 'farleft could not determine its license (none is stated, or its terms name no license farleft knows): read them before relying on it.',
  },
  unknownOutbound: {
    verdict: 'review',
    clauses: [],
    text: 'the outbound license is not known, so nothing can be decided',
    plain: 'farleft does not know the terms of {out}, the license of your work.',
  },
} as const satisfies Record<string, DefaultRule>;

export interface ConditionRule {
  /** An entry of the catalog's `conditions` vocabulary. */
  readonly when: string;
  readonly contexts: readonly Context[];
  readonly clauses: readonly string[];
  readonly text: string;
}

/** The conditions of a compatible combination, from the inbound license's conditions. */
export const CONDITION_RULES: readonly ConditionRule[] = [
  { when: 'include-notice', contexts: ['bundle', 'link', 'aggregate'], clauses: ['notice', 'attribution'], text: "Keep {in}'s copyright and license notices with the {in} part" },
  { when: 'attribution', contexts: ['bundle', 'link', 'aggregate'], clauses: ['attribution'], text: 'Credit the authors of the {in} part as {in} asks' },
  { when: 'state-changes', contexts: ['bundle'], clauses: ['state-changes'], text: 'Mark the changes you make to the {in} part' },
  { when: 'disclose-source', contexts: ['bundle', 'aggregate'], clauses: ['source'], text: 'Offer the source code of the {in} part to everyone you give it to' },
  { when: 'disclose-source', contexts: ['link'], clauses: ['source'], text: 'If you distribute the {in} part with your work, offer its source code too' },
  { when: 'network-disclose-source', contexts: ['network'], clauses: ['network'], text: 'Offer the source of the {in} part to everyone who uses the service' },
  { when: 'same-license-file', contexts: ['bundle', 'link', 'aggregate'], clauses: ['file-copyleft', 'share-alike'], text: 'The {in} files stay under {in}' },
  { when: 'same-license-library', contexts: ['link', 'aggregate'], clauses: ['linking', 'share-alike'], text: 'The {in} library stays under {in}; let users replace it with a changed version' },
  { when: 'same-license', contexts: ['link', 'network', 'aggregate'], clauses: ['share-alike'], text: 'The {in} part stays under {in}' },
];
