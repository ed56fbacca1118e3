// `farleft compat` from the built CLI: one pair, a matrix, a project; formats, the
// licensee from flags and from .farleft.yml, exit codes and usage errors.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { treeMaker } from '../helpers.js';
import { runCli } from './run.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/compat/', import.meta.url));
const tree = treeMaker();
// A folder with no .farleft.yml above it, so nothing sets the licensee.
const bare = tree({ 'README.md': 'nothing here\n' });

interface VerdictJson {
  schema: number;
  outbound: string;
  inbound: string;
  context: string;
  licensee: { kind?: string; commercial?: boolean } | null;
  verdict: string;
  reasons: { license: string; clause: string; text: string }[];
  conditions: string[];
  explanation: string;
}

describe('farleft compat OUTBOUND INBOUND', () => {
  it('prints the verdict, the clauses and the plain words; exit 1 when incompatible', () => {
    const r = runCli(['compat', 'PPL', 'GPL-3.0-only'], { cwd: bare });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^✗ incompatible {2}PPL ← GPL-3\.0-only\n {2}context: bundle · licensee: not set/);
    expect(r.stdout).toMatch(/GPL-3\.0-only §7, §10: no further restrictions/);
    expect(r.stdout).toMatch(/In plain words\n {2}No: a work under PPL may not include a component under GPL-3\.0-only/);
  });
  it('exit 0 when compatible, with the conditions', () => {
    const r = runCli(['compat', 'MIT', 'LGPL-2.1-only', '--context', 'link'], { cwd: bare });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✓ compatible {2}MIT ← LGPL-2\.1-only/);
    expect(r.stdout).toMatch(/Conditions\n {2}• Keep LGPL-2\.1-only's copyright/);
  });
  it('--format json follows DESIGN.md, with the licensee from the flags', () => {
    const r = runCli(['compat', 'PPL', 'CC-BY-NC-SA-4.0', '--licensee', 'worker-cooperative', '--commercial', '--format', 'json'], { cwd: bare });
    expect(r.code).toBe(1);
    const v = JSON.parse(r.stdout) as VerdictJson;
    expect(v).toMatchObject({ schema: 1, outbound: 'PPL', inbound: 'CC-BY-NC-SA-4.0', context: 'bundle', licensee: { kind: 'worker-cooperative', commercial: true }, verdict: 'incompatible', conditions: [] });
    expect(v.reasons.map((x) => `${x.license} ${x.clause}`)).toContain('CC-BY-NC-SA-4.0 §1(k), §2(a)(1)');
  });
  it('review exits 0, or 1 with --strict; the reasons name the setting that decides', () => {
    const r = runCli(['compat', 'MIT', 'PPL', '--context', 'aggregate', '--json'], { cwd: bare });
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout) as VerdictJson;
    expect(v.verdict).toBe('review');
    expect(v.reasons.map((x) => x.text).join(' ')).toMatch(/--licensee KIND/);
    expect(runCli(['compat', 'MIT', 'PPL', '--context', 'aggregate', '--strict'], { cwd: bare }).code).toBe(1);
  });
  it('reads the licensee from .farleft.yml; flags override it key by key', () => {
    const root = tree({ '.farleft.yml': 'licensee:\n  kind: company\n' });
    const fromConfig = JSON.parse(runCli(['compat', 'MIT', 'PPL', '--context', 'aggregate', '--json'], { cwd: root }).stdout) as VerdictJson;
    expect(fromConfig.licensee).toEqual({ kind: 'company' });
    expect(fromConfig.verdict).toBe('incompatible');
    const r = runCli(['compat', 'MIT', 'PPL', '--context', 'aggregate', '--licensee', 'worker-cooperative', '--no-commercial', '--json'], { cwd: root });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as VerdictJson).licensee).toEqual({ kind: 'worker-cooperative', commercial: false });
  });
  it('a license it cannot read is review, with a warning saying what was probably meant', () => {
    const r = runCli(['compat', 'MIT', 'GPLv3'], { cwd: bare });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\? review/);
    expect(r.stderr).toMatch(/warning: 'GPLv3' is not an SPDX identifier; it names GPL-3\.0-only/);
  });
  it('--format markdown', () => {
    const r = runCli(['compat', 'MIT', 'Apache-2.0', '--format', 'markdown'], { cwd: bare });
    expect(r.stdout).toMatch(/^### ✓ compatible: `MIT` ← `Apache-2\.0`/);
  });
});

describe('farleft compat --matrix', () => {
  const ids = ['PPL', 'MIT', 'GPL-3.0-only', 'CC-BY-SA-4.0', 'LicenseRef-CNPL-7.0'];
  it('prints a grid and exits 0', () => {
    const r = runCli(['compat', '--matrix', ...ids], { cwd: bare });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ 3 GPL-3\.0-only\s+✗  ✓  ✓  ✓  ✗\n/);
    expect(r.stdout).toMatch(/Not legal advice/);
  });
  it('markdown and json', () => {
    const md = runCli(['compat', '--matrix', ...ids, '--format', 'markdown'], { cwd: bare }).stdout;
    expect(md.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(ids.length);
    const doc = JSON.parse(runCli(['compat', '--matrix', ...ids, '--json', '--context', 'aggregate'], { cwd: bare }).stdout) as { schema: number; context: string; cells: VerdictJson[] };
    expect(doc.schema).toBe(1);
    expect(doc.context).toBe('aggregate');
    expect(doc.cells).toHaveLength(ids.length ** 2);
  });
});

describe('farleft compat [folder]', () => {
  it('checks every file against the outbound license from .farleft.yml, grouped by verdict; exit 1', () => {
    const r = runCli(['compat', `${FIXTURES}ppl-project`, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { outbound: string; outboundSource: string; verdict: string; groups: { license: string; verdict: VerdictJson; components: { name: string }[] }[]; unlicensed: string[] };
    expect([doc.outbound, doc.outboundSource, doc.verdict]).toEqual(['PPL', 'config', 'incompatible']);
    expect(doc.groups.map((g) => [g.verdict.verdict, g.license, g.components.map((c) => c.name)])).toEqual([
      ['incompatible', 'CC-BY-NC-SA-4.0', ['assets/loop.txt']],
      ['incompatible', 'GPL-3.0-only', ['vendor/readline.c']],
      ['review', 'LicenseRef-Vendor-EULA', ['third_party/blob.js']],
      ['compatible', 'MIT', ['vendor/left-pad.js']],
      ['compatible', 'PPL', ['src/app.py', 'src/util.py']],
    ]);
    expect(doc.unlicensed).toContain('docs/notes.md');
  });
  it('takes the declared license when no config names one; exit 0 when all is compatible', () => {
    const r = runCli(['compat', `${FIXTURES}mit-project`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/outbound MIT \(from the project's declared license\)/);
    expect(r.stdout).toMatch(/✓ compatible {2}0 incompatible, 0 to review, 4 compatible/);
  });
  it('applies the policy: deny wins and names the rule, exceptions carry their reason', () => {
    const doc = JSON.parse(runCli(['compat', `${FIXTURES}policy-project`, '--json']).stdout) as { groups: { license: string; verdict: VerdictJson; components: { name: string }[] }[] };
    const by = (name: string) => doc.groups.find((g) => g.components.some((c) => c.name === name))!.verdict;
    expect(by('server/api.js').verdict).toBe('incompatible');
    expect(by('server/api.js').reasons[0]!.text).toMatch(/refused by policy\.deny "AGPL-3\.0-only"/);
    expect(by('tools/gen.c').verdict).toBe('compatible');
    expect(by('tools/gen.c').reasons[0]!.text).toMatch(/build tool, never shipped/);
    expect(by('other/gpl.c').verdict).toBe('incompatible');
    expect(by('lib/gettext.c').reasons[0]!.text).toMatch(/policy\.allow "LGPL-2\.1-only"/);
  });
  it('--license overrides the outbound license', () => {
    const r = runCli(['compat', `${FIXTURES}mit-project`, '--license', 'GPL-3.0-only', '--json']);
    const doc = JSON.parse(r.stdout) as { outbound: string; outboundSource: string; verdict: string };
    expect([doc.outbound, doc.outboundSource, doc.verdict]).toEqual(['GPL-3.0-only', 'option', 'compatible']);
  });
  it('the same tree gives the same bytes', () => {
    const a = runCli(['compat', `${FIXTURES}ppl-project`, '--json']).stdout;
    expect(runCli(['compat', `${FIXTURES}ppl-project`, '--json']).stdout).toBe(a);
  });
  it('review only: exit 0, or 1 with --strict; the current folder by default', () => {
    const root = tree({ '.farleft.yml': 'license: MIT\n', 'a.js': '// SPDX-License-Identifier: MIT\n', 'b.js': '// SPDX-License-Identifier: LicenseRef-Mystery\n' });
    expect(runCli(['compat'], { cwd: root }).code).toBe(0);
    expect(runCli(['compat', '--strict'], { cwd: root }).code).toBe(1);
    expect(runCli(['compat', '.', '--format', 'markdown'], { cwd: root }).stdout).toMatch(/\| \? review \| `LicenseRef-Mystery` \| 1 \|/);
  });
  it('an unreadable license in .farleft.yml is a usage error naming the file; a policy entry that matches nothing is a warning', () => {
    const bad = tree({ '.farleft.yml': 'license: GPLv3\n', 'a.js': 'x\n' });
    const r = runCli(['compat', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.farleft\.yml: license: GPLv3 is not an SPDX expression; did you mean GPL-3\.0-only\?/);
    const warn = runCli(['compat'], { cwd: tree({ '.farleft.yml': 'license: MIT\npolicy:\n  deny: [GPL three]\n', 'a.js': '// SPDX-License-Identifier: MIT\n' }) });
    expect(warn.code).toBe(0);
    expect(warn.stderr).toMatch(/warning: \.farleft\.yml: policy\.deny: "GPL three" is neither a license id nor a category/);
  });
  it('checks the installed dependencies too (link), unless --no-deps', () => {
    const root = tree({
      'package.json': '{"name":"app","version":"1.0.0","license":"MIT","dependencies":{"gpl-lib":"1.0.0","ok-lib":"1.0.0"},"devDependencies":{"dev-lib":"1.0.0"}}',
      '.gitignore': 'node_modules/\n',
      'src': { 'a.js': '// SPDX-License-Identifier: MIT\n// SPDX-FileCopyrightText: 2026 Jo\n' },
      node_modules: {
        'gpl-lib': { 'package.json': '{"name":"gpl-lib","version":"1.0.0","license":"GPL-3.0-only"}' },
        'ok-lib': { 'package.json': '{"name":"ok-lib","version":"1.0.0","license":"ISC"}' },
        'dev-lib': { 'package.json': '{"name":"dev-lib","version":"1.0.0","license":"AGPL-3.0-only"}' },
      },
    });
    const r = runCli(['compat', '.', '--json'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/gpl-lib@1\.0\.0/);
    expect(r.stdout).not.toMatch(/dev-lib/);
    expect(runCli(['compat', '.', '--json', '--dev'], { cwd: root }).stdout).toMatch(/dev-lib@1\.0\.0/);
    const without = runCli(['compat', '.', '--no-deps'], { cwd: root });
    expect(without.code).toBe(0);
    expect(without.stdout).not.toMatch(/gpl-lib/);
  });

  // Without a .gitignore that names node_modules (a folder not yet under git): each dependency counts once, as a package.
  it('leaves the folders dependencies are installed in out of the project\'s files', () => {
    const root = tree({
      'package.json': '{"name":"app","version":"1.0.0","license":"MIT","dependencies":{"ok-lib":"1.0.0"}}',
      'src': { 'a.js': '// SPDX-License-Identifier: MIT\n// SPDX-FileCopyrightText: 2026 Jo\n', 'b.js': 'no header\n' },
      node_modules: {
        '.package-lock.json': '{}',
        'ok-lib': { 'package.json': '{"name":"ok-lib","version":"1.0.0","license":"ISC"}', 'index.js': 'module.exports = 1;\n', lib: { 'x.js': '// SPDX-License-Identifier: GPL-3.0-only\n' } },
      },
    });
    const run = (args: string[]) => {
      const out = JSON.parse(runCli(['compat', '.', '--json', ...args], { cwd: root }).stdout) as { groups: { components: { name: string }[] }[]; unlicensed: string[] };
      return { unlicensed: out.unlicensed, components: out.groups.flatMap((g) => g.components.map((c) => c.name)).sort() };
    };
    expect(run([])).toEqual({ unlicensed: ['package.json', 'src/b.js'], components: ['ok-lib@1.0.0', 'src/a.js'] });
    // Without the dependencies, their folder is the project's, as the walk finds it.
    const without = run(['--no-deps']);
    expect(without.unlicensed).toContain('node_modules/ok-lib/index.js');
    expect(without.components).toContain('node_modules/ok-lib/lib/x.js');
  });

  it('a project without any license is a usage error', () => {
    const r = runCli(['compat', tree({ 'a.js': 'x\n' })]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/declares no license/);
  });
});

describe('usage errors (exit 2)', () => {
  it.each([
    [['compat', 'MIT'], /MIT is neither a folder nor a pair of licenses/],
    [['compat', 'MIT', 'GPL-3.0-only', 'PPL'], /give two licenses .* or --matrix/],
    [['compat', '--matrix'], /--matrix needs the licenses/],
    [['compat', 'MIT', 'PPL', '--context', 'shipped'], /invalid/i],
    [['compat', 'MIT', 'PPL', '--licensee', 'landlord'], /invalid/i],
    [['compat', '.', '--license', 'GPLv3'], /--license GPLv3 is not an SPDX expression/],
  ])('%j', (args, message) => {
    const r = runCli(args, { cwd: bare });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
  it('--help explains the verdicts and says it is not legal advice', () => {
    const r = runCli(['compat', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Not legal advice/);
    expect(r.stdout).toMatch(/review \(farleft cannot decide/);
  });
});
