// The scan pipeline: discover -> detect -> resolve. The CLI calls this and hands the
// result to a reporter.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, type Catalog } from './catalog/index.js';
import type { FarleftConfig } from './config.js';
import { sidecarTarget } from './detect/sidecar.js';
import { FileRunner } from './pipeline/run.js';
import { byPlace } from './problems.js';
import { resolveProjectLicensing } from './project/index.js';
import { findOrphanSidecars } from './project/resolve.js';
import type { Problem, ScanResult, ScanSummary } from './types.js';
import { walkTree, type WalkResult } from './walk/walk.js';

export interface ScanOptions {
  /** The folder to scan, as the user wrote it. */
  readonly root: string;
  /** See WalkOptions.gitignore. */
  readonly gitignore: boolean | 'in-repo';
  readonly exclude: readonly string[];
  readonly include: readonly string[];
  readonly followSymlinks: boolean;
  /** A license text is named at or above this confidence. */
  readonly minConfidence: number;
  /** See DetectOptions.asReuse (lint --reuse). */
  readonly asReuse?: boolean;
  readonly config: FarleftConfig | null;
  readonly version: string;
  readonly catalog?: Catalog;
  /** Threads to read and detect with (default: the machine's parallelism). */
  readonly jobs?: number;
  /** Progress of reading and detecting (see RunOptions.onProgress). */
  readonly onProgress?: (done: number, total: number) => void;
}

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const catalog = options.catalog ?? loadCatalog();
  const runner = new FileRunner(catalog, { minConfidence: options.minConfidence, ...(options.asReuse ? { asReuse: true } : {}), ...(options.jobs ? { jobs: options.jobs } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  let walk: WalkResult;
  try {
    walk = walkTree(options.root, {
      gitignore: options.gitignore,
      exclude: options.exclude,
      include: options.include,
      followSymlinks: options.followSymlinks,
      onFound: (n) => runner.found(n),
    });
  } catch (e) {
    await runner.close();
    throw e;
  }
  const processed = await runner.run(walk.root, walk.files);
  const files = processed.reports;
  const problems: Problem[] = [...walk.problems, ...processed.problems, ...orphanSidecars(walk)];

  const project = resolveProjectLicensing(files, {
    catalog,
    minConfidence: options.minConfidence,
    ...(options.config?.license ? { configLicense: { expression: options.config.license, file: options.config.file } } : {}),
  });
  problems.push(...project.problems);

  return {
    schema: 1,
    tool: { name: 'farleft', version: options.version },
    root: options.root.split('\\').join('/'),
    project: { declarations: project.declarations, license: project.license },
    files,
    summary: summarize(files, walk),
    problems: problems.sort(byPlace),
  };
}


/** Sidecars whose file is missing; one whose file is only ignored (not walked) is fine. */
function orphanSidecars(walk: WalkResult): Problem[] {
  return findOrphanSidecars(walk.files).filter((p) => !existsSync(join(walk.root, sidecarTarget(p.file!)!)));
}

function summarize(files: ScanResult['files'], walk: WalkResult): ScanSummary {
  const licenses: Record<string, number> = {};
  let covered = 0;
  let withLicense = 0;
  let withCopyright = 0;
  let withoutLicense = 0;
  for (const f of files) {
    if (f.covered) covered++;
    if (f.license) {
      withLicense++;
      licenses[f.license] = (licenses[f.license] ?? 0) + 1;
    } else if (f.covered) withoutLicense++;
    if (f.copyright.length) withCopyright++;
  }
  const sorted = Object.fromEntries(Object.entries(licenses).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  const skipped = Object.fromEntries(Object.entries(walk.skipped).sort((a, b) => (a[0] < b[0] ? -1 : 1))) as Record<string, number>;
  return { files: files.length, covered, withLicense, withCopyright, withoutLicense, licenses: sorted, skipped };
}

