// A package's effective license, from what its manifest declares and what the texts of its
// license files say. Pure: the facts come in, the license and the problems go out.
//
// How it is decided (in this order):
//  1. Nothing read at all (no field, no license file): NOASSERTION, `no-license`.
//  2. A declared SPDX expression and no text named: the declaration.
//  3. A declared expression and texts that agree (each text's license is one the expression
//     names, compared by family: GPL-2.0-only ~ GPL-2.0-or-later; an LGPL's GPL text is its
//     companion): the declaration.
//  4. Texts the declaration does not name, beside texts it does (a LICENSE that also holds
//     the licenses of bundled code): the declaration AND the others, with a note.
//  5. No text agrees with the declaration: `declared-vs-text-conflict`, and the effective
//     license is both, `(declared) AND (detected)`: nobody can tell from the package which
//     is right, so whoever uses it meets both until its authors say otherwise. When the
//     declaration was only guessed from prose (confidence below 0.8: "BSD"), the text wins
//     and the conflict is a note.
//  6. A declared marker: UNLICENSED and NONE stand (no license is granted; a text that says
//     otherwise is a conflict to resolve with the authors); NOASSERTION and SEE LICENSE IN
//     give way to the texts, except that a SEE LICENSE IN file of a text no license explains
//     is the package's terms: NOASSERTION, whatever other license files hold.
//  7. No declaration and texts: the texts, joined with AND.
//  8. License files whose text no license explains, and nothing else: NOASSERTION,
//     `unknown-text`.
//  9. Beside named texts, terms stated under a license nobody can name ("licensed under the
//     Mapbox TOS for use only with …"): NOASSERTION, whatever the above decided, with a warning.
// 10. A manifest value farleft cannot read ("Commercial", a shop's URL), beside texts: NOASSERTION,
//     with a warning (the texts may be only bundled code's).
import { licenseFamily, type Catalog } from '../catalog/index.js';
import type { Problem, Severity } from '../types.js';
import type { LicenseBasis } from './types.js';

export interface DeclaredFact {
  readonly expression: string;
  /** Below 1 for NOASSERTION: the manifest said something farleft could not read (`raw`), rather than NOASSERTION itself. */
  readonly confidence: number;
  /** What the manifest said, where farleft read it otherwise. */
  readonly raw?: string;
  readonly file: string;
  readonly line: number | null;
  readonly field: string | null;
}

export interface DetectedFact {
  readonly expression: string;
  readonly file: string;
}

/** A license file holding text no license explains (see LicenseFacts.unknown). */
export interface Unknown {
  readonly file: string;
  readonly line: number | null;
  /** A license was named in the file too. */
  readonly partly: boolean;
  readonly closest: string | null;
  readonly terms?: string | null;
}

export interface LicenseFacts {
  readonly declared: DeclaredFact | null;
  readonly detected: readonly DetectedFact[];
  /**
   * License files holding text no license explains, whether a license was named in them too, and the words that
   * state terms under a license nobody can name beside those texts (`terms`: "licensed under the Mapbox TOS …").
   */
  readonly unknown: readonly Unknown[];
  /** How many license files were read. */
  readonly licenseFiles: number;
  /** Where the package is (for messages). */
  readonly where: string;
}

export interface Decision {
  readonly license: string;
  readonly basis: LicenseBasis;
  readonly problems: readonly Problem[];
}

/** A declaration read from prose with less confidence than this gives way to a text. */
const GUESS_CONFIDENCE = 0.8;

/** Texts a license expects beside its own: the LGPL is a set of permissions on top of the GPL. */
const COMPANIONS: Readonly<Record<string, readonly string[]>> = {
  'LGPL-2.0': ['GPL-2.0'],
  'LGPL-2.1': ['GPL-2.0', 'GPL-3.0'],
  'LGPL-3.0': ['GPL-3.0'],
};

export function decideLicense(facts: LicenseFacts, catalog: Catalog): Decision {
  const decision = fromTexts(facts, catalog);
  // Terms stated under a license nobody can name (see LicenseFacts.unknown) are what the package may be under,
  // whatever the texts beside them are: nobody can say its license (unless it grants none at all).
  if (!facts.unknown.some((u) => u.terms) || decision.license === 'UNLICENSED' || decision.license === 'NONE') return decision;
  return { ...decision, license: 'NOASSERTION' };
}

function fromTexts(facts: LicenseFacts, catalog: Catalog): Decision {
  const problems: Problem[] = [];
  const texts = unique(facts.detected.map((d) => d.expression));
  const declared = facts.declared;
  const marker = declared ? catalog.normalize(declared.expression).marker : null;
  const joined = (exprs: readonly string[]): string => join(exprs, catalog);
  // The file a `SEE LICENSE IN <file>` names holds the package's terms; other license files may hold notices of
  // bundled parts (KendoReact's LICENSE.md, "This is commercial software…", beside a NOTICE.txt of MIT and BSD texts).
  const seeFile = marker === 'SEE LICENSE IN' ? (catalog.normalize(declared!.expression).seeFile ?? null) : null;
  const isSeeFile = (file: string): boolean => seeFile !== null && (file === seeFile || file.endsWith(`/${seeFile.replace(/^\.\//, '')}`));
  const termsUnknown = facts.unknown.some((u) => !u.partly && isSeeFile(u.file)) && !facts.detected.some((d) => isSeeFile(d.file));
  const closest = (u: Unknown): string => (u.closest ? ` (closest: ${u.closest})` : '');
  const readIt = 'Read the text: if it is a license of its own, record it as LicenseRef-<name> in a policy exception';
  // What a license file no license explains says of the package: its terms, terms beside its texts, or words to read.
  const unknownText = (u: Unknown): Problem => {
    const say = (severity: Severity, message: string, suggestion: string | null): Problem => ({ code: 'unknown-text', severity, file: u.file, line: u.line, message, suggestion });
    if (!u.partly && isSeeFile(u.file) && termsUnknown)
      return say(
        'warning',
        `${u.file}, which ${declared!.file} names as the package's license (SEE LICENSE IN ${seeFile}), holds a license text that is not a known license${closest(u)}: the package's license is that text's (NOASSERTION)${texts.length > 0 ? `, whatever its other license files hold (${texts.join(', ')})` : ''}`,
        readIt,
      );
    if (u.terms)
      return say(
        'warning',
        `${u.file} states terms of its own beside its license texts, under a license farleft cannot name ("${u.terms}"): the package's license includes them (NOASSERTION)`,
        'Read the terms: they may be what the package is under. Record what you decide in a policy exception',
      );
    // A whole license file of other words, and no file with the text of what the manifest declares: the package
    // may have moved to terms of its own (Remix Icon's 2026 license beside "license": "Apache-2.0").
    const instead = !u.partly && texts.length === 0 && declared !== null && !marker;
    return say(
      u.partly || texts.length > 0 || (declared && !marker && !instead) ? 'note' : 'warning',
      `${u.file} holds ${u.partly ? 'text beside its license that is' : 'a license text that is'} not a known license${closest(u)}${instead ? `, and no license file holds the text of ${declared.expression}, which ${declared.file} declares: the package's terms may be that text's, not ${declared.expression}'s` : ''}`,
      u.partly ? null : readIt,
    );
  };

  for (const u of facts.unknown) problems.push(unknownText(u));

  // The manifest states terms farleft cannot read ("Commercial", FusionCharts' "http://www.fusioncharts.com/buy/", a
  // license with an exception no id fits): its license files may hold only bundled code's licenses (SpreadJS's LICENSE
  // "applies to the third party software included with this package"), so they do not say the package's.
  if (marker === 'NOASSERTION' && declared!.confidence < 1 && texts.length > 0 && !namesAText(declared!.raw ?? '', texts, catalog)) {
    problems.push(
      draft(
        'declared-vs-text-conflict',
        'warning',
        declared!,
        `${declared!.file} declares terms farleft cannot read${declared!.raw ? ` ('${declared!.raw}')` : ''}, and ${describeTexts(facts.detected)}: the texts may be the package's or only its bundled code's, so its license is NOASSERTION`,
        'Read the terms the manifest names; record what you decide in a policy exception',
      ),
    );
    return { license: 'NOASSERTION', basis: 'declared-and-detected', problems };
  }
  if (!declared || marker === 'NOASSERTION' || marker === 'SEE LICENSE IN') {
    if (termsUnknown) return { license: 'NOASSERTION', basis: 'detected', problems };
    if (texts.length > 0) return { license: joined(texts), basis: 'detected', problems };
    if (marker === 'SEE LICENSE IN' && facts.unknown.length === 0) {
      problems.push(draft('no-license', 'warning', declared!, `${declared!.file} says SEE LICENSE IN ${seeFile ?? ''}, but ${seeFile ?? 'that file'} holds no license text farleft can read`, 'Ask the authors for the license, or read the file yourself and record it in a policy exception'));
    } else if (!declared && facts.licenseFiles === 0)
      problems.push({ code: 'no-license', severity: 'warning', file: facts.where, line: null, message: `${facts.where} declares no license and has no license file: nobody has granted a license to use it (a README is not a license file)`, suggestion: 'Ask the authors to add a license, or do not use the package' });
    return { license: 'NOASSERTION', basis: 'none', problems };
  }
  if (marker === 'UNLICENSED' || marker === 'NONE') {
    if (texts.length > 0)
      problems.push(draft('declared-vs-text-conflict', 'warning', declared, `${declared.file} declares ${declared.expression} (no license granted), but ${describeTexts(facts.detected)}; ${declared.expression} is kept as the stricter reading`, 'Ask the authors which applies'));
    return { license: marker, basis: texts.length > 0 ? 'declared-and-detected' : 'declared', problems };
  }
  if (texts.length === 0) return { license: declared.expression, basis: 'declared', problems };

  const families = new Set(licenseIds(declared.expression, catalog).map(licenseFamily));
  const expected = new Set([...families].flatMap((f) => COMPANIONS[f] ?? []));
  const agrees = (t: string): boolean => licenseIds(t, catalog).some((id) => families.has(licenseFamily(id)));
  const agreeing = texts.filter(agrees);
  const others = texts.filter((t) => !agrees(t) && !licenseIds(t, catalog).every((id) => expected.has(licenseFamily(id))));

  if (agreeing.length > 0) {
    if (others.length === 0) return { license: declared.expression, basis: 'declared-and-detected', problems };
    const files = unique(facts.detected.filter((d) => others.includes(d.expression)).map((d) => d.file));
    problems.push({
      code: 'additional-license-text',
      severity: 'note',
      file: files[0] ?? null,
      line: null,
      message: `${files.join(', ')} also ${files.length > 1 ? 'hold' : 'holds'} the text of ${others.join(', ')} beside ${declared.expression} (code bundled under other licenses?); the effective license includes them`,
      suggestion: null,
    });
    return { license: joined([declared.expression, ...others]), basis: 'declared-and-detected', problems };
  }
  if (declared.confidence < GUESS_CONFIDENCE) {
    problems.push(draft('declared-vs-text-conflict', 'note', declared, `${declared.file} names its license only vaguely (read as ${declared.expression}); ${describeTexts(facts.detected)}, which is used`, null));
    return { license: joined(texts), basis: 'detected', problems };
  }
  problems.push(
    draft(
      'declared-vs-text-conflict',
      'warning',
      declared,
      `${declared.file} declares ${declared.expression}, but ${describeTexts(facts.detected)}; both are kept until the authors say which applies`,
      'Ask the authors to make the manifest and the license file agree; meanwhile meet both licenses',
    ),
  );
  return { license: joined([declared.expression, ...texts]), basis: 'declared-and-detected', problems };
}

/** License ids of an expression (exceptions left out). */
function licenseIds(expression: string, catalog: Catalog): string[] {
  return catalog.normalize(expression).ids.filter((id) => catalog.get(id)?.kind !== 'exception');
}

function join(expressions: readonly string[], catalog: Catalog): string {
  const parts = unique(expressions);
  if (parts.length === 1) return parts[0]!;
  const text = parts.map((e) => (/\s(?:AND|OR)\s/.test(e) ? `(${e})` : e)).join(' AND ');
  return catalog.normalize(text).expression ?? text;
}

function describeTexts(detected: readonly DetectedFact[]): string {
  const byFile = new Map<string, string[]>();
  for (const d of detected) byFile.set(d.file, unique([...(byFile.get(d.file) ?? []), d.expression]));
  return [...byFile].map(([file, exprs]) => `${file} holds the text of ${exprs.join(' and ')}`).join('; ');
}

/**
 * Whether what a manifest said names, among other words, the family of a license its texts hold: rgbcolor's "MIT OR
 * SEE LICENSE IN FEEL-FREE.md" beside an MIT text, Sentry's "FSL-1.1-Apache-2.0" beside FSL-1.1-ALv2's.
 */
function namesAText(raw: string, texts: readonly string[], catalog: Catalog): boolean {
  const words = new Set(raw.toLowerCase().split(/[^a-z0-9]+/));
  return texts.some((t) => licenseIds(t, catalog).some((id) => words.has(id.split('-')[0]!.toLowerCase())));
}

function draft(code: string, severity: Severity, d: DeclaredFact, message: string, suggestion: string | null): Problem {
  return { code, severity, file: d.file, line: d.line, message, suggestion };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
