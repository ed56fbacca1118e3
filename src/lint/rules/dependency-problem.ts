// What the dependency audit could not read or check.
import { label, manifestOf } from '../verdicts.js';
import type { Draft, Rule } from '../types.js';

export const rule: Rule = {
  id: 'dependency-problem',
  severity: 'warning',
  title: 'A dependency\'s license could not be established',
  doc:
    'farleft reads every installed dependency (node_modules, virtualenvs, vendor folders, the Cargo and Go caches): its ' +
    'manifest and its license files. A package without a license, whose manifest and license text disagree, that is ' +
    'locked but not installed, or whose files cannot be read, is a dependency whose terms nobody checked.',
  fix: 'Install the dependencies first (npm ci, pip install, cargo fetch), then read `farleft deps --verbose` for each package; ask upstream to fix missing or contradictory licenses.',
  check(input) {
    if (input.only !== null) return [];
    const drafts: Draft[] = input.depsProblems.map((p) => ({ file: p.file, line: p.line, message: p.message, suggestion: p.suggestion }));
    if (!input.deps) return drafts;
    const present = new Set(input.scan.files.map((f) => f.path));
    for (const p of input.deps.problems) if (p.severity !== 'note') drafts.push({ file: p.file && present.has(p.file) ? p.file : null, line: p.file && present.has(p.file) ? p.line : null, message: p.message, suggestion: p.suggestion });
    for (const pkg of input.deps.packages)
      for (const p of pkg.problems)
        if (p.severity !== 'note') drafts.push({ file: manifestOf(pkg, present), line: null, message: `${label(pkg)}: ${p.message}`, suggestion: p.suggestion });
    return drafts;
  },
};
