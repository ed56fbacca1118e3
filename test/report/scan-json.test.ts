import { describe, expect, it } from 'vitest';
import { renderItems } from '../../src/report/json-lines.js';
import { renderScan } from '../../src/report/scan/json.js';
import type { FileReport, ScanResult } from '../../src/types.js';

const file = (path: string): FileReport => ({
  path,
  kind: 'text',
  covered: true,
  declarations: [{ expression: 'MIT', source: 'spdx-tag', file: path, line: 1, confidence: 1, scope: 'file' }],
  copyright: ['2024 "Quoted" Name\\ with\nnewline'],
  license: 'MIT',
});
const result = (files: FileReport[]): ScanResult => ({
  schema: 1,
  tool: { name: 'farleft', version: '0.0.0' },
  root: '.',
  project: { declarations: [], license: null },
  files,
  summary: { files: files.length, covered: files.length, withLicense: files.length, withCopyright: files.length, withoutLicense: 0, licenses: { MIT: files.length }, skipped: {} },
  problems: [{ code: 'x', severity: 'note', file: 'a', line: null, message: 'm', suggestion: null }],
});

describe('JSON scan output', () => {
  it.each([[[]], [[file('a.c')]], [[file('a.c'), file('b/c.ts'), file('d "e".md')]]])('parses back to the result', (files) => {
    const r = result(files);
    expect(JSON.parse([...renderScan(r)].join(''))).toEqual(r);
  });

  it('puts each file and each problem on a line of its own', () => {
    const lines = [...renderScan(result([file('a.c'), file('b.c')]))].join('').split('\n');
    expect(lines.filter((l) => l.startsWith('    {"path":'))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('    {"code":'))).toHaveLength(1);
    expect(lines[0]).toBe('{');
    expect(lines[1]).toBe('  "schema": 1,');
  });
});

describe('JSON lines rendered ahead, in pieces', () => {
  const files = [file('a.c'), file('b/c.ts'), file('d "é".md'), file('e.c')];

  it.each([
    ['one piece', [files]],
    ['pieces of bytes and text, some empty', [[], files.slice(0, 1), [], files.slice(1, 3), files.slice(3), []]],
  ])('writes the same bytes as rendering the reports: %s', (_, parts) => {
    const pieces = parts.map((p, i) => (i % 2 ? renderItems(p) : new TextEncoder().encode(renderItems(p))));
    const out = [...renderScan({ ...result(files), files: { pieces } })].map((x) => (typeof x === 'string' ? x : new TextDecoder().decode(x))).join('');
    expect(out).toBe([...renderScan(result(files))].join(''));
  });

  it('writes an empty list when every piece is empty', () => {
    const out = [...renderScan({ ...result([]), files: { pieces: ['', new Uint8Array(0)] } })].join('');
    expect(out).toBe([...renderScan(result([]))].join(''));
  });
});
