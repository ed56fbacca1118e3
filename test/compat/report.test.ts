// The compat reporters (src/report/compat): pure renderers over verdicts, matrices and projects.
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/cli/compat.js';
import { evaluateMatrix, evaluateProject, type CompatItem } from '../../src/compat/index.js';
import { COMPAT_FORMATS } from '../../src/report/compat/index.js';
import { testCatalog } from '../helpers.js';
import { verdict } from './helpers.js';

const catalog = testCatalog();
const { text, json, markdown } = COMPAT_FORMATS;
const ESC = String.fromCharCode(27);

describe('formats', () => {
  it('the CLI offers exactly the formats the reporter map has', () => {
    expect([...FORMATS].sort()).toEqual(Object.keys(COMPAT_FORMATS).sort());
  });
});

describe('one verdict', () => {
  const v = verdict('MIT', 'GPL-3.0-only');
  it('json: DESIGN.md schema 1, keys in order, the same bytes every time', () => {
    const out = json.renderVerdict(v);
    const doc = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['schema', 'outbound', 'inbound', 'context', 'licensee', 'verdict', 'reasons', 'conditions', 'explanation', 'choose']);
    expect(doc).toMatchObject({ schema: 1, outbound: 'MIT', inbound: 'GPL-3.0-only', context: 'bundle', licensee: null, verdict: 'incompatible', choose: null });
    expect(json.renderVerdict(verdict('MIT', 'GPL-3.0-only'))).toBe(out);
  });
  it('text: the verdict line, the clauses, the plain words; conditions only when there are some', () => {
    const out = text.renderVerdict(v, { color: 0 });
    expect(out.split('\n')[0]).toBe('✗ incompatible  MIT ← GPL-3.0-only');
    expect(out).toMatch(/Why\n  • GPL-3\.0-only §5\(c\): a work that contains it/);
    expect(out).not.toMatch(/Conditions/);
    expect(out).toMatch(/In plain words\n  No: a work under MIT may not include/);
    expect(out).not.toContain(ESC);
    const ok = text.renderVerdict(verdict('PPL', 'MIT'), { color: 1 });
    expect(ok).toContain(ESC);
    expect(ok).toMatch(/Conditions[^\n]*\n {2}• Keep MIT's copyright/);
  });
  it('text: lines stay within the width, long words aside', () => {
    for (const line of text.renderVerdict(verdict('GPL-3.0-only', 'PPL'), { color: 0 }).split('\n')) expect(line.length).toBeLessThanOrEqual(88);
  });
  it('text and markdown name the choice', () => {
    expect(text.renderVerdict(verdict('GPL-3.0-only', 'GPL-2.0-or-later'), { color: 0 })).toMatch(/take it under: GPL-3\.0-only/);
    expect(markdown.renderVerdict(verdict('MIT', 'MIT OR GPL-2.0-only'))).toMatch(/take it under `MIT`/);
  });
  it('markdown: a heading, the explanation and a table of clauses', () => {
    const out = markdown.renderVerdict(v);
    expect(out).toMatch(/^### ✗ incompatible: `MIT` ← `GPL-3\.0-only`/);
    expect(out).toMatch(/\| `GPL-3\.0-only` \| §5\(c\) \| a work that contains it/);
  });
});

describe('a matrix', () => {
  const ids = ['PPL', 'MIT', 'GPL-3.0-only'];
  const m = evaluateMatrix(ids, { catalog, context: 'bundle', licensee: null });
  it('json: schema 1 with one cell per pair, row by row', () => {
    const doc = JSON.parse(json.renderMatrix(m)) as { schema: number; context: string; cells: { outbound: string; inbound: string }[] };
    expect(doc.schema).toBe(1);
    expect(doc.context).toBe('bundle');
    expect(doc.cells.map((c) => `${c.outbound}<-${c.inbound}`)).toEqual(ids.flatMap((a) => ids.map((b) => `${a}<-${b}`)));
  });
  it('text: a numbered grid with a legend', () => {
    const lines = text.renderMatrix(m, { color: 0 }).split('\n');
    expect(lines.find((l) => l.startsWith(' 1 PPL'))).toMatch(/ 1 PPL\s+✓  ✓  ✗$/);
    expect(lines.find((l) => l.startsWith(' 2 MIT'))).toMatch(/✗  ✓  ✗$/);
    expect(lines.join('\n')).toMatch(/✓ compatible.*✗ incompatible.*\? review/);
  });
  it('markdown: a table to paste in a README, one row per license', () => {
    const rows = markdown.renderMatrix(m).split('\n').filter((l) => l.startsWith('|'));
    expect(rows[0]).toBe('| work ↓ · component → | `PPL` | `MIT` | `GPL-3.0-only` |');
    expect(rows[1]).toBe('|---|:-:|:-:|:-:|');
    expect(rows.slice(2)).toEqual(['| `PPL` | ✓ | ✓ | ✗ |', '| `MIT` | ✗ | ✓ | ✗ |', '| `GPL-3.0-only` | ✗ | ✓ | ✓ |']);
  });
});

describe('a project', () => {
  const items: CompatItem[] = [
    { kind: 'file', name: 'a.py', license: 'PPL' },
    { kind: 'file', name: 'v/rl.c', license: 'GPL-3.0-only' },
    ...Array.from({ length: 25 }, (_, i): CompatItem => ({ kind: 'file', name: `x/${String(i).padStart(2, '0')}.c`, license: 'AGPL-3.0-only' })),
  ];
  const p = evaluateProject({ root: 'proj', outbound: 'PPL', outboundSource: 'config', items, unlicensed: ['n.md'] }, { catalog, context: 'bundle', licensee: null });
  it('text: groups by verdict, with the first reason and the files, cut at 20 unless verbose', () => {
    const out = text.renderProject(p, { color: 0 });
    expect(out).toMatch(/✗ incompatible {2}26 incompatible, 0 to review, 1 compatible \(of 27 components\)/);
    expect(out).toMatch(/✗ Incompatible \(26\)\n {2}AGPL-3\.0-only {2}25 components\n {4}AGPL-3\.0-only §5\(c\)/);
    expect(out).toMatch(/… and 5 more/);
    expect(text.renderProject(p, { color: 0, verbose: true })).toMatch(/x\/24\.c/);
    expect(out).toMatch(/Without a license: 1 file/);
  });
  it('json: schema 1, the groups with full verdicts', () => {
    const doc = JSON.parse(json.renderProject(p)) as { schema: number; verdict: string; groups: { license: string; verdict: { verdict: string }; components: unknown[] }[]; unlicensed: string[] };
    expect(doc.schema).toBe(1);
    expect(doc.verdict).toBe('incompatible');
    expect(doc.groups.map((g) => [g.license, g.verdict.verdict, g.components.length])).toEqual([
      ['AGPL-3.0-only', 'incompatible', 25],
      ['GPL-3.0-only', 'incompatible', 1],
      ['PPL', 'compatible', 1],
    ]);
    expect(doc.unlicensed).toEqual(['n.md']);
  });
  it('markdown: one row per group', () => {
    expect(markdown.renderProject(p).split('\n').filter((l) => l.startsWith('| ✗') || l.startsWith('| ✓'))).toHaveLength(3);
  });
});
