// REUSE 3.3 in one place: which files are Covered Files, and which licensing information
// applies to one of them when its own tags, a .license sidecar, REUSE.toml tables and
// .reuse/dep5 all speak for it. Pure functions: no I/O.
import { sidecarTarget } from '../detect/sidecar.js';
import type { CopyrightNotice, Declaration, Problem } from '../types.js';
import type { AnnotationIndex } from './reuse-glob.js';

/** The REUSE information one source gives a file: its own tags, or its sidecar's. */
export interface Licensing {
  readonly declarations: readonly Declaration[];
  readonly copyrights: readonly CopyrightNotice[];
}

export interface ResolvedFile {
  /** The declarations that apply, in precedence order; snippet declarations last. */
  readonly declarations: readonly Declaration[];
  /** Copyright statements that apply, deduplicated, in the same order. */
  readonly copyright: readonly string[];
  /** The notices behind `copyright`, with their provenance. */
  readonly notices: readonly CopyrightNotice[];
  /** The declarations' expressions joined with AND (each OR-part in parentheses), or null. */
  readonly license: string | null;
}

const NOTHING: Licensing = { declarations: [], copyrights: [] };

/**
 * The licensing of one Covered File under the REUSE Specification 3.3 ("Order of
 * precedence" and the REUSE.toml `precedence` key):
 *
 * 1. A `.license` sidecar replaces the file: "the Licensing Information defined in the
 *    `.license` file takes precedence, and the Commentable File's contents are ignored".
 * 2. Within one REUSE.toml, "exclusively the last matching table in the file is used".
 * 3. `override`: "ignore any other Licensing Information that is closer to the Files. The
 *    table in the REUSE.toml that is the closest to the root of the Project is
 *    authoritative." Deeper REUSE.toml files and the file's own tags (and sidecar) are
 *    not read; `closest` tables are ignored; `aggregate` tables nearer the root still add.
 * 4. `closest` (the default): the file's own information if it has some, else "the table
 *    of the closest REUSE.toml that covers the File"; "applied separately for copyright
 *    and for licensing" — so a file with only a copyright header takes its license from
 *    the closest table that has one, and vice versa.
 * 5. `aggregate`: "always associate" the table's information; "subsequently, the
 *    `closest` logic is also applied".
 * 6. `.reuse/dep5`: "aggregated with the Licensing Information found in the Covered
 *    Files"; within dep5 the last matching Files paragraph is used (Debian format 1.0).
 *
 * Where reuse-tool and the spec differ, this follows the spec: reuse-tool still applies a
 * shallower `closest` table next to an `override` found deeper (rule 3 says closest is
 * then ignored), and when a file has only one kind of information it takes the other kind
 * only from the topmost closest table (rule 4 asks for the closest one that has it).
 * As in reuse-tool, tags inside snippets count as the file's own information and their
 * licenses join the file's license (AND); they are listed last.
 *
 * `own` must hold only the file's own information (SPDX tags; media metadata where REUSE says
 * nothing else, see resolveOwnAndMedia in index.ts); `sidecar` is the
 * detection of `<path>.license`, or null when there is none.
 */
export function resolveFile(path: string, own: Licensing | null, sidecar: Licensing | null, index: AnnotationIndex): ResolvedFile {
  const covering = index.covering(path);
  const file = sidecar ?? own ?? NOTHING;
  // Most files: no REUSE.toml or dep5 covers them and they hold no snippet, so their own information is all.
  if (covering.length === 0 && !file.declarations.some((d) => d.scope === 'snippet') && !file.copyrights.some((c) => c.scope === 'snippet'))
    return finish(file.declarations, file.copyrights);
  const tomls = covering.filter((a) => a.source === 'reuse-toml'); // root first
  const dep5 = covering.filter((a) => a.source === 'dep5');
  const override = tomls.findIndex((a) => a.precedence === 'override');
  const relevant = override >= 0 ? tomls.slice(0, override + 1) : tomls;
  const aggregates = relevant.filter((a) => a.precedence === 'aggregate');

  const declarations: Declaration[] = [];
  const notices: CopyrightNotice[] = [];
  const add = (l: Licensing): void => {
    declarations.push(...l.declarations);
    notices.push(...l.copyrights);
  };

  if (override >= 0) {
    add(tomls[override]!);
    aggregates.forEach(add);
    dep5.forEach(add);
    return finish(declarations, notices);
  }

  const closest = relevant.filter((a) => a.precedence === 'closest').reverse(); // deepest first
  const closestLicense = file.declarations.length ? undefined : closest.find((a) => a.declarations.length > 0);
  const closestCopyright = file.copyrights.length ? undefined : closest.find((a) => a.copyrights.length > 0);

  declarations.push(...file.declarations.filter((d) => d.scope !== 'snippet'));
  notices.push(...file.copyrights.filter((c) => c.scope !== 'snippet'));
  if (closestLicense) declarations.push(...closestLicense.declarations);
  if (closestCopyright) notices.push(...closestCopyright.copyrights);
  aggregates.forEach(add);
  dep5.forEach(add);
  declarations.push(...file.declarations.filter((d) => d.scope === 'snippet'));
  notices.push(...file.copyrights.filter((c) => c.scope === 'snippet'));
  return finish(declarations, notices);
}

function finish(declarations: readonly Declaration[], notices: readonly CopyrightNotice[]): ResolvedFile {
  return {
    declarations,
    copyright: notices.length < 2 ? notices.map((n) => n.text) : [...new Set(notices.map((n) => n.text))],
    notices,
    license: declarations.length === 0 ? null : combineLicenses(declarations.map((d) => d.expression)),
  };
}

const MARKERS = new Set(['NONE', 'NOASSERTION']);

/**
 * Joins expressions with AND: each is split into its top-level AND operands, repeats are
 * dropped, OR-operands get parentheses. NONE / NOASSERTION only stand when nothing else
 * does (SPDX does not allow them inside a compound expression).
 */
export function combineLicenses(expressions: readonly string[]): string | null {
  if (expressions.length === 1 && !MARKERS.has(expressions[0]!) && !expressions[0]!.startsWith('(')) return expressions[0]!;
  const operands: string[] = [];
  for (const e of expressions) for (const op of splitAnd(e)) if (!operands.includes(op)) operands.push(op);
  const real = operands.filter((o) => !MARKERS.has(o));
  const kept = real.length ? real : operands;
  if (kept.length === 0) return null;
  if (kept.length === 1) return unwrap(kept[0]!);
  return kept.map((o) => (hasTopLevel(o, ' OR ') ? `(${o})` : o)).join(' AND ');
}

/** Top-level AND operands of a normalized expression, outer parentheses removed. */
function splitAnd(expression: string): string[] {
  const e = unwrap(expression.trim());
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < e.length; i++) {
    const c = e[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && e.startsWith(' AND ', i)) {
      out.push(unwrap(e.slice(start, i).trim()));
      start = i + 5;
      i += 4;
    }
  }
  out.push(unwrap(e.slice(start).trim()));
  return out.filter((o) => o !== '');
}

/** Drops parentheses that enclose the whole expression. */
function unwrap(e: string): string {
  while (e.startsWith('(') && e.endsWith(')') && closes(e) === e.length - 1) e = e.slice(1, -1).trim();
  return e;
}

/** Index of the parenthesis closing the one at 0. */
function closes(e: string): number {
  let depth = 0;
  for (let i = 0; i < e.length; i++) {
    if (e[i] === '(') depth++;
    else if (e[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

function hasTopLevel(e: string, op: string): boolean {
  let depth = 0;
  for (let i = 0; i < e.length; i++) {
    if (e[i] === '(') depth++;
    else if (e[i] === ')') depth--;
    else if (depth === 0 && e.startsWith(op, i)) return true;
  }
  return false;
}

export interface CoverOptions {
  /** Meson subprojects are separate projects and not covered unless asked for (as reuse-tool). */
  readonly includeMesonSubprojects?: boolean;
}

// Folders whose files are never Covered Files, at any depth (as reuse-tool applies them).
const UNCOVERED_DIRS = new Set(['.git', '.hg', '.sl', 'LICENSES', '.reuse']);
// File names that are not Covered Files: license texts, sidecars, REUSE.toml, VCS files,
// SPDX documents (SPDX 2.3 clause 4.4), and two license ids that reuse-tool would
// otherwise read as license files (reuse-tool issue 229).
const UNCOVERED_NAMES =
  /^(?:LICEN[CS]E(?:[-.].*)?|COPYING(?:[-.].*)?|\.git|\.hgtags|REUSE\.toml|CAL-1\.0(?:-Combined-Work-Exception)?(?:\..+)?|SHL-2\.1(?:\..+)?)$|\.license$|\.spdx$|\.spdx\.(?:rdf|json|xml|ya?ml)$/;

/**
 * Whether REUSE 3.3 requires licensing information for a file ("Covered and ignored
 * Files"). Not covered: files under LICENSES/, .reuse/ and VCS folders; LICENSE*,
 * LICENCE* and COPYING* (bare, or followed by `.` or `-` and anything); `.license`
 * sidecars; REUSE.toml; SPDX documents; symlinks; empty files; Meson subprojects.
 * Case matters, as in reuse-tool (`license.txt` is covered). Git-ignored files and
 * submodules are the walker's business.
 */
export function isCovered(path: string, size: number, isSymlink = false, options: CoverOptions = {}): boolean {
  if (isSymlink || size === 0 || !inCoveredFolder(path, options)) return false;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return !UNCOVERED_NAMES.test(name);
}

/**
 * Whether none of the folders above `path` is excluded (LICENSES/, .reuse/, VCS folders,
 * Meson subprojects). reuse-tool reads a REUSE.toml only where this holds, so the project
 * stage should drop annotations of a REUSE.toml for which it does not.
 */
// Any of the folder names above, followed by '/': a cheap test that rules most paths out.
const MAYBE_UNCOVERED = /(?:^|\/)(?:\.git|\.hg|\.sl|LICENSES|\.reuse|subprojects)\//;

export function inCoveredFolder(path: string, options: CoverOptions = {}): boolean {
  if (!MAYBE_UNCOVERED.test(path)) return true;
  const dirs = path.split('/').slice(0, -1);
  for (let i = 0; i < dirs.length; i++) {
    if (UNCOVERED_DIRS.has(dirs[i]!)) return false;
    if (i > 0 && dirs[i - 1] === 'subprojects' && !options.includeMesonSubprojects) return false;
  }
  return true;
}

/** REUSE 3.3: "REUSE.toml and DEP5 are mutually exclusive. You MUST NOT use both simultaneously." */
export function findReuseConflict(paths: readonly string[]): Problem | null {
  if (!paths.includes('.reuse/dep5')) return null;
  const toml = paths.find((p) => p === 'REUSE.toml' || p.endsWith('/REUSE.toml'));
  if (!toml) return null;
  return {
    code: 'dep5-and-reuse-toml',
    severity: 'error',
    file: '.reuse/dep5',
    line: null,
    message: `the project uses both .reuse/dep5 and ${toml}; REUSE 3.3 forbids using both (both are applied here)`,
    suggestion: 'Convert .reuse/dep5 to REUSE.toml (reuse convert-dep5) and delete .reuse/dep5',
  };
}

/** A sidecar (`x.license`) whose file `x` is not in the tree: its licensing applies to nothing. */
export function orphanSidecar(sidecar: string): Problem {
  return {
    code: 'orphan-sidecar',
    severity: 'warning',
    file: sidecar,
    line: null,
    message: `${sidecar} is a .license sidecar, but ${sidecarTarget(sidecar)} is not in the tree`,
    suggestion: `Rename it after the file it describes, or delete it`,
  };
}
