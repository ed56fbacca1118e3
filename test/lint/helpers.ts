// Lint over real trees: scan a temp tree with the real pipeline, then run the rules.
import { parseConfig, type FarleftConfig } from '../../src/config.js';
import { evaluateLint } from '../../src/lint/evaluate.js';
import { reuseLintResult } from '../../src/lint/reuse.js';
import { prepareLint } from '../../src/lint/run.js';
import type { LintInput, LintResult, LintSettings } from '../../src/lint/types.js';
import { makeTree, testCatalog, type Tree } from '../helpers.js';
import { join } from 'node:path';

export const roots: string[] = [];

export function tree(t: Tree): string {
  const root = makeTree(t);
  roots.push(root);
  return root;
}

/** `asReuse`: read the tree as `lint --reuse` does (see DetectOptions.asReuse). */
export async function inputOf(root: string, options: { only?: string[] | null; config?: FarleftConfig | null; deps?: boolean; asReuse?: boolean } = {}): Promise<LintInput> {
  return prepareLint({
    root,
    gitignore: options.asReuse ? 'in-repo' : true,
    ...(options.asReuse ? { asReuse: true } : {}),
    exclude: [],
    include: [],
    minConfidence: 0.9,
    config: options.config ?? null,
    version: '0.0.0-test',
    catalog: testCatalog(),
    jobs: 1,
    only: options.only ?? null,
    deps: options.deps ?? false,
    env: {},
  });
}

export const DEFAULTS: LintSettings = { rules: {}, ignore: [], failOn: 'error' };

/** Lints a tree; a `.farleft.yml` in it is read as the CLI reads it. */
export async function lintTree(t: Tree, settings: Partial<LintSettings> = {}, options: { only?: string[] } = {}): Promise<LintResult> {
  const root = tree(t);
  const yml = t['.farleft.yml'];
  const config = typeof yml === 'string' ? parseConfig(yml, join(root, '.farleft.yml')) : null;
  return evaluateLint(await inputOf(root, { config, only: options.only ?? null }), { ...DEFAULTS, ...settings }, { version: '0.0.0-test', root });
}

export async function reuseTree(t: Tree): Promise<LintResult> {
  const root = tree(t);
  return reuseLintResult(await inputOf(root), DEFAULTS, { version: '0.0.0-test', root });
}

/** [rule, file] of every finding. */
export function pairs(r: LintResult): [string, string | null][] {
  return r.findings.map((f) => [f.rule, f.file]);
}

export function licenseText(id: string): string {
  // spdx-license-list/full is CommonJS data: every SPDX text, from a maintained package.
  return (FULL as Record<string, { licenseText: string }>)[id]!.licenseText;
}

import { createRequire } from 'node:module';
const FULL = createRequire(import.meta.url)('spdx-license-list/full') as unknown;
