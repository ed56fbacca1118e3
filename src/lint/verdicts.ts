// Compatibility verdicts as findings: the project's files (from compat) and its
// dependencies (from deps), picked by kind: incompatible, review, or refused by the policy.
import type { Verdict } from '../compat/index.js';
import type { DependencyReport, Ecosystem } from '../deps/types.js';
import { declarationLine } from './facts.js';
import type { Draft, LintInput } from './types.js';

export type VerdictKind = 'incompatible' | 'review' | 'denied';

/** The manifest a dependency finding is attached to (a location code scanning can show). */
const MANIFESTS: Readonly<Record<Ecosystem, readonly string[]>> = {
  npm: ['package.json'],
  pypi: ['pyproject.toml', 'setup.cfg', 'requirements.txt'],
  cargo: ['Cargo.toml'],
  go: ['go.mod'],
  composer: ['composer.json'],
};

function isPolicyVerdict(v: Verdict): boolean {
  return v.reasons.some((r) => r.clause === 'policy');
}

function kindOf(v: Verdict): VerdictKind | null {
  if (v.verdict === 'incompatible') return isPolicyVerdict(v) ? 'denied' : 'incompatible';
  return v.verdict === 'review' ? 'review' : null;
}

function because(v: Verdict | null): string {
  const r = v?.reasons[0];
  return r ? `${r.license}${r.clause && r.clause !== 'policy' ? ` ${r.clause}` : ''}: ${r.text}` : '';
}

export function verdictDrafts(input: LintInput, kind: VerdictKind): Draft[] {
  const drafts: Draft[] = [];
  const { compat } = input;
  if (compat) {
    const bad = compat.groups.filter((g) => kindOf(g.verdict) === kind);
    const byPath = bad.length ? new Map(input.scan.files.map((f) => [f.path, f])) : null;
    for (const g of bad)
      for (const c of g.components) {
        if (c.kind !== 'file') continue;
        const file = byPath!.get(c.name);
        drafts.push({
          file: c.name,
          line: file ? declarationLine(file) : null,
          message: `under ${g.license}: ${phrase(kind, compat.outbound)} (${because(g.verdict)})`,
          suggestion: advice(kind, compat.outbound, g.license),
        });
      }
  }
  if (input.deps && input.only === null) {
    const present = new Set(input.scan.files.map((f) => f.path));
    for (const p of input.deps.packages) {
      const k = p.status === 'denied' ? 'denied' : p.status === 'incompatible' ? 'incompatible' : p.status === 'review' ? 'review' : null;
      if (k !== kind) continue;
      drafts.push({
        file: manifestOf(p, present),
        line: null,
        message: `dependency ${label(p)} is under ${p.license}: ${phrase(kind, input.deps.project.license ?? '?')} (${p.policy && kind === 'denied' ? `${p.policy.rule}${p.policy.reason ? `: ${p.policy.reason}` : ''}` : because(p.verdict)})`,
        suggestion: advice(kind, input.deps.project.license ?? '<project license>', p.license),
      });
    }
  }
  return drafts;
}

export function manifestOf(p: Pick<DependencyReport, 'ecosystem'>, present: ReadonlySet<string>): string | null {
  return MANIFESTS[p.ecosystem].find((m) => present.has(m)) ?? null;
}

export function label(p: Pick<DependencyReport, 'name' | 'version' | 'ecosystem'>): string {
  return `${p.name}${p.version ? `@${p.version}` : ''} (${p.ecosystem})`;
}

function phrase(kind: VerdictKind, outbound: string): string {
  if (kind === 'incompatible') return `incompatible with the project's license ${outbound}`;
  if (kind === 'review') return `its compatibility with ${outbound} needs a human review`;
  return 'refused by the project\'s policy';
}

function advice(kind: VerdictKind, outbound: string, inbound: string): string {
  const explain = `\`farleft compat '${outbound}' '${inbound}'\` explains the verdict`;
  if (kind === 'incompatible') return `Remove or replace it, or ask its authors for a compatible license; ${explain}`;
  if (kind === 'review') return `Read the reasons and decide; record the decision as a policy exception in .farleft.yml; ${explain}`;
  return 'Remove or replace it, or add a policy exception with its reason in .farleft.yml';
}
