// From the matches in one text to the licenses it declares: an exception joins the license
// it was written for as "X WITH E", each expression counts once (at its first copy, as sure
// as its best copy), and a license's notice counts where its text is missing. License files,
// license texts pasted into a manifest field and a package's license files all read so.
import type { TextMatch } from './match.js';

export interface NamedLicense {
  readonly expression: string;
  readonly confidence: number;
  /** 1-based line of its first copy. */
  readonly line: number;
}

export interface Combined {
  /** Licenses (with their exceptions) in the order their texts first appear, then the notices. */
  readonly named: readonly NamedLicense[];
  /** Exceptions with no license in the text to join. */
  readonly lone: readonly TextMatch[];
  /** Licenses that more than one exception would join (an SPDX expression takes one: none is joined). */
  readonly crowded: readonly { readonly license: TextMatch; readonly exceptions: readonly TextMatch[] }[];
  /** Notices named because their license's text is not in the text. */
  readonly notices: readonly TextMatch[];
}

/**
 * The licenses an exception may join, by id: every exception the matcher knows is an
 * additional permission to a GNU license (the "GPL-x-with-y-exception" ids SPDX retired paired
 * them so) but for these. numpy's LICENSE.txt lists its bundled libraries one after another —
 * OpenBLAS (BSD), then libgfortran's GCC runtime exception, then the GPL — and the exception
 * belongs to the GPL after it, not to the BSD text before it.
 */
const WRITTEN_FOR: Readonly<Record<string, RegExp>> = {
  'LLVM-exception': /^Apache-2\.0$/,
};
const GNU_LICENSE = /^(?:A|L)?GPL-/;

/** Whether an exception may join a license: a GNU license, or the one it names (WRITTEN_FOR). */
export function writtenFor(exception: string, license: string): boolean {
  return (WRITTEN_FOR[exception] ?? GNU_LICENSE).test(license);
}

export function combineMatches(matches: readonly TextMatch[]): Combined {
  const licenses = matches.filter((m) => m.kind === 'license');
  const withs = new Map<TextMatch, TextMatch[]>();
  const lone: TextMatch[] = [];
  for (const e of matches.filter((m) => m.kind === 'exception')) {
    const before = licenses.filter((l) => l.startLine <= e.startLine);
    const after = licenses.filter((l) => l.startLine > e.startLine);
    const fits = (l: TextMatch): boolean => writtenFor(e.expression, l.expression);
    // The nearest license it was written for, before it or else after it; none, when the text holds no such license
    // (Node's LICENSE quotes pkg.m4's GPL notice, in prose, and its Autoconf exception after a BSD text: not that BSD's).
    const owner = before.filter(fits).pop() ?? after.find(fits);
    if (owner) withs.set(owner, [...(withs.get(owner) ?? []), e]);
    else lone.push(e);
  }
  const crowded: Combined['crowded'][number][] = [];
  const found = new Map<string, { confidence: number; line: number }>();
  for (const l of licenses) {
    const exceptions = withs.get(l) ?? [];
    if (exceptions.length > 1) crowded.push({ license: l, exceptions });
    const expression = exceptions.length === 1 ? `${l.expression} WITH ${exceptions[0]!.expression}` : l.expression;
    const confidence = Math.min(l.confidence, ...exceptions.map((e) => e.confidence));
    const seen = found.get(expression);
    found.set(expression, { confidence: Math.max(confidence, seen?.confidence ?? 0), line: seen?.line ?? l.startLine });
  }
  const notices: TextMatch[] = [];
  for (const n of matches.filter((m) => m.kind === 'notice')) {
    if ([...found.keys()].some((e) => e === n.expression || e.startsWith(`${n.expression} WITH `))) continue;
    found.set(n.expression, { confidence: n.confidence, line: n.startLine });
    notices.push(n);
  }
  return { named: [...found].map(([expression, { confidence, line }]) => ({ expression, confidence, line })), lone, crowded, notices };
}
