// .farleft.yml: found by walking up from the folder a command runs on, checked against
// one schema. An unknown key or a value of the wrong type is a ConfigError (exit 2)
// that names the file and the key.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { closest } from 'fastest-levenshtein';
import { parseDocument } from 'yaml';
import { ConfigError } from './errors.js';

export const CONFIG_FILE = '.farleft.yml';

export interface FarleftConfig {
  /** Where the config was found (for messages), and the folder it governs. */
  readonly file: string;
  readonly dir: string;
  /** The project's outbound license, an SPDX expression. */
  readonly license?: string;
  /** Copyright holders, e.g. "2026 Example Collective". */
  readonly copyright?: readonly string[];
  readonly exclude?: readonly string[];
  readonly include?: readonly string[];
}

type Check = (value: unknown) => string | null;

const isString: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? null : 'expected a non-empty string');
const isStringList: Check = (v) =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? null : 'expected a list of strings';
const isStringOrList: Check = (v) => (isString(v) === null || isStringList(v) === null ? null : 'expected a string or a list of strings');

/** The schema: each top-level key and its check. Later commands add their sections here. */
const SCHEMA: Record<string, Check> = {
  license: isString,
  copyright: isStringOrList,
  exclude: isStringList,
  include: isStringList,
};

/** The nearest .farleft.yml at or above `start`, or null. */
export function findConfig(start: string): string | null {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const file = join(dir, CONFIG_FILE);
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) return null;
  }
}

export function loadConfig(start: string): FarleftConfig | null {
  const file = findConfig(start);
  return file ? parseConfig(readFileSync(file, 'utf8'), file) : null;
}

export function parseConfig(text: string, file: string): FarleftConfig {
  const shown = displayPath(file);
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const line = err.linePos?.[0]?.line;
    throw new ConfigError(shown, null, `${line ? `line ${line}: ` : ''}${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return { file: shown, dir: dirname(file) };
  if (typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(shown, null, 'expected a mapping of keys to values');
  const known = Object.keys(SCHEMA);
  for (const [key, value] of Object.entries(data)) {
    const check = SCHEMA[key];
    if (!check) {
      const near = closest(key, known);
      throw new ConfigError(shown, key, `unknown key (known keys: ${known.join(', ')}${near ? `; did you mean ${near}?` : ''})`);
    }
    const problem = check(value);
    if (problem) throw new ConfigError(shown, key, problem);
  }
  const rec = data as Record<string, unknown>;
  const copyright = rec.copyright === undefined ? undefined : typeof rec.copyright === 'string' ? [rec.copyright] : (rec.copyright as string[]);
  return {
    file: shown,
    dir: dirname(file),
    ...(rec.license !== undefined ? { license: rec.license as string } : {}),
    ...(copyright ? { copyright } : {}),
    ...(rec.exclude !== undefined ? { exclude: rec.exclude as string[] } : {}),
    ...(rec.include !== undefined ? { include: rec.include as string[] } : {}),
  };
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}
