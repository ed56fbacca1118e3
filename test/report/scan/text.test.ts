import { describe, expect, it } from 'vitest';
import type { ListedScan } from '../../../src/scan.js';
import { renderScan } from '../../../src/report/scan/text.js';
import type { Problem } from '../../../src/types.js';

const result = (licenses: Record<string, number>, problems: Problem[] = []): ListedScan => {
  const files = Object.values(licenses).reduce((a, b) => a + b, 0);
  return {
    schema: 1,
    tool: { name: 'farleft', version: '0.0.0' },
    root: '.',
    project: { declarations: [], license: null },
    files: { unlicensed: [], inHeader: 0, media: [] },
    summary: { files, covered: files, withLicense: files, withCopyright: 0, withoutLicense: 0, licenses, skipped: {} },
    problems,
  };
};

const problem = (code: string, severity: Problem['severity'], i: number): Problem => ({ code, severity, file: `f${i}.c`, line: 1, message: `${code} in f${i}.c`, suggestion: 'do this' });

describe('text scan output', () => {
  it('says in its first line how many files need licensing information and how many lack it', () => {
    const first = (files: number, covered: number, withoutLicense: number) =>
      renderScan({ ...result({}), summary: { ...result({}).summary, files, covered, withLicense: covered - withoutLicense, withoutLicense } }, { color: 0, verbose: false }).split('\n')[0];
    expect(first(6, 4, 0)).toBe('farleft scan . — 6 files; 4 need licensing information, and have it');
    expect(first(6, 4, 1)).toBe('farleft scan . — 6 files; 4 need licensing information, 1 lacks it');
    expect(first(6, 4, 4)).toBe('farleft scan . — 6 files; 4 need licensing information, 4 lack it');
    expect(first(1, 1, 0)).toBe('farleft scan . — 1 file; 1 needs licensing information, and has it');
    expect(first(2, 0, 0)).toBe('farleft scan . — 2 files; none needs licensing information');
  });

  it('says how many files without a license say one in prose, and what to run', () => {
    const base = result({});
    const text = renderScan({ ...base, files: { unlicensed: ['a.c', 'b.c', 'c.c'], inHeader: 2, media: [] } }, { color: 0, verbose: false });
    expect(text).toContain('Without a license: 3 files\n  a.c\n  b.c\n  c.c\n  2 of them say a license in the header, in prose or by its text, which REUSE does not read: farleft lint names the tag to write, farleft apply writes it\n');
    expect(renderScan({ ...base, files: { unlicensed: ['a.c'], inHeader: 0, media: [] } }, { color: 0, verbose: false })).not.toContain('in the header');
  });

  it('keeps the media table in columns for paths as deep as a release folder has them', () => {
    const media = [
      ['cover.png', 'CC-BY-SA-4.0', 'XMP dc:rights', '2024 Jo'],
      ['addons/katesql/pics/16-actions-sql-field-pk.png', null, '', ''],
      ['album/disc-1/01-a-rather-long-track-title-of-the-album.flac', 'LicenseRef-PPL', 'REUSE.toml', ''],
    ] as const;
    const text = renderScan({ ...result({}), files: { unlicensed: [], inHeader: 0, media } }, { color: 0, verbose: false });
    const lines = text.split('\n');
    const header = lines.findIndex((l) => l.startsWith('  file '));
    const rows = lines.slice(header, header + 4);
    const typeAt = rows[0]!.indexOf('type');
    expect(rows.map((r) => r.slice(typeAt).split('  ')[0])).toEqual(['type', 'PNG image', 'PNG image', 'FLAC audio file']);
  });

  it('says why files were skipped in words', () => {
    const text = renderScan({ ...result({}), summary: { ...result({}).summary, skipped: { vcs: 1, gitignore: 2, 'made-up': 3 } } }, { color: 0, verbose: false });
    expect(text.split('\n')[1]).toBe('skipped: version-control folders (.git, .hg, .svn) 1, ignored by .gitignore 2, made-up 3');
  });

  it('keeps the media table in columns where every value is shorter than its heading', () => {
    const media = [['a.png', 'PPL', 'sidecar a.png.license', '2026 Riso Collective']] as const;
    const lines = renderScan({ ...result({}), files: { unlicensed: [], inHeader: 0, media } }, { color: 0, verbose: false }).split('\n');
    const [head, row] = lines.slice(lines.findIndex((l) => l.startsWith('  file ')));
    for (const [heading, value] of [['license', 'PPL'], ['source', 'sidecar'], ['copyright', '2026']]) expect(row!.indexOf(value!)).toBe(head!.indexOf(heading!));
  });

  it('does not count a media file that grants no license (NONE) or an unnamed one (NOASSERTION) as licensed', () => {
    const line = (media: readonly (readonly [string, string | null, string, string])[]) =>
      renderScan({ ...result({}), files: { unlicensed: [], inHeader: 0, media } }, { color: 0, verbose: false }).split('\n').find((l) => l.startsWith('Media files:'));
    expect(line([['a.png', 'CC0-1.0', 'XMP', '']])).toBe('Media files: 1, all with a license, no conflicts');
    expect(line([['a.png', 'CC0-1.0', '', ''], ['cover.jpg', 'NONE', 'EXIF:Copyright', ''], ['b.png', null, '', ''], ['c.ogg', 'NOASSERTION', 'Vorbis:LICENSE', '']])).toBe(
      'Media files: 4, 1 without a license, 1 granting none (NONE: all rights reserved), 1 with a license farleft cannot name (NOASSERTION), no conflicts',
    );
  });

  it("says a license file's unnamed stretch is one, not that it was named with confidence 0", () => {
    const declarations = [
      { expression: 'LGPL-3.0-or-later', source: 'license-text', file: 'COPYING-ICONS', line: 45, confidence: 0.99, scope: 'project' },
      { expression: 'NOASSERTION', source: 'license-text', file: 'COPYING-ICONS', line: 1, confidence: 0, scope: 'project' },
    ] as const;
    const text = renderScan({ ...result({}), project: { declarations, license: 'LGPL-3.0-or-later' } }, { color: 0, verbose: false });
    expect(text).toContain('  LGPL-3.0-or-later  from COPYING-ICONS:45 (license-text, 0.99)\n  NOASSERTION  from COPYING-ICONS:1 (license-text, a text farleft cannot name)\n');
  });

  it('lists licenses by file count, the counts in one column however long an expression is', () => {
    const text = renderScan(result({ MIT: 7, 'GPL-2.0-only': 44832, 'GPL-2.0-only WITH Linux-syscall-note OR BSD-3-Clause': 80 }), { color: 0, verbose: false });
    const lines = text.split('\n');
    const at = lines.indexOf('Licenses by file:');
    expect(lines.slice(at + 1, at + 4)).toEqual(['  44832  GPL-2.0-only', '     80  GPL-2.0-only WITH Linux-syscall-note OR BSD-3-Clause', '      7  MIT']);
  });

  it('lists a few problems, all of them; many, a few of each kind, errors first, with how many more', () => {
    const few = [problem('deprecated-id', 'warning', 1), problem('invalid-expression', 'error', 2)];
    expect(renderScan(result({}, few), { color: 0, verbose: false })).toContain('  warning f1.c:1  deprecated-id in f1.c [deprecated-id]\n          fix: do this\n  error   f2.c:1');
    const many = [...Array.from({ length: 50 }, (_, i) => problem('deprecated-id', 'warning', i)), ...Array.from({ length: 4 }, (_, i) => problem('invalid-expression', 'error', 100 + i))];
    const text = renderScan(result({}, many), { color: 0, verbose: false });
    const listed = text.split('\n').filter((l) => /^  (?:warning|error)/.test(l));
    expect(listed.map((l) => l.split(/\s+/)[2])).toEqual(['f100.c:1', 'f101.c:1', 'f102.c:1', 'f0.c:1', 'f1.c:1', 'f2.c:1']);
    expect(text).toContain('… and 1 more [invalid-expression]');
    expect(text).toContain('… and 47 more [deprecated-id]');
    expect(text).toContain('Problems: 4 errors, 50 warnings');
    // --verbose lists every one.
    expect(renderScan(result({}, many), { color: 0, verbose: true }).split('\n').filter((l) => /^  (?:warning|error)/.test(l))).toHaveLength(54);
  });
});
