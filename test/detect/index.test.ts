import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { DETECTORS } from '../../src/detect/index.js';

const DETECT = fileURLToPath(new URL('../../src/detect/', import.meta.url));

it('lists every detector file in the ordered DETECTORS array', async () => {
  // A detector file exports `detector`; helpers (types, shared parsers, the matcher) do not.
  const files = readdirSync(DETECT, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const found = [];
  for (const f of files) {
    const mod = (await import(join(DETECT, f))) as { detector?: unknown };
    if (mod.detector) found.push(mod.detector);
  }
  expect(found.length).toBeGreaterThanOrEqual(7);
  for (const d of found) expect(DETECTORS).toContain(d);
  expect(new Set(DETECTORS.map((d) => d.name)).size).toBe(DETECTORS.length);
});
