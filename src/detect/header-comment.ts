// The leading comment of a source file, as the header readers read it (header-notice.ts, header-text.ts): its
// words without decoration, a line per line (blank lines kept: they part paragraphs; numbers kept: declarations
// name them), from after a shebang, PHP's opening tag, a "use strict" or GNU's time-stamp line to the first line of
// code. A string in the code below ("licensed under MIT" in a CLI's help text) is not the file's notice, nor is what
// REUSE-IgnoreStart and REUSE-IgnoreEnd enclose.

// A comment line's decoration: C, C++, shell, SQL, Lisp, TeX, Fortran, Basic, Haskell, OCaml, HTML, Python docstrings, Ruby's =begin,
// and ARM assembly's `@` (FFmpeg's .S files) when a space follows it (`@import`, `@echo` are code). A line comment may
// carry a box's star after its opener (NASM's `;*`, `#*`): a star left at the line's start reads as a list item.
const LINE_OPENER = /^\s*(?:\/\*+!?|\*+(?!\/)|(?:\/\/+!?|#+!?|--+|;+|%+|!+|@(?=[\s*]|$))(?:[ \t]*\*+(?![\/)]))?|'|"""|'''|rem\b|dnl\b|<!--|\(\*+|\{-|=begin\b|=end\b)?/i;
// Tried from the start of a run of spaces or stars only (the lookbehinds): from every start of a long run it is quadratic.
const LINE_CLOSER = /(?<!\s)\s*(?:(?<!\*)\*+\/|-->|(?<!\*)\*+\)|-\}|"""|''')\s*$/;
const BLOCK_OPENERS = [
  ['/*', '*/'],
  ['<!--', '-->'],
  ['(*', '*)'],
  ['{-', '-}'],
  ['"""', '"""'],
  ["'''", "'''"],
  ['=begin', '=end'], // Ruby's, each at the start of its line
] as const;
const LINE_COMMENT = /^\s*(?:\/\/|#|--|;|%|!|'|rem\b|dnl\b|@(?=\s|$))/i;
const USE_STRICT = /^\uFEFF?(["'])use strict\1;?\s*$/;
const PHP_OPEN = /^\uFEFF?<\?php(?:\s+declare\s*\(\s*strict_types\s*=\s*1\s*\)\s*;)?\s*$/i;
const GNU_TIME_STAMP = /^(?:scriptversion|timestamp)=['"]?[\d.:-]{8,30}['"]?;?(?:\s*#[^\n]{0,40})?$/;

/**
 * The words of the comments a file starts with, decoration stripped, one line per line (blank
 * lines kept: they part paragraphs). Stops at the first line of code.
 */
export function leadingComment(head: string): string {
  return commentLines(head).lines.join('\n');
}

/** A leading comment's lines (leadingComment), and the indexes of those that end a comment block (where a block comment closes, or a run of line comments stops). */
export interface CommentLines {
  readonly lines: readonly string[];
  readonly blockEnds: ReadonlySet<number>;
}

export function commentLines(head: string): CommentLines {
  const lines = head.split(/\r?\n/);
  if (lines.length > 1) lines.pop(); // the last line may be cut at HEADER_BYTES
  const out: string[] = [];
  const blockEnds = new Set<number>();
  let closer: string | null = null; // inside a block comment: what ends it
  // After a C-style comment (/* */ or //), a line opening with # is the preprocessor's (#include, #if): not a comment's
  // words, nor the end of the header (generated files put their notice after an #if).
  let cStyle = false;
  let lineComment = false; // the line before was a line comment
  let ignoring = false; // between REUSE-IgnoreStart and REUSE-IgnoreEnd: the lines keep their places, not their words
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (i === 0 && (line.startsWith('#!') || line.startsWith('\uFEFF#!'))) {
      out.push(''); // a shebang: lines keep their numbers
      continue;
    }
    // PHP's opening tag (after a shebang, perhaps, and with strict types declared), or the "use strict" that TypeScript
    // and Babel put above a module's first comment: the file's comment follows it.
    if (i <= 1 && out.every((l) => l === '') && (PHP_OPEN.test(line) || USE_STRICT.test(line))) {
      out.push('');
      continue;
    }
    const wasLineComment = lineComment;
    lineComment = false;
    if (closer === null) {
      const trimmed = line.trimStart();
      // A blank line, a C file's preprocessor line, or the version line GNU's scripts keep for Emacs' time-stamp above
      // their notice (config.guess's `timestamp='2022-01-09'`, depcomp's `scriptversion=2018-03-07.03; # UTC`).
      const skipped: boolean = trimmed === '' || (cStyle && trimmed.startsWith('#')) || ((trimmed[0] === 's' || trimmed[0] === 't') && GNU_TIME_STAMP.test(trimmed));
      const block: (typeof BLOCK_OPENERS)[number] | undefined = skipped ? undefined : BLOCK_OPENERS.find(([open]) => trimmed.startsWith(open));
      if (block) {
        const rest = trimmed.slice(block[0].length);
        if (!rest.includes(block[1])) closer = block[1];
        else blockEnds.add(i);
        cStyle ||= block[0] === '/*';
      } else if (!skipped && LINE_COMMENT.test(line)) {
        lineComment = true;
        cStyle ||= trimmed.startsWith('//');
      } else {
        if (wasLineComment) blockEnds.add(i - 1);
        if (!skipped) break; // code: the header is over
        out.push('');
        continue;
      }
    } else if (closer === '=end' ? /^=end\b/.test(line) : line.includes(closer)) {
      closer = null;
      blockEnds.add(i);
    }
    const marked = line.includes('USE-Ignore') && (line.includes('REUSE-IgnoreStart') || line.includes('REUSE-IgnoreEnd'));
    if (marked) ignoring = line.lastIndexOf('REUSE-IgnoreStart') > line.lastIndexOf('REUSE-IgnoreEnd');
    out.push(marked || ignoring ? '' : line.replace(LINE_OPENER, '').replace(LINE_CLOSER, '').trim());
  }
  if (lineComment) blockEnds.add(out.length - 1);
  return { lines: out, blockEnds };
}

/** The paragraphs of a comment's lines, as [first, end) line indexes: runs of lines between blank ones. */
export function* paragraphs(lines: readonly string[]): Generator<[number, number]> {
  for (let start = 0; start < lines.length; ) {
    let end = start;
    while (end < lines.length && lines[end] !== '') end++;
    if (end > start) yield [start, end];
    start = end + 1;
  }
}

/** The index of the first line of the paragraph holding line `i`. */
export function paragraphStart(lines: readonly string[], i: number): number {
  while (i > 0 && lines[i - 1] !== '') i--;
  return i;
}
