// How apply wires --embed, --backup and --no-sidecar to the media helper's contract
// (src/apply/embed/index.ts), with that module replaced by a stand-in whose answers the
// tests choose: its real implementation is tested with it.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EmbedRequest, EmbedResult } from '../../src/apply/embed/index.js';
import { makeTree, removeTree } from '../helpers.js';
import { applyTo } from './helpers.js';

const calls: EmbedRequest[] = [];
let answer: EmbedResult = { status: 'unsupported', message: 'not yet' };
vi.mock('../../src/apply/embed/index.js', () => ({
  canEmbed: (path: string) => path.endsWith('.jpg'),
  embedMetadata: async (request: EmbedRequest) => {
    calls.push(request);
    return answer;
  },
}));

const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const project = (): string => {
  const root = makeTree({ 'photo.jpg': JPEG, 'song.mp3': new Uint8Array([0x49, 0x44, 0x33, 0]) });
  roots.push(root);
  return root;
};

describe('--embed', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('asks the media helper for the files it can embed into, reports its answer, and still writes the sidecar', async () => {
    answer = { status: 'unsupported', message: 'photo.jpg: embedding metadata is not available yet' };
    const root = project();
    const r = await applyTo(root, { embed: true, backup: true });
    expect(calls).toEqual([{ abs: join(root, 'photo.jpg'), path: 'photo.jpg', expression: 'PPL', copyright: ['2026 Example Collective'], backup: true, dryRun: false }]);
    expect(r.files.map((f) => [f.path, f.status, f.embed?.status ?? null])).toEqual([
      ['photo.jpg', 'sidecar', 'unsupported'],
      ['song.mp3', 'sidecar', null],
    ]);
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['embed-unsupported', 'note']]);
    expect(existsSync(join(root, 'photo.jpg.license'))).toBe(true);
  });

  it('with --no-sidecar: embedded metadata alone, and a file that cannot carry it is not done', async () => {
    answer = { status: 'written', format: 'jpeg' };
    const root = project();
    const r = await applyTo(root, { embed: true, writeSidecars: false });
    expect(r.files.map((f) => [f.path, f.status, f.method])).toEqual([
      ['photo.jpg', 'changed', 'embed'],
      ['song.mp3', 'skipped', null],
    ]);
    expect(existsSync(join(root, 'photo.jpg.license'))).toBe(false);
    answer = { status: 'failed', message: 'photo.jpg: broken segment' };
    const failed = await applyTo(root, { embed: true, writeSidecars: false });
    expect(failed.files.find((f) => f.path === 'photo.jpg')).toMatchObject({ status: 'failed', reason: 'embed-failed' });
    expect(failed.problems[0]).toMatchObject({ code: 'embed-failed', severity: 'error', message: 'photo.jpg: broken segment' });
  });

  it('does not embed over metadata that names another license, unless --replace', async () => {
    answer = { status: 'written', format: 'jpeg' };
    const root = makeTree({});
    roots.push(root);
    cpSync(join(process.cwd(), 'fixtures', 'media', 'cc-by-sa.jpg'), join(root, 'photo.jpg'));
    const r = await applyTo(root, { embed: true });
    expect(calls).toEqual([]);
    expect(r.files.find((f) => f.path === 'photo.jpg')).toMatchObject({ status: 'conflict', reason: 'license-differs' });
    await applyTo(root, { embed: true, replace: true });
    expect(calls.map((c) => c.path)).toEqual(['photo.jpg']);
  });

  it('with --no-sidecar, says why a file whose metadata names another license was left alone', async () => {
    const root = makeTree({});
    roots.push(root);
    cpSync(join(process.cwd(), 'fixtures', 'media', 'cc-by-sa.jpg'), join(root, 'photo.jpg'));
    const r = await applyTo(root, { embed: true, writeSidecars: false });
    expect(calls).toEqual([]);
    expect(r.files.find((f) => f.path === 'photo.jpg')).toMatchObject({ status: 'skipped' });
    expect(r.problems).toEqual([expect.objectContaining({ code: 'embed-skipped', severity: 'warning', file: 'photo.jpg', message: expect.stringContaining('says CC-BY-SA-4.0') })]);
  });

  it('passes --dry-run on, and is not asked without --embed', async () => {
    answer = { status: 'unchanged' };
    const root = project();
    await applyTo(root, { embed: true, dryRun: true });
    expect(calls.map((c) => c.dryRun)).toEqual([true]);
    expect(existsSync(join(root, 'photo.jpg.license'))).toBe(false);
    calls.length = 0;
    await applyTo(root);
    expect(calls).toEqual([]);
    expect(readFileSync(join(root, 'photo.jpg.license'), 'utf8')).toMatch(/PPL/);
  });
});
