// SPDX 2.3 JSON from the neutral SBOM model. Packages are not file-analysed
// (filesAnalyzed: false): their declared license is the manifest's, the concluded one is
// farleft's effective license, and what the license files said is in licenseComments.
// Every LicenseRef-* used is defined in hasExtractedLicensingInfos.
import { contentUuid, licenseRefs, slug, spdxLicense, UNLICENSED_REF, UNLICENSED_TEXT } from './license.js';
import type { SbomComponent, SbomDocument } from './model.js';

export function buildSpdx(doc: SbomDocument): Record<string, unknown> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  const idFor = (ref: string, prefix: string, name: string): string => {
    let id = `SPDXRef-${prefix}-${slug(name)}`;
    for (let n = 2; taken.has(id); n++) id = `SPDXRef-${prefix}-${slug(name)}-${n}`;
    taken.add(id);
    ids.set(ref, id);
    return id;
  };
  const rootId = idFor(doc.subject.ref, 'Root', doc.subject.name);
  for (const c of doc.components) idFor(c.ref, 'Package', `${c.name}-${c.version ?? ''}`);

  const used = new Set<string>();
  const license = (expression: string | null): string => {
    const v = spdxLicense(expression);
    for (const ref of licenseRefs(v)) used.add(ref);
    return v;
  };
  const pkg = (c: SbomComponent, id: string, isRoot: boolean): Record<string, unknown> => ({
    SPDXID: id,
    name: c.name,
    ...(c.version ? { versionInfo: c.version } : {}),
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    licenseConcluded: license(c.concluded),
    licenseDeclared: license(c.declared),
    ...(c.evidence.length ? { licenseComments: `License files: ${c.evidence.join('; ')}` } : {}),
    copyrightText: c.copyright.length ? c.copyright.map((t) => `Copyright ${t}`).join('\n') : 'NOASSERTION',
    ...(c.purl ? { externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: c.purl }] } : {}),
    ...(isRoot ? {} : { primaryPackagePurpose: 'LIBRARY' }),
  });

  const packages = [pkg(doc.subject, rootId, true), ...doc.components.map((c) => pkg(c, ids.get(c.ref)!, false))];
  const relationships: Record<string, string>[] = [{ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: rootId }];
  const relate = (from: SbomComponent, toRef: string): void => {
    const to = doc.components.find((c) => c.ref === toRef);
    const a = ids.get(from.ref);
    const b = ids.get(toRef);
    if (!a || !b || !to) return;
    // SPDX says "B is a dev (optional) dependency of A" from B's side.
    if (to.scope === 'excluded') relationships.push({ spdxElementId: b, relationshipType: 'DEV_DEPENDENCY_OF', relatedSpdxElement: a });
    else if (to.scope === 'optional') relationships.push({ spdxElementId: b, relationshipType: 'OPTIONAL_DEPENDENCY_OF', relatedSpdxElement: a });
    else relationships.push({ spdxElementId: a, relationshipType: 'DEPENDS_ON', relatedSpdxElement: b });
  };
  for (const ref of doc.subject.dependsOn) relate(doc.subject, ref);
  for (const c of doc.components) for (const ref of c.dependsOn) relate(c, ref);

  const files = (doc.files ?? []).map((f, i) => {
    const id = `SPDXRef-File-${i + 1}-${slug(f.path.slice(f.path.lastIndexOf('/') + 1))}`;
    relationships.push({ spdxElementId: rootId, relationshipType: 'CONTAINS', relatedSpdxElement: id });
    return {
      SPDXID: id,
      fileName: `./${f.path}`,
      checksums: [{ algorithm: 'SHA1', checksumValue: f.sha1 }, ...(f.sha256 ? [{ algorithm: 'SHA256', checksumValue: f.sha256 }] : [])],
      licenseConcluded: license(f.concluded),
      licenseInfoInFiles: f.licenseInfo.length ? f.licenseInfo.map(license) : ['NOASSERTION'],
      copyrightText: f.copyright.length ? f.copyright.map((t) => `Copyright ${t}`).join('\n') : 'NOASSERTION',
    };
  });

  const extracted = [...used].sort().map((id) => {
    const known = id === UNLICENSED_REF ? { name: 'UNLICENSED', text: UNLICENSED_TEXT } : doc.licenseTexts?.[id];
    return { licenseId: id, extractedText: known?.text || `The license ${id}: its text was not available to farleft when this document was made.`, ...(known?.name ? { name: known.name } : {}) };
  });

  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: doc.name,
    documentNamespace: `https://spdx.org/spdxdocs/${slug(doc.name)}-${contentUuid(doc.name, doc.created, JSON.stringify(packages), JSON.stringify(files))}`,
    creationInfo: { created: doc.created, creators: [`Tool: ${doc.tool.name}-${doc.tool.version}`] },
    packages,
    ...(files.length ? { files } : {}),
    relationships,
    ...(extracted.length ? { hasExtractedLicensingInfos: extracted } : {}),
  };
}
