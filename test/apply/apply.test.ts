// The apply pipeline on real temp trees: idempotence, what is skipped and why, what is never
// written through, problems that do not stop the run, verification, dry runs and REUSE.toml.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, linkSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApplyResult } from '../../src/apply/types.js';
import { APPLY_FORMATS } from '../../src/report/apply/index.js';
import { spdxText } from '../detect/license-text/corpus.js';
import { treeMaker, type Tree } from '../helpers.js';
import { applyTo, COPYRIGHT, hashTree, insertedLines } from './helpers.js';

const tree = treeMaker();
const statusOf = (r: ApplyResult): Record<string, string> => Object.fromEntries(r.files.map((f) => [f.path, f.status]));
const codes = (r: ApplyResult): string[] => r.problems.map((p) => `${p.code}${p.file ? ` ${p.file}` : ''}`);

const PROJECT: Tree = {
  'README.md': '# Seed library\n\nA library of seeds.\n',
  'run.sh': '#!/bin/sh\necho hi\n',
  src: { 'main.c': 'int main(void) { return 0; }\n', 'app.ts': 'export const x = 1;\n', 'util.py': '# -*- coding: utf-8 -*-\nx = 1\n' },
  docs: { 'page.html': '<!DOCTYPE html>\n<html></html>\n', 'data.json': '{"a": 1}\n' },
  img: { 'logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) },
  '.gitignore': 'build/\n',
  build: { 'out.js': 'generated\n' },
  '.git': { HEAD: 'ref: refs/heads/main\n' },
  empty: { '.gitkeep': '' },
};

describe('apply on a project', () => {
  it('writes headers, sidecars and LICENSES/PPL.txt; a second run changes no byte', async () => {
    const root = tree(PROJECT);
    chmodSync(join(root, 'run.sh'), 0o755);
    const first = await applyTo(root);
    expect(statusOf(first)).toEqual({
      '.gitignore': 'changed',
      'README.md': 'changed',
      'docs/data.json': 'sidecar',
      'docs/page.html': 'changed',
      'empty/.gitkeep': 'skipped',
      'img/logo.png': 'sidecar',
      'run.sh': 'changed',
      'src/app.ts': 'changed',
      'src/main.c': 'changed',
      'src/util.py': 'changed',
    });
    expect(first.summary.skipped).toEqual({ empty: 1, gitignore: 1, vcs: 1 });
    expect(first.problems).toEqual([]);
    expect(first.files.filter((f) => f.status === 'changed' || f.status === 'sidecar').every((f) => f.verified === true && f.license === 'PPL')).toBe(true);
    expect(first.licenseTexts).toEqual([{ id: 'PPL', path: 'LICENSES/PPL.txt', status: 'written', source: 'spdx-license-list' }]);
    expect(readFileSync(join(root, 'LICENSES/PPL.txt'), 'utf8')).toMatch(/^Peer Production License/);
    expect(readFileSync(join(root, 'build/out.js'), 'utf8')).toBe('generated\n');
    expect(statSync(join(root, 'run.sh')).mode & 0o777).toBe(0o755);
    expect(readFileSync(join(root, 'img/logo.png.license'), 'utf8')).toBe(`SPDX-FileCopyrightText: ${COPYRIGHT}\n\nSPDX-License-Identifier: PPL\n`);

    const hashed = hashTree(root);
    const second = await applyTo(root);
    expect(hashTree(root)).toEqual(hashed);
    expect(second.summary).toMatchObject({ changed: 0, sidecar: 0, alreadyDone: 9, conflict: 0, failed: 0 });
    expect(second.licenseTexts[0]!.status).toBe('exists');
  });

  it('applies only to the paths given, and puts LICENSES/ at the root', async () => {
    const root = tree(PROJECT);
    const r = await applyTo(root, { paths: ['src', 'docs/page.html', '../elsewhere'].map((p) => (p.startsWith('..') ? join(root, '..') : p)) });
    expect(r.files.map((f) => f.path)).toEqual(['docs/page.html', 'src/app.ts', 'src/main.c', 'src/util.py']);
    expect(r.summary.skipped['outside-root']).toBe(1);
    expect(codes(r)).toEqual(['outside-root']);
    expect(existsSync(join(root, 'LICENSES/PPL.txt'))).toBe(true);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe('# Seed library\n\nA library of seeds.\n');
  });

  it('never writes through a symlink, and skips version-control folders and ignored files, counting them', async () => {
    const outside = tree({ 'target.c': 'int outside;\n' });
    const root = tree({ 'a.c': 'int a;\n', sub: { 'b.c': 'int b;\n' }, '.gitignore': '*.log\n', 'x.log': 'log\n', '.git': { config: '[core]\n' } });
    symlinkSync(join(outside, 'target.c'), join(root, 'out.c'));
    symlinkSync('a.c', join(root, 'in.c'));
    symlinkSync('sub', join(root, 'subdir'));
    const r = await applyTo(root);
    expect(Object.keys(statusOf(r))).toEqual(['.gitignore', 'a.c', 'sub/b.c']);
    expect(r.summary.skipped).toEqual({ gitignore: 1, symlink: 3, vcs: 1 });
    expect(readFileSync(join(outside, 'target.c'), 'utf8')).toBe('int outside;\n');
    expect(existsSync(join(root, 'out.c.license'))).toBe(false);
    expect(readFileSync(join(root, '.git/config'), 'utf8')).toBe('[core]\n');
    // A symlink named on the command line is skipped too.
    const named = await applyTo(root, { paths: ['out.c'] });
    expect(named.files).toEqual([]);
    expect(named.summary.skipped).toEqual({ symlink: 1 });
  });

  it('reports a read-only file and a hard-linked file, and goes on with the others', async () => {
    const root = tree({ 'ro.c': 'int ro;\n', 'linked.c': 'int l;\n', 'ok.c': 'int ok;\n' });
    chmodSync(join(root, 'ro.c'), 0o444);
    linkSync(join(root, 'linked.c'), join(root, 'other-name.c.bak'));
    const r = await applyTo(root, { exclude: ['*.bak'] });
    expect(statusOf(r)).toEqual({ 'linked.c': 'failed', 'ok.c': 'changed', 'ro.c': 'failed' });
    expect(r.problems.map((p) => [p.code, p.file])).toEqual([
      ['hard-linked', 'linked.c'],
      ['read-only', 'ro.c'],
    ]);
    expect(readFileSync(join(root, 'ro.c'), 'utf8')).toBe('int ro;\n');
    expect(readFileSync(join(root, 'linked.c'), 'utf8')).toBe('int l;\n');
  });

  it('gives a binary that looks like text a sidecar, never a header', async () => {
    const late = Buffer.concat([Buffer.from('var x = 1;\n'.repeat(1000)), Buffer.from([0, 1, 2, 3])]); // NUL after the 8000 bytes the sniffer reads
    const controls = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? 0x01 : 0x41)));
    const root = tree({ 'bundle.js': late, 'blob.c': controls });
    const r = await applyTo(root);
    expect(statusOf(r)).toEqual({ 'blob.c': 'sidecar', 'bundle.js': 'sidecar' });
    expect(r.files.map((f) => f.reason)).toEqual(['binary-content', 'binary-content']);
    expect(codes(r)).toEqual(['binary-content blob.c', 'binary-content bundle.js']);
    expect(readFileSync(join(root, 'bundle.js')).equals(late)).toBe(true);
    expect(readFileSync(join(root, 'blob.c')).equals(controls)).toBe(true);
    expect(r.files.every((f) => f.verified)).toBe(true);
  });

  it('reports a file of unknown type, unless it already says so or --fallback-sidecar is given', async () => {
    const root = tree({ 'notes.xyz': 'plain words\n', 'done.xyz': 'SPDX-FileCopyrightText: 2026 Example Collective\nSPDX-License-Identifier: PPL\n', 'other.xyz': 'SPDX-License-Identifier: MIT\n' });
    const r = await applyTo(root);
    expect(statusOf(r)).toEqual({ 'done.xyz': 'already-done', 'notes.xyz': 'unknown', 'other.xyz': 'conflict' });
    expect(r.problems.find((p) => p.code === 'unknown-type')).toMatchObject({ file: 'notes.xyz', severity: 'error', suggestion: expect.stringMatching(/--style NAME.*--sidecar.*--fallback-sidecar/) });
    const fallback = await applyTo(root, { fallbackSidecar: true });
    expect(statusOf(fallback)['notes.xyz']).toBe('sidecar');
    expect(readFileSync(join(root, 'notes.xyz'), 'utf8')).toBe('plain words\n');
    const forced = await applyTo(tree({ 'script.xyz': 'x = 1\n' }), { style: 'python' });
    expect(forced.files[0]).toMatchObject({ status: 'changed', style: 'python' });
  });

  it('updates an existing sidecar rather than the file, and --sidecar puts every file in one', async () => {
    const root = tree({ 'a.py': 'x = 1\n', 'a.py.license': 'SPDX-FileCopyrightText: 2024 Jo\nSPDX-License-Identifier: PPL\n', 'b.c': 'int b;\n' });
    const r = await applyTo(root);
    expect(statusOf(r)).toEqual({ 'a.py': 'sidecar', 'a.py.license': 'skipped', 'b.c': 'changed' });
    expect(readFileSync(join(root, 'a.py'), 'utf8')).toBe('x = 1\n');
    expect(readFileSync(join(root, 'a.py.license'), 'utf8')).toBe(`SPDX-FileCopyrightText: 2024 Jo\nSPDX-FileCopyrightText: ${COPYRIGHT}\nSPDX-License-Identifier: PPL\n`);
    const all = await applyTo(tree({ 'c.c': 'int c;\n' }), { sidecar: true });
    expect(all.files[0]).toMatchObject({ status: 'sidecar', method: 'sidecar' });
  });

  it('does not put a sidecar over a media file whose metadata names another license, unless --replace', async () => {
    const photo = join(process.cwd(), 'fixtures', 'media', 'cc-by-sa.jpg');
    const root = tree({ 'plain.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) });
    cpSync(photo, join(root, 'photo.jpg'));
    const kept = await applyTo(root);
    expect(statusOf(kept)).toMatchObject({ 'photo.jpg': 'conflict', 'plain.png': 'sidecar' });
    expect(kept.problems.find((p) => p.file === 'photo.jpg')).toMatchObject({ code: 'license-differs', message: expect.stringMatching(/photo\.jpg declares CC-BY-SA-4\.0 .*not PPL; no sidecar was written/) });
    expect(existsSync(join(root, 'photo.jpg.license'))).toBe(false);
    const replaced = await applyTo(root, { replace: true });
    expect(replaced.files.find((f) => f.path === 'photo.jpg')).toMatchObject({ status: 'sidecar', verified: true });
    expect(readFileSync(join(root, 'photo.jpg')).equals(readFileSync(photo))).toBe(true);
  });

  // FFmpeg's and OpenSSL's files that took in code under another license: the header's notice, then that code's text.
  // lint says the file is under both (its message and the command it suggests); apply agrees.
  it('tags a file whose header gives a notice and the text of code it took in only with both licenses', async () => {
    const mit = spdxText('MIT').replace(/^MIT License\s*/, '').replace(/^Copyright.*\n+/m, '').trim();
    const header = `/*\n * Copyright 2020 The Project Authors.\n *\n * Licensed under the Apache License 2.0 (the "License").\n *\n * This file incorporates work covered by the following copyright and permission notice:\n *\n * Copyright (c) 2008 Jane Doe\n *\n${mit.split('\n').map((l) => ` * ${l}`.trimEnd()).join('\n')}\n */\nint x;\n`;
    const root = tree({ 'src/m.c': header });
    const one = await applyTo(root, { license: 'Apache-2.0' });
    expect(one.problems.find((p) => p.file === 'src/m.c')).toMatchObject({ code: 'existing-notice', message: expect.stringContaining('gives Apache-2.0 AND MIT'), suggestion: expect.stringContaining("Give --license 'Apache-2.0 AND MIT' to tag it") });
    expect(readFileSync(join(root, 'src/m.c'), 'utf8')).toBe(header);
    const both = await applyTo(root, { license: 'Apache-2.0 AND MIT' });
    expect(both.files.find((f) => f.path === 'src/m.c')).toMatchObject({ status: 'changed', verified: true });
    expect(readFileSync(join(root, 'src/m.c'), 'utf8')).toContain('SPDX-License-Identifier: Apache-2.0 AND MIT');
  });

  // SQLite's blessing and gtk-rs's pointer to the LICENSE file are notices as the scan reads them: apply tags such a
  // file with the license they give, and leaves it alone when asked for another.
  it("tags SQLite's blessing and gtk-rs's pointer to LICENSE with what they give, and nothing else", async () => {
    const sqlite = '/*\n** 2007 April 6\n**\n** The author disclaims copyright to this source code.  In place of\n** a legal notice, here is a blessing:\n**\n**    May you do good and not evil.\n**    May you find forgiveness for yourself and forgive others.\n**    May you share freely, never taking more than you give.\n**\n*************************************************************************\n** Code for testing.\n*/\n#include "sqliteInt.h"\n';
    const gtk = '// Take a look at the license at the top of the repository in the LICENSE file.\n\nuse glib::translate::*;\n';
    // libxml2's: "See Copyright for the status of this software", its Copyright file holding MIT's text.
    const libxml = '/*\n * buf.h: Internal Interfaces for memory buffers in libxml2\n *\n * See Copyright for the status of this software.\n */\n#include <stdio.h>\n';
    const root = tree({ 'src/test_hexio.c': sqlite, 'gtk/LICENSE': spdxText('MIT'), 'gtk/src/a.rs': gtk, 'xml/Copyright': spdxText('MIT'), 'xml/buf.h': libxml });
    const refused = await applyTo(root, { paths: ['src', 'gtk/src', 'xml/buf.h'] });
    expect(refused.problems.filter((p) => p.code === 'existing-notice').map((p) => [p.file, p.message.match(/gives (\S+)/)?.[1]])).toEqual([
      ['gtk/src/a.rs', 'MIT'],
      ['src/test_hexio.c', 'blessing'],
      ['xml/buf.h', 'MIT'],
    ]);
    expect(readFileSync(join(root, 'src/test_hexio.c'), 'utf8')).toBe(sqlite);
    const blessed = await applyTo(root, { paths: ['src'], license: 'blessing' });
    expect(blessed.files.find((f) => f.path === 'src/test_hexio.c')).toMatchObject({ status: 'changed', verified: true });
    const mit = await applyTo(root, { paths: ['gtk/src'], license: 'MIT' });
    expect(mit.files.find((f) => f.path === 'gtk/src/a.rs')).toMatchObject({ status: 'changed', verified: true });
    expect(readFileSync(join(root, 'gtk/src/a.rs'), 'utf8')).toContain('SPDX-License-Identifier: MIT');
    // A file of a kind apply has no comment syntax for (SQLite's Tcl tests, `.test`) is read the same way: asked for
    // another license, the notice's own is named; asked for its own, it takes a sidecar with --fallback-sidecar.
    const tcl = '# 2014 June 17\n#\n# The author disclaims copyright to this source code.  In place of\n# a legal notice, here is a blessing:\n#\n#    May you do good and not evil.\n#    May you find forgiveness for yourself and forgive others.\n#    May you share freely, never taking more than you give.\n#\n#***********************************************************************\nset testdir [file dirname $argv0]\n';
    const tests = tree({ 'test/fts5ea.test': tcl });
    expect((await applyTo(tests, { paths: ['test'] })).problems.find((p) => p.file === 'test/fts5ea.test')).toMatchObject({ code: 'existing-notice', message: expect.stringContaining('gives blessing') });
    // Its own header, in # lines, gives the license asked for: a header of # lines goes above it, in its syntax.
    const tagged = await applyTo(tests, { paths: ['test'], license: 'blessing' });
    expect(tagged.files.find((f) => f.path === 'test/fts5ea.test')).toMatchObject({ status: 'changed', style: 'python', verified: true });
    expect(readFileSync(join(tests, 'test/fts5ea.test'), 'utf8')).toBe(`# SPDX-FileCopyrightText: 2026 Example Collective\n#\n# SPDX-License-Identifier: blessing\n\n${tcl}`);
    // A # line that is no comment holding the file's notice (a Markdown heading) proves nothing: left alone, as before.
    const mdText = '# Title\n\nReleased under the MIT License.\n';
    const md = tree({ 'notes.page': mdText });
    expect((await applyTo(md, { license: 'MIT' })).files.find((f) => f.path === 'notes.page')).toMatchObject({ status: 'conflict' });
    expect(readFileSync(join(md, 'notes.page'), 'utf8')).toBe(mdText);
    // The file's name in another case than the notice writes it: "See LICENSE for details" and a License.txt.
    const cased = tree({ 'License.txt': spdxText('MIT'), 'src/x.c': '/*\n * See LICENSE for details.\n */\nint x;\n' });
    expect((await applyTo(cased, { paths: ['src'] })).problems.find((p) => p.file === 'src/x.c')).toMatchObject({ code: 'existing-notice', message: expect.stringContaining('gives MIT') });
    expect((await applyTo(cased, { paths: ['src'], license: 'MIT' })).files.find((f) => f.path === 'src/x.c')).toMatchObject({ status: 'changed' });
    // Rails' and Rack's MIT-LICENSE, named in the notice.
    const rack = tree({ 'MIT-LICENSE': spdxText('MIT'), 'lib/rack.rb': '# Rack is freely distributable under the terms of an MIT-style license.\n# See MIT-LICENSE or https://opensource.org/licenses/MIT.\n\nmodule Rack\nend\n' });
    expect((await applyTo(rack, { paths: ['lib'] })).problems.find((p) => p.file === 'lib/rack.rb')).toMatchObject({ code: 'existing-notice', message: expect.stringContaining('gives MIT') });
  });

  it("reads a PHP file's notice after its opening tag, and tags it after the tag", async () => {
    const php = '<?php\n\n/*\n * This file is part of the Symfony package.\n *\n * (c) Fabien Potencier <fabien@symfony.com>\n *\n * For the full copyright and license information, please view the LICENSE\n * file that was distributed with this source code.\n */\n\nnamespace Symfony\\Component\\Console;\n';
    const root = tree({ LICENSE: spdxText('MIT'), 'src/Application.php': php });
    const refused = await applyTo(root, { paths: ['src'] });
    expect(refused.problems.find((p) => p.file === 'src/Application.php')).toMatchObject({ code: 'existing-notice', message: expect.stringContaining('gives MIT') });
    expect(readFileSync(join(root, 'src/Application.php'), 'utf8')).toBe(php);
    const mit = await applyTo(root, { paths: ['src'], license: 'MIT' });
    expect(mit.files.find((f) => f.path === 'src/Application.php')).toMatchObject({ status: 'changed', verified: true });
    expect(readFileSync(join(root, 'src/Application.php'), 'utf8')).toBe(`<?php\n\n// SPDX-FileCopyrightText: 2026 Example Collective\n//\n// SPDX-License-Identifier: MIT\n\n${php.slice('<?php\n\n'.length)}`);
  });

  it('says "reserves all rights" of a photo whose notice does, not that it "declares NONE"', async () => {
    const root = tree({});
    cpSync(join(process.cwd(), 'fixtures', 'media', 'all-rights-reserved.jpg'), join(root, 'photo.jpg'));
    const r = await applyTo(root);
    expect(r.problems.find((p) => p.file === 'photo.jpg')?.message).toBe('photo.jpg reserves all rights (no license granted) in its EXIF:Copyright, not PPL; no sidecar was written');
  });

  it('leaves an SVG whose RDF metadata names another license alone, unless --replace', async () => {
    const svg = readFileSync(join(process.cwd(), 'fixtures', 'media', 'inkscape.svg'));
    const root = tree({ 'art.svg': svg });
    const kept = await applyTo(root);
    expect(kept.files[0]).toMatchObject({ status: 'conflict', method: 'header', reason: 'license-differs' });
    expect(readFileSync(join(root, 'art.svg')).equals(svg)).toBe(true);
    const replaced = await applyTo(root, { replace: true });
    // REUSE reads the SPDX comment, which now says PPL; the RDF metadata that still says otherwise is a
    // declared-conflict for the scan (media-conflicts.test.ts), not the file's license.
    expect(replaced.files.find((f) => f.path === 'art.svg')).toMatchObject({ status: 'changed', verified: true });
  });

  it('replaces a different license only with --replace, and reports what it replaced', async () => {
    const root = tree({ 'a.js': '// SPDX-License-Identifier: MIT\nx()\n' });
    const kept = await applyTo(root);
    expect(kept.files[0]).toMatchObject({ status: 'conflict', reason: 'license-differs' });
    // No file carries PPL: its text would be unused in LICENSES/.
    expect(kept.licenseTexts[0]).toMatchObject({ path: 'LICENSES/PPL.txt', status: 'unused' });
    expect(existsSync(join(root, 'LICENSES'))).toBe(false);
    expect(readFileSync(join(root, 'a.js'), 'utf8')).toBe('// SPDX-License-Identifier: MIT\nx()\n');
    const replaced = await applyTo(root, { replace: true });
    expect(replaced.files.find((f) => f.path === 'a.js')).toMatchObject({ status: 'changed', replaced: 'MIT', verified: true });
    expect(codes(replaced)).toContain('license-replaced a.js');
    expect(readFileSync(join(root, 'a.js'), 'utf8')).toBe(`// SPDX-FileCopyrightText: ${COPYRIGHT}\n// SPDX-License-Identifier: PPL\nx()\n`);
  });

  it('leaves alone a file that a REUSE.toml override licenses otherwise: a header would change nothing', async () => {
    const root = tree({ 'REUSE.toml': 'version = 1\n[[annotations]]\npath = "vendor/**"\nprecedence = "override"\nSPDX-License-Identifier = "MIT"\n', vendor: { 'v.c': 'int v;\n' }, 'a.c': 'int a;\n' });
    for (const options of [{}, { replace: true }, { verify: false }]) {
      const r = await applyTo(root, options);
      expect(r.files.find((f) => f.path === 'vendor/v.c')).toMatchObject({ status: 'conflict' });
      expect(r.problems.find((p) => p.code === 'reuse-toml-override')).toMatchObject({
        file: 'vendor/v.c',
        message: 'vendor/v.c is licensed MIT by the override annotation at REUSE.toml:5, whatever the file says; it is left as it is',
      });
      expect(readFileSync(join(root, 'vendor/v.c'), 'utf8')).toBe('int v;\n');
    }
  });

  it('reports a changed file that a REUSE.toml aggregate still licenses with more', async () => {
    const root = tree({ 'REUSE.toml': 'version = 1\n[[annotations]]\npath = "vendor/**"\nprecedence = "aggregate"\nSPDX-License-Identifier = "MIT"\n', vendor: { 'v.c': 'int v;\n' }, 'a.c': 'int a;\n' });
    const r = await applyTo(root);
    expect(r.files.map((f) => [f.path, f.status, f.verified, f.license])).toEqual([
      ['REUSE.toml', 'skipped', null, null],
      ['a.c', 'changed', true, 'PPL'],
      ['vendor/v.c', 'changed', false, 'PPL AND MIT'],
    ]);
    expect(r.summary.notVerified).toBe(1);
    expect(r.problems.find((p) => p.code === 'not-verified')).toMatchObject({ file: 'vendor/v.c', message: 'vendor/v.c was changed, but it resolves to PPL AND MIT (from vendor/v.c:4, REUSE.toml:5 (aggregate)), not PPL' });
  });

  it('removes temporary files a killed run left behind, and never gives them a header', async () => {
    const root = tree({ 'a.c': 'int a;\n', '.farleft-tmp-2147483646-0123456789ab': 'half' });
    const r = await applyTo(root);
    expect(statusOf(r)).toEqual({ '.farleft-tmp-2147483646-0123456789ab': 'skipped', 'a.c': 'changed' });
    expect(existsSync(join(root, '.farleft-tmp-2147483646-0123456789ab'))).toBe(false);
  });

  it('warns when no copyright holder is given, and writes the license alone', async () => {
    const root = tree({ 'a.py': 'x\n' });
    const r = await applyTo(root, { copyright: [] });
    expect(codes(r)).toEqual(['no-copyright']);
    expect(readFileSync(join(root, 'a.py'), 'utf8')).toBe('# SPDX-License-Identifier: PPL\n\nx\n');
  });

  // gettext's line in every .po file: the root's license files say what "its package's license" is.
  it("tags .po files that are under their package's license with it, and names the root's license when another is asked for", async () => {
    const po = '# This file is distributed under the same license as the PACKAGE package.\nmsgid ""\nmsgstr ""\n';
    const root = tree({ 'LICENSE': spdxText('MIT'), po: { 'de.po': po } });
    const other = await applyTo(root, { license: 'PPL', paths: ['po'] });
    expect(statusOf(other)['po/de.po']).toBe('conflict');
    expect(other.problems.find((p) => p.file === 'po/de.po')?.message).toContain("which the project's license files give as MIT, not PPL");
    const same = await applyTo(root, { license: 'MIT', paths: ['po'] });
    expect(statusOf(same)['po/de.po']).toBe('changed');
    expect(readFileSync(join(root, 'po/de.po'), 'utf8')).toContain(`SPDX-License-Identifier: MIT\n\n${po}`);
  });

  it('writes an expression with several licenses, and each text it has', async () => {
    const root = tree({ 'a.md': 'Hi\n' });
    const r = await applyTo(root, { license: 'PPL OR CC-BY-NC-SA-4.0', copyright: ['2026 Jo Artist'], year: '2024-2026' });
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe('<!--\nSPDX-FileCopyrightText: 2024-2026 Jo Artist\n\nSPDX-License-Identifier: PPL OR CC-BY-NC-SA-4.0\n-->\n\nHi\n');
    expect(r.licenseTexts.map((t) => [t.path, t.status])).toEqual([
      ['LICENSES/PPL.txt', 'written'],
      ['LICENSES/CC-BY-NC-SA-4.0.txt', 'written'],
    ]);
    expect(r.files[0]!.verified).toBe(true);
  });
});

describe('--dry-run', () => {
  it.skipIf(spawnSync('patch', ['--version']).status !== 0)('writes nothing, and its diff is exactly what a real run writes', async () => {
    const root = tree(PROJECT);
    const before = hashTree(root);
    const dry = await applyTo(root, { dryRun: true });
    expect(hashTree(root)).toEqual(before);
    expect(dry.summary.changed).toBe(7);
    expect(dry.files.filter((f) => f.diff).length).toBe(9);
    expect(dry.files.every((f) => f.verified !== false)).toBe(true);
    const patch = Buffer.concat([...APPLY_FORMATS.text.renderDiff(dry)]);

    const copy = tree({});
    cpSync(root, copy, { recursive: true });
    const r = spawnSync('patch', ['-p1', '--quiet', '--binary'], { cwd: copy, input: patch });
    expect(r.status, String(r.stderr) + String(r.stdout)).toBe(0);
    await applyTo(root);
    expect(hashTree(copy)).toEqual(hashTree(root));
  });
});

describe('--dry-run on files patch(1) finds hard', () => {
  it.skipIf(spawnSync('patch', ['--version']).status !== 0)('gives a patch that applies to a BOM, CRLF lines, Latin-1 bytes and a missing final newline', async () => {
    const root = tree({
      'bom.cs': Buffer.from('\ufeffclass A { }\n'),
      'crlf.py': 'a = 1\r\nb = 2\r\n',
      'latin1.py': Buffer.from([0x78, 0x20, 0x3d, 0x20, 0x27, 0xe9, 0x27, 0x0a]),
      'tail.sh': '#!/bin/sh\necho hi',
    });
    const dry = await applyTo(root, { dryRun: true });
    const copy = tree({});
    cpSync(root, copy, { recursive: true });
    const patch = Buffer.concat([...APPLY_FORMATS.text.renderDiff(dry)]);
    const r = spawnSync('patch', ['-p1', '--quiet', '--binary'], { cwd: copy, input: patch });
    expect(r.status, String(r.stderr) + String(r.stdout)).toBe(0);
    await applyTo(root);
    expect(hashTree(copy)).toEqual(hashTree(root));
  });
});

describe('--reuse-toml', () => {
  it('annotates in REUSE.toml without touching the files; a second run changes nothing', async () => {
    const root = tree({ 'a.c': 'int a;\n', 'logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0]), 'mit.c': '// SPDX-License-Identifier: MIT\n', docs: { 'x.md': 'Hi\n' } });
    const before = hashTree(root);
    const r = await applyTo(root, { reuseToml: true });
    expect(r.reuseToml).toEqual({ path: 'REUSE.toml', status: 'changed' });
    expect(readFileSync(join(root, 'REUSE.toml'), 'utf8')).toBe(`version = 1\n\n[[annotations]]\npath = "**"\nSPDX-FileCopyrightText = "${COPYRIGHT}"\nSPDX-License-Identifier = "PPL"\n`);
    for (const [path, hash] of Object.entries(before)) expect(hashTree(root)[path], path).toBe(hash);
    expect(statusOf(r)).toEqual({ 'a.c': 'changed', 'docs/x.md': 'changed', 'logo.png': 'changed', 'mit.c': 'conflict' });
    expect(r.problems.find((p) => p.file === 'mit.c')).toMatchObject({ code: 'license-differs' });
    const again = await applyTo(root, { reuseToml: true });
    expect(again.reuseToml!.status).toBe('already-done');
    expect(statusOf(again)['a.c']).toBe('already-done');
  });

  it('reports an annotation of the same paths with another license once, not once per file', async () => {
    const root = tree({ 'REUSE.toml': 'version = 1\n[[annotations]]\npath = "**"\nSPDX-License-Identifier = "MIT"\n', 'a.c': 'int a;\n', 'b.c': 'int b;\n' });
    const r = await applyTo(root, { reuseToml: true });
    expect(r.reuseToml!.status).toBe('conflict');
    expect(codes(r)).toEqual(['license-differs REUSE.toml']);
    expect(statusOf(r)).toMatchObject({ 'a.c': 'conflict', 'b.c': 'conflict' });
  });

  it('refuses beside .reuse/dep5, as REUSE 3.3 requires', async () => {
    const root = tree({ '.reuse': { dep5: 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n' }, 'a.c': 'int a;\n' });
    const r = await applyTo(root, { reuseToml: true });
    expect(r.reuseToml!.status).toBe('failed');
    expect(codes(r)).toContain('dep5-present .reuse/dep5');
    expect(existsSync(join(root, 'REUSE.toml'))).toBe(false);
  });
});

describe('the original bytes', () => {
  it('are all kept in every text file of a real package: deleting the inserted lines gives them back', async () => {
    const pkg = join(process.cwd(), 'node_modules', 'commander');
    const root = tree({});
    cpSync(pkg, root, { recursive: true });
    const before = hashTree(root);
    const r = await applyTo(root);
    expect(r.problems).toEqual([]);
    const changed = r.files.filter((f) => f.status === 'changed');
    expect(changed.length).toBeGreaterThan(5);
    for (const f of changed) {
      const original = readFileSync(join(pkg, f.path));
      expect(insertedLines(original, readFileSync(join(root, f.path))), f.path).not.toBeNull();
    }
    for (const f of r.files.filter((x) => x.status === 'sidecar')) expect(hashTree(root)[f.path]).toBe(before[f.path]);
  });
});

describe('bad input', () => {
  it('writes nothing when the request is unusable', async () => {
    const root = tree({ 'a.c': 'int a;\n' });
    const before = hashTree(root);
    await expect(applyTo(root, { license: 'GPL 3' })).rejects.toThrow(/not a valid SPDX expression/);
    await expect(applyTo(root, { license: 'LicenseRef-Mine' })).rejects.toThrow(/neither an SPDX id nor in farleft's catalog/);
    await expect(applyTo(root, { style: 'klingon' })).rejects.toThrow(/not a comment style/);
    await expect(applyTo(root, { copyright: ['2026 Jo */ evil'] })).rejects.toThrow(/would end a comment/);
    await expect(applyTo(root, { license: undefined })).rejects.toThrow(/no license to apply/);
    await expect(applyTo(root, { paths: ['missing'] })).rejects.toThrow(/no such file or folder/);
    expect(hashTree(root)).toEqual(before);
  });

  it('takes an unknown LicenseRef with --allow-unknown, and says how to provide its text', async () => {
    const root = tree({ 'a.c': 'int a;\n' });
    mkdirSync(join(root, 'texts'));
    writeFileSync(join(root, 'texts', 'mine.txt'), 'The Mine License\n');
    const without = await applyTo(root, { license: 'LicenseRef-Mine', allowUnknown: true, exclude: ['texts/'] });
    expect(without.licenseTexts[0]!.status).toBe('missing');
    expect(without.files.find((f) => f.path === 'a.c')).toMatchObject({ status: 'changed', verified: true, license: 'LicenseRef-Mine' });
    const withText = await applyTo(root, { license: 'LicenseRef-Mine', allowUnknown: true, licenseTexts: [join(root, 'texts', 'mine.txt')], exclude: ['texts/'] });
    expect(withText.licenseTexts[0]).toMatchObject({ path: 'LICENSES/LicenseRef-Mine.txt', status: 'written', source: 'file' });
    expect(codes(withText)).toContain('license-text-unchecked LICENSES/LicenseRef-Mine.txt');
  });
});
