// Per-file agreement with reuse-tool: `reuse spdx` (Debian's reuse) beside `farleft scan
// --format json` on real files (the installed dependency tree of the deps section: ~25k files
// of other people's headers) and on a gen-tree tree. Compared per file: the license ids of
// its tags (SPDX-License-Identifier, sidecar, dep5), and whether it has a copyright notice.
import { readFileSync } from 'node:fs';
import { installTree, TREE } from './deps.mjs';
import { fmt, generatedTree, have, ratio, runOnce, timeInTurns } from './lib.mjs';

const TAG_SOURCES = new Set(['spdx-tag', 'sidecar', 'reuse-toml', 'dep5']);

export function benchReuse() {
  if (!have('reuse')) {
    console.log('\n## per-file agreement with reuse-tool\n\nskipped: reuse is not installed (Debian package `reuse`).');
    return true;
  }
  installTree();
  const rows = [
    ['installed dependency tree (bench/deps)', TREE],
    ['gen-tree, 10k files', generatedTree(10_000).tree],
  ].map(([name, root]) => ({ name, ...compare(root) }));
  const version = runOnce('reuse', ['--version'], { stdoutFile: true }).stdout.trim();
  console.log(`\n## per-file agreement with reuse-tool (${version}: reuse spdx vs farleft scan --format json)\n`);
  console.log('| tree | files reuse lists | license ids equal | copyright notice: both or neither | files only farleft lists |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | ${r.files} | ${r.licenseSame} | ${r.copyrightSame} | ${r.onlyOurs} (${r.onlyOursWhy}) |`);
  for (const r of rows) for (const d of [...r.licenseDiffs, ...r.copyrightDiffs].slice(0, 10)) console.log(`  ${r.name}: ${d}`);
  console.log('\nEvery file reuse lists must have the same license ids; copyright detection differs where REUSE 3.3 reads notices that this older reuse does not, and back.');
  timeRealTree();
  return rows.every((r) => r.licenseDiffs.length === 0 && r.missing === 0);
}

function compare(root) {
  const reuse = runOnce('reuse', ['spdx'], { cwd: root, stdoutFile: true });
  if (reuse.code !== 0) throw new Error(`reuse spdx failed in ${root}: ${reuse.stderr}`);
  const ours = runOnce('farleft', ['scan', '.', '--format', 'json'], { cwd: root, stdoutFile: true, farleft: true });
  if (ours.code !== 0 && ours.code !== 1) throw new Error(`farleft scan failed in ${root}: ${ours.stderr}`);
  const theirs = readSpdx(reuse.stdout);
  const mine = new Map(JSON.parse(ours.stdout).files.map((f) => [f.path, f]));
  const licenseDiffs = [];
  const copyrightDiffs = [];
  let missing = 0;
  for (const [path, t] of theirs) {
    const f = mine.get(path);
    if (!f) {
      missing++;
      licenseDiffs.push(`${path}: listed by reuse, not by farleft`);
      continue;
    }
    const ids = new Set();
    for (const d of f.declarations)
      if (TAG_SOURCES.has(d.source) && d.scope !== 'snippet') for (const id of idsOf(d.raw ?? d.expression)) ids.add(id);
    const a = [...t.licenses].sort().join(' ');
    const b = [...ids].sort().join(' ');
    if (a !== b) licenseDiffs.push(`${path}: reuse [${a}], farleft [${b}]`);
    if (t.copyright !== f.copyright.length > 0) copyrightDiffs.push(`${path}: copyright notice ${t.copyright ? 'found by reuse only' : `found by farleft only: ${f.copyright[0]}`}`);
  }
  // reuse leaves out license files, .license sidecars and empty files; farleft lists them (not covered, or as what they are).
  const only = [...mine.keys()].filter((p) => !theirs.has(p));
  const uncovered = only.filter((p) => !mine.get(p).covered).length;
  return {
    files: theirs.size,
    licenseSame: theirs.size - licenseDiffs.length,
    copyrightSame: theirs.size - missing - copyrightDiffs.length,
    onlyOurs: only.length,
    onlyOursWhy: `${uncovered} not Covered Files`,
    licenseDiffs,
    copyrightDiffs,
    missing,
  };
}

/** reuse spdx's tag-value output: per file, its LicenseInfoInFile ids and whether it has a FileCopyrightText. */
function readSpdx(text) {
  const files = new Map();
  let cur = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('FileName: ')) files.set(line.slice('FileName: '.length).replace(/^\.\//, ''), (cur = { licenses: new Set(), copyright: false }));
    else if (cur && line.startsWith('LicenseInfoInFile: ')) {
      const v = line.slice('LicenseInfoInFile: '.length).trim();
      if (v !== 'NONE' && v !== 'NOASSERTION') for (const id of idsOf(v)) cur.licenses.add(id);
    } else if (cur && line.startsWith('FileCopyrightText: ') && !/^FileCopyrightText: (?:NONE|NOASSERTION)\s*$/.test(line)) cur.copyright = true;
  }
  return files;
}

function idsOf(expression) {
  return expression.split(/\s+(?:AND|OR|WITH)\s+|[()]/).map((s) => s.trim()).filter(Boolean);
}

/**
 * The scan's time on real files beside rg's: gen-tree's files are small and alike, while a real tree has
 * large bundles (every byte searched for tags), READMEs (read for notices) and license files (matched).
 */
function timeRealTree() {
  if (!have('rg')) return;
  const [farleft, rg] = timeInTurns([
    { cmd: 'farleft', args: ['scan', '.', '--format', 'json'], options: { cwd: TREE, stdoutFile: true, farleft: true } },
    // --no-ignore: the tree has no .gitignore, but rg would skip what a .gitignore above /tmp said.
    { cmd: 'rg', args: ['-l', '--no-ignore', 'SPDX-License-Identifier'], options: { cwd: TREE } },
  ]);
  const files = JSON.parse(farleft.stdout).summary.files;
  console.log(`\nThe same tree (${files} files), timed (median of 5, in turns): farleft scan --format json ${fmt(farleft.seconds)} (peak RSS ${farleft.rss?.toFixed(0) ?? '?'} MiB), rg -l ${fmt(rg.seconds)}: ${ratio(farleft.seconds, rg.seconds)}. No target: the gen-tree section's 3x is the issue's.`);
}
