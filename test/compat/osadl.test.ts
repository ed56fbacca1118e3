// The OSADL cross-check: on the matrix's Yes/No pairs, farleft's bundle verdict must agree
// on at least 98%, and every difference must be listed, with its reason, in
// osadl-differences.ts. The matrix is reference data outside the repository: without it the
// test is skipped and its name says why.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/compat/index.js';
import { testCatalog } from '../helpers.js';
import { findDifference, NOT_IN_CATALOG, OSADL_DIFFERENCES, type Difference } from './osadl-differences.js';

const MATRIX = process.env.FARLEFT_OSADL_MATRIX ?? new URL('../../../shared/corpus/osadl-matrix.json', import.meta.url).pathname;
const present = existsSync(MATRIX);
if (!present) console.log(`OSADL cross-check skipped: ${MATRIX} not found (set FARLEFT_OSADL_MATRIX to its path)`);

describe(present ? 'OSADL cross-check' : `OSADL cross-check (skipped: ${MATRIX} not found)`, () => {
  it.skipIf(!present)('agrees on at least 98% of the Yes/No pairs, and lists every difference with its reason', () => {
    const catalog = testCatalog();
    const matrix = JSON.parse(readFileSync(MATRIX, 'utf8')) as Record<string, Record<string, string> | string>;
    const ids = Object.keys(matrix).filter((k) => typeof matrix[k] === 'object');
    const known = (id: string): boolean => catalog.get(id.split(' WITH ')[0]!) !== undefined;
    let pairs = 0;
    let agree = 0;
    let all = 0;
    const unlisted: string[] = [];
    const used = new Set<Difference>();
    for (const outbound of ids)
      for (const inbound of ids) {
        const osadl = (matrix[outbound] as Record<string, string>)[inbound];
        if (osadl !== 'Yes' && osadl !== 'No') continue;
        all++;
        const v = evaluate(outbound, inbound, { catalog, context: 'bundle', licensee: null });
        if (!known(outbound) || !known(inbound)) {
          // Unknown ids are `review` by rule (never compatible); they are counted apart.
          expect(v.verdict, `${outbound} <- ${inbound}`).toBe('review');
          expect(NOT_IN_CATALOG.some((id) => id === outbound || id === inbound), `${outbound} <- ${inbound}`).toBe(true);
          continue;
        }
        pairs++;
        if ((osadl === 'Yes' && v.verdict === 'compatible') || (osadl === 'No' && v.verdict === 'incompatible')) {
          agree++;
          continue;
        }
        const listed = findDifference(outbound, inbound, osadl);
        if (listed) used.add(listed);
        else unlisted.push(`${outbound} <- ${inbound}: OSADL ${osadl}, farleft ${v.verdict} (${v.reasons[0]?.license} ${v.reasons[0]?.clause}: ${v.reasons[0]?.text})`);
      }
    const share = agree / pairs;
    console.log(
      `OSADL cross-check: ${agree} of ${pairs} Yes/No pairs of licenses farleft knows agree (${(100 * share).toFixed(2)}%); ` +
        `${all - pairs} more pairs name ${NOT_IN_CATALOG.join(' or ')}, which farleft does not know (review by rule).`,
    );
    expect(unlisted).toEqual([]);
    expect(OSADL_DIFFERENCES.filter((d) => !used.has(d)).map((d) => d.reason)).toEqual([]);
    expect(share).toBeGreaterThanOrEqual(0.98);
  });
});
