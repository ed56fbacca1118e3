// A finding: one rule's say on a pair, before the findings are merged into a verdict.
import type { Reason, VerdictKind } from './index.js';

export interface Finding {
  readonly verdict: VerdictKind;
  readonly reasons: readonly Reason[];
  readonly conditions: readonly string[];
  /** Sentences for the plain-language explanation. */
  readonly plain: readonly string[];
  /** What would change the verdict (another context, a licensee setting). */
  readonly hints: readonly string[];
  /** The inbound expression as it is to be taken, when a choice was made (OR, "or later"). */
  readonly chosen?: string;
  /** The inbound part goes out under the outbound license itself (same license, relicensed). */
  readonly absorbed?: boolean;
  /** It goes out under this version of the outbound license only, not later ones. */
  readonly pinned?: boolean;
}

export const RANK: Readonly<Record<VerdictKind, number>> = { compatible: 0, review: 1, incompatible: 2 };

/** Every finding must pass: the worst verdict, with the reasons that led to it. */
export function worst(findings: readonly Finding[]): Finding {
  if (findings.length === 0) return { verdict: 'compatible', reasons: [], conditions: [], plain: [], hints: [] };
  const verdict = findings.reduce<VerdictKind>((w, f) => (RANK[f.verdict] > RANK[w] ? f.verdict : w), 'compatible');
  const deciding = verdict === 'compatible' ? findings : findings.filter((f) => f.verdict === verdict);
  const chosen = findings.map((f) => f.chosen).find((c) => c !== undefined);
  return {
    verdict,
    reasons: unique(deciding.flatMap((f) => f.reasons), (r) => `${r.license}\u0000${r.clause}\u0000${r.text}`),
    conditions: verdict === 'compatible' ? unique(findings.flatMap((f) => f.conditions)) : [],
    plain: unique(deciding.flatMap((f) => f.plain)),
    hints: unique(findings.flatMap((f) => f.hints)),
    ...(chosen !== undefined ? { chosen } : {}),
    absorbed: findings.some((f) => f.absorbed),
    pinned: findings.some((f) => f.pinned),
  };
}

/** The first finding with the best verdict. */
export function best(findings: readonly Finding[]): Finding {
  let top = findings[0]!;
  for (const f of findings) if (RANK[f.verdict] < RANK[top.verdict]) top = f;
  return top;
}

export function unique<T>(items: readonly T[], key: (t: T) => string = String): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Fills `{in}` and `{out}` in a rule's text. */
export function fill(template: string, inbound: string, outbound: string): string {
  return template.replaceAll('{in}', inbound).replaceAll('{out}', outbound);
}
