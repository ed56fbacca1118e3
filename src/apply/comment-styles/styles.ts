// How a header is written in each comment syntax. A style is data: the line comment
// marker, or a block (open, the prefix of the lines inside, close), and which lines at the
// top of a file must stay first (src/apply/preamble.ts reads `keep`).

/** Lines that must stay above the header, beyond the shebang, BOM and editor magic lines every style keeps. */
export type Keep = 'xml' | 'front-matter' | 'charset' | 'docker-directives' | 'php-open' | 'man-preprocessor' | 'postscript';

export interface CommentStyle {
  readonly name: string;
  /** A line comment: each header line is `prefix text [suffix]`. */
  readonly line?: { readonly prefix: string; readonly suffix?: string };
  /** A block comment: `open`, then `middle text` per line, then `close`. Used when there is no line comment. */
  readonly block?: { readonly open: string; readonly middle: string; readonly close: string };
  readonly keep?: readonly Keep[];
  /** No blank line between the header and the rest (where a blank line would change the output). */
  readonly noSeparator?: boolean;
}

const line = (prefix: string, suffix?: string): CommentStyle['line'] => (suffix ? { prefix, suffix } : { prefix });
const block = (open: string, middle: string, close: string): CommentStyle['block'] => ({ open, middle, close });

export const STYLES = {
  c: { name: 'c', block: block('/*', ' *', ' */'), keep: ['charset'] },
  cpp: { name: 'cpp', line: line('//'), keep: ['charset'] },
  python: { name: 'python', line: line('#'), keep: ['docker-directives'] },
  sql: { name: 'sql', line: line('--') },
  lisp: { name: 'lisp', line: line(';;') },
  ini: { name: 'ini', line: line(';') },
  tex: { name: 'tex', line: line('%'), keep: ['postscript'] },
  erlang: { name: 'erlang', line: line('%%') },
  html: { name: 'html', block: block('<!--', '', '-->'), keep: ['xml', 'front-matter'] },
  mdx: { name: 'mdx', block: block('{/*', '', '*/}'), keep: ['front-matter'] },
  jinja: { name: 'jinja', block: block('{#', '', '#}') },
  handlebars: { name: 'handlebars', block: block('{{!--', '', '--}}') },
  aspx: { name: 'aspx', block: block('<%--', '', '--%>') },
  ftl: { name: 'ftl', block: block('<#--', '', '-->') },
  erb: { name: 'erb', line: line('<%#', '%>') },
  velocity: { name: 'velocity', line: line('##') },
  bat: { name: 'bat', line: line('@REM') },
  vb: { name: 'vb', line: line("'") },
  ocaml: { name: 'ocaml', block: block('(*', '', '*)') },
  xquery: { name: 'xquery', block: block('(:', '', ':)') },
  bibtex: { name: 'bibtex', block: block('@Comment{', '', '}') },
  man: { name: 'man', line: line('.\\"'), keep: ['man-preprocessor'] },
  rst: { name: 'rst', line: line('..') },
  vim: { name: 'vim', line: line('"') },
  m4: { name: 'm4', line: line('dnl') },
  fortran: { name: 'fortran', line: line('!') },
  forth: { name: 'forth', line: line('\\') },
  pug: { name: 'pug', line: line('//-') },
  // PHP after `<?php`; a file that starts with HTML gets the header in its own PHP block
  // (`?>` swallows the newline after it, so nothing is printed).
  php: { name: 'php', line: line('//'), keep: ['php-open'] },
  'php-block': { name: 'php-block', block: block('<?php', '//', '?>'), noSeparator: true },
} as const satisfies Record<string, CommentStyle>;

export type StyleName = keyof typeof STYLES;

/** Other names `--style` accepts: the languages people think of. */
export const STYLE_ALIASES: Readonly<Record<string, StyleName>> = {
  css: 'c',
  java: 'c',
  'c-block': 'c',
  js: 'cpp',
  javascript: 'cpp',
  ts: 'cpp',
  typescript: 'cpp',
  go: 'cpp',
  rust: 'cpp',
  json5: 'cpp',
  slash: 'cpp',
  hash: 'python',
  shell: 'python',
  sh: 'python',
  ruby: 'python',
  perl: 'python',
  yaml: 'python',
  toml: 'python',
  r: 'python',
  nix: 'python',
  haskell: 'sql',
  lua: 'sql',
  ada: 'sql',
  scheme: 'lisp',
  clojure: 'lisp',
  asm: 'ini',
  matlab: 'tex',
  latex: 'tex',
  xml: 'html',
  svg: 'html',
  markdown: 'html',
  md: 'html',
  vue: 'html',
  pascal: 'ocaml',
  ml: 'ocaml',
  vbs: 'vb',
  basic: 'vb',
  plantuml: 'vb',
  twig: 'jinja',
  jsp: 'aspx',
  xresources: 'fortran',
};

export function styleByName(name: string): CommentStyle | null {
  const key = name.toLowerCase();
  if (Object.hasOwn(STYLES, key)) return STYLES[key as StyleName];
  return Object.hasOwn(STYLE_ALIASES, key) ? STYLES[STYLE_ALIASES[key]!] : null;
}

/** Every name `--style` accepts, for help and error messages. */
export function styleNames(): string[] {
  return [...Object.keys(STYLES), ...Object.keys(STYLE_ALIASES)].sort();
}
