// Lint benchmark: what `farleft lint` costs over `farleft scan` on the gen-tree trees (target:
// at most 10% more at 100k files), and whether `farleft lint --reuse` gives reuse-tool's
// verdict and counts (reuse lint, when installed; Debian's predates REUSE.toml, and these
// trees have none).
import { spawnSync } from 'node:child_process';
import { BIN, fmt, generatedTree, have, runOnce } from './lib.mjs';

export function benchLint(sizes = [10_000, 100_000], pairs = 5) {
  const rows = [];
  let ok = true;
  for (const n of sizes) {
    const { tree } = generatedTree(n);
    // The machine is shared: scan and lint run in turns, so a burst of load hits both alike;
    // CPU time (user + system, all threads) is measured beside wall time.
    const scan = [];
    const lint = [];
    timed(['scan', '.', '--format', 'json', '--quiet'], tree);
    timed(['lint', '.', '--format', 'json', '--quiet'], tree);
    for (let i = 0; i < pairs; i++) {
      scan.push(timed(['scan', '.', '--format', 'json', '--quiet'], tree));
      lint.push(timed(['lint', '.', '--format', 'json', '--quiet'], tree));
    }
    const ours = runOnce('farleft', ['lint', '.', '--reuse', '--quiet'], { cwd: tree, stdoutFile: true, farleft: true });
    const theirs = have('reuse') ? runOnce('reuse', ['lint'], { cwd: tree, stdoutFile: true }) : null;
    const agree = theirs ? compare(summary(ours.stdout), summary(theirs.stdout)) : null;
    if (agree && agree.length) ok = false;
    rows.push({ n, scan, lint, ours, theirs, agree });
  }
  console.log(`\n## lint (gen-tree trees; ${pairs} runs each, scan and lint in turns, after one warm-up run of each)\n`);
  console.log('| files | scan --format json: wall / CPU | lint --format json: wall / CPU | lint / scan (median of pairs): wall / CPU | lint --reuse = reuse lint |');
  console.log('|---:|---:|---:|---:|---|');
  for (const r of rows) {
    const wall = median(r.lint.map((l, i) => l.wall / r.scan[i].wall));
    const cpu = median(r.lint.map((l, i) => l.cpu / r.scan[i].cpu));
    console.log(
      `| ${r.n} | ${fmt(median(r.scan.map((x) => x.wall)))} / ${fmt(median(r.scan.map((x) => x.cpu)))} | ${fmt(median(r.lint.map((x) => x.wall)))} / ${fmt(median(r.lint.map((x) => x.cpu)))} | ${wall.toFixed(2)}x / ${cpu.toFixed(2)}x | ${r.agree === null ? 'reuse not installed' : r.agree.length === 0 ? 'yes: same verdict and counts' : `no: ${r.agree.join('; ')}`} |`,
    );
  }
  console.log('\nTarget at 100k: lint / scan <= 1.10. Counts compared: every summary line reuse-tool prints (files with copyright / license information included).');
  for (const r of rows) if (r.theirs) console.log(`\n${r.n} files: farleft lint --reuse ${fmt(r.ours.seconds)}, reuse lint ${fmt(r.theirs.seconds)} (one run each)`);
  return ok;
}

/** One run of the built CLI: wall time and the CPU time of the process and its threads, in seconds. */
function timed(args, cwd) {
  const script = `"${process.execPath}" "${BIN}" "$@" > /dev/null; code=$?; times; exit $code`;
  const start = process.hrtime.bigint();
  const r = spawnSync('bash', ['-c', script, 'bench', ...args], { cwd, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`farleft ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  // `times` prints the shell's then its children's user and system time: "0m1.234s 0m0.100s".
  const children = r.stdout.trim().split('\n').at(-1).split(/\s+/).map((t) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  });
  return { wall, cpu: children[0] + children[1] };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The `* Key: value` lines of a REUSE summary, and the verdict. */
function summary(text) {
  const out = {};
  for (const line of text.slice(text.indexOf('# SUMMARY')).split('\n')) {
    const m = /^\* ([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]] = m[2].trim() || '0';
  }
  out.compliant = /Congratulations!/.test(text);
  return out;
}

/** Lines where the two differ (reuse 1.1.2 has no invalid-expression count). */
function compare(ours, theirs) {
  return Object.keys(theirs)
    .filter((k) => ours[k] !== theirs[k])
    .map((k) => `${k}: farleft ${ours[k]}, reuse ${theirs[k]}`);
}
