// `farleft deps` from the built CLI on the fixture projects: formats, exit codes, bad input,
// determinism, and the promise never to write to what it audits.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopier, FIXTURES } from '../deps/fixture.js';
import { fingerprint } from '../deps/run.js';
import { checkSpdx, cyclonedxValidator, errorsOf, HAS_SPDX_SCHEMA, spdxValidator } from '../report/sbom/schemas.js';
import { makeTree, removeTree } from '../helpers.js';
import { runCli } from './run.js';

const fixture = fixtureCopier();
const EPOCH = { SOURCE_DATE_EPOCH: '1769860800' };

interface Json {
  schema: number;
  project: { license: string | null };
  context: string;
  packages: { name: string; scope: string; status: string; license: string; verdict: { context: string } | null }[];
  problems: { code: string }[];
}
const deps = (root: string, ...args: string[]) => {
  const r = runCli(['deps', root, '--format', 'json', ...args], { env: EPOCH });
  return { ...r, json: (r.code === 0 || r.code === 1 ? JSON.parse(r.stdout) : null) as Json };
};
const failing = (j: Json): boolean => j.packages.some((p) => p.status === 'incompatible' || p.status === 'denied');

describe('farleft deps', () => {
  it('prints licenses, problems and verdicts; exits 1 exactly when a dependency is incompatible or denied', () => {
    const root = fixture('npm-basic');
    const text = runCli(['deps', root]);
    expect(text.stdout).toMatch(/^farleft deps .* — 19 packages \(npm 19\)/);
    expect(text.stdout).toContain('Project license: PPL, from package.json (license);');
    const { json, code } = deps(root);
    expect(json.schema).toBe(1);
    expect(code).toBe(failing(json) ? 1 : 0);
    expect(text.code).toBe(code);
  });

  it('lists one license written in two orders as one row', () => {
    const pkg = (name: string, license: string) => ({ 'package.json': JSON.stringify({ name, version: '1.0.0', license }) });
    const root = makeTree({
      'package.json': JSON.stringify({ name: 'app', version: '1.0.0', license: 'MIT', dependencies: { a: '1.0.0', b: '1.0.0', c: '1.0.0' } }),
      node_modules: { a: pkg('a', 'MIT OR Apache-2.0'), b: pkg('b', 'Apache-2.0 OR MIT'), c: pkg('c', 'Apache-2.0 AND CC-BY-SA-4.0 AND CC0-1.0 AND GPL-3.0-or-later') },
    });
    try {
      const text = runCli(['deps', root]).stdout;
      // Counts stay in one column however long an expression is (reuse 1.1.2's is 58 characters).
      expect(text).toMatch(/^ {6}1 {2}Apache-2\.0 AND CC-BY-SA-4\.0 AND CC0-1\.0 AND GPL-3\.0-or-later {2}c 1\.0\.0$/m);
      expect(text).toMatch(/^ {6}2 {2}Apache-2\.0 OR MIT\s+a 1\.0\.0, b 1\.0\.0$/m);
      expect(text).not.toMatch(/^ +\d+ {2}MIT OR Apache-2\.0/m);
    } finally {
      removeTree(root);
    }
  });

  it('exits 1 on a dependency the policy denies, naming the rule', () => {
    const root = fixture('npm-basic');
    writeFileSync(join(root, '.farleft.yml'), 'license: PPL\npolicy:\n  deny: [GPL-2.0-or-later]\n');
    const { json, code } = deps(root);
    expect(code).toBe(1);
    expect(json.packages.find((p) => p.name === 'deprecated')?.status).toBe('denied');
    expect(runCli(['deps', root]).stdout).toMatch(/denied\s+deprecated 1\.0\.0 \(GPL-2\.0-or-later\)\s+\S*\.farleft\.yml: policy\.deny\[0\] GPL-2\.0-or-later/);
  });

  it('--dev evaluates dev dependencies, --production leaves them out, --bundled changes the context', () => {
    const root = fixture('npm-basic');
    const gpl = (j: Json) => j.packages.find((p) => p.name === 'gpl-tool');
    expect(gpl(deps(root).json)?.status).toBe('not-evaluated');
    expect(gpl(deps(root, '--dev').json)?.verdict).not.toBeNull();
    expect(gpl(deps(root, '--production').json)).toBeUndefined();
    expect(deps(root, '--bundled').json.packages.find((p) => p.name === 'left-pad')?.verdict?.context).toBe('bundle');
    expect(deps(root, '--license', 'MIT').json.project.license).toBe('MIT');
  });

  it.each([
    ['csv', (out: string) => expect(out.split('\r\n')[0]).toBe('ecosystem,name,version,license,declared,detected,status,scope,direct,installed,path,copyright,problems')],
    ['markdown', (out: string) => expect(out).toMatch(/^# Dependencies of commons-ledger/)],
    ['notice', (out: string) => expect(out).toMatch(/^THIRD-PARTY SOFTWARE NOTICES AND LICENSES/)],
  ] as const)('--format %s', (format, check) => {
    const r = runCli(['deps', fixture('npm-basic'), '--format', format], { env: EPOCH });
    expect(r.stderr).toBe('');
    check(r.stdout);
  });

  it('--notice is the notice format', () => {
    const root = fixture('npm-basic');
    expect(runCli(['deps', root, '--notice']).stdout).toBe(runCli(['deps', root, '--format', 'notice']).stdout);
  });

  it.skipIf(!HAS_SPDX_SCHEMA)('--format spdx is valid SPDX 2.3', () => {
    const doc = JSON.parse(runCli(['deps', fixture('npm-basic'), '--format', 'spdx'], { env: EPOCH }).stdout) as Record<string, unknown>;
    const validate = spdxValidator();
    expect(validate(doc), errorsOf(validate).join('\n')).toBe(true);
    checkSpdx(doc);
  });

  it('--format cyclonedx is valid CycloneDX 1.5', () => {
    const bom = JSON.parse(runCli(['deps', fixture('npm-basic'), '--format', 'cyclonedx'], { env: EPOCH }).stdout) as Record<string, unknown>;
    const validate = cyclonedxValidator();
    expect(validate(bom), errorsOf(validate).join('\n')).toBe(true);
    expect((bom.metadata as { timestamp: string }).timestamp).toBe('2026-01-31T12:00:00Z');
  });

  it("reads a pnpm lock with a mapping as a key quietly: no warning of the YAML parser on stderr", () => {
    const root = fixture('pnpm');
    writeFileSync(join(root, 'pnpm-lock.yaml'), `? {a: b}\n: c\n${readFileSync(join(root, 'pnpm-lock.yaml'), 'utf8')}`);
    const r = runCli(['deps', root, '--format', 'json'], { env: EPOCH });
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { packages: unknown[] }).packages.length).toBeGreaterThan(0);
  });

  it.each(['json', 'spdx', 'cyclonedx', 'notice'])('gives the same bytes twice (%s), and writes nothing', (format) => {
    const root = fixture('pnpm');
    const before = fingerprint(root);
    const first = runCli(['deps', root, '--format', format], { env: EPOCH }).stdout;
    expect(runCli(['deps', root, '--format', format], { env: EPOCH }).stdout).toBe(first);
    expect(fingerprint(root)).toBe(before);
  });

  it.each([
    ['python', {}, 'pypi', 'requests'],
    ['cargo', {}, 'cargo', 'serde'],
    ['cargo-registry', { CARGO_HOME: join(FIXTURES, 'cargo-home') }, 'cargo', 'itoa'],
    ['go', {}, 'go', 'github.com/pkg/errors'],
    ['go-modcache', { GOMODCACHE: join(FIXTURES, 'gomodcache') }, 'go', 'github.com/BurntSushi/toml'],
    ['composer', {}, 'composer', 'monolog/monolog'],
  ] as const)('audits %s', (name, env, ecosystem, pkg) => {
    const r = runCli(['deps', fixture(name), '--format', 'json'], { env: { ...EPOCH, ...env } });
    expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
    const json = JSON.parse(r.stdout) as Json & { ecosystems: string[] };
    expect(json.ecosystems).toEqual([ecosystem]);
    expect(json.packages.map((p) => p.name)).toContain(pkg);
  });
});

describe('farleft deps: bad input', () => {
  it.each([
    ['npm-missing', /node_modules: missing: run npm ci first/],
    ['yarn-pnp', /Plug'n'Play installs are not supported yet/],
  ])('%s: exit 2 with what to do', (name, message) => {
    const r = runCli(['deps', fixture(name)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('a corrupt lock, manifest or metadata is a problem naming the file; the audit goes on', () => {
    const root = fixture('npm-basic');
    writeFileSync(join(root, 'package-lock.json'), '{ "lockfileVersion": 3, "packages": {');
    const { json, code } = deps(root);
    expect(code === 0 || code === 1).toBe(true);
    expect(json.problems).toContainEqual(expect.objectContaining({ code: 'malformed-lock', file: 'package-lock.json' }));
    expect(json.packages.length).toBeGreaterThan(10);
    expect(deps(fixture('cargo-corrupt')).json.problems).toContainEqual(expect.objectContaining({ code: 'malformed-lock', file: 'Cargo.lock', line: 5 }));
  });

  it.each([
    [['--license', 'not a license ((('], /--license not a license \(\(\( is not an SPDX expression/],
    [['--format', 'yaml'], /argument 'yaml' is invalid/],
    [['--bundled', '--context', 'network'], /--bundled means --context bundle/],
  ])('%j: exit 2', (args, message) => {
    const r = runCli(['deps', fixture('npm-lock-v2'), ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a path that is no folder: exit 2', () => {
    const r = runCli(['deps', join(FIXTURES, 'npm-basic', 'package.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a folder/);
  });
});
