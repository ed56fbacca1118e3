import { describe, expect, it } from 'vitest';
import { buildSpdx } from '../../../src/report/sbom/spdx.js';
import { spdxLicense, licenseRefs } from '../../../src/report/sbom/license.js';
import { sampleDocument } from './model.js';
import { HAS_SPDX_SCHEMA, SPDX_SCHEMA, checkSpdx, errorsOf, spdxValidator } from './schemas.js';

type Doc = { packages: Record<string, unknown>[]; relationships: Record<string, string>[]; hasExtractedLicensingInfos: { licenseId: string; extractedText: string }[]; files: Record<string, unknown>[]; documentNamespace: string };

describe('SPDX 2.3', () => {
  const doc = buildSpdx(sampleDocument()) as unknown as Doc;

  it.skipIf(!HAS_SPDX_SCHEMA)(`is valid against the official schema (${SPDX_SCHEMA})`, () => {
    const validate = spdxValidator();
    expect(validate(doc), errorsOf(validate).join('\n')).toBe(true);
  });
  if (!HAS_SPDX_SCHEMA) it.skip(`SPDX schema not found at ${SPDX_SCHEMA}: schema validation skipped`, () => {});

  it('has well-formed ids, references and expressions (what the schema does not check)', () => {
    checkSpdx(doc);
  });

  it('defines every LicenseRef it uses, UNLICENSED included', () => {
    expect(doc.hasExtractedLicensingInfos.map((x) => x.licenseId)).toEqual(['LicenseRef-CNPL-7.0', 'LicenseRef-UNLICENSED']);
    expect(doc.hasExtractedLicensingInfos[0]!.extractedText).toContain('Cooperative Non-Violent');
  });

  it('writes declared and concluded licenses, markers as SPDX words', () => {
    expect(doc.packages.map((p) => [p.name, p.licenseDeclared, p.licenseConcluded])).toEqual([
      ['commons-ledger', 'PPL', 'PPL'],
      ['a', 'MIT', 'MIT'],
      ['b', 'LicenseRef-CNPL-7.0', 'LicenseRef-CNPL-7.0 AND MIT'],
      ['c', 'NOASSERTION', 'NOASSERTION'],
      ['@scope/d', 'LicenseRef-UNLICENSED', 'LicenseRef-UNLICENSED'],
      ['e', 'NOASSERTION', 'NOASSERTION'],
    ]);
  });

  it('relates the packages as they depend on each other, dev and optional from their side', () => {
    const id = (name: string) => doc.packages.find((p) => p.name === name)!.SPDXID as string;
    expect(doc.relationships).toEqual(
      expect.arrayContaining([
        { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: id('commons-ledger') },
        { spdxElementId: id('commons-ledger'), relationshipType: 'DEPENDS_ON', relatedSpdxElement: id('a') },
        { spdxElementId: id('b'), relationshipType: 'OPTIONAL_DEPENDENCY_OF', relatedSpdxElement: id('commons-ledger') },
        { spdxElementId: id('@scope/d'), relationshipType: 'DEV_DEPENDENCY_OF', relatedSpdxElement: id('commons-ledger') },
        { spdxElementId: id('a'), relationshipType: 'DEPENDS_ON', relatedSpdxElement: id('c') },
        { spdxElementId: id('commons-ledger'), relationshipType: 'CONTAINS', relatedSpdxElement: 'SPDXRef-File-1-a.ts' },
      ]),
    );
  });

  it('is the same for the same input (namespace included), and another for another', () => {
    expect(buildSpdx(sampleDocument())).toEqual(doc);
    expect((buildSpdx({ ...sampleDocument(), created: '2026-02-01T00:00:00Z' }) as unknown as Doc).documentNamespace).not.toBe(doc.documentNamespace);
  });

  it.each([
    [null, 'NOASSERTION'],
    ['', 'NOASSERTION'],
    ['SEE LICENSE IN LICENSE.txt', 'NOASSERTION'],
    ['NONE', 'NONE'],
    ['UNLICENSED', 'LicenseRef-UNLICENSED'],
    ['MIT OR (Apache-2.0 AND GPL-2.0-only WITH Classpath-exception-2.0)', 'MIT OR (Apache-2.0 AND GPL-2.0-only WITH Classpath-exception-2.0)'],
    ['MIT; evil', 'NOASSERTION'],
  ])('spdxLicense(%j) = %s', (input, expected) => expect(spdxLicense(input)).toBe(expected));

  it('finds LicenseRefs but not those of another document', () => {
    expect(licenseRefs('LicenseRef-A AND (MIT OR DocumentRef-x:LicenseRef-B) AND LicenseRef-C.1')).toEqual(['LicenseRef-A', 'LicenseRef-C.1']);
  });
});

