// The fast .gitignore matcher against the `ignore` package, which matches every rule as a
// regular expression: on every path whose folders are not ignored (the only paths the walk
// asks about), both must say the same, for every kind of rule, with and without case.
import ignore from 'ignore';
import { describe, expect, it } from 'vitest';
import { compileIgnoreRules } from '../../src/walk/gitignore-rules.js';

const RULES = [
  '# a comment',
  '*.o',
  '*.mod.c',
  '.*',
  '!.gitignore',
  'Module.symvers',
  '/vmlinux',
  '/include/config/',
  'utils/cpufreq-set.o',
  '/*.spec',
  '/arch/*/include/generated/',
  '\\#*#',
  '*.c.[012]*.*',
  '*.tab.[ch]',
  'patches-*',
  '*~',
  'sphinx_*/',
  '[!a]bc',
  'foo?.txt',
  'doc/**/*.pdf',
  '!keep.o',
  'build/',
  '*.log',
  '!important.log',
  'spaced.txt   ',
  '\\!bang',
  'x[0-9].dat',
  '**/__pycache__',
  '**/*.pyc',
  'generated/**/*.c',
  '/out/**',
  'a/**/b',
  '**/foo/bar',
  'deep/**/x/**/y.txt',
  '/mid**dle/*.md',
  '!out/**/keep.me',
].join('\n');

const PATHS: [string, boolean][] = [
  ...['a.o', 'src/a.o', 'keep.o', 'src/keep.o', 'x.mod.c', '.hidden', 'src/.hidden', '.gitignore', 'vmlinux', 'sub/vmlinux'].map((p) => [p, false] as [string, boolean]),
  ['include/config', true], ['include/config', false], ['include', true], ['include/other.h', false],
  ['utils/cpufreq-set.o', false], ['x/utils/cpufreq-set.o', false], ['a.spec', false], ['d/a.spec', false],
  ['arch/x86/include/generated', true], ['arch/x86/include/generated', false], ['arch/x86/include/generated2', true], ['arch/x86/include', true],
  ['#tmp#', false], ['src/#tmp#', false], ['f.c.1x.y', false], ['f.c.3x.y', false], ['y.tab.c', false], ['y.tab.h', false], ['y.tab.o', false],
  ['patches-1', false], ['patches', false], ['file~', false], ['sphinx_out', true], ['sphinx_out', false],
  ['xbc', false], ['abc', false], ['foo1.txt', false], ['foo12.txt', false], ['doc/a/b.pdf', false], ['doc/b.pdf', false], ['doc', true], ['doc/a', true],
  ['build', true], ['build', false], ['src/build', true], ['important.log', false], ['x.log', false], ['logs/x.log', false],
  ['spaced.txt', false], ['!bang', false], ['bang', false], ['x1.dat', false], ['xa.dat', false], ['Module.symvers', false], ['A.O', false], ['VMLINUX', false],
  ['__pycache__', true], ['pkg/__pycache__', true], ['pkg/m.pyc', false], ['m.pyc', false], ['m.pyd', false],
  ['generated/x.c', false], ['generated/a/b/x.c', false], ['generated/a/b/x.h', false], ['src/generated/x.c', false], ['generated', true],
  ['out', true], ['out', false], ['out/x', false], ['out/sub', true], ['out/keep.me', false], ['output/x', false],
  ['a/b', false], ['a/b', true], ['a/x/b', false], ['a/x/y/b', false], ['a/x/y/bb', false], ['z/a/b', false], ['a', true], ['a/x', true], ['a/x/y', true],
  ['foo/bar', false], ['q/foo/bar', false], ['q/r/foo/bar', false], ['q/foo/baz', false], ['foo', true], ['q', true], ['q/foo', true], ['q/r', true], ['q/r/foo', true],
  ['deep/x/y.txt', false], ['deep/1/x/2/3/y.txt', false], ['deep/x/z.txt', false], ['deep/1/2/y.txt', false], ['deep', true], ['deep/1', true], ['deep/x', true], ['deep/1/x', true], ['deep/1/x/2', true],
  ['middle/a.md', false], ['midXXdle/a.md', false], ['mid/dle/a.md', false], ['middle', true],
  ['a.obj', false], ['x.mod.cpp', false], ['a.log.txt', false], ['patch-1', false], ['my.hidden', false], ['vmlinux.bak', false], ['ab', false],
];

describe('compileIgnoreRules', () => {
  it.each([false, true])('says what `ignore` says on every path the walk asks about (ignore case: %s)', (ignoreCase) => {
    const oracle = ignore({ ignorecase: ignoreCase }).add(RULES);
    const mine = compileIgnoreRules(RULES, ignoreCase);
    let asked = 0;
    for (const [path, isDir] of PATHS) {
      const parts = path.split('/');
      // The walk never asks about a path below an ignored folder.
      if (parts.slice(0, -1).some((_, i) => oracle.ignores(`${parts.slice(0, i + 1).join('/')}/`))) continue;
      asked++;
      expect(mine.ignores(path, isDir), `${path}${isDir ? '/' : ''}`).toBe(oracle.ignores(isDir ? `${path}/` : path));
    }
    expect(asked).toBeGreaterThan(90);
  });

  // A regular expression of these stars takes ~10^14 steps on this name; the wildcard walk, a few thousand.
  it('matches a hostile glob of many stars in bounded work', () => {
    const rules = compileIgnoreRules(`${'*a'.repeat(12)}*b\n/x/${'*a'.repeat(12)}*b\n`, false);
    expect(rules.ignores('a'.repeat(250), false)).toBe(false);
    expect(rules.ignores(`x/${'a'.repeat(250)}`, false)).toBe(false);
    expect(rules.ignores(`${'a'.repeat(250)}b`, false)).toBe(true);
  });

  // Trailing spaces were dropped by a regular expression tried from every space of the run: minutes on this line.
  it('drops trailing spaces but an escaped one, in one pass over a hostile line', () => {
    const rules = compileIgnoreRules(`a${' '.repeat(1_000_000)}x\nb.log   \nc\\   \n`, false);
    expect(rules.ignores(`a${' '.repeat(1_000_000)}x`, false)).toBe(true);
    expect(rules.ignores('b.log', false)).toBe(true);
    expect(rules.ignores('c ', false)).toBe(true);
    expect(rules.ignores('c', false)).toBe(false);
  });

  it('lets the last matching rule decide, negations included', () => {
    const rules = compileIgnoreRules('*.log\n!important.log\nimportant.log\n', false);
    expect(rules.ignores('important.log', false)).toBe(true);
    expect(compileIgnoreRules('*.log\n!important.log\n', false).ignores('important.log', false)).toBe(false);
  });
});
