// Project mode: the outbound license against every component, grouped by verdict; files
// from a scan and packages from another source go through the same path.
import { describe, expect, it } from 'vitest';
import { evaluateProject, type CompatItem } from '../../src/compat/index.js';
import { itemsFromScan } from '../../src/compat/project.js';
import type { FileReport, ScanResult } from '../../src/types.js';
import { testCatalog } from '../helpers.js';

const catalog = testCatalog();
const file = (name: string, license: string): CompatItem => ({ kind: 'file', name, license });

describe('evaluateProject', () => {
  const items = [file('src/b.py', 'PPL'), file('src/a.py', 'PPL'), file('vendor/pad.js', 'MIT'), file('vendor/rl.c', 'GPL-3.0-only'), file('blob.js', 'LicenseRef-EULA')];
  const result = evaluateProject({ root: 'proj', outbound: 'PPL', outboundSource: 'config', items, unlicensed: ['z.md', 'notes.md'] }, { catalog, context: 'bundle', licensee: null });

  it('groups by license and verdict: incompatible first, then review, then compatible', () => {
    expect(result.groups.map((g) => [g.verdict.verdict, g.license, g.components.map((c) => c.name)])).toEqual([
      ['incompatible', 'GPL-3.0-only', ['vendor/rl.c']],
      ['review', 'LicenseRef-EULA', ['blob.js']],
      ['compatible', 'MIT', ['vendor/pad.js']],
      ['compatible', 'PPL', ['src/a.py', 'src/b.py']],
    ]);
  });
  it('counts components, takes the worst verdict, and sorts what was not evaluated', () => {
    expect(result.verdict).toBe('incompatible');
    expect(result.summary).toEqual({ components: 5, compatible: 3, review: 1, incompatible: 1, unlicensed: 2 });
    expect(result.unlicensed).toEqual(['notes.md', 'z.md']);
    expect(result.outbound).toBe('PPL');
  });
  it('review only: the project verdict is review', () => {
    const r = evaluateProject({ root: '.', outbound: 'MIT', outboundSource: 'declared', items: [file('a', 'MIT'), file('b', 'NOASSERTION')] }, { catalog, context: 'bundle', licensee: null });
    expect(r.verdict).toBe('review');
  });
  it('nothing to check: compatible', () => {
    expect(evaluateProject({ root: '.', outbound: 'MIT', outboundSource: 'declared', items: [] }, { catalog, context: 'bundle', licensee: null }).verdict).toBe('compatible');
  });
  it('takes packages beside files (what `farleft deps` will add), with per-package policy exceptions', () => {
    const r = evaluateProject(
      {
        root: '.',
        outbound: 'MIT',
        outboundSource: 'option',
        items: [file('src/x.js', 'MIT'), { kind: 'package', name: 'readline@8.2', package: 'readline', license: 'GPL-3.0-only' }, { kind: 'package', name: 'gpl-tool@1.0', package: 'gpl-tool', license: 'GPL-3.0-only' }],
      },
      { catalog, context: 'link', licensee: null, policy: { exceptions: [{ package: 'gpl-tool', license: 'GPL-3.0-only', reason: 'dev only' }] } },
    );
    expect(r.groups.map((g) => [g.verdict.verdict, g.components])).toEqual([
      ['incompatible', [{ kind: 'package', name: 'readline@8.2' }]],
      ['compatible', [{ kind: 'package', name: 'gpl-tool@1.0' }]],
      ['compatible', [{ kind: 'file', name: 'src/x.js' }]],
    ]);
  });
  it('a component may say how it is used (a linked dependency in a bundled project)', () => {
    const r = evaluateProject(
      { root: '.', outbound: 'MIT', outboundSource: 'config', items: [file('vendor/l.c', 'LGPL-2.1-only'), { kind: 'package', name: 'libfoo@1', license: 'LGPL-2.1-only', context: 'link' }] },
      { catalog, context: 'bundle', licensee: null },
    );
    expect(r.groups.map((g) => [g.verdict.context, g.verdict.verdict, g.components[0]!.name])).toEqual([
      ['bundle', 'incompatible', 'vendor/l.c'],
      ['link', 'compatible', 'libfoo@1'],
    ]);
  });
  it('a per-path exception splits a license group only where it applies', () => {
    const r = evaluateProject(
      { root: '.', outbound: 'MIT', outboundSource: 'config', items: [file('tools/a.c', 'GPL-3.0-only'), file('tools/b.c', 'GPL-3.0-only'), file('src/c.c', 'GPL-3.0-only')] },
      { catalog, context: 'bundle', licensee: null, policy: { exceptions: [{ path: 'tools/', license: 'GPL-3.0-only', reason: 'build tools' }] } },
    );
    expect(r.groups.map((g) => [g.verdict.verdict, g.components.map((c) => c.name)])).toEqual([
      ['incompatible', ['src/c.c']],
      ['compatible', ['tools/a.c', 'tools/b.c']],
    ]);
  });
  it('evaluates each license once, however many files carry it', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => file(`f${i}.js`, i % 2 ? 'MIT' : 'Apache-2.0'));
    const r = evaluateProject({ root: '.', outbound: 'MIT', outboundSource: 'config', items: many }, { catalog, context: 'bundle', licensee: null });
    expect(r.groups).toHaveLength(2);
  });
});

describe('itemsFromScan', () => {
  const report = (path: string, license: string | null, covered = true): FileReport => ({ path, kind: 'text', covered, declarations: [], copyright: [], license });
  it('takes covered files: with a license as items, without one as unlicensed; license texts are not components', () => {
    const scan = { files: [report('LICENSE', 'MIT', false), report('a.js', 'MIT'), report('b.md', null), report('LICENSES/GPL-3.0-only.txt', 'GPL-3.0-only', false)] } as unknown as ScanResult;
    expect(itemsFromScan(scan)).toEqual({ items: [file('a.js', 'MIT')], unlicensed: ['b.md'] });
  });
});
