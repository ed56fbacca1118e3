import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';

describe('.farleft.yml lint section', () => {
  it('reads rules, ignore and failOn', () => {
    const c = parseConfig('lint:\n  rules:\n    missing-copyright: error\n    needs-review: off\n  ignore: ["vendor/**"]\n  failOn: warn\n', '/x/.farleft.yml');
    expect(c.lint).toEqual({ rules: { 'missing-copyright': 'error', 'needs-review': 'off' }, ignore: ['vendor/**'], failOn: 'warn' });
  });

  it.each([
    ['lint:\n  rules:\n    missing-copyright: loud\n', /lint\.rules\.missing-copyright: expected one of off, warn, error/],
    ['lint:\n  failOn: note\n', /lint\.failOn: expected one of error, warn/],
    ['lint:\n  ignored: []\n', /lint\.ignored: unknown key .*did you mean ignore\?/],
  ])('rejects %j', (text, message) => {
    expect(() => parseConfig(text, '/x/.farleft.yml')).toThrow(message);
  });
});
