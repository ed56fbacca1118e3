// The audit as the CLI runs it, with test defaults; and a fingerprint of a tree to prove nothing was written.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { auditDependencies } from '../../src/deps/index.js';
import type { AuditOptions, DependencyReport, DepsResult } from '../../src/deps/types.js';
import { testCatalog } from '../helpers.js';

export function audit(root: string, options: Partial<AuditOptions> = {}): DepsResult {
  return auditDependencies({
    root,
    version: '0.0.0-test',
    env: {},
    minConfidence: 0.9,
    context: 'link',
    dev: false,
    production: false,
    licensee: null,
    withTexts: false,
    catalog: testCatalog(),
    ...options,
  });
}

export function byName(result: DepsResult, name: string, version?: string): DependencyReport {
  const found = result.packages.filter((p) => p.name === name && (version === undefined || p.version === version));
  if (found.length !== 1) throw new Error(`${found.length} packages named ${name} ${version ?? ''}: ${result.packages.map((p) => `${p.name}@${p.version}`).join(', ')}`);
  return found[0]!;
}

export function codes(p: { readonly problems: readonly { code: string }[] }): string[] {
  return p.problems.map((x) => x.code).sort();
}

/** Paths, modes, link targets and contents of every entry below `root`. */
export function fingerprint(root: string): string {
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = lstatSync(p);
      h.update(`${p.slice(root.length)}\u0000${st.mode}\u0000${st.mtimeMs}\u0000`);
      if (st.isSymbolicLink()) h.update(readlinkSync(p));
      else if (st.isDirectory()) walk(p);
      else h.update(readFileSync(p));
    }
  };
  walk(root);
  return h.digest('hex');
}
