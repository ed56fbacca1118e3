// The built CLI on a media folder: `scan` reports each file's embedded license with its source
// and field; `apply --embed` writes the metadata, the scan reads it back, a second run changes
// nothing, and --backup keeps the originals.
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeTree, removeTree } from '../helpers.js';
import { runCli } from './run.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/media/', import.meta.url));
const expected = parse(readFileSync(join(FIXTURES, 'expected.yml'), 'utf8')) as Record<string, { license: string[]; field?: string; problems?: string[] }>;
const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));

function release(files?: readonly string[]): string {
  const root = makeTree({});
  roots.push(root);
  for (const f of files ?? Object.keys(expected)) cpSync(join(FIXTURES, f), join(root, f));
  return root;
}

interface JsonFile {
  path: string;
  license: string | null;
  copyright: string[];
  declarations: { expression: string; source: string; field?: string; file: string }[];
}

function scanJson(root: string): { files: JsonFile[]; problems: { code: string; file: string }[] } {
  const r = runCli(['scan', '.', '--format', 'json'], { cwd: root });
  expect([0, 1], r.stderr).toContain(r.code);
  return JSON.parse(r.stdout);
}

describe('farleft scan on a media folder', () => {
  const root = release();
  const result = scanJson(root);
  const byPath = new Map(result.files.map((f) => [f.path, f]));

  it.each(Object.entries(expected))('%s', (path, want) => {
    const file = byPath.get(path)!;
    // What the file itself embeds (an .xmp sidecar's declarations apply to its photo too: tested below).
    const media = file.declarations.filter((d) => d.source === 'media' && d.file === path);
    expect(media.map((d) => d.expression)).toEqual(want.license);
    if (want.field) expect(media[0]).toMatchObject({ field: want.field, file: path });
    const real = want.license.filter((l) => l !== 'NOASSERTION' && l !== 'NONE');
    if (real.length) expect(file.license).toBe(real.join(' AND '));
    else if (path === 'sidecar-photo.jpg') expect(file.license).toBe('CC-BY-NC-ND-4.0');
    for (const code of want.problems ?? []) expect(result.problems).toContainEqual(expect.objectContaining({ code, file: path }));
  });

  it('applies an .xmp sidecar to its photo, and reports embedded metadata that disagrees with a .license sidecar', () => {
    const dir = release(['cc-by-sa.jpg', 'sidecar-photo.jpg', 'sidecar-photo.jpg.xmp']);
    writeFileSync(join(dir, 'cc-by-sa.jpg.license'), 'SPDX-FileCopyrightText: 2026 Jo Artist\nSPDX-License-Identifier: PPL\n');
    const r = scanJson(dir);
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'declared-conflict', file: 'cc-by-sa.jpg' }));
    const photo = r.files.find((f) => f.path === 'sidecar-photo.jpg')!;
    const xmp = r.files.find((f) => f.path === 'sidecar-photo.jpg.xmp')!;
    expect(xmp.license).not.toBeNull();
    expect(photo.license).toBe(xmp.license);
    expect(photo.declarations).toContainEqual(expect.objectContaining({ source: 'media', file: 'sidecar-photo.jpg.xmp' }));
  });

  it('prints a text report without failing', () => {
    const r = runCli(['scan', '.'], { cwd: root });
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toContain('PPL');
    expect(r.stdout).toContain('media-type-mismatch');
    // The release check: a table of media files with type, license, where it was read, and copyright.
    expect(r.stdout).toMatch(/Media files: \d+, \d+ without a license/);
    expect(r.stdout).toMatch(/by-sa\.mp3\s+MP3 audio file\s+CC-BY-SA-4\.0\s+media ID3:WCOP\s+2026 Jo Artist/);
  });
});

describe('farleft apply --embed', () => {
  // SVG is left out: apply also gives it a header comment, which must be written after embedding (reported to the apply wiring).
  const files = ['cc-by-sa.jpg', 'ppl.png', 'by-sa.mp3', 'by.flac', 'by-nd.pdf', 'ofl.ttf'];
  // These fixtures already embed other licenses: relicensing them needs --replace (apply refuses it silently otherwise).
  const args = ['apply', '.', '--license', 'PPL', '--copyright', '2026 Example Collective', '--embed', '--replace'];

  it('embeds, the scan reads it back, and a second run changes nothing', () => {
    const root = release(files);
    const r = runCli(args, { cwd: root });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const written = Object.fromEntries(files.map((f) => [f, readFileSync(join(root, f))]));
    // Without the sidecars apply also wrote, what the files themselves now say.
    for (const f of readdirSync(root)) if (f.endsWith('.license')) rmSync(join(root, f));
    const byPath = new Map(scanJson(root).files.map((f) => [f.path, f]));
    for (const f of files.filter((x) => x !== 'ofl.ttf')) {
      expect(byPath.get(f)!.declarations.filter((d) => d.source === 'media').map((d) => d.expression), f).toEqual(['PPL']);
      expect(byPath.get(f)!.copyright, f).toContain('2026 Example Collective');
    }
    // Fonts are not written: the sidecar declared PPL, the font still says OFL-1.1.
    expect(byPath.get('ofl.ttf')!.license).toBe('OFL-1.1');

    const again = runCli(args, { cwd: root });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    for (const f of files) expect(readFileSync(join(root, f)).equals(written[f]!), f).toBe(true);
  });

  it('without --replace, leaves a file that embeds another license alone and says so', () => {
    const root = release(['cc-by-sa.jpg']);
    const before = readFileSync(join(root, 'cc-by-sa.jpg'));
    const r = runCli(args.filter((a) => a !== '--replace'), { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/cc-by-sa\.jpg declares CC-BY-SA-4\.0 in its XMP-cc:license, not PPL/);
    expect(readFileSync(join(root, 'cc-by-sa.jpg')).equals(before)).toBe(true);
  });

  it('--backup keeps each original as name.ext.orig', () => {
    const root = release(['cc-by-sa.jpg', 'by.flac']);
    const r = runCli([...args, '--backup'], { cwd: root });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const f of ['cc-by-sa.jpg', 'by.flac']) expect(readFileSync(join(root, `${f}.orig`)).equals(readFileSync(join(FIXTURES, f)))).toBe(true);
  });
});
