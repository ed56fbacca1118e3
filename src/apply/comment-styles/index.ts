// Routes a file to its comment style: by file name, then extension, then the interpreter
// its shebang names. Formats without comment syntax go to a `.license` sidecar; anything
// else is unknown and reported, never guessed.
import { LANGUAGES, SIDECAR_EXTENSIONS, SIDECAR_NAMES, type Language } from './languages.js';
import { STYLES, type CommentStyle, type StyleName } from './styles.js';

export { STYLES, styleByName, styleNames, type CommentStyle, type Keep } from './styles.js';
export { LANGUAGES } from './languages.js';

export type Route =
  | { readonly kind: 'style'; readonly style: CommentStyle; readonly language: string; readonly via: 'name' | 'extension' | 'shebang' | 'content' }
  | { readonly kind: 'sidecar'; readonly what: string }
  | { readonly kind: 'unknown' };

interface Tables {
  readonly names: Map<string, Language>;
  readonly extensions: Map<string, Language>;
  readonly interpreters: Map<string, Language>;
}

let tables: Tables | null = null;

function routingTables(): Tables {
  if (tables) return tables;
  const names = new Map<string, Language>();
  const extensions = new Map<string, Language>();
  const interpreters = new Map<string, Language>();
  for (const lang of LANGUAGES) {
    for (const n of lang.names ?? []) names.set(n, lang);
    for (const e of lang.extensions ?? []) extensions.set(e, lang);
    for (const i of lang.interpreters ?? []) interpreters.set(i, lang);
  }
  return (tables = { names, extensions, interpreters });
}

/** Files whose extension is shared by two languages with different comment syntax: decided by what they contain. */
const CONTENT_RULES: Readonly<Record<string, (head: string) => { style: StyleName; language: string } | null>> = {
  m: (head) => (/^[ \t]*(?:#import|#include|@interface|@implementation|@protocol)\b/m.test(head) ? { style: 'c', language: 'Objective-C' } : null),
  v: (head) => (/^[ \t]*(?:Require|Theorem|Lemma|Proof|Definition|Inductive|Fixpoint)\b/m.test(head) ? { style: 'ocaml', language: 'Coq' } : null),
  // fontconfig's and D-Bus's `.conf` files are XML, where a `#` line is an error.
  conf: (head) => (/^(?:\xef\xbb\xbf)?\s*<(?:\?xml\b|!DOCTYPE\b)/i.test(head) ? { style: 'html', language: 'XML' } : null),
  // GNOME's Mallard help pages (`index.page`): XML.
  page: (head) => (/^(?:\xef\xbb\xbf)?\s*<(?:\?xml\b|page\b)/.test(head) ? { style: 'html', language: 'Mallard (XML)' } : null),
  // `invoke-rc.d`, `update-rc.d`: shell scripts, not D. `#` opens no comment in D (only a
  // shebang naming a D compiler and `#line`), so a file that starts with one is not D.
  d: (head) => (/^(?:\xef\xbb\xbf)?\s*#(?!line\b|!.*\b(?:rdmd|dmd|gdmd|ldc2|ldmd2)\b)/.test(head) ? { style: 'python', language: 'Shell (a .d name)' } : null),
  // gettext's Internationalization Tag Set rules (`foo.its`) are XML; U-Boot's image sources are devicetree.
  its: (head) => (/^(?:\xef\xbb\xbf)?\s*<(?:\?xml\b|its:rules\b)/.test(head) ? { style: 'html', language: 'ITS rules (XML)' } : null),
};

/** Whether the route of a path depends on the file's content (an extension two languages share). */
export function needsContent(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const ext = extensionOf(templateTarget(name) ?? name);
  return ext !== null && Object.hasOwn(CONTENT_RULES, ext);
}

/**
 * The name of the file a configure or meson template becomes (`foo.service.in` -> `foo.service`),
 * whose comments it keeps; null for any other name.
 */
function templateTarget(name: string): string | null {
  return name.length > 3 && name.toLowerCase().endsWith('.in') ? name.slice(0, -3) : null;
}

/** Name variants that carry a suffix: `Dockerfile.dev`, `Containerfile.ci`. */
const NAME_PREFIXES: readonly [string, string][] = [
  ['Dockerfile.', 'Dockerfile'],
  ['Containerfile.', 'Dockerfile'],
];

/** The extension in lower case (`a.d.ts` -> `ts`); none for `.bashrc` or `Makefile`. */
export function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf('.');
  return dot <= 0 || dot === name.length - 1 ? null : name.slice(dot + 1).toLowerCase();
}

/**
 * The route for a file. `head` is the start of the file read as Latin-1 (for the shebang and
 * the content rules), or null when the file has not been read.
 */
export function routeFile(path: string, head: string | null): Route {
  const t = routingTables();
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (templateTarget(name) !== null) {
    const made = routeFile(path.slice(0, -3), head);
    if (made.kind !== 'unknown') return made;
  }
  const byName = t.names.get(name);
  if (byName) return styleRoute(byName.style, byName.name, 'name');
  for (const [prefix, target] of NAME_PREFIXES) if (name.startsWith(prefix)) return styleRoute(t.names.get(target)!.style, target, 'name');
  const dataName = SIDECAR_NAMES.get(name);
  if (dataName) return { kind: 'sidecar', what: dataName };
  const ext = extensionOf(name);
  if (ext !== null) {
    const rule = Object.hasOwn(CONTENT_RULES, ext) ? CONTENT_RULES[ext] : undefined;
    const special = rule && head !== null ? rule(head) : null;
    if (special) return styleRoute(special.style, special.language, 'content');
    const lang = t.extensions.get(ext);
    if (lang) return styleRoute(lang.style, lang.name, 'extension');
    const what = SIDECAR_EXTENSIONS.get(ext);
    if (what) return { kind: 'sidecar', what };
  }
  const interpreter = head === null ? null : shebangInterpreter(head);
  const lang = interpreter === null ? undefined : t.interpreters.get(interpreter);
  if (lang) return styleRoute(lang.style, lang.name, 'shebang');
  const opened = head === null ? null : openingComment(head);
  if (opened) return styleRoute(opened.style, opened.language, 'content');
  return { kind: 'unknown' };
}

/**
 * A file of a kind no row names, whose first line is a comment in a syntax that is nothing but a comment where it
 * stands (`/*`, `//`, `<!--`, `;`): a header in that syntax is one more comment of the kind the file opens with
 * (OpenCL's `.cl`, a Windows resource script's `.rc`, a module definition's `.def`). Not `#`, `--` or `%`: a Markdown
 * heading, YAML's `---` and PostScript's `%!` open files too.
 */
function openingComment(head: string): { style: StyleName; language: string } | null {
  const start = /^(?:\xef\xbb\xbf)?\s*/.exec(head)![0].length;
  // A block must close in the head or go on in ` * ` lines (an ignore file's "/*" is every file at its root); a `;`
  // line must read as a comment's (FFmpeg's metadata files open with ";FFMETADATA1", which is no comment).
  if (head.startsWith('/*', start) && (head.includes('*/', start + 2) || /^\/\*[^\n]*\n[ \t]*\*/.test(head.slice(start, start + 200)))) return { style: 'c', language: 'a file that opens with a /* comment' };
  if (head.startsWith('//', start)) return { style: 'cpp', language: 'a file that opens with a // comment' };
  if (head.startsWith('<!--', start) && head.includes('-->', start + 4)) return { style: 'html', language: 'a file that opens with an <!-- comment' };
  if (/^;(?:[\s;*=#-]|$)/.test(head.slice(start, start + 2))) return { style: 'ini', language: 'a file that opens with a ; comment' };
  return null;
}

function styleRoute(style: StyleName, language: string, via: 'name' | 'extension' | 'shebang' | 'content'): Route {
  return { kind: 'style', style: STYLES[style], language, via };
}

/**
 * The program a shebang runs, without path or version digits: `#!/usr/bin/env -S python3 -u`
 * -> `python`, `#!/bin/bash` -> `bash`. Null when the text has no shebang.
 */
export function shebangInterpreter(head: string): string | null {
  const start = head.charCodeAt(0) === 0xfeff ? 1 : head.startsWith('\xef\xbb\xbf') ? 3 : 0;
  if (!head.startsWith('#!', start)) return null;
  const end = head.indexOf('\n', start);
  const words = head
    .slice(start + 2, end === -1 ? Math.min(head.length, start + 256) : Math.min(end, start + 256))
    .trim()
    .split(/[ \t]+/);
  let program = basename(words[0] ?? '');
  if (program === 'env') {
    // env [-S] [-i] [NAME=value ...] program
    program = basename(words.slice(1).find((w) => !w.startsWith('-') && !w.includes('=')) ?? '');
  }
  const bare = program.replace(/(?<![\d.])[\d.]+$/, '');
  return bare === '' ? null : bare;
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1).replace(/\r$/, '');
}
