import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { globFor, planReuseToml, tomlString } from '../../src/apply/reuse-toml.js';
import type { HeaderRequest } from '../../src/apply/plan-file.js';
import { detector } from '../../src/detect/reuse-toml.js';
import { fileInput, makeTree, removeTree, testCatalog, testContext } from '../helpers.js';

const catalog = testCatalog();
const REQUEST: HeaderRequest = { expression: 'PPL', copyright: ['2026 Example Collective'], template: [], replace: false };
// reuse-tool reads REUSE.toml from version 4.0 on (Debian 12's reuse 1.1.2 does not): only a newer one can check the
// output (FARLEFT_REUSE_TOOL names one: Debian 13's 5.0.2, say). It says "reuse 1.1.2", or "reuse, version 5.0.2".
const REUSE = process.env.FARLEFT_REUSE_TOOL ?? 'reuse';
const reuseVersion = /(\d+)\.\d+\.\d+/.exec(spawnSync(REUSE, ['--version'], { encoding: 'utf8' }).stdout ?? '')?.[1];
const hasReuseToml = Number(reuseVersion ?? 0) >= 4;

function planned(existing: string | null, globs: string[], request: Partial<HeaderRequest> = {}): string {
  const p = planReuseToml(existing === null ? null : Buffer.from(existing), globs, { ...REQUEST, ...request }, catalog);
  if (p.status !== 'changed') throw new Error(JSON.stringify(p));
  return p.bytes.toString();
}

/** What the scan's REUSE.toml detector reads from a text. */
function readBack(text: string) {
  const d = detector.detect(fileInput('REUSE.toml', text), testContext());
  expect(d.problems).toEqual([]);
  return d.annotations!.map((a) => ({ paths: a.paths, precedence: a.precedence, licenses: a.declarations.map((x) => x.expression), copyrights: a.copyrights.map((c) => c.text) }));
}

describe('REUSE.toml annotations', () => {
  it('writes a new REUSE.toml that the scan reads back', () => {
    const text = planned(null, ['**']);
    expect(text).toBe('version = 1\n\n[[annotations]]\npath = "**"\nSPDX-FileCopyrightText = "2026 Example Collective"\nSPDX-License-Identifier = "PPL"\n');
    expect(readBack(text)).toEqual([{ paths: ['**'], precedence: 'closest', licenses: ['PPL'], copyrights: ['2026 Example Collective'] }]);
  });

  // Found by fuzzing: an empty REUSE.toml (touch REUSE.toml) got a table and no version, which REUSE does not read.
  it('gives an empty REUSE.toml, or one of comments, its version with the table', () => {
    expect(planned('', ['**'])).toBe(planned(null, ['**']));
    const commented = planned('# Licensing of this repository\n', ['**']);
    expect(commented).toBe('# Licensing of this repository\n\nversion = 1\n\n[[annotations]]\npath = "**"\nSPDX-FileCopyrightText = "2026 Example Collective"\nSPDX-License-Identifier = "PPL"\n');
    expect(readBack(commented).map((a) => a.licenses)).toEqual([['PPL']]);
    // A file with its version keeps it once.
    expect(planned('version = 1\n', ['**'])).toBe(planned(null, ['**']));
  });

  it('puts a new table first, so existing tables keep their word; last with --replace', () => {
    const existing = '# Our REUSE file\nversion = 1\n\n[[annotations]]\npath = "img/**"\nSPDX-License-Identifier = "CC-BY-SA-4.0"\n';
    const first = planned(existing, ['src/**', 'docs/**']);
    expect(first).toBe('# Our REUSE file\nversion = 1\n\n[[annotations]]\npath = ["src/**", "docs/**"]\nSPDX-FileCopyrightText = "2026 Example Collective"\nSPDX-License-Identifier = "PPL"\n\n[[annotations]]\npath = "img/**"\nSPDX-License-Identifier = "CC-BY-SA-4.0"\n');
    expect(readBack(first).map((a) => a.licenses)).toEqual([['PPL'], ['CC-BY-SA-4.0']]);
    const last = planned(existing, ['**'], { replace: true });
    expect(last.startsWith(existing)).toBe(true);
    expect(readBack(last).map((a) => a.licenses)).toEqual([['CC-BY-SA-4.0'], ['PPL']]);
  });

  it('merges into a table with the same paths: new holder added, years merged, other keys kept', () => {
    const existing = 'version = 1\n\n[[annotations]]\npath = ["docs/**", "src/**"]\nprecedence = "aggregate"\nSPDX-FileCopyrightText = ["2024 Example Collective", "2025 Jo"]\nSPDX-License-Identifier = "PPL"\nSPDX-FileContributor = "Ann"\n\n# trailing comment\n';
    const text = planned(existing, ['src/**', 'docs/**'], { copyright: ['2026 Example Collective', '2026 Ann Other'] });
    expect(text).toBe('version = 1\n\n[[annotations]]\npath = ["docs/**", "src/**"]\nprecedence = "aggregate"\nSPDX-FileCopyrightText = ["2024, 2026 Example Collective", "2025 Jo", "2026 Ann Other"]\nSPDX-License-Identifier = "PPL"\nSPDX-FileContributor = "Ann"\n\n# trailing comment\n');
    expect(planReuseToml(Buffer.from(text), ['docs/**', 'src/**'], { ...REQUEST, copyright: ['2026 Ann Other'] }, catalog).status).toBe('already-done');
  });

  it('leaves a table with another license alone unless --replace', () => {
    const existing = 'version = 1\n[[annotations]]\npath = "**"\nSPDX-License-Identifier = "MIT"\n';
    expect(planReuseToml(Buffer.from(existing), ['**'], REQUEST, catalog)).toMatchObject({ status: 'conflict', problem: { code: 'license-differs' } });
    const replaced = planReuseToml(Buffer.from(existing), ['**'], { ...REQUEST, replace: true }, catalog);
    expect(replaced).toMatchObject({ status: 'changed', replaced: 'MIT' });
  });

  it('refuses a REUSE.toml it cannot edit safely', () => {
    expect(planReuseToml(Buffer.from('version = 1\n[[annotations]\n'), ['**'], REQUEST, catalog)).toMatchObject({ status: 'failed', problem: { code: 'malformed-reuse-toml' } });
    expect(planReuseToml(Buffer.from('version = 1\nannotations = [{ path = "a", SPDX-License-Identifier = "MIT" }]\n'), ['**'], REQUEST, catalog)).toMatchObject({ status: 'failed', problem: { code: 'reuse-toml-layout' } });
  });

  it.each([
    ['', true, '**'],
    ['src', true, 'src/**'],
    ['src/a.c', false, 'src/a.c'],
    ['odd/*star*.txt', false, 'odd/\\*star\\*.txt'],
  ])('the glob for %j is %j', (path, isDir, glob) => {
    expect(globFor(path, isDir)).toBe(glob);
  });

  it('writes TOML strings with escapes', () => {
    expect(tomlString('a "b" \\ c\u0001')).toBe('"a \\"b\\" \\\\ c\\u0001"');
  });

  it.skipIf(!hasReuseToml)('writes what reuse-tool (4.0 or later) accepts', () => {
    const root = makeTree({ 'a.c': 'int x;\n', 'odd*.txt': 'x\n', LICENSES: { 'PPL.txt': 'text\n' } });
    try {
      const text = planned(null, ['**']);
      const withOdd = planned(text, ['odd\\*.txt'], { replace: true });
      spawnSync('sh', ['-c', `cat > REUSE.toml`], { cwd: root, input: withOdd });
      const r = spawnSync(REUSE, ['lint'], { cwd: root, encoding: 'utf8' });
      // a.c and odd*.txt (REUSE.toml and LICENSES/ are no covered files).
      expect(r.stdout).toMatch(/Files with copyright information: 2 \/ 2/);
      expect(r.stdout).toMatch(/Files with license information: 2 \/ 2/);
      expect(r.status).toBe(0);
      expect(r.stderr).not.toMatch(/REUSE\.toml/);
    } finally {
      removeTree(root);
    }
  });
});
