// Use restrictions: what a license forbids whoever holds it (non-commercial, worker-owned
// only, eligible users, fields of use), where each license states it, which outbound
// restriction carries it, and how the licensee settings decide it. Data only; the engine
// (../restrict.ts) reads it.
import type { FieldOfUse } from '../../catalog/schema.js';
import type { LicenseeKind } from '../../config.js';

export type Restriction = 'non-commercial' | 'worker-owned-commercial' | 'eligible-users' | FieldOfUse;

export type Outcome = 'ok' | 'fail' | 'review';

type ByKind = Readonly<Record<LicenseeKind, Outcome>>;

/** How `--licensee KIND` and `--commercial` decide a restriction. */
export interface LicenseeRule {
  /** Decided by the kind of licensee, whatever the use. */
  readonly byKind?: ByKind;
  /** Use that is not commercial. */
  readonly nonCommercial?: Outcome;
  /** Commercial use, by the kind of licensee. */
  readonly commercialByKind?: ByKind;
}

export interface RestrictionRule {
  /** Clause keys (licenses/*.yaml `clauses`) to cite, the first the license has. */
  readonly clauses: readonly string[];
  /** The restriction in a few plain words. */
  readonly says: string;
  /** Outbound restrictions that pass this one on as well (itself always does). */
  readonly carriedBy?: readonly Restriction[];
  /** Each license that has it draws its own list (ACSL's eligible users): only the same license carries it. */
  readonly ownTerms?: boolean;
  /** Absent: the licensee settings cannot decide it (a field of use): it is a condition. */
  readonly licensee?: LicenseeRule;
  /** What a licensee who qualifies keeps doing. */
  readonly whileOk?: string;
}

const FIELD = ['field-of-use', 'law-enforcement'];

export const RESTRICTIONS: Readonly<Record<Restriction, RestrictionRule>> = {
  'non-commercial': {
    clauses: ['non-commercial'],
    says: 'no commercial use by anyone, worker co-operatives included',
    licensee: {
      nonCommercial: 'ok',
      commercialByKind: { 'worker-cooperative': 'fail', collective: 'fail', individual: 'fail', nonprofit: 'fail', education: 'fail', company: 'fail', 'public-body': 'fail' },
    },
    whileOk: 'keep every use and copy of it non-commercial',
  },
  'worker-owned-commercial': {
    clauses: ['commercial', 'worker-owned', 'non-commercial'],
    says: 'commercial use only by worker-owned businesses and collectives that share all surplus among their worker-owners',
    carriedBy: ['non-commercial'],
    // Whether a one-person business, a non-profit or a school is a "worker-owned business"
    // depends on how it is owned, which the kind alone does not say.
    licensee: {
      nonCommercial: 'ok',
      commercialByKind: { 'worker-cooperative': 'ok', collective: 'ok', individual: 'review', nonprofit: 'review', education: 'review', company: 'fail', 'public-body': 'fail' },
    },
    whileOk: 'use it commercially only while all surplus goes to the worker-owners',
  },
  'no-capitalist-use': {
    clauses: ['capitalist-use', 'worker-owned', 'eligible-users'],
    says: 'no use at all by a business that profits from the wage labour of employees',
    licensee: { byKind: { 'worker-cooperative': 'ok', collective: 'ok', individual: 'ok', nonprofit: 'ok', education: 'ok', company: 'fail', 'public-body': 'ok' } },
  },
  'eligible-users': {
    clauses: ['eligible-users'],
    says: 'use only by individuals working for themselves, non-profits, educational institutions and organisations whose owners are all its workers',
    ownTerms: true,
    // A public body is on the list only as a school or a non-profit: the kind does not say.
    licensee: { byKind: { 'worker-cooperative': 'ok', collective: 'ok', individual: 'ok', nonprofit: 'ok', education: 'ok', company: 'fail', 'public-body': 'review' } },
    whileOk: 'stay one of the eligible users, and not law enforcement or military',
  },
  'no-military': { clauses: FIELD, says: 'no use by, for or under the military' },
  'no-law-enforcement': { clauses: FIELD, says: 'no use by, for or under law enforcement' },
  'no-war': { clauses: FIELD, says: 'no use in, or to support or profit from, an act of war' },
  'no-harm': { clauses: FIELD, says: 'no use to inflict bodily harm' },
  'no-surveillance': { clauses: FIELD, says: 'no surveillance or tracking of people for profit' },
  'no-incarceration': { clauses: FIELD, says: 'no use for incarceration' },
  'no-fossil-fuels': { clauses: FIELD, says: 'no use to extract or refine oil, gas or coal, or to pollute' },
  'no-child-labour': { clauses: FIELD, says: 'no use to facilitate paid work by children' },
  'no-discrimination': { clauses: FIELD, says: 'no use to discriminate or spread hate speech' },
  'no-human-rights-violations': { clauses: FIELD, says: 'no use that violates human rights laws' },
  'no-nuclear': { clauses: FIELD, says: 'no use in nuclear facilities' },
};

/**
 * Where the catalog's attributes do not say it right. The ACSL lets every eligible user
 * sell the software (§2 lists non-profits, schools and individuals beside worker-owned
 * organisations), so it has no worker-owned-only commercial rule; it excludes capitalist
 * firms (§2(d), §3) and the police and military (§4).
 */
export const RESTRICTION_OVERRIDES: Readonly<Record<string, readonly Restriction[]>> = {
  'LicenseRef-ACSL-1.4': ['eligible-users', 'no-capitalist-use', 'no-military', 'no-law-enforcement'],
};

/** How a licensee kind reads in a sentence. */
export const KIND_NAMES: Readonly<Record<LicenseeKind, string>> = {
  'worker-cooperative': 'a worker co-operative',
  collective: 'a collective',
  individual: 'an individual',
  nonprofit: 'a non-profit',
  education: 'an educational institution',
  company: 'a company that employs wage labour',
  'public-body': 'a public body',
};
