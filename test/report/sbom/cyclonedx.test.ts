import { describe, expect, it } from 'vitest';
import { buildCycloneDx } from '../../../src/report/sbom/cyclonedx.js';
import { sampleDocument } from './model.js';
import { cyclonedxValidator, errorsOf } from './schemas.js';

type Component = { 'bom-ref': string; name: string; type: string; scope?: string; licenses?: { expression: string }[]; evidence?: unknown; purl?: string };
type Bom = { serialNumber: string; metadata: { component: Component }; components: Component[]; dependencies: { ref: string; dependsOn: string[] }[] };

describe('CycloneDX 1.5', () => {
  const bom = buildCycloneDx(sampleDocument()) as unknown as Bom;

  it('is valid against the official schema', () => {
    const validate = cyclonedxValidator();
    expect(validate(bom), errorsOf(validate).join('\n')).toBe(true);
  });

  it('writes the concluded license as one expression, and nothing for NOASSERTION', () => {
    expect(bom.components.map((c) => [c.name, c.type, c.scope ?? null, c.licenses?.[0]?.expression ?? null])).toEqual([
      ['a', 'library', 'required', 'MIT'],
      ['b', 'library', 'optional', 'LicenseRef-CNPL-7.0 AND MIT'],
      ['c', 'library', 'required', null],
      ['@scope/d', 'library', 'excluded', 'LicenseRef-UNLICENSED'],
      ['e', 'library', 'required', null],
      ['src/a.ts', 'file', null, 'PPL'],
    ]);
    expect(bom.metadata.component).toMatchObject({ type: 'application', name: 'commons-ledger', licenses: [{ expression: 'PPL' }] });
  });

  it('keeps what the files said as evidence', () => {
    expect(bom.components[0]!.evidence).toEqual({ licenses: [{ expression: 'MIT' }], copyright: [{ text: '2020 Someone' }] });
  });

  it('lists the dependency graph by bom-ref', () => {
    expect(bom.dependencies).toEqual([
      { ref: 'project', dependsOn: ['a', 'b', 'd'] },
      { ref: 'a', dependsOn: ['c'] },
      { ref: 'b', dependsOn: [] },
      { ref: 'c', dependsOn: [] },
      { ref: 'd', dependsOn: [] },
      { ref: 'e', dependsOn: [] },
    ]);
  });

  it('has a serial number from the content: the same document, the same number', () => {
    expect(bom.serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((buildCycloneDx(sampleDocument()) as unknown as Bom).serialNumber).toBe(bom.serialNumber);
  });
});
