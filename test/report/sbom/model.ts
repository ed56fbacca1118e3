// A small SBOM document in the neutral model, with the awkward cases: a LicenseRef, markers,
// a dev and an optional component, dependencies and files.
import type { SbomComponent, SbomDocument } from '../../../src/report/sbom/model.js';

const component = (ref: string, name: string, over: Partial<SbomComponent> = {}): SbomComponent => ({
  ref,
  name,
  version: '1.0.0',
  purl: `pkg:npm/${name}@1.0.0`,
  declared: 'MIT',
  concluded: 'MIT',
  evidence: ['LICENSE: MIT (1.00)'],
  detected: ['MIT'],
  copyright: ['2020 Someone'],
  scope: 'required',
  dependsOn: [],
  ...over,
});

export function sampleDocument(): SbomDocument {
  return {
    name: 'commons-ledger',
    created: '2026-01-31T12:00:00Z',
    tool: { name: 'farleft', version: '0.1.0' },
    subject: component('project', 'commons-ledger', { purl: null, declared: 'PPL', concluded: 'PPL', evidence: [], detected: [], copyright: [], dependsOn: ['a', 'b', 'd'] }),
    components: [
      component('a', 'a', { dependsOn: ['c'] }),
      component('b', 'b', { declared: 'LicenseRef-CNPL-7.0', concluded: 'LicenseRef-CNPL-7.0 AND MIT', detected: ['LicenseRef-CNPL-7.0'], scope: 'optional' }),
      component('c', 'c', { declared: null, concluded: null, detected: [], evidence: [], copyright: [] }),
      component('d', '@scope/d', { declared: 'UNLICENSED', concluded: 'UNLICENSED', scope: 'excluded', purl: 'pkg:npm/%40scope/d@1.0.0' }),
      component('e', 'e', { declared: 'SEE LICENSE IN TERMS', concluded: 'NOASSERTION', version: null }),
    ],
    files: [{ path: 'src/a.ts', sha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709', concluded: 'PPL', licenseInfo: ['PPL'], copyright: ['2026 Example Collective'] }],
    licenseTexts: { 'LicenseRef-CNPL-7.0': { name: 'CNPL-7.0', text: 'The Cooperative Non-Violent Public License…' } },
  };
}
