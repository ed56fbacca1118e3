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

// A reference matcher for the differential test below: memoized recursion over the glob's
// characters, simple enough to check by eye (and fast enough for short inputs).
function reference(syntax: GlobSyntax, glob: string, path: string): boolean {
  const g = [...glob];
  const p = [...path];
  const memo = new Map<string, boolean>();
  const at = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    let hit = memo.get(key);
    if (hit !== undefined) return hit;
    if (i === g.length) hit = j === p.length;
    else if (g[i] === '\\') hit = i + 1 === g.length ? at(i + 1, j) : j < p.length && p[j] === g[i + 1] && at(i + 2, j + 1);
    else if (g[i] === '*') {
      let k = i;
      while (g[k] === '*') k++;
      const crosses = syntax === 'dep5' || k - i > 1;
      if (crosses && syntax === 'reuse-toml' && g[k] === '/') k++; // `**/` may match nothing at all
      hit = false;
      for (let e = j; e <= p.length && !hit; e++) {
        if (e > j && !crosses && p[e - 1] === '/') break;
        hit = at(k, e);
      }
      if (!hit && k > i && g[k - 1] === '/' && syntax === 'reuse-toml' && g[i + 1] === '*') {
        for (let e = j; e <= p.length && !hit; e++) hit = at(k - 1, e); // `**` then a literal '/'
      }
    } else if (g[i] === '?' && syntax === 'dep5') hit = j < p.length && at(i + 1, j + 1);
    else hit = j < p.length && p[j] === g[i] && at(i + 1, j + 1);
    memo.set(key, hit);
    return hit;
  };
  return at(0, 0);
}

describe('glob matching against a reference matcher', () => {
  // Small alphabets, so that random globs and paths often match; long globs have fewer wildcards.
  const alphabet = ['a', 'b', '/', '*', '*', '?', '\\', 'é', '😀'];
  const sparse = ['a', 'b', '/', 'a', 'b', '/', 'é', '😀', '*', '*', '?', '\\'];
  let seed = 7;
  // mulberry32: a seeded generator in 32-bit integer arithmetic.
  const random = (n: number): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const word = (chars: readonly string[], max: number): string => Array.from({ length: random(max + 1) }, () => chars[random(chars.length)]).join('');

  // A path made from the glob (each wildcard filled with a few characters, '/' among them), then
  // sometimes changed at one place: most such paths match or nearly do.
  const instance = (syntax: GlobSyntax, glob: string): string => {
    const g = [...glob];
    let out = '';
    for (let i = 0; i < g.length; i++) {
      if (g[i] === '\\') out += g[++i] ?? '';
      else if (g[i] === '*') out += word(['a', 'b', '/', 'é'], 3);
      else if (g[i] === '?' && syntax === 'dep5') out += ['a', '/', '😀'][random(3)];
      else out += g[i];
    }
    const chars = [...out];
    if (random(3) === 0 && chars.length > 0) chars[random(chars.length)] = ['a', '/', 'b'][random(3)]!;
    return chars.join('');
  };

  it.each(['reuse-toml', 'dep5'] as const)('agrees on 20,000 random %s globs and paths, short and past 31 tokens', (syntax) => {
    let matched = 0;
    let long = 0;
    for (let n = 0; n < 20_000; n++) {
      const glob = n % 2 === 0 ? word(sparse, 70) : word(alphabet, 10);
      const path = n % 3 === 0 ? word(['a', 'b', '/', 'é', '😀'], 14) : instance(syntax, glob);
      const got = matches(syntax, glob, path);
      if (got !== reference(syntax, glob, path)) expect(`${glob} ~ ${path}: ${got}`).toBe(`${glob} ~ ${path}: ${reference(syntax, glob, path)}`);
      if (got) matched++;
      if (got && compileGlob(glob, syntax).middle.length > 31) long++;
    }
    // Enough matches, long globs among them (past 31 tokens: the other NFA), to mean something.
    expect(matched).toBeGreaterThan(2_000);
    expect(long).toBeGreaterThan(150);
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
