// Apply benchmark and check.
// 1. Speed: `farleft apply` on a 10k-file gen-tree tree with its headers stripped, beside
//    `reuse annotate --recursive` on the same tree, and beside the file system's own cost of
//    replacing that many files atomically (a new file each, renamed over the old one); then a
//    second, no-op apply beside `farleft scan`.
// 2. Check on a copy of real npm packages (js, d.ts, map, md, json, png, svg): after apply,
//    `reuse lint` passes, `farleft scan` resolves every covered file to PPL, and deleting the
//    inserted lines of every text file gives back its original bytes.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, generatedTree, have, ratio, ROOT, runOnce, timeMedian, WORK } from './lib.mjs';

const LICENSE = ['--license', 'PPL', '--copyright', 'Example Collective', '--year', '2026'];
const PACKAGES = ['commander', 'batch-cluster'];

/** A memory file system, where creating a file costs little: shows apply's own cost beside the disk's. */
const TMPFS = '/dev/shm';

export function benchApply() {
  const { tree } = generatedTree(10_000);
  const stripped = strippedTree(tree);
  let ok = benchSpeed(stripped, join(WORK, 'apply-10000'), `${WORK} (disk)`);
  if (existsSync(TMPFS)) {
    const base = join(TMPFS, 'farleft-bench-apply');
    try {
      ok = benchSpeed(stripped, base, `${TMPFS} (tmpfs)`) && ok;
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  }
  return checkPackages() && ok;
}

function benchSpeed(stripped, base, where) {
  const files = listFiles(stripped).length;
  const work = join(base, 'run');

  // A fresh stripped copy for every run: apply changes the tree it runs on.
  const applies = [];
  for (let i = 0; i < 3; i++) {
    fresh(stripped, work);
    const r = runOnce('farleft', ['apply', '.', ...LICENSE], { cwd: work, farleft: true, stdoutFile: true });
    if (r.code !== 0) throw new Error(`farleft apply exited ${r.code}: ${r.stderr}${r.stdout.slice(-2000)}`);
    applies.push(r);
  }
  applies.sort((a, b) => a.seconds - b.seconds);
  const apply = applies[1];
  const changed = Number(/changed\s+(\d+)/.exec(apply.stdout)?.[1] ?? 0) + Number(/sidecar\s+(\d+)/.exec(apply.stdout)?.[1] ?? 0);

  // The tree the last run left is applied: a second run is a no-op, compared with a scan of it.
  const noop = timeMedian('farleft', ['apply', '.', ...LICENSE], { cwd: work, farleft: true, stdoutFile: true });
  const scan = timeMedian('farleft', ['scan', '.', '--format', 'json'], { cwd: work, farleft: true, stdoutFile: true });
  const resolved = JSON.parse(scan.stdout).files.filter((f) => f.covered);
  const wrong = resolved.filter((f) => f.license !== 'PPL');

  const floor = fsFloor(stripped, join(base, 'floor'), changed);

  let reuse = null;
  if (have('reuse')) {
    const dir = join(base, 'reuse');
    fresh(stripped, dir);
    reuse = runOnce('reuse', ['annotate', ...LICENSE, '--recursive', '--skip-unrecognised', '.'], { cwd: dir });
    if (reuse.code !== 0) throw new Error(`reuse annotate exited ${reuse.code}: ${reuse.stderr.slice(-2000)}`);
  }

  console.log(`\n## apply on ${where} (gen-tree 10k files, headers stripped: ${files} files; median of 3 runs, each on a fresh copy)\n`);
  console.log('| run | time | peak RSS | vs |');
  console.log('|---|---:|---:|---|');
  console.log(`| farleft apply (${changed} files written atomically) | ${fmt(apply.seconds)} | ${apply.rss?.toFixed(0) ?? '?'} MiB | ${reuse ? `${ratio(apply.seconds, reuse.seconds)} of reuse annotate (target <= 0.10x)` : 'reuse not installed'} |`);
  console.log(`| file system floor: ${changed} new files renamed over old ones, no work | ${fmt(floor)} | - | apply = floor + ${fmt(Math.max(0, apply.seconds - floor))} |`);
  if (reuse) console.log(`| reuse annotate --recursive (writes in place, 1 run) | ${fmt(reuse.seconds)} | - | - |`);
  console.log(`| farleft apply again (no-op) | ${fmt(noop.seconds)} | ${noop.rss?.toFixed(0) ?? '?'} MiB | ${ratio(noop.seconds, scan.seconds)} of a scan (target <= 1.5x) |`);
  console.log(`| farleft scan --format json | ${fmt(scan.seconds)} | ${scan.rss?.toFixed(0) ?? '?'} MiB | - |`);
  console.log(`\nAfter apply, farleft scan resolves ${resolved.length - wrong.length}/${resolved.length} covered files to PPL.`);
  for (const f of wrong.slice(0, 10)) console.log(`  not PPL: ${f.path} (${f.license})`);
  return wrong.length === 0 && noop.seconds <= scan.seconds * 1.5;
}

/** The gen-tree tree without its SPDX tags and sidecars (made once, reused). */
function strippedTree(tree) {
  const out = join(WORK, 'apply-10000', 'stripped');
  if (existsSync(`${out}.done`)) return out;
  rmSync(out, { recursive: true, force: true });
  cpSync(tree, out, { recursive: true });
  const TAG = /^[ \t]*(?:\/\/|#|--|;;|%|\*)?[ \t]*SPDX-(?:FileCopyrightText|License-Identifier):[^\n]*\n/gm;
  for (const rel of listFiles(out)) {
    const abs = join(out, rel);
    if (rel.endsWith('.license')) unlinkSync(abs);
    else {
      const bytes = readFileSync(abs);
      if (bytes.includes('SPDX-')) writeFileSync(abs, bytes.toString('latin1').replace(TAG, ''), 'latin1');
    }
  }
  writeFileSync(`${out}.done`, '');
  return out;
}

/** The cost of the file system alone: write `n` of the tree's files to a new file each and rename it over the old one. */
function fsFloor(stripped, dir, n) {
  fresh(stripped, dir);
  const paths = listFiles(dir).slice(0, n);
  const start = process.hrtime.bigint();
  for (const rel of paths) {
    const abs = join(dir, rel);
    const temp = join(dir, `${rel}.floor-tmp`);
    writeFileSync(temp, readFileSync(abs), { flag: 'wx' });
    renameSync(temp, abs);
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** farleft apply on a copy of installed npm packages, checked with reuse lint, farleft scan and the original bytes. */
export function checkPackages() {
  const base = join(WORK, 'apply-npm');
  const original = join(base, 'original');
  const applied = join(base, 'applied');
  rmSync(base, { recursive: true, force: true });
  for (const p of PACKAGES) cpSync(join(ROOT, 'node_modules', p), join(original, p), { recursive: true });
  cpSync(original, applied, { recursive: true });
  const r = runOnce('farleft', ['apply', '.', '--license', 'PPL', '--copyright', '2026 Example Collective', '--format', 'json'], { cwd: applied, stdoutFile: true, farleft: true });
  if (r.code !== 0 && r.code !== 1) throw new Error(`farleft apply exited ${r.code}: ${r.stderr.slice(-2000)}`);
  if (!r.stdout) throw new Error(`farleft apply printed nothing (exit ${r.code}): ${r.stderr.slice(-2000)}`);
  const result = JSON.parse(r.stdout);
  const results = [];
  results.push([`farleft apply exits 0 (${result.summary.changed} headers, ${result.summary.sidecar} sidecars, ${result.problems.length} problems)`, r.code === 0]);

  // Deleting the inserted lines of each changed text file gives back its original bytes.
  let kept = 0;
  const broken = [];
  for (const f of result.files.filter((x) => x.status === 'changed')) {
    const lines = insertedLines(readFileSync(join(original, f.path)), readFileSync(join(applied, f.path)));
    if (lines && lines.every(isHeaderLine)) kept++;
    else broken.push(f.path);
  }
  const untouched = result.files.filter((x) => x.status === 'sidecar').every((f) => readFileSync(join(original, f.path)).equals(readFileSync(join(applied, f.path))));
  results.push([`deleting the inserted header lines gives back the original bytes: ${kept}/${kept + broken.length} text files; files with sidecars untouched`, broken.length === 0 && untouched]);

  const scan = JSON.parse(runOnce('farleft', ['scan', '.', '--format', 'json'], { cwd: applied, stdoutFile: true, farleft: true }).stdout);
  const covered = scan.files.filter((f) => f.covered);
  const notPpl = covered.filter((f) => f.license !== 'PPL');
  results.push([`farleft scan resolves ${covered.length - notPpl.length}/${covered.length} covered files to PPL`, notPpl.length === 0]);

  if (have('reuse')) {
    const lint = spawnSync('reuse', ['lint'], { cwd: applied, encoding: 'utf8' });
    if (lint.status === 0) results.push(['reuse lint passes', true]);
    else {
      // reuse-tool judges ids by its bundled SPDX list; Debian's reuse 1.1.2 bundles list 3.19, older than PPL (3.24).
      const bad = /\* Bad licenses: (.*)/.exec(lint.stdout)?.[1]?.trim();
      const overlay = reuseWithPpl(base);
      const again = overlay ? spawnSync('/usr/bin/python3', ['-m', 'reuse', 'lint'], { cwd: applied, encoding: 'utf8', env: { ...process.env, PYTHONPATH: overlay } }) : null;
      const only = bad === 'PPL' && /\* Missing licenses:\s*\n/.test(lint.stdout) && /Files with license information: (\d+) \/ \1/.test(lint.stdout) && /Files with copyright information: (\d+) \/ \1/.test(lint.stdout);
      results.push([`reuse lint (${spawnSync('reuse', ['--version'], { encoding: 'utf8' }).stdout.trim()}) fails only because its SPDX list lacks PPL ("Bad licenses: ${bad}"); every file has copyright and license information`, only]);
      if (again) results.push(['reuse lint with its SPDX list extended by PPL passes', again.status === 0]);
    }
  } else results.push(['reuse lint: reuse is not installed', true]);

  console.log(`\n## apply check on a copy of npm packages (${PACKAGES.join(', ')}: ${result.files.length} files)\n`);
  for (const [what, ok] of results) console.log(`- ${ok ? 'PASS' : 'FAIL'} ${what}`);
  for (const p of broken.slice(0, 10)) console.log(`  bytes not kept: ${p}`);
  for (const f of notPpl.slice(0, 10)) console.log(`  not PPL: ${f.path} (${f.license})`);
  return results.every(([, ok]) => ok);
}

/** A copy of Debian's reuse package whose license list also has PPL; null when it is not where Debian puts it. */
function reuseWithPpl(base) {
  const src = '/usr/lib/python3/dist-packages/reuse';
  if (!existsSync(join(src, 'resources', 'licenses.json'))) return null;
  const dir = join(base, 'reuse-overlay');
  cpSync(src, join(dir, 'reuse'), { recursive: true });
  const file = join(dir, 'reuse', 'resources', 'licenses.json');
  const list = JSON.parse(readFileSync(file, 'utf8'));
  if (!list.licenses.some((l) => l.licenseId === 'PPL'))
    list.licenses.push({ licenseId: 'PPL', name: 'Peer Production License', isDeprecatedLicenseId: false, isOsiApproved: false, reference: 'https://spdx.org/licenses/PPL.html', seeAlso: [] });
  writeFileSync(file, JSON.stringify(list));
  return dir;
}

/** The lines `after` has beyond `before` when it is `before` with one block of whole lines inserted; else null. */
function insertedLines(before, after) {
  const b = before.toString('latin1').split('\n');
  const a = after.toString('latin1').split('\n');
  const extra = a.length - b.length;
  if (extra <= 0) return null;
  let p = 0;
  while (p < b.length && a[p] === b[p]) p++;
  const inserted = a.slice(p, p + extra);
  return [...a.slice(0, p), ...a.slice(p + extra)].join('\n') === before.toString('latin1') ? inserted : null;
}

function isHeaderLine(line) {
  const t = line.replace(/\r$/, '').trim();
  return /SPDX-(?:FileCopyrightText|License-Identifier): /.test(t) || !/[\p{L}\p{N}]/u.test(t) || ['<?php', 'dnl', '@REM', '@Comment{'].includes(t);
}

function fresh(from, to) {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  cpSync(from, to, { recursive: true });
}

function listFiles(root, dir = '') {
  const out = [];
  for (const name of readdirSync(join(root, dir))) {
    const rel = dir ? `${dir}/${name}` : name;
    if (statSync(join(root, rel)).isDirectory()) out.push(...listFiles(root, rel));
    else out.push(rel);
  }
  return out;
}
