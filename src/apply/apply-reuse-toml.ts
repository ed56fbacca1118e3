// `apply --reuse-toml`: one annotation in the root REUSE.toml instead of headers
// (src/apply/reuse-toml.ts plans the edit); then every file in scope is resolved, as the scan
// resolves it, to say whether the annotation now decides its license.
import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/index.js';
import type { DetectContext } from '../detect/types.js';
import { batchContext, processBatch } from '../pipeline/process.js';
import { processAll } from '../pipeline/run.js';
import { readableAnnotations } from '../project/index.js';
import type { FileReport, Problem } from '../types.js';
import { fail, outcome } from './apply-file.js';
import { unifiedDiff } from './diff.js';
import type { HeaderRequest } from './plan-file.js';
import { globFor, planReuseToml } from './reuse-toml.js';
import type { Scope } from './scope.js';
import type { ApplyResult, FileOutcome } from './types.js';
import { explainResolution, factsFromDisk, factsOf, tomlsAbove } from './verify.js';
import { ioProblem, isTempName, readForWrite, writeAtomic, writeRefusal, type ReadResult } from './write.js';

export interface TomlRun {
  readonly root: string;
  readonly request: HeaderRequest;
  readonly catalog: Catalog;
  readonly ctx: DetectContext;
  readonly dryRun: boolean;
  readonly problems: Problem[];
}

/** --reuse-toml: one annotation in the root REUSE.toml; every covered file is then resolved to say what it got. */
export async function applyReuseToml(run: TomlRun, scope: Scope): Promise<{ files: FileOutcome[]; reuseToml: NonNullable<ApplyResult['reuseToml']> }> {
  const { root } = run;
  const tomlPath = 'REUSE.toml';
  const abs = join(root, tomlPath);
  if (existsSync(join(root, '.reuse/dep5'))) {
    run.problems.push({ code: 'dep5-present', severity: 'error', file: '.reuse/dep5', line: null, message: 'the project has .reuse/dep5, and REUSE 3.3 forbids using it beside REUSE.toml; nothing was written', suggestion: 'Convert it first (reuse convert-dep5), or apply headers instead of --reuse-toml' });
    return { files: [], reuseToml: { path: tomlPath, status: 'failed' } };
  }
  let existing: ReadResult | null = null;
  if (existsSync(abs)) {
    try {
      existing = readForWrite(abs, 32 * 1024 * 1024);
    } catch (e) {
      run.problems.push(ioProblem(tomlPath, e, false));
      return { files: [], reuseToml: { path: tomlPath, status: 'failed' } };
    }
  }
  const globs = [...scope.dirs.map((d) => globFor(d, true)), ...scope.named.map((f) => globFor(f, false))];
  const plan = planReuseToml(existing?.bytes ?? null, globs, run.request, run.catalog);
  let status: NonNullable<ApplyResult['reuseToml']>['status'] = plan.status;
  let diff: string | undefined;
  let planned: Buffer | null = null;
  if (plan.status === 'conflict' || plan.status === 'failed') run.problems.push(plan.problem);
  else if (plan.status === 'changed') {
    if (plan.replaced) run.problems.push({ code: 'license-replaced', severity: 'note', file: tomlPath, line: null, message: `REUSE.toml: ${plan.replaced} was replaced with ${run.request.expression}`, suggestion: null });
    const refusal = existing ? writeRefusal(tomlPath, existing.snapshot) : null;
    if (refusal) {
      run.problems.push(refusal);
      status = 'failed';
    } else if (run.dryRun) {
      diff = unifiedDiff(tomlPath, existing ? existing.bytes.toString('utf8') : null, plan.bytes.toString('utf8'));
      planned = plan.bytes;
    } else {
      try {
        writeAtomic(abs, plan.bytes, existing?.snapshot ?? null);
      } catch (e) {
        run.problems.push(ioProblem(tomlPath, e, true));
        status = 'failed';
      }
    }
  }

  // Resolve every file in scope (with the planned REUSE.toml in a dry run).
  const minConfidence = run.ctx.options.minConfidence;
  const covered = scope.files.filter((f) => !isTempName(f.slice(f.lastIndexOf('/') + 1)));
  const extra = tomlsAbove(root, covered).filter((t) => !covered.includes(t));
  let reports: Map<string, FileReport>;
  if (planned) {
    const tomls = [factsOf(tomlPath, planned, run.ctx), ...[...covered, ...extra].filter((p) => p !== tomlPath && p.endsWith('REUSE.toml')).flatMap((p) => factsFromDisk(root, p, run.ctx) ?? [])];
    const batch = processBatch(covered, batchContext(root, run.catalog, { minConfidence }, readableAnnotations(tomls)));
    reports = new Map(batch.reports.map((r) => [r.path, r]));
  } else {
    const all = await processAll(root, [...covered, ...extra], run.catalog, { minConfidence });
    reports = new Map(all.reports.map((r) => [r.path, r]));
  }
  const want = run.request.expression;
  const files = covered.map((path): FileOutcome => {
    const report = reports.get(path);
    if (!report) return fail(run, path, { code: 'read-error', severity: 'error', file: path, line: null, message: `${path} could not be read back`, suggestion: null });
    if (!report.covered) return outcome(path, 'skipped', { reason: isEmpty(join(root, path)) ? 'empty' : 'not-covered' });
    const license = report.license;
    if (license === want) {
      const viaToml = report.declarations.some((d) => d.source === 'reuse-toml' && d.file === tomlPath);
      return outcome(path, viaToml && status === 'changed' ? 'changed' : 'already-done', { method: viaToml ? 'reuse-toml' : null, license, verified: true });
    }
    // When the REUSE.toml itself could not be changed, its problem says why for every file.
    if (status === 'changed' || status === 'already-done')
      run.problems.push({
        code: 'license-differs',
        severity: 'error',
        file: path,
        line: null,
        message: `${path}: ${explainResolution(report)}, not ${want}; the REUSE.toml annotation does not decide it`,
        suggestion: 'Its own tags, its sidecar or a later REUSE.toml table win over the new annotation: give --replace to put the annotation last, or change the file',
      });
    return outcome(path, 'conflict', { method: 'reuse-toml', reason: 'license-differs', license, verified: false });
  });
  return { files, reuseToml: { path: tomlPath, status, ...(diff !== undefined ? { diff } : {}) } };
}

function isEmpty(abs: string): boolean {
  try {
    return lstatSync(abs).size === 0;
  } catch {
    return false;
  }
}
