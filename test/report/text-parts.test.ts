import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { printable, printableDeep, problemsLine } from '../../src/report/text-parts.js';
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

describe('printable', () => {
  it('shows control characters and bidirectional overrides as escapes, and leaves the rest', () => {
    expect(printable('evil\x1b[31mRED\x1b[0m.c')).toBe('evil\\x1b[31mRED\\x1b[0m.c');
    expect(printable('new\nline.c')).toBe('new\\x0aline.c');
    expect(printable('a\rb\x7fc\x9bd')).toBe('a\\x0db\\x7fc\\x9bd');
    expect(printable('invoice\u202etxt.exe')).toBe('invoice\\u202etxt.exe');
    expect(printable('tab\there © Ünïcode 漢字')).toBe('tab\there © Ünïcode 漢字');
  });

  it('makes every string of a result printable, keys too, and keeps its shape', () => {
    const result = { files: ['a\x1b.c', 'b.c'], count: 2, ok: true, none: null, nested: { 'k\n': [{ path: 'x\ny' }] } };
    expect(printableDeep(result)).toEqual({ files: ['a\\x1b.c', 'b.c'], count: 2, ok: true, none: null, nested: { 'k\\x0a': [{ path: 'x\\x0ay' }] } });
    expect(printableDeep(new Map([['a\x07', new Set(['b\x07'])]]))).toEqual(new Map([['a\\x07', new Set(['b\\x07'])]]));
  });
});
