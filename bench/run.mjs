// npm run bench [-- section ...]: runs the benchmarks and prints markdown tables.
// Sections: startup, scan, media, deps, apply, lint, reuse. Trees are generated once into the OS temp folder and reused.
import { benchApply } from './apply.mjs';
import { benchDeps } from './deps.mjs';
import { benchMedia } from './media.mjs';
import { benchLint } from './lint.mjs';
import { benchReuse } from './reuse.mjs';
import { benchScan } from './scan.mjs';
import { benchStartup } from './startup.mjs';
import { extraCaCost, WORK } from './lib.mjs';

const SECTIONS = { startup: benchStartup, scan: () => benchScan(), media: benchMedia, deps: benchDeps, apply: benchApply, lint: () => benchLint(), reuse: benchReuse };
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in SECTIONS));
if (unknown.length) {
  console.error(`unknown section(s): ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}
console.log(`# farleft benchmark (${new Date().toISOString().slice(0, 10)}, node ${process.version}, trees in ${WORK})`);
const ca = extraCaCost();
if (ca) console.log(`\n${ca}`);
let ok = true;
for (const name of wanted.length ? wanted : Object.keys(SECTIONS)) ok = SECTIONS[name]() && ok;
process.exitCode = ok ? 0 : 1;
