// REUSE `.reuse/dep5` (deprecated in REUSE 3.3, still read): a Debian machine-readable
// copyright file (format 1.0). Its `Files` paragraphs become annotations with precedence
// 'aggregate'; src/project matches their globs (`*` crosses `/`, `?` is one character)
// and uses the last matching paragraph, as Debian's format and reuse-tool do.
import type { CopyrightNotice, Declaration, Problem } from '../types.js';
import { readExpression } from './reuse-toml.js';
import { copyrightStatement } from './tag-scan.js';
import { detection, type Annotation, type DetectContext, type Detection, type Detector, type FileInput } from './types.js';

export const DEP5_PATH = '.reuse/dep5';
const FORMAT_URL = 'https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/';

export const detector: Detector = {
  name: 'dep5',
  accepts: (path) => path === DEP5_PATH,
  detect: (file, ctx) => readDep5(file, ctx),
};

interface Field {
  readonly name: string;
  readonly line: number;
  /** The first line's value, then each continuation line (leading space removed). */
  readonly values: { text: string; line: number }[];
}

type Paragraph = Map<string, Field>; // by lower-case field name

function readDep5(file: FileInput, ctx: DetectContext): Detection {
  const problems: Problem[] = [];
  const problem = (code: string, severity: Problem['severity'], line: number | null, message: string, suggestion: string | null): void => {
    problems.push({ code, severity, file: file.path, line, message, suggestion });
  };
  if (file.kind === 'binary') {
    problem('malformed-dep5', 'error', null, `${file.path} is not a text file, so it is not read`, 'Write .reuse/dep5 as UTF-8 text, or convert it to REUSE.toml');
    return detection([], [], problems);
  }
  const paragraphs = parseParagraphs(file.complete ? file.text : [file.text, ...file.rest()].join(''), problem);

  const header = paragraphs[0];
  if (!header?.has('format'))
    problem(
      'malformed-dep5',
      'error',
      header ? firstLine(header) : 1,
      `${file.path} does not start with a header paragraph holding a Format field`,
      `Start the file with: Format: ${FORMAT_URL}`,
    );

  const annotations: Annotation[] = [];
  for (const p of paragraphs.slice(header?.has('format') ? 1 : 0)) {
    const files = p.get('files');
    if (!files) {
      if (!p.has('license'))
        problem('malformed-dep5', 'error', firstLine(p), 'this paragraph has neither a Files nor a License field; it is ignored', 'Give each paragraph Files, Copyright and License fields');
      continue; // a stand-alone License paragraph only holds a license text
    }
    const paths: string[] = [];
    for (const glob of files.values.flatMap((v) => v.text.split(/\s+/)).filter(Boolean)) {
      const bad = badEscape(glob);
      if (bad) problem('malformed-dep5', 'error', files.line, `Files pattern '${glob}' ${bad}; the pattern is ignored`, 'Only \\*, \\? and \\\\ may be escaped in dep5 patterns');
      else paths.push(glob);
    }
    if (paths.length === 0) {
      problem('malformed-dep5', 'error', files.line, 'the Files field names no files; the paragraph is ignored', 'List one or more paths or patterns after Files:');
      continue;
    }

    const declarations: Declaration[] = [];
    const license = p.get('license');
    const expression = license?.values[0]?.text.trim() ?? '';
    if (!license) problem('malformed-dep5', 'error', files.line, 'this Files paragraph has no License field', 'Add License: <SPDX expression> to the paragraph');
    else if (expression === '')
      problem('invalid-expression', 'error', license.line, 'the License field has no expression on its first line', 'Write the SPDX expression right after License:');
    else {
      const where = { file: file.path, line: license.line, source: 'dep5' as const, precedence: 'aggregate' as const, field: 'License' };
      const d = readExpression(expression, ctx, where, problems, (e) => `Write: License: ${e}`);
      if (d) declarations.push(d);
    }

    const copyrights: CopyrightNotice[] = [];
    const copyright = p.get('copyright');
    if (!copyright) problem('malformed-dep5', 'error', files.line, 'this Files paragraph has no Copyright field', 'Add Copyright: <year> <holder> to the paragraph');
    const seen = new Set<string>();
    for (const v of copyright?.values ?? []) {
      const text = copyrightStatement(v.text === '.' ? '' : v.text); // ' .' is deb822's empty line
      if (text && !seen.has(text)) copyrights.push({ text, source: 'dep5', file: file.path, line: v.line, scope: 'glob', precedence: 'aggregate' });
      seen.add(text);
    }
    annotations.push({ source: 'dep5', file: file.path, line: files.line, base: '', paths, precedence: 'aggregate', declarations, copyrights });
  }
  return detection([], [], problems, annotations);
}

/**
 * deb822 paragraphs: `Name: value` fields, continuation lines starting with a space or tab,
 * `#` comment lines, paragraphs separated by blank lines. A line that fits none of these
 * is reported and skipped; the rest is still read.
 */
function parseParagraphs(text: string, problem: (code: string, severity: Problem['severity'], line: number | null, message: string, suggestion: string | null) => void): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  let field: Field | null = null;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.endsWith('\r') ? lines[i]!.slice(0, -1) : lines[i]!;
    const no = i + 1;
    if (line.trim() === '') {
      current = null;
      field = null;
      continue;
    }
    if (line.startsWith('#')) continue;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (field) field.values.push({ text: line.trim(), line: no });
      else problem('malformed-dep5', 'error', no, 'a continuation line (starting with a space) follows no field; it is ignored', 'Indent only the lines that continue a field');
      continue;
    }
    // Field names are printable ASCII without ':' and do not start with '-' or '#'.
    const m = /^([!-9;-~]+):(.*)$/.exec(line);
    if (!m || m[1]!.startsWith('-')) {
      problem('malformed-dep5', 'error', no, `'${line.slice(0, 80)}' is neither a field (Name: value), a continuation line nor a comment; it is ignored`, 'Write fields as Name: value, and start continuation lines with a space');
      field = null;
      continue;
    }
    if (!current) paragraphs.push((current = new Map()));
    const name = m[1]!.toLowerCase();
    if (current.has(name)) {
      problem('malformed-dep5', 'error', no, `the field ${m[1]} appears twice in one paragraph; the second is ignored`, 'Keep one field of each name per paragraph (separate paragraphs with a blank line)');
      field = null;
      continue;
    }
    field = { name: m[1]!, line: no, values: [{ text: m[2]!.trim(), line: no }] };
    current.set(name, field);
  }
  return paragraphs;
}

function firstLine(p: Paragraph): number {
  let line = Infinity;
  for (const f of p.values()) line = Math.min(line, f.line);
  return line;
}

/** Why a dep5 pattern is invalid (Debian format 1.0 allows only \*, \? and \\), or null. */
function badEscape(glob: string): string | null {
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] !== '\\') continue;
    const next = glob[i + 1];
    if (next === undefined) return 'ends with a single backslash';
    if (next !== '*' && next !== '?' && next !== '\\') return `has the invalid escape \\${next}`;
    i++;
  }
  return null;
}
