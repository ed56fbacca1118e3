// *.gemspec (RubyGems): a Ruby program, never run. Only literal assignments are read:
// `spec.license = "MIT"`, `s.licenses = ["MIT", 'Apache-2.0']`, `s.licenses = %w[MIT GPL-2.0]`.
// Several licenses are a choice (RubyGems lists the licenses a user may pick from).
// Anything else on the right-hand side (a constant, a method call) is code: noted, not guessed.
import { boundedList, type ManifestOutput } from './shared.js';

const ASSIGNMENT = /^\s*\w+\.(licen[cs]es?)\s*=\s*(.*)$/;
const STRING = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g;
const WORDS = /^%[wW][[({<]([^\])}>]*)[\])}>]/;
const MAX_RHS = 1000;
const MAX_ARRAY_LINES = 20;

export function readGemspec(text: string, out: ManifestOutput): void {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = ASSIGNMENT.exec(lines[i]!);
    if (!m) continue;
    const field = m[1]!.endsWith('es') ? 'licenses' : 'license';
    // An array may run over a few lines. A license literal is short: bounding the text keeps
    // the literal scan linear on hostile lines.
    const code = (line: string): string => line.slice(0, MAX_RHS).replace(/(?<!\s)\s+#.*$/, '');
    let rhs = code(m[2]!);
    for (let j = i + 1; /^\s*\[[^\]]*$/.test(rhs) && j < lines.length && j <= i + MAX_ARRAY_LINES; j++) rhs += ` ${code(lines[j]!)}`;
    rhs = rhs.slice(0, MAX_RHS).trim();
    const words = WORDS.exec(rhs)?.[1];
    const values = words !== undefined ? words.split(/\s+/).filter(Boolean) : [...rhs.matchAll(STRING)].map((s) => s[1] ?? s[2] ?? '');
    if (values.length === 0 || (words === undefined && !/^\[?\s*["']/.test(rhs))) {
      out.problem('non-literal-license', 'note', i + 1, `${field} is set by Ruby code (${rhs.slice(0, 60)}), which farleft does not run`, 'Write the license as a string literal, e.g. spec.license = "MIT"');
      continue;
    }
    out.declare(field, boundedList(values, field, i + 1, out).map((value, j) => out.read({ field: values.length > 1 ? `${field}[${j}]` : field, value, line: i + 1 })), i + 1);
  }
}
