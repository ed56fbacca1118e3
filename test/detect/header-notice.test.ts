import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { detectFile } from '../../src/detect/index.js';
import { leadingComment } from '../../src/detect/header-comment.js';
import { detector, filesAbove } from '../../src/detect/header-notice.js';
import { fileInput, testContext } from '../helpers.js';
import { BISON_PARSER as BISON } from './header-texts.js';

const FFMPEG = `/*
 * Copyright (c) 2003 Fabrice Bellard
 *
 * This file is part of FFmpeg.
 *
 * FFmpeg is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * FFmpeg is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.
 */
int main(void) { return 0; }
`;
const OPENSSL = `/*
 * Copyright 2016-2021 The OpenSSL Project Authors. All Rights Reserved.
 *
 * Licensed under the Apache License 2.0 (the "License").  You may not use
 * this file except in compliance with the License.
 */
int x;
`;
const PYTHON_GPL3 = `#!/usr/bin/env python3
# -*- coding: utf-8 -*-
# This program is free software: you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 3 of the License, or
# (at your option) any later version.

import sys
`;

const RUST = `// Copyright 2015 The Rust Project Developers.
//
// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

fn main() {}
`;
const MOZILLA_TRI = `/* ***** BEGIN LICENSE BLOCK *****
 * Version: MPL 1.1/GPL 2.0/LGPL 2.1
 *
 * The contents of this file are subject to the Mozilla Public License Version
 * 1.1 (the "License"); you may not use this file except in compliance with
 * the License. You may obtain a copy of the License at
 * http://www.mozilla.org/MPL/
 *
 * Software distributed under the License is distributed on an "AS IS" basis,
 * WITHOUT WARRANTY OF ANY KIND, either express or implied. See the License
 * for the specific language governing rights and limitations under the
 * License.
 *
 * Alternatively, the contents of this file may be used under the terms of
 * either the GNU General Public License Version 2 or later (the "GPL"), or
 * the GNU Lesser General Public License Version 2.1 or later (the "LGPL"),
 * in which case the provisions of the GPL or the LGPL are applicable instead
 * of those above.
 *
 * ***** END LICENSE BLOCK ***** */
int x;
`;
const CAIRO = `/* cairo - a vector graphics library with display and print output
 *
 * Copyright © 2002 University of Southern California
 *
 * This library is free software; you can redistribute it and/or
 * modify it either under the terms of the GNU Lesser General Public
 * License version 2.1 as published by the Free Software Foundation
 * (the "LGPL") or, at your option, under the terms of the Mozilla
 * Public License Version 1.1 (the "MPL"). If you do not alter this
 * notice, a recipient may use your version of this file under either
 * the MPL or the LGPL.
 *
 * You should have received a copy of the LGPL along with this library
 * in the file COPYING-LGPL-2.1; if not, write to the Free Software
 * Foundation, Inc., 51 Franklin Street, Suite 500, Boston, MA 02110-1335, USA
 * You should have received a copy of the MPL along with this library
 * in the file COPYING-MPL-1.1
 *
 * The contents of this file are subject to the Mozilla Public License
 * Version 1.1 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License at
 * http://www.mozilla.org/MPL/
 *
 * This software is distributed on an "AS IS" basis, WITHOUT WARRANTY
 * OF ANY KIND, either express or implied. See the LGPL or the MPL for
 * the specific language governing rights and limitations.
 */

#include "cairoint.h"
`;

/** [expression, line, scope] of what detectFile (every detector, in order) finds in a file. */
const found = (path: string, text: string): [string, number, string][] =>
  detectFile(fileInput(path, text), testContext())
    .declarations.filter((d) => d.source === 'notice')
    .map((d) => [d.expression, d.line!, d.scope]);

describe('header-notice: the license a source file names in prose', () => {
  it.each([
    ['the GNU LGPL boilerplate in a C block comment', 'libavcodec/a.c', FFMPEG, [['LGPL-2.1-or-later', 7, 'file']]],
    ["OpenSSL's Apache header", 'crypto/b.c', OPENSSL, [['Apache-2.0', 4, 'file']]],
    ['GPL-3.0-or-later in # comments after a shebang and a coding line', 'tool.py', PYTHON_GPL3, [['GPL-3.0-or-later', 3, 'file']]],
    ['a root file: still the file, not the project', 'main.c', OPENSSL, [['Apache-2.0', 4, 'file']]],
    ['a Lisp header', 'x.el', ';; Licensed under the Peer Production License.\n(defun f ())\n', [['PPL', 1, 'file']]],
    ['an HTML comment', 'index.html', '<!--\n  This zine is released under the Peer Production License.\n-->\n<p>hi</p>\n', [['PPL', 2, 'file']]],
    // FFmpeg's assembly: ARM's `@` comments, and NASM's `;*` boxes (a star left at a line's start read as a list item).
    // Perl's own C files: "distribute under", and Perl's wording of its two licenses.
    ["the Perl interpreter's header", 'vms/vms.c', '/*    vms.c\n *\n *    Copyright (C) 1993-2015 by Charles Bailey and others.\n *\n *    You may distribute under the terms of either the GNU General Public\n *    License or the Artistic License, as specified in the README file.\n */\n\n#include <stdio.h>\n', [['Artistic-1.0-Perl OR GPL-1.0-or-later', 5, 'file']]],
    // The Xiph codecs' (libvorbis, libogg, FLAC): in capitals, the file named in quotes.
    ["the Xiph codecs' \"GOVERNED BY A BSD-STYLE SOURCE LICENSE … IN 'COPYING'\"", 'lib/block.c', "/********************************************************************\n *                                                                  *\n * THIS FILE IS PART OF THE OggVorbis SOFTWARE CODEC SOURCE CODE.   *\n * USE, DISTRIBUTION AND REPRODUCTION OF THIS LIBRARY SOURCE IS     *\n * GOVERNED BY A BSD-STYLE SOURCE LICENSE INCLUDED WITH THIS SOURCE *\n * IN 'COPYING'. PLEASE READ THESE TERMS BEFORE DISTRIBUTING.       *\n *                                                                  *\n ********************************************************************\n\n function: PCM data vector blocking\n\n ********************************************************************/\n\n#include <stdio.h>\n", [['SEE LICENSE IN COPYING', 5, 'file']]],
    ["FreeType's header (\"may only be used, modified, and distributed under the terms of the FreeType project license\")", 'src/base/ftobjs.c', '/****************************************************************************\n *\n * ftobjs.c\n *\n * Copyright (C) 1996-2022 by\n * David Turner, Robert Wilhelm, and Werner Lemberg.\n *\n * This file is part of the FreeType project, and may only be used,\n * modified, and distributed under the terms of the FreeType project\n * license, LICENSE.TXT.  By continuing to use, modify, or distribute\n * this file you indicate that you have read the license and\n * understand and accept it fully.\n *\n */\n\n#include <freetype/ftlist.h>\n', [['FTL', 9, 'file']]],
    ["ARM assembly's @ comments", 'libavcodec/arm/a.S', FFMPEG.replace(/^\/\*\n/, '').replace(/^ \*\/\n/m, '').replace(/^ \*/gm, '@'), [['LGPL-2.1-or-later', 6, 'file']]],
    ["NASM's ;* box comments", 'libavcodec/x86/a.asm', FFMPEG.replace(/^\/\*\n/, ';******\n').replace(/^ \*\/\n/m, ';******\n').replace(/^ \*/gm, ';*'), [['LGPL-2.1-or-later', 7, 'file']]],
  ] as const)('%s', (_case, path, text, want) => expect(found(path, text)).toEqual(want));

  // Sentences that send the reader to a license file, in headers that name no license (SEE LICENSE IN: lint and apply
  // read the nearest such file).
  it.each([
    ["gtk-rs's \"Take a look at the license at the top of the repository in the LICENSE file\"", 'src/attribute.rs', '// Take a look at the license at the top of the repository in the LICENSE file.\n\nuse glib::translate::*;\n', [['SEE LICENSE IN LICENSE', 1, 'file']]],
    ["klauspost/compress's \"License information can be found in the LICENSE file\"", 'zstd/zip.go', '// Copyright 2019+ Klaus Post. All rights reserved.\n// License information can be found in the LICENSE file.\n\npackage zstd\n', [['SEE LICENSE IN LICENSE', 2, 'file']]],
    ["chrono's \"See README.md and LICENSE.txt for details\"", 'src/date.rs', '// This is a part of Chrono.\n// See README.md and LICENSE.txt for details.\n\nuse core::fmt;\n', [['SEE LICENSE IN LICENSE.txt', 2, 'file']]],
    ["a Python docstring's \":license: BSD, see LICENSE for details\" (Pygments, Sphinx, the Pallets projects)", 'pygments/lexer.py', '"""\n    pygments.lexer\n    ~~~~~~~~~~~~~~\n\n    :copyright: Copyright 2006-2023 by the Pygments team, see AUTHORS.\n    :license: BSD, see LICENSE for details.\n"""\nimport re\n', [['SEE LICENSE IN LICENSE', 6, 'file']]],
    // reStructuredText's field in a docstring, named surely: the field, not the pointer beside it.
    ["the Pallets projects' \":license: BSD-3-Clause\" field", 'werkzeug/middleware/lint.py', '"""\nWSGI Protocol Linter\n====================\n\n:copyright: 2007 Pallets\n:license: BSD-3-Clause\n"""\nimport typing as t\n', [['BSD-3-Clause', 6, 'file']]],
    ["requests' \":license: Apache2, see LICENSE for more details\"", 'requests/api.py', '"""\nrequests.api\n~~~~~~~~~~~~\n\n:copyright: (c) 2012 by Kenneth Reitz.\n:license: Apache2, see LICENSE for more details.\n"""\nfrom . import sessions\n', [['Apache-2.0', 6, 'file']]],
    ["libxml2's \"See Copyright for the status of this software\"", 'buf.h', '/*\n * Summary: Internal Interfaces for memory buffers in libxml2\n *\n * Copy: See Copyright for the status of this software.\n */\n#include <stdio.h>\n', [['SEE LICENSE IN Copyright', 4, 'file']]],
    ["Rack's \"See MIT-LICENSE or https://opensource.org/licenses/MIT\" (a vague name before it)", 'lib/rack.rb', '# frozen_string_literal: true\n\n# Copyright (C) 2007-2019 Leah Neukirchen <http://leahneukirchen.org/infopage.html>\n#\n# Rack is freely distributable under the terms of an MIT-style license.\n# See MIT-LICENSE or https://opensource.org/licenses/MIT.\n\nmodule Rack\n', [['SEE LICENSE IN MIT-LICENSE', 6, 'file']]],
    ["colorama's \"BSD 3-Clause license, see LICENSE file.\"", 'colorama/ansi.py', '# Copyright Jonathan Hartley 2013. BSD 3-Clause license, see LICENSE file.\n\nCSI = "\\033["\n', [['SEE LICENSE IN LICENSE', 1, 'file']]],
    ['a license named beside the pointer: the name, not the file', 'a.c', '/*\n * Licensed under the MIT License. See LICENSE for details.\n */\nint x;\n', [['MIT', 2, 'file']]],
    ["a pointer without the file's name in capitals: nothing", 'a.c', '/*\n * See the license for details.\n */\nint x;\n', []],
    // LLVM's headers before its 2019 relicensing, also in the compiler-rt that Rust's compiler_builtins carries.
    ["LLVM's \"distributed under the University of Illinois Open Source License\"", 'git-clang-format', '#!/usr/bin/env python\n#\n#===- git-clang-format - ClangFormat Git Integration ---------*- python -*--===#\n#\n#                     The LLVM Compiler Infrastructure\n#\n# This file is distributed under the University of Illinois Open Source\n# License. See LICENSE.TXT for details.\n#\n#===------------------------------------------------------------------------===#\n\nimport sys\n', [['NCSA', 7, 'file']]],
  ] as const)('%s', (_case, path, text, want) => expect(found(path, text)).toEqual(want));

  // PHP: the comment after the opening tag (it was never read: the tag ended the header).
  it.each([
    ["Symfony's \"For the full copyright and license information, please view the LICENSE file\"", 'Component/Console/Application.php', '<?php\n\n/*\n * This file is part of the Symfony package.\n *\n * (c) Fabien Potencier <fabien@symfony.com>\n *\n * For the full copyright and license information, please view the LICENSE\n * file that was distributed with this source code.\n */\n\nnamespace Symfony\\Component\\Console;\n', [['SEE LICENSE IN LICENSE', 8, 'file']]],
    ["PHPDoc's \"@license <url> <name>\" (phpseclib)", 'Common/Functions/Strings.php', '<?php\n\n/**\n * Common String Functions\n *\n * PHP version 5\n *\n * @author    Jim Wigginton <terrafrost@php.net>\n * @copyright 2016 Jim Wigginton\n * @license   http://www.opensource.org/licenses/mit-license.html  MIT License\n * @link      http://phpseclib.sourceforge.net\n */\n\nnamespace phpseclib3\\Common\\Functions;\n', [['MIT', 10, 'file']]],
    ['a GNU notice after `<?php declare(strict_types=1);`', 'src/a.php', '<?php declare(strict_types=1);\n/*\n * This program is free software: you can redistribute it and/or modify\n * it under the terms of the GNU Affero General Public License as published by\n * the Free Software Foundation, either version 3 of the License, or\n * (at your option) any later version.\n */\nnamespace App;\n', [['AGPL-3.0-or-later', 3, 'file']]],
    ["a compiled module's comment under its \"use strict\" (TypeScript's output: @sigstore/core)", 'dist/json.js', '"use strict";\n/*\nCopyright 2023 The Sigstore Authors.\n\nLicensed under the Apache License, Version 2.0 (the "License");\nyou may not use this file except in compliance with the License.\n*/\nObject.defineProperty(exports, "__esModule", { value: true });\n', [['Apache-2.0', 5, 'file']]],
    ['code after "use strict": no header', 'dist/a.js', "'use strict';\nconst msg = 'Licensed under the MIT License';\n", []],
    ['code after the tag: no header', 'src/b.php', '<?php\necho "Licensed under the MIT License";\n', []],
  ] as const)('%s', (_case, path, text, want) => expect(found(path, text)).toEqual(want));

  // Other languages' project headers.
  it.each([
    ["OpenJDK's GPL 2 with \"subject to the \\\"Classpath\\\" exception\"", 'java/lang/Object.java', '/*\n * Copyright (c) 1994, 2021, Oracle and/or its affiliates. All rights reserved.\n * DO NOT ALTER OR REMOVE COPYRIGHT NOTICES OR THIS FILE HEADER.\n *\n * This code is free software; you can redistribute it and/or modify it\n * under the terms of the GNU General Public License version 2 only, as\n * published by the Free Software Foundation.  Oracle designates this\n * particular file as subject to the "Classpath" exception as provided\n * by Oracle in the LICENSE file that accompanied this code.\n */\npackage java.lang;\n', [['GPL-2.0-only WITH Classpath-exception-2.0', 5, 'file']]],
    ["Kotlin's \"governed by the Apache 2.0 license that can be found in the license/LICENSE.txt file\"", 'kotlin/a.kt', '/*\n * Copyright 2010-2018 JetBrains s.r.o. and Kotlin Programming Language contributors.\n * Use of this source code is governed by the Apache 2.0 license that can be found in the license/LICENSE.txt file.\n */\npackage kotlin\n', [['Apache-2.0', 3, 'file']]],
    ["Go's \"governed by a BSD-style license\": the file, not a kind of license", 'a.go', '// Copyright 2009 The Go Authors. All rights reserved.\n// Use of this source code is governed by a BSD-style\n// license that can be found in the LICENSE file.\n\npackage a\n', [['SEE LICENSE IN LICENSE', 2, 'file']]],
    ['"X is freely distributable under the terms of the MIT license" (Ruby and JavaScript libraries)', 'lib/foo.rb', '# Foo is freely distributable under the terms of the MIT license.\nmodule Foo\nend\n', [['MIT', 1, 'file']]],
    ['"an MIT-style license": a kind of license, not one', 'prototype.js', '/*  Prototype JavaScript framework, version 1.7\n *  Prototype is freely distributable under the terms of an MIT-style license.\n */\nvar P;\n', []],
    ["the .NET Foundation's \"licenses this file to you under the MIT license\"", 'src/System/A.cs', '// Licensed to the .NET Foundation under one or more agreements.\n// The .NET Foundation licenses this file to you under the MIT license.\n\nnamespace System;\n', [['MIT', 2, 'file']]],
  ] as const)('%s', (_case, path, text, want) => expect(found(path, text)).toEqual(want));

  // Minified web assets' banners: a field that is a license's name.
  it.each([
    ["normalize.css's \"| MIT License |\"", 'normalize.css', '/*! normalize.css v8.0.1 | MIT License | github.com/necolas/normalize.css */\nhtml{}\n', [['MIT', 1, 'file']]],
    ["tailwindcss's, the name in the last field but one", 'tw.css', '/*! tailwindcss v3.3.3 | MIT License | https://tailwindcss.com */\n*{}\n', [['MIT', 1, 'file']]],
    ['a field that says more than a name: nothing', 'a.js', '/*! foo v1 | License terms at example.com | (c) Foo */\nvar a;\n', []],
    ["a project's license page: nothing (jQuery's, whose page is not read offline)", 'jquery.min.js', '/*! jQuery v3.7.1 | (c) OpenJS Foundation and other contributors | jquery.org/license */\n!function(e,t){}\n', []],
  ] as const)('%s', (_case, path, text, want) => expect(found(path, text)).toEqual(want));

  // Dedications to the public domain: a dedication with no instrument, read with its doubt (confidence 0.4); with CC0's address, CC0.
  it.each([
    ["docutils' \"This module has been placed in the public domain\"", 'docutils/core.py', '# $Id: core.py 9038 2022-03-05 23:31:46Z milde $\n# Author: David Goodger <goodger@python.org>\n# Copyright: This module has been placed in the public domain.\n\n"""Calling the publish_* convenience functions."""\n', [['LicenseRef-Public-Domain', 3, 'file']]],
    ["tzdata's \"This file is in the public domain, so clarified as of 2009-05-17\"", 'tz/africa', '# tzdb data for Africa and environs\n\n# This file is in the public domain, so clarified as of\n# 2009-05-17 by Arthur David Olson.\n\nZone Africa/Abidjan -0:16:08 - LMT 1912\n', [['LicenseRef-Public-Domain', 3, 'file']]],
    ["Mozilla's \"Any copyright is dedicated to the Public Domain\" with CC0's address", 'lib.rs', '// This is a part of rust-encoding.\n//\n// Any copyright is dedicated to the Public Domain.\n// https://creativecommons.org/publicdomain/zero/1.0/\n\n#![cfg_attr(test, feature(test))]\n', [['CC0-1.0', 3, 'file']]],
    ["a part of the work: \"FSF changes to this file are in the public domain\" (install-sh)", 'a.sh', '#!/bin/sh\n# FSF changes to this file are in the public domain.\n\necho\n', []],
    ['something the work uses: nothing', 'a.c', '/*\n * Uses SQLite, which is in the public domain.\n */\nint x;\n', []],
    ["the Unlicense's first sentence, its text after it", 'src/a.c', '/*\n * This is free and unencumbered software released into the public domain.\n *\n * Anyone is free to copy, modify, publish, use, compile, sell, or\n * distribute this software, either in source code form or as a compiled\n * binary, for any purpose, commercial or non-commercial, and by any means.\n */\nint x;\n', [['Unlicense', 2, 'file']]],
  ] as const)('%s', (_case, path, text, want) => expect(found(path, text)).toEqual(want));

  it('reads a public-domain dedication with its doubt', () => {
    const d = detectFile(fileInput('core.py', '# Copyright: This module has been placed in the public domain.\n\nimport os\n'), testContext()).declarations;
    expect(d).toEqual([expect.objectContaining({ expression: 'LicenseRef-Public-Domain', confidence: 0.4, field: 'sentence' })]);
  });

  // Ruby's standard library: "…under the same terms as Ruby" in its many wordings.
  it.each([
    ["racc's", 'racc/grammar.rb', '#--\n#\n#\n#\n# Copyright (c) 1999-2006 Minero Aoki\n#\n# This program is free software.\n# You can distribute/modify this program under the same terms of ruby.\n# see the file "COPYING".\n#\n#++\n\nrequire "racc/compat"\n', [['Ruby', 8, 'file']]],
    ["uri's field", 'uri/http.rb', '# frozen_string_literal: false\n# = uri/http.rb\n#\n# Author:: Akira Yamada <akira@ruby-lang.org>\n# License:: You can redistribute it and/or modify it under the same term as Ruby.\n#\n', [['Ruby', 5, 'file']]],
    ["openssl's, in Ruby's =begin/=end", 'openssl.rb', "# frozen_string_literal: true\n=begin\n= Info\n  'OpenSSL for Ruby 2' project\n  Copyright (C) 2002  Michal Rokos <m.rokos@sh.cvut.cz>\n  All rights reserved.\n\n= Licence\n  This program is licensed under the same licence as Ruby.\n  (See the file 'LICENCE'.)\n=end\n\nrequire 'openssl.so'\n", [['Ruby', 9, 'file']]],
    ["xmlrpc's", 'xmlrpc.rb', '# frozen_string_literal: false\n# == Author and Copyright\n#\n# Copyright (C) 2001-2004 by Michael Neumann (mailto:mneumann@ntecs.de)\n#\n# Released under the same term of license as Ruby.\n#\n# == Overview\n', [['Ruby', 6, 'file']]],
    ["openssl's", 'openssl/bn.rb', "#--\n#\n# = Info\n# 'OpenSSL for Ruby 2' project\n# Copyright (C) 2002 Michal Rokos\n# All rights reserved.\n#\n# = Licence\n# This program is licensed under the same licence as Ruby.\n# (See the file 'LICENCE'.)\n#++\nmodule OpenSSL\nend\n", [['Ruby', 9, 'file']]],
  ] as const)('%s', (_case, path, text, want) => expect(found(path, text)).toEqual(want));

  // Perl scripts, LaTeX packages and R files.
  it.each([
    ['a Perl script\'s "under the same terms as Perl itself"', 'bin/tool.pl', '#!/usr/bin/env perl\n# Copyright 2020 Foo. This program is free software; you can\n# redistribute it and/or modify it under the same terms as Perl itself.\nuse strict;\n', [['Artistic-1.0-Perl OR GPL-1.0-or-later', 3, 'file']]],
    ['a LaTeX package\'s "under the conditions of the LaTeX Project Public License, either version 1.3c … or (at your option) any later version"', 'zine.sty', '% Copyright 2020 Foo\n% This work may be distributed and/or modified under the\n% conditions of the LaTeX Project Public License, either version 1.3c\n% of this license or (at your option) any later version.\n\\ProvidesPackage{zine}\n', [['LPPL-1.3c+', 2, 'file']]],
    ['an R file\'s "License: GPL (>= 2)" (the version stays with its name)', 'R/f.R', '# This file is part of the R package foo.\n# License: GPL (>= 2)\nf <- function() 1\n', [['GPL-2.0-or-later', 2, 'file']]],
  ] as const)('%s', (_case, path, text, want) => expect(found(path, text)).toEqual(want));

  // Choices: each was one license of the two (Rust's header: Apache-2.0), or nothing (the others).
  it.each([
    ["Rust's header (the files' places in angle brackets)", 'src/lib.rs', RUST, [['Apache-2.0 OR MIT', 3, 'file']]],
    ["Mozilla's tri-license (MPL 1.1's Exhibit A, then \"Alternatively … either the GPL … or the LGPL\")", 'nsprpub/a.c', MOZILLA_TRI, [['MPL-1.1 OR GPL-2.0-or-later OR LGPL-2.1-or-later', 4, 'file']]],
    ["MPL 1.1's Exhibit A (\"are subject to the Mozilla Public License Version 1.1\")", 'a.c', MOZILLA_TRI.replace(/ \*\n \* Alternatively[\s\S]*?above\.\n/, ''), [['MPL-1.1', 4, 'file']]],
    ["cairo's \"either under the terms of the LGPL … or, at your option, under the terms of the MPL\", and the MPL's Exhibit A below", 'src/cairo.c', CAIRO, [['LGPL-2.1-only OR MPL-1.1', 6, 'file']]],
    ['a GNU notice, then "Alternatively, … under the terms of the Mozilla Public License"', 'a.c', '/*\n * This file is free software; you can redistribute it and/or modify\n * it under the terms of the GNU Lesser General Public License as published by\n * the Free Software Foundation; either version 2.1 of the License, or\n * (at your option) any later version.\n *\n * Alternatively, you can redistribute it and/or modify it under the\n * terms of the Mozilla Public License, v. 2.0.\n */\nint x;\n', [['LGPL-2.1-or-later OR MPL-2.0', 2, 'file']]],
    ["node-forge's \"may be used under the terms of either the BSD License or the GNU General Public License (GPL) Version 2\"", 'lib/ssh.js', '/**\n * Functions to output keys in SSH-friendly formats.\n *\n * This is part of the Forge project which may be used under the terms of\n * either the BSD License or the GNU General Public License (GPL) Version 2.\n */\nvar forge;\n', [['BSD-3-Clause OR GPL-2.0-only', 4, 'file']]],
  ] as const)('%s', (_case, path, text, want) => expect(found(path, text)).toEqual(want));

  it.each([
    ['a field in an R standalone file (a URL)', 'R/standalone-cli.R', '# ---\n# repo: r-lib/rlang\n# license: https://unlicense.org\n# ---\n#\n# A shim.\n\nf <- function() 1\n', [['Unlicense', 3, 'file']]],
    ['a field after the authors', 'a.py', '# Authors: A\n# License: BSD 3 clause\n\nimport os\n', [['BSD-3-Clause', 2, 'file']]],
    ['a JSDoc @license', 'c.js', '/**\n * lib v1\n * @license MIT\n */\nexport {};\n', [['MIT', 3, 'file']]],
    ['a field in a docstring, up to its sentence end', 'e.py', '"""Tools.\n\nLicense: 3-clause BSD.  The full license text is in LICENSE.\n"""\n', [['BSD-3-Clause', 3, 'file']]],
    ['a field that chooses', 'd.c', '/*\n * License: MIT OR Apache-2.0\n */\nint x;\n', [['MIT OR Apache-2.0', 2, 'file']]],
    ['Licence, in Lisp', 'j.el', ';; Licence: GPL-3.0-or-later\n(provide (quote j))\n', [['GPL-3.0-or-later', 1, 'file']]],
    ['Go: the license is in the LICENSE file', 'pkg/a.go', '// Copyright 2009 The Go Authors. All rights reserved.\n// Use of this source code is governed by a BSD-style\n// license that can be found in the LICENSE file.\n\npackage a\n', [['SEE LICENSE IN LICENSE', 2, 'file']]],
    ['Angular, with the address of its LICENSE', 'src/b.ts', '/**\n * @license\n * Copyright Google LLC All Rights Reserved.\n *\n * Use of this source code is governed by an MIT-style license that can be\n * found in the LICENSE file at https://angular.dev/license\n */\nexport {};\n', [['SEE LICENSE IN LICENSE', 5, 'file']]],
    ['Chromium, in # comments', 'tools/c.py', '# Copyright 2012 The Chromium Authors\n# Use of this source code is governed by a BSD-style license that can be\n# found in the LICENSE file.\nimport os\n', [['SEE LICENSE IN LICENSE', 2, 'file']]],
    ['MPL-2.0 Exhibit A ("subject to the terms of")', 'auth.go', '// Copyright 2018 The Go-MySQL-Driver Authors. All rights reserved.\n//\n// This Source Code Form is subject to the terms of the Mozilla Public\n// License, v. 2.0. If a copy of the MPL was not distributed with this file,\n// You can obtain one at http://mozilla.org/MPL/2.0/.\n\npackage mysql\n', [['MPL-2.0', 3, 'file']]],
    ['MPL-2.0 with Exhibit B', 'b.js', '/* This Source Code Form is subject to the terms of the Mozilla Public\n * License, v. 2.0. If a copy of the MPL was not distributed with this\n * file, You can obtain one at https://mozilla.org/MPL/2.0/.\n *\n * This Source Code Form is "Incompatible With Secondary Licenses", as\n * defined by the Mozilla Public License, v. 2.0. */\nvar x;\n', [['MPL-2.0-no-copyleft-exception', 1, 'file']]],
    // The library it uses is not the file: only the file's own sentence counts.
    ['a banner that names a library it uses', 'dist/jszip.js', '/*!\n\nJSZip v3.10.2 - A JavaScript class for generating and reading zip files\n\n(c) 2009-2016 Stuart Knightley\nDual licenced under the MIT license or GPLv3. See LICENSE.markdown.\n\nJSZip uses the library pako released under the MIT license :\nhttps://github.com/nodeca/pako/blob/main/LICENSE\n*/\nvar x;\n', [['MIT OR GPL-3.0-only', 6, 'file']]],
    ['a sentence and a field that agree: one notice', 'h.c', '/* Licensed under the MIT License.\n * License: MIT\n */\nint x;\n', [['MIT', 1, 'file']]],
  ] as const)('%s', (_case, path, text, want) => expect(found(path, text)).toEqual(want));

  it.each([
    ['a field that names no license surely ("BSD": which one?)', 'b.py', '# License: BSD\nimport os\n'],
    ['a field that is a marker, not a license', 'g.py', '# License: proprietary\nimport os\n'],
    ['a field that is a page farleft does not know', 'f.py', '# License: http://snmplabs.com/pysnmp/license.html\nimport os\n'],
    ['a field after the first line of code', 'i.c', 'int x; // License: MIT\n'],
    ['a string in the code below the header', 'cli.c', '/* A tool. */\nconst char *help = "licensed under the MIT license";\n'],
    ['a comment after the first line of code', 'x.c', 'int x;\n/* Licensed under the MIT License. */\n'],
    ['prose about the code ("available under the `doc` sub-module")', 'numpy/__init__.py', '"""\nGeneral documents are available under the ``doc`` sub-module.\n"""\nimport os\n'],
    ['a header that has an SPDX tag (the tag says it)', 'a.c', '/* SPDX-License-Identifier: (GPL 2.0+\n * Licensed under the Apache License 2.0. */\n'],
    ['a README (the README reader has it, as the project\'s notice)', 'sub/README.md', '# Bar\n\nBar is licensed under the MIT License.\n'],
    ['no "under" at all', 'a.c', '/* Copyright 2020 X */\nint x;\n'],
  ])('nothing from %s', (_case, path, text) => {
    const d = detectFile(fileInput(path, text), testContext());
    expect(d.declarations.filter((x) => x.source === 'notice' && x.scope === 'file')).toEqual([]);
  });

  it('is a fallback: a file with a valid tag is not read for prose', () => {
    const text = `// SPDX-License-Identifier: MIT\n${OPENSSL}`;
    expect(detectFile(fileInput('a.c', text), testContext()).declarations.map((d) => [d.source, d.expression])).toEqual([['spdx-tag', 'MIT']]);
    expect(detector.fallback).toBe(true);
  });

  it('reads nothing in reuse mode (REUSE reads no prose; lint --reuse counts what it reads)', () => {
    const ctx = { ...testContext(), options: { minConfidence: 0.9, asReuse: true } };
    expect(detector.detect(fileInput('a.c', OPENSSL), ctx).declarations).toEqual([]);
  });

  it('reads a UTF-16 file through its text', () => {
    const utf16 = { ...fileInput('a.c', OPENSSL), encoding: 'utf-16le' as const };
    expect(detector.detect(utf16, testContext()).declarations.map((d) => d.expression)).toEqual(['Apache-2.0']);
  });

  // The prefilter is one for every encoding: a UTF-16 file's head is judged on its UTF-8 bytes.
  it.each([
    ['a pointer to a license file', '// Take a look at the license at the top of the repository in the LICENSE file.\n\nuse glib::translate::*;\n'],
    ["libxml2's status sentence", '/*\n * Copy: See Copyright for the status of this software.\n */\n'],
    ['a dedication to the public domain', '# tzdb data\n\n# This file is in the public domain, so clarified as of\n# 2009-05-17 by Arthur David Olson.\n'],
    ['a field', '# This file is part of the R package foo.\n# License: GPL (>= 2)\nf <- function() 1\n'],
    ['a sentence with "under"', OPENSSL],
    ['a license text', DRM_MIT],
  ])('reads %s in UTF-16 as in UTF-8', (_case, text) => {
    const read = (encoding: 'utf-8' | 'utf-16le') => detector.detect({ ...fileInput('a.c', text), encoding }, testContext()).declarations.map((d) => [d.expression, d.line]);
    expect(read('utf-8')).not.toEqual([]);
    expect(read('utf-16le')).toEqual(read('utf-8'));
  });
});

// The whole text of a license in a header: DRM's MIT (with "(including the next paragraph)"), a BSD's with the
// holder in the disclaimer, ISC's as OpenBSD writes it.
const DRM_MIT = `/*
 * Copyright 2008 Advanced Micro Devices, Inc.
 *
 * Permission is hereby granted, free of charge, to any person obtaining a
 * copy of this software and associated documentation files (the "Software"),
 * to deal in the Software without restriction, including without limitation
 * the rights to use, copy, modify, merge, publish, distribute, sublicense,
 * and/or sell copies of the Software, and to permit persons to whom the
 * Software is furnished to do so, subject to the following conditions:
 *
 * The above copyright notice and this permission notice (including the next
 * paragraph) shall be included in all copies or substantial portions of the
 * Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 * IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
 * FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.  IN NO EVENT SHALL
 * THE COPYRIGHT HOLDER(S) OR AUTHOR(S) BE LIABLE FOR ANY CLAIM, DAMAGES OR
 * OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE,
 * ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR
 * OTHER DEALINGS IN THE SOFTWARE.
 */
#include "amdgpu.h"
`;
const BSD3 = `# Copyright (c) 1990 The Regents of the University of California.
#
# Redistribution and use in source and binary forms, with or without
# modification, are permitted provided that the following conditions
# are met:
# 1. Redistributions of source code must retain the above copyright
#    notice, this list of conditions and the following disclaimer.
# 2. Redistributions in binary form must reproduce the above copyright
#    notice, this list of conditions and the following disclaimer in the
#    documentation and/or other materials provided with the distribution.
# 3. Neither the name of the University nor the names of its contributors
#    may be used to endorse or promote products derived from this software
#    without specific prior written permission.
#
# THIS SOFTWARE IS PROVIDED BY THE REGENTS AND CONTRIBUTORS \`\`AS IS'' AND
# ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
# IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE
# ARE DISCLAIMED.  IN NO EVENT SHALL THE REGENTS OR CONTRIBUTORS BE LIABLE
# FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
# DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS
# OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION)
# HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT
# LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY
# OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF
# SUCH DAMAGE.

set -e
`;
const ISC = `/*
 * Copyright (c) 2004 Jane Doe <jane@example.org>
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
 * WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
 * MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
 * ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
 * WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
 * ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF
 * OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
 */
int x;
`;

const gnuScript = (version: string, exception: string): string =>
  `#! /bin/sh\n# Copyright (C) 2014 Free Software Foundation, Inc.\n#\n# This file is free software; you can redistribute it and/or modify\n# it under the terms of the GNU General Public License as published by\n# the Free Software Foundation; either version ${version} of the License, or\n# (at your option) any later version.\n#\n${exception
    .split('\n')
    .map((l) => (l ? `# ${l}` : '#'))
    .join('\n')}\n\nset -e\n`;
const LIBTOOL = 'As a special exception to the GNU General Public License,\nif you distribute this file as part of a program or library that\nis built using GNU Libtool, you may include this file under the\nsame distribution terms that you use for the rest of that program.';
const AUTOCONF_GENERIC = 'As a special exception to the GNU General Public License, if you\ndistribute this file as part of a program that contains a\nconfiguration script generated by Autoconf, you may include it under\nthe same distribution terms that you use for the rest of that program.';
const AUTOCONF_MACRO =
  "As a special exception, the respective Autoconf Macro's copyright owner\ngives unlimited permission to copy, distribute and modify the configure\nscripts that are the output of Autoconf when processing the Macro. You\nneed not follow the terms of the GNU General Public License when using\nor distributing such scripts, even though portions of the text of the\nMacro appear in them. The GNU General Public License (GPL) does govern\nall other use of the material that constitutes the Autoconf Macro.\n\nThis special exception to the GPL applies to versions of the Autoconf\nMacro released by the Autoconf Archive. When you make and distribute a\nmodified version of the Autoconf Macro, you may extend this special\nexception to the GPL to apply to your modified version as well.";

describe('header-notice: the address in "You may obtain a copy of the License at"', () => {
  // ImageMagick's boxed header: the sentence names no license, the address does.
  const imagemagick = [
    '/*',
    '%  Copyright 1999-2021 ImageMagick Studio LLC, a non-profit organization      %',
    '%  dedicated to making software imaging solutions freely available.           %',
    '%                                                                             %',
    '%  You may not use this file except in compliance with the License.  You may  %',
    '%  obtain a copy of the License at                                            %',
    '%                                                                             %',
    '%    https://imagemagick.org/script/license.php                               %',
    '%                                                                             %',
    '%  Unless required by applicable law or agreed to in writing, software        %',
    '%  distributed under the License is distributed on an "AS IS" BASIS,          %',
    '%  WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.   %',
    '*/',
    'int x;',
    '',
  ].join('\n');
  it('names the license at that address when the sentence names none', () => {
    expect(found('magick/blob.c', imagemagick)).toEqual([['ImageMagick', 6, 'file']]);
  });
  it('reads nothing more where the sentence names one (OpenSSL 3: Apache-2.0, and openssl.org\'s page of the old OpenSSL License)', () => {
    const openssl = '/*\n * Copyright 2016-2024 The OpenSSL Project Authors. All Rights Reserved.\n *\n * Licensed under the Apache License 2.0 (the "License");\n * you may not use this file except in compliance with the License.\n * You may obtain a copy of the License at\n * https://www.openssl.org/source/license.html\n * or in the file LICENSE in the source distribution.\n */\nint x;\n';
    expect(found('fuzz/asn1.c', openssl)).toEqual([['Apache-2.0', 4, 'file']]);
  });
  it("names CC0 from the GNU form's address (BLAKE2's reference code, in Python and libgit2)", () => {
    const blake2 = '/*\n   BLAKE2 reference source code package - reference C implementations\n\n   Written in 2012 by Samuel Neves <sneves@dei.uc.pt>\n\n   To the extent possible under law, the author(s) have dedicated all copyright\n   and related and neighboring rights to this software to the public domain\n   worldwide. This software is distributed without any warranty.\n\n   You should have received a copy of the CC0 Public Domain Dedication along with\n   this software. If not, see <http://creativecommons.org/publicdomain/zero/1.0/>.\n*/\n#include <stdint.h>\n';
    expect(found('blake2s-ref.c', blake2)).toEqual([['CC0-1.0', 10, 'file']]);
    // GNU's own address leaves the license open: no reading.
    expect(found('a.c', blake2.replace('http://creativecommons.org/publicdomain/zero/1.0/', 'https://www.gnu.org/licenses/'))).toEqual([]);
  });
  it('reads nothing from an address that names no license', () => {
    expect(found('a.c', imagemagick.replace('https://imagemagick.org/script/license.php', 'https://example.org/our-terms.html     '))).toEqual([]);
  });
});

describe("header-notice: the FSF's all-permissive notices, and X11's text, at the head of what GNU's build tools make", () => {
  const makefileIn = '# Makefile.in generated by automake 1.16.5 from Makefile.am.\n# @configure_input@\n\n# Copyright (C) 1994-2021 Free Software Foundation, Inc.\n\n# This Makefile.in is free software; the Free Software Foundation\n# gives unlimited permission to copy and/or distribute it,\n# with or without modifications, as long as this notice is preserved.\n\n# This program is distributed in the hope that it will be useful,\n# but WITHOUT ANY WARRANTY, to the extent permitted by law; without\n# even the implied warranty of MERCHANTABILITY or FITNESS FOR A\n# PARTICULAR PURPOSE.\n\n@SET_MAKE@\n';
  const configure = '#! /bin/sh\n# Generated by GNU Autoconf 2.71 for zine 1.0.\n#\n# Copyright (C) 1992-1996, 1998-2017, 2020-2021 Free Software Foundation,\n# Inc.\n#\n#\n# This configure script is free software; the Free Software Foundation\n# gives unlimited permission to copy, distribute and modify it.\n## -------------------- ##\n## M4sh Initialization. ##\n## -------------------- ##\n\nDUALCASE=1; export DUALCASE\n';
  const libtoolM4 = '# libtool.m4 - Configure libtool for the host system. -*-Autoconf-*-\n#\n#   Copyright (C) 1996-2001, 2003-2019, 2021-2022 Free Software\n#   Foundation, Inc.\n#\n# This file is free software; the Free Software Foundation gives\n# unlimited permission to copy and/or distribute it, with or without\n# modifications, as long as this notice is preserved.\n\nm4_define([_LT_COPYING], [dnl\n';
  const fsfap = '# Copyright (c) 2011 Jo Doe\n#\n# Copying and distribution of this file, with or without modification,\n# are permitted in any medium without royalty provided the copyright\n# notice and this notice are preserved.  This file is offered as-is,\n# without any warranty.\n\nAC_DEFUN([AX_X], [])\n';
  const x11 = spdxX11();
  const zlibHeader = `/*\n * Copyright (C) 2014, 2020, D. R. Commander.  All Rights Reserved.\n *\n${createRequire(import.meta.url)('spdx-license-list/full')
    .Zlib.licenseText.replace(/^[\s\S]*?This software/, 'This software')
    .replace(/^/gm, ' * ')
    .replace(/ +$/gm, '')}\n */\nint x;\n`;
  const installSh = `#!/bin/sh\n# install - install a program, script, or datafile\n\nscriptversion=2020-11-14.01; # UTC\n\n# This originates from X11R5 (mit/util/scripts/install.sh), which was\n# later released in X11R6 (xc/config/util/install.sh) with the\n# following copyright and license.\n#\n# Copyright (C) 1994 X Consortium\n#\n${x11.replace(/^/gm, '# ').replace(/ +$/gm, '')}\n\ntab='\t'\n`;
  it.each([
    ["Automake's Makefile.in (FSFULLRWD)", 'Makefile.in', makefileIn, [['FSFULLRWD', 6, 'file']]],
    ["Autoconf's configure (FSFUL)", 'configure', configure, [['FSFUL', 8, 'file']]],
    ["Libtool's libtool.m4 (FSFULLR)", 'm4/libtool.m4', libtoolM4, [['FSFULLR', 6, 'file']]],
    ["zlib's text, from its disclaimer on (libjpeg-turbo's SIMD code, pako)", 'simd/a.c', zlibHeader, [['Zlib', 4, 'file']]],
    ["HarfBuzz's Old MIT, with its second disclaimer", 'src/hb-blob.cc', `/*\n * Copyright © 2009  Red Hat, Inc.\n *\n *  This is part of HarfBuzz, a text shaping library.\n *\n${createRequire(import.meta.url)('spdx-license-list/full')['MIT-Modern-Variant'].licenseText.replace(/^[\s\S]*?Permission/, 'Permission').replace(/^/gm, ' * ').replace(/ +$/gm, '')}\n *\n * Red Hat Author(s): Behdad Esfahbod\n */\n\n#include "hb.hh"\n`, [['MIT-Modern-Variant', 6, 'file']]],
    ['an Autoconf Archive macro (FSFAP)', 'm4/ax_x.m4', fsfap, [['FSFAP', 3, 'file']]],
    // After a shebang and the version line GNU's scripts keep for Emacs' time-stamp.
    ["GNU's install-sh (X11: no trademark line, a word broken across lines)", 'install-sh', installSh, [['X11', 12, 'file']]],
  ] as const)('%s', (_case, path, text, want) => expect(found(path, text)).toEqual(want));

  it('names no FSF notice whose words add a condition', () => {
    const more = libtoolM4.replace('as long as this notice is preserved.', 'as long as this notice is preserved\n# and no fee is charged for it.');
    expect(found('m4/libtool.m4', more)).toEqual([]);
  });
});

/** SPDX's X11 text as install-sh quotes it: no title, no trademark line, one word broken across lines. */
function spdxX11(): string {
  const text = createRequire(import.meta.url)('spdx-license-list/full').X11.licenseText as string;
  return text
    .replace(/^X11 License\s*Copyright[^\n]*\n\s*/, '')
    .replace(/\s*X Window System is a trademark of X Consortium, Inc\.\s*$/, '')
    .replace('IN CONNECTION WITH', 'IN CONNEC-\nTION WITH');
}

describe('header-notice: an exception after the license', () => {
  it.each([
    // Its own words ("…licensed under the GNU General Public License without this special exception") are no notice of the file's.
    ["Bison's, in a generated parser", 'src/parser.c', BISON, [['GPL-3.0-or-later WITH Bison-exception-2.2', 7, 'file']]],
    ["Libtool's, in ltmain.sh", 'ltmain.sh', gnuScript('2', LIBTOOL), [['GPL-2.0-or-later WITH Libtool-exception', 4, 'file']]],
    ["Autoconf's, in Automake's scripts and pkg.m4", 'missing', gnuScript('2', AUTOCONF_GENERIC), [['GPL-2.0-or-later WITH Autoconf-exception-generic', 4, 'file']]],
    ["the Autoconf Archive's, in two paragraphs", 'm4/ax_pthread.m4', gnuScript('3', AUTOCONF_MACRO), [['GPL-3.0-or-later WITH Autoconf-exception-macro', 4, 'file']]],
  ] as const)('%s', (_case, path, text, want) => expect(found(path, text)).toEqual(want));

  it('leaves the notice as it is when the words after it are no exception farleft knows', () => {
    const own = gnuScript('2', 'As a special exception, you may use this file in any program that\nprints a zine, under the terms you choose for the zine.');
    expect(found('zine.sh', own)).toEqual([['GPL-2.0-or-later', 4, 'file']]);
  });
});

describe('header-notice: a license text in the header', () => {
  const textNotice = (path: string, text: string) =>
    detectFile(fileInput(path, text), testContext())
      .declarations.filter((d) => d.source === 'notice')
      .map((d) => [d.expression, d.line, d.field, d.confidence]);

  it.each([
    ["MIT, with DRM's holders and its next-paragraph clause", 'drm/amdgpu.c', DRM_MIT, [['MIT', 4, 'text', 0.99]]],
    ['BSD-3-Clause with the Regents, in # comments', 'tools/mk.sh', BSD3, [['BSD-3-Clause', 3, 'text', 0.99]]],
    ['ISC with the author for ISC', 'sys/x.c', ISC, [['ISC', 4, 'text', 0.99]]],
    ['MIT after a byte-order mark and a blank line', 'drm/bom.c', `\uFEFF\n${DRM_MIT}`, [['MIT', 5, 'text', 0.99]]],
    ['ISC in a batch file\'s rem comments', 'make.bat', ISC.replace(/^\/\*\n/, '').replace(/^ \*\/\n/m, '').replace(/^ \*/gm, 'rem'), [['ISC', 3, 'text', 0.99]]],
  ] as const)('names %s when it is the template word for word', (_case, path, text, want) => expect(textNotice(path, text)).toEqual(want));

  it('leaves a changed text unnamed (only the exact pass reads headers; apply asks the whole matcher)', () => {
    const changed = DRM_MIT.replace('subject to the following conditions:', 'subject to the following conditions, and to one more:\n * you must send us a postcard from every town you deploy it in.');
    expect(textNotice('drm/b.c', changed)).toEqual([]);
  });
  it('names a text beside a notice of another license (code taken from elsewhere), and nothing in a tagged file', () => {
    expect(textNotice('a.c', `/* Licensed under the Apache License 2.0. */\n${DRM_MIT}`).map((d) => d[0])).toEqual(['Apache-2.0', 'MIT']);
    expect(textNotice('a.c', `// SPDX-License-Identifier: GPL-2.0-only\n${DRM_MIT}`)).toEqual([]);
  });
  // FFmpeg's JPEG 2000 coder (and 46 more of its files, OpenSSL's LPdir_*.c, cairo's xcb code): the project's notice,
  // then the terms of the code it took in. Both bind the file; only the notice was read.
  it("reads the text of code the file incorporates beside the project's notice", () => {
    const bsd2 = BSD3.slice(0, BSD3.indexOf('\n\nset -e')).replace(/\n# 3\. Neither[\s\S]*?permission\.\n/, '\n').replace(/^#/gm, ' *');
    const j2k = `/*\n * JPEG2000 image encoder\n *\n${FFMPEG.split('\n').slice(3, 13).join('\n')}\n *\n * This source code incorporates work covered by the following copyright and\n * permission notice:\n *\n${bsd2}\n */\nint x;\n`;
    expect(textNotice('libavcodec/j2kenc.c', j2k).map((d) => [d[0], d[2]])).toEqual([['LGPL-2.1-or-later', 'sentence'], ['BSD-2-Clause', 'text']]);
  });
  it('keeps the name a text summarises after a colon (docutils\' "Released under the terms of the 2-Clause BSD license, in short:")', () => {
    const docutils = "#!/usr/bin/env python3\n# :Copyright: © 2020, 2022 Günter Milde.\n# :License: Released under the terms of the `2-Clause BSD license`_, in short:\n#\n#    Copying and distribution of this file, with or without modification,\n#    are permitted in any medium without royalty provided the copyright\n#    notice and this notice are preserved.\n#    This file is offered as-is, without any warranty.\n#\n# .. _2-Clause BSD license: https://opensource.org/licenses/BSD-2-Clause\n\nimport sys\n";
    expect(textNotice('docutils/__main__.py', docutils).map((d) => [d[0], d[1], d[2]])).toEqual([['BSD-2-Clause', 3, 'sentence']]);
    // Without the name, the text is read.
    expect(textNotice('x.py', docutils.replace(/^# :License:.*\n/m, '# :License:\n')).map((d) => d[0])).toEqual(['FSFAP']);
  });
  it('reads a BSD text and the GPL its "Alternatively" paragraph offers as a choice (dual-licensed drivers)', () => {
    const [head, tail] = BSD3.split('\n# THIS SOFTWARE');
    const dual = `${head}\n#\n# Alternatively, this software may be distributed under the terms of the\n# GNU General Public License ("GPL") version 2 as published by the Free\n# Software Foundation.\n#\n# THIS SOFTWARE${tail}`;
    expect(dual).toContain('Alternatively');
    expect(textNotice('drivers/net/x.sh', dual).map((d) => [d[0], d[2]])).toEqual([['BSD-3-Clause OR GPL-2.0-only', 'text']]);
  });
  it("takes the text over a name that says less (UglifyJS's and terser's \"Distributed under the BSD license:\")", () => {
    const bsd2 = BSD3.replace(/\n# 3\. Neither[\s\S]*?permission\.\n/, '\n');
    expect(bsd2).not.toContain('Neither');
    const uglify = `# A JavaScript parser.\n#\n# Distributed under the BSD license:\n#\n${bsd2.replace(/^#!.*\n/, '')}`;
    expect(textNotice('lib/ast.sh', uglify).map((d) => [d[0], d[2]])).toEqual([['BSD-2-Clause', 'text']]);
    // A vague name of another kind stays beside the text (node-forge's pkcs1.js: MIT's text, then "the BSD License").
    const forge = `# Based on the following MIT and BSD licensed code.\n#\n${DRM_MIT.replace(/^\/\*\n/, '').replace(/^ \*\/\n[\s\S]*$/m, '').replace(/^ \*/gm, '#')}#\n# Distributed under the BSD License.\n`;
    expect(textNotice('lib/pkcs1.sh', forge).map((d) => [d[0], d[2]])).toEqual([['MIT', 'text'], ['BSD-3-Clause', 'sentence']]);
  });
  it('reads the leading comment only: a license text quoted in the code is not the header', () => {
    expect(textNotice('gen.py', `import os\nTEMPLATE = """\n${DRM_MIT.replace(/^ \*/gm, '')}"""\n`)).toEqual([]);
  });
  // Linux's device trees and Go's vendored code: the text ends "…OTHER DEALINGS IN" / "THE SOFTWARE.", and more
  // comment follows (after #include lines, or in the same comment).
  const MIT_SPLIT_END = `/*
 * Copyright 2016 Linaro Ltd
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy
 * of this software and associated documentation files (the "Software"), to deal
 * in the Software without restriction, including without limitation the rights
 * to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 * copies of the Software, and to permit persons to whom the Software is
 * furnished to do so, subject to the following conditions:
 *
 * The above copyright notice and this permission notice shall be included in
 * all copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 * IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
 * FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL
 * THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
 * LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 * OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
 * THE SOFTWARE.
 */
`;
  it.each([
    ['a C header, #include lines and another comment after it', 'board.dts', 4, `${MIT_SPLIT_END}\n#include "board.dtsi"\n\n/*\n * This is the emulation baseboard with the new Revision D baseboard, with SMSC9118 ethernet,\n * and the Revision B core tile, as the board files of the other revisions describe them.\n */\n/ { model = "x"; };\n`],
    ['a // comment that goes on after the text', 'almost_equal.go', 3, `${MIT_SPLIT_END.replace(/^\/\*\n/, '').replace(/^ \*\/\n/m, '').replace(/^ \*/gm, '//')}//\n// The code in this package is copy/paste to avoid a dependency. Hence this file carries the\n// copyright of the original repository, which is where changes should be made first.\npackage internal\n`],
  ] as const)('names MIT when its last words are parted by a line break: %s', (_case, path, line, text) => {
    expect(textNotice(path, text)).toEqual([['MIT', line, 'text', 0.99]]);
  });
  it("names a text that has no closing phrase when #define lines follow it (they are not the comment's words)", () => {
    const pbmplus = `/*
** z2ram - a pseudo-driver
**
** Copyright (C) 1994 by Ingo Wilken
**
** Permission to use, copy, modify, and distribute this software and its
** documentation for any purpose and without fee is hereby granted, provided
** that the above copyright notice appear in all copies and that both that
** copyright notice and this permission notice appear in supporting
** documentation.  This software is provided "as is" without express or
** implied warranty.
*/

#define DEVICE_NAME "Z2RAM"

#include <linux/major.h>

static int x;
`;
    expect(textNotice('drivers/block/z2ram.c', pbmplus)).toEqual([['HPND-Pbmplus', 6, 'text', 1]]);
  });
  it("names SQLite's blessing (the author disclaims copyright; a blessing in place of a legal notice)", () => {
    const sqlite = '/*\n** 2007 April 6\n**\n** The author disclaims copyright to this source code.  In place of\n** a legal notice, here is a blessing:\n**\n**    May you do good and not evil.\n**    May you find forgiveness for yourself and forgive others.\n**    May you share freely, never taking more than you give.\n**\n*************************************************************************\n** Code for testing all sorts of SQLite interfaces.\n*/\n#include "sqliteInt.h"\n';
    expect(textNotice('src/test_hexio.c', sqlite)).toEqual([['blessing', 4, 'text', 1]]);
    // A wish of one's own is another text: not SQLite's.
    expect(textNotice('src/x.c', sqlite.replace('forgive others.', 'forgive others.\n**    May you never sell it.'))).toEqual([]);
  });
  it('reads a text that opens before "Permission to use" to the end of its own comment, when another comment follows', () => {
    // FreeBSD's msun, and every libm made from it.
    const sunpro = `/* origin: FreeBSD /usr/src/lib/msun/src/e_acos.c */
/*
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 */
/* acos(x)
 * Method :
 *      acos(x)  = pi/2 - asin(x)
 *      acos(-x) = pi/2 + asin(x)
 * For |x|<=0.5
 *      acos(x) = pi/2 - (x + x*x^2*R(x^2))     (see asin.c)
 */
fn acos(x: f64) -> f64 { x }
`;
    expect(textNotice('src/math/acos.rs', sunpro)).toEqual([['SunPro', 6, 'text', 1]]);
    // SPDX's template has "SunPro" or "SunSoft" there (spdx-license-list's text says SunSoft).
    expect(textNotice('src/math/acosf.rs', sunpro.replace('Developed at SunSoft', 'Developed at SunPro'))).toEqual([['SunPro', 6, 'text', 0.99]]);
    // The same paragraph with a clause added in its comment block is not SunPro's text: the words the matcher passes
    // over after a license file's text (fewer than 20) would be a clause of its own in a header.
    expect(textNotice('src/math/acos.rs', sunpro.replace(' * is preserved.', ' * is preserved, and that it is not sold.'))).toEqual([]);
    expect(textNotice('src/math/acos.rs', sunpro.replace(' * is preserved.', ' * is preserved.\n * It is not to be sold.'))).toEqual([]);
    // A paragraph of its own after the text's, in the same comment (FreeBSD's cbrt: "Optimized by Bruce D. Evans."): the text still reads.
    expect(textNotice('src/math/cbrt.rs', sunpro.replace(' * ====================================================\n */', ' * ====================================================\n *\n * Optimized by Bruce D. Evans.\n */'))).toEqual([['SunPro', 6, 'text', 1]]);
  });
  it('reads a text on past a phrase that ends other texts, to the end of its comment (HarfBuzz: "…OF SUCH DAMAGE", then a disclaimer)', () => {
    const harfbuzz = `/*
 * Copyright (C) 2015 Konstantin Ritt
 *
 * Permission is hereby granted, without written agreement and without
 * license or royalty fees, to use, copy, modify, and distribute this
 * software and its documentation for any purpose, provided that the
 * above copyright notice and the following two paragraphs appear in
 * all copies of this software.
 *
 * IN NO EVENT SHALL THE COPYRIGHT HOLDER BE LIABLE TO ANY PARTY FOR
 * DIRECT, INDIRECT, SPECIAL, INCIDENTAL, OR CONSEQUENTIAL DAMAGES
 * ARISING OUT OF THE USE OF THIS SOFTWARE AND ITS DOCUMENTATION, EVEN
 * IF THE COPYRIGHT HOLDER HAS BEEN ADVISED OF THE POSSIBILITY OF SUCH
 * DAMAGE.
 *
 * THE COPYRIGHT HOLDER SPECIFICALLY DISCLAIMS ANY WARRANTIES, INCLUDING,
 * BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND
 * FITNESS FOR A PARTICULAR PURPOSE.  THE SOFTWARE PROVIDED HEREUNDER IS
 * ON AN "AS IS" BASIS, AND THE COPYRIGHT HOLDER HAS NO OBLIGATION TO
 * PROVIDE MAINTENANCE, SUPPORT, UPDATES, ENHANCEMENTS, OR MODIFICATIONS.
 */

#ifndef CONFIG_H
#define CONFIG_H
`;
    expect(textNotice('config.h', harfbuzz)).toEqual([['MIT-Modern-Variant', 4, 'text', 1]]);
  });
});

describe('filesAbove', () => {
  it('lists where the file a notice defers to may be, nearest first, with the extensions "the LICENSE file" often has', () => {
    expect([...filesAbove('a/b/c.go', 'LICENSE')]).toEqual(['a/b/LICENSE', 'a/b/LICENSE.md', 'a/b/LICENSE.txt', 'a/b/LICENSE.rst', 'a/LICENSE', 'a/LICENSE.md', 'a/LICENSE.txt', 'a/LICENSE.rst', 'LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENSE.rst']);
    expect([...filesAbove('c.go', 'COPYING.txt')]).toEqual(['COPYING.txt']);
  });
});

describe('leadingComment', () => {
  it('keeps the words of the leading comments, a line per line, and stops at code', () => {
    expect(leadingComment('#!/bin/sh\n# one\n#\n# two\nexit 0\n# three\n')).toBe('\none\n\ntwo');
    expect(leadingComment('/* a\n * b */\nint x;\n')).toBe('a\nb');
    expect(leadingComment('// a\n// b\n\n// c\nint x;\n')).toBe('a\nb\n\nc');
    // What REUSE-IgnoreStart and REUSE-IgnoreEnd enclose is not read (apply's notice finder skips it too).
    expect(leadingComment('# a\n# REUSE-IgnoreStart\n# Licensed under MIT\n# REUSE-IgnoreEnd\n# b\nx = 1\n')).toBe('a\n\n\n\nb');
    // Ruby's block comment.
    expect(leadingComment('# frozen_string_literal: true\n=begin\n= Info\n  a\n=end\nrequire "b"\n')).toBe('frozen_string_literal: true\n\n= Info\na\n');
  });
  it("skips a C file's preprocessor lines: not the comment's words, nor the end of its header", () => {
    expect(leadingComment('/* a */\n#include "b.h"\n#if X\n// c\n#endif\nint x;\n')).toBe('a\n\n\nc\n');
    // In a # comment language, # is the comment.
    expect(leadingComment('# a\n#include b\nx = 1\n')).toBe('a\ninclude b');
  });
});
