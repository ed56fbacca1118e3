// Dev tool: runs the license-text detector over every license file of an installed npm tree
// and prints how many it names, and the texts it leaves unknown (grouped by their words),
// with the closest licenses. It measures the matcher on real copies, not on SPDX's texts.
//
//   npx tsx scripts/license-text-survey.ts [<node_modules folder>] [--all]
//
// The default folder is the deps benchmark's tree (`npm run bench -- deps` installs it).
// --all also lists the files named, by license. Run `npm run build` first: the matcher reads
// generated/license-index.*.
import { readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadCatalog } from '../src/catalog/index.js';
import { detectLicenseText } from '../src/detect/license-text/detector.js';
import { loadMatcher, type LicenseMatcher } from '../src/detect/license-text/index.js';
import { normalizeWords } from '../src/detect/license-text/normalize.js';
import { hashWords } from '../src/detect/license-text/shingle.js';
import type { DetectContext } from '../src/detect/types.js';
import { licenseFilesIn, listDir } from '../src/deps/fs.js';
import { readFileInput } from '../src/walk/read.js';

const args = process.argv.slice(2);

/**
 * Why the texts left unknown in the deps benchmark's tree (bench/deps/project's lock) are
 * not licenses the matcher should name, by the key of their normalized words (the table's
 * last column). A text without a reason here is new: read it, then fix the matcher or add it.
 */
const REASONS: Record<string, string> = {
  e4ba00ad525f: "Apache-2.0's standard notice (\"Licensed under the Apache License, Version 2.0 ...\") in place of the license text",
  cef86ba6b8b6: "CPython's LICENSE: its section A, the history of Python's releases, is prose, not license terms (section B is named)",
  c8f9d6f84c92: "lodash's own words around the MIT text: credit to Underscore.js, a CC0 waiver for sample code, a note on bundled code",
  b3fb575b7221: "lodash's own words around the MIT text: credit to Underscore.js, a CC0 waiver for sample code, a note on bundled code",
  '623141edc313': 'copyright lines the normalizer does not take for notices: "Copyright (https://...) (c) 2021 ...", "Portions Copyright (...) (c) ..."',
  '6eda967a6d46': 'a note between the ISC and the MIT text on which code each covers',
  d967cc5de9f8: 'a note that the logo is under CC-BY-SA-4.0 (names that license, does not hold it)',
  efc6a4be8ca1: 'notes on where test files come from, between three copies of the MIT text',
  '1452c4bdefdb': 'a note that the library is a fork, under the MIT license above',
  d6a85db84c4c: "the authors' own dual-licensing statement (BSD or GPL 2) and a request for payment, before the two texts",
  '403aef66af80': 'no license text: a note pointing to LICENSE and to Socket.IO',
};
const root = args.find((a) => !a.startsWith('--')) ?? join(tmpdir(), 'farleft-bench', 'deps-tree', 'node_modules');

/** Package folders under a node_modules folder, nested ones included. */
function packageDirs(modules: string, out: string[] = []): string[] {
  for (const e of listDir(modules)) {
    if (!e.isDirectory() || e.name.startsWith('.')) continue;
    const dirs = e.name.startsWith('@') ? listDir(join(modules, e.name)).filter((s) => s.isDirectory()).map((s) => join(modules, e.name, s.name)) : [join(modules, e.name)];
    for (const dir of dirs) {
      out.push(dir);
      packageDirs(join(dir, 'node_modules'), out);
    }
  }
  return out;
}

interface Outcome {
  readonly file: string;
  /** The package.json `license` (or legacy `licenses`) as written, to check what was named against. */
  readonly declared: string;
  readonly named: string[];
  readonly unknown: { line: number; closest: string }[];
  readonly key: string;
  readonly firstLine: string;
}

const catalog = loadCatalog();
let matcher: LicenseMatcher | undefined;
const ctx: DetectContext = { catalog, matcher: () => (matcher ??= loadMatcher()), options: { minConfidence: 0.9 } };
const buffer = Buffer.allocUnsafe(1024 * 1024);
const dirs = packageDirs(root);
const outcomes: Outcome[] = [];
const start = performance.now();
for (const dir of dirs)
  for (const rel of licenseFilesIn(dir, listDir(dir))) {
    const abs = join(dir, rel);
    if (!statSync(abs).isFile()) continue;
    const input = readFileInput(abs, rel, buffer);
    if (input.kind !== 'text') continue;
    const d = detectLicenseText(input, ctx);
    const named = d.declarations.filter((x) => x.expression !== 'NOASSERTION').map((x) => `${x.expression} ${x.confidence.toFixed(3)}`);
    const unknown = d.declarations
      .filter((x) => x.expression === 'NOASSERTION')
      .map((x) => ({ line: x.line ?? 0, closest: (x.candidates ?? []).map((c) => `${c.expression} ${c.confidence.toFixed(2)}`).join(', ') }));
    const text = readFileSync(abs, 'utf8');
    outcomes.push({
      file: relative(root, abs),
      declared: declaredLicense(dir),
      named,
      unknown,
      key: hashWords(normalizeWords(text)).slice(0, 12),
      firstLine: text.split('\n').find((l) => /\w/.test(l))?.trim().slice(0, 70) ?? '',
    });
  }
const seconds = (performance.now() - start) / 1000;

function declaredLicense(dir: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { license?: unknown; licenses?: unknown };
    const value = pkg.license ?? pkg.licenses;
    const parts = (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'object' && v !== null ? (v as { type?: unknown }).type : v));
    return parts.filter((v): v is string => typeof v === 'string').join(' OR ');
  } catch {
    return '';
  }
}

const whole = outcomes.filter((o) => o.unknown.length === 0 && o.named.length > 0);
const partly = outcomes.filter((o) => o.unknown.length > 0 && o.named.length > 0);
const none = outcomes.filter((o) => o.unknown.length > 0 && o.named.length === 0);
const silent = outcomes.filter((o) => o.unknown.length === 0 && o.named.length === 0);
console.log(`# license files in ${root}\n`);
console.log(`${dirs.length} package folders, ${outcomes.length} license files, read and matched in ${seconds.toFixed(1)} s\n`);
console.log('| outcome | files |\n|---|---:|');
console.log(`| named in full | ${whole.length} |`);
console.log(`| named in part, the rest unknown | ${partly.length} |`);
console.log(`| unknown | ${none.length} |`);
console.log(`| nothing declared (empty, or a problem only) | ${silent.length} |`);

// Files with unknown text, grouped by their normalized words (one group per distinct text).
const groups = new Map<string, Outcome[]>();
for (const o of [...partly, ...none]) groups.set(o.key, [...(groups.get(o.key) ?? []), o]);
console.log(`\n## unknown text: ${partly.length + none.length} files, ${groups.size} distinct texts\n`);
console.log('| files | example | named | unknown at line: closest | first line | key | why unknown |\n|---:|---|---|---|---|---|---|');
const cell = (s: string): string => s.replace(/\|/g, '\\|');
for (const list of [...groups.values()].sort((a, b) => b.length - a.length || (a[0]!.file < b[0]!.file ? -1 : 1))) {
  const o = list[0]!;
  const unknown = o.unknown.map((u) => `${u.line}: ${u.closest || '-'}`).join('; ');
  console.log(`| ${list.length} | ${cell(o.file)} | ${o.named.join(', ') || '-'} | ${cell(unknown)} | ${cell(o.firstLine)} | ${o.key} | ${cell(REASONS[o.key] ?? 'not reviewed yet')} |`);
}
if (silent.length) {
  console.log('\n## nothing declared\n');
  for (const o of silent) console.log(`- ${o.file}: ${cell(o.firstLine)}`);
}
// Named licenses the package's manifest does not mention: a wrong name, or a manifest that
// says less than its files (a bundled license, a dual license).
const differing = outcomes.filter((o) => o.named.some((n) => !o.declared.toLowerCase().includes(n.split(' ')[0]!.toLowerCase().replace(/-only$/, ''))));
console.log(`\n## named, but not in the package's manifest: ${differing.length} files\n`);
if (differing.length) console.log('| file | named | package.json |\n|---|---|---|');
for (const o of differing) console.log(`| ${cell(o.file)} | ${o.named.join(', ')} | ${cell(o.declared || '-')} |`);
if (args.includes('--all')) {
  const by = new Map<string, number>();
  for (const o of outcomes) for (const n of o.named) by.set(n.split(' ')[0]!, (by.get(n.split(' ')[0]!) ?? 0) + 1);
  console.log('\n## named\n\n| license | files |\n|---|---:|');
  for (const [id, n] of [...by].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) console.log(`| ${id} | ${n} |`);
}
