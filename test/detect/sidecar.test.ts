import { describe, expect, it } from 'vitest';
import { detector, sidecarTarget } from '../../src/detect/sidecar.js';
import { detectFile } from '../../src/detect/index.js';
import { fileInput, testContext } from '../helpers.js';

const ctx = testContext();

describe('sidecar detector', () => {
  it.each([
    ['cat.jpg.license', 'cat.jpg'],
    ['img/cat.jpg.license', 'img/cat.jpg'],
    ['Makefile.license', 'Makefile'],
    ['a.license.license', 'a.license'],
    ['.license', null], // names no file
    ['img/.license', null],
    ['LICENSE', null], // a license text, not a sidecar
    ['LICENSES/MIT.txt', null],
    ['cat.jpg.LICENSE', null], // REUSE's suffix is lower case
    ['notes.licenses', null],
  ])('%s speaks for %s', (path, target) => {
    expect(sidecarTarget(path)).toBe(target);
    expect(detector.accepts(path, 'text')).toBe(target !== null);
  });

  it('reads the tags of the sidecar with source sidecar, at the sidecar', () => {
    const d = detector.detect(
      fileInput('img/cat.jpg.license', 'SPDX-FileCopyrightText: 2024 Photo Co-op <co-op@example.org>\n\nSPDX-License-Identifier: CC-BY-SA-4.0\n'),
      ctx,
    );
    expect(d.problems).toEqual([]);
    expect(d.declarations).toEqual([{ expression: 'CC-BY-SA-4.0', source: 'sidecar', file: 'img/cat.jpg.license', line: 3, confidence: 1, scope: 'file' }]);
    expect(d.copyrights).toEqual([{ text: '2024 Photo Co-op <co-op@example.org>', source: 'sidecar', file: 'img/cat.jpg.license', line: 1, scope: 'file' }]);
  });

  it('reports an invalid expression in a sidecar once, at its line', () => {
    const input = fileInput('a.png.license', 'SPDX-FileCopyrightText: 2024 Jane\nSPDX-License-Identifier: Peer Production License\n');
    expect(detector.detect(input, ctx).declarations).toEqual([]);
    // The spdx-tag detector, which reads every text file, reports it; the sidecar detector does not repeat it.
    const d = detectFile(input, ctx);
    expect(d.declarations).toEqual([]);
    expect(d.problems.map((p) => [p.code, p.file, p.line])).toEqual([['invalid-expression', 'a.png.license', 2]]);
  });

  it('reads the head of a sidecar that is not text', () => {
    const bytes = new Uint8Array([0, 1, 2, ...new TextEncoder().encode('\nSPDX-License-Identifier: MIT\n')]);
    expect(detector.detect(fileInput('x.bin.license', bytes), ctx).declarations.map((d) => [d.expression, d.source])).toEqual([['MIT', 'sidecar']]);
  });
});
