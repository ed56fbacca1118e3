// License notices in a Perl file's POD: CPAN's LICENSE section, OpenSSL's COPYRIGHT section.
import { describe, expect, it } from 'vitest';
import { detectFile } from '../../src/detect/index.js';
import { detector } from '../../src/detect/pod-notice.js';
import { fileInput, testContext } from '../helpers.js';

const found = (path: string, text: string, ctx = testContext()) =>
  detectFile(fileInput(path, text), ctx)
    .declarations.filter((d) => d.source === 'notice')
    .map((d) => [d.expression, d.line, d.scope, d.field]);

const MODULE = [
  'package Module::Runtime;',
  'use strict;',
  '1;',
  '',
  '=head1 NAME',
  '',
  'Module::Runtime - runtime module handling',
  '',
  '=head1 LICENSE',
  '',
  'This module is free software; you can redistribute it and/or modify it',
  'under the same terms as Perl itself.',
  '',
  '=cut',
  '',
].join('\n');

const OPENSSL_POD = [
  '=pod',
  '',
  '=head1 NAME',
  '',
  'OSSL_DEPRECATED - deprecation macros',
  '',
  '=head1 COPYRIGHT',
  '',
  'Copyright 2020 The OpenSSL Project Authors. All Rights Reserved.',
  '',
  'Licensed under the Apache License 2.0 (the "License").  You may not use',
  'this file except in compliance with the License.  You can obtain a copy',
  'in the file LICENSE in the source distribution or at',
  'L<https://www.openssl.org/source/license.html>.',
  '',
  '=cut',
  '',
].join('\n');

describe('pod-notice', () => {
  it.each([
    ["a CPAN module's LICENSE section", 'lib/Module/Runtime.pm', MODULE, [['Artistic-1.0-Perl OR GPL-1.0-or-later', 11, 'file', 'pod']]],
    ["OpenSSL's manual page (COPYRIGHT section)", 'doc/internal/man3/OSSL_DEPRECATED.pod', OPENSSL_POD, [['Apache-2.0', 11, 'file', 'pod']]],
    ["a POD template's (openssl-cmds.pod.in)", 'doc/man1/openssl-cmds.pod.in', OPENSSL_POD, [['Apache-2.0', 11, 'file', 'pod']]],
    ['a "COPYRIGHT AND LICENSE" section in a script', 'bin/tool.pl', MODULE.replace('=head1 LICENSE', '=head1 COPYRIGHT AND LICENSE'), [['Artistic-1.0-Perl OR GPL-1.0-or-later', 11, 'file', 'pod']]],
    // ExifTool's modules (188 in Debian's perl5) and Perl's own (Digest, Test, ExtUtils::MakeMaker::Locale) say it under AUTHOR.
    ['an AUTHOR section', 'lib/Image/ExifTool/AES.pm', MODULE.replace('=head1 LICENSE', '=head1 AUTHOR\n\nCopyright 2003-2023, Phil Harvey (philharvey66 at gmail.com)\n'), [['Artistic-1.0-Perl OR GPL-1.0-or-later', 14, 'file', 'pod']]],
    ['an AUTHORS section', 'lib/A.pm', MODULE.replace('=head1 LICENSE', '=head1 AUTHORS'), [['Artistic-1.0-Perl OR GPL-1.0-or-later', 11, 'file', 'pod']]],
    // A script without an extension, known by its shebang (Archive::Tar's ptargrep, JSON::PP's json_pp).
    ['a Perl script named by its shebang', 'bin/json_pp', `#!/usr/bin/perl\n${MODULE}`, [['Artistic-1.0-Perl OR GPL-1.0-or-later', 12, 'file', 'pod']]],
    ['…through env', 'bin/tool', `#!/usr/bin/env perl -w\n${MODULE}`, [['Artistic-1.0-Perl OR GPL-1.0-or-later', 12, 'file', 'pod']]],
    // SelfLoader's: Perl's terms as a POD list (=over, =item a), =item b), =back).
    ['a list in POD', 'lib/SelfLoader.pm', 'package SelfLoader;\n1;\n\n=head1 COPYRIGHT AND LICENSE\n\nThis program is free software; you can redistribute it and/or modify\nit under the terms of either:\n\n=over 4\n\n=item a)\n\nthe GNU General Public License as published by the Free Software Foundation;\neither version 1, or (at your option) any later version, or\n\n=item b)\n\nthe "Artistic License" which comes with this Kit.\n\n=back\n\n=cut\n', [['GPL-1.0-or-later OR Artistic-1.0-Perl', 6, 'file', 'pod']]],
    // Algorithm::Diff's: "under the same terms as Perl." (without "itself").
    ['"the same terms as Perl."', 'lib/Algorithm/Diff.pm', MODULE.replace('Perl itself.', 'Perl.'), [['Artistic-1.0-Perl OR GPL-1.0-or-later', 11, 'file', 'pod']]],
  ] as const)('%s', (_case, path, text, want) => expect(found(path, text)).toEqual(want));

  it('reads no other section, nor other files (a Python file that quotes POD), nor a file with a tag, nor in REUSE mode', () => {
    expect(found('lib/A.pm', MODULE.replace('=head1 LICENSE', '=head1 DESCRIPTION'))).toEqual([]);
    // An author's section names the author's other work, or the code a module took in, by its license: not the file's.
    expect(found('lib/A.pm', MODULE.replace('=head1 LICENSE', '=head1 AUTHOR\n\nJo Doe, who also wrote Foo::Bar, which is released under the GPL.\n').replace(/\nThis module is free[^]*itself\.\n/, '\n'))).toEqual([]);
    expect(found('lib/A.pm', MODULE.replace('=head1 LICENSE', '=head1 AUTHOR\n\nBased on code by Jo Doe, licensed under the MIT license.\n').replace(/\nThis module is free[^]*itself\.\n/, '\n'))).toEqual([]);
    // CPAN::Meta's specification documents its license field in a section of its own.
    expect(found('lib/CPAN/Meta/Spec.pod', MODULE.replace('=head1 LICENSE', '=head1 STRUCTURE\n\n=head2 license'))).toEqual([]);
    expect(found('lib/a.py', MODULE)).toEqual([]);
    expect(found('bin/tool', `#!/usr/bin/python3\n${MODULE}`)).toEqual([]);
    expect(found('bin/tool', MODULE)).toEqual([]);
    expect(found('lib/A.pm', `# SPDX-License-Identifier: MIT\n${MODULE}`)).toEqual([]);
    expect(detector.accepts('lib/A.pm', 'text', { ...testContext(), options: { minConfidence: 0.9, asReuse: true } })).toBe(false);
  });
});
