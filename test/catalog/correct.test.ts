// farleft loads spdx-correct with an ordinal string comparison in place of localeCompare
// (which costs an ICU collator on its first call): its guesses must be the ones a plain load makes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInThisContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { loadCorrect, type Correct } from '../../src/catalog/correct.js';

const require = createRequire(import.meta.url);

/** spdx-correct evaluated afresh from its file, as Node would load it, with localeCompare as it is. */
function plainLoad(): Correct {
  const file = require.resolve('spdx-correct');
  const wrapped = runInThisContext(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`) as (...args: unknown[]) => void;
  const module = { exports: {} as unknown };
  wrapped(module.exports, createRequire(file), module, file, file.slice(0, file.lastIndexOf('/')));
  return module.exports as Correct;
}

/** Names people write: SPDX's ids and full names, and the spellings spdx-correct's tables are for. */
function inputs(): string[] {
  const names = Object.entries(require('spdx-license-list') as Record<string, { name: string }>).flatMap(([id, { name }]) => [id, name]);
  const variants = names.flatMap((n) => [n.toUpperCase(), n.toLowerCase(), n.replace(/-/g, ' '), n.replace(/ v?(\d)/g, ' v$1'), `${n} License`, `The ${n}`]);
  const odd = ['MITClause', 'BSD style', 'BSD-like', 'GNU GPL v2', 'GNU LGPL', 'Apache Software License', 'Apache 2', 'Gnu public license', 'GPLv2 or later', 'Affero', 'Mozilla Public License 2', 'WTF', 'Boost', 'X11 style', 'zlib/libpng', 'Creative Commons Attribution', 'Eclipse', 'Artistic', 'Public Domain', 'Universal Permissive License v1'];
  return [...new Set([...names, ...variants, ...odd])];
}

describe('spdx-correct as farleft loads it', () => {
  const fast = loadCorrect();
  const plain = plainLoad();

  it('leaves String.prototype.localeCompare as it was', () => {
    expect('a'.localeCompare('b')).toBe(-1);
    expect(String.prototype.localeCompare.toString()).toContain('[native code]');
  });

  it('guesses what a plain load guesses, for every SPDX name and the spellings people write', () => {
    const guess = (correct: Correct, s: string): string | null => {
      try {
        return correct(s);
      } catch {
        return 'throws';
      }
    };
    const all = inputs();
    expect(all.length).toBeGreaterThan(5000);
    const differ = all.filter((s) => guess(fast, s) !== guess(plain, s));
    expect(differ).toEqual([]);
    // The comparison means something: the table's order decides these (each holds several of its patterns).
    expect(guess(fast, 'GNU Lesser General Public License')).toBe(guess(plain, 'GNU Lesser General Public License'));
    expect(guess(fast, 'MITClause')).toBe('MIT');
  });
});
