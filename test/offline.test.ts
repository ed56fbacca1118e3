// farleft never touches the network, and the scan never starts a process: no module may
// import a network API, and only media embedding (src/apply/embed/, which runs ExifTool's
// perl for `apply --embed`) may start processes. Nothing on the scan's path imports it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const NETWORK = /(?:from |require\()['"](?:node:)?(?:http|https|http2|net|dns|tls|dgram|undici)['"]|\bfetch\(|\bWebSocket\b/;
const PROCESS = /child_process|['"]exiftool-vendored['"]/;
/**
 * Where starting a process is allowed (paths below src/): lint/git.ts runs git for `lint --changed-since`;
 * build-bundle.ts is `npm run build`'s, and runs the freshly built CLI to record its code cache.
 */
const PROCESSES_ALLOWED: readonly string[] = ['apply/embed/', 'lint/git.ts', 'build-bundle.ts'];
/** The scan's own code: walking, detecting, resolving, reporting. */
const SCAN_PATH = /^(?:walk|detect|project|pipeline|report\/scan)\/|^scan\.ts$/;

const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  // .cts: the CommonJS files (src/cli/bundle.cts and the entries that load it).
  .filter((f) => /\.c?ts$/.test(f))
  .map((f) => ({ file: f.split('\\').join('/'), text: readFileSync(join(SRC, f), 'utf8') }));

it('no source file imports a network API', () => {
  expect(sources.filter((s) => NETWORK.test(s.text)).map((s) => s.file)).toEqual([]);
});

it(`only ${PROCESSES_ALLOWED.join(', ')} start processes`, () => {
  expect(sources.filter((s) => PROCESS.test(s.text) && !PROCESSES_ALLOWED.some((p) => s.file.startsWith(p))).map((s) => s.file)).toEqual([]);
});

it('nothing on the scan path imports the embedding code', () => {
  expect(sources.filter((s) => SCAN_PATH.test(s.file) && /from ['"][./]*(?:\.\.\/)*apply\//.test(s.text)).map((s) => s.file)).toEqual([]);
});
