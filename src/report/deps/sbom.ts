// A deps result as the neutral SBOM model (src/report/sbom/model.ts): the project is the
// subject, each package a component, dependsOn the graph the collectors found.
import { purlOf } from '../../deps/purl.js';
import type { DependencyReport, DepsResult } from '../../deps/types.js';
import type { SbomComponent, SbomDocument } from '../sbom/model.js';

export interface SbomOptions {
  /** ISO 8601 UTC timestamp of the document. */
  readonly created: string;
}

const PROJECT_REF = 'project';

export function toSbom(result: DepsResult, options: SbomOptions): SbomDocument {
  const name = result.project.name ?? 'project';
  const components = result.packages.map(component);
  const subject: SbomComponent = {
    ref: PROJECT_REF,
    name,
    version: result.project.version,
    purl: null,
    declared: result.project.license,
    concluded: result.project.license,
    evidence: result.project.licenseFrom ? [`${result.project.licenseFrom}: ${result.project.license}`] : [],
    detected: [],
    copyright: [],
    scope: 'required',
    dependsOn: result.packages.filter((p) => p.direct).map((p) => p.ref),
  };
  const licenseTexts: Record<string, { name: string; text: string }> = {};
  for (const p of result.packages)
    for (const t of p.texts ?? [])
      for (const e of t.expressions) if (e.startsWith('LicenseRef-') && !licenseTexts[e]) licenseTexts[e] = { name: e.slice('LicenseRef-'.length), text: t.text };
  return { name, created: options.created, tool: result.tool, subject, components, licenseTexts };
}

function component(p: DependencyReport): SbomComponent {
  const properties = [
    ...(p.path ? [{ name: 'farleft:path', value: p.path }] : []),
    { name: 'farleft:ecosystem', value: p.ecosystem },
    { name: 'farleft:direct', value: String(p.direct) },
    { name: 'farleft:status', value: p.status },
    ...(p.installed ? [] : [{ name: 'farleft:installed', value: 'false' }]),
  ];
  return {
    ref: p.ref,
    name: p.name,
    version: p.version,
    purl: purlOf(p.ecosystem, p.name, p.version),
    declared: p.declared,
    concluded: p.license,
    evidence: p.detected.map((d) => `${d.file}: ${d.expression} (${d.confidence.toFixed(2)})`),
    detected: [...new Set(p.detected.map((d) => d.expression))],
    copyright: p.copyright,
    scope: p.scope === 'dev' ? 'excluded' : p.scope === 'prod' ? 'required' : 'optional',
    dependsOn: p.dependsOn,
    properties,
  };
}
