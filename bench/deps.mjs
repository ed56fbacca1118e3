// Deps benchmark: a real dependency tree installed from the lock committed in
// bench/deps/project (npm ci --ignore-scripts, into the OS temp folder), audited by
// `farleft deps --format json` beside license-checker-rseidelsohn --json and
// licensee --osi --ndjson (installed by the bench into a temp prefix). Prints the times,
// farleft's peak RSS, the accuracy checks and every license the three tools disagree on.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadCatalog } from '../dist/catalog/index.js';
import { routeLicenseFile } from '../dist/detect/license-text/route.js';
import { fmt, ratio, ROOT, roundRatios, timeInTurns, WORK } from './lib.mjs';

const PROJECT = join(ROOT, 'bench', 'deps', 'project');
export const TREE = join(WORK, 'deps-tree');
const TOOLS = join(WORK, 'deps-tools');
const TOOL_VERSIONS = ['license-checker-rseidelsohn@5.0.1', 'licensee@12.0.2'];

export function benchDeps() {
  installTree();
  installTools();
  const bin = (name) => join(TOOLS, 'node_modules', '.bin', name);
  const [farleft, checker, licensee] = timeInTurns([
    { cmd: 'farleft', args: ['deps', '.', '--format', 'json'], options: { cwd: TREE, stdoutFile: true, farleft: true } },
    { cmd: bin('license-checker-rseidelsohn'), args: ['--json'], options: { cwd: TREE, stdoutFile: true } },
    { cmd: bin('licensee'), args: ['--osi', '--ndjson'], options: { cwd: TREE, stdoutFile: true } },
  ]);
  if (farleft.code !== 0 && farleft.code !== 1) throw new Error(`farleft deps exited ${farleft.code}: ${farleft.stderr}`);

  const result = JSON.parse(farleft.stdout);
  const installed = result.packages.filter((p) => p.installed);
  console.log(`\n## deps (${installed.length} installed npm packages from bench/deps/project/package-lock.json; median of 5 warm runs, the three tools in turns)\n`);
  console.log('| tool | time | farleft / tool | target |');
  console.log('|---|---:|---:|---:|');
  console.log(`| farleft deps --format json | ${fmt(farleft.seconds)} (peak RSS ${farleft.rss?.toFixed(0) ?? '?'} MiB) | | RSS <= 150 MiB |`);
  console.log(`| license-checker-rseidelsohn --json | ${fmt(checker.seconds)} | ${ratio(farleft.seconds, checker.seconds)} | <= 0.20x |`);
  console.log(`| licensee --osi --ndjson | ${fmt(licensee.seconds)} | ${ratio(farleft.seconds, licensee.seconds)} | <= 0.50x |`);
  console.log(`\nfarleft / licensee round by round (median, lowest–highest): ${roundRatios(farleft, licensee)}`);

  const accuracy = checkAccuracy(result);
  console.log('\nAccuracy:');
  for (const line of accuracy.lines) console.log(`- ${line}`);
  const disagreements = compare(result, JSON.parse(checker.stdout), licensee.stdout);
  console.log(`\nDisagreements (name@version: farleft | license-checker-rseidelsohn | licensee), ${disagreements.length}:`);
  for (const d of disagreements) console.log(`  ${d}`);
  const fast = farleft.seconds <= checker.seconds / 5 && farleft.seconds <= licensee.seconds / 2 && (farleft.rss ?? 0) <= 150;
  if (!fast) console.log('\nTargets not met (see the table above).');
  return accuracy.ok;
}

/** node_modules from the committed lock, reinstalled only when the lock changes. */
/** The real dependency tree (installed once from the committed lock); the reuse section reads it too. */
export function installTree() {
  const lock = readFileSync(join(PROJECT, 'package-lock.json'));
  const stamp = createHash('sha256').update(lock).digest('hex');
  const stampFile = join(TREE, '.farleft-bench-lock');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(join(TREE, 'node_modules'))) return;
  rmSync(TREE, { recursive: true, force: true });
  mkdirSync(TREE, { recursive: true });
  for (const f of ['package.json', 'package-lock.json']) cpSync(join(PROJECT, f), join(TREE, f));
  console.error(`installing the bench tree into ${TREE} (npm ci --ignore-scripts)…`);
  const r = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: TREE, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('npm ci failed for the bench tree');
  writeFileSync(stampFile, stamp);
}

function installTools() {
  if (existsSync(join(TOOLS, 'node_modules', '.bin', 'licensee')) && existsSync(join(TOOLS, 'node_modules', '.bin', 'license-checker-rseidelsohn'))) return;
  mkdirSync(TOOLS, { recursive: true });
  console.error(`installing ${TOOL_VERSIONS.join(', ')} into ${TOOLS}…`);
  const r = spawnSync('npm', ['install', '--prefix', TOOLS, ...TOOL_VERSIONS, '--ignore-scripts', '--no-audit', '--no-fund'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('npm install of the comparison tools failed');
}

/**
 * The issue's accuracy bar: every package with a license file has its text named or a stated
 * reason (an unknown-text problem); manifest/text disagreements are reported; a package with
 * the legacy `licenses` array is not unlicensed.
 */
function checkAccuracy(result) {
  const lines = [];
  let ok = true;
  const withFiles = result.packages.filter((p) => p.installed && readdirSync(join(TREE, p.path)).some((f) => routeLicenseFile(f) && statSync(join(TREE, p.path, f)).isFile()));
  const unexplained = withFiles.filter((p) => p.detected.length === 0 && !p.problems.some((x) => x.code === 'unknown-text' || x.code === 'license-file-without-text' || x.code === 'empty-license-file'));
  const named = withFiles.filter((p) => p.detected.length > 0).length;
  lines.push(`${withFiles.length} packages have a license file: ${named} texts named, ${withFiles.length - named - unexplained.length} with a stated reason (unknown-text and its closest license), ${unexplained.length} unexplained`);
  ok &&= unexplained.length === 0;
  for (const p of unexplained) lines.push(`  unexplained: ${p.name}@${p.version} (${p.path})`);
  const conflicts = result.packages.filter((p) => p.problems.some((x) => x.code === 'declared-vs-text-conflict'));
  lines.push(`${conflicts.length} manifest/text disagreements reported:`);
  for (const p of conflicts) lines.push(`  ${p.name}@${p.version}: declared ${p.declared}, texts ${[...new Set(p.detected.map((d) => d.expression))].join(', ')} -> ${p.license}`);
  const legacy = result.packages.filter((p) => p.installed && isLegacy(join(TREE, p.path, 'package.json')));
  const unlicensed = legacy.filter((p) => p.license === 'NOASSERTION');
  lines.push(`${legacy.length} packages use the legacy "licenses" array or a { type } object: ${legacy.map((p) => `${p.name}@${p.version} -> ${p.license}`).join(', ') || 'none'}; reported as unlicensed: ${unlicensed.length}`);
  ok &&= unlicensed.length === 0;
  const codes = {};
  for (const p of result.packages) for (const x of p.problems) codes[`${x.code} (${x.severity})`] = (codes[`${x.code} (${x.severity})`] ?? 0) + 1;
  lines.push(`problems by code: ${Object.entries(codes).sort().map(([c, n]) => `${c} ${n}`).join(', ')}`);
  return { ok, lines };
}

function isLegacy(file) {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(data.licenses) || (typeof data.license === 'object' && data.license !== null);
  } catch {
    return false;
  }
}

/** name@version where the three tools' licenses differ (compared as normalized SPDX expressions). */
function compare(result, checker, licenseeNdjson) {
  const catalog = loadCatalog();
  const norm = (v) => {
    if (v === undefined || v === null) return '-';
    const text = Array.isArray(v) ? (v.length > 1 ? `(${v.join(') OR (')})` : String(v[0])) : String(v);
    return catalog.normalize(text.replace(/\*$/, '')).expression ?? text;
  };
  const theirs = new Map(Object.entries(checker).map(([id, v]) => [id, norm(v.licenses)]));
  const other = new Map();
  for (const line of licenseeNdjson.split('\n').filter(Boolean)) {
    const v = JSON.parse(line);
    other.set(`${v.name}@${v.version}`, norm(v.license));
  }
  const ours = new Map();
  for (const p of result.packages.filter((x) => x.installed)) {
    const id = `${p.name}@${p.version}`;
    ours.set(id, [...new Set([...(ours.get(id) ?? []), p.license])]);
  }
  const out = [];
  const missing = { 'license-checker-rseidelsohn': [], licensee: [] };
  for (const [id, licenses] of [...ours].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const mine = licenses.join(' | ');
    const a = theirs.get(id);
    const b = other.get(id);
    if (a === undefined) missing['license-checker-rseidelsohn'].push(id);
    if (b === undefined) missing.licensee.push(id);
    // A package a tool does not list is counted below, not as a disagreement.
    if ((a !== undefined && a !== mine) || (b !== undefined && b !== mine)) out.push(`${id}: ${mine} | ${a ?? '(not listed)'} | ${b ?? '(not listed)'}`);
  }
  for (const [tool, ids] of Object.entries(missing))
    if (ids.length) out.push(`(${tool} did not list ${ids.length} of the packages farleft found${ids.length <= 10 ? `: ${ids.join(', ')}` : ''})`);
  return out;
}
