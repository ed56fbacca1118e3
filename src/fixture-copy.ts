// The repository's dependency fixtures, made usable (for the tests and for the build's
// code-cache warm-up): git ignores folders called node_modules, so the fixtures keep them as
// `_node_modules`, and a copy renames them. Links in the fixtures already point at the final names.
import { cpSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';

/** Copies the fixture folder `from` to `to` (which must not exist), renaming `_node_modules` folders. */
export function copyFixtureTree(from: string, to: string): void {
  cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  renameModules(to);
}

function renameModules(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const from = join(dir, e.name);
    renameModules(from);
    if (e.name === '_node_modules') renameSync(from, join(dir, 'node_modules'));
  }
}
