// One outbound license against one inbound license (each a single id, maybe "or later",
// maybe WITH an exception). The order of the checks is the order of the rules' authority:
// the user's policy, versions, what is known at all, the same license, per-license rules,
// category defaults by context, then the use restrictions.
import type { Catalog, LicenseEntry } from '../catalog/index.js';
import type { LicenseeConfig } from '../config.js';
import { fill, RANK, worst, type Finding } from './finding.js';
import type { Context, Reason } from './index.js';
import { checkPolicy, type PolicyOptions } from './policy.js';
import { clauseOf, parseVersioned, profileOf, compareVersions, sameFamily, versionsFrom, type Profile } from './profile.js';
import { carries, checkRestrictions } from './restrict.js';
import { CONDITION_RULES, REACH_RULES, SPECIAL_RULES, type DefaultRule } from './rules/contexts.js';
import { CLARIFICATIONS, EXCEPTIONS } from './rules/exceptions.js';
import { FURTHER_RESTRICTIONS, OUTBOUND_GROUPS } from './rules/further-restrictions.js';
import { PATHS, type PathRule } from './rules/paths.js';
import { RESTRICTIONS } from './rules/restrictions.js';

export interface PairOptions extends PolicyOptions {
  readonly catalog: Catalog;
  readonly context: Context;
  readonly licensee: LicenseeConfig | null;
}

/** A single license in an expression. */
export interface Leaf {
  readonly license: string;
  readonly exception?: string | undefined;
}

export function evaluatePair(outbound: Leaf, inbound: Leaf, o: PairOptions): Finding {
  // A note on how the work's license reads takes in what the license alone takes in (and says so
  // where that decides: beside the license's own reasons, not before them).
  const note = outbound.exception ? CLARIFICATIONS[outbound.exception] : undefined;
  if (note) {
    const f = evaluatePair({ license: outbound.license }, inbound, o);
    return f.verdict === 'incompatible' ? f : { ...f, reasons: [...f.reasons, { license: outbound.exception!, clause: '', text: note.text }], plain: [...f.plain, note.plain] };
  }
  const denied = checkPolicy(inbound, o);
  if (denied) return denied;
  if (isLater(outbound.license)) return outboundLater(outbound, inbound, o);
  if (isLater(inbound.license)) return inboundLater(outbound, inbound, o);
  return evaluateOne(outbound, inbound, o);
}

/** Two single versions (the "or later" entries count as one version of their own here). */
function evaluateOne(outbound: Leaf, inbound: Leaf, options: PairOptions): Finding {
  const x = profileOf(outbound.license, options.catalog, outbound.exception ?? null);
  // A strong copyleft reaches the code it links with: linking then counts as bundling.
  const o = options.context === 'link' && (x.reach === 'strong' || x.reach === 'network') ? { ...options, context: 'bundle' as const } : options;
  const f = inbound.exception ? inboundException(x, inbound, o) : single(x, profileOf(inbound.license, o.catalog), o);
  // A work offered WITH an exception can take in copyleft code only if that code allows the same exception.
  if (outbound.exception && f.verdict === 'compatible' && f.absorbed && inbound.exception !== outbound.exception)
    return finding('incompatible', [{ license: inbound.license, clause: '', text: `its code does not grant ${outbound.exception}, so the whole could not be offered with it` }], [
      `Your work is offered with the ${outbound.exception}; the ${inbound.license} code does not grant it, so the whole could not keep it.`,
    ]);
  return f;
}

function isLater(id: string): boolean {
  return id.endsWith('-or-later');
}

function reaches(y: Profile, context: Context): boolean {
  return REACH_RULES[context][y.reach].verdict !== 'compatible';
}

/** X-or-later stays X-or-later only if every version of X takes the component, and later ones can too. */
function outboundLater(outbound: Leaf, inbound: Leaf, o: PairOptions): Finding {
  const x = o.catalog.get(outbound.license);
  // Versions matter only where the inbound copyleft reaches the work.
  if (sameFamily(outbound.license, inbound.license) && reaches(profileOf(inbound.license, o.catalog), o.context)) {
    const vx = parseVersioned(outbound.license)!;
    const vy = parseVersioned(inbound.license)!;
    if (vy.orLater && compareVersions(vy.version, vx.version) <= 0 && outbound.exception === inbound.exception)
      return {
        ...finding('compatible', [reason(x, ['later-versions'], `the ${inbound.license} part may follow every version ${outbound.license} offers`)], [
          `Both parts may be used under the same versions, so the whole can stay ${outbound.license}.`,
        ]),
        conditions: conditionsOf(profileOf(inbound.license, o.catalog), o, true),
        absorbed: true,
      };
    if (!vy.orLater || compareVersions(vy.version, vx.version) > 0)
      return finding('incompatible', [reason(x, ['later-versions'], `recipients may choose any version the work offers, and the ${inbound.license} part cannot follow all of them`)], [
        `${outbound.license} lets recipients pick among versions; the ${inbound.license} part does not allow all of them, so the whole could not stay ${outbound.license}.`,
      ]);
  }
  const versions = versionsFrom(outbound.license, o.catalog);
  const all = worst(versions.map((v) => evaluatePair({ ...outbound, license: v }, inbound, o)));
  if (all.verdict !== 'compatible' || !all.pinned) return all;
  return finding('incompatible', [...all.reasons, reason(x, ['later-versions'], `recipients may choose later versions, and the ${inbound.license} part may go under the versions named only`)], [
    ...all.plain,
    `But ${outbound.license} also offers later versions, and the ${inbound.license} part is allowed under the versions named only, so the whole could not stay ${outbound.license}.`,
  ]);
}

/** Y-or-later: the versions that make it work, and say which. */
function inboundLater(outbound: Leaf, inbound: Leaf, o: PairOptions): Finding {
  const y = o.catalog.get(inbound.license);
  if (sameFamily(outbound.license, inbound.license) && outbound.exception === inbound.exception && !checkPolicy({ license: outbound.license }, o)) {
    const vx = parseVersioned(outbound.license)!;
    const vy = parseVersioned(inbound.license)!;
    if (compareVersions(vx.version, vy.version) >= 0) {
      const as = evaluatePair(outbound, { ...inbound, license: outbound.license }, o);
      return {
        ...as,
        reasons: [reason(y, ['later-versions'], `the component may be used under ${outbound.license}, a version it allows`), ...as.reasons],
        plain: [`${inbound.license} lets you follow ${outbound.license}, the license of your work.`, ...as.plain],
        chosen: outbound.license,
      };
    }
  }
  const itself = evaluateOne(outbound, inbound, o);
  if (itself.verdict === 'compatible') return itself;
  const tries = versionsFrom(inbound.license, o.catalog)
    .reverse()
    .map((v) => ({ v, f: evaluatePair(outbound, { ...inbound, license: v }, o) }));
  // The best verdict; among equals, one that does not pin the work to a single version.
  const top = [itself, ...tries.map((t) => t.f)].reduce((a, b) => (RANK[b.verdict] < RANK[a.verdict] || (b.verdict === a.verdict && a.pinned && !b.pinned) ? b : a));
  if (top === itself) return itself;
  const v = tries.find((t) => t.f === top)!.v;
  return {
    ...top,
    reasons: [reason(y, ['later-versions'], `"or later" lets you choose ${v}`), ...top.reasons],
    plain: [`${inbound.license} lets you choose a version: take it under ${v}.`, ...top.plain],
    chosen: inbound.exception ? `${v} WITH ${inbound.exception}` : v,
  };
}

function inboundException(x: Profile, inbound: Leaf, o: PairOptions): Finding {
  const exception = inbound.exception!;
  // An exception is an additional permission: whoever passes the code on may leave it out.
  if (x.entry?.id === inbound.license && !x.exception) {
    const same = single(x, profileOf(inbound.license, o.catalog), o);
    return {
      ...same,
      reasons: [{ license: exception, clause: '', text: `an additional permission to ${inbound.license}, which may be left out when the code is passed on` }, ...same.reasons],
      plain: [`${exception} only adds permissions to ${inbound.license}; the code may go on under ${inbound.license} alone.`, ...same.plain],
      chosen: inbound.license,
    };
  }
  const rule = EXCEPTIONS[exception];
  if (!rule) {
    const without = single(x, profileOf(inbound.license, o.catalog), o);
    if (without.verdict === 'compatible') return without;
    return finding('review', [{ license: exception, clause: '', text: `farleft does not know what this exception permits beyond ${inbound.license}` }], [
      `Without its exception, ${inbound.license} would not fit; ${exception} adds permissions farleft does not know: read it.`,
    ]);
  }
  const f = single(x, profileOf(inbound.license, o.catalog, exception), o, rule.waives);
  const note: Reason = { license: exception, clause: rule.clause, text: rule.text };
  return { ...f, reasons: [note, ...f.reasons], plain: [rule.plain, ...f.plain] };
}

/** Two single licenses, each known to the catalog or not. */
function single(x: Profile, y: Profile, o: PairOptions, waived: readonly string[] = []): Finding {
  const rule = (r: DefaultRule, license: Profile): Finding =>
    finding(r.verdict, [reason(license.entry, r.clauses, fill(r.text, y.id, x.id), license.id)], [fill(r.plain, y.id, x.id)]);
  if (x.standing === 'unknown') return rule(SPECIAL_RULES.unknownOutbound, x);
  if (y.standing === 'none') {
    if (x.standing === 'none') return rule(SPECIAL_RULES.noLicenseBoth, y);
    return rule(o.context === 'aggregate' ? SPECIAL_RULES.noLicenseAggregate : SPECIAL_RULES.noLicense, y);
  }
  if (y.standing === 'unknown') return rule(y.entry?.id === 'NOASSERTION' ? SPECIAL_RULES.noAssertion : SPECIAL_RULES.unknown, y);

  if (x.entry!.id === y.entry!.id && x.exception === y.exception) {
    if (!y.isPublic) return rule(SPECIAL_RULES.sameProprietary, y);
    const same = { ...rule(SPECIAL_RULES.sameLicense, y), conditions: conditionsOf(y, o, true), absorbed: true };
    return worst([same, ...checkRestrictions(x, y, o.context, o.licensee, true)]);
  }
  if (!y.isPublic) return rule(x.isPublic && o.context === 'bundle' ? SPECIAL_RULES.proprietaryInOpen : SPECIAL_RULES.proprietary, y);

  return worst([terms(x, y, o, waived), ...checkRestrictions(x, y, o.context, o.licensee, false), ...(o.context === 'bundle' ? outboundReasons(x, y) : [])]);
}

/** What the copyleft and the conditions of the inbound license say in this context. */
function terms(x: Profile, y: Profile, o: PairOptions, waived: readonly string[]): Finding {
  const context = o.context;
  if (y.category === 'public-domain') return finding('compatible', [reason(y.entry, SPECIAL_RULES.publicDomain.clauses, SPECIAL_RULES.publicDomain.text)], [fill(SPECIAL_RULES.publicDomain.plain, y.id, x.id)]);
  if (y.noDerivatives && context === 'bundle') {
    const r = SPECIAL_RULES.noDerivatives;
    return finding(r.verdict, [reason(y.entry, r.clauses, fill(r.text, y.id, x.id))], [fill(r.plain, y.id, x.id)]);
  }
  const reachRule = REACH_RULES[context][y.reach];
  if (reachRule.verdict !== 'compatible') {
    const path = findPath(x, y, context);
    if (path) return viaPath(path, x, y, o);
    const reasons = [reason(y.entry, reachRule.clauses, fill(reachRule.text, y.id, x.id))];
    const plain = [fill(reachRule.plain, y.id, x.id)];
    // The outbound license's own use restrictions are what the inbound copyleft forbids adding.
    const extra = clauseOf(y.entry, ['no-further-restrictions']);
    if (extra && x.restrictions.length && (y.reach === 'strong' || y.reach === 'network')) {
      reasons.push({ license: y.entry!.id, clause: extra, text: `no further restrictions may be added, and ${x.id} restricts use (${x.restrictions.map((r) => RESTRICTIONS[r].says).join('; ')})` });
      plain.push(`${y.id} also forbids adding restrictions such as ${x.id}'s on top of its own.`);
    }
    return finding(reachRule.verdict, reasons, plain);
  }
  const conflict = context === 'bundle' || context === 'link' ? furtherRestriction(x, y, waived) : null;
  if (conflict) return conflict;
  return {
    ...finding('compatible', [reason(y.entry, reachRule.clauses, fill(reachRule.text, y.id, x.id))], [fill(reachRule.plain, y.id, x.id)]),
    conditions: conditionsOf(y, o, false),
  };
}

function findPath(x: Profile, y: Profile, context: Context): PathRule | undefined {
  const xid = x.entry!.id;
  const yid = y.entry!.id;
  return PATHS.find(
    (p) =>
      p.from.includes(yid) &&
      (p.contexts ?? ['bundle', 'link', 'network']).includes(context) &&
      (Array.isArray(p.to) ? (p.to as readonly string[]).includes(xid) : (p.to as { reach: readonly string[] }).reach.includes(x.reach)),
  );
}

function viaPath(p: PathRule, x: Profile, y: Profile, o: PairOptions): Finding {
  const by = p.by === 'inbound' ? y : x;
  const clause = by.entry?.clauses[p.clause] ?? p.clause;
  const verdict = p.verdict ?? 'compatible';
  const own = conditionsOf(y, o, p.kind === 'relicense');
  return {
    verdict,
    reasons: [{ license: by.entry!.id, clause, text: p.text }],
    conditions: verdict === 'compatible' ? [...(p.conditions ?? []), ...own] : [],
    plain: [p.plain],
    hints: [],
    absorbed: p.kind === 'relicense',
    pinned: p.kind === 'relicense' && !p.laterVersions,
  };
}

/** A permissive component whose conditions the outbound license counts as further restrictions. */
function furtherRestriction(x: Profile, y: Profile, waived: readonly string[]): Finding | null {
  const xid = x.entry!.id;
  const yid = y.entry!.id;
  if (waived.includes(yid)) return null;
  const hit = FURTHER_RESTRICTIONS.find((r) => r.inbound.includes(yid) && r.outbound.some((g) => (OUTBOUND_GROUPS[g] as readonly string[]).includes(xid)));
  if (!hit) return null;
  return finding(
    'incompatible',
    [
      { license: yid, clause: hit.clause, text: hit.text },
      reason(x.entry, ['no-further-restrictions'], `no further restrictions may be added to a work under ${xid}`),
    ].filter((r) => r.clause !== '' || r.license === yid),
    [`${fill(hit.plain, yid, xid)} A work under ${xid} cannot include it.`],
  );
}

/** For a bundle that fails on a use restriction: the outbound license's own no-further-restrictions rule. */
function outboundReasons(x: Profile, y: Profile): Finding[] {
  if (!(x.reach === 'strong' || x.reach === 'network' || x.reach === 'library')) return [];
  if (y.restrictions.every((r) => carries(x, y, r))) return [];
  const clause = clauseOf(x.entry, ['no-further-restrictions']);
  if (!clause) return [];
  return [
    finding(
      'incompatible',
      [{ license: x.entry!.id, clause, text: `no further restrictions may be added to a work under ${x.entry!.id}, and ${y.id} restricts its use` }],
      [`${x.entry!.id} forbids adding restrictions on top of its own (${clause}).`],
    ),
  ];
}

/** The conditions the inbound license puts on a compatible combination in this context. */
function conditionsOf(y: Profile, o: PairOptions, absorbed: boolean): string[] {
  const entry = y.entry;
  if (!entry) return [];
  const out: string[] = [];
  for (const c of CONDITION_RULES) {
    if (!entry.conditions.includes(c.when) || !c.contexts.includes(o.context)) continue;
    if (absorbed && c.when.startsWith('same-license')) continue;
    if (c.when === 'disclose-source' && y.reach === 'none') continue;
    const clause = clauseOf(entry, c.clauses);
    out.push(`${fill(c.text, entry.id, '')}${clause ? ` (${entry.id} ${clause})` : ''}.`);
  }
  return out;
}

function reason(entry: LicenseEntry | null | undefined, keys: readonly string[], text: string, fallback = ''): Reason {
  return { license: entry?.id ?? fallback, clause: clauseOf(entry ?? null, keys), text };
}

function finding(verdict: Finding['verdict'], reasons: Reason[], plain: string[]): Finding {
  return { verdict, reasons, conditions: [], plain, hints: [] };
}
