// scan --format spdx|cyclonedx from the built CLI, validated against the official schemas
// (SPDX 2.3 from the shared corpus when present, CycloneDX 1.5 from @cyclonedx/cyclonedx-library).
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { simpleLicenses } from '../../../src/report/scan/spdx.js';
import { makeTree, removeTree } from '../../helpers.js';
import { runCli } from '../../e2e/run.js';
import { HAS_SPDX_SCHEMA, SPDX_SCHEMA, checkSpdx, cyclonedxValidator, errorsOf, spdxValidator } from '../sbom/schemas.js';

const A = '// SPDX-FileCopyrightText: 2026 Example Collective\n// SPDX-License-Identifier: LicenseRef-Ours OR MIT\nint a;\n';
const root = makeTree({
  'src/a.c': A,
  'src/b.c': '// SPDX-License-Identifier: GPL-2.0-or-later WITH Classpath-exception-2.0\n',
  'src/none.txt': 'nothing\n',
  'LICENSES/LicenseRef-Ours.txt': 'Our own terms: share and share alike among co-operatives.\n',
  'img.bin': new Uint8Array([0, 1, 2, 3]),
});
afterAll(() => removeTree(root));
const env = { SOURCE_DATE_EPOCH: '1767225600' };

describe('scan --format spdx', () => {
  const out = runCli(['scan', root, '--format', 'spdx'], { env });
  const doc = JSON.parse(out.stdout) as { files: { fileName: string; checksums: { algorithm: string; checksumValue: string }[]; licenseConcluded: string; licenseInfoInFiles: string[]; copyrightText: string }[]; hasExtractedLicensingInfos: { licenseId: string; extractedText: string }[]; creationInfo: { created: string } };

  it.skipIf(!HAS_SPDX_SCHEMA)(`is valid SPDX 2.3 (${SPDX_SCHEMA})`, () => {
    const validate = spdxValidator();
    expect(validate(doc), errorsOf(validate).join('\n')).toBe(true);
  });
  if (!HAS_SPDX_SCHEMA) it.skip(`SPDX schema not found at ${SPDX_SCHEMA}: validation skipped`, () => {});

  it('has ids, references and licenses SPDX accepts, and defines every LicenseRef with its text', () => {
    expect(out.code).toBe(0);
    checkSpdx(doc);
    expect(doc.hasExtractedLicensingInfos).toEqual([expect.objectContaining({ licenseId: 'LicenseRef-Ours', extractedText: expect.stringContaining('co-operatives') })]);
  });

  it('lists each file with its checksums, concluded license, licenses in it and copyright', () => {
    const a = doc.files.find((f) => f.fileName === './src/a.c')!;
    expect(a.checksums).toEqual([
      { algorithm: 'SHA1', checksumValue: createHash('sha1').update(A).digest('hex') },
      { algorithm: 'SHA256', checksumValue: createHash('sha256').update(A).digest('hex') },
    ]);
    expect(a).toMatchObject({ licenseConcluded: 'LicenseRef-Ours OR MIT', licenseInfoInFiles: ['LicenseRef-Ours', 'MIT'], copyrightText: 'Copyright 2026 Example Collective' });
    expect(doc.files.find((f) => f.fileName === './src/b.c')!.licenseInfoInFiles).toEqual(['GPL-2.0-or-later WITH Classpath-exception-2.0']);
    expect(doc.files.find((f) => f.fileName === './src/none.txt')).toMatchObject({ licenseConcluded: 'NOASSERTION', licenseInfoInFiles: ['NOASSERTION'] });
    expect(doc.files).toHaveLength(5);
  });

  it('is reproducible with SOURCE_DATE_EPOCH', () => {
    expect(doc.creationInfo.created).toBe('2026-01-01T00:00:00Z');
    expect(runCli(['scan', root, '--format', 'spdx'], { env }).stdout).toBe(out.stdout);
  });
});

describe('scan --format cyclonedx', () => {
  const out = runCli(['scan', root, '--format', 'cyclonedx'], { env });
  const doc = JSON.parse(out.stdout) as { specVersion: string; components: { type: string; name: string; hashes: unknown[]; licenses?: { expression: string }[] }[] };

  it('is valid CycloneDX 1.5 (the schema @cyclonedx/cyclonedx-library ships)', () => {
    const validate = cyclonedxValidator();
    expect(validate(doc), errorsOf(validate).join('\n')).toBe(true);
    expect(doc.specVersion).toBe('1.5');
  });

  it('has a file component for each file with hashes and its license', () => {
    expect(doc.components.map((c) => [c.type, c.name])).toEqual([
      ['file', 'LICENSES/LicenseRef-Ours.txt'],
      ['file', 'img.bin'],
      ['file', 'src/a.c'],
      ['file', 'src/b.c'],
      ['file', 'src/none.txt'],
    ]);
    expect(doc.components.find((c) => c.name === 'src/a.c')!.licenses).toEqual([{ expression: 'LicenseRef-Ours OR MIT' }]);
  });
});

it.each([
  ['MIT', ['MIT']],
  ['(MIT OR Apache-2.0) AND GPL-2.0-only WITH Classpath-exception-2.0', ['MIT', 'Apache-2.0', 'GPL-2.0-only WITH Classpath-exception-2.0']],
])('simple licenses of %s', (expression, simple) => {
  expect(simpleLicenses(expression)).toEqual(simple);
});
