// Dev tool: makes the fingerprint of a license text we do not ship (licenses/fingerprints/*.json)
// with the scanner's own normalizer. The text itself never enters the repository.
//
//   npx tsx scripts/fingerprint.ts make <text-file> --id <LicenseRef-…> --source '<where it came from>' [--front-matter] [--out <file>]
//   npx tsx scripts/fingerprint.ts update <fingerprint.json> <text-file> [--front-matter]
//
// `make` writes a new fingerprint; `update` recomputes one after a normalizer change, keeping
// its id and source, and refuses a text other than the one it was made from.
// --front-matter drops a leading YAML block (`---` … `---`), as ScanCode's .LICENSE files have.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeFingerprint, type FingerprintFile } from '../src/detect/license-text/profile.js';

const USAGE = `usage:
  npx tsx scripts/fingerprint.ts make <text-file> --id <id> --source '<origin>' [--front-matter] [--out <file>]
  npx tsx scripts/fingerprint.ts update <fingerprint.json> <text-file> [--front-matter]`;

export function stripFrontMatter(text: string): string {
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n(?:\r?\n)?/.exec(text);
  return m ? text.slice(m[0].length) : text;
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function write(file: string, fp: FingerprintFile): void {
  writeFileSync(file, JSON.stringify(fp, null, 2) + '\n');
  process.stderr.write(`wrote ${file} (${fp.tokens} words, normalized SHA-256 ${fp.sha256.slice(0, 12)}…)\n`);
}

function main(args: string[]): number {
  const [command, a, b] = args;
  const read = (file: string): string => {
    const text = readFileSync(file, 'utf8');
    return args.includes('--front-matter') ? stripFrontMatter(text) : text;
  };
  if (command === 'make' && a) {
    const id = flag(args, '--id');
    const source = flag(args, '--source');
    if (!id || !source) {
      process.stderr.write(`${USAGE}\n--id and --source are required\n`);
      return 2;
    }
    write(flag(args, '--out') ?? join('licenses', 'fingerprints', `${id}.json`), makeFingerprint(id, source, read(a)));
    return 0;
  }
  if (command === 'update' && a && b) {
    const old = JSON.parse(readFileSync(a, 'utf8')) as FingerprintFile;
    const fp = makeFingerprint(old.id, old.source, read(b));
    if (fp.textSha256 !== old.textSha256 && !args.includes('--force')) {
      process.stderr.write(`${b} is not the text ${a} was made from (SHA-256 differs); use make, or --force\n`);
      return 1;
    }
    write(a, fp);
    return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
