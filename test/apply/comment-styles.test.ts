import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extensionOf, LANGUAGES, needsContent, routeFile, shebangInterpreter, STYLES, styleByName } from '../../src/apply/comment-styles/index.js';
import { SIDECAR_EXTENSIONS, SIDECAR_NAMES } from '../../src/apply/comment-styles/languages.js';
import { scan } from '../../src/scan.js';
import { makeTree, removeTree, testCatalog, type Tree } from '../helpers.js';
import { applyTo, COPYRIGHT, insertedLines, isHeaderLine } from './helpers.js';

const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));

const styleOf = (path: string, head: string | null = null): string | null => {
  const r = routeFile(path, head);
  return r.kind === 'style' ? r.style.name : r.kind;
};

describe('comment style routing', () => {
  it('knows at least 60 languages, and no extension or file name is claimed twice', () => {
    expect(LANGUAGES.length).toBeGreaterThanOrEqual(60);
    const seen = new Map<string, string>();
    for (const lang of LANGUAGES) {
      for (const key of [...(lang.extensions ?? []).map((e) => `extension .${e}`), ...(lang.names ?? []).map((n) => `name ${n}`)]) {
        expect(seen.get(key), `${key} is claimed by ${seen.get(key)} and ${lang.name}`).toBeUndefined();
        seen.set(key, lang.name);
      }
      for (const e of lang.extensions ?? []) {
        expect(e).toBe(e.toLowerCase());
        expect(SIDECAR_EXTENSIONS.get(e), `.${e} is both ${lang.name} and a sidecar type`).toBeUndefined();
      }
      for (const n of lang.names ?? []) expect(SIDECAR_NAMES.get(n)).toBeUndefined();
    }
  });

  it.each([
    ['src/main.c', 'c'],
    ['include/x.HPP', 'c'],
    ['style.css', 'c'],
    ['Main.java', 'c'],
    ['app.ts', 'cpp'],
    ['types/index.d.ts', 'cpp'],
    ['lib/esm.d.mts', 'cpp'],
    ['x.jsx', 'cpp'],
    ['main.go', 'cpp'],
    ['lib.rs', 'cpp'],
    ['settings.json5', 'cpp'],
    ['a.scss', 'cpp'],
    ['x.py', 'python'],
    ['run.sh', 'python'],
    ['config.yaml', 'python'],
    ['Cargo.toml', 'python'],
    ['x.rb', 'python'],
    ['x.pl', 'python'],
    ['analysis.R', 'python'],
    ['default.nix', 'python'],
    ['Makefile', 'python'],
    ['Dockerfile', 'python'],
    ['Dockerfile.dev', 'python'],
    ['.gitignore', 'python'],
    ['CMakeLists.txt', 'python'],
    ['units/tmp.mount', 'python'],
    ['network/80-container-vz.network', 'python'],
    ['network/99-default.link', 'python'],
    ['hwdb.d/60-keyboard.hwdb', 'python'],
    ['units/sockets.target', 'python'],
    ['requirements.txt', 'python'],
    ['q.sql', 'sql'],
    ['init.lua', 'sql'],
    ['Main.hs', 'sql'],
    ['pkg.adb', 'sql'],
    ['init.el', 'lisp'],
    ['core.clj', 'lisp'],
    ['setup.ini', 'ini'],
    ['boot.asm', 'ini'],
    ['paper.tex', 'tex'],
    ['calc.m', 'tex'],
    ['server.erl', 'erlang'],
    ['index.html', 'html'],
    ['data.xml', 'html'],
    ['logo.svg', 'html'],
    ['README.md', 'html'],
    ['App.vue', 'html'],
    ['page.mdx', 'mdx'],
    ['base.html.j2', 'jinja'],
    ['view.hbs', 'handlebars'],
    ['build.bat', 'bat'],
    ['macro.vbs', 'vb'],
    ['lexer.ml', 'ocaml'],
    ['unit.pas', 'ocaml'],
    ['ls.1', 'man'],
    ['index.rst', 'rst'],
    ['plugin.vim', 'vim'],
    ['configure.ac', 'm4'],
    ['solver.f90', 'fortran'],
    ['index.php', 'php'],
    ['page.erb', 'erb'],
    ['report.ftl', 'ftl'],
    ['Default.aspx', 'aspx'],
    ['refs.bib', 'bibtex'],
    ['query.xq', 'xquery'],
  ])('%s -> %s', (path, style) => {
    expect(styleOf(path)).toBe(style);
  });

  it.each([
    ['data.json', 'data'],
    ['table.csv', 'data'],
    ['bundle.js.map', 'data'],
    ['notes.txt', 'data'],
    ['photo.JPG', 'image'],
    ['logo.png', 'image'],
    ['song.mp3', 'audio'],
    ['clip.webm', 'video'],
    ['font.woff2', 'font'],
    ['paper.pdf', 'document'],
    ['go.sum', 'data'],
    ['AUTHORS', 'text'],
    ['ChangeLog', 'text'],
    ['docs/FAQ', 'text'],
    ['KNOWN_BUGS', 'text'],
    ['RELEASE-NOTES', 'text'],
  ])('%s has no comment syntax: a sidecar (%s)', (path, what) => {
    expect(routeFile(path, null)).toEqual({ kind: 'sidecar', what });
  });

  it.each([['weird.xyz'], ['Notes'], ['.hidden'], ['archive.tpl'], ['constructor'], ['x.constructor'], ['__proto__'], ['a.__proto__'], ['x.hasOwnProperty']])('%s is unknown, not guessed', (path) => {
    expect(routeFile(path, 'some text\n')).toEqual({ kind: 'unknown' });
  });

  // POD takes `#` lines above its first command, as reuse-tool writes them (a POD parser reads from the first `=` line).
  // Chromium's and Node's build files: GN, GYP, and Python literals, `#` comments all.
  it.each([['BUILD.gn'], ['build/config.gni'], ['node.gyp'], ['common.gypi'], ['test/data.pyl']])('gives %s # lines', (path) => {
    expect(styleOf(path)).toBe('python');
  });

  it('gives POD files # lines', () => {
    expect(styleOf('doc/man3/EVP_DigestInit.pod')).toBe('python');
    expect(styleOf('doc/man1/openssl-cmds.pod.in')).toBe('python');
  });

  // A file of no known kind whose first line is a comment in an unmistakable syntax takes its header in that syntax:
  // OpenCL's .cl, a Windows resource script (.rc), a module definition (.def). Not `#`, `--` or `%` (a Markdown
  // heading, YAML's `---`, PostScript's `%!`).
  it.each([
    ['kernels/convolution.cl', '/*\n * This file is part of FFmpeg.\n */\n__kernel void f() {}\n', 'c'],
    ['avcodec.rc', '\n/*\n * Windows resource file for libavcodec\n */\n#include <windows.h>\n', 'c'],
    // A long header whose end is past the head: its second line goes on as a block comment's.
    ['deshake.cl', `/*\n * This file is part of FFmpeg.\n${' * FFmpeg is free software.\n'.repeat(60)}`, 'c'],
    ['a.shader', '// a shader\nvoid main() {}\n', 'cpp'],
    ['pythonba.def', ';-----\n; <copyright file="wixstdba.def">\nEXPORTS\n', 'ini'],
    ['layout.tmpl', '<!-- a template -->\n<div></div>\n', 'html'],
    ['notes.xyz', '# Title\n\ntext\n', 'unknown'],
    ['data.xyz', '---\na: 1\n', 'unknown'],
    ['page.xyz', '%!PS-Adobe-3.0\n', 'unknown'],
    // A line that only looks like one: FFmpeg's metadata header, an ignore file's "everything at the root".
    ['test.ffmeta', ';FFMETADATA1\ntitle=x\n', 'unknown'],
    ['.vercelignore', '/*\n!/api\n', 'unknown'],
  ])('%s, which opens with a comment, takes a header of its kind (%s)', (path, head, style) => {
    expect(styleOf(path, head)).toBe(style);
    // Without its content (the route asked before a file is read), it is not guessed.
    expect(styleOf(path)).toBe('unknown');
  });

  it.each([
    ['#!/bin/sh\necho', 'sh'],
    ['#!/usr/bin/env python3\n', 'python'],
    ['#!/usr/bin/env -S node --no-warnings\n', 'node'],
    ['#!/usr/bin/env PYTHONPATH=. python3.11 -u\n', 'python'],
    ['#! /usr/local/bin/ruby -w\n', 'ruby'],
    ['\xef\xbb\xbf#!/bin/bash\r\n', 'bash'],
    ['no shebang', null],
  ])('the shebang %j runs %s', (head, program) => {
    expect(shebangInterpreter(head)).toBe(program);
  });

  it.each([
    ['bin/tool', '#!/usr/bin/env node\nconsole.log(1)\n', 'cpp'],
    ['bin/tool', '#!/bin/bash\necho\n', 'python'],
    ['scripts/x', '#!/usr/bin/env lua\nprint(1)\n', 'sql'],
    ['scripts/x', '#!/usr/bin/env php\n<?php echo 1;\n', 'php'],
    ['scripts/x.unknownext', '#!/usr/bin/env python3\n', 'python'],
    ['calc.m', 'function y = f(x)\n  y = x;\nend\n', 'tex'],
    ['View.m', '#import <Foundation/Foundation.h>\n@implementation View\n@end\n', 'c'],
    ['top.v', 'module top(input a);\nendmodule\n', 'c'],
    ['Proofs.v', 'Require Import Arith.\nTheorem t : 1 = 1.\n', 'ocaml'],
    ['fonts/conf.d/10-no-antialias.conf', '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n', 'html'],
    ['system.d/org.freedesktop.UPower.conf', '<!DOCTYPE busconfig PUBLIC\n', 'html'],
    ['apache2/mods-available/dir.conf', '<IfModule mod_dir.c>\n', 'python'],
    ['etc/adduser.conf', '# /etc/adduser.conf\n', 'python'],
    ['app.d', 'module app;\nimport std.stdio;\n', 'cpp'],
    ['hello.d', '#!/usr/bin/env rdmd\nvoid main() {}\n', 'cpp'],
    ['completions/invoke-rc.d', '# invoke-rc.d(8) completion    -*- shell-script -*-\n_invoke_rc_d() {\n', 'python'],
    ['etc/init/update-rc.d', '#!/bin/sh\nset -e\n', 'python'],
    ['help/C/index.page', '<?xml version="1.0" encoding="utf-8"?>\n<page xmlns="http://projectmallard.org/1.0/"\n', 'html'],
    ['help/C/intro.page', '<page xmlns="http://projectmallard.org/1.0/" id="intro">\n', 'html'],
    ['site/about.page', 'title: About\n', 'unknown'],
    ['etc/bash.bashrc', '# System-wide .bashrc file\n', 'python'],
    ['etc/zsh/zshrc', '# /etc/zsh/zshrc\n', 'python'],
    // configure / meson templates: the file they become decides
    ['units/systemd-journald.service.in', '#  SPDX-License-Identifier: LGPL-2.1-or-later\n', 'python'],
    ['config.h.in', '/* config.h.in.  Generated from configure.ac */\n', 'c'],
    ['Makefile.in', '# Makefile.in generated by automake\n', 'python'],
    ['tools/gen.py.in', '#!@PYTHON@\n', 'python'],
    ['test/data.in', '1 2 3\n', 'unknown'],
    ['fonts.conf.in', '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n', 'html'],
    // devicetree and Coccinelle; `.its` is also gettext's XML tag-set rules
    ['arch/arm/dts/imx6q.dts', '// SPDX-License-Identifier: GPL-2.0+\n/dts-v1/;\n', 'cpp'],
    ['arch/arm/dts/imx6qdl.dtsi', '/*\n * Copyright 2013 Freescale\n */\n', 'cpp'],
    ['board/x/fit.its', '/dts-v1/;\n/ {\n', 'cpp'],
    ['its/glib.its', '<?xml version="1.0"?>\n<its:rules xmlns:its="http://www.w3.org/2005/11/its" version="2.0">\n', 'html'],
    ['scripts/coccinelle/free/kfree.cocci', '/// Find a use after free.\n', 'cpp'],
    ['scripts/kconfig/parser.y', '%{\n', 'c'],
    ['scripts/kconfig/lexer.l', '%option nostdinit\n', 'c'],
    ['arch/x86/kernel/vmlinux.lds', '/* ld script */\n', 'c'],
    ['scripts/dtc/dtc-parser.tab.c_shipped', '/* A Bison parser */\n', 'c'],
    ['crypto/rsapubkey.asn1', 'RsaPubKey ::= SEQUENCE {\n', 'sql'],
    // a font's sources (Cantarell's: 3,993 glyph files)
    ['src/Cantarell-Regular.ufo/glyphs/a.glif', '<?xml version="1.0" encoding="UTF-8"?>\n<glyph name="a" format="2">\n', 'html'],
    ['src/Cantarell.designspace', '<?xml version="1.0" encoding="UTF-8"?>\n<designspace format="4.1">\n', 'html'],
    ['src/Cantarell.stylespace', '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist>\n', 'html'],
    ['src/features.fea', 'languagesystem DFLT dflt;\n', 'python'],
    ['appstream/LINGUAS', 'ar\nbg\n', 'python'],
    ['po/POTFILES.in', '# List of source files with translatable strings\n', 'python'],
    ['requirements.in', 'fontmake\n', 'python'],
    // an R package (jsonlite)
    ['NAMESPACE', '# Generated by roxygen2: do not edit by hand\n', 'python'],
    ['inst/CITATION', 'citHeader("To cite jsonlite")\n', 'python'],
    ['src/Makevars', 'PKG_CPPFLAGS = -Iyajl/api\n', 'python'],
    ['man/validate.Rd', '% Generated by roxygen2: do not edit by hand\n', 'tex'],
    ['vignettes/json-mapping.Rnw', '%\\VignetteIndexEntry{A mapping}\n', 'tex'],
    ['inst/doc/json-mapping.pdf.asis', '%\\VignetteIndexEntry{A mapping}\n', 'tex'],
  ])('%s with %j -> %s', (path, head, style) => {
    expect(styleOf(path, head)).toBe(style);
  });

  it('reads the start of a file whose route depends on it, a template of one included', () => {
    expect(needsContent('data/fonts.conf')).toBe(true);
    expect(needsContent('data/fonts.conf.in')).toBe(true);
    expect(needsContent('po/glib.its')).toBe(true);
    expect(needsContent('src/main.c.in')).toBe(false);
    expect(needsContent('in')).toBe(false);
  });

  it.each([
    ['TS', 'cpp'],
    ['shell', 'python'],
    ['Markdown', 'html'],
    ['c', 'c'],
    ['nope', null],
    ['constructor', null],
    ['__proto__', null],
  ])('--style %s is %s', (name, style) => {
    expect(styleByName(name)?.name ?? null).toBe(style);
  });

  it.each([
    ['a.d.ts', 'ts'],
    ['Makefile', null],
    ['.bashrc', null],
    ['x.', null],
    ['a.TAR.GZ', 'gz'],
  ])('the extension of %s is %s', (name, ext) => {
    expect(extensionOf(name)).toBe(ext);
  });
});

/** A body for each style that is valid-looking code and carries no licensing. */
const BODY: Record<string, string> = {
  c: 'int main(void) { return 0; }\n',
  cpp: 'const answer = 42;\n',
  python: 'value = 1\n',
  sql: 'select 1;\n',
  lisp: '(defun f () 1)\n',
  ini: '[section]\nkey = value\n',
  tex: '\\section{Intro}\n',
  erlang: '-module(m).\n',
  html: '<p>Hello</p>\n',
  mdx: '# Hello\n',
  jinja: '<p>{{ name }}</p>\n',
  handlebars: '<p>{{name}}</p>\n',
  aspx: '<p>Hi</p>\n',
  ftl: '<p>${name}</p>\n',
  erb: '<p><%= name %></p>\n',
  velocity: '<p>$name</p>\n',
  bat: '@echo off\necho hi\n',
  vb: 'Dim x\n',
  ocaml: 'let x = 1\n',
  xquery: 'let $x := 1 return $x\n',
  bibtex: '@book{key, title = {T}}\n',
  man: '.TH LS 1\n',
  rst: 'Title\n=====\n',
  vim: 'set nocompatible\n',
  m4: 'AC_INIT([x], [1])\n',
  fortran: 'program p\nend program p\n',
  forth: ': square dup * ;\n',
  pug: 'p Hello\n',
  php: '<?php\necho 1;\n',
};

describe('every comment style round-trips', () => {
  it('apply -> scan finds PPL and the copyright in every language -> the rest of each file is byte-identical', async () => {
    const tree: Tree = {};
    const originals = new Map<string, string>();
    LANGUAGES.forEach((lang, i) => {
      const name = lang.extensions?.length ? `file.${lang.extensions[0]}` : lang.names![0]!;
      const path = `lang${String(i).padStart(3, '0')}/${name}`;
      const body = BODY[lang.style]!;
      expect(body, `a body for ${lang.style}`).toBeDefined();
      originals.set(path, body);
      tree[path.split('/')[0]!] = { [name]: body };
    });
    // Every style, forced on a file of its own through a language that uses it, is covered above; check that.
    expect(new Set(LANGUAGES.map((l) => l.style))).toEqual(new Set(Object.keys(STYLES).filter((s) => s !== 'php-block')));
    const root = makeTree(tree);
    roots.push(root);
    const result = await applyTo(root);
    expect(result.problems.filter((p) => p.severity !== 'note')).toEqual([]);
    expect(result.summary.changed).toBe(LANGUAGES.length);
    expect(result.summary.notVerified).toBe(0);

    const scanned = await scan({ root, gitignore: true, exclude: [], include: [], followSymlinks: false, minConfidence: 0.9, config: null, version: 'test', catalog: testCatalog(), jobs: 1 });
    const byPath = new Map(scanned.files.map((f) => [f.path, f]));
    for (const [path, body] of originals) {
      expect(byPath.get(path)?.license, path).toBe('PPL');
      expect(byPath.get(path)?.copyright, path).toEqual([COPYRIGHT]);
      const inserted = insertedLines(Buffer.from(body), readFileSync(join(root, path)));
      expect(inserted, `${path}: the original bytes are all kept`).not.toBeNull();
      expect(inserted!.filter((l) => !isHeaderLine(l)), path).toEqual([]);
    }
    // A second run changes nothing.
    const again = await applyTo(root);
    expect(again.summary.changed).toBe(0);
    expect(again.summary.alreadyDone).toBe(LANGUAGES.length);
  });

  it('reads a template by the file it becomes, its content included (an XML fonts.conf.in gets an XML comment)', async () => {
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig/>\n';
    const root = makeTree({ 'fonts.conf.in': xml, 'units': { 'tmp.mount.in': '[Unit]\nDescription=Temporary Directory\n' } });
    roots.push(root);
    const result = await applyTo(root);
    expect(result.summary.changed).toBe(2);
    expect(readFileSync(join(root, 'fonts.conf.in'), 'utf8')).toMatch(/^<\?xml version="1.0"\?>\n<!DOCTYPE fontconfig[^\n]*\n\n<!--\nSPDX-FileCopyrightText/);
    expect(readFileSync(join(root, 'units/tmp.mount.in'), 'utf8')).toMatch(/^# SPDX-FileCopyrightText: .*\n#\n# SPDX-License-Identifier: PPL\n\n\[Unit\]/);
  });
});
