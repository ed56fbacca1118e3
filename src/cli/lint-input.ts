// What `farleft lint` and `farleft report` both start from: the config (its lint rules
// checked), the walk patterns, a progress line, and the lint input (scan, compat, deps).
import { closest } from 'fastest-levenshtein';
import { loadCatalog } from '../catalog/index.js';
import { loadConfig, type LintConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import { RULE_IDS, findRule } from '../lint/index.js';
import { prepareLint } from '../lint/run.js';
import { createProgress } from '../progress.js';
import { collectEnv } from './flags.js';
import { version } from './main.js';
import { configPatterns, walkPatterns } from './patterns.js';

export interface LintInputFlags {
  readonly ignore: boolean;
  /** lint --reuse: .gitignore only inside a git repository, as reuse-tool reads it. */
  readonly reuse?: boolean;
  readonly exclude?: readonly string[];
  readonly include?: readonly string[];
  readonly quiet?: boolean;
}

/** The message for a rule id nobody knows, with the closest one and the list. */
export function unknownRule(id: string): string {
  const near = closest(id, [...RULE_IDS]);
  return `unknown rule ${id}${near ? ` (did you mean ${near}?)` : ''}; rules: ${RULE_IDS.join(', ')}`;
}

export async function loadLintInput(
  root: string,
  flags: LintInputFlags,
  options: { readonly minConfidence: number; readonly jobs: number | undefined; readonly only: readonly string[] | null; readonly deps: boolean },
): Promise<{ input: Awaited<ReturnType<typeof prepareLint>>; lint: LintConfig; ignore: string[] }> {
  const config = loadConfig(root);
  const lint = config?.lint ?? {};
  for (const id of Object.keys(lint.rules ?? {})) if (!findRule(id)) throw new ConfigError(config!.file, `lint.rules.${id}`, unknownRule(id));
  const { exclude, include } = walkPatterns(config, root, flags);
  const progress = createProgress({ stream: process.stderr, env: process.env, quiet: flags.quiet ?? false });
  const input = await prepareLint({
    root,
    gitignore: flags.ignore && flags.reuse ? 'in-repo' : flags.ignore,
    // Read as reuse-tool does: a `Copyright` string in a binary's head is its notice, and media metadata is no information.
    ...(flags.reuse ? { asReuse: true } : {}),
    exclude,
    include,
    minConfidence: options.minConfidence,
    config,
    version: version(),
    catalog: loadCatalog(),
    ...(options.jobs ? { jobs: options.jobs } : {}),
    only: options.only,
    deps: options.deps,
    env: collectEnv(process.env),
    ...(progress.enabled ? { onProgress: progress.update } : {}),
  }).finally(() => progress.end());
  return { input, lint, ignore: configPatterns(config, root)(lint.ignore) };
}
