// SARIF 2.1.0 for GitHub code scanning and other viewers: every rule with its help text,
// each finding with its file (a relative, percent-encoded URI) and line. Code scanning wants
// a location for every result: a finding about the whole project is shown on `anchor`.
import { RULES } from '../../lint/index.js';
import type { LintResult } from '../../lint/types.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function render(result: LintResult): string {
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const level = (id: string): string => result.rules.find((r) => r.id === id)?.severity ?? 'none';
  const rules = RULES.map((r) => ({
    id: r.id,
    name: r.id.replace(/(?:^|-)([a-z])/g, (_, ch: string) => ch.toUpperCase()),
    shortDescription: { text: r.title },
    fullDescription: { text: r.doc },
    help: { text: `${r.doc}\n\nFix: ${r.fix}`, markdown: `${r.doc}\n\n**Fix:** ${r.fix}\n\n\`farleft lint --explain ${r.id}\`` },
    defaultConfiguration: { level: level(r.id) === 'warning' ? 'warning' : level(r.id) === 'off' ? 'none' : 'error', enabled: level(r.id) !== 'off' },
    properties: { tags: ['licensing', ...(result.mode === 'reuse' ? ['reuse'] : [])] },
  }));
  const results = result.findings.map((f) => {
    const file = f.file ?? result.anchor;
    return {
      ruleId: f.rule,
      ruleIndex: index.get(f.rule)!,
      level: f.severity,
      message: { text: f.file ? `${f.message}. Fix: ${f.suggestion}` : `${f.message} (the whole project). Fix: ${f.suggestion}` },
      ...(file ? { locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(file), uriBaseId: '%SRCROOT%' }, region: { startLine: f.line ?? 1 } } }] } : {}),
    };
  });
  const sarif = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'farleft', version: result.tool.version, semanticVersion: result.tool.version, rules } },
        automationDetails: { id: `farleft/${result.mode}/` },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** A relative path as a URI reference: each segment percent-encoded, '/' kept. */
function uriOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
