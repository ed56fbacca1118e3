// What a format reader hands back: the license-related fields it found, by name, and
// what went wrong on the way. Readers know formats; license.ts knows what fields mean.
import type { Severity } from '../../types.js';

/**
 * What a field holds, which decides how it is read:
 * - `license`: a license URL or name (XMP cc:license, ID3 WCOP, Vorbis LICENSE, ...);
 * - `terms`: prose about use that may name a license (XMP UsageTerms, ID3 USER, font name 13);
 * - `web`: a page about the rights; it counts only when it is a known license URL;
 * - `rights`: a copyright notice that may also state a license or "All rights reserved";
 * - `holder`: the name to credit (cc:attributionName), a copyright holder when nothing else says;
 * - `more`: where to ask for more permissions (cc:morePermissions); not a license;
 * - `marked`: xmpRights:Marked (True: rights-managed; False: public domain).
 */
export type FieldRole = 'license' | 'terms' | 'web' | 'rights' | 'holder' | 'more' | 'marked';

export interface MediaField {
  /** The field as users and ExifTool name it: `XMP-cc:license`, `ID3:TCOP`, `Vorbis:LICENSE`, ... */
  readonly name: string;
  readonly value: string;
  readonly role: FieldRole;
  /** 1-based line, for text formats (SVG, .xmp sidecars). */
  readonly line?: number;
}

export interface MediaIssue {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly suggestion?: string;
}

export interface MediaRead {
  readonly fields: MediaField[];
  readonly issues: MediaIssue[];
}

/** A field value longer than this is cut: a license URL or a notice is short, and a huge one is hostile. */
export const MAX_VALUE_CHARS = 4096;
/** ...but terms of use may be a whole license text (DejaVu's fonts hold two in their License record: 4.7 KB). */
export const MAX_TERMS_CHARS = 64 * 1024;

export function newRead(): MediaRead {
  return { fields: [], issues: [] };
}

/** License-related fields kept per file: a photo has a handful; thousands are damage or an attack. */
export const MAX_FIELDS = 256;

/** Adds a field; empty values are dropped, long ones cut with a note, and fields past MAX_FIELDS left out with a warning. */
export function addField(out: MediaRead, name: string, value: string, role: FieldRole, line?: number): void {
  if (out.fields.length >= MAX_FIELDS) {
    addIssue(out, 'media-too-many-fields', 'warning', `the file holds more than ${MAX_FIELDS} license-related metadata fields; only the first ${MAX_FIELDS} were read`, 'Rewrite the metadata with a tool such as ExifTool');
    return;
  }
  const max = role === 'terms' ? MAX_TERMS_CHARS : MAX_VALUE_CHARS;
  const long = value.length > 2 * max;
  const cut = long ? value.slice(0, 2 * max) : value;
  // Terms keep their lines (a license text's copyright lines are told apart by them); other values are one line.
  let v = (role === 'terms' ? cut.replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n') : cut.replace(/\s+/g, ' ')).trim();
  if (v === '') return;
  if (long || v.length > max) {
    v = v.slice(0, max);
    addIssue(out, 'media-metadata-too-large', 'note', `${name} is longer than ${max} characters; only its start was read`);
  }
  out.fields.push(line === undefined ? { name, value: v, role } : { name, value: v, role, line });
}

export function addIssue(out: MediaRead, code: string, severity: Severity, message: string, suggestion?: string): void {
  if (out.issues.some((i) => i.code === code && i.message === message)) return;
  out.issues.push(suggestion === undefined ? { code, severity, message } : { code, severity, message, suggestion });
}

/** The standard note for a structure that runs past the end of the file. */
export function truncated(out: MediaRead, what: string): void {
  addIssue(out, 'media-truncated', 'warning', `${what} runs past the end of the file: the file is truncated or damaged`, 'Re-export the file from its source');
}

/** The standard note for metadata that may lie beyond what the scan reads of a large file. */
export function notFullyRead(out: MediaRead, what: string): void {
  addIssue(out, 'media-not-fully-read', 'note', `${what} lies beyond what the scan reads of a large file; embedded licensing there was not read`);
}
