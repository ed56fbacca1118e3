// The exclude / include patterns a command walks with: .farleft.yml's, written relative to
// the config's folder and rebased to the folder walked, then the command line's.
import { relative, resolve } from 'node:path';
import type { FarleftConfig } from '../config.js';
import { rebasePatterns } from '../walk/walk.js';

export interface WalkPatterns {
  readonly exclude: string[];
  readonly include: string[];
}

/** Rebases patterns written in .farleft.yml to the folder walked (identity without a config). */
export function configPatterns(config: FarleftConfig | null, root: string): (patterns?: readonly string[]) => string[] {
  const prefix = config ? relative(config.dir, resolve(root)).split('\\').join('/') : '';
  return (patterns = []) => (prefix ? rebasePatterns(patterns, prefix) : [...patterns]);
}

export function walkPatterns(config: FarleftConfig | null, root: string, flags: { exclude?: readonly string[]; include?: readonly string[] }): WalkPatterns {
  const fromConfig = configPatterns(config, root);
  return {
    exclude: [...fromConfig(config?.exclude), ...(flags.exclude ?? [])],
    include: flags.include?.length ? [...flags.include] : fromConfig(config?.include),
  };
}
