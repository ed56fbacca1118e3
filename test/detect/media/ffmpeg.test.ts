// Files tagged as ffmpeg's users tag them (`-metadata license=… -metadata copyright=…`), in every format
// ffmpeg writes that farleft reads: what each container keeps of the two, and that the scan finds it.
// Skipped where ffmpeg is not installed (the committed fixtures in fixtures/media cover the readers).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectMedia } from '../../../src/detect/media/index.js';
import { readFileInput } from '../../../src/walk/read.js';
import { have, makeTree, removeTree, testCatalog } from '../../helpers.js';

const catalog = testCatalog();
const root = makeTree({});
afterAll(() => removeTree(root));

const LICENSE = 'https://creativecommons.org/licenses/by/4.0/';
const NOTICE = '2026 Jo Artist';
const META = ['-metadata', `license=${LICENSE}`, '-metadata', `copyright=${NOTICE}`];
const VIDEO = ['-f', 'lavfi', '-i', 'testsrc=duration=0.4:size=32x24:rate=5'];
const AUDIO = ['-f', 'lavfi', '-i', 'sine=duration=0.4'];

function scanned(name: string) {
  const d = detectMedia(readFileInput(join(root, name), name), catalog);
  return { licenses: d.declarations.map((x) => x.expression), fields: d.declarations.map((x) => x.field), copyrights: d.copyrights.map((c) => c.text), problems: d.problems.map((p) => p.code) };
}

function ffmpeg(name: string, args: readonly string[]): void {
  const r = spawnSync('ffmpeg', ['-v', 'error', '-y', ...args, ...META, join(root, name)], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

describe.skipIf(!have('ffmpeg'))('files ffmpeg writes', () => {
  // [file, input and codec, the field the license is read from (null: ffmpeg keeps no license there)]
  const cases: [string, string[], string | null][] = [
    ['a.mp3', AUDIO, 'ID3:TXXX:LICENSE'],
    ['a.flac', AUDIO, 'Vorbis:LICENSE'],
    ['a.ogg', [...AUDIO, '-c:a', 'libvorbis'], 'Vorbis:LICENSE'],
    ['a.opus', AUDIO, 'Vorbis:LICENSE'],
    ['a.mka', [...AUDIO, '-c:a', 'flac'], 'Matroska:LICENSE'],
    ['v.mkv', [...VIDEO, '-c:v', 'libx264'], 'Matroska:LICENSE'],
    ['v.webm', [...VIDEO, '-c:v', 'libvpx'], 'Matroska:LICENSE'],
    ['a.aiff', [...AUDIO, '-write_id3v2', '1'], 'ID3:TXXX:LICENSE'],
    // These keep the copyright notice only: ffmpeg has no place for a license in them.
    ['a.aif', AUDIO, null],
    ['a.wav', AUDIO, null],
    ['a.m4a', [...AUDIO, '-c:a', 'aac'], null],
    ['v.mp4', [...VIDEO, '-c:v', 'libx264'], null],
    ['v.mov', [...VIDEO, '-c:v', 'libx264'], null],
    ['v.avi', [...VIDEO, '-c:v', 'mjpeg'], null],
    // ...unless asked to keep every key (QuickTime's keys: license and copyright by those names).
    ['k.m4a', [...AUDIO, '-c:a', 'aac', '-movflags', 'use_metadata_tags'], 'MP4:keys:license'],
    ['k.mp4', [...VIDEO, '-c:v', 'libx264', '-movflags', 'use_metadata_tags'], 'MP4:keys:license'],
  ];

  it.each(cases)('%s', (name, args, field) => {
    ffmpeg(name, args);
    const got = scanned(name);
    expect(got.copyrights).toEqual([NOTICE]);
    expect(got.problems).toEqual([]);
    if (field) expect(got).toMatchObject({ licenses: ['CC-BY-4.0'], fields: [field] });
    else expect(got.licenses).toEqual([]);
  });

  it('a live WebM written to a pipe (segment and clusters of unknown size)', () => {
    const r = spawnSync('sh', ['-c', `ffmpeg -v error ${VIDEO.join(' ')} -c:v libvpx ${META.map((m) => `'${m}'`).join(' ')} -f webm - > '${join(root, 'piped.webm')}'`]);
    expect(r.status).toBe(0);
    expect(scanned('piped.webm')).toMatchObject({ licenses: ['CC-BY-4.0'], copyrights: [NOTICE], problems: [] });
  });

  it('a Matroska license of one track is a note, not the file license', () => {
    const r = spawnSync('ffmpeg', ['-v', 'error', '-y', ...AUDIO, '-c:a', 'flac', '-metadata:s:a:0', 'license=MIT', join(root, 'track.mka')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(scanned('track.mka')).toMatchObject({ licenses: [], problems: ['media-part-license'] });
  });
});
