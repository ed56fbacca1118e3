import { describe, expect, it } from 'vitest';
import { detector } from '../../../src/detect/license-text/detector.js';
import { describesParts, routeLicenseFile } from '../../../src/detect/license-text/route.js';

describe('routeLicenseFile', () => {
  it.each([
    // [path, role, name from the file name]
    ['LICENSE', 'license', null],
    ['LICENSE.note', 'notice', null], // R: the licenses of included components
    ['LICENCE', 'license', null],
    ['license', 'license', null],
    ['License.txt', 'license', null],
    ['LICENSE.md', 'license', null],
    ['licence.rst', 'license', null],
    ['LICENSE.html', 'license', null],
    ['LICENSES.txt', 'license', null],
    ['UNLICENSE', 'license', null],
    ['LICENSE-MIT', 'license', 'MIT'],
    ['LICENSE.APACHE2', 'license', 'APACHE2'],
    ['LICENSE-APACHE-2.0.txt', 'license', 'APACHE-2.0'],
    ['LICENSE.GPL-3.0-or-later', 'license', 'GPL-3.0-or-later'],
    ['license_mit.md', 'license', 'mit'],
    ['COPYING', 'license', null],
    ['COPYING3', 'license', null],
    ['COPYING.LESSER', 'license', 'LESSER'],
    ['MIT.LICENSE', 'license', 'MIT'],
    ['Apache-2.0-LICENSE.txt', 'license', 'Apache-2.0'],
    ['Apache License.txt', 'license', 'Apache'], // Open Sans, as Debian's fonts-open-sans ships it
    ['fonts/Open Font License.md', 'license', 'Open Font'],
    ['third-party-licenses.md', 'license', 'third-party'],
    ['OFL.txt', 'license', null], // a font's, as SIL and Google Fonts name it
    ['fonts/lato/OFL.md', 'license', null],
    ['OFL-1.1.txt', 'license', null],
    ['UFL.txt', 'license', null],
    ['NOTICE', 'notice', null],
    ['NOTICE.txt', 'notice', null],
    ['COPYRIGHT', 'notice', null],
    ['THIRD-PARTY-NOTICES.txt', 'notice', null],
    ['ThirdPartyNotices', 'notice', null],
    ['packages/a/LICENSE', 'license', null],
    ['node_modules/x/LICENSE.md', 'license', null],
    ['LICENSES/MIT.txt', 'reuse', 'MIT'],
    ['LICENSES/CC-BY-4.0', 'reuse', 'CC-BY-4.0'],
    ['LICENSES/LicenseRef-Ours.md', 'reuse', 'LicenseRef-Ours'],
    ['Licenses/GPL-3.0-or-later.txt', 'reuse', 'GPL-3.0-or-later'],
    ['sub/LICENSES/Apache-2.0.txt', 'reuse', 'Apache-2.0'],
  ])('%s is a license file (%s)', (path, role, name) => {
    expect(routeLicenseFile(path)).toEqual({ role, name });
  });

  it.each([
    'src/license.go',
    'src/licenses.json',
    'lib/license-checker.js',
    'notice.py',
    'copyright.ts',
    'LICENSE.yaml',
    'docs/LICENSE.pdf',
    'logo.png.license', // a REUSE sidecar
    'LICENSE.license', // the sidecar of LICENSE
    'mit.license',
    'debian/copyright', // a dep5 file
    'pkg/debian/copyright',
    '.license',
    'README.md',
    'licensing-policy.md',
    'licenses/mit.yaml',
    'LICENSES/.gitkeep',
    'LICENSES/MIT.txt.license',
    'src/main.c',
    'specifications/license_finder-7.0.1.gemspec', // a gem about licenses
    'tools/license-checker.csproj',
    'OFL-FAQ.txt', // the OFL's FAQ, beside OFL.txt in font repositories
    'ofl.py',
    'offline.txt',
    'license plate.txt',
  ])('%s is not', (path) => {
    expect(routeLicenseFile(path)).toBeNull();
  });

  it('the detector takes text files only', () => {
    expect(detector.accepts('LICENSE', 'text')).toBe(true);
    expect(detector.accepts('LICENSE', 'binary')).toBe(false);
    expect(detector.accepts('src/index.ts', 'text')).toBe(false);
  });
});

describe('describesParts', () => {
  it.each([
    ['NOTICE', true],
    ['THIRD-PARTY-NOTICES.md', true],
    ['ThirdPartyNotices.txt', true],
    ['LICENSE.note', true],
    ['LICENSE-DEPENDENCIES.md', true], // nokogiri
    ['THIRD_PARTY_LICENSES', true],
    ['third-party-licenses.txt', true],
    ['LICENSE-MIT', false],
    ['COPYRIGHT', false], // the work's own statement
    ['LICENSE', false],
    ['README.md', false],
  ])('%s: %s', (path, parts) => {
    expect(describesParts(path)).toBe(parts);
  });
});
