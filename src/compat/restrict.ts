// The use layer: an inbound license that restricts who may use it, or how (NC, copyfarleft,
// eligible users, fields of use). Bundled into a work under another license, the
// restriction must travel with the outbound license; whatever the context, the licensee
// must be allowed to use it. The licensee settings decide that or, when they are missing,
// the verdict is `review` and names the setting that would decide it.
import type { LicenseeConfig, LicenseeKind } from '../config.js';
import type { Context } from './index.js';
import { clauseOf, type Profile } from './profile.js';
import { KIND_NAMES, RESTRICTIONS, type LicenseeRule, type Outcome, type Restriction } from './rules/restrictions.js';
import type { Finding } from './finding.js';

export type Setting = 'kind' | 'commercial';

export interface Decision {
  readonly outcome: Outcome;
  /** For a review: the settings that would decide it (none: the setting is given but does not settle the clause). */
  readonly needs: readonly Setting[];
}

/** How the licensee settings decide one restriction. */
export function decide(rule: LicenseeRule, licensee: LicenseeConfig | null): Decision {
  const kind = licensee?.kind;
  const commercial = licensee?.commercial;
  if (rule.byKind) return kind ? { outcome: rule.byKind[kind], needs: [] } : { outcome: 'review', needs: ['kind'] };
  const nonCommercial = rule.nonCommercial ?? 'review';
  const forCommercial = (k: LicenseeKind | undefined): Outcome | undefined => (k ? rule.commercialByKind?.[k] : uniform(rule.commercialByKind));
  if (commercial === false) return { outcome: nonCommercial, needs: [] };
  const ifCommercial = forCommercial(kind);
  if (commercial === true) return ifCommercial ? { outcome: ifCommercial, needs: [] } : { outcome: 'review', needs: ['kind'] };
  // The use is not said: decided only when commercial and non-commercial use agree.
  if (ifCommercial && ifCommercial === nonCommercial) return { outcome: ifCommercial, needs: [] };
  return { outcome: 'review', needs: kind || ifCommercial ? ['commercial'] : ['commercial', 'kind'] };
}

function uniform(table: LicenseeRule['commercialByKind']): Outcome | undefined {
  const values = new Set(Object.values(table ?? {}));
  return values.size === 1 ? [...values][0] : undefined;
}

/** Whether the outbound license passes `r` on to everyone who receives the work. */
export function carries(outbound: Profile, inbound: Profile, r: Restriction): boolean {
  // A work under proprietary terms, or under none, grants recipients nothing the restriction forbids.
  if (!outbound.isPublic) return true;
  const rule = RESTRICTIONS[r];
  if (rule.ownTerms) return outbound.entry?.id === inbound.entry?.id;
  return outbound.restrictions.includes(r) || (rule.carriedBy ?? []).some((s) => outbound.restrictions.includes(s));
}

export const SETTING_HINTS: Readonly<Record<Setting, string>> = {
  kind: '--licensee KIND (licensee.kind in .farleft.yml)',
  commercial: '--commercial or --no-commercial (licensee.commercial in .farleft.yml)',
};

/** Whether the outbound license itself imposes `r` (or a stricter rule) on everyone, the licensee included. */
function shares(outbound: Profile, inbound: Profile, r: Restriction): boolean {
  return outbound.isPublic && carries(outbound, inbound, r);
}

/**
 * The findings of the use layer. `same` is true when both sides are one license. When the
 * outbound license imposes the same restriction, it binds the whole work anyway: an
 * undecided licensee is then a condition, not a review.
 */
export function checkRestrictions(outbound: Profile, inbound: Profile, context: Context, licensee: LicenseeConfig | null, same: boolean): Finding[] {
  const out: Finding[] = [];
  const name = inbound.id;
  const who = describe(licensee);
  const fields: string[] = [];
  let fieldClause = '';
  const dropped: Restriction[] = [];
  for (const r of inbound.restrictions) {
    const rule = RESTRICTIONS[r];
    const cite = { license: inbound.entry?.id ?? name, clause: clauseOf(inbound.entry, rule.clauses) };
    const d = rule.licensee ? decide(rule.licensee, licensee) : null;
    if (context === 'bundle' && !same && !carries(outbound, inbound, r)) {
      dropped.push(r);
      // Say so too when the licensee could not use it anyway (a co-op selling NC work).
      if (d?.outcome === 'fail') out.push(found('incompatible', cite, `${rule.says}; the licensee is ${who}`, `Even on its own, ${name} would not allow your use: you are ${who}.`));
    } else if (!d) {
      fields.push(rule.says);
      fieldClause ||= cite.clause;
    } else if (d.outcome === 'ok') {
      if (rule.whileOk) out.push(condition(`${capital(rule.whileOk)}${cited(cite)}.`));
    } else if (d.outcome === 'fail') {
      out.push(found('incompatible', cite, `${rule.says}; the licensee is ${who}`, `${name} allows ${rule.says}, and you are ${who}.`));
    } else if (d.needs.length === 0) {
      out.push(found('review', cite, `${rule.says}; whether ${who} qualifies is not settled by the kind of licensee alone`, `${name} allows ${rule.says}; whether ${who} qualifies depends on how you are organised${cited(cite)}.`));
    } else {
      const settings = d.needs.map((s) => SETTING_HINTS[s]).join(' and ');
      if (same || shares(outbound, inbound, r)) out.push(condition(`${capital(rule.says)}: this binds you too; set ${settings} to have farleft check it${cited(cite)}.`));
      else out.push(found('review', cite, `${rule.says}; who the licensee is decides it: set ${settings}`, `${name} allows ${rule.says}. Whether you may use it depends on who you are: set ${settings}.`));
    }
  }
  if (dropped.length) {
    const says = dropped.map((r) => RESTRICTIONS[r].says);
    out.push({
      verdict: 'incompatible',
      reasons: dropped.map((r) => ({
        license: inbound.entry?.id ?? name,
        clause: clauseOf(inbound.entry, RESTRICTIONS[r].clauses),
        text: `${RESTRICTIONS[r].says}; a release under ${outbound.id} would pass the ${name} part on without this restriction`,
      })),
      conditions: [],
      plain: [`${name} allows ${says.join('; and ')}. A work released under ${outbound.id} would hand the ${name} part on without ${dropped.length > 1 ? 'these restrictions' : 'that restriction'}.`],
      hints: [],
    });
  }
  if (fields.length) out.push(condition(`Do not use the ${name} part for what it forbids: ${fields.join('; ')}${cited({ license: inbound.entry?.id ?? name, clause: fieldClause })}.`));
  return out;
}

function found(verdict: 'incompatible' | 'review', cite: { license: string; clause: string }, text: string, plain: string): Finding {
  return { verdict, reasons: [{ ...cite, text }], conditions: [], plain: [plain], hints: [] };
}

function condition(text: string): Finding {
  return { verdict: 'compatible', reasons: [], conditions: [text], plain: [], hints: [] };
}

function cited(c: { license: string; clause: string }): string {
  return c.clause ? ` (${c.license} ${c.clause})` : '';
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function describe(licensee: LicenseeConfig | null): string {
  if (!licensee || (licensee.kind === undefined && licensee.commercial === undefined)) return 'an unnamed licensee';
  const kind = licensee.kind ? KIND_NAMES[licensee.kind] : 'a licensee';
  const use = licensee.commercial === undefined ? '' : licensee.commercial ? ' using it commercially' : ' using it non-commercially';
  return kind + use;
}
