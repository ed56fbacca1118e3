import { describe, expect, it } from 'vitest';
import { coversYears, formatYears, holderKey, mergeYears, parseStatement, parseYears } from '../../src/apply/copyright.js';

describe('copyright statements', () => {
  it.each([
    ['2026 Example Collective', [2026], 'Example Collective', false],
    ['2020-2022, 2024 Jane Doe <jane@example.org>', [2020, 2021, 2022, 2024], 'Jane Doe <jane@example.org>', false],
    ['2020 - 2021 Jo', [2020, 2021], 'Jo', false],
    ['2019–2020 Jo', [2019, 2020], 'Jo', false],
    ['2020, Jo', [2020], 'Jo', false],
    ['Example Collective', [], 'Example Collective', false],
    ['2020-present Jo', [], 'Jo', true],
    ['2022-2020 Jo', [], 'Jo', true],
    ['1850 Jo', [], 'Jo', true],
    ['2026', [], '2026', false],
  ])('%j is years %j and holder %j', (text, years, holder, unread) => {
    expect(parseStatement(text)).toEqual({ years, holder, unreadYears: unread });
  });

  it.each([
    [[2020, 2021, 2022, 2024], '2020-2022, 2024'],
    [[2026], '2026'],
    [[2019, 2021], '2019, 2021'],
    [[], ''],
  ])('formats %j as %j', (years, text) => {
    expect(formatYears(years)).toBe(text);
    if (text) expect(parseYears(text)).toEqual(years);
  });

  it('merges and compares years', () => {
    expect(mergeYears([2020, 2022], [2021, 2026])).toEqual([2020, 2021, 2022, 2026]);
    expect(coversYears([2020, 2021], [2021])).toBe(true);
    expect(coversYears([2020], [2026])).toBe(false);
  });

  it.each([
    ['Example Collective', 'example collective'],
    ['Example Collective <hi@example.org>', 'example collective'],
    ['Example  Collective. All rights reserved.', 'example collective'],
    ['  Jo Artist, ', 'jo artist'],
  ])('knows %j as %j', (holder, key) => {
    expect(holderKey(holder)).toBe(key);
  });

  it('reads hostile holders (a backtracking pattern would not finish)', () => {
    for (const hostile of [`a${'.'.repeat(200_000)}x`, `${' '.repeat(200_000)}x`, `<${'<'.repeat(100_000)}`]) holderKey(hostile);
    expect(parseStatement(`${'2020, '.repeat(50_000)}Jo`).holder.length).toBeGreaterThan(0);
  });
});
