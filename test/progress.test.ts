import { describe, expect, it } from 'vitest';
import { createProgress, wantsProgress } from '../src/progress.js';

const stream = (isTTY: boolean) => {
  const out: string[] = [];
  return { isTTY, write: (s: string) => out.push(s), out };
};

describe('the progress line', () => {
  it.each([
    [true, {}, false, true],
    [false, {}, false, false],
    [true, { CI: 'true' }, false, false],
    [true, { CI: '1' }, false, false],
    [true, { CI: 'false' }, false, true],
    [true, {}, true, false],
  ])('on a TTY %s with env %j and quiet %s: drawn %s', (tty, env, quiet, drawn) => {
    expect(wantsProgress({ stream: stream(tty), env, quiet })).toBe(drawn);
  });

  it('redraws in place at most every interval, with the rate, and clears the line at the end', () => {
    const s = stream(true);
    let now = 0;
    const p = createProgress({ stream: s, env: {}, quiet: false, interval: 100, now: () => now });
    now = 1000;
    p.update(500, 2000);
    now = 1050;
    p.update(1000, 2000); // too soon: not drawn
    now = 2000;
    p.update(2000, 2000);
    p.end();
    expect(s.out).toEqual(['\r\u001b[2Kfarleft: 500 / 2,000 files (500 files/s)', '\r\u001b[2Kfarleft: 2,000 / 2,000 files (1,000 files/s)', '\r\u001b[2K']);
  });

  it('writes nothing when disabled', () => {
    const s = stream(false);
    const p = createProgress({ stream: s, env: {}, quiet: false });
    p.update(1, 2);
    p.end();
    expect(s.out).toEqual([]);
  });
});
