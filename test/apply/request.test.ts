import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseCopyright, chooseLicense, licenseNames, renderTemplate } from '../../src/apply/request.js';
import { UsageError } from '../../src/errors.js';
import { makeTree, removeTree, testCatalog } from '../helpers.js';

const catalog = testCatalog();
const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));

function usage(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error('expected a UsageError');
}

describe('--license', () => {
  it.each([
    ['PPL', 'PPL', ['PPL']],
    ['ppl', 'PPL', ['PPL']],
    ['PPL OR CC-BY-NC-SA-4.0', 'PPL OR CC-BY-NC-SA-4.0', ['PPL', 'CC-BY-NC-SA-4.0']],
    ['LicenseRef-PPL', 'PPL', ['PPL']],
    ['LicenseRef-CNPL-7.0', 'LicenseRef-CNPL-7.0', ['LicenseRef-CNPL-7.0']],
    ['GPL-2.0-or-later WITH Classpath-exception-2.0', 'GPL-2.0-or-later WITH Classpath-exception-2.0', ['GPL-2.0-or-later', 'Classpath-exception-2.0']],
  ])('%j is applied as %j', (raw, expression, ids) => {
    const choice = chooseLicense(raw, catalog, false);
    expect(choice.expression).toBe(expression);
    expect(choice.ids).toEqual(ids);
  });

  it('notes how an alias was read', () => {
    expect(chooseLicense('LicenseRef-PPL', catalog, false).notes.join()).toMatch(/PPL/);
  });

  it.each([
    ['Peer Production License', /not a valid SPDX expression/, /PPL/],
    ['PPL OR', /not a valid SPDX expression/, /.*/],
    ['GPL-3', /not a valid SPDX expression/, /GPL-3\.0/],
    ['MIT and PPL', /upper case/, /MIT AND PPL/],
    ['NOASSERTION', /not a license to apply/, /.*/],
  ])('%j is a usage error with the closest ids', (raw, message, hint) => {
    const e = usage(() => chooseLicense(raw, catalog, false));
    expect(e.message).toMatch(message);
    expect(e.hint ?? '').toMatch(hint);
  });

  it('refuses a LicenseRef unknown to the catalog unless --allow-unknown', () => {
    const e = usage(() => chooseLicense('LicenseRef-My-Coop-License', catalog, false));
    expect(e.message).toMatch(/neither an SPDX id nor in farleft's catalog/);
    expect(e.hint).toMatch(/--allow-unknown/);
    expect(chooseLicense('LicenseRef-My-Coop-License', catalog, true).expression).toBe('LicenseRef-My-Coop-License');
  });
});

describe('--copyright and --year', () => {
  it.each([
    [['2026 Example Collective'], undefined, ['2026 Example Collective']],
    [['Copyright (c) 2026 Example Collective'], undefined, ['2026 Example Collective']],
    [['SPDX-FileCopyrightText: 2026 Jo'], undefined, ['2026 Jo']],
    [['2026 Jo Artist'], '2024-2026', ['2024-2026 Jo Artist']],
    [['Jo Artist', 'Ann'], '2026', ['2026 Jo Artist', '2026 Ann']],
    [['2026 Jo', '2026 Jo'], undefined, ['2026 Jo']],
  ])('%j with --year %s', (raw, year, out) => {
    expect(chooseCopyright(raw, year)).toEqual(out);
  });

  it.each([[['a\nb'], undefined], [[''], undefined], [['Jo'], 'last year'], [['Jo'], '2026-2020']])('%j with --year %s is a usage error', (raw, year) => {
    usage(() => chooseCopyright(raw, year));
  });
});

describe('--template', () => {
  it('fills the placeholders of a built-in template', () => {
    expect(renderTemplate('notice', { license: 'PPL', names: licenseNames('PPL', catalog), copyright: ['2026 A'] })[0]).toBe('This file is part of a work licensed under Peer Production License.');
  });

  it('reads a template file and refuses an unknown placeholder', () => {
    const root = makeTree({});
    roots.push(root);
    const file = join(root, 't.txt');
    writeFileSync(file, '{names} ({license}), © {copyright}\n');
    expect(renderTemplate(file, { license: 'PPL OR MIT', names: licenseNames('PPL OR MIT', catalog), copyright: ['2026 A', '2025 B'] })).toEqual([
      'Peer Production License or MIT License (PPL OR MIT), © 2026 A, 2025 B',
    ]);
    writeFileSync(file, 'see {constructor}\n');
    expect(usage(() => renderTemplate(file, { license: 'PPL', names: 'x', copyright: [] })).message).toMatch(/unknown placeholder \{constructor\}/);
    expect(usage(() => renderTemplate('constructor', { license: 'PPL', names: 'x', copyright: [] })).message).toMatch(/neither a built-in template/);
    writeFileSync(file, 'see {licence}\n');
    expect(usage(() => renderTemplate(file, { license: 'PPL', names: 'x', copyright: [] })).message).toMatch(/unknown placeholder \{licence\}/);
    expect(usage(() => renderTemplate(join(root, 'missing'), { license: 'PPL', names: 'x', copyright: [] })).message).toMatch(/neither a built-in template/);
  });
});
