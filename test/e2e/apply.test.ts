// `farleft apply` from the built CLI: exit codes, output formats, a dry run as a patch, bad
// input, and a run killed in the middle that leaves every file either old or new.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashTree } from '../apply/helpers.js';
import { BISON_PARSER } from '../detect/header-texts.js';
import { treeMaker, type Tree } from '../helpers.js';
import { licenseText } from '../lint/helpers.js';
import { BIN, runCli } from './run.js';

const tree = treeMaker();
const PPL = ['--license', 'PPL', '--copyright', '2026 Example Collective'];
const SMALL: Tree = { 'a.py': 'x = 1\n', src: { 'b.ts': 'export {};\n' }, 'logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0]) };

describe('farleft apply', () => {
  it('applies, prints a summary, exits 0; a second run changes nothing', () => {
    const root = tree(SMALL);
    const r = runCli(['apply', '.', ...PPL], { cwd: root });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/changed {12}2 {2}given a header/);
    expect(r.stdout).toMatch(/sidecar {12}1 {2}given a \.license file/);
    expect(r.stdout).toMatch(/LICENSES\/PPL\.txt: written/);
    const hashed = hashTree(root);
    const again = runCli(['apply', '.', ...PPL, '--json'], { cwd: root });
    expect(again.code).toBe(0);
    expect(hashTree(root)).toEqual(hashed);
    const json = JSON.parse(again.stdout);
    expect(json).toMatchObject({ schema: 1, tool: { name: 'farleft' }, root: '.', mode: 'header', license: 'PPL', copyright: ['2026 Example Collective'], problems: [] });
    expect(json.summary).toMatchObject({ changed: 0, sidecar: 0, alreadyDone: 3 });
  });

  it('exits 1 when some files could not be done, and says why', () => {
    const root = tree({ 'a.js': '// SPDX-License-Identifier: MIT\n', 'b.xyz': 'x\n', 'c.c': 'int c;\n' });
    const r = runCli(['apply', '.', ...PPL, '--format', 'json'], { cwd: root });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.problems.map((p: { code: string; file: string }) => [p.code, p.file])).toEqual([
      ['license-differs', 'a.js'],
      ['unknown-type', 'b.xyz'],
    ]);
    expect(readFileSync(join(root, 'c.c'), 'utf8')).toMatch(/^\/\*\n \* SPDX-FileCopyrightText/);
  });

  it('tags a Go tree whose headers defer to the LICENSE file, by what the nearest LICENSE holds', () => {
    const go = '// Copyright 2009 The Go Authors. All rights reserved.\n// Use of this source code is governed by a BSD-style\n// license that can be found in the LICENSE file.\n\npackage a\n';
    const root = tree({ LICENSE: licenseText('BSD-3-Clause'), 'a.go': go, pkg: { 'b.go': go }, vendor: { x: { LICENSE: licenseText('MIT'), 'c.go': go } } });
    const r = runCli(['apply', '.', '--license', 'BSD-3-Clause', '--copyright', '2026 Example Collective', '--format', 'json'], { cwd: root });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.problems.map((p: { code: string; file: string; suggestion: string }) => [p.code, p.file, p.suggestion])).toEqual([
      ['existing-notice', 'vendor/x/c.go', expect.stringContaining('--license MIT')],
    ]);
    for (const f of ['a.go', 'pkg/b.go']) expect(readFileSync(join(root, f), 'utf8')).toBe(`// SPDX-FileCopyrightText: 2026 Example Collective\n//\n// SPDX-License-Identifier: BSD-3-Clause\n\n${go}`);
    expect(readFileSync(join(root, 'vendor/x/c.go'), 'utf8')).toBe(go);
  });

  it("reads a Bison parser's notice as the GPL with Bison's exception: says so, tags it when asked, and writes both texts", () => {
    const parser = BISON_PARSER;
    const root = tree({ 'parser.c': parser });
    const refused = runCli(['apply', '.', ...PPL, '--format', 'json'], { cwd: root });
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).problems).toMatchObject([{ code: 'existing-notice', file: 'parser.c', suggestion: expect.stringContaining("--license 'GPL-3.0-or-later WITH Bison-exception-2.2' ") }]);
    const expression = 'GPL-3.0-or-later WITH Bison-exception-2.2';
    const r = runCli(['apply', '.', '--license', expression, '--copyright', '2026 Example Collective'], { cwd: root });
    expect(r.code).toBe(0);
    expect(readFileSync(join(root, 'parser.c'), 'utf8')).toBe(`/*\n * SPDX-FileCopyrightText: 2026 Example Collective\n *\n * SPDX-License-Identifier: ${expression}\n */\n\n${parser}`);
    expect(readdirSync(join(root, 'LICENSES')).sort()).toEqual(['Bison-exception-2.2.txt', 'GPL-3.0-or-later.txt']);
    expect(runCli(['lint', '.'], { cwd: root }).code).toBe(0);
  });

  it("leaves a Perl module whose POD gives another license, and tags it with the one its POD gives", () => {
    const pm = 'package A;\n1;\n\n=head1 LICENSE\n\nThis module is free software; you can redistribute it and/or modify it\nunder the same terms as Perl itself.\n\n=cut\n';
    const root = tree({ lib: { 'A.pm': pm } });
    const refused = runCli(['apply', '.', ...PPL, '--format', 'json'], { cwd: root });
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).problems).toMatchObject([{ code: 'existing-notice', file: 'lib/A.pm', line: 6, suggestion: expect.stringContaining("--license 'Artistic-1.0-Perl OR GPL-1.0-or-later' ") }]);
    expect(readFileSync(join(root, 'lib/A.pm'), 'utf8')).toBe(pm);
    const r = runCli(['apply', '.', '--license', 'Artistic-1.0-Perl OR GPL-1.0-or-later', '--copyright', '2026 Example Collective'], { cwd: root });
    expect(r.code).toBe(0);
    expect(readFileSync(join(root, 'lib/A.pm'), 'utf8')).toBe(`# SPDX-FileCopyrightText: 2026 Example Collective\n#\n# SPDX-License-Identifier: Artistic-1.0-Perl OR GPL-1.0-or-later\n\n${pm}`);
  });

  // SPDX publishes no text of Autoconf-exception-generic that can be had offline; the header holds it, word for word.
  it("writes an exception's text that SPDX gives none of offline from the header that holds it", () => {
    const exception = 'As a special exception to the GNU General Public License, if you\ndistribute this file as part of a program that contains a\nconfiguration script generated by Autoconf, you may include it under\nthe same distribution terms that you use for the rest of that program.';
    const script = `#! /bin/sh\n# Copyright (C) 2014 Free Software Foundation, Inc.\n#\n# This file is free software; you can redistribute it and/or modify\n# it under the terms of the GNU General Public License as published by\n# the Free Software Foundation; either version 2 of the License, or\n# (at your option) any later version.\n#\n${exception.split('\n').map((l) => `# ${l}`).join('\n')}\n\nset -e\n`;
    const root = tree({ build: { missing: script } });
    const expression = 'GPL-2.0-or-later WITH Autoconf-exception-generic';
    const r = runCli(['apply', '.', '--license', expression, '--copyright', '2026 Example Collective', '--format', 'json'], { cwd: root });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).licenseTexts).toContainEqual({ id: 'Autoconf-exception-generic', path: 'LICENSES/Autoconf-exception-generic.txt', status: 'written', source: 'header', from: 'build/missing' });
    expect(readFileSync(join(root, 'LICENSES/Autoconf-exception-generic.txt'), 'utf8')).toBe(`${exception}\n`);
    expect(runCli(['lint', '.'], { cwd: root }).code).toBe(0);
    const text = runCli(['apply', '.', '--license', expression, '--dry-run'], { cwd: root });
    expect(text.stdout + text.stderr).toContain('LICENSES/Autoconf-exception-generic.txt: already there');
  });

  // REUSE reads a sidecar in place of its file: the file's own copyright notices go into it, or they would be lost.
  it("copies a text file's own copyright notices into the sidecar that takes its place", () => {
    const txt = '# Copyright 1999-2021 The OpenSSL Project Authors. All Rights Reserved.\n#\n# Licensed under the Apache License 2.0 (the "License").\n\nafalg_err\n';
    const root = tree({ 'engines/e_afalg.txt': txt });
    const r = runCli(['apply', '.', '--license', 'Apache-2.0', '--copyright', '2026 Example Collective'], { cwd: root });
    expect(r.code).toBe(0);
    expect(readFileSync(join(root, 'engines/e_afalg.txt.license'), 'utf8')).toBe(
      'SPDX-FileCopyrightText: 1999-2021 The OpenSSL Project Authors. All Rights Reserved.\nSPDX-FileCopyrightText: 2026 Example Collective\n\nSPDX-License-Identifier: Apache-2.0\n',
    );
    expect(readFileSync(join(root, 'engines/e_afalg.txt'), 'utf8')).toBe(txt);
    const lint = JSON.parse(runCli(['lint', '.', '--format', 'json'], { cwd: root }).stdout);
    expect(lint.findings.filter((f: { file: string | null }) => f.file === 'engines/e_afalg.txt')).toEqual([]);
  });

  it('reads the POD of a Perl script without an extension, known by its shebang', () => {
    const script = '#!/usr/bin/perl\nprint 1;\n\n=head1 AUTHOR\n\nThis program is free software; you can redistribute it and/or modify it\nunder the same terms as Perl itself.\n\n=cut\n';
    const root = tree({ bin: { json_pp: script } });
    const refused = runCli(['apply', '.', ...PPL, '--format', 'json'], { cwd: root });
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).problems).toMatchObject([{ code: 'existing-notice', file: 'bin/json_pp', line: 6 }]);
    expect(readFileSync(join(root, 'bin/json_pp'), 'utf8')).toBe(script);
    const lint = runCli(['lint', '.', '--format', 'json'], { cwd: root });
    expect(JSON.parse(lint.stdout).findings).toContainEqual(expect.objectContaining({ rule: 'missing-license', file: 'bin/json_pp', line: 6, suggestion: expect.stringContaining("--license 'Artistic-1.0-Perl OR GPL-1.0-or-later' bin/json_pp") }));
  });

  it('tags a C file whose header holds the text of the license asked for, and only that text', () => {
    const mit = licenseText('MIT').replace(/^MIT License\s*/, '').replace(/^Copyright.*\n+/m, '');
    const header = (text: string) => `/*\n * Copyright 2008 Advanced Micro Devices, Inc.\n *\n${text.trim().split('\n').map((l) => ` *${l ? ` ${l}` : ''}`).join('\n')}\n */\n#include "r.h"\n`;
    const extra = mit.replace('The above copyright notice', 'The Software shall be used for good, not evil, and never to run a weapon of any kind, by anyone, anywhere, at any time whatsoever.\n\nThe above copyright notice');
    const root = tree({ 'r.c': header(mit), 'json.c': header(extra) });
    const r = runCli(['apply', '.', '--license', 'MIT', '--format', 'json'], { cwd: root });
    expect(JSON.parse(r.stdout).problems.filter((p: { code: string }) => p.code !== 'no-copyright').map((p: { code: string; file: string }) => [p.code, p.file])).toEqual([['existing-notice', 'json.c']]);
    expect(readFileSync(join(root, 'r.c'), 'utf8')).toBe(`/*\n * SPDX-License-Identifier: MIT\n */\n\n${header(mit)}`);
    expect(readFileSync(join(root, 'json.c'), 'utf8')).toBe(header(extra));
  });

  it.each([
    [['--license', 'GPL 3'], /--license "GPL 3" is not a valid SPDX expression/, /Did you mean: GPL-3\.0/],
    [['--license', 'Peer Production License'], /is not a valid SPDX expression/, /PPL/],
    [['--license', 'LicenseRef-Our-Own'], /LicenseRef-Our-Own is neither an SPDX id nor in farleft's catalog/, /--allow-unknown/],
    [['--license', 'PPL', '--style', 'klingon'], /--style klingon is not a comment style/, /Known styles: .*python/],
    [['--license', 'PPL', '--year', 'soon'], /--year "soon"/, /.*/],
    [[], /no license to apply/, /farleft init/],
    [['--license', 'PPL', '--format', 'xml'], /argument 'xml' is invalid/, /.*/],
  ])('exits 2 for %j and writes nothing', (args, message, hint) => {
    const root = tree(SMALL);
    const before = hashTree(root);
    const r = runCli(['apply', '.', ...args], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(hint);
    expect(r.stdout).toBe('');
    expect(hashTree(root)).toEqual(before);
  });

  it('takes a LicenseRef unknown to the catalog with --allow-unknown, and its text with --license-text', () => {
    const root = tree({ 'a.py': 'x\n', texts: { 'ours.md': 'Our Cooperative License\n' } });
    const r = runCli(['apply', 'a.py', '--license', 'LicenseRef-Our-Own', '--allow-unknown', '--license-text', 'texts/ours.md', '--copyright', '2026 Us'], { cwd: root });
    expect(r.code).toBe(0);
    expect(readFileSync(join(root, 'LICENSES/LicenseRef-Our-Own.txt'), 'utf8')).toBe('Our Cooperative License\n');
    expect(readFileSync(join(root, 'a.py'), 'utf8')).toBe('# SPDX-FileCopyrightText: 2026 Us\n#\n# SPDX-License-Identifier: LicenseRef-Our-Own\n\nx\n');
  });

  it('says how to get a text it does not have, and exits 1', () => {
    const root = tree({ 'a.py': 'x\n' });
    const r = runCli(['apply', '.', '--license', 'LicenseRef-CNPL-7.0', '--copyright', '2026 Us'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/LICENSES\/LicenseRef-CNPL-7\.0\.txt: missing/);
    expect(r.stdout).toMatch(/fix: Save the text of LicenseRef-CNPL-7\.0 from https:\/\/thufie\.lain\.haus\/NPL\.html to a file and give --license-text LicenseRef-CNPL-7\.0=FILE/);
  });

  it('--dry-run prints a patch on stdout and the summary on stderr, and writes nothing', () => {
    const root = tree(SMALL);
    const before = hashTree(root);
    const r = runCli(['apply', '.', ...PPL, '--dry-run'], { cwd: root });
    expect(r.code).toBe(0);
    expect(hashTree(root)).toEqual(before);
    expect(r.stdout).toMatch(/^--- \/dev\/null\n\+\+\+ b\/LICENSES\/PPL\.txt\n/);
    expect(r.stdout).toContain('--- a/a.py\n+++ b/a.py\n@@ -1 +1,5 @@\n+# SPDX-FileCopyrightText: 2026 Example Collective\n+#\n+# SPDX-License-Identifier: PPL\n+\n x = 1\n');
    expect(r.stdout).toContain('--- /dev/null\n+++ b/logo.png.license\n');
    expect(r.stderr).toMatch(/farleft apply --dry-run — PPL/);
    expect(r.stderr).toMatch(/would be given a header/);
    if (spawnSync('git', ['--version']).status === 0) {
      const check = spawnSync('git', ['apply', '--check', '--unsafe-paths', '-'], { cwd: root, input: r.stdout, encoding: 'utf8' });
      expect(check.status, check.stderr).toBe(0);
    }
  });

  it('--reuse-toml writes REUSE.toml and leaves the files alone', () => {
    const root = tree(SMALL);
    const before = hashTree(root);
    const r = runCli(['apply', '.', ...PPL, '--reuse-toml', '--json'], { cwd: root });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.mode).toBe('reuse-toml');
    expect(json.reuseToml).toEqual({ path: 'REUSE.toml', status: 'changed' });
    for (const [p, h] of Object.entries(before)) expect(hashTree(root)[p]).toBe(h);
    expect(readFileSync(join(root, 'REUSE.toml'), 'utf8')).toMatch(/path = "\*\*"/);
    const scan = JSON.parse(runCli(['scan', '.', '--json'], { cwd: root }).stdout) as { files: { path: string; license: string | null; covered: boolean }[] };
    expect(scan.files.filter((f) => f.covered).map((f) => [f.path, f.license])).toEqual([
      ['a.py', 'PPL'],
      ['logo.png', 'PPL'],
      ['src/b.ts', 'PPL'],
    ]);
  });

  it('leaves every file either old or new when killed in the middle, and a rerun finishes the job', async () => {
    const t: Tree = {};
    for (let d = 0; d < 40; d++) {
      const dir: Tree = {};
      for (let i = 0; i < 100; i++) dir[`f${String(i).padStart(3, '0')}.py`] = `# file ${d}/${i}\n${'value = "commons"\n'.repeat(200)}`;
      t[`d${String(d).padStart(2, '0')}`] = dir;
    }
    const original = tree(t);
    const expected = tree({});
    cpSync(original, expected, { recursive: true });
    expect(runCli(['apply', '.', ...PPL], { cwd: expected }).code).toBe(0);
    const done = hashTree(expected);
    const old = hashTree(original);

    const victim = tree({});
    cpSync(original, victim, { recursive: true });
    const child = spawn(process.execPath, [BIN, 'apply', '.', ...PPL], { cwd: victim, stdio: 'ignore', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    const first = join(victim, 'd00', 'f000.py');
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    for (let i = 0; i < 3000 && readFileSync(first, 'utf8').startsWith('# file'); i++) await new Promise((r) => setTimeout(r, 2));
    child.kill('SIGKILL');
    await exited;

    const now = hashTree(victim);
    let changed = 0;
    let unchanged = 0;
    for (const [path, hash] of Object.entries(now)) {
      if (/(^|\/)\.farleft-tmp-\d+-[0-9a-f]{12}$/.test(path)) continue; // a write cut short: never renamed over the file
      if (hash === done[path]) changed++;
      else if (hash === old[path]) unchanged++;
      else throw new Error(`${path} is neither the old nor the new file`);
    }
    expect(changed, 'the kill came after some files were written').toBeGreaterThan(0);
    expect(unchanged, 'the kill came before every file was written').toBeGreaterThan(0);

    expect(runCli(['apply', '.', ...PPL], { cwd: victim }).code).toBe(0);
    expect(hashTree(victim)).toEqual(done);
  }, 120_000);

  it('writes the same files and reports the same outcomes with worker threads as in one thread (--jobs 2)', () => {
    // 3,000 files that all need a header: enough for apply to call in its workers (from 2,000, when writing).
    const files: Tree = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`f${String(i).padStart(4, '0')}.c`, `int x${i};\n`]));
    const one = tree(files);
    const two = tree(files);
    const a = runCli(['apply', '.', ...PPL, '--jobs', '1', '--json'], { cwd: one });
    const b = runCli(['apply', '.', ...PPL, '--jobs', '2', '--json'], { cwd: two });
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(b.stderr).toBe(a.stderr);
    const { root: _a, ...outA } = JSON.parse(a.stdout) as Record<string, unknown>;
    const { root: _b, ...outB } = JSON.parse(b.stdout) as Record<string, unknown>;
    expect(outB).toEqual(outA);
    expect(hashTree(two)).toEqual(hashTree(one));
  }, 60_000);

  it("takes an exception's text from a header with worker threads as in one thread (--jobs 2)", () => {
    const exception = 'As a special exception to the GNU General Public License, if you\ndistribute this file as part of a program that contains a\nconfiguration script generated by Autoconf, you may include it under\nthe same distribution terms that you use for the rest of that program.';
    const script = `#! /bin/sh\n# This file is free software; you can redistribute it and/or modify\n# it under the terms of the GNU General Public License as published by\n# the Free Software Foundation; either version 2 of the License, or\n# (at your option) any later version.\n#\n${exception.split('\n').map((l) => `# ${l}`).join('\n')}\n\nset -e\n`;
    // The script sorts last: past the first files this thread does alone, in a batch whichever thread takes.
    const files: Tree = { ...Object.fromEntries(Array.from({ length: 2500 }, (_, i) => [`f${String(i).padStart(4, '0')}.c`, `int x${i};\n`])), zz: { 'missing.sh': script } };
    const one = tree(files);
    const two = tree(files);
    const args = ['apply', '.', '--license', 'GPL-2.0-or-later WITH Autoconf-exception-generic', '--copyright', '2026 Example Collective', '--json'];
    const a = runCli([...args, '--jobs', '1'], { cwd: one });
    const b = runCli([...args, '--jobs', '2'], { cwd: two });
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(JSON.parse(b.stdout).licenseTexts).toContainEqual(expect.objectContaining({ id: 'Autoconf-exception-generic', status: 'written', source: 'header', from: 'zz/missing.sh' }));
    expect(readFileSync(join(two, 'LICENSES/Autoconf-exception-generic.txt'), 'utf8')).toBe(`${exception}\n`);
    expect(hashTree(two)).toEqual(hashTree(one));
  }, 60_000);

  it.each([['1'], ['2']])('stops cleanly on Ctrl-C (--jobs %s): reports how far it got, every file old or new, no temporary file left', async (jobs) => {
    const t: Tree = {};
    for (let d = 0; d < 30; d++) {
      const dir: Tree = {};
      for (let i = 0; i < 100; i++) dir[`f${String(i).padStart(3, '0')}.sh`] = `echo ${d} ${i}\n${'true\n'.repeat(500)}`;
      t[`d${String(d).padStart(2, '0')}`] = dir;
    }
    const root = tree(t);
    const old = hashTree(root);
    const child = spawn(process.execPath, [BIN, 'apply', '.', ...PPL, '--jobs', jobs], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const first = join(root, 'd00', 'f000.sh');
    for (let i = 0; i < 3000 && readFileSync(first, 'utf8').startsWith('echo'); i++) await new Promise((r) => setTimeout(r, 2));
    child.kill('SIGINT');
    expect(await exited).toBe(1);
    expect(stdout).toMatch(/interrupted: \d+ files were not reached; every file reached is either as it was or complete \[interrupted\]/);
    const now = hashTree(root);
    const changed = Object.keys(now).filter((p) => !p.startsWith('LICENSES/') && now[p] !== old[p]);
    expect(Object.keys(now).filter((p) => p.includes('.farleft-tmp-'))).toEqual([]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(3000);
    for (const p of changed) expect(readFileSync(join(root, p), 'utf8')).toMatch(/^# SPDX-FileCopyrightText: 2026 Example Collective\n#\n# SPDX-License-Identifier: PPL\n\necho /);
  }, 60_000);

  it('reads license and copyright from .farleft.yml, and its excludes', () => {
    const root = tree({ '.farleft.yml': 'license: PPL\ncopyright: 2026 Example Collective\nexclude: [vendor/]\n', 'a.py': 'x\n', vendor: { 'v.py': 'y\n' } });
    const r = runCli(['apply', '.', '--json'], { cwd: root });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { path: string; status: string }) => [f.path, f.status])).toEqual([
      ['.farleft.yml', 'changed'],
      ['a.py', 'changed'],
    ]);
    expect(readFileSync(join(root, 'vendor/v.py'), 'utf8')).toBe('y\n');
    expect(existsSync(join(root, 'LICENSES/PPL.txt'))).toBe(true);
    expect(readdirSync(root).sort()).toEqual(['.farleft.yml', 'LICENSES', 'a.py', 'vendor']);
  });
});
