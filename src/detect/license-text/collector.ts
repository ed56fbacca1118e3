// What the license-text detector found in one file, as it finds it: declarations and problems,
// and the one change a later reading makes to what an earlier one declared (a choice among texts).
import { anyOf } from '../../catalog/expression.js';
import type { Catalog } from '../../catalog/index.js';
import type { Candidate, Declaration, Problem, Scope } from '../../types.js';
import { detection, type Detection } from '../types.js';

export interface Collector {
  /** `raw`: for NOASSERTION, the words that state the license nobody can name (see unnamedTerms in prose.ts). */
  declare(expression: string, confidence: number, line: number, candidates?: readonly Candidate[], raw?: string): void;
  declares(expression: string): boolean;
  /** The declarations of these licenses become one, a choice (OR) among them; false when fewer than two are declared. */
  choose(ids: readonly string[]): boolean;
  /** The declarations of these licenses become one of the expression a sentence states for them; false when none is declared. */
  restate(ids: readonly string[], expression: string): boolean;
  problem(code: string, severity: Problem['severity'], line: number | null, message: string, suggestion: string | null): void;
  detection(): Detection;
}

export function collector(file: string, scope: Scope, catalog: Catalog): Collector {
  const declarations: Declaration[] = [];
  const problems: Problem[] = [];
  return {
    declare(expression, confidence, line, candidates, raw) {
      declarations.push({ expression, source: 'license-text', file, line, confidence, scope, ...(raw ? { raw } : {}), ...(candidates?.length ? { candidates } : {}) });
    },
    declares: (expression) => declarations.some((d) => d.expression === expression),
    choose(ids) {
      const parts = declaring(ids);
      return parts.length >= 2 && replace(parts, catalog.normalize(anyOf(parts.map((d) => d.expression))).expression);
    },
    restate: (ids, expression) => replace(declaring(ids), catalog.normalize(expression).expression),
    problem(code, severity, line, message, suggestion) {
      problems.push({ code, severity, file, line, message, suggestion });
    },
    detection: () => detection(declarations, [], problems),
  };

  function declaring(ids: readonly string[]): Declaration[] {
    const wanted = new Set(ids);
    return declarations.filter((d) => d.expression !== 'NOASSERTION' && catalog.normalize(d.expression).ids.some((id) => wanted.has(id)));
  }

  /** One declaration of `expression` where the first of `parts` stood, as sure as the least sure of them. */
  function replace(parts: readonly Declaration[], expression: string | null): boolean {
    if (parts.length === 0 || !expression) return false;
    const at = declarations.indexOf(parts[0]!);
    const joined: Declaration = { ...parts[0]!, expression, confidence: Math.min(...parts.map((d) => d.confidence)) };
    for (const d of parts) declarations.splice(declarations.indexOf(d), 1);
    declarations.splice(at, 0, joined);
    return true;
  }
}
