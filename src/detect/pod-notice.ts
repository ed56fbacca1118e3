// License notices in a Perl file's POD, the documentation it carries at its end: the LICENSE
// or COPYRIGHT AND LICENSE section every CPAN module has ("This library is free software; you
// can redistribute it and/or modify it under the same terms as Perl itself.") and OpenSSL's
// manual pages have ("Licensed under the Apache License 2.0 …"). Read as a README's License
// section is (notice.ts); declared as a header's notice is (header-notice.ts): source `notice`,
// scope `file`, field `pod`. REUSE reads none of it, so it never licenses the file; lint names
// the tag to write. Only a file no other detector declares anything for is read.
import { noticesIn } from './notice.js';
import { detection, EMPTY_DETECTION, type DetectContext, type Detection, type Detector, type FileInput } from './types.js';

/** Perl modules and scripts, POD files, and templates of POD files (OpenSSL's `openssl-cmds.pod.in`). */
const POD_FILE = /\.(?:pm|pl|pod|pod\.in)$/i;
/** A name without an extension: a script, perhaps a Perl one (bin/json_pp), known by its shebang. */
const NO_EXTENSION = /(?:^|\/)[^./]+$/;
/** A shebang that runs Perl: `#!/usr/bin/perl`, `#!/usr/bin/env perl -w`, `#!perl5.36`. */
const PERL_SHEBANG = /^#![ \t]*\S*\bperl[\d.]*(?:[ \t\r]|$)|^#![ \t]*\S*\/env[ \t]+(?:-\S+[ \t]+)*perl[\d.]*(?:[ \t\r]|$)/;
/**
 * A section whose title says it is about the license: LICENSE, LICENCE, COPYRIGHT AND LICENSE, COPYING, LEGAL; or
 * AUTHOR(S), where many modules say their terms under their author's name (ExifTool's, Digest's, Test's).
 */
const LICENSE_TITLE = /\b(?:licen[cs]e|licensing|copyright|copying|legal|authors?)\b/i;
/** A section's words read at most (a long legal section is a license text, not a notice). */
const MAX_SECTION_CHARS = 8 * 1024;

export const detector: Detector = {
  name: 'pod-notice',
  accepts: (path, kind, ctx) => kind === 'text' && ctx?.options.asReuse !== true && (POD_FILE.test(path) || NO_EXTENSION.test(path)),
  fallback: true,
  detect: (file, ctx) => detectPodNotice(file, ctx),
};

export function detectPodNotice(file: FileInput, ctx: DetectContext): Detection {
  // An extensionless file is read only when it is a Perl script (checked on its first bytes: most such files are not scripts).
  if (!POD_FILE.test(file.path) && !(file.bytes[0] === 0x23 && file.bytes[1] === 0x21 && PERL_SHEBANG.test(firstLine(file)))) return EMPTY_DETECTION;
  const text = file.text;
  if (!text.includes('=head')) return EMPTY_DETECTION;
  const lines = text.split('\n');
  // Each license section as Markdown (its title a heading) with the file's line numbers kept: the lines before it blank.
  const sections: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    // A top-level section only: "=head2 license" in CPAN::Meta's specification documents a field, not the file's license.
    const title = /^=head1\s+(.*)$/.exec(lines[i]!.replace(/\r$/, ''))?.[1];
    if (title === undefined || !LICENSE_TITLE.test(title)) continue;
    let end = i + 1;
    while (end < lines.length && !/^=(?:head[1-4]|cut)\b/.test(lines[end]!)) end++;
    const body = markdownList(lines.slice(i + 1, end)).join('\n');
    if (body.length > MAX_SECTION_CHARS) continue;
    sections.push(`${'\n'.repeat(i)}# ${title.trim()}\n${body}`);
    i = end - 1;
  }
  const read = sections.flatMap((s) => noticesIn(file.path, s, ctx.catalog, 'license-file').declarations);
  // A link says less than a sentence beside it: OpenSSL 3's pages name Apache-2.0 and link openssl.org's license page,
  // which once held the OpenSSL License.
  const said = read.filter((d) => d.field !== 'link');
  const found = said.length > 0 ? said : read;
  if (found.length === 0) return EMPTY_DETECTION;
  const seen = new Set<string>();
  const declarations = found
    .filter((d) => !seen.has(d.expression) && seen.add(d.expression))
    .map((d) => ({ ...d, scope: 'file' as const, field: 'pod' }));
  return detection(declarations, [], []);
}

/** The first line of a file, up to 128 bytes of it. */
function firstLine(file: FileInput): string {
  const head = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, Math.min(file.bytes.length, 128)).toString('latin1');
  const end = head.indexOf('\n');
  return end < 0 ? head : head.slice(0, end);
}

/**
 * A section's POD lists as Markdown's, line for line: `=over` and `=back` go, each `=item` marks the next paragraph
 * as an item ("=item a)", "=item *"), and text on its own line is the item ("=item the GPL").
 */
function markdownList(lines: readonly string[]): string[] {
  const out: string[] = [];
  let item = false;
  for (const line of lines) {
    const command = /^=(over|back|item)\b[ \t]*(.*)$/.exec(line.replace(/\r$/, ''));
    if (command) {
      const text = command[2]!.replace(/^(?:\*|\d{1,3}[.)]?|\(?[a-z]\))(?:\s+|$)/, '');
      item = command[1] === 'item' && text === '';
      out.push(command[1] === 'item' && text !== '' ? `- ${text}` : '');
    } else if (item && line.trim() !== '') {
      out.push(`- ${line}`);
      item = false;
    } else out.push(line);
  }
  return out;
}
