import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { problemsLine } from '../../src/report/text-parts.js';
import type { Problem, Severity } from '../../src/types.js';

const c = new Chalk({ level: 0 });
const problems = (...severities: Severity[]): Problem[] => severities.map((severity, i) => ({ code: 'x', severity, file: `f${i}`, line: null, message: 'm', suggestion: null }));

describe('problemsLine', () => {
  it('counts each severity in the singular or the plural', () => {
    expect(problemsLine(problems('error', 'warning'), false, c)).toBe('Problems: 1 error, 1 warning');
    expect(problemsLine(problems('error', 'error', 'warning', 'warning'), false, c)).toBe('Problems: 2 errors, 2 warnings');
    expect(problemsLine([], false, c)).toBe('Problems: 0 errors, 0 warnings');
  });

  it('says the notes are hidden unless verbose shows them, and says nothing of none', () => {
    expect(problemsLine(problems('error', 'note'), false, c)).toBe('Problems: 1 error, 0 warnings, 1 note (--verbose shows them)');
    expect(problemsLine(problems('note', 'note'), true, c)).toBe('Problems: 0 errors, 0 warnings, 2 notes');
    expect(problemsLine(problems('warning'), true, c)).toBe('Problems: 0 errors, 1 warning');
  });
});
