// Small helpers for the benchmark: run a command, time it, read farleft's peak RSS.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'farleft.js');
const RSS_HOOK = join(ROOT, 'bench', 'rss-hook.cjs');
export const GEN_TREE = process.env.FARLEFT_GEN_TREE ?? join(ROOT, '..', 'shared', 'tools', 'gen-tree.mjs');
/** Generated trees live in the OS temp folder, outside any git work tree (a .gitignore-aware scanner skips ignored folders). */
export const WORK = join(tmpdir(), 'farleft-bench');
/** Where runOnce() sends a command's standard output. */
const STDOUT_FILE = join(WORK, 'stdout.txt');

export function have(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/**
 * Runs once; returns wall time in seconds, exit code, and (for farleft) peak RSS in MiB. With `stdoutFile`, the
 * command's standard output goes to a file (as `> out.json` would send it) and is read back after the timing: a pipe
 * to this process would time this process's reading too (a 100k-file scan writes 27 MB, 64 KiB per round trip).
 * `env` is the command's environment (this process's by default).
 */
export function runOnce(cmd, args, { cwd, stdoutFile, farleft = false, env: baseEnv = process.env } = {}) {
  const argv = farleft ? ['--require', RSS_HOOK, BIN, ...args] : args;
  const command = farleft ? process.execPath : cmd;
  const env = { ...baseEnv, FARLEFT_RSS_FILE: farleft ? join(WORK, 'rss.txt') : '' };
  mkdirSync(WORK, { recursive: true });
  const out = stdoutFile ? openSync(STDOUT_FILE, 'w') : 'ignore';
  const start = process.hrtime.bigint();
  const r = spawnSync(command, argv, { cwd, env, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, stdio: ['ignore', out, 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (typeof out === 'number') closeSync(out);
  const stdout = stdoutFile ? readFileSync(STDOUT_FILE, 'utf8') : '';
  const rss = farleft && existsSync(env.FARLEFT_RSS_FILE) ? Number(readFileSync(env.FARLEFT_RSS_FILE, 'utf8')) / 1024 : null;
  return { seconds, code: r.status, stdout, stderr: r.stderr ?? '', rss };
}

/**
 * NODE_EXTRA_CA_CERTS makes Node 20 parse those certificates as every process starts, before any of its code runs
 * (nodejs/node#40524): a fixed cost that farleft, licensee and license-checker pay and rg and reuse do not. Said
 * with its size on this machine, where it is set; the tools are timed in the environment as it is.
 */
export function extraCaCost() {
  if (!process.env.NODE_EXTRA_CA_CERTS) return null;
  const without = { ...process.env };
  delete without.NODE_EXTRA_CA_CERTS;
  const [set, unset] = timeInTurns([process.env, without].map((env) => ({ cmd: process.execPath, args: ['-e', '0'], options: { env } })), 11).map((r) => r.seconds);
  return `NODE_EXTRA_CA_CERTS is set (${process.env.NODE_EXTRA_CA_CERTS}): every node process parses it as it starts, farleft's, licensee's and license-checker's alike (nodejs/node#40524). \`node -e 0\` takes ${fmt(set)} with it and ${fmt(unset)} without; the timings below are taken with it, as the environment has it.`;
}

/** The median of `runs` timed runs after one warm-up run (the page cache is then warm for every tool alike). */
export function timeMedian(cmd, args, options = {}, runs = 3) {
  return timeInTurns([{ cmd, args, options }], runs)[0];
}

/**
 * Commands timed in turns: one warm-up run of each, then `runs` rounds that run each once, in
 * order. Each gets its median run, with the peak RSS of all. The machine's speed drifts by 10-15% over seconds
 * (other guests on the host): timing one tool's runs after the other's puts that drift into
 * their ratio, and turns spread it over both.
 */
export function timeInTurns(commands, runs = 5) {
  for (const c of commands) runOnce(c.cmd, c.args, c.options);
  const results = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach((c, k) => results[k].push(runOnce(c.cmd, c.args, c.options)));
  return results.map((all) => {
    const sorted = [...all].sort((a, b) => a.seconds - b.seconds);
    return { ...sorted[Math.floor(sorted.length / 2)], rss: Math.max(...all.map((r) => r.rss ?? 0)) || null, runs: all.map((r) => r.seconds) };
  });
}

/**
 * a's time over b's round by round (the two ran one after the other, at much the same speed of the machine): the
 * lowest, median and highest, as "2.85x (2.71–3.30x)". A ratio of medians hides how far the rounds spread.
 */
export function roundRatios(a, b) {
  const r = a.runs.map((t, i) => t / b.runs[i]).sort((x, y) => x - y);
  const x = (v) => `${v.toFixed(2)}x`;
  return `${x(r[Math.floor(r.length / 2)])} (${x(r[0])}–${x(r[r.length - 1])})`;
}

/** Makes (or reuses) a gen-tree tree of n files; returns { tree, expected }. */
export function generatedTree(n, seed = 42) {
  if (!existsSync(GEN_TREE)) throw new Error(`${GEN_TREE} not found: the benchmark needs ../shared/tools/gen-tree.mjs (or set FARLEFT_GEN_TREE)`);
  const out = join(WORK, `tree-${n}-${seed}`);
  const expectedFile = join(out, 'expected.json');
  if (!existsSync(expectedFile)) {
    mkdirSync(dirname(out), { recursive: true });
    const r = spawnSync(process.execPath, [GEN_TREE, out, '--files', String(n), '--seed', String(seed)], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`gen-tree failed for ${n} files`);
  }
  return { tree: join(out, 'tree'), expected: JSON.parse(readFileSync(expectedFile, 'utf8')) };
}

export function fmt(seconds) {
  return seconds < 1 ? `${(seconds * 1000).toFixed(0)} ms` : `${seconds.toFixed(2)} s`;
}

/** a / b, with three decimals below 1 (0.103x must not print as 0.10x beside a 0.10x target). */
export function ratio(a, b) {
  if (!(b > 0)) return 'n/a';
  const r = a / b;
  return `${r.toFixed(r < 1 ? 3 : 2)}x`;
}
