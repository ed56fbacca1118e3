import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIndex } from '../../src/walk/git-index.js';
import { MAX_RULES } from '../../src/walk/gitignore-rules.js';
import { walkTree } from '../../src/walk/walk.js';
import { makeTree, removeTree } from '../helpers.js';

const roots: string[] = [];
const tree = (t: Parameters<typeof makeTree>[0]): string => {
  const root = makeTree(t);
  roots.push(root);
  return root;
};
afterEach(() => roots.splice(0).forEach(removeTree));
const paths = (root: string, options = {}) => walkTree(root, options).files;

describe('walkTree', () => {
  it('lists files sorted, and always skips version-control folders', () => {
    const root = tree({ 'b.txt': 'b', 'a.txt': 'a', sub: { 'c.txt': 'c' }, '.git': { HEAD: 'x' }, '.hg': { x: 'x' }, '.svn': { x: 'x' } });
    const r = walkTree(root);
    expect(r.files).toEqual(['a.txt', 'b.txt', 'sub/c.txt']);
    expect(r.skipped.vcs).toBe(3);
  });

  it('applies .gitignore files, nested ones too, with negation', () => {
    const root = tree({
      '.git': {},
      '.gitignore': 'build/\n*.log\n',
      'a.log': 'x',
      'keep.txt': 'x',
      build: { 'out.js': 'x' },
      pkg: { '.gitignore': '*.tmp\n!important.tmp\n/local.txt\n', 'x.tmp': 'x', 'important.tmp': 'x', 'local.txt': 'x', deep: { 'local.txt': 'x' } },
    });
    expect(paths(root)).toEqual(['.gitignore', 'keep.txt', 'pkg/.gitignore', 'pkg/deep/local.txt', 'pkg/important.tmp']);
    expect(paths(root, { gitignore: false })).toContain('build/out.js');
  });

  it('matches .gitignore patterns with case, as git does, unless the repository sets core.ignorecase', () => {
    const files = { '.gitignore': '*.s\nperf\n', 'start.S': 'x', 'a.s': 'x', Perf: { 'p.pm': 'x' }, perf: { 'q.c': 'x' } };
    expect(paths(tree({ '.git': { config: '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n' }, ...files }))).toEqual(['.gitignore', 'Perf/p.pm', 'start.S']);
    expect(paths(tree({ '.git': {}, ...files }))).toEqual(['.gitignore', 'Perf/p.pm', 'start.S']);
    // git sets core.ignorecase on a file system that ignores case (macOS, Windows): there *.s hides start.S.
    expect(paths(tree({ '.git': { config: '[core]\n\tignorecase = true\n[user]\n\tname = x\n' }, ...files }))).toEqual(['.gitignore']);
  });

  it("reads .gitignore outside a git repository too, unless told to read it as git does ('in-repo', lint --reuse)", () => {
    const root = tree({ '.gitignore': '*.pot\nbuild/\n', po: { 'app.pot': 'x' }, build: { 'out.txt': 'x' } });
    expect(paths(root)).toEqual(['.gitignore']);
    expect(paths(root, { gitignore: 'in-repo' })).toEqual(['.gitignore', 'build/out.txt', 'po/app.pot']);
    expect(paths(tree({ '.git': {}, '.gitignore': '*.pot\n', 'a.pot': 'x' }), { gitignore: 'in-repo' })).toEqual(['.gitignore']);
  });

  it.each([2, 3, 4])('never ignores a file git tracks (index version %i), as git and REUSE do not', (version) => {
    const root = tree({
      '.gitignore': '*.patch\nbuild/\n.*\n!.gitignore\n',
      'fix.patch': 'x', 'other.patch': 'x', '.mailmap': 'x', '.untracked': 'x', 'café.patch': 'x', 'cafés.patch': 'x',
      build: { keep: { 'tracked.txt': 'x' }, 'untracked.txt': 'x' },
    });
    const git = (...args: string[]) => expect(spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: root, encoding: 'utf8' }).status).toBe(0);
    git('init', '-q');
    git('add', '.gitignore');
    git('add', '-f', 'fix.patch', '.mailmap', 'café.patch', 'cafés.patch', 'build/keep/tracked.txt');
    // Version 3 exists for extended flags: an intent-to-add entry (git add -N) has them.
    if (version === 3) git('add', '-N', '-f', '.untracked');
    git('update-index', '--index-version', String(version));
    const intent = version === 3 ? ['.untracked'] : [];
    expect(parseIndex(readFileSync(join(root, '.git', 'index')))).toHaveLength(6 + intent.length);
    expect(paths(root)).toEqual(['.gitignore', '.mailmap', ...intent, 'build/keep/tracked.txt', 'café.patch', 'cafés.patch', 'fix.patch']);
    expect(paths(join(root, 'build'))).toContain('keep/tracked.txt');
  });

  it('applies at most MAX_RULES rules of one .gitignore, and says so', () => {
    const lines = Array.from({ length: MAX_RULES + 5 }, (_, i) => `gen-${i}.tmp`);
    const root = tree({ '.git': {}, '.gitignore': `${lines.join('\n')}\n`, 'gen-0.tmp': 'x', [`gen-${MAX_RULES + 2}.tmp`]: 'x', 'a.txt': 'x' });
    const r = walkTree(root);
    expect(r.files).toEqual(['.gitignore', 'a.txt', `gen-${MAX_RULES + 2}.tmp`]);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'gitignore-too-long', severity: 'warning', file: '.gitignore' })]);
  });

  it('reads no index that is not one', () => {
    expect(parseIndex(Buffer.from('not an index'))).toBeNull();
    expect(parseIndex(Buffer.from('DIRC\0\0\0\x09\0\0\0\x01', 'latin1'))).toBeNull(); // version 9
    expect(parseIndex(Buffer.from('DIRC\0\0\0\x02\0\0\0\x05', 'latin1'))).toBeNull(); // 5 entries, none there
  });

  it('applies the .gitignore files above the scanned folder inside the same repository', () => {
    const root = tree({ '.git': {}, '.gitignore': '/app/generated/\n*.bak\n', app: { 'a.ts': 'x', 'a.bak': 'x', generated: { 'g.ts': 'x' } } });
    expect(paths(join(root, 'app'))).toEqual(['a.ts']);
  });

  it('applies .git/info/exclude', () => {
    const root = tree({ '.git': { info: { exclude: 'secret.txt\n' } }, 'secret.txt': 'x', 'a.txt': 'x' });
    expect(paths(root)).toEqual(['a.txt']);
  });

  it("reads a worktree's info/exclude and core.ignorecase from the main repository, as git does", () => {
    const main = tree({ '.gitignore': '*.s\n', 'a.txt': 'x' });
    const git = (cwd: string, ...args: string[]) => expect(spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd, encoding: 'utf8' }).status).toBe(0);
    git(main, 'init', '-q');
    git(main, 'add', '.');
    git(main, 'commit', '-q', '-m', 'x');
    const wt = join(main, 'wt');
    git(main, 'worktree', 'add', '-q', wt);
    for (const f of ['secret.txt', 'start.S', 'b.txt']) writeFileSync(join(wt, f), 'x');
    expect(paths(wt)).toEqual(['.gitignore', 'a.txt', 'b.txt', 'secret.txt', 'start.S']);
    writeFileSync(join(main, '.git', 'info', 'exclude'), 'secret.txt\n');
    git(main, 'config', 'core.ignorecase', 'true');
    expect(paths(wt)).toEqual(['.gitignore', 'a.txt', 'b.txt']);
  });

  it('applies --exclude and include patterns in .gitignore syntax', () => {
    const root = tree({ vendor: { 'v.js': 'x' }, src: { 'a.js': 'x', 'a.min.js': 'x' }, 'README.md': 'x' });
    expect(paths(root, { exclude: ['vendor/', '*.min.js'] })).toEqual(['README.md', 'src/a.js']);
    expect(paths(root, { include: ['src/'] })).toEqual(['src/a.js', 'src/a.min.js']);
    // With case, as in .gitignore and REUSE.toml: *.MD is not README.md.
    expect(paths(root, { exclude: ['*.MD', 'SRC/'] })).toEqual(['README.md', 'src/a.js', 'src/a.min.js', 'vendor/v.js']);
  });

  it('skips a nested repository (a submodule is its own project)', () => {
    const root = tree({ 'a.txt': 'x', sub: { '.git': 'gitdir: ../.git/modules/sub\n', 'b.txt': 'x' } });
    const r = walkTree(root);
    expect(r.files).toEqual(['a.txt']);
    expect(r.skipped.submodule).toBe(1);
  });

  it('does not follow symlinks by default, and never out of the root or round a loop', () => {
    const root = tree({ 'a.txt': 'x', dir: { 'b.txt': 'x' } });
    symlinkSync('/etc', join(root, 'etc-link'));
    symlinkSync('/etc/hostname', join(root, 'hostname-link'));
    symlinkSync('..', join(root, 'dir', 'loop'));
    symlinkSync('dir', join(root, 'dir-link'));
    symlinkSync('missing', join(root, 'dangling'));
    const plain = walkTree(root);
    expect(plain.files).toEqual(['a.txt', 'dir/b.txt']);
    expect(plain.skipped.symlink).toBe(5);
    symlinkSync('a.txt', join(root, 'a-link.txt'));
    const followed = walkTree(root, { followSymlinks: true });
    expect(followed.files).toEqual(['a-link.txt', 'a.txt', 'dir/b.txt']);
    expect(followed.skipped['symlink-outside-root']).toBe(3); // /etc, /etc/hostname, dangling
    expect(followed.skipped['symlink-dir']).toBe(2); // dir-link, dir/loop: walked at their real paths
  });

  it('reports a file or folder whose name is not UTF-8 (it cannot be opened by the name Node gives), and goes on', () => {
    const root = tree({ 'a.txt': 'x', 'b\uFFFDreal.txt': 'a real U+FFFD in a name opens' });
    const latin1 = (name: string) => Buffer.from(join(root, name), 'latin1');
    try {
      writeFileSync(latin1('caf\xe9.mp3'), 'x');
      mkdirSync(latin1('m\xfasica'));
      writeFileSync(Buffer.concat([latin1('m\xfasica'), Buffer.from('/song.ogg')]), 'x');
    } catch {
      return; // a file system that only takes UTF-8 names (APFS) cannot hold such a file
    }
    const r = walkTree(root);
    expect(r.files).toEqual(['a.txt', 'b\uFFFDreal.txt']);
    expect(r.skipped['name-not-utf8']).toBe(2);
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'name-not-utf8', severity: 'error', file: 'caf\uFFFD.mp3' }),
      expect.objectContaining({ code: 'name-not-utf8', severity: 'error', file: 'm\uFFFDsica' }),
    ]);
  });

  // root reads every folder; test/e2e/scan.test.ts covers this case for root by dropping the capability.
  it.skipIf(process.getuid?.() === 0)('reports an unreadable folder and goes on', () => {
    const root = tree({ ok: { 'a.txt': 'x' }, locked: { 'b.txt': 'x' } });
    chmodSync(join(root, 'locked'), 0o000);
    const r = walkTree(root);
    chmodSync(join(root, 'locked'), 0o755);
    expect(r.files).toEqual(['ok/a.txt']);
    expect(r.problems).toMatchObject([{ code: 'read-error', file: 'locked' }]);
  });

  it('refuses a missing root or a file given as the root', () => {
    const root = tree({ 'a.txt': 'x' });
    expect(() => walkTree(join(root, 'nope'))).toThrow(/no such file or folder/);
    expect(() => walkTree(join(root, 'a.txt'))).toThrow(/is a file; give the folder to scan/);
  });

  it('skips sockets and fifos without opening them', async () => {
    const root = tree({ 'a.txt': 'x' });
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [join(root, 'pipe')]);
    const r = walkTree(root);
    expect(r.files).toEqual(['a.txt']);
    expect(r.skipped.special).toBe(1);
  });
});

it('handles a deep tree without recursion limits biting', () => {
  const root = tree({});
  let dir = root;
  for (let i = 0; i < 200; i++) {
    dir = join(dir, 'd');
    mkdirSync(dir);
  }
  writeFileSync(join(dir, 'deep.txt'), 'x');
  expect(paths(root)).toEqual([`${'d/'.repeat(200)}deep.txt`]);
});
