// Every lint format on one real result: SARIF valid against the official schema, JUnit
// well-formed, GitHub commands escaped, markdown and text grouped by rule with fix hints.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../../src/lint/index.js';
import type { LintResult } from '../../../src/lint/types.js';
import { LINT_FORMATS } from '../../../src/report/lint/index.js';
import { FORMATS } from '../../../src/cli/lint.js';
import { removeTree } from '../../helpers.js';
import { licenseText, lintTree, roots } from '../../lint/helpers.js';

const SARIF_SCHEMA = fileURLToPath(new URL('../../../../shared/corpus/schemas/sarif-schema-2.1.0.json', import.meta.url));
const HAS_SARIF_SCHEMA = existsSync(SARIF_SCHEMA);

const join = (out: string | Iterable<string>): string => (typeof out === 'string' ? out : [...out].join(''));
let result: LintResult;

beforeAll(async () => {
  result = await lintTree({
    '.farleft.yml': '# SPDX-FileCopyrightText: 2026 C\n# SPDX-License-Identifier: PPL\nlicense: PPL\n',
    'LICENSES/PPL.txt': licenseText('PPL'),
    'src/ok.c': '// SPDX-FileCopyrightText: 2026 C\n// SPDX-License-Identifier: PPL\n',
    'src/gpl.c': '// SPDX-FileCopyrightText: 2026 C\n// SPDX-License-Identifier: GPL-3.0-only\n',
    'src/dir with space/a%b,c:d.c': 'no licence\n',
    'src/bad.c': '// SPDX-License-Identifier: MIT OR\n',
    'src/<x>&"y".c': 'x\n',
  });
});
afterAll(() => roots.forEach(removeTree));

describe('lint formats', () => {
  it('lists the formats --help shows', () => {
    expect(Object.keys(LINT_FORMATS)).toEqual([...FORMATS]);
  });

  it('has findings of both severities to render', () => {
    expect(result.summary.errors).toBeGreaterThan(0);
    expect(result.summary.warnings).toBeGreaterThan(0);
  });

  it.skipIf(!HAS_SARIF_SCHEMA)('sarif is valid SARIF 2.1.0 (the official schema)', () => {
    const schema = JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')) as object;
    // A CommonJS module: its class is also its `default` export.
    const ajv = new Ajv04.default({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    const sarif = JSON.parse(join(LINT_FORMATS.sarif.render(result))) as unknown;
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
  });
  if (!HAS_SARIF_SCHEMA) it.skip(`SARIF schema not found at ${SARIF_SCHEMA}: schema validation skipped`, () => {});

  it('sarif has every rule with help text, and each result a location with a line', () => {
    const sarif = JSON.parse(join(LINT_FORMATS.sarif.render(result))) as { runs: { tool: { driver: { rules: { id: string; help: { text: string } }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const r of run.tool.driver.rules) expect(r.help.text).toContain('Fix:');
    expect(run.results).toHaveLength(result.findings.length);
    for (const [i, r] of run.results.entries()) {
      expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
      expect(r.level).toBe(result.findings[i]!.severity);
      expect(r.locations[0]!.physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
    }
    const gpl = run.results.find((r) => r.ruleId === 'incompatible')!;
    expect(gpl.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'src/gpl.c', uriBaseId: '%SRCROOT%' }, region: { startLine: 2 } });
    expect(run.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toContain('src/dir%20with%20space/a%25b%2Cc%3Ad.c');
  });

  it('github: one escaped workflow command per finding, then the verdict', () => {
    const lines = join(LINT_FORMATS.github.render(result)).trimEnd().split('\n');
    expect(lines).toHaveLength(result.findings.length + 1);
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=src\/gpl\.c,line=2,title=farleft incompatible%3A .*::under GPL-3\.0-only: .*%0Afix: /));
    expect(lines.find((l) => l.includes('dir with space'))).toMatch(/file=src\/dir with space\/a%25b%2Cc%3Ad\.c,title=/);
    expect(lines.at(-1)).toMatch(/^farleft lint: failed: \d+ errors?, \d+ warnings? in \d+ files?$/);
  });

  it('junit is well-formed XML with a failing case per error and a suite per active rule', () => {
    const xml = join(LINT_FORMATS.junit.render(result));
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as { testsuites: { '@_failures': string; testsuite: { '@_name': string; testcase: { failure?: unknown }[] }[] } };
    expect(doc.testsuites.testsuite.map((s) => s['@_name'])).toEqual(RULES.map((r) => `farleft ${r.id}`));
    expect(Number(doc.testsuites['@_failures'])).toBe(result.summary.errors);
    expect(xml).toContain('name="src/&lt;x&gt;&amp;&quot;y&quot;.c"');
  });

  it('markdown: the verdict, a rule table and each rule with its fix', () => {
    const md = join(LINT_FORMATS.markdown.render(result));
    expect(md).toMatch(/^## ❌ farleft lint failed/);
    for (const id of Object.keys(result.summary.byRule)) {
      expect(md).toContain(`| [\`${id}\`](#${id}) |`);
      expect(md).toContain(`**Fix:** `);
    }
  });

  it('text: grouped by rule, errors first, file:line, and the verdict last', () => {
    const text = join(LINT_FORMATS.text.render(result, { color: 0 }));
    const headers = text.split('\n').filter((l) => /^(✖ error|⚠ warning) /.test(l));
    expect(headers.length).toBe(Object.keys(result.summary.byRule).length);
    expect(headers.findIndex((h) => h.startsWith('⚠'))).toBeGreaterThan(headers.findLastIndex((h) => h.startsWith('✖')));
    expect(text).toContain('  src/gpl.c:2  under GPL-3.0-only');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^✖ lint failed: \d+ errors, \d+ warnings in 6 files/);
    const coloured = join(LINT_FORMATS.text.render(result, { color: 1 }));
    expect(coloured).toContain('\u001b[31m');
  });

  it('text: a message many files in a row share is said once, above their places', () => {
    const files = ['a.c', 'b.c', 'c.c', 'd.c'];
    const finding = (file: string, message: string) => ({ rule: 'missing-license', severity: 'error' as const, file, line: null, message, suggestion: RULES.find((r) => r.id === 'missing-license')!.fix });
    const many = { ...result, findings: [finding('LICENSE', 'holds no text'), ...files.map((f) => finding(`src/${f}`, 'no licensing information')), finding('z.c', 'its header names MIT')] };
    const lines = join(LINT_FORMATS.text.render(many, { color: 0 })).split('\n');
    const at = lines.indexOf('  no licensing information (4 files):');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at - 1, at + 6)).toEqual(['  LICENSE  holds no text', '  no licensing information (4 files):', ...files.map((f) => `    src/${f}`), '  z.c  its header names MIT']);
    // Two in a row keep their own lines.
    const two = { ...result, findings: files.slice(0, 2).map((f) => finding(`src/${f}`, 'no licensing information')) };
    expect(join(LINT_FORMATS.text.render(two, { color: 0 }))).toContain('  src/a.c  no licensing information\n  src/b.c  no licensing information\n');
  });

  it('json: schema 1, the findings, and each rule with its fix', () => {
    const json = JSON.parse(join(LINT_FORMATS.json.render(result))) as { schema: number; findings: unknown[]; rules: { id: string; fix: string }[]; verdict: string };
    expect(json.schema).toBe(1);
    expect(json.findings).toEqual(result.findings);
    expect(json.rules.every((r) => r.fix.length > 0)).toBe(true);
    expect(json.verdict).toBe('fail');
  });
});
