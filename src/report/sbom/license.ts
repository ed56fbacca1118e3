// License values as SBOM formats accept them. farleft's markers are not SPDX expressions:
// NOASSERTION and NONE are SPDX's own words; UNLICENSED (no license granted) becomes the
// LicenseRef-UNLICENSED the documents define; SEE LICENSE IN <file> says nothing checkable.
import { createHash } from 'node:crypto';

export const UNLICENSED_REF = 'LicenseRef-UNLICENSED';
export const UNLICENSED_TEXT = 'No license is granted: the package declares UNLICENSED (all rights reserved by its authors).';

/** Only ids, LicenseRef-/DocumentRef- ids, operators, '+' and parentheses. */
const EXPRESSION = /^[A-Za-z0-9.+:() -]+$/;

/** An SPDX license field value: an expression, NOASSERTION or NONE. */
export function spdxLicense(expression: string | null | undefined): string {
  const e = expression?.trim() ?? '';
  if (e === '' || e === 'NOASSERTION' || e.startsWith('SEE LICENSE IN')) return 'NOASSERTION';
  if (e === 'NONE') return 'NONE';
  if (e === 'UNLICENSED') return UNLICENSED_REF;
  return EXPRESSION.test(e) ? e.replace(/\bUNLICENSED\b/g, UNLICENSED_REF) : 'NOASSERTION';
}

/** The expression for a CycloneDX license choice, or null when there is nothing to assert. */
export function cyclonedxExpression(expression: string | null | undefined): string | null {
  const v = spdxLicense(expression);
  return v === 'NOASSERTION' || v === 'NONE' ? null : v;
}

/** LicenseRef-* ids in an expression (DocumentRef-* ones are defined elsewhere). */
export function licenseRefs(expression: string): string[] {
  return [...expression.matchAll(/(?<![:\w-])LicenseRef-[A-Za-z0-9.-]+/g)].map((m) => m[0]);
}

/** A stable id fragment: letters, digits, '.' and '-' only. */
export function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|(?<!-)-+$/g, '') || 'x';
}

/** A UUID derived from content (RFC 4122 form, version 5 bits): same document, same id. */
export function contentUuid(...parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  const b = h.digest();
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const x = b.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
