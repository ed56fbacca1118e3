// `farleft licenses` rendering (src/report/licenses.ts) and its command functions
// (src/cli/licenses.ts) over the built catalog, without spawning the CLI.
import { describe, expect, it } from 'vitest';
import { listLicenses, showLicense } from '../../src/cli/licenses.js';
import { UsageError } from '../../src/errors.js';
import { renderLicense, renderLicenseList, renderTextUnavailable } from '../../src/report/licenses.js';
import { testCatalog } from '../helpers.js';

// Strip colour so the assertions read the words whatever FORCE_COLOR says.
const plain = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('renderLicenseList', () => {
  it('prints one aligned line per license: id, category, name', () => {
    const catalog = testCatalog();
    const lines = plain(renderLicenseList([catalog.get('MIT')!, catalog.get('LicenseRef-CNPL-7.0')!])).split('\n');
    expect(lines[0]).toMatch(/^MIT\s+permissive\s+MIT License$/);
    expect(lines[1]).toMatch(/^LicenseRef-CNPL-7\.0\s+copyfarleft\s+Cooperative Non-Violent Public License v7$/);
    expect(lines[0]!.indexOf('permissive')).toBe(lines[1]!.indexOf('copyfarleft'));
  });

  it('prints nothing for no licenses', () => {
    expect(renderLicenseList([])).toBe('');
  });
});

describe('renderLicense', () => {
  it('shows the facts, the summary, the text source and the clauses', () => {
    const text = plain(renderLicense(testCatalog().get('PPL')!));
    for (const expected of ['Peer Production License', 'id:           PPL', 'copyfarleft (from farleft)', 'commercial:   worker-owned', 'spdx-license-list', 'LicenseRef-PPL', 'commercial: §4(c)-(d)', '"COPYFARLEFT PUBLIC LICENSE"'])
      expect(text).toContain(expected);
    expect(text).toMatch(/sha256:\s+96deec863b59/);
  });

  it('says how to get a text farleft does not have', () => {
    const message = renderTextUnavailable(testCatalog().get('LicenseRef-CNPL-6.0')!);
    expect(message).toContain('https://thufie.lain.haus/NPL.html');
    expect(message).toContain('farleft apply --license-text FILE');
  });
});

describe('listLicenses', () => {
  it('filters by category and sorts by id', async () => {
    const ids = plain(await listLicenses({ format: 'text', category: 'copyfarleft' })).trim().split('\n').map((l) => l.split(/\s+/)[0]);
    expect(ids).toContain('PPL');
    expect(ids).toContain('LicenseRef-CNPL-7.0');
    expect(ids).not.toContain('MIT');
    expect([...ids].sort((a, b) => a!.localeCompare(b!, 'en', { sensitivity: 'base' }))).toEqual(ids);
  });

  it('writes JSON with a schema version', async () => {
    const json = JSON.parse(await listLicenses({ format: 'text', json: true, category: 'non-commercial' })) as { schema: number; licenses: { id: string }[] };
    expect(json.schema).toBe(1);
    expect(json.licenses.map((l) => l.id)).toContain('CC-BY-NC-SA-4.0');
  });

  it('refuses an unknown category and lists the valid ones', async () => {
    await expect(listLicenses({ format: 'text', category: 'free' })).rejects.toThrow(/unknown category 'free'; use one of: public-domain, permissive/);
  });
});

describe('showLicense', () => {
  it.each([
    ['PPL', 'PPL', null],
    ['ppl', 'PPL', null],
    ['Peer Production License', 'PPL', "'Peer Production License' is an alias of PPL"],
    ['LicenseRef-PPL', 'PPL', "'LicenseRef-PPL' is an alias of PPL"],
    ['CNPLv7', 'LicenseRef-CNPL-7.0', "'CNPLv7' is an alias of LicenseRef-CNPL-7.0"],
    ['GPL-2.0', 'GPL-2.0', 'GPL-2.0 is a deprecated SPDX id; use GPL-2.0-only'],
  ])('%s shows %s', async (written, id, note) => {
    const shown = await showLicense(written, { format: 'json' });
    expect((JSON.parse(shown.output) as { license: { id: string } }).license.id).toBe(id);
    expect(shown.note).toBe(note);
  });

  it('prints the full text when spdx-license-list has it', async () => {
    const shown = await showLicense('MIT', { format: 'text', text: true });
    expect(shown.output).toContain('Permission is hereby granted, free of charge');
  });

  it('says a marker has no text', async () => {
    expect((await showLicense('UNLICENSED', { format: 'text', text: true })).output).toContain('is a marker, not a license');
  });

  it('names the unknown id and the closest known ones', async () => {
    const error = await showLicense('CNPL-7.1', { format: 'text' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/^unknown license 'CNPL-7\.1'; closest known: .*LicenseRef-CNPL-7\.0/);
  });
});
