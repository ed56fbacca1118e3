// Fixture projects for deps tests: fixtures/deps/<name>, copied to a temp folder (so the
// audit runs on a tree outside the repository and its .farleft.yml, and a test can prove
// nothing was written). Git ignores folders called node_modules, so the fixtures keep them
// as `_node_modules`, renamed on copy; links in the fixtures already point at the final names.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { copyFixtureTree } from '../../src/fixture-copy.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/deps/', import.meta.url));

export function copyFixture(name: string): string {
  const root = join(mkdtempSync(join(tmpdir(), `farleft-deps-${name}-`)), name);
  copyFixtureTree(join(FIXTURES, name), root);
  return root;
}

/** copyFixture for one test file: every copy it makes is removed after the file's tests. */
export function fixtureCopier(): (name: string) => string {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => rmSync(join(r, '..'), { recursive: true, force: true })));
  return (name) => {
    const root = copyFixture(name);
    roots.push(root);
    return root;
  };
}
