// Copyright statements as apply merges them: "2020-2022, 2024 Jane Doe <jane@example.org>"
// is years and a holder. The same holder is recognised however the notice was written
// (case, e-mail, "All rights reserved."), and years are merged into ranges.

export interface Statement {
  /** The years, sorted and unique; empty when the statement names none. */
  readonly years: readonly number[];
  /** The holder as written, without the years. */
  readonly holder: string;
  /** Leading years that could not be read as years ("2020-present"): the statement is then left as written. */
  readonly unreadYears: boolean;
}

// Years at the start: 2020, 2020-2022, 2020 - 2022, 2020–2022, lists of those.
const YEARS = /^(\d{4}(?:\s{0,3}[-–]\s{0,3}\d{4})?(?:\s{0,3},\s{0,3}\d{4}(?:\s{0,3}[-–]\s{0,3}\d{4})?){0,50})(?:\s{0,3},)?\s+/;
const ODD_YEARS = /^\d{4}\s{0,3}[-–]\s{0,3}(?:present|now|today)\b/i;
/** The earliest and latest year a statement may name (a range is expanded year by year). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

export function parseStatement(statement: string): Statement {
  const s = statement.trim();
  const odd = ODD_YEARS.exec(s);
  if (odd) return { years: [], holder: s.slice(odd[0].length).replace(/^[\s,]+/, ''), unreadYears: true };
  const m = YEARS.exec(s);
  if (!m) return { years: [], holder: s, unreadYears: false };
  const years = parseYears(m[1]!);
  const holder = s.slice(m[0].length).trim();
  return years ? { years, holder, unreadYears: false } : { years: [], holder, unreadYears: true };
}

/** `2020-2022, 2024` -> [2020, 2021, 2022, 2024]; null when a range is backwards or out of bounds. */
export function parseYears(text: string): number[] | null {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [a, b] = part.split(/[-–]/).map((x) => Number(x.trim()));
    const from = a!;
    const to = b ?? from;
    if (!(from >= MIN_YEAR && to <= MAX_YEAR && from <= to)) return null;
    for (let y = from; y <= to; y++) out.add(y);
  }
  return [...out].sort((x, y) => x - y);
}

/** [2020, 2021, 2022, 2024] -> "2020-2022, 2024". */
export function formatYears(years: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    parts.push(j > i ? `${years[i]}-${years[j]}` : `${years[i]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

export function formatStatement(years: readonly number[], holder: string): string {
  return years.length ? `${formatYears(years)} ${holder}` : holder;
}

/** Longest holder compared (a longer one is a line of something else). */
const MAX_HOLDER = 512;

/** A holder reduced to what identifies it: no e-mail, case, punctuation at the ends or "All rights reserved". */
export function holderKey(holder: string): string {
  const key = holder
    .slice(0, MAX_HOLDER)
    .replace(/<[^<>]{0,200}>/g, ' ')
    .replace(/\ball rights reserved\b\.?/gi, ' ')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  let start = 0;
  let end = key.length;
  while (start < end && ' .,;:'.includes(key[start]!)) start++;
  while (end > start && ' .,;:'.includes(key[end - 1]!)) end--;
  return key.slice(start, end);
}

/** The union of two year lists, sorted. */
export function mergeYears(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

/** Whether every year of `wanted` is in `have`. */
export function coversYears(have: readonly number[], wanted: readonly number[]): boolean {
  const set = new Set(have);
  return wanted.every((y) => set.has(y));
}
