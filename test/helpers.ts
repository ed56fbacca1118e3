// Shared test helpers: temp trees from inline objects, FileInputs from strings, and a
// DetectContext over the built catalog (npm test builds first).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { loadCatalog, type Catalog } from '../src/catalog/index.js';
import type { DetectContext, FileInput } from '../src/detect/types.js';
import { loadMatcher } from '../src/detect/license-text/index.js';
import type { LicenseMatcher } from '../src/detect/license-text/index.js';

let catalog: Catalog | undefined;
let matcher: LicenseMatcher | undefined;

export function testCatalog(): Catalog {
  return (catalog ??= loadCatalog());
}

export function testContext(minConfidence = 0.9): DetectContext {
  return {
    catalog: testCatalog(),
    matcher: () => (matcher ??= loadMatcher()),
    options: { minConfidence },
  };
}

/** A FileInput for a detector, from a string (text) or bytes (binary). */
export function fileInput(path: string, content: string | Uint8Array): FileInput {
  const isText = typeof content === 'string';
  const bytes = isText ? new TextEncoder().encode(content) : content;
  return {
    path,
    kind: isText ? 'text' : 'binary',
    size: bytes.length,
    text: isText ? content : '',
    bytes,
    encoding: isText ? 'utf-8' : null,
    complete: true,
    rest: () => [],
  };
}

export type Tree = { [name: string]: string | Uint8Array | Tree };

/** Writes a tree of files under a new temp folder and returns its path. */
export function makeTree(tree: Tree, root = mkdtempSync(join(tmpdir(), 'farleft-test-'))): string {
  for (const [name, value] of Object.entries(tree)) {
    const p = join(root, name);
    if (typeof value === 'string' || value instanceof Uint8Array) {
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, value);
    } else {
      mkdirSync(p, { recursive: true });
      makeTree(value, p);
    }
  }
  return root;
}

export function removeTree(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** makeTree for one test file: every tree it makes is removed after the file's tests. */
export function treeMaker(): (tree?: Tree) => string {
  const roots: string[] = [];
  afterAll(() => roots.forEach(removeTree));
  return (tree = {}) => {
    const root = makeTree(tree);
    roots.push(root);
    return root;
  };
}

/** Whether a program is on the PATH (tests that need one skip without it). */
export function have(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}
