// `farleft licenses` through the built CLI (npm run build first), as a user runs it.
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

describe('farleft licenses show', () => {
  it('shows the Peer Production License', () => {
    const result = runCli(['licenses', 'show', 'PPL']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Peer Production License');
    expect(result.stdout).toMatch(/category:\s+copyfarleft/);
    expect(result.stdout).toMatch(/sha256:\s+[0-9a-f]{64}/);
    expect(result.stderr).toBe('');
  });

  it('reads a name people write and says which id it is', () => {
    const result = runCli(['licenses', 'show', 'Peer Production License', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { schema: number; license: { id: string; category: string } };
    expect(json).toMatchObject({ schema: 1, license: { id: 'PPL', category: 'copyfarleft' } });
    expect(result.stderr).toContain("'Peer Production License' is an alias of PPL");
  });

  it('prints the full text with --text', () => {
    const result = runCli(['licenses', 'show', 'gpl-3.0-only', '--text']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\s*GNU GENERAL PUBLIC LICENSE/);
  });

  it('says how to get a text it does not ship', () => {
    const result = runCli(['licenses', 'show', 'CNPLv7+', '--text']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('farleft apply --license-text FILE');
  });

  it('exits 2 on an unknown id, naming it and the closest known ids', () => {
    const result = runCli(['licenses', 'show', 'Peer-Production-Licnse']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/unknown license 'Peer-Production-Licnse'; closest known: PPL/);
  });
});

describe('farleft licenses list', () => {
  it('lists copyfarleft licenses: PPL and the CNPL, not MIT', () => {
    const result = runCli(['licenses', 'list', '--category', 'copyfarleft']);
    expect(result.code).toBe(0);
    const ids = result.stdout.trim().split('\n').map((line) => line.split(/\s+/)[0]);
    expect(ids).toEqual(expect.arrayContaining(['PPL', 'LicenseRef-CNPL-4.0', 'LicenseRef-CNPL-5.0', 'LicenseRef-CNPL-6.0', 'LicenseRef-CNPL-7.0']));
    expect(ids).not.toContain('MIT');
  });

  it('writes every license as JSON', () => {
    const result = runCli(['licenses', 'list', '--format', 'json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { schema: number; licenses: { id: string; category: string }[] };
    expect(json.schema).toBe(1);
    expect(json.licenses.length).toBeGreaterThan(700);
    expect(json.licenses.find((l) => l.id === 'MIT')?.category).toBe('permissive');
  });

  it('exits 2 on an unknown category, listing the valid ones', () => {
    const result = runCli(['licenses', 'list', '--category', 'libre']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown category 'libre'");
    expect(result.stderr).toContain('copyfarleft');
  });

  it('exits 2 on an unknown format', () => {
    expect(runCli(['licenses', 'list', '--format', 'yaml']).code).toBe(2);
  });
});
