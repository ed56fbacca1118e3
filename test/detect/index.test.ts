import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { detectFile, DETECTORS } from '../../src/detect/index.js';
import { EMPTY_DETECTION } from '../../src/detect/types.js';
import { fileInput, testContext } from '../helpers.js';

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

it('gives every detection one shape, found or not (optimized code that reads them is not thrown away at a new one)', () => {
  const ctx = testContext();
  const media = readFileSync(fileURLToPath(new URL('../../fixtures/media/by-nc-sa.webp', import.meta.url)));
  const files = [
    fileInput('src/a.c', '// SPDX-License-Identifier: MIT\n// SPDX-FileCopyrightText: 2024 Jo\nint x;\n'),
    fileInput('src/empty.c', ''),
    fileInput('LICENSE', 'Permission is hereby granted, free of charge, to any person obtaining a copy of this software'),
    fileInput('package.json', '{ "name": "a", "license": "MIT" }'),
    fileInput('REUSE.toml', 'version = 1\n[[annotations]]\npath = "*.png"\nSPDX-License-Identifier = "CC0-1.0"\n'),
    fileInput('.reuse/dep5', 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *.png\nCopyright: Jo\nLicense: CC0-1.0\n'),
    fileInput('README.md', 'Released under the Peer Production License.\n'),
    fileInput('by-nc-sa.webp', new Uint8Array(media)),
  ];
  const shapes = new Set<string>([Object.keys(EMPTY_DETECTION).join()]);
  for (const file of files) {
    shapes.add(Object.keys(detectFile(file, ctx)).join());
    for (const d of DETECTORS) if (d.accepts(file.path, file.kind, ctx)) shapes.add(Object.keys(d.detect(file, ctx)).join());
  }
  expect([...shapes]).toEqual(['declarations,copyrights,problems,annotations']);
  expect(Object.isFrozen(EMPTY_DETECTION)).toBe(false); // a frozen object has a shape of its own
});
