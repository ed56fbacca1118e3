// Media benchmark: a folder of 2,000 media files (images and audio, a quarter without
// metadata) made from fixtures/media; `farleft scan` beside ExifTool (the command issue 7
// names, and one that asks for every license tag), checked file by file against the license
// each file was made with; then `farleft apply --embed` on 200 files, and again (idempotent).
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../dist/catalog/index.js';
import { detectMedia } from '../dist/detect/media/index.js';
import { fieldsToDetection } from '../dist/detect/media/license.js';
import { readFileInput } from '../dist/walk/read.js';
import { ROOT, WORK, fmt, have, ratio, runOnce } from './lib.mjs';

const FIXTURES = join(ROOT, 'fixtures', 'media');
// Template fixture -> the license it was made with (scripts/make-media-fixtures.mjs).
const WITH_METADATA = [
  ['cc-by-sa.jpg', 'CC-BY-SA-4.0'],
  ['ppl.png', 'PPL'],
  ['cc0.tif', 'CC0-1.0'],
  ['by-nc-sa.webp', 'CC-BY-NC-SA-4.0'],
  ['cnpl.gif', 'LicenseRef-CNPL-7.0'],
  ['text-chunks.png', 'CC-BY-ND-2.5'],
  ['by-sa.mp3', 'CC-BY-SA-4.0'],
  ['ppl-v23.mp3', 'PPL'],
  ['by.flac', 'CC-BY-4.0'],
  ['by-nc.ogg', 'CC-BY-NC-4.0'],
  ['ppl.opus', 'PPL'],
  ['by-sa.m4a', 'CC-BY-SA-4.0'],
  ['all-rights-reserved.wav', 'NONE'],
  ['by-sa-trailing-info.wav', 'CC-BY-SA-4.0'],
];
const WITHOUT = ['plain.jpg', 'plain.mp3'];
const ISSUE_ARGS = ['-r', '-json', '-XMP-cc:all', '-XMP-dc:Rights', '-Copyright', '-TCOP', '-WCOP', '.'];
const ALL_ARGS = ['-r', '-json', '-G1', '-XMP-cc:all', '-XMP-dc:Rights', '-XMP-xmpRights:all', '-Copyright', '-CopyrightNotice', '-CopyrightURL', '-TermsOfUse', '-Vorbis:License', '-iTunes:LICENSE', '-ID3:License', '.'];

/** Makes (or reuses) the 2,000-file tree; returns its path and the license each file was made with. */
function mediaTree(n = 2000) {
  const root = join(WORK, `media-${n}-v1`);
  const tree = join(root, 'tree');
  const expected = {};
  const plan = [];
  for (let i = 0; i < n; i++) {
    const album = `album-${String(Math.floor(i / 100)).padStart(2, '0')}`;
    const [template, license] = i % 4 === 3 ? [WITHOUT[(i >> 2) % WITHOUT.length], null] : WITH_METADATA[i % WITH_METADATA.length];
    const path = `${album}/${String(i).padStart(4, '0')}-${template}`;
    plan.push([template, path]);
    expected[path] = license;
  }
  if (!existsSync(join(root, 'done'))) {
    rmSync(root, { recursive: true, force: true });
    for (const [template, path] of plan) {
      mkdirSync(join(tree, path.slice(0, path.indexOf('/'))), { recursive: true });
      copyFileSync(join(FIXTURES, template), join(tree, path));
    }
    writeFileSync(join(root, 'done'), '');
  }
  return { tree, expected };
}

/** ExifTool's JSON, read through farleft's own field mapping: the license it shows per file. */
function exiftoolLicenses(json, catalog) {
  const roles = [
    [/^(?:XMP-cc:)?License$|^(?:ID3v2_\d:)?CopyrightURL$|^(?:Vorbis:)?License$|^(?:iTunes:)?LICENSE$|^(?:ID3v2_\d:)?License$/, 'license'],
    [/^(?:XMP-xmpRights:)?(?:UsageTerms|TermsOfUse)$|^(?:ID3v2_\d:)?TermsOfUse$/, 'terms'],
    [/Copyright|Rights$|CopyrightNotice$/, 'rights'],
  ];
  const out = new Map();
  for (const entry of json) {
    const fields = [];
    for (const [key, value] of Object.entries(entry)) {
      const role = roles.find(([re]) => re.test(key))?.[1];
      if (role && key !== 'SourceFile') fields.push({ name: key, value: String(value), role });
    }
    const d = fieldsToDetection(entry.SourceFile, fields, catalog).declarations;
    out.set(entry.SourceFile.replace(/^\.\//, ''), d.length ? d.map((x) => x.expression).join(' AND ') : null);
  }
  return out;
}

function compare(expected, found) {
  let right = 0;
  const wrong = [];
  for (const [path, license] of Object.entries(expected)) {
    const got = found.get(path) ?? null;
    if (got === license) right++;
    else wrong.push(`${path}: expected ${license}, got ${got}`);
  }
  return { right, total: Object.keys(expected).length, wrong };
}

export function benchMedia() {
  const catalog = loadCatalog();
  const { tree, expected } = mediaTree();
  // The commands take turns, so a machine that gets busier or quieter meanwhile treats them alike.
  const commands = [
    ['farleft', ['scan', '.', '--format', 'json'], true],
    ...(have('exiftool') ? [['exiftool', ISSUE_ARGS, false], ['exiftool', ALL_ARGS, false]] : []),
  ];
  const times = commands.map(() => []);
  for (let round = 0; round < 6; round++)
    commands.forEach(([cmd, args, farleft], k) => {
      const r = runOnce(cmd, args, { cwd: tree, stdoutFile: true, farleft });
      if (round > 0) times[k].push(r); // the first round warms the page cache
    });
  const median = (rs) => [...rs].sort((a, b) => a.seconds - b.seconds)[Math.floor(rs.length / 2)];
  const [farleft, issue = null, all = null] = times.map(median);
  if (farleft.code !== 0 && farleft.code !== 1) throw new Error(`farleft scan exited ${farleft.code}: ${farleft.stderr}`);
  const result = JSON.parse(farleft.stdout);
  const ours = compare(expected, new Map(result.files.map((f) => [f.path, f.license])));
  const fromMedia = result.files.filter((f) => f.declarations.some((d) => d.source === 'media')).length;
  const theirs = all ? compare(expected, exiftoolLicenses(JSON.parse(all.stdout), catalog)) : null;

  console.log('\n## media scan (2,000 files: images and audio, a quarter without metadata; median of 5 runs, the commands taking turns)\n');
  console.log('| command | time | peak RSS | farleft / it | licenses as made |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(`| farleft scan . --format json | ${fmt(farleft.seconds)} | ${farleft.rss?.toFixed(0) ?? '?'} MiB | 1.00x | ${ours.right}/${ours.total} |`);
  if (issue) console.log(`| exiftool ${ISSUE_ARGS.join(' ')} | ${fmt(issue.seconds)} | | ${ratio(farleft.seconds, issue.seconds)} | (misses audio license tags) |`);
  if (all) console.log(`| exiftool ${ALL_ARGS.join(' ')} | ${fmt(all.seconds)} | | ${ratio(farleft.seconds, all.seconds)} | ${theirs.right}/${theirs.total} |`);
  if (!issue) console.log('| exiftool | not installed (apt-get install libimage-exiftool-perl) | | | |');
  console.log(`\nTarget: farleft <= 1/10 (0.10x) of exiftool, same licenses. farleft read media metadata in ${fromMedia} files.`);
  for (const w of ours.wrong.slice(0, 10)) console.log(`  farleft wrong: ${w}`);
  for (const w of theirs?.wrong.slice(0, 10) ?? []) console.log(`  exiftool wrong: ${w}`);

  const embed = benchEmbed(200);
  return ours.wrong.length === 0 && embed;
}

/** apply --embed on 200 fresh copies (timed once per copy, median of 3), then again on the same files. */
function benchEmbed(n) {
  const templates = [...WITH_METADATA.map(([t]) => t), ...WITHOUT, 'by.mp4', 'by-nd.pdf'];
  const runs = [];
  let again = null;
  let dir = '';
  for (let round = 0; round < 3; round++) {
    dir = join(WORK, `embed-${n}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < n; i++) copyFileSync(join(FIXTURES, templates[i % templates.length]), join(dir, `${String(i).padStart(3, '0')}-${templates[i % templates.length]}`));
    runs.push(runOnce('farleft', ['apply', '.', '--license', 'PPL', '--copyright', '2026 Bench Collective', '--embed', '--format', 'json'], { cwd: dir, stdoutFile: true, farleft: true }));
  }
  again = runOnce('farleft', ['apply', '.', '--license', 'PPL', '--copyright', '2026 Bench Collective', '--embed', '--format', 'json'], { cwd: dir, stdoutFile: true, farleft: true });
  runs.sort((a, b) => a.seconds - b.seconds);
  const mid = runs[1];
  const ok = mid.code === 0 || mid.code === 1;
  // What the media files themselves now say (a .license sidecar would hide it from a scan's report).
  const catalog = loadCatalog();
  const media = readdirSync(dir).filter((f) => !f.endsWith('.license') && f !== 'LICENSES');
  const notEmbedded = media.filter((f) => !detectMedia(readFileInput(join(dir, f), f), catalog).declarations.some((d) => d.expression === 'PPL'));
  console.log(`\n## apply --embed (${n} media files of ${templates.length} kinds; fresh copies, median of 3)\n`);
  console.log('| command | time | per file | peak RSS |');
  console.log('|---|---:|---:|---:|');
  console.log(`| farleft apply . --license PPL --copyright … --embed | ${fmt(mid.seconds)} | ${fmt(mid.seconds / n)} | ${mid.rss?.toFixed(0) ?? '?'} MiB |`);
  console.log(`| the same again (nothing to write) | ${fmt(again.seconds)} | ${fmt(again.seconds / n)} | ${again.rss?.toFixed(0) ?? '?'} MiB |`);
  console.log(`\n${media.length - notEmbedded.length} of ${media.length} media files now embed PPL; the others have their .license sidecar only: ${[...new Set(notEmbedded.map((f) => f.replace(/^\d+-/, '')))].join(', ') || 'none'}.`);
  if (!ok) console.log(`  apply exited ${mid.code}: ${mid.stderr.slice(0, 500)}`);
  return ok;
}
