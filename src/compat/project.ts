// Project mode (`farleft compat .`): the project's outbound license against every
// component's license, grouped by verdict. Components are plain (kind, name, license)
// items, so files from a scan and packages from `farleft deps` go through the same path.
import type { LicenseeConfig } from '../config.js';
import type { Problem, ScanResult } from '../types.js';
import { RANK } from './finding.js';
import { evaluate, type Context, type EvaluateOptions, type Verdict, type VerdictKind } from './index.js';

export interface CompatItem {
  readonly kind: 'file' | 'package';
  /** A file's path (relative, '/'), or a package's name (with its version, for display). */
  readonly name: string;
  /** Its license: an SPDX expression, or NONE / NOASSERTION / UNLICENSED. */
  readonly license: string;
  /** A package's name as the policy's per-package exceptions write it. */
  readonly package?: string;
  /** How this component is used, when not as the project's context says (dependencies: usually link). */
  readonly context?: Context;
}

export interface ProjectGroup {
  readonly license: string;
  readonly verdict: Verdict;
  readonly components: readonly { readonly kind: CompatItem['kind']; readonly name: string }[];
}

export interface ProjectCompat {
  readonly schema: 1;
  readonly root: string;
  readonly outbound: string;
  /** Where the outbound license came from. */
  readonly outboundSource: 'option' | 'config' | 'declared';
  readonly context: Context;
  readonly licensee: LicenseeConfig | null;
  /** The worst verdict of any component ('compatible' when there are none). */
  readonly verdict: VerdictKind;
  /** Incompatible first, then review, then compatible; each by license. */
  readonly groups: readonly ProjectGroup[];
  /** Files that need licensing information and have none: not evaluated (see `farleft scan`). */
  readonly unlicensed: readonly string[];
  readonly summary: { readonly components: number; readonly compatible: number; readonly review: number; readonly incompatible: number; readonly unlicensed: number };
  readonly problems: readonly Problem[];
}

export interface ProjectInput {
  readonly root: string;
  readonly outbound: string;
  readonly outboundSource: ProjectCompat['outboundSource'];
  readonly items: readonly CompatItem[];
  readonly unlicensed?: readonly string[];
  readonly problems?: readonly Problem[];
}

export function evaluateProject(input: ProjectInput, options: EvaluateOptions): ProjectCompat {
  const exceptions = options.policy?.exceptions ?? [];
  // A license is evaluated once; a per-path or per-package exception makes its own group.
  const groups = new Map<string, { license: string; verdict: Verdict; components: { kind: CompatItem['kind']; name: string }[] }>();
  for (const item of input.items) {
    const subject = item.kind === 'file' ? { path: item.name } : { package: item.package ?? item.name };
    const context = item.context ?? options.context;
    const key = `${item.license}\u0000${context}${exceptions.length ? `\u0000${item.kind}:${item.kind === 'file' ? item.name : subject.package}` : ''}`;
    let group = groups.get(key);
    if (!group) {
      const verdict = evaluate(input.outbound, item.license, { ...options, context, ...(exceptions.length ? { subject } : {}) });
      group = { license: verdict.inbound, verdict, components: [] };
      groups.set(key, group);
    }
    group.components.push({ kind: item.kind, name: item.name });
  }
  const merged = mergeGroups([...groups.values()]);
  const count = (v: VerdictKind): number => merged.filter((g) => g.verdict.verdict === v).reduce((n, g) => n + g.components.length, 0);
  const verdict = merged.reduce<VerdictKind>((w, g) => (RANK[g.verdict.verdict] > RANK[w] ? g.verdict.verdict : w), 'compatible');
  const unlicensed = [...(input.unlicensed ?? [])].sort(byCodePoint);
  return {
    schema: 1,
    root: input.root,
    outbound: merged[0]?.verdict.outbound ?? input.outbound,
    outboundSource: input.outboundSource,
    context: options.context,
    licensee: merged[0]?.verdict.licensee ?? null,
    verdict,
    groups: merged,
    unlicensed,
    summary: { components: input.items.length, compatible: count('compatible'), review: count('review'), incompatible: count('incompatible'), unlicensed: unlicensed.length },
    problems: input.problems ?? [],
  };
}

/** Groups that ended with the same license and the same verdict (exceptions split them only when they matter). */
function mergeGroups(groups: { license: string; verdict: Verdict; components: { kind: CompatItem['kind']; name: string }[] }[]): ProjectGroup[] {
  const byVerdict = new Map<string, { license: string; verdict: Verdict; components: { kind: CompatItem['kind']; name: string }[] }>();
  for (const g of groups) {
    const key = JSON.stringify([g.license, g.verdict.context, g.verdict.verdict, g.verdict.reasons]);
    const into = byVerdict.get(key);
    if (into) into.components.push(...g.components);
    else byVerdict.set(key, { ...g, components: [...g.components] });
  }
  return [...byVerdict.values()]
    .map((g) => ({ ...g, components: g.components.sort((a, b) => byCodePoint(a.kind + a.name, b.kind + b.name)) }))
    .sort((a, b) => RANK[b.verdict.verdict] - RANK[a.verdict.verdict] || byCodePoint(a.license, b.license));
}

/** The files of a scan that need licensing information: those with a license, and those without. */
export function itemsFromScan(scan: ScanResult): { items: CompatItem[]; unlicensed: string[] } {
  const items: CompatItem[] = [];
  const unlicensed: string[] = [];
  for (const f of scan.files) {
    if (!f.covered) continue;
    if (f.license === null) unlicensed.push(f.path);
    else items.push({ kind: 'file', name: f.path, license: f.license });
  }
  return { items, unlicensed };
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
