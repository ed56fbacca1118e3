// JSON output: the result as it is, keys in a fixed order, so the same tree gives the same bytes.
import type { ScanResult } from '../types.js';

export function renderScan(result: ScanResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
