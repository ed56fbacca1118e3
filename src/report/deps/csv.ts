// `farleft deps --format csv`: one row per package, for a spreadsheet (RFC 4180). A cell
// that a spreadsheet would run as a formula (=, +, -, @ first; not a scoped npm name) is written as text.
import type { DepsResult } from '../../deps/types.js';

const COLUMNS = ['ecosystem', 'name', 'version', 'license', 'declared', 'detected', 'status', 'scope', 'direct', 'installed', 'path', 'copyright', 'problems'] as const;

export function render(result: DepsResult): string {
  const rows = [COLUMNS.join(',')];
  for (const p of result.packages)
    rows.push(
      [
        p.ecosystem,
        p.name,
        p.version ?? '',
        p.license,
        p.declared ?? '',
        [...new Set(p.detected.map((d) => d.expression))].join('; '),
        p.status,
        p.scope,
        String(p.direct),
        String(p.installed),
        p.path ?? '',
        p.copyright.join('; '),
        p.problems.map((x) => x.code).join('; '),
      ]
        .map(cell)
        .join(','),
    );
  return `${rows.join('\r\n')}\r\n`;
}

function cell(value: string): string {
  // A scoped npm name (@scope/name) starts with @ but is no formula.
  const formula = /^[=+\-\t\r]/.test(value) || (value.startsWith('@') && !/^@[\w.~-]+\/[\w.~-]+$/.test(value));
  const safe = formula ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
