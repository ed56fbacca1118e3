import { describe, expect, it } from 'vitest';
import { mergeTallies, tallyReports } from '../../src/project/tally.js';
import type { Declaration, FileReport } from '../../src/types.js';

const decl = (file: string, expression: string, source: Declaration['source'], scope: Declaration['scope'] = 'file'): Declaration => ({ expression, source, file, line: 1, confidence: 1, scope });
const report = (path: string, license: string | null, extra: Partial<FileReport> = {}): FileReport => ({
  path,
  kind: 'text',
  covered: true,
  declarations: license ? [decl(path, license, 'spdx-tag')] : [],
  copyright: license ? ['2026 Jo'] : [],
  license,
  ...extra,
});

const reports: FileReport[] = [
  report('LICENSE', 'MIT', { covered: false, declarations: [decl('LICENSE', 'MIT', 'license-text', 'project')] }),
  report('a.c', 'GPL-3.0-only'),
  report('b.c', 'MIT'),
  report('c.c', null, { declarations: [decl('c.c', 'LGPL-2.1-or-later', 'notice')] }),
  report('lib/package.json', null, { declarations: [decl('lib/package.json', 'ISC', 'manifest', 'package')] }),
  report('d.c', 'GPL-3.0-only'),
  report('e.c', 'MIT'),
  report('f.png.license', 'MIT', { covered: false }),
];

describe('tally', () => {
  it('counts what the summary and the project licensing need, and keeps the reports that declare beyond their file', () => {
    const t = tallyReports(reports);
    expect(t).toMatchObject({ files: 8, covered: 6, withLicense: 6, withCopyright: 6, withoutLicense: 2 });
    expect(t.licenses).toEqual([['MIT', 4], ['GPL-3.0-only', 2]]);
    // Covered files only; the first of each in path order.
    expect(t.coveredLicenses).toEqual([['GPL-3.0-only', { n: 2, example: 'a.c' }], ['MIT', { n: 2, example: 'b.c' }]]);
    expect(t.declaring.map((r) => r.path)).toEqual(['LICENSE', 'lib/package.json']);
  });

  it("lists, when asked, what the text summary shows: covered files without a license, and the media table's rows", () => {
    const media: FileReport[] = [
      report('a.png', 'CC0-1.0', { kind: 'binary', declarations: [decl('a.png.license', 'CC0-1.0', 'sidecar')], copyright: ['2026 Ann'] }),
      report('b.svg', null),
      report('b.svg.xmp', null, { covered: false }),
      report('c.jpg.license', 'CC0-1.0', { covered: false }),
    ];
    expect(tallyReports(media).listing).toBeUndefined();
    expect(tallyReports([...reports, ...media], true).listing).toEqual({
      unlicensed: ['c.c', 'lib/package.json', 'b.svg'],
      // c.c's header names LGPL-2.1-or-later in prose.
      inHeader: 1,
      media: [
        ['a.png', 'CC0-1.0', 'sidecar a.png.license', '2026 Ann'],
        ['b.svg', null, '', ''],
      ],
    });
  });

  it('merges batch tallies into the tally of all the reports, whatever the cuts', () => {
    const all = tallyReports(reports, true);
    for (const cuts of [[0, 8], [0, 1, 8], [0, 2, 5, 8], [0, 1, 2, 3, 4, 5, 6, 7, 8]]) {
      const parts = cuts.slice(1).map((end, i) => tallyReports(reports.slice(cuts[i], end), true));
      // As a worker sends them: through JSON.
      expect(mergeTallies(parts.map((p) => JSON.parse(JSON.stringify(p)) as typeof p))).toEqual(all);
    }
  });
});
