import { describe, expect, it } from 'vitest';
import { detect, summary } from './run.js';

const nuspec = (metadata: string): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">\n  <metadata>\n    <id>Demo</id>\n${metadata}\n  </metadata>\n</package>\n`;

describe('*.nuspec', () => {
  it.each([
    ['expression', '    <license type="expression">MIT OR Apache-2.0</license>', 'MIT OR Apache-2.0', 'license', 5, 1, []],
    ['file', '    <license type="file">docs\\LICENSE.txt</license>', 'SEE LICENSE IN docs\\LICENSE.txt', 'license', 5, 1, []],
    [
      'license wins over the placeholder licenseUrl',
      '    <license type="expression">PPL</license>\n    <licenseUrl>https://aka.ms/deprecateLicenseUrl</licenseUrl>',
      'PPL', 'license', 5, 1, [],
    ],
    ['deprecated licenseUrl: low confidence', '    <licenseUrl>https://www.apache.org/licenses/LICENSE-2.0</licenseUrl>', 'Apache-2.0', 'licenseUrl', 5, 0.63, ['deprecated-license-url']],
    ['a licenseUrl that names nothing known', '    <licenseUrl>https://github.com/acme/demo/blob/main/LICENSE</licenseUrl>', null, null, null, null, ['unresolved-license-url']],
    ['unknown type', '    <license type="url">x</license>', null, null, null, null, ['invalid-license-field']],
  ] as const)('%s', (_, metadata, expression, field, line, confidence, codes) => {
    expect(summary(detect('Demo.nuspec', nuspec(metadata)))).toEqual({ expression, field, line, confidence, codes: [...codes] });
  });
});
