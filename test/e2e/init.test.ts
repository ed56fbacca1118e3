// `farleft init` from the built CLI: the config it writes is one the loader accepts, it
// refuses to overwrite one without --force, and `farleft apply .` then needs no flags.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LICENSEE_KINDS, parseConfig } from '../../src/config.js';
import { treeMaker } from '../helpers.js';
import { runCli } from './run.js';

const tree = treeMaker();
const CORPUS_CNPL = '/work/shared/corpus/licenses/LicenseRef-CNPL-7.0.txt';

describe('farleft init', () => {
  it('writes .farleft.yml and LICENSES/PPL.txt; apply then needs no flags; scan finds PPL everywhere', () => {
    const root = tree({ 'main.py': 'print("hi")\n', 'logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0]) });
    const r = runCli(['init', '--license', 'PPL', '--copyright', '2026 Example Collective', '--licensee-kind', 'worker-cooperative', '--commercial'], { cwd: root });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\.farleft\.yml: written\nLICENSES\/PPL\.txt: written\n\nNext: farleft apply \./);
    const text = readFileSync(join(root, '.farleft.yml'), 'utf8');
    expect(text.startsWith('# SPDX-FileCopyrightText: 2026 Example Collective\n#\n# SPDX-License-Identifier: PPL\n\n')).toBe(true);
    expect(parseConfig(text, join(root, '.farleft.yml'))).toMatchObject({ license: 'PPL', copyright: ['2026 Example Collective'], licensee: { kind: 'worker-cooperative', commercial: true } });
    expect(readFileSync(join(root, 'LICENSES/PPL.txt'), 'utf8')).toMatch(/^Peer Production License/);

    const apply = runCli(['apply', '.', '--json'], { cwd: root });
    expect(apply.code).toBe(0);
    expect(JSON.parse(apply.stdout).files.map((f: { path: string; status: string }) => [f.path, f.status])).toEqual([
      ['.farleft.yml', 'already-done'],
      ['LICENSES/PPL.txt', 'skipped'],
      ['logo.png', 'sidecar'],
      ['main.py', 'changed'],
    ]);
    const scan = JSON.parse(runCli(['scan', '.', '--json'], { cwd: root }).stdout) as { files: { path: string; covered: boolean; license: string | null }[] };
    expect(scan.files.filter((f) => f.covered).every((f) => f.license === 'PPL')).toBe(true);
  });

  it('writes the licensee keys as comments when they are not given', () => {
    const root = tree();
    expect(runCli(['init', '--license', 'ppl'], { cwd: root }).code).toBe(0);
    const text = readFileSync(join(root, '.farleft.yml'), 'utf8');
    expect(text).toMatch(/^license: PPL$/m);
    expect(text).toMatch(/^# licensee:\n# {3}kind: collective\n# {3}commercial: false$/m);
    expect(parseConfig(text, '.farleft.yml').licensee).toBeUndefined();
  });

  it('refuses to overwrite .farleft.yml without --force (exit 2, nothing written), and overwrites it with --force', () => {
    const root = tree({ '.farleft.yml': 'license: MIT\n' });
    const r = runCli(['init', '--license', 'PPL'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.farleft\.yml already exists; it was not changed\nGive --force to overwrite it/);
    expect(readFileSync(join(root, '.farleft.yml'), 'utf8')).toBe('license: MIT\n');
    expect(existsSync(join(root, 'LICENSES'))).toBe(false);
    const forced = runCli(['init', '--license', 'PPL', '--force'], { cwd: root });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/\.farleft\.yml: replaced/);
    expect(readFileSync(join(root, '.farleft.yml'), 'utf8')).toMatch(/^license: PPL$/m);
  });

  it('offers exactly the licensee kinds the config accepts', () => {
    const help = runCli(['init', '--help']).stdout.replace(/\s+/g, ' ');
    const choices = /--licensee-kind <kind>.*?\(choices: ([^)]*)\)/.exec(help)![1]!.split(', ').map((c) => c.replace(/"/g, ''));
    expect(choices).toEqual([...LICENSEE_KINDS]);
  });

  it.each([
    [['init', '--license', 'Peer Production License'], /not a valid SPDX expression/],
    [['init', '--license', 'PPL', '--licensee-kind', 'corporation'], /argument 'corporation' is invalid/],
    [['init'], /required option '-l, --license <expression>' not specified/],
    [['init', 'missing-folder', '--license', 'PPL'], /missing-folder: no such folder/],
  ])('exits 2 for %j', (args, message) => {
    const root = tree();
    const r = runCli(args, { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(root, '.farleft.yml'))).toBe(false);
  });

  it('says how to get the text of a license SPDX lacks (exit 1), and takes it from --license-text', () => {
    const root = tree();
    const r = runCli(['init', '--license', 'CNPLv7+', '--copyright', '2026 Jo'], { cwd: root });
    expect(r.code).toBe(2); // CNPLv7+ is a name, not an id: the id is suggested
    expect(r.stderr).toMatch(/LicenseRef-CNPL-7\.0-or-later/);
    const missing = runCli(['init', '--license', 'LicenseRef-CNPL-7.0-or-later', '--copyright', '2026 Jo'], { cwd: root });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/LICENSES\/LicenseRef-CNPL-7\.0-or-later\.txt: missing/);
    expect(missing.stdout).toMatch(/https:\/\/thufie\.lain\.haus\/NPL\.html/);
    if (existsSync(CORPUS_CNPL)) {
      const given = runCli(['init', '--license', 'LicenseRef-CNPL-7.0-or-later', '--license-text', CORPUS_CNPL, '--force'], { cwd: root });
      expect(given.code).toBe(0);
      expect(given.stdout).not.toMatch(/license-text-checksum/);
      expect(readFileSync(join(root, 'LICENSES/LicenseRef-CNPL-7.0-or-later.txt'))).toEqual(readFileSync(CORPUS_CNPL));
    }
  });
});
