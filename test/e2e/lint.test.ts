// farleft lint from the built CLI: exit codes, formats, --explain, config, --changed-since,
// files given on the command line, and the integrations (action.yml, pre-commit hooks).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/lint/index.js';
import { treeMaker, type Tree } from '../helpers.js';
import { licenseText } from '../lint/helpers.js';
import { runCli } from './run.js';

const tree = treeMaker();
const tag = (expr: string): string => `// SPDX-FileCopyrightText: 2026 Example Collective\n// SPDX-License-Identifier: ${expr}\nint x;\n`;
const CLEAN: Tree = {
  '.farleft.yml': '# SPDX-FileCopyrightText: 2026 C\n# SPDX-License-Identifier: PPL\nlicense: PPL\n',
  'LICENSES/PPL.txt': licenseText('PPL'),
  'src/a.c': tag('PPL'),
};
const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

describe('farleft lint', () => {
  it('exits 0 on a clean project and 1 with findings, with a verdict line', () => {
    const clean = runCli(['lint', tree(CLEAN)]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/✔ lint passed: 0 errors, 0 warnings in 2 files/);
    const dirty = runCli(['lint', tree({ ...CLEAN, 'src/b.c': tag('GPL-3.0-only') })]);
    expect(dirty.code).toBe(1);
    expect(dirty.stdout).toMatch(/✖ error incompatible/);
    expect(dirty.stdout).toMatch(/src\/b\.c:2 {2}under GPL-3\.0-only/);
  });

  it('--fail-on warn fails on warnings; lint.failOn in .farleft.yml too', () => {
    const t = { ...CLEAN, 'src/n.c': '// SPDX-License-Identifier: PPL\n' };
    expect(runCli(['lint', tree(t)]).code).toBe(0);
    expect(runCli(['lint', tree(t), '--fail-on', 'warn']).code).toBe(1);
    const yml = `${CLEAN['.farleft.yml'] as string}lint:\n  failOn: warn\n`;
    expect(runCli(['lint', tree({ ...t, '.farleft.yml': yml })]).code).toBe(1);
  });

  it('turns rules off and down in .farleft.yml, and ignores files', () => {
    const yml = `${CLEAN['.farleft.yml'] as string}lint:\n  rules:\n    incompatible: warn\n  ignore: ["vendor/"]\n`;
    const r = runCli(['lint', tree({ ...CLEAN, '.farleft.yml': yml, 'src/b.c': tag('GPL-3.0-only'), 'LICENSES/GPL-3.0-only.txt': licenseText('GPL-3.0-only'), 'vendor/x.c': 'x' }), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { findings: { rule: string; severity: string; file: string }[] };
    expect(json.findings.map((f) => [f.rule, f.severity, f.file])).toEqual([['incompatible', 'warning', 'src/b.c']]);
  });

  it('an unknown rule id in .farleft.yml or --explain exits 2 with the list of rules', () => {
    const yml = `${CLEAN['.farleft.yml'] as string}lint:\n  rules:\n    missing-licence: off\n`;
    const config = runCli(['lint', tree({ ...CLEAN, '.farleft.yml': yml })]);
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('lint.rules.missing-licence: unknown rule missing-licence (did you mean missing-license?)');
    for (const id of RULE_IDS) expect(config.stderr).toContain(id);
    const explain = runCli(['lint', '--explain', 'nope']);
    expect(explain.code).toBe(2);
    expect(explain.stderr).toContain(`rules: ${RULE_IDS.join(', ')}`);
  });

  it.each(RULE_IDS.map((id) => [id]))('--explain %s prints its doc and fix', (id) => {
    const r = runCli(['lint', '--explain', id]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${id} \\(default: (error|warning)\\)`));
    expect(r.stdout).toContain('Fix: ');
  });

  it('prints every format from the built CLI', () => {
    const root = tree({ ...CLEAN, 'src/b.c': 'x\n' });
    const sarif = JSON.parse(runCli(['lint', root, '--format', 'sarif']).stdout) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.length).toBe(2);
    expect(runCli(['lint', root, '--format', 'github']).stdout).toMatch(/^::error file=src\/b\.c,title=farleft missing-license/m);
    expect(runCli(['lint', root, '--format', 'markdown']).stdout).toMatch(/^## ❌ farleft lint failed/);
    expect(runCli(['lint', root, '--format', 'junit']).stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="farleft lint" tests="\d+" failures="1"/);
  });

  it('--reuse prints the REUSE 3.3 verdict and counts', () => {
    const r = runCli(['lint', '--reuse', tree({ 'LICENSES/MIT.txt': licenseText('MIT'), 'a.c': tag('MIT'), 'b.c': 'x\n' })]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('* Files with license information: 1 / 2');
    expect(r.stdout).toContain('Unfortunately, your project is not compliant with version 3.3 of the REUSE Specification :-(');
  });

  it('--reuse reads no .gitignore outside a git repository, as reuse-tool; plain lint does', () => {
    const files = { 'LICENSES/MIT.txt': licenseText('MIT'), '.gitignore': '# SPDX-FileCopyrightText: 2026 Example Collective\n# SPDX-License-Identifier: MIT\nbuild.log\n', 'build.log': 'output\n' };
    const bare = tree(files);
    expect(runCli(['lint', '--reuse', bare]).stdout).toContain('* Files with license information: 1 / 2');
    expect(runCli(['lint', bare, '--json']).stdout).not.toContain('build.log');
    const repo = tree({ ...files, '.git': {} });
    expect(runCli(['lint', '--reuse', repo]).stdout).toContain('* Files with license information: 1 / 1');
  });

  it("--reuse reads nothing in a binary file, as reuse-tool (3.0.1 and later); scan reads the tags in its head", () => {
    const root = tree({
      'LICENSES/MIT.txt': licenseText('MIT'),
      'REUSE.toml': 'version = 1\n\n[[annotations]]\npath = "*.icc"\nSPDX-License-Identifier = "MIT"\n',
      // A colour profile's copyright string, and a binary that holds SPDX tags among its bytes.
      'srgb.icc': Buffer.from('\0\0\x0cHlino\x02\x10\0\0mntrRGB XYZ \0\0cprt\0\0\0\x33text\0\0\0\0Copyright (c) 1998 Hewlett-Packard Company\0desc\0\0', 'latin1'),
      'blob.bin': Buffer.from('\0\x01\x02\0SPDX-License-Identifier: MIT\0SPDX-FileCopyrightText: 2026 Example Collective\0\xff', 'latin1'),
    });
    const reuse = runCli(['lint', '--reuse', root]).stdout;
    expect(reuse).toContain('* Files with copyright information: 0 / 2');
    expect(reuse).toContain('* Files with license information: 1 / 2');
    const scan = JSON.parse(runCli(['scan', root, '--format', 'json']).stdout) as { files: { path: string; copyright: string[]; license: string | null }[] };
    expect(scan.files.find((f) => f.path === 'srgb.icc')).toMatchObject({ copyright: [], license: 'MIT' });
    expect(scan.files.find((f) => f.path === 'blob.bin')).toMatchObject({ copyright: ['2026 Example Collective'], license: 'MIT' });
  });

  it("a header's notice in prose: lint names the apply command, which tags the file and settles the finding", () => {
    const notice = '/*\n * Licensed under the Apache License, Version 2.0 (the "License").\n */\nint y;\n';
    const root = tree({ ...CLEAN, 'src/p.c': notice });
    expect(runCli(['scan', root]).stdout).toContain('Without a license: 1 file\n  src/p.c\n  It says a license in the header, in prose or by its text, which REUSE does not read: farleft lint names the tag to write, farleft apply writes it\n');
    const before = JSON.parse(runCli(['lint', root, '--format', 'json']).stdout);
    const finding = before.findings.find((f: { rule: string; file: string }) => f.rule === 'missing-license' && f.file === 'src/p.c');
    expect(finding).toMatchObject({ line: 2, message: expect.stringContaining('its header names Apache-2.0 in prose') });
    const command = /`farleft (apply [^`]+)`/.exec(finding.suggestion)![1]!;
    expect(command).toBe('apply --license Apache-2.0 src/p.c');
    const applied = runCli([...command.split(' '), '--copyright', '2026 Example Collective'], { cwd: root });
    expect(applied.code).toBe(0);
    expect(readFileSync(join(root, 'src/p.c'), 'utf8')).toBe(`/*\n * SPDX-FileCopyrightText: 2026 Example Collective\n *\n * SPDX-License-Identifier: Apache-2.0\n */\n\n${notice}`);
    const after = JSON.parse(runCli(['lint', root, '--format', 'json']).stdout);
    expect(after.findings.filter((f: { rule: string; file: string }) => f.file === 'src/p.c' && f.rule === 'missing-license')).toEqual([]);
    // Asked for another license, apply leaves the file alone and names the one its notice says.
    const other = tree({ ...CLEAN, 'src/p.c': notice });
    const refused = runCli(['apply', '--license', 'PPL', 'src/p.c', '--copyright', '2026 C', '--format', 'json'], { cwd: other });
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).problems).toEqual([expect.objectContaining({ code: 'existing-notice', file: 'src/p.c', suggestion: expect.stringContaining('--license Apache-2.0') })]);
    expect(readFileSync(join(other, 'src/p.c'), 'utf8')).toBe(notice);
  });

  it("a header that holds MIT's text: scan names it, lint names the apply command, which tags the file", () => {
    const mit = licenseText('MIT').replace(/^MIT License\s*/, '').replace('THE AUTHORS OR COPYRIGHT HOLDERS', 'JANE DOE');
    // The text's own copyright line stays (line 4); its first sentence is on line 6.
    const header = `/*\n * Copyright (c) 2019 Jane Doe\n *\n${mit.trim().split('\n').map((l) => ` * ${l}`.trimEnd()).join('\n')}\n */\nint z;\n`;
    const root = tree({ ...CLEAN, 'src/m.c': header });
    const scan = JSON.parse(runCli(['scan', root, '--format', 'json']).stdout) as { files: { path: string; license: string | null; declarations: { expression: string; field?: string; line: number }[] }[] };
    const file = scan.files.find((f) => f.path === 'src/m.c')!;
    expect(file.license).toBeNull();
    expect(file.declarations).toEqual([expect.objectContaining({ expression: 'MIT', source: 'notice', field: 'text', line: 6, confidence: 0.99 })]);
    const finding = JSON.parse(runCli(['lint', root, '--format', 'json']).stdout).findings.find((f: { rule: string; file: string }) => f.rule === 'missing-license' && f.file === 'src/m.c');
    expect(finding.message).toContain('its header holds the text of MIT');
    const command = /`farleft (apply [^`]+)`/.exec(finding.suggestion)![1]!;
    expect(runCli([...command.split(' '), '--copyright', '2026 Example Collective'], { cwd: root }).code).toBe(0);
    expect(readFileSync(join(root, 'src/m.c'), 'utf8')).toContain(' * SPDX-License-Identifier: MIT\n */\n\n/*\n * Copyright (c) 2019 Jane Doe');
  });

  it('lints an empty folder: nothing to find, and says so', () => {
    const r = runCli(['lint', tree({})]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 files checked');
  });

  it('checks only the files given, with what licenses them', () => {
    const root = tree({ ...CLEAN, 'src/b.c': 'x\n', 'src/c.c': 'y\n' });
    const r = spawnSync(process.execPath, [fileURLToPath(new URL('../../bin/farleft.js', import.meta.url)), 'lint', 'src/a.c', 'src/b.c', '--json'], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    expect(r.status).toBe(1);
    const files = (JSON.parse(r.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file);
    expect(new Set(files)).toEqual(new Set(['src/b.c']));
  });

  it('--changed-since checks the files changed since a ref; outside git or with a bad ref it exits 2', () => {
    const root = tree({ ...CLEAN, 'src/old.c': 'x\n', 'LICENSES/GPL-3.0-only.txt': licenseText('GPL-3.0-only') });
    const outside = runCli(['lint', root, '--changed-since', 'HEAD']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/not inside a git work tree/);
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'one');
    writeFileSync(join(root, 'src/new.c'), 'y\n');
    writeFileSync(join(root, 'src/a.c'), tag('GPL-3.0-only'));
    const r = runCli(['lint', root, '--changed-since', 'HEAD', '--json']);
    expect(r.code).toBe(1);
    const found = (JSON.parse(r.stdout) as { findings: { rule: string; file: string }[] }).findings.map((f) => [f.rule, f.file]);
    expect(found).toEqual([
      ['incompatible', 'src/a.c'],
      ['missing-copyright', 'src/new.c'],
      ['missing-license', 'src/new.c'],
    ]);
    const bad = runCli(['lint', root, '--changed-since', 'no-such-branch']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--changed-since no-such-branch: no such commit, branch or tag/);
  });

  it('draws no progress line when stderr is not a terminal', () => {
    const r = runCli(['lint', tree(CLEAN)]);
    expect(r.stderr).toBe('');
  });
});

describe('integrations', () => {
  const ROOT = fileURLToPath(new URL('../../', import.meta.url));
  /** The flags given to `farleft lint` in a command line (not npx's). */
  const flagsOf = (command: string): string[] => command.split('\n').flatMap((line) => line.split(/\blint\b/).slice(1).join(' ').match(/--[a-z-]+/g) ?? []);
  const lintHelp = runCli(['lint', '--help']).stdout;

  it('action.yml is a composite action that runs lint as SARIF, uploads it and writes the summary', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { using: string; steps: { uses?: string; run?: string }[] } };
    expect(action.runs.using).toBe('composite');
    const uses = action.runs.steps.map((s) => s.uses).filter(Boolean);
    expect(uses).toEqual(expect.arrayContaining([expect.stringMatching(/^actions\/setup-node@/), expect.stringMatching(/^github\/codeql-action\/upload-sarif@/)]));
    const run = action.runs.steps.map((s) => s.run ?? '').join('\n');
    expect(run).toMatch(/farleft@\$FARLEFT_VERSION" lint .*--format sarif/);
    expect(run).toMatch(/--format markdown .*>> "\$GITHUB_STEP_SUMMARY"/);
    for (const flag of flagsOf(run)) expect(lintHelp, flag).toContain(flag);
  });

  it('.pre-commit-hooks.yaml runs lint on the staged files with flags the CLI has', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; pass_filenames: boolean; language: string }[];
    expect(hooks.map((h) => h.id)).toEqual(['farleft-lint', 'farleft-reuse']);
    for (const h of hooks) {
      expect(h.entry).toMatch(/^farleft lint\b/);
      expect(h.pass_filenames).toBe(true);
      expect(h.language).toBe('node');
      for (const flag of flagsOf(h.entry)) expect(lintHelp, flag).toContain(flag);
    }
  });
});
