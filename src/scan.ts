// The scan pipeline: discover -> detect -> resolve. The CLI calls this and hands the
// result to a reporter.
import { loadCatalog, type Catalog } from './catalog/index.js';
import type { FarleftConfig } from './config.js';
import { FileRunner } from './pipeline/run.js';
import { byPlace } from './problems.js';
import type { RenderedList } from './report/json-lines.js';
import type { FileListing } from './project/listing.js';
import { resolveProjectLicensing } from './project/index.js';
import type { Tally } from './project/tally.js';
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

/** A scan's result whose files may be rendered already (see scanForJson). */
export type RenderedScan = Omit<ScanResult, 'files'> & { readonly files: ScanResult['files'] | RenderedList };

export async function scan(options: ScanOptions): Promise<ScanResult> {
  return scanWith(options, (runner, walk) => runner.run(walk.root, walk.files).then((r) => ({ ...r, files: r.reports })));
}

/**
 * For the JSON output alone: on a large tree, the files come as the output's lines, rendered
 * by the threads that read them (FileRunner.runForJson).
 */
export async function scanForJson(options: ScanOptions): Promise<RenderedScan> {
  return scanWith(options, (runner, walk) => runner.runForJson(walk.root, walk.files));
}

/** A scan's result as the text summary reads it: what it lists of the files instead of their reports. */
export type ListedScan = Omit<ScanResult, 'files'> & { readonly files: FileListing };

/** For the text summary alone (FileRunner.runForText). */
export async function scanForText(options: ScanOptions): Promise<ListedScan> {
  return scanWith(options, async (runner, walk) => {
    const { problems, tally } = await runner.runForText(walk.root, walk.files);
    return { files: tally.listing!, problems, tally };
  });
}

async function scanWith<F>(options: ScanOptions, run: (runner: FileRunner, walk: WalkResult) => Promise<{ files: F; problems: Problem[]; tally: Tally }>): Promise<Omit<ScanResult, 'files'> & { files: F }> {
  const catalog = options.catalog ?? loadCatalog();
  const runner = new FileRunner(catalog, {
    minConfidence: options.minConfidence,
    ...(options.asReuse ? { asReuse: true } : {}),
    ...(options.jobs ? { jobs: options.jobs } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
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
  const processed = await run(runner, walk);
  const problems: Problem[] = [...walk.problems, ...processed.problems];

  const project = resolveProjectLicensing(processed.tally, walk.files, {
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
    files: processed.files,
    summary: summarize(processed.tally, walk),
    problems: problems.sort(byPlace),
  };
}

function summarize(tally: Tally, walk: WalkResult): ScanSummary {
  const licenses = Object.fromEntries([...tally.licenses].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  const skipped = Object.fromEntries(Object.entries(walk.skipped).sort((a, b) => (a[0] < b[0] ? -1 : 1))) as Record<string, number>;
  const { files, covered, withLicense, withCopyright, withoutLicense } = tally;
  return { files, covered, withLicense, withCopyright, withoutLicense, licenses, skipped };
}
