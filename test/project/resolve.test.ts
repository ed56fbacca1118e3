import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detector as dep5Detector } from '../../src/detect/dep5.js';
import { detector as reuseToml } from '../../src/detect/reuse-toml.js';
import { detector as sidecarDetector } from '../../src/detect/sidecar.js';
import { detector as spdxTags } from '../../src/detect/spdx-tags.js';
import type { Annotation, Detection } from '../../src/detect/types.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { readFileInput } from '../../src/walk/read.js';
import { walkTree } from '../../src/walk/walk.js';
import { testContext } from '../helpers.js';
import { compileAnnotations } from '../../src/project/reuse-glob.js';
import { combineLicenses, findReuseConflict, orphanSidecar, inCoveredFolder, isCovered, resolveFile, type Licensing } from '../../src/project/resolve.js';
import type { CopyrightNotice, Declaration, Precedence, Scope } from '../../src/types.js';

// Small builders: a REUSE.toml table / dep5 paragraph, and a file's own tags or sidecar.
function table(file: string, line: number, precedence: Precedence, paths: string[], license?: string, copyright?: string): Annotation {
  const source = file.endsWith('dep5') ? 'dep5' : 'reuse-toml';
  const base = source === 'dep5' || !file.includes('/') ? '' : file.slice(0, file.lastIndexOf('/'));
  const declarations: Declaration[] = license ? [{ expression: license, source, file, line, confidence: 1, scope: 'glob', precedence }] : [];
  const copyrights: CopyrightNotice[] = copyright ? [{ text: copyright, source, file, line, scope: 'glob', precedence }] : [];
  return { source, file, line, base, paths, precedence, declarations, copyrights };
}
const toml = (file: string, line: number, precedence: Precedence, paths: string[], license?: string, copyright?: string) =>
  table(file, line, precedence, paths, license, copyright);
const dep5 = (line: number, paths: string[], license?: string, copyright?: string) => table('.reuse/dep5', line, 'aggregate', paths, license, copyright);

function tags(file: string, source: 'spdx-tag' | 'sidecar', licenses: string[], copyrights: string[], scope: Scope = 'file'): Licensing {
  return {
    declarations: licenses.map((expression, i) => ({ expression, source, file, line: i + 1, confidence: 1, scope })),
    copyrights: copyrights.map((text, i) => ({ text, source, file, line: i + 10, scope })),
  };
}
const own = (licenses: string[], copyrights: string[] = []) => tags('f', 'spdx-tag', licenses, copyrights);
const sidecar = (licenses: string[], copyrights: string[] = []) => tags('f.license', 'sidecar', licenses, copyrights);
const merge = (...parts: Licensing[]): Licensing => ({
  declarations: parts.flatMap((p) => p.declarations),
  copyrights: parts.flatMap((p) => p.copyrights),
});

interface Row {
  readonly rule: string;
  readonly path?: string;
  readonly own?: Licensing | null;
  readonly sidecar?: Licensing | null;
  readonly tables: Annotation[];
  readonly license: string | null;
  readonly copyright: string[];
  /** Where the declarations came from, in order (file:line). */
  readonly from?: string[];
}

const rows: Row[] = [
  { rule: 'nothing applies: no license, no copyright', tables: [], license: null, copyright: [] },
  { rule: 'the file own tags alone', own: own(['MIT'], ['2024 Jane']), tables: [], license: 'MIT', copyright: ['2024 Jane'] },
  {
    rule: 'override wins over the file tags (license and copyright)',
    own: own(['GPL-3.0-or-later'], ['2020 Upstream']),
    tables: [toml('REUSE.toml', 3, 'override', ['**'], 'MIT', '2024 Co-op')],
    license: 'MIT',
    copyright: ['2024 Co-op'],
    from: ['REUSE.toml:3'],
  },
  {
    rule: 'override also ignores a sidecar',
    sidecar: sidecar(['CC0-1.0'], ['2019 Photographer']),
    tables: [toml('REUSE.toml', 3, 'override', ['**'], 'MIT', '2024 Co-op')],
    license: 'MIT',
    copyright: ['2024 Co-op'],
  },
  {
    rule: 'closest is not used when the file has both kinds of information',
    own: own(['GPL-3.0-or-later'], ['2020 Upstream']),
    tables: [toml('REUSE.toml', 3, 'closest', ['**'], 'MIT', '2024 Co-op')],
    license: 'GPL-3.0-or-later',
    copyright: ['2020 Upstream'],
    from: ['f:1'],
  },
  {
    rule: 'closest fills in everything for a file without tags',
    tables: [toml('REUSE.toml', 3, 'closest', ['**'], 'MIT', '2024 Co-op')],
    license: 'MIT',
    copyright: ['2024 Co-op'],
  },
  {
    rule: 'a file with only a copyright header takes its license from closest',
    own: own([], ['2020 Upstream']),
    tables: [toml('REUSE.toml', 3, 'closest', ['**'], 'MIT', '2024 Co-op')],
    license: 'MIT',
    copyright: ['2020 Upstream'],
  },
  {
    rule: 'a file with only a license tag takes its copyright from closest',
    own: own(['PPL']),
    tables: [toml('REUSE.toml', 3, 'closest', ['**'], 'MIT', '2024 Co-op')],
    license: 'PPL',
    copyright: ['2024 Co-op'],
    from: ['f:1'],
  },
  {
    rule: 'aggregate adds to the file tags',
    own: own(['GPL-3.0-or-later'], ['2020 Upstream']),
    tables: [toml('REUSE.toml', 3, 'aggregate', ['**'], 'MIT', '2024 Co-op')],
    license: 'GPL-3.0-or-later AND MIT',
    copyright: ['2020 Upstream', '2024 Co-op'],
  },
  {
    rule: 'aggregate adds and closest still applies (deeper closest table)',
    path: 'sub/x.c',
    tables: [toml('REUSE.toml', 3, 'aggregate', ['**'], 'MIT', '2024 Co-op'), toml('sub/REUSE.toml', 2, 'closest', ['*.c'], 'PPL', '2023 Commons')],
    license: 'PPL AND MIT',
    copyright: ['2023 Commons', '2024 Co-op'],
  },
  {
    rule: 'the last matching table in one REUSE.toml wins',
    path: 'img/logo.png',
    tables: [toml('REUSE.toml', 3, 'closest', ['**'], 'MIT', '2024 Co-op'), toml('REUSE.toml', 8, 'closest', ['img/*.png'], 'CC-BY-SA-4.0', '2024 Artist'), toml('REUSE.toml', 12, 'closest', ['docs/**'], 'CC0-1.0')],
    license: 'CC-BY-SA-4.0',
    copyright: ['2024 Artist'],
    from: ['REUSE.toml:8'],
  },
  {
    rule: 'an earlier table does not fill in what the last matching one lacks',
    path: 'img/logo.png',
    tables: [toml('REUSE.toml', 3, 'closest', ['**'], 'MIT', '2024 Co-op'), toml('REUSE.toml', 8, 'closest', ['img/*.png'], 'CC-BY-SA-4.0')],
    license: 'CC-BY-SA-4.0',
    copyright: [],
  },
  {
    rule: 'a nested REUSE.toml closer to the file wins for closest',
    path: 'sub/x.c',
    tables: [toml('REUSE.toml', 3, 'closest', ['**'], 'MIT', '2024 Co-op'), toml('sub/REUSE.toml', 2, 'closest', ['**'], 'Apache-2.0', '2022 Vendor')],
    license: 'Apache-2.0',
    copyright: ['2022 Vendor'],
  },
  {
    rule: 'closest is chosen separately for license and copyright across REUSE.toml files',
    path: 'sub/x.c',
    tables: [toml('REUSE.toml', 3, 'closest', ['**'], 'MIT', '2024 Co-op'), toml('sub/REUSE.toml', 2, 'closest', ['**'], 'Apache-2.0')],
    license: 'Apache-2.0',
    copyright: ['2024 Co-op'],
    from: ['sub/REUSE.toml:2'],
  },
  {
    rule: 'the override table closest to the root is authoritative',
    path: 'sub/x.c',
    tables: [toml('REUSE.toml', 3, 'override', ['sub/**'], 'MIT', '2024 Co-op'), toml('sub/REUSE.toml', 2, 'override', ['**'], 'Apache-2.0', '2022 Vendor')],
    license: 'MIT',
    copyright: ['2024 Co-op'],
  },
  {
    rule: 'a deeper override ignores a shallower closest table (spec; reuse-tool differs)',
    path: 'sub/x.c',
    tables: [toml('REUSE.toml', 3, 'closest', ['**'], 'MIT', '2024 Co-op'), toml('sub/REUSE.toml', 2, 'override', ['**'], 'Apache-2.0', '2022 Vendor')],
    license: 'Apache-2.0',
    copyright: ['2022 Vendor'],
  },
  {
    rule: 'a deeper override keeps a shallower aggregate table',
    path: 'sub/x.c',
    own: own(['GPL-2.0-only']),
    tables: [toml('REUSE.toml', 3, 'aggregate', ['**'], 'MIT', '2024 Co-op'), toml('sub/REUSE.toml', 2, 'override', ['**'], 'Apache-2.0', '2022 Vendor')],
    license: 'Apache-2.0 AND MIT',
    copyright: ['2022 Vendor', '2024 Co-op'],
  },
  {
    rule: 'an override at the root hides deeper aggregate tables',
    path: 'sub/x.c',
    tables: [toml('REUSE.toml', 3, 'override', ['**'], 'MIT'), toml('sub/REUSE.toml', 2, 'aggregate', ['**'], 'Apache-2.0')],
    license: 'MIT',
    copyright: [],
  },
  {
    rule: 'a sidecar replaces the file own tags',
    own: own(['GPL-3.0-or-later'], ['2020 Upstream']),
    sidecar: sidecar(['CC0-1.0'], ['2019 Photographer']),
    tables: [],
    license: 'CC0-1.0',
    copyright: ['2019 Photographer'],
    from: ['f.license:1'],
  },
  {
    rule: 'an empty sidecar still hides the file tags; closest then fills in',
    own: own(['GPL-3.0-or-later'], ['2020 Upstream']),
    sidecar: sidecar([]),
    tables: [toml('REUSE.toml', 3, 'closest', ['**'], 'MIT', '2024 Co-op')],
    license: 'MIT',
    copyright: ['2024 Co-op'],
  },
  {
    rule: 'dep5 aggregates with the file tags',
    own: own(['GPL-3.0-or-later'], ['2020 Upstream']),
    tables: [dep5(5, ['*'], 'MIT', '2024 Co-op')],
    license: 'GPL-3.0-or-later AND MIT',
    copyright: ['2020 Upstream', '2024 Co-op'],
    from: ['f:1', '.reuse/dep5:5'],
  },
  {
    rule: 'dep5 uses its last matching paragraph',
    path: 'img/a.png',
    tables: [dep5(5, ['*'], 'MIT', '2024 Co-op'), dep5(9, ['img/*'], 'CC0-1.0', '2020 Artist'), dep5(13, ['docs/*'], 'PPL')],
    license: 'CC0-1.0',
    copyright: ['2020 Artist'],
  },
  {
    rule: 'dep5 aggregates with a sidecar',
    path: 'img/a.png',
    sidecar: sidecar(['CC-BY-4.0'], ['2024 Photographer']),
    tables: [dep5(5, ['img/*'], 'CC0-1.0', '2020 Artist')],
    license: 'CC-BY-4.0 AND CC0-1.0',
    copyright: ['2024 Photographer', '2020 Artist'],
  },
  {
    rule: 'snippet licenses join the file license, after the file-level ones',
    own: merge(own(['MIT'], ['2024 Jane']), tags('f', 'spdx-tag', ['Apache-2.0'], ['2019 Snippet Author'], 'snippet')),
    tables: [toml('REUSE.toml', 3, 'aggregate', ['**'], 'CC0-1.0')],
    license: 'MIT AND CC0-1.0 AND Apache-2.0',
    copyright: ['2024 Jane', '2019 Snippet Author'],
  },
  {
    rule: 'snippet tags count as the file own information (as reuse-tool): closest adds no license',
    own: tags('f', 'spdx-tag', ['Apache-2.0'], [], 'snippet'),
    tables: [toml('REUSE.toml', 3, 'closest', ['**'], 'MIT', '2024 Co-op')],
    license: 'Apache-2.0',
    copyright: ['2024 Co-op'],
  },
  {
    rule: 'an OR expression is parenthesized when joined with AND',
    own: own(['MIT OR Apache-2.0']),
    tables: [toml('REUSE.toml', 3, 'aggregate', ['**'], 'PPL')],
    license: '(MIT OR Apache-2.0) AND PPL',
    copyright: [],
  },
  {
    rule: 'the same license and copyright from two sources count once',
    own: own(['MIT'], ['2024 Co-op']),
    tables: [toml('REUSE.toml', 3, 'aggregate', ['**'], 'MIT', '2024 Co-op')],
    license: 'MIT',
    copyright: ['2024 Co-op'],
    from: ['f:1', 'REUSE.toml:3'],
  },
  {
    rule: 'a REUSE.toml does not cover a sibling folder with a longer name',
    path: 'subway/x.c',
    tables: [toml('sub/REUSE.toml', 2, 'closest', ['**'], 'MIT')],
    license: null,
    copyright: [],
  },
  {
    rule: 'a path matches relative to the REUSE.toml folder',
    path: 'sub/x.c',
    tables: [toml('sub/REUSE.toml', 2, 'closest', ['sub/x.c'], 'MIT'), toml('sub/REUSE.toml', 4, 'closest', ['x.c'], 'PPL')],
    license: 'PPL',
    copyright: [],
  },
];

describe('resolveFile (REUSE 3.3 precedence)', () => {
  it.each(rows)('$rule', (row) => {
    const r = resolveFile(row.path ?? 'f', row.own ?? null, row.sidecar ?? null, compileAnnotations(row.tables));
    expect(r.license).toBe(row.license);
    expect(r.copyright).toEqual(row.copyright);
    if (row.from) expect(r.declarations.map((d) => `${d.file}:${d.line}`)).toEqual(row.from);
    expect(r.notices.map((n) => n.text)).toEqual(expect.arrayContaining(row.copyright));
  });
});

describe('combineLicenses', () => {
  it.each([
    [[], null],
    [['MIT'], 'MIT'],
    [['MIT', 'MIT'], 'MIT'],
    [['MIT OR Apache-2.0'], 'MIT OR Apache-2.0'],
    [['MIT AND PPL', 'PPL'], 'MIT AND PPL'],
    [['(MIT OR Apache-2.0) AND PPL', 'GPL-3.0-only'], '(MIT OR Apache-2.0) AND PPL AND GPL-3.0-only'],
    [['GPL-2.0-only WITH Classpath-exception-2.0', 'MIT OR PPL'], 'GPL-2.0-only WITH Classpath-exception-2.0 AND (MIT OR PPL)'],
    [['NOASSERTION'], 'NOASSERTION'],
    [['NOASSERTION', 'MIT'], 'MIT'],
    [['NONE', 'NOASSERTION'], 'NONE AND NOASSERTION'],
    [['(MIT)'], 'MIT'],
  ])('%j -> %s', (expressions, expected) => {
    expect(combineLicenses(expressions)).toBe(expected);
  });
});

describe('isCovered (REUSE 3.3 Covered Files)', () => {
  it.each([
    ['src/main.c', true],
    ['README.md', true],
    ['license.txt', true], // case matters, as in reuse-tool
    ['LICENSE', false],
    ['LICENSE.md', false],
    ['LICENSE-MIT', false],
    ['LICENCE', false],
    ['COPYING', false],
    ['COPYING.LESSER', false],
    ['lib/vendor/LICENSE.txt', false],
    ['LICENSES/MIT.txt', false],
    ['LICENSES/PPL.txt.license', false],
    ['vendor/LICENSES/MIT.txt', false], // reuse-tool skips every LICENSES folder
    ['LICENSEE.md', true],
    ['COPYINGS', true],
    ['cat.jpg.license', false],
    ['.license', false],
    ['REUSE.toml', false],
    ['sub/REUSE.toml', false],
    ['.reuse/dep5', false],
    ['.reuse/templates/header.jinja2', false],
    ['.git/config', false],
    ['.hgtags', false],
    ['sbom.spdx', false],
    ['sbom.spdx.json', false],
    ['sbom.spdx.yml', false],
    ['sbom.spdx.txt', true],
    ['CAL-1.0.txt', false],
    ['subprojects/zlib/zlib.c', false], // a Meson subproject is its own project
    ['subprojects/zlib.wrap', true],
  ])('%s: %s', (path, expected) => {
    expect(isCovered(path, 10)).toBe(expected);
  });

  it('does not cover empty files and symlinks', () => {
    expect(isCovered('src/empty.py', 0)).toBe(false);
    expect(isCovered('src/link.py', 10, true)).toBe(false);
  });

  it.each([
    ['REUSE.toml', true],
    ['docs/REUSE.toml', true],
    ['LICENSES/REUSE.toml', false],
    ['subprojects/zlib/REUSE.toml', false],
    ['.reuse/REUSE.toml', false],
  ])('a REUSE.toml at %s is read: %s', (path, expected) => {
    expect(inCoveredFolder(path)).toBe(expected);
  });

  it('covers Meson subprojects when asked', () => {
    expect(isCovered('subprojects/zlib/zlib.c', 10, false, { includeMesonSubprojects: true })).toBe(true);
  });
});

describe('project checks', () => {
  it('reports REUSE.toml and dep5 used together', () => {
    expect(findReuseConflict(['.reuse/dep5', 'src/a.c'])).toBeNull();
    expect(findReuseConflict(['REUSE.toml', 'src/a.c'])).toBeNull();
    expect(findReuseConflict(['.reuse/dep5', 'docs/REUSE.toml'])).toMatchObject({ code: 'dep5-and-reuse-toml', severity: 'error', file: '.reuse/dep5' });
  });

  it('names an orphan sidecar and the file it lacks', () => {
    expect(orphanSidecar('img/dog.png.license')).toMatchObject({ code: 'orphan-sidecar', severity: 'warning', file: 'img/dog.png.license', message: 'img/dog.png.license is a .license sidecar, but img/dog.png is not in the tree' });
  });
});

// Real trees: walked and read by src/walk, detected by the REUSE detectors, resolved here.
// The dep5 expectations were confirmed by hand with Debian's reuse 1.1.2 (`reuse spdx`).
const FIXTURES = join(PACKAGE_ROOT, 'fixtures', 'reuse');
const REUSE_DETECTORS = [spdxTags, sidecarDetector, reuseToml, dep5Detector];

function resolveTree(root: string): { files: Record<string, { license: string | null; copyright: readonly string[] }>; problems: string[] } {
  const ctx = testContext();
  const found = new Map<string, { size: number; detection: Detection }>();
  const walk = walkTree(root);
  for (const path of walk.files) {
    const input = readFileInput(`${walk.root}/${path}`, path);
    const parts = REUSE_DETECTORS.filter((d) => d.accepts(input.path, input.kind)).map((d) => d.detect(input, ctx));
    found.set(path, {
      size: input.size,
      detection: {
        declarations: parts.flatMap((p) => p.declarations),
        copyrights: parts.flatMap((p) => p.copyrights),
        problems: parts.flatMap((p) => p.problems),
        annotations: parts.flatMap((p) => p.annotations ?? []),
      },
    });
  }
  const index = compileAnnotations([...found.values()].flatMap((f) => f.detection.annotations ?? []));
  const pick = (d: Detection, source: string): Licensing => ({
    declarations: d.declarations.filter((x) => x.source === source),
    copyrights: d.copyrights.filter((x) => x.source === source),
  });
  const files: Record<string, { license: string | null; copyright: readonly string[] }> = {};
  for (const [path, f] of found) {
    if (!isCovered(path, f.size)) continue;
    const side = found.get(`${path}.license`);
    const r = resolveFile(path, pick(f.detection, 'spdx-tag'), side ? pick(side.detection, 'sidecar') : null, index);
    files[path] = { license: r.license, copyright: r.copyright };
  }
  const problems = [...found.values()].flatMap((f) => f.detection.problems.map((p) => `${p.code} ${p.file}:${p.line}`));
  return { files, problems };
}

describe('REUSE fixture projects', () => {
  it('toml-project: override, aggregate, nested closest, sidecars, snippets', () => {
    const co = '2024 Commons Cooperative <info@commons.example>';
    const { files, problems } = resolveTree(join(FIXTURES, 'toml-project'));
    expect(problems).toEqual([]);
    expect(files).toEqual({
      'README.md': { license: 'PPL', copyright: [co] },
      'src/main.py': { license: 'AGPL-3.0-or-later', copyright: ['2024 Jane Doe <jane@commons.example>'] },
      'src/util.py': { license: 'PPL', copyright: ['2024 Sam Roe <sam@commons.example>'] },
      'src/config.py': { license: 'PPL', copyright: [co] },
      'src/shared.py': { license: 'PPL AND MIT', copyright: ['2024 Jane Doe <jane@commons.example>', '2018 Python Cookbook Authors'] },
      'po/de.po': { license: 'CC-BY-SA-4.0', copyright: ['2024 Ana Übersetzerin', '2023 Translators Collective'] },
      'vendor/left-pad/index.js': { license: 'MIT', copyright: ['2016 left-pad contributors'] },
      'assets/icons/menu.svg': { license: 'CC0-1.0', copyright: ['2022 Icon Designer <icons@example.org>'] },
      'assets/icons/close.svg': { license: 'CC-BY-SA-4.0', copyright: ["2024 Illustrators' Guild"] },
      'assets/banner.png': { license: 'CC-BY-SA-4.0', copyright: ["2024 Illustrators' Guild"] },
      'assets/logo.png': { license: 'CC0-1.0', copyright: [co] },
      'assets/photo.jpg': { license: 'CC-BY-4.0', copyright: ['2021 Market Photographer <photo@example.org>'] },
    });
  });

  it('dep5-project: dep5 aggregates with headers and sidecars, last paragraph wins', () => {
    const seeds = '2024 Seed Library Collective <hello@seeds.example>';
    const { files, problems } = resolveTree(join(FIXTURES, 'dep5-project'));
    expect(problems).toEqual([]);
    expect(files).toEqual({
      'data/seeds.csv': { license: 'ODbL-1.0', copyright: ['2023 Open Data Co-op', seeds] },
      'docs/diagram.svg': { license: 'PPL', copyright: ['2023 Diagram Author', seeds] },
      'docs/guide.md': { license: 'PPL', copyright: [seeds] },
      'img/logo.png': { license: 'CC0-1.0 AND CC-BY-SA-4.0', copyright: ['2024 Logo Designer <logo@example.org>', "2022 Illustrators' Union"] },
      'img/seed.png': { license: 'CC-BY-SA-4.0', copyright: ["2022 Illustrators' Union"] },
      'src/app.js': { license: 'AGPL-3.0-or-later AND PPL', copyright: ['2024 Rosa Park <rosa@seeds.example>', seeds] },
      'src/lib.js': { license: 'PPL', copyright: [seeds] },
    });
  });

  it('broken-project: bad REUSE.toml files and tags are problems with file and line; the rest resolves', () => {
    const co = '2024 Tool Library Cooperative';
    const { files, problems } = resolveTree(join(FIXTURES, 'broken-project'));
    expect(problems.sort()).toEqual([
      'invalid-expression docs/REUSE.toml:9',
      'invalid-expression src/loan.ts:2',
      'malformed-reuse-toml lib/REUSE.toml:6',
      'reuse-path-outside docs/REUSE.toml:12',
    ]);
    expect(files).toEqual({
      'docs/index.md': { license: 'CC-BY-SA-4.0', copyright: [co] },
      // its table's only license is invalid, so the license comes from the closest table that has one
      'docs/manual/lending.md': { license: 'PPL', copyright: [co] },
      'lib/ring.c': { license: 'PPL', copyright: [co] },
      'outside.txt': { license: 'PPL', copyright: [co] },
      'src/loan.ts': { license: 'PPL', copyright: ['2024 Kim Lee'] },
    });
  });
});
