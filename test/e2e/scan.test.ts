// The built CLI on real trees: output formats, bad input, and the promise that a scan
// never writes to what it scans.
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, ftruncateSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeTree, removeTree, treeMaker } from '../helpers.js';
import { BIN, runCli } from './run.js';
import { spawnSync } from 'node:child_process';

const tree = treeMaker();
const FIXTURES = join(fileURLToPath(new URL('../../fixtures/', import.meta.url)));
const scanJson = (root: string, ...args: string[]) => {
  const r = runCli(['scan', root, '--format', 'json', ...args]);
  return { ...r, json: JSON.parse(r.stdout) as { files: { path: string; license: string | null; copyright: string[] }[]; problems: { code: string; file: string; line: number | null; severity: string; suggestion: string | null }[]; summary: Record<string, unknown> } };
};

describe('farleft scan', () => {
  it('prints a human summary and JSON for the same tree', () => {
    const root = tree({
      'a.py': '# SPDX-FileCopyrightText: 2026 Example Collective\n# SPDX-License-Identifier: PPL\nprint(1)\n',
      'b.c': '// SPDX-License-Identifier: MIT\nint x;\n',
      'none.txt': 'no licensing here\n',
    });
    const text = runCli(['scan', root]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/\n  1  PPL\n/);
    expect(text.stdout).toMatch(/Without a license: 1 file\n\s+none\.txt/);
    const { json, code } = scanJson(root);
    expect(code).toBe(0);
    expect(json.files.map((f) => [f.path, f.license])).toEqual([
      ['a.py', 'PPL'],
      ['b.c', 'MIT'],
      ['none.txt', null],
    ]);
    expect(json.files[0]!.copyright).toEqual(['2026 Example Collective']);
  });

  it("reads a root manifest's SEE LICENSE IN: the named file's license, or a problem when the file is not there", () => {
    const manifest = (file: string) => JSON.stringify({ name: 'zine', license: `SEE LICENSE IN ${file}` });
    const missing = runCli(['scan', tree({ 'package.json': manifest('TERMS.md') }), '--format', 'json']);
    const missingJson = JSON.parse(missing.stdout) as { project: { license: string | null }; problems: { code: string; file: string }[] };
    expect(missingJson.project.license).toBeNull();
    expect(missingJson.problems).toContainEqual(expect.objectContaining({ code: 'missing-license-file', file: 'package.json' }));
    // The named file's text is read as a license text whatever the file's name (as deps reads it); terms no
    // license names stay as written, with the problem any license file of unknown text has.
    const mit = readFileSync(join(FIXTURES, 'compat/mit-project/LICENSE'), 'utf8');
    for (const [file, text, license, problem] of [
      ['TERMS.md', 'Anyone in our collective may read this zine.\n', 'SEE LICENSE IN TERMS.md', 'license-text-too-short'],
      ['LICENSE.txt', mit, 'MIT', null],
      ['TERMS.md', mit, 'MIT', null],
      ['terms.json', mit, 'MIT', null],
    ] as const) {
      const there = JSON.parse(runCli(['scan', tree({ 'package.json': manifest(file), [file]: text, 'notes.md': mit }), '--format', 'json']).stdout) as typeof missingJson & {
        files: { path: string; declarations: { expression: string; source: string }[] }[];
      };
      expect(there.project.license).toBe(license);
      const codes = there.problems.map((p) => p.code);
      expect(codes).not.toContain('missing-license-file');
      if (problem) expect(codes).toContain(problem);
      const sources = (path: string) => there.files.find((f) => f.path === path)!.declarations.map((d) => `${d.source}:${d.expression}`);
      if (license === 'MIT') expect(sources(file)).toEqual(['license-text:MIT']);
      // Only the file the manifest names: another file holding the same text is no license file.
      expect(sources('notes.md')).toEqual([]);
    }
  });

  it('gives the same bytes for the same tree, and writes nothing to it', () => {
    const root = tree({ 'a.js': '// SPDX-License-Identifier: MIT\n', sub: { 'b.md': '<!-- SPDX-License-Identifier: CC-BY-SA-4.0 -->\n', 'c.txt': 'x' } });
    const before = fingerprint(root);
    const first = runCli(['scan', root, '--json']).stdout;
    const second = runCli(['scan', root, '--json']).stdout;
    expect(second).toBe(first);
    expect(fingerprint(root)).toEqual(before);
  });

  it('gives the same bytes with worker threads as in one thread, REUSE.toml, sidecars and license files included', () => {
    const t: Record<string, string | Record<string, string>> = {
      'package.json': '{"name": "threads", "license": "SEE LICENSE IN TERMS"}',
      'REUSE.toml': 'version = 1\n[[annotations]]\npath = "data/**"\nSPDX-License-Identifier = "CC0-1.0"\nSPDX-FileCopyrightText = "2026 Data Coop"\n',
      LICENSE: 'Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.\n',
    };
    t.TERMS = t.LICENSE as string;
    for (let d = 0; d < 40; d++) {
      const dir: Record<string, string> = {};
      for (let i = 0; i < 100; i++) {
        dir[`f${i}.c`] = i % 3 === 0 ? `// SPDX-License-Identifier: MIT\n// SPDX-FileCopyrightText: 2026 Jo ${i}\n` : 'int x;\n';
        if (i % 10 === 0) {
          dir[`img${i}.png`] = '\u0000png';
          dir[`img${i}.png.license`] = 'SPDX-License-Identifier: CC-BY-SA-4.0\nSPDX-FileCopyrightText: 2026 Ann\n';
        }
      }
      // A sidecar of nothing, and one of a file that is there but excluded (no orphan): each batch finds its own.
      if (d % 5 === 0) {
        dir['gone.png.license'] = 'SPDX-License-Identifier: CC0-1.0\n';
        dir['cache.tmp'] = 'x\n';
        dir['cache.tmp.license'] = 'SPDX-License-Identifier: CC0-1.0\n';
      }
      t[d % 4 === 0 ? `data/d${d}` : `src/d${d}`] = dir;
    }
    const root = tree(t as Parameters<typeof makeTree>[0]);
    const one = runCli(['scan', root, '--json', '--jobs', '1', '--exclude', '*.tmp']);
    const two = runCli(['scan', root, '--json', '--jobs', '2', '--exclude', '*.tmp']);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const json = JSON.parse(one.stdout) as { files: { path: string; license: string | null }[]; project: { license: string }; problems: { code: string; file: string }[] };
    expect(json.problems.filter((p) => p.code === 'orphan-sidecar').map((p) => p.file)).toEqual(['data/d0/gone.png.license', 'data/d20/gone.png.license', 'src/d10/gone.png.license', 'src/d15/gone.png.license', 'src/d25/gone.png.license', 'src/d30/gone.png.license', 'src/d35/gone.png.license', 'src/d5/gone.png.license']);
    expect(json.files.length).toBeGreaterThan(3000);
    expect(json.project.license).toBe('MIT');
    // The file the manifest names is read as a license text in whichever thread its batch goes to.
    const terms = (JSON.parse(two.stdout) as { files: { path: string; declarations: { source: string; expression: string }[] }[] }).files.find((f) => f.path === 'TERMS');
    expect(terms?.declarations).toMatchObject([{ source: 'license-text', expression: 'MIT' }]);
    const byPath = Object.fromEntries(json.files.map((f) => [f.path, f.license]));
    expect(byPath['data/d0/f1.c']).toBe('CC0-1.0');
    expect(byPath['data/d0/img10.png']).toBe('CC-BY-SA-4.0');
    expect(byPath['src/d1/f3.c']).toBe('MIT');
    expect(byPath['src/d1/f1.c']).toBe(null);
  });

  it("gives the same project licensing, summary and conflicts with worker threads, whichever thread read each file", () => {
    // Over 2,000 files, so --jobs 2 spreads them: the JSON output comes from the threads' rendered
    // lines and tallies, the text output from the reports; both must match one thread's.
    const mit = readFileSync(join(FIXTURES, 'compat', 'mit-project', 'LICENSE'), 'utf8');
    const t: Record<string, unknown> = {
      'package.json': '{"name": "split", "license": "MIT"}',
      LICENSE: mit,
      'README.md': '# split\n\nThis project is licensed under the GNU General Public License v3.\n',
      vendor: { lib: { 'package.json': '{"name": "lib", "license": "ISC"}', LICENSE: mit } },
    };
    for (let d = 0; d < 24; d++) {
      const dir: Record<string, string> = {};
      for (let i = 0; i < 100; i++) dir[`f${i}.c`] = i % 4 === 0 ? 'int x;\n' : `// SPDX-License-Identifier: ${d % 2 ? 'CC0-1.0' : 'Apache-2.0'}\n// SPDX-FileCopyrightText: 2026 Jo\n`;
      // Media for the text summary's table: one with a sidecar, one without a license.
      if (d % 6 === 0) {
        dir['logo.png'] = '\u0000png';
        dir['logo.png.license'] = 'SPDX-License-Identifier: CC-BY-SA-4.0\nSPDX-FileCopyrightText: 2026 Ann\n';
        dir['icon.svg'] = '<svg xmlns="http://www.w3.org/2000/svg"/>\n';
      }
      t[`src/d${String(d).padStart(2, '0')}`] = dir;
    }
    const root = tree(t as Parameters<typeof makeTree>[0]);
    const one = runCli(['scan', root, '--json', '--jobs', '1']);
    const two = runCli(['scan', root, '--json', '--jobs', '2']);
    expect(one.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    const text = runCli(['scan', root, '--jobs', '2', '-v']).stdout;
    expect(text).toBe(runCli(['scan', root, '--jobs', '1', '-v']).stdout);
    expect(runCli(['scan', root, '--jobs', '2']).stdout).toBe(runCli(['scan', root, '--jobs', '1']).stdout);
    expect(text).toMatch(/Media files: 8, 4 without a license/);
    expect(text).toMatch(/\n  src\/d00\/logo\.png +PNG image +CC-BY-SA-4\.0 +sidecar src\/d00\/logo\.png\.license +2026 Ann\n/);
    const json = JSON.parse(two.stdout) as { files: unknown[]; project: { license: string }; summary: { files: number; withLicense: number; licenses: Record<string, number> }; problems: { code: string; file: string; message: string }[] };
    expect(json.files).toHaveLength(2417);
    expect(json.project.license).toBe('MIT');
    expect(json.summary).toMatchObject({ files: 2417, withLicense: 1810, licenses: { 'Apache-2.0': 900, 'CC0-1.0': 900, MIT: 2, 'CC-BY-SA-4.0': 8 } });
    const conflicts = json.problems.filter((p) => p.code === 'declared-conflict').map((p) => `${p.file}: ${p.message}`);
    expect(conflicts).toEqual([
      // Of the two licenses used as often, the first file's is named.
      expect.stringMatching(/^LICENSE: the project is declared MIT .*900 files say Apache-2\.0 \(e\.g\. src\/d00\/f1\.c\)$/),
      expect.stringMatching(/^README\.md: .* says the project is under GPL-3\.0.*LICENSE:1 is MIT$/),
      expect.stringMatching(/^vendor\/lib\/package\.json: .*declares ISC, but vendor\/lib\/LICENSE:1 is the text of MIT/),
    ]);
  });

  it('reads the same files from the root, from above it and from elsewhere', () => {
    const root = tree({ sub: { dir: { 'a.c': '// SPDX-License-Identifier: MIT\n', 'b.png': '\u0000png', 'b.png.license': 'SPDX-License-Identifier: CC0-1.0\n' } } });
    const fromRoot = runCli(['scan', '.', '--json'], { cwd: join(root, 'sub') });
    const fromAbove = runCli(['scan', 'sub', '--json'], { cwd: root });
    const fromElsewhere = runCli(['scan', join(root, 'sub'), '--json'], { cwd: FIXTURES });
    const files = (r: { stdout: string }) => (JSON.parse(r.stdout) as { files: unknown[] }).files;
    expect(files(fromRoot)).toHaveLength(3);
    expect(files(fromRoot)).toMatchObject([{ path: 'dir/a.c', license: 'MIT' }, { path: 'dir/b.png', license: 'CC0-1.0' }, { path: 'dir/b.png.license' }]);
    expect(files(fromAbove)).toEqual(files(fromRoot));
    expect(files(fromElsewhere)).toEqual(files(fromRoot));
  });

  it('licenses files through .reuse/dep5, aggregated with their own tags', () => {
    const root = tree({
      '.reuse': { dep5: 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: assets/*\nCopyright: 2026 Art Coop\nLicense: CC-BY-SA-4.0\n' },
      assets: { 'a.png': '\u0000png', 'b.txt': '# SPDX-License-Identifier: MIT\n' },
      'c.txt': 'x\n',
    });
    const byPath = Object.fromEntries(scanJson(root).json.files.map((f) => [f.path, f]));
    expect(byPath['assets/a.png']).toMatchObject({ license: 'CC-BY-SA-4.0', copyright: ['2026 Art Coop'] });
    expect(byPath['assets/b.txt']!.license).toBe('MIT AND CC-BY-SA-4.0');
    expect(byPath['c.txt']!.license).toBe(null);
  });

  it('reports an invalid expression with file, line and fix, exits 1, and the other tags still count', () => {
    const root = tree({
      'bad.c': '// SPDX-FileCopyrightText: 2024 Jo\n// SPDX-License-Identifier: GPL 2.0+ OR BSD-3-Clause\n// SPDX-License-Identifier: MIT\n',
      'good.c': '// SPDX-License-Identifier: ISC\n',
    });
    const { json, code } = scanJson(root);
    expect(code).toBe(1);
    expect(json.files.map((f) => f.license)).toEqual(['MIT', 'ISC']);
    expect(json.problems).toContainEqual(expect.objectContaining({ code: 'invalid-expression', file: 'bad.c', line: 2, severity: 'error', suggestion: 'Write: SPDX-License-Identifier: GPL-2.0-or-later OR BSD-3-Clause' }));
  });

  // spdx-correct 3.2.0 throws on a lone '+' (found by fuzzing); it was farleft's internal error, exit 3.
  it("reports a tag or a manifest license of a lone '+' as invalid, and exits 1", () => {
    const root = tree({ 'a.c': '// SPDX-License-Identifier: +\n', 'package.json': '{"name":"x","version":"1.0.0","license":"+"}\n' });
    const { json, code } = scanJson(root);
    expect(code).toBe(1);
    expect(json.problems).toContainEqual(expect.objectContaining({ code: 'invalid-expression', file: 'a.c', line: 1, severity: 'error' }));
    expect(json.problems.map((p) => p.file)).toContain('package.json');
  });

  it.each([
    [['scan', '/nonexistent/farleft-test'], /farleft: \/nonexistent\/farleft-test: no such file or folder/],
    [['scan', BIN], /is a file; give the folder to scan/],
    [['scan', '.', '--format', 'xml'], /argument 'xml' is invalid/],
    [['scan', '.', '--min-confidence', '2'], /--min-confidence must be a number in \(0, 1\]/],
  ])('exits 2 with one clear line for %j', (args, message) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it.each([['--help'], ['lint --help'], ['scan . --json'], ['licenses list']])('stops quietly when the reader has gone: farleft %s | true', (args) => {
    const r = spawnSync('bash', ['--noprofile', '--norc', '-c', `set -o pipefail; "${process.execPath}" "${BIN}" ${args} | true`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('exits 2 naming the key and the file for an unknown .farleft.yml key', () => {
    const root = tree({ '.farleft.yml': 'licence: PPL\n', 'a.txt': 'x' });
    const r = runCli(['scan', '.'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.farleft\.yml: licence: unknown key .*did you mean license\?/);
  });

  // A hostile tree's file names could recolour or clear the terminal, or forge a line of the report.
  it('shows control characters in file names and tag values as escapes in the text report', () => {
    const root = tree({ 'evil\x1b[2J.c': 'x', 'new\nProblems: 0 errors.c': 'x', 'tag.c': '// SPDX-License-Identifier: MIT\x1b]0;pwned\x07\n' });
    const r = runCli(['scan', root, '--verbose']);
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(r.stdout).toContain('  evil\\x1b[2J.c\n');
    expect(r.stdout).toContain('  new\\x0aProblems: 0 errors.c\n');
    expect(r.stdout).toContain("invalid SPDX-License-Identifier 'MIT\\x1b]0;pwned\\x07'");
    expect(r.stdout.split('\n').filter((l) => l.startsWith('Problems:'))).toEqual(['Problems: 1 error, 0 warnings']);
  });

  it('shows control characters of a .farleft.yml key as escapes in its error', () => {
    const root = tree({ '.farleft.yml': '"lic\\e[2Jense": PPL\n', 'a.txt': 'x' });
    const r = runCli(['scan', '.'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^farleft: \.farleft\.yml: lic\\x1b\[2Jense: unknown key /);
  });

  it('names a mapping written as a .farleft.yml key as unknown, with no warning of the YAML parser on stderr', () => {
    const root = tree({ '.farleft.yml': '? {license: x}\n: y\n', 'a.txt': 'x' });
    const r = runCli(['scan', '.'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('farleft: .farleft.yml: { license: x }: unknown key (known keys: license, copyright, exclude, include, licensee, policy, deps, lint; did you mean license?)\n');
  });

  it('applies .farleft.yml excludes relative to the config file', () => {
    const root = tree({ '.farleft.yml': 'exclude: [vendor/]\n', vendor: { 'v.js': 'x' }, app: { 'a.js': '// SPDX-License-Identifier: MIT\n', vendor: { 'w.js': 'x' } } });
    expect(scanJson(root).json.files.map((f) => f.path)).toEqual(['.farleft.yml', 'app/a.js']);
    expect(scanJson(join(root, 'app')).json.files.map((f) => f.path)).toEqual(['a.js']);
  });

  it('survives hostile trees: symlink loops, links out of the root, NUL bytes, Latin-1, a 1 GiB file, a fifo', () => {
    const root = tree({
      'latin1.c': Buffer.from('/* Copyright \xa9 2020 Jos\xe9 */\n// SPDX-License-Identifier: MIT\n', 'latin1'),
      'nul.txt': Buffer.from('SPDX-License-Identifier: MIT\n\0\0binary'),
      'ok.c': '// SPDX-License-Identifier: MIT\n',
      loop: {},
    });
    symlinkSync('..', join(root, 'loop', 'up'));
    symlinkSync('/etc', join(root, 'etc'));
    symlinkSync('/etc/passwd', join(root, 'passwd'));
    spawnSync('mkfifo', [join(root, 'fifo')]);
    // 1 GiB, sparse: 8 KiB of text, then zeros (valid UTF-8, so it is read as text, in bounded chunks)
    const fd = openSync(join(root, 'huge.log'), 'w');
    writeSync(fd, `# SPDX-License-Identifier: MIT\n${'x'.repeat(8190)}\n`);
    ftruncateSync(fd, 1024 ** 3);
    closeSync(fd);
    for (const follow of [[], ['--follow-symlinks']]) {
      const r = runCli(['scan', root, '--json', ...follow]);
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout) as { files: { path: string; license: string | null; copyright: string[]; kind: string }[]; problems: { code: string; file: string }[] };
      const byPath = Object.fromEntries(json.files.map((f) => [f.path, f]));
      expect(Object.keys(byPath).sort()).toEqual(['huge.log', 'latin1.c', 'nul.txt', 'ok.c']);
      expect(byPath['latin1.c']).toMatchObject({ license: 'MIT', copyright: ['2020 José'] });
      expect(byPath['nul.txt']).toMatchObject({ kind: 'binary', license: 'MIT' });
      expect(byPath['huge.log']).toMatchObject({ kind: 'text', license: 'MIT' });
      expect(json.problems).toContainEqual(expect.objectContaining({ code: 'not-utf8', file: 'latin1.c' }));
      expect(json.problems).toContainEqual(expect.objectContaining({ code: 'file-too-large', file: 'huge.log' }));
    }
  });

  it('reads a huge file in bounded memory', () => {
    const root = tree({});
    const fd = openSync(join(root, 'huge.txt'), 'w');
    writeSync(fd, 'text\n');
    ftruncateSync(fd, 1024 ** 3);
    closeSync(fd);
    const hook = join(root, '..', `rss-${process.pid}.txt`);
    const r = spawnSync(process.execPath, ['--require', join(BIN, '..', '..', 'bench', 'rss-hook.cjs'), BIN, 'scan', root, '--json'], {
      env: { PATH: process.env.PATH ?? '', FARLEFT_RSS_FILE: hook },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const rssMiB = Number(readFileSync(hook, 'utf8')) / 1024;
    removeTree(hook);
    expect(rssMiB).toBeLessThan(200);
  });

  it('reports an unreadable file and goes on', () => {
    const root = tree({ 'locked.c': '// SPDX-License-Identifier: MIT\n', 'ok.c': '// SPDX-License-Identifier: ISC\n', lockeddir: { 'x.c': 'x' } });
    chmodSync(join(root, 'locked.c'), 0o000);
    chmodSync(join(root, 'lockeddir'), 0o000);
    // root reads any file; without the DAC capabilities it is held to the file's mode like anyone else.
    const asRoot = process.getuid?.() === 0;
    const [cmd, args] = asRoot
      ? ['setpriv', ['--bounding-set=-dac_override,-dac_read_search', process.execPath, BIN, 'scan', root, '--json']]
      : [process.execPath, [BIN, 'scan', root, '--json']];
    const r = spawnSync(cmd, args, { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, encoding: 'utf8' });
    expect(r.error, 'setpriv (util-linux) is needed to drop root\'s read-anything capability').toBeUndefined();
    expect(r.status, r.stderr).toBe(1);
    const json = JSON.parse(r.stdout) as { files: { path: string; license: string | null }[]; problems: { code: string; file: string; severity: string }[] };
    expect(json.files.map((f) => [f.path, f.license])).toEqual([['ok.c', 'ISC']]);
    expect(json.problems).toContainEqual(expect.objectContaining({ code: 'read-error', file: 'locked.c', severity: 'error' }));
    expect(json.problems).toContainEqual(expect.objectContaining({ code: 'read-error', file: 'lockeddir', severity: 'error' }));
    chmodSync(join(root, 'lockeddir'), 0o755);
  });
});

/** Content hash, mode and mtime of every entry, to prove nothing changed. */
function fingerprint(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      const s = statSync(abs);
      const key = rel ? `${rel}/${name}` : name;
      if (s.isDirectory()) {
        out[key] = `dir ${s.mode} ${s.mtimeMs}`;
        walk(abs, key);
      } else out[key] = `${createHash('sha256').update(readFileSync(abs)).digest('hex')} ${s.mode} ${s.mtimeMs}`;
    }
  };
  walk(root, '');
  return out;
}
