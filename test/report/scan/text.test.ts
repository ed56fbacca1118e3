import { describe, expect, it } from 'vitest';
import { renderScan } from '../../../src/report/scan/text.js';
import type { ScanResult } from '../../../src/types.js';

const result = (licenses: Record<string, number>): ScanResult => {
  const files = Object.values(licenses).reduce((a, b) => a + b, 0);
  return {
    schema: 1,
    tool: { name: 'farleft', version: '0.0.0' },
    root: '.',
    project: { declarations: [], license: null },
    files: [],
    summary: { files, covered: files, withLicense: files, withCopyright: 0, withoutLicense: 0, licenses, skipped: {} },
    problems: [],
  };
};

describe('text scan output', () => {
  it('lists licenses by file count, the counts in one column however long an expression is', () => {
    const text = renderScan(result({ MIT: 7, 'GPL-2.0-only': 44832, 'GPL-2.0-only WITH Linux-syscall-note OR BSD-3-Clause': 80 }), { color: 0, verbose: false });
    const lines = text.split('\n');
    const at = lines.indexOf('Licenses by file:');
    expect(lines.slice(at + 1, at + 4)).toEqual(['  44832  GPL-2.0-only', '     80  GPL-2.0-only WITH Linux-syscall-note OR BSD-3-Clause', '      7  MIT']);
  });
});
