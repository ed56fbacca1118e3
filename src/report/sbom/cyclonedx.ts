// CycloneDX 1.5 JSON from the neutral SBOM model. A component's `licenses` is the concluded
// license as one SPDX expression; what its manifest declared and its license files said
// are `evidence` and farleft:* properties. Dev-only components have scope "excluded".
import { contentUuid, cyclonedxExpression } from './license.js';
import type { SbomComponent, SbomDocument } from './model.js';

export function buildCycloneDx(doc: SbomDocument): Record<string, unknown> {
  const known = new Set(doc.components.map((c) => c.ref));
  const component = (c: SbomComponent, type: 'application' | 'library'): Record<string, unknown> => {
    const concluded = cyclonedxExpression(c.concluded);
    const detected = c.detected.map(cyclonedxExpression).filter((e): e is string => e !== null);
    const evidence = detected.length === 0 ? null : detected.length === 1 ? detected[0]! : [...new Set(detected)].map((e) => (/\s/.test(e) ? `(${e})` : e)).join(' AND ');
    const properties = [...(c.declared ? [{ name: 'farleft:declared', value: c.declared }] : []), ...(c.properties ?? [])];
    return {
      type,
      'bom-ref': c.ref,
      name: c.name,
      ...(c.version ? { version: c.version } : {}),
      ...(type === 'library' ? { scope: c.scope } : {}),
      ...(concluded ? { licenses: [{ expression: concluded }] } : {}),
      ...(c.copyright.length ? { copyright: c.copyright.map((t) => `Copyright ${t}`).join('\n') } : {}),
      ...(c.purl ? { purl: c.purl } : {}),
      ...(evidence || c.copyright.length
        ? { evidence: { ...(evidence ? { licenses: [{ expression: evidence }] } : {}), ...(c.copyright.length ? { copyright: c.copyright.map((text) => ({ text })) } : {}) } }
        : {}),
      ...(properties.length ? { properties } : {}),
    };
  };
  const files = (doc.files ?? []).map((f) => {
    const concluded = cyclonedxExpression(f.concluded);
    return {
      type: 'file',
      'bom-ref': `file:${f.path}`,
      name: f.path,
      hashes: [{ alg: 'SHA-1', content: f.sha1 }, ...(f.sha256 ? [{ alg: 'SHA-256', content: f.sha256 }] : [])],
      ...(concluded ? { licenses: [{ expression: concluded }] } : {}),
      ...(f.copyright.length ? { copyright: f.copyright.map((t) => `Copyright ${t}`).join('\n') } : {}),
    };
  });
  const components = [...doc.components.map((c) => component(c, 'library')), ...files];
  const dependencies = [doc.subject, ...doc.components].map((c) => ({ ref: c.ref, dependsOn: c.dependsOn.filter((r) => known.has(r)) }));
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: `urn:uuid:${contentUuid(doc.name, doc.created, JSON.stringify(components))}`,
    version: 1,
    metadata: {
      timestamp: doc.created,
      tools: { components: [{ type: 'application', name: doc.tool.name, version: doc.tool.version }] },
      component: component(doc.subject, 'application'),
    },
    components,
    dependencies,
  };
}
