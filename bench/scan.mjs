// Scan benchmark: gen-tree trees of 10k and 100k files; farleft scan --format json,
// checked against expected.json, beside rg (the I/O floor) and reuse lint.
import { loadCatalog } from '../dist/catalog/index.js';
import { fmt, generatedTree, have, ratio, roundRatios, timeInTurns, timeMedian } from './lib.mjs';

export function benchScan(sizes = [10_000, 100_000]) {
  const catalog = loadCatalog();
  const rows = [];
  let ok = true;
  for (const n of sizes) {
    const { tree, expected } = generatedTree(n);
    const farleftRun = { cmd: 'farleft', args: ['scan', '.', '--format', 'json'], options: { cwd: tree, stdoutFile: true, farleft: true } };
    const rgRun = { cmd: 'rg', args: ['-l', 'SPDX-License-Identifier'], options: { cwd: tree } };
    const [farleft, rg = null] = timeInTurns(have('rg') ? [farleftRun, rgRun] : [farleftRun]);
    if (farleft.code !== 0 && farleft.code !== 1) throw new Error(`farleft scan exited ${farleft.code}: ${farleft.stderr}`);
    const accuracy = check(JSON.parse(farleft.stdout), expected, catalog);
    ok &&= accuracy.wrong.length === 0;
    // reuse lint takes minutes on 100k files: time it once (after one warm-up run of rg above).
    const reuse = have('reuse') ? timeMedian('reuse', ['lint'], { cwd: tree }, 1) : null;
    rows.push({ n, farleft, rg, reuse, accuracy });
  }
  console.log('\n## scan (gen-tree trees; median of 5 warm runs, farleft and rg in turns; reuse lint: 1 run)\n');
  console.log('| files | farleft scan --format json | peak RSS | rg -l (floor) | farleft / rg | reuse lint | farleft / reuse | correct |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows)
    console.log(
      `| ${r.n} | ${fmt(r.farleft.seconds)} | ${r.farleft.rss?.toFixed(0) ?? '?'} MiB | ${r.rg ? fmt(r.rg.seconds) : 'not installed'} | ${r.rg ? ratio(r.farleft.seconds, r.rg.seconds) : '-'} | ${r.reuse ? fmt(r.reuse.seconds) : 'not installed'} | ${r.reuse ? ratio(r.farleft.seconds, r.reuse.seconds) : '-'} | ${r.accuracy.right}/${r.accuracy.total} |`,
    );
  // rg is nearly all system calls, and the host slows those more than farleft's own work: its time drifts more.
  for (const r of rows) if (r.rg) console.log(`\nfarleft / rg round by round at ${r.n} files (median, lowest–highest): ${roundRatios(r.farleft, r.rg)}; rg took ${r.rg.runs.map(fmt).join(', ')}`);
  console.log('\nTargets at 100k: farleft <= 3x rg, <= 1/5 (0.20x) of reuse lint, peak RSS <= 250 MiB; 100% correct.');
  for (const r of rows) for (const w of r.accuracy.wrong.slice(0, 10)) console.log(`  wrong (${r.n}): ${w}`);
  return ok;
}

/** Every path in expected.json must have exactly the expected license (aliases read as the catalog reads them). */
function check(result, expected, catalog) {
  const byPath = new Map(result.files.map((f) => [f.path, f]));
  const wrong = [];
  let right = 0;
  for (const [path, license] of Object.entries(expected)) {
    const want = license === null ? null : catalog.normalize(license).expression;
    const got = byPath.get(path)?.license ?? null;
    if (!byPath.has(path)) wrong.push(`${path}: missing from the output`);
    else if (got !== want) wrong.push(`${path}: expected ${want}, got ${got}`);
    else right++;
  }
  return { right, total: Object.keys(expected).length, wrong };
}
