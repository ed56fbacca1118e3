// .farleft.yml: found by walking up from the folder a command runs on, checked against
// one schema. An unknown key or a value of the wrong type is a ConfigError (exit 2)
// that names the file and the key.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { closest } from 'fastest-levenshtein';
import { ConfigError } from './errors.js';
import { yaml } from './lazy.js';

export const CONFIG_FILE = '.farleft.yml';

/** Who uses the work: the compatibility engine's verdicts on copyfarleft and NC terms depend on it. */
export const LICENSEE_KINDS = ['worker-cooperative', 'collective', 'individual', 'nonprofit', 'education', 'company', 'public-body'] as const;
export type LicenseeKind = (typeof LICENSEE_KINDS)[number];

export interface LicenseeConfig {
  readonly kind?: LicenseeKind;
  /** Whether the use is commercial (selling, or use in a business). */
  readonly commercial?: boolean;
}

export interface PolicyException {
  /** A .gitignore-style pattern of files, or a package name (deps), the exception covers. */
  readonly path?: string;
  readonly package?: string;
  /** The license (expression or category) the exception lets through. */
  readonly license: string;
  readonly reason: string;
}

export interface PolicyConfig {
  /** License ids or categories always accepted. */
  readonly allow?: readonly string[];
  /** License ids or categories always refused; a deny wins over everything. */
  readonly deny?: readonly string[];
  readonly exceptions?: readonly PolicyException[];
}

/** `farleft lint` settings: each rule off, warn or error; files whose findings are dropped; what fails. */
export interface LintConfig {
  readonly rules?: Readonly<Record<string, 'off' | 'warn' | 'error'>>;
  readonly ignore?: readonly string[];
  readonly failOn?: 'error' | 'warn';
}

/** `farleft deps` settings. */
export interface DepsConfig {
  /** How dependencies are used by the work (default link; bundle when they ship inside it). */
  readonly context?: 'bundle' | 'link' | 'network' | 'aggregate';
}

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
  readonly licensee?: LicenseeConfig;
  readonly policy?: PolicyConfig;
  readonly deps?: DepsConfig;
  readonly lint?: LintConfig;
}

/** Returns what is wrong, as `[key path, message]`, or null. */
type Check = (value: unknown) => string | [string, string] | null;

const isString: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? null : 'expected a non-empty string');
const isStringList: Check = (v) =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? null : 'expected a list of strings';
const isStringOrList: Check = (v) => (isString(v) === null || isStringList(v) === null ? null : 'expected a string or a list of strings');

const isBoolean: Check = (v) => (typeof v === 'boolean' ? null : 'expected true or false');
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? null : `expected one of ${values.join(', ')}`;

/** A mapping whose keys each have a check; `required` keys must be present. */
const mapping =
  (fields: Record<string, Check>, required: readonly string[] = []): Check =>
  (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'expected a mapping';
    for (const [key, value] of Object.entries(v)) {
      const check = fields[key];
      if (!check) {
        const near = closest(key, Object.keys(fields));
        return [key, `unknown key (known keys: ${Object.keys(fields).join(', ')}${near ? `; did you mean ${near}?` : ''})`];
      }
      const problem = check(value);
      if (problem) return typeof problem === 'string' ? [key, problem] : [`${key}.${problem[0]}`, problem[1]];
    }
    for (const key of required) if (!(key in v)) return [key, 'required'];
    return null;
  };

const listOf =
  (item: Check): Check =>
  (v) => {
    if (!Array.isArray(v)) return 'expected a list';
    for (const [i, x] of v.entries()) {
      const problem = item(x);
      if (problem) return typeof problem === 'string' ? [`${i}`, problem] : [`${i}.${problem[0]}`, problem[1]];
    }
    return null;
  };

const policyException: Check = (v) => {
  const problem = mapping({ path: isString, package: isString, license: isString, reason: isString }, ['license', 'reason'])(v);
  if (problem) return problem;
  const rec = v as Record<string, unknown>;
  return rec.path === undefined && rec.package === undefined ? ['path', 'an exception needs a path or a package'] : null;
};

/** A mapping of any keys (checked by the command that reads them) to one of `values`. */
const mapOf =
  (values: readonly string[]): Check =>
  (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'expected a mapping';
    for (const [key, value] of Object.entries(v)) {
      const problem = oneOf(values)(value);
      if (problem) return [key, problem as string];
    }
    return null;
  };

/** The schema: each top-level key and its check. Later commands add their sections here. */
const SCHEMA: Record<string, Check> = {
  license: isString,
  copyright: isStringOrList,
  exclude: isStringList,
  include: isStringList,
  licensee: mapping({ kind: oneOf(LICENSEE_KINDS), commercial: isBoolean }),
  policy: mapping({ allow: isStringList, deny: isStringList, exceptions: listOf(policyException) }),
  deps: mapping({ context: oneOf(['bundle', 'link', 'network', 'aggregate']) }),
  // Rule ids are checked by `farleft lint`, which knows them.
  lint: mapping({ rules: mapOf(['off', 'warn', 'error']), ignore: isStringList, failOn: oneOf(['error', 'warn']) }),
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
  // The YAML parser is loaded only when a .farleft.yml is found: most runs have none.
  const { parseDocument } = yaml();
  // Errors only: a warning of the yaml package (a mapping as a key) would go to stderr as Node's own; the key is reported below.
  const doc = parseDocument(text, { logLevel: 'error' });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const line = err.linePos?.[0]?.line;
    throw new ConfigError(shown, null, `${line ? `line ${line}: ` : ''}${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // Aliases that expand without end (a "billion laughs" file) are refused, not expanded.
    throw new ConfigError(shown, null, (e as Error).message.split('\n')[0]!);
  }
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
    if (problem) throw typeof problem === 'string' ? new ConfigError(shown, key, problem) : new ConfigError(shown, `${key}.${problem[0]}`, problem[1]);
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
    ...(rec.licensee !== undefined ? { licensee: rec.licensee as LicenseeConfig } : {}),
    ...(rec.policy !== undefined ? { policy: rec.policy as PolicyConfig } : {}),
    ...(rec.deps !== undefined ? { deps: rec.deps as DepsConfig } : {}),
    ...(rec.lint !== undefined ? { lint: rec.lint as LintConfig } : {}),
  };
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}
