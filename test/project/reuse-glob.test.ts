import { describe, expect, it } from 'vitest';
import { compileAnnotations, compileGlob, createGlobSet, matchGlob, type GlobSyntax } from '../../src/project/reuse-glob.js';
import type { Annotation } from '../../src/detect/types.js';

const matches = (syntax: GlobSyntax, glob: string, path: string): boolean => matchGlob(compileGlob(glob, syntax), path);

// Globs as the REUSE.toml string holds them (a TOML "\\*" is the two characters \*).
describe('REUSE.toml globs (REUSE 3.3)', () => {
  it.each([
    // literal paths
    ['src/main.c', 'src/main.c', true],
    ['src/main.c', 'src/main.cc', false],
    ['src/main.c', 'lib/src/main.c', false],
    ['a.b', 'axb', false], // '.' is literal, not a regex dot
    ['(a)+[b]', '(a)+[b]', true],
    // `*`: anything but '/'
    ['*.png', 'logo.png', true],
    ['*.png', '.png', true],
    ['*.png', 'img/logo.png', false],
    ['img/*', 'img/a.svg', true],
    ['img/*', 'img/sub/a.svg', false],
    ['src/*_test.go', 'src/x_test.go', true],
    ['src/*_test.go', 'src/a/x_test.go', false],
    ['a/*/b', 'a/x/b', true],
    ['a/*/b', 'a/x/y/b', false],
    ['*', 'README', true],
    ['*/*.c', 'a/b.c', true],
    ['*/*.c', 'a/b/c.c', false],
    ['*/*.c', 'b.c', false],
    ['src/*/test/*.py', 'src/pkg/test/t.py', true],
    ['src/*/test/*.py', 'src/pkg/x/test/t.py', false],
    ['src/**/test/*.py', 'src/pkg/x/test/t.py', true],
    ['src/**/test/*.py', 'src/pkg/x/test/a/t.py', false],
    ['*-*-*.txt', 'a-b-c.txt', true],
    ['*-*-*.txt', 'a-b.txt', false],
    ['*', 'docs/README', false],
    // `**` and `**/`: anything, '/' included
    ['**', 'a/b/c.txt', true],
    ['***', 'a/b/c.txt', true],
    ['docs/**', 'docs/a.md', true],
    ['docs/**', 'docs/a/b/c.md', true],
    ['docs/**', 'docs', false],
    ['docs/**', 'docsx/a.md', false],
    ['**/*.md', 'README.md', true],
    ['**/*.md', 'a/b/c.md', true],
    ['**/*.md', 'a/b/c.mdx', false],
    ['**/foo.txt', 'foo.txt', true],
    ['**/foo.txt', 'a/b/foo.txt', true],
    ['**/foo.txt', 'barfoo.txt', true], // `**/` "matches everything", so this is REUSE's reading too
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['a/**/b.txt', 'c/x/b.txt', false],
    ['a**b', 'a/x/b', true],
    // escapes: `\*` is an asterisk, `\\` a backslash, `\x` is x
    ['file\\*.txt', 'file*.txt', true],
    ['file\\*.txt', 'fileX.txt', false],
    ['file\\*.txt', 'file*X.txt', false], // reuse-tool would say true here; the spec says a literal asterisk
    ['\\*\\*', '**', true],
    ['\\*\\*', 'a/b', false],
    ['\\**', '*abc', true],
    ['\\**', '*a/b', false],
    ['a\\\\b', 'a\\b', true],
    ['a\\\\*', 'a\\xyz', true],
    ['\\a\\b', 'ab', true],
    ['abc\\', 'abc', true],
    // code points beyond the BMP are one character
    ['ü*😀', 'über😀', true],
    ['?', '?', true], // `?` is literal in REUSE.toml
    ['?', 'a', false],
  ])('%j against %j -> %s', (glob, path, expected) => {
    expect(matches('reuse-toml', glob, path)).toBe(expected);
  });
});

describe('dep5 globs (Debian copyright format 1.0)', () => {
  it.each([
    ['*', 'a/b/c', true],
    ['src/*', 'src/a/b.c', true],
    ['*.png', 'img/a.png', true],
    ['*.png', 'img/a.pngx', false],
    ['a?c', 'abc', true],
    ['a?c', 'a/c', true],
    ['a?c', 'ac', false],
    ['a?c', 'abbc', false],
    ['?', '😀', true],
    ['??', '😀', false],
    ['a\\*', 'a*', true],
    ['a\\*', 'ab', false],
    ['a\\?', 'a?', true],
    ['a\\?', 'ab', false],
    ['a\\\\b', 'a\\b', true],
    ['docs/**', 'docs/x', true], // `**` is two `*`, each crossing '/'
    ['src/main.c', 'src/main.c', true],
    ['src/main.c', 'x/src/main.c', false],
  ])('%j against %j -> %s', (glob, path, expected) => {
    expect(matches('dep5', glob, path)).toBe(expected);
  });
});

describe('hostile globs', () => {
  it('match hostile globs and paths without backtracking (it would not finish)', () => {
    const glob = `${'*a'.repeat(40)}*b`;
    const path = 'a'.repeat(4000);
    for (const syntax of ['reuse-toml', 'dep5'] as const) expect(matches(syntax, glob, path)).toBe(false);
    expect(matches('reuse-toml', glob, `${path}b`)).toBe(true);
  });

  it('compile however long they are', () => {
    const long = `${'a'.repeat(300_000)}*`;
    expect(matches('reuse-toml', long, `${'a'.repeat(300_000)}.txt`)).toBe(true);
    expect(matches('reuse-toml', long, 'a.txt')).toBe(false);
  });
});

describe('createGlobSet', () => {
  const set = createGlobSet(
    [
      { glob: '**', id: 0 },
      { glob: 'docs/*.md', id: 1 },
      { glob: 'docs/api/index.md', id: 2 },
      { glob: 'docs/**', id: 3 },
      { glob: '*.png', id: 4 },
      { glob: 'docs/api/index.md', id: 5 },
      { glob: 'src/a.c', id: 1 },
    ],
    'reuse-toml',
  );
  it.each([
    ['README', 0],
    ['logo.png', 4],
    ['img/logo.png', 0],
    ['docs/guide.md', 3],
    ['docs/api/index.md', 5],
    ['docs/api/other.md', 3],
    ['src/a.c', 1],
    ['src/b.c', 0],
  ])('the last glob matching %s is %i', (path, id) => {
    expect(set.lastMatch(path)).toBe(id);
  });

  it('answers -1 when nothing matches', () => {
    expect(createGlobSet([{ glob: 'a/*', id: 0 }], 'reuse-toml').lastMatch('b/c')).toBe(-1);
  });

  it('resolves thousands of globs against tens of thousands of paths', () => {
    const entries = [];
    for (let i = 0; i < 3000; i++) entries.push({ glob: `pkg${i % 300}/file${i}.c`, id: i });
    for (let i = 0; i < 1000; i++) entries.push({ glob: `pkg${i % 300}/gen${i}/**`, id: 3000 + i });
    entries.push({ glob: '**/*.c', id: 1 });
    const globs = createGlobSet(entries, 'reuse-toml');
    let hits = 0;
    for (let i = 0; i < 60_000; i++) if (globs.lastMatch(`pkg${i % 300}/gen${i % 1000}/x/file${i}.c`) >= 0) hits++;
    expect(hits).toBe(60_000);
    expect(globs.lastMatch('pkg7/file7.c')).toBe(7);
    expect(globs.lastMatch('pkg7/gen7/deep/x.c')).toBe(3007);
    expect(globs.lastMatch('pkg8/gen7/deep/x.c')).toBe(1);
  });
});

describe('compileAnnotations', () => {
  const ann = (file: string, base: string, paths: string[], line: number, source: Annotation['source'] = 'reuse-toml'): Annotation => ({
    source,
    file,
    line,
    base,
    paths,
    precedence: source === 'dep5' ? 'aggregate' : 'closest',
    declarations: [],
    copyrights: [],
  });
  const index = compileAnnotations([
    ann('REUSE.toml', '', ['**'], 3),
    ann('REUSE.toml', '', ['sub/*.c'], 8),
    ann('sub/REUSE.toml', 'sub', ['*.c'], 3),
    ann('sub/REUSE.toml', 'sub', ['deep/**'], 7),
    ann('sub/deep/REUSE.toml', 'sub/deep', ['x.c'], 2),
    ann('.reuse/dep5', '', ['*.c'], 3, 'dep5'),
  ]);
  const covering = (path: string) => index.covering(path).map((a) => `${a.file}:${a.line}`);

  // Root first; within one folder a REUSE.toml before dep5 (which only aggregates anyway).
  it.each([
    ['a.txt', ['REUSE.toml:3']],
    ['a.c', ['REUSE.toml:3', '.reuse/dep5:3']],
    ['sub/a.c', ['REUSE.toml:8', '.reuse/dep5:3', 'sub/REUSE.toml:3']],
    ['sub/a.h', ['REUSE.toml:3']],
    ['sub/deep/x.c', ['REUSE.toml:3', '.reuse/dep5:3', 'sub/REUSE.toml:7', 'sub/deep/REUSE.toml:2']],
    ['subway/a.c', ['REUSE.toml:3', '.reuse/dep5:3']], // sub/REUSE.toml is not an ancestor
  ])('%s is covered by the last matching table of each ancestor file', (path, expected) => {
    expect(covering(path)).toEqual(expected);
  });

  it('lists the files annotations came from', () => {
    expect(index.sources).toEqual(['REUSE.toml', 'sub/REUSE.toml', 'sub/deep/REUSE.toml', '.reuse/dep5']);
  });
});
