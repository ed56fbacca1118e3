// Embedded media licenses against .license sidecars, REUSE.toml and .xmp sidecars, on real
// files detected by the real detectors.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { detectAll } from '../../src/detect/run.js';
import { resolveFiles } from '../../src/project/index.js';
import { findMediaConflicts, withXmpSidecar, xmpSidecarOf } from '../../src/project/media-conflicts.js';
import { compileAnnotations } from '../../src/project/reuse-glob.js';
import { makeTree, removeTree, testCatalog, type Tree } from '../helpers.js';

const fixture = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`../../fixtures/media/${name}`, import.meta.url)));
const catalog = testCatalog();
const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));

async function conflictsIn(tree: Tree) {
  const root = makeTree(tree);
  roots.push(root);
  const paths = Object.keys(tree).sort();
  const { facts } = await detectAll(root, paths, catalog, { minConfidence: 0.9 });
  const byPath = new Map(facts.map((f) => [f.path, f]));
  const index = compileAnnotations(facts.flatMap((f) => f.detection.annotations ?? []));
  const problems = facts.flatMap((f) => {
    const xmp = xmpSidecarOf(f.path, (p) => byPath.has(p));
    return findMediaConflicts(f, byPath.get(`${f.path}.license`), index, catalog, xmp ? byPath.get(xmp) : undefined);
  });
  return { facts, byPath, problems };
}

const sidecar = (id: string) => `SPDX-FileCopyrightText: 2026 Jo Artist\nSPDX-License-Identifier: ${id}\n`;
const toml = (glob: string, id: string, precedence = 'closest') =>
  `version = 1\n\n[[annotations]]\npath = "${glob}"\nprecedence = "${precedence}"\nSPDX-FileCopyrightText = "2026 Jo Artist"\nSPDX-License-Identifier = "${id}"\n`;

describe('findMediaConflicts', () => {
  it('an embedded license that disagrees with the .license sidecar is an error on the media file', async () => {
    const { problems } = await conflictsIn({ 'photo.jpg': fixture('cc-by-sa.jpg'), 'photo.jpg.license': sidecar('PPL') });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'declared-conflict', severity: 'error', file: 'photo.jpg', message: expect.stringMatching(/XMP-cc:license\) says CC-BY-SA-4\.0, but photo\.jpg\.license says PPL/) }),
    ]);
  });

  it('agreement is no conflict, and -only / -or-later of one license agree', async () => {
    expect((await conflictsIn({ 'photo.jpg': fixture('cc-by-sa.jpg'), 'photo.jpg.license': sidecar('CC-BY-SA-4.0') })).problems).toEqual([]);
    expect((await conflictsIn({ 'a.jpg': fixture('cc-by-sa.jpg'), 'a.jpg.license': sidecar('CC-BY-SA-4.0 OR PPL') })).problems).toEqual([]);
  });

  it.each(['closest', 'aggregate', 'override'])('a REUSE.toml annotation (%s) that disagrees is an error citing the table', async (precedence) => {
    const { problems } = await conflictsIn({ 'album/track.mp3': fixture('by-sa.mp3'), 'REUSE.toml': toml('album/**', 'PPL', precedence) });
    expect(problems).toEqual([expect.objectContaining({ file: 'album/track.mp3', severity: 'error', message: expect.stringContaining('REUSE.toml:3 says PPL') })]);
  });

  it('"All rights reserved" embedded against a license in REUSE.toml is a conflict', async () => {
    const { problems } = await conflictsIn({ 'a.jpg': fixture('all-rights-reserved.jpg'), 'REUSE.toml': toml('*.jpg', 'CC-BY-4.0') });
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('says NONE')]);
  });

  it("an SVG whose SPDX comment and <metadata> disagree is a conflict", async () => {
    const svg = readFileSync(fileURLToPath(new URL('../../fixtures/media/inkscape.svg', import.meta.url)), 'utf8').replace('<svg ', '<!-- SPDX-License-Identifier: PPL -->\n<svg ');
    const { problems } = await conflictsIn({ 'art.svg': svg });
    expect(problems).toEqual([expect.objectContaining({ file: 'art.svg', severity: 'error', message: expect.stringMatching(/says CC-BY-SA-3\.0-DE, but its SPDX tag \(line 2\) says PPL/) })]);
  });

  it('NOASSERTION and files without metadata state nothing to disagree with', async () => {
    const { problems } = await conflictsIn({ 'a.jpg': fixture('unknown-license.jpg'), 'b.jpg': fixture('plain.jpg'), 'REUSE.toml': toml('*.jpg', 'PPL') });
    expect(problems).toEqual([]);
  });

  it('an .xmp sidecar speaks for its photo: against a .license sidecar, and against what the photo embeds', async () => {
    const xmp = fixture('sidecar-photo.jpg.xmp'); // CC-BY-NC-ND-4.0
    const a = await conflictsIn({ 'p.jpg': fixture('plain.jpg'), 'p.jpg.xmp': xmp, 'p.jpg.license': sidecar('PPL') });
    expect(a.problems).toEqual([expect.objectContaining({ file: 'p.jpg', message: expect.stringContaining('p.jpg.xmp (XMP-cc:license) says CC-BY-NC-ND-4.0') })]);
    const b = await conflictsIn({ 'q.jpg': fixture('cc-by-sa.jpg'), 'q.xmp': xmp });
    expect(b.problems).toEqual([expect.objectContaining({ file: 'q.jpg', severity: 'warning', message: expect.stringContaining('but q.xmp says CC-BY-NC-ND-4.0') })]);
  });
});

describe('.xmp sidecars', () => {
  it.each([
    ['a/p.jpg', ['a/p.jpg.xmp', 'a/p.xmp'], 'a/p.jpg.xmp'],
    ['a/p.jpg', ['a/p.xmp'], 'a/p.xmp'],
    ['a/p.jpg', ['p.jpg.xmp'], null],
    ['a/notes.txt', ['a/notes.txt.xmp'], null],
    ['a/p.xmp', ['a/p.xmp.xmp'], null],
  ])('%s with %j -> %s', (path, present, want) => {
    expect(xmpSidecarOf(path, (p) => present.includes(p))).toBe(want);
  });

  it('lend their declarations to a photo that embeds none', async () => {
    const { byPath } = await conflictsIn({ 'p.jpg': fixture('plain.jpg'), 'p.jpg.xmp': fixture('sidecar-photo.jpg.xmp') });
    const own = withXmpSidecar({ declarations: [], copyrights: [] }, byPath.get('p.jpg.xmp'));
    expect(own.declarations.map((d) => [d.expression, d.file])).toEqual([['CC-BY-NC-ND-4.0', 'p.jpg.xmp']]);
    expect(own.copyrights.map((c) => c.text)).toEqual(['2026 Jo Artist']);
  });
});

describe('embedded metadata beside REUSE information', () => {
  const licenseOf = async (tree: Tree, path: string) => {
    const { facts } = await conflictsIn(tree);
    const index = compileAnnotations(facts.flatMap((f) => f.detection.annotations ?? []));
    const report = resolveFiles(facts, index, catalog).reports.find((r) => r.path === path)!;
    return { license: report.license, sources: report.declarations.map((d) => `${d.source}:${d.expression}`) };
  };

  it('licenses the file where REUSE says nothing', async () => {
    expect(await licenseOf({ 'photo.jpg': fixture('cc-by-sa.jpg') }, 'photo.jpg')).toEqual({ license: 'CC-BY-SA-4.0', sources: ['media:CC-BY-SA-4.0'] });
  });

  it.each(['closest', 'aggregate'])('yields to a REUSE.toml table (%s), and is still listed: REUSE reads no metadata', async (precedence) => {
    const r = await licenseOf({ 'photo.jpg': fixture('cc-by-sa.jpg'), 'REUSE.toml': toml('*.jpg', 'CC0-1.0', precedence) }, 'photo.jpg');
    expect(r).toEqual({ license: 'CC0-1.0', sources: ['reuse-toml:CC0-1.0', 'media:CC-BY-SA-4.0'] });
  });

  it('yields to .reuse/dep5', async () => {
    const dep5 = 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *.jpg\nCopyright: 2026 Jo Artist\nLicense: CC0-1.0\n';
    const r = await licenseOf({ 'photo.jpg': fixture('cc-by-sa.jpg'), '.reuse/dep5': dep5 }, 'photo.jpg');
    expect(r.license).toBe('CC0-1.0');
  });
});
