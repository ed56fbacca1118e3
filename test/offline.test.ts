// farleft never touches the network at scan time: no module may import a network API.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const NETWORK = /from ['"](?:node:)?(?:http|https|http2|net|dns|tls|dgram)['"]|from ['"]undici['"]|\bfetch\(|\bWebSocket\b|child_process/;

it('no source file imports a network API or spawns a process', () => {
  const offenders = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .filter((f) => NETWORK.test(readFileSync(join(SRC, f), 'utf8')));
  expect(offenders).toEqual([]);
});
