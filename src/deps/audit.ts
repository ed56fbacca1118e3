// The deps pipeline: collect (one collector per ecosystem) -> read each package's licenses
// -> evaluate against the project's license and policy -> one DepsResult for a reporter.
// Reads only; never writes, never runs package code, never touches the network.
import { basename, join } from 'node:path';
import { loadCatalog, type Catalog } from '../catalog/index.js';
import { detector as licenseTextDetector } from '../detect/license-text/detector.js';
import { detector as manifestDetector } from '../detect/manifests/index.js';
import { isRecord } from '../detect/manifests/shared.js';
import type { DetectContext } from '../detect/types.js';
import type { Problem } from '../types.js';
import { MAX_READ_BYTES, readFileInput } from '../walk/read.js';
import type { Verdict } from '../compat/index.js';
import { evaluateDependency } from './evaluate.js';
import { listDir, problem, readText, realpath } from './fs.js';
import { byPlace } from '../problems.js';
import { collectAll } from './collect.js';
import { inspectContext, inspectPackage } from './inspect.js';
import { standardText } from './standard-text.js';
import type { AuditOptions, DependencyReport, DepsResult, DepsSummary, LicenseText } from './types.js';

/** Root manifests, in the order the project's own license and name are looked for. */
const ROOT_MANIFESTS = ['package.json', 'Cargo.toml', 'pyproject.toml', 'composer.json', 'setup.cfg', 'go.mod'];

export function auditDependencies(options: AuditOptions): DepsResult {
  const collection = options.collection ?? collectAll(options.root, options);
  const catalog = options.catalog ?? loadCatalog();
  const problems: Problem[] = [...collection.problems];
  const evaluating = options.evaluate ?? true;
  const inspect = inspectContext(catalog, options.minConfidence, options.withTexts);
  const project = evaluating || options.withTexts ? describeProject(options, catalog, inspect.detect) : { name: null, version: null, license: null, licenseFrom: null };
  if (evaluating && project.license === null && collection.packages.length > 0)
    problems.push(
      problem('no-outbound-license', 'note', null, null, 'the project declares no license of its own, so dependencies were not checked for compatibility (the policy still applies)', 'Set license: in .farleft.yml, declare it in the manifest, or pass --license EXPR'),
    );

  const collected = collection.packages.filter((p) => !(options.production && p.scope === 'dev'));
  // One thread: V8 already collects garbage on the other core, and a worker thread measured slower.
  const verdicts = new Map<string, Verdict>();
  const packages: DependencyReport[] = collected.map((pkg) => {
    let seen = inspectPackage(pkg, inspect);
    if (seen.texts) {
      // The notice holds every license's text: where the package's files hold none of one (no license file, or a
      // file that only names it, as CKEditor's names the GPL), SPDX's text of it is added.
      const held = new Set(seen.detected.filter((d) => d.confidence >= options.minConfidence).flatMap((d) => catalog.normalize(d.expression).ids));
      const missing = catalog.normalize(seen.license).ids.filter((id) => !held.has(id));
      if (missing.length > 0) seen = { ...seen, texts: [...seen.texts, ...standardTexts(missing, catalog)] };
    }
    const outcome = evaluating
      ? evaluateDependency(
          { name: pkg.name, path: pkg.path, license: seen.license, scope: pkg.scope },
          { catalog, outbound: project.license, context: options.context, dev: options.dev, licensee: options.licensee, policy: options.policy, policyFile: options.policyFile, verdicts },
        )
      : { verdict: null, policy: null, status: 'not-evaluated' as const };
    return {
      ecosystem: pkg.ecosystem,
      name: pkg.name,
      version: pkg.version,
      ref: pkg.ref,
      path: pkg.path,
      installed: pkg.installed,
      direct: pkg.direct,
      scope: pkg.scope,
      declared: seen.declared,
      detected: seen.detected,
      license: seen.license,
      basis: seen.basis,
      evidence: seen.evidence,
      copyright: seen.copyright,
      problems: seen.problems,
      verdict: outcome.verdict,
      policy: outcome.policy,
      status: outcome.status,
      dependsOn: pkg.dependsOn,
      ...(seen.texts ? { texts: seen.texts } : {}),
    };
  });
  packages.sort(byPackage);
  // A package left out (--production) is no longer a ref others may point at.
  const refs = new Set(packages.map((p) => p.ref));
  const kept = packages.map((p) => (p.dependsOn.every((r) => refs.has(r)) ? p : { ...p, dependsOn: p.dependsOn.filter((r) => refs.has(r)) }));

  return {
    schema: 1,
    tool: { name: 'farleft', version: options.version },
    root: options.root.split('\\').join('/'),
    project,
    context: options.context,
    dev: options.dev,
    ecosystems: collection.ecosystems,
    packages: kept,
    summary: summarize(kept, problems),
    problems: problems.sort(byPlace),
  };
}

/** The SPDX License List's texts of these licenses (for the notice of a package whose files hold none of them). */
function standardTexts(ids: readonly string[], catalog: Catalog): LicenseText[] {
  return ids.flatMap((id) => {
    const t = standardText(id, catalog);
    return t ? [{ file: `${id} (SPDX License List)`, text: t.text, expressions: [id], standard: true }] : [];
  });
}

/** The project's name, version and outbound license: --license, then .farleft.yml, then its manifests, then its license files. */
function describeProject(options: AuditOptions, catalog: Catalog, ctx: DetectContext): DepsResult['project'] {
  const root = realpath(options.root) ?? options.root;
  let name: string | null = null;
  let version: string | null = null;
  let license: string | null = null;
  let licenseFrom: string | null = null;
  if (options.license) [license, licenseFrom] = [options.license, '--license'];
  else if (options.configLicense) [license, licenseFrom] = [options.configLicense.expression, options.configLicense.file];
  const buffer = Buffer.allocUnsafe(MAX_READ_BYTES);
  for (const file of ROOT_MANIFESTS) {
    const read = readText(join(root, file), 4 * 1024 * 1024);
    if (!('text' in read)) continue;
    const id = nameAndVersion(file, read.text);
    name ??= id.name;
    version ??= id.version;
    if (license !== null) continue;
    let input;
    try {
      input = readFileInput(join(root, file), file, buffer);
    } catch {
      continue;
    }
    const d = manifestDetector.detect(input, ctx).declarations.find((x) => x.confidence >= 0.8 && isOutbound(x.expression, catalog));
    if (d) [license, licenseFrom] = [d.expression, `${file}${d.field ? ` (${d.field})` : ''}`];
  }
  if (license === null) {
    const found: string[] = [];
    const files: string[] = [];
    for (const e of listDir(root).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (!e.isFile() || !licenseTextDetector.accepts(e.name, 'text')) continue;
      try {
        const named = licenseTextDetector.detect(readFileInput(join(root, e.name), e.name, buffer), ctx).declarations.filter((d) => d.expression !== 'NOASSERTION');
        if (named.length) files.push(e.name);
        for (const d of named) if (!found.includes(d.expression)) found.push(d.expression);
      } catch {
        // unreadable: the project's license stays unknown
      }
    }
    if (found.length) [license, licenseFrom] = [catalog.normalize(found.join(' AND ')).expression ?? found.join(' AND '), files.join(', ')];
  }
  return { name: name ?? basename(root), version, license, licenseFrom };
}

/** A declaration that names the project's terms: an expression, or UNLICENSED / NONE (no license granted); not NOASSERTION or a file reference. */
function isOutbound(expression: string, catalog: Catalog): boolean {
  const marker = catalog.normalize(expression).marker;
  return marker === null || marker === 'UNLICENSED' || marker === 'NONE';
}

function nameAndVersion(file: string, text: string): { name: string | null; version: string | null } {
  const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  if (file.endsWith('.json'))
    try {
      const data: unknown = JSON.parse(text);
      if (isRecord(data)) return { name: str(data.name), version: str(data.version) };
    } catch {
      // the manifest detector reports it
    }
  if (file === 'go.mod') return { name: /^module\s+(\S+)/m.exec(text)?.[1] ?? null, version: null };
  const table = file === 'Cargo.toml' ? 'package' : file === 'pyproject.toml' ? 'project' : file === 'setup.cfg' ? 'metadata' : null;
  if (!table) return { name: null, version: null };
  // A line read of [table] name/version: enough for a name, without a second parse.
  const start = text.indexOf(`[${table}]`);
  if (start === -1) return { name: null, version: null };
  const body = text.slice(start, text.indexOf('\n[', start + 1) >>> 0);
  // The line's value, quotes off; null when it holds another quote (a comment after it, an escape).
  const get = (key: string): string | null => {
    const line = new RegExp(`^${key}[ \\t]*[=:](.*)$`, 'm').exec(body)?.[1]?.trim();
    const value = line?.replace(/^"/, '').replace(/"$/, '');
    return value && !value.includes('"') ? value : null;
  };
  return { name: get('name'), version: get('version') };
}

function summarize(packages: readonly DependencyReport[], problems: readonly Problem[]): DepsSummary {
  const count = (values: readonly string[]): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const v of [...values].sort()) out[v] = (out[v] ?? 0) + 1;
    return out;
  };
  const all = [...problems, ...packages.flatMap((p) => p.problems)];
  return {
    packages: packages.length,
    installed: packages.filter((p) => p.installed).length,
    direct: packages.filter((p) => p.direct).length,
    scopes: count(packages.map((p) => p.scope)),
    ecosystems: count(packages.map((p) => p.ecosystem)),
    licenses: count(packages.map((p) => p.license)),
    statuses: count(packages.map((p) => p.status)),
    problems: count(all.map((p) => p.severity)),
  };
}

function byPackage(a: DependencyReport, b: DependencyReport): number {
  return cmp(a.ecosystem, b.ecosystem) || cmp(a.name, b.name) || cmp(a.version ?? '', b.version ?? '') || cmp(a.ref, b.ref);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
