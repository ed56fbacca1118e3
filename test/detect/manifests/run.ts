// Runs the manifest detector (routing table included) on an inline file.
import { expect } from 'vitest';
import { detector } from '../../../src/detect/manifests/index.js';
import type { Detection } from '../../../src/detect/types.js';
import { fileInput, testContext } from '../../helpers.js';

export function detect(path: string, text: string): Detection {
  expect(detector.accepts(path, 'text')).toBe(true);
  return detector.detect(fileInput(path, text), testContext());
}

/** The one declaration's expression, field, line and confidence, and the problem codes, for table rows. */
export function summary(d: Detection): { expression: string | null; field: string | null; line: number | null; confidence: number | null; codes: string[] } {
  expect(d.declarations.length).toBeLessThanOrEqual(1);
  const decl = d.declarations[0];
  return {
    expression: decl?.expression ?? null,
    field: decl?.field ?? null,
    line: decl?.line ?? null,
    confidence: decl?.confidence ?? null,
    codes: d.problems.map((p) => p.code).sort(),
  };
}
