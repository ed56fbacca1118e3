// The apply reporters (src/report/apply): pure renderers of an ApplyResult.
import { describe, expect, it } from 'vitest';
import type { ApplyResult, FileOutcome } from '../../src/apply/types.js';
import { APPLY_FORMATS } from '../../src/report/apply/index.js';

const file = (path: string, status: FileOutcome['status'], extra: Partial<FileOutcome> = {}): FileOutcome => ({
  path,
  status,
  method: status === 'sidecar' ? 'sidecar' : status === 'changed' ? 'header' : null,
  style: status === 'changed' ? 'python' : null,
  reason: null,
  replaced: null,
  license: null,
  verified: null,
  embed: null,
  ...extra,
});

const RESULT: ApplyResult = {
  schema: 1,
  tool: { name: 'farleft', version: '0.0.0' },
  root: '.',
  mode: 'header',
  dryRun: false,
  license: 'PPL',
  copyright: ['2026 Example Collective'],
  files: [
    file('a.py', 'changed', { license: 'PPL', verified: true }),
    file('b.png', 'sidecar', { license: 'PPL', verified: true }),
    file('c.js', 'conflict', { reason: 'license-differs' }),
    file('d.xyz', 'unknown', { reason: 'unknown-type' }),
    file('LICENSES/PPL.txt', 'skipped', { reason: 'not-covered' }),
  ],
  licenseTexts: [{ id: 'PPL', path: 'LICENSES/PPL.txt', status: 'written', source: 'spdx-license-list' }],
  reuseToml: null,
  summary: { files: 5, changed: 1, sidecar: 1, alreadyDone: 0, conflict: 1, unknown: 1, failed: 0, notVerified: 0, skipped: { gitignore: 2, 'not-covered': 1 } },
  problems: [
    { code: 'license-differs', severity: 'error', file: 'c.js', line: 1, message: 'c.js declares MIT (line 1), not PPL; it is left as it is', suggestion: 'Give --replace to replace MIT with PPL' },
    { code: 'license-alias', severity: 'note', file: null, line: null, message: 'read as PPL', suggestion: null },
  ],
};

describe('apply reporters', () => {
  it('renders JSON with schema 1, one file per line, the same bytes every time', () => {
    const text = [...APPLY_FORMATS.json.renderApply(RESULT)].join('');
    expect(JSON.parse(text)).toEqual(RESULT);
    expect(text).toContain('\n    {"path":"a.py","status":"changed"');
    expect([...APPLY_FORMATS.json.renderApply(RESULT)].join('')).toBe(text);
  });

  it('summarises counts, skips with their reasons, texts and problems with their fixes', () => {
    const text = APPLY_FORMATS.text.renderApply(RESULT, { color: 0, verbose: false });
    expect(text).toMatch(/^farleft apply — PPL, © 2026 Example Collective \(root \., headers\)\n/);
    expect(text).toMatch(/ {2}changed {12}1 {2}given a header\n/);
    expect(text).toMatch(/ {2}sidecar {12}1 {2}given a \.license file\n/);
    expect(text).toMatch(/ {2}conflict {11}1 {2}declare something else; left alone\n/);
    expect(text).toMatch(/ {2}unknown type {7}1/);
    expect(text).toMatch(/ {2}skipped {12}3 {2}ignored by \.gitignore 2, not covered by REUSE \(license texts, sidecars, REUSE\.toml\) 1\n/);
    expect(text).toMatch(/LICENSES\/PPL\.txt: written \(from spdx-license-list\)/);
    expect(text).toMatch(/Problems: 1 error, 0 warnings, 1 note \(--verbose shows them\)\n {2}error {3}c\.js:1 {2}c\.js declares MIT .* \[license-differs\]\n {10}fix: Give --replace/);
    expect(APPLY_FORMATS.text.renderApply(RESULT, { color: 0, verbose: true })).toMatch(/note {4}read as PPL/);
    const embedded = { ...RESULT, files: [...RESULT.files, file('p.jpg', 'sidecar', { embed: { status: 'written', format: 'jpeg' } })] };
    expect(APPLY_FORMATS.text.renderApply(embedded, { color: 0, verbose: false })).toMatch(/ {2}embedded {11}1 {2}given license metadata inside the file \(--embed\)/);
    // --embed --no-sidecar: a file given metadata alone is changed, but given no header.
    const metadataOnly = { ...RESULT, files: [...RESULT.files, file('q.jpg', 'changed', { method: 'embed', style: null, embed: { status: 'written', format: 'jpeg' } })], summary: { ...RESULT.summary, files: 6, changed: 2 } };
    const text2 = APPLY_FORMATS.text.renderApply(metadataOnly, { color: 0, verbose: false });
    expect(text2).toMatch(/ {2}changed {12}1 {2}given a header\n/);
    expect(text2).toMatch(/ {2}embedded {11}1 {2}given license metadata inside the file \(--embed\)/);
  });

  it('says "would be" in a dry run, and renders the diffs in order', () => {
    const dry: ApplyResult = {
      ...RESULT,
      dryRun: true,
      files: [file('a.py', 'changed', { diff: '--- a/a.py\n' }), file('b.png', 'sidecar', { diff: '--- /dev/null\n' })],
      licenseTexts: [{ ...RESULT.licenseTexts[0]!, diff: '--- /dev/null\n+++ b/LICENSES/PPL.txt\n' }],
    };
    expect(APPLY_FORMATS.text.renderApply(dry, { color: 0, verbose: false })).toMatch(/would be given a header/);
    expect(Buffer.concat([...APPLY_FORMATS.text.renderDiff(dry)]).toString()).toBe('--- /dev/null\n+++ b/LICENSES/PPL.txt\n--- a/a.py\n--- /dev/null\n');
    const latin1: ApplyResult = { ...dry, licenseTexts: [], files: [file('l.py', 'changed', { diff: '+caf\u00e9\n', diffEncoding: 'latin1' }), file('u.py', 'changed', { diff: '+caf\u00e9\n' })] };
    expect(Buffer.concat([...APPLY_FORMATS.text.renderDiff(latin1)])).toEqual(Buffer.from([0x2b, 0x63, 0x61, 0x66, 0xe9, 0x0a, 0x2b, 0x63, 0x61, 0x66, 0xc3, 0xa9, 0x0a]));
  });
});
