// Files without licensing information (a project without a license of its own: no-project-license.ts).
import { seeLicenseFile } from '../../catalog/index.js';
import { isHeaderNotice } from '../../detect/header-notice.js';
import { formatOfPath } from '../../detect/media/formats.js';
import { andAll } from '../../project/index.js';
import { shellWord } from '../../shell.js';
import { licenseTextAbove, targetFiles } from '../facts.js';
import type { FileReport } from '../../types.js';
import type { Draft, Rule } from '../types.js';

export const rule: Rule = {
  id: 'missing-license',
  severity: 'error',
  title: 'A file has no license',
  doc:
    'Every file that REUSE covers needs licensing information: an SPDX-License-Identifier in a comment near the top, ' +
    'a `<file>.license` sidecar for files that cannot hold a comment (images, binaries), or an entry in REUSE.toml. ' +
    'Without it nobody can tell on what terms the file may be used, so in law it may not be used at all.',
  fix: 'Add `SPDX-License-Identifier: <license>` in a comment at the top of the file (for binary files, a `<file>.license` sidecar, or a REUSE.toml annotation); `farleft apply` writes them for you.',
  check(input) {
    const missing = targetFiles(input).filter((f) => f.license === null);
    const folders = bulkFolders(missing);
    const drafts: Draft[] = missing
      .map((f) => {
        const message = 'no licensing information: no SPDX-License-Identifier, .license sidecar, REUSE.toml or dep5 entry covers it';
        // A header that names its license in prose (src/detect/header-notice.ts): say which tag to write.
        const prose = f.declarations.filter(isHeaderNotice);
        if (prose.length === 0) {
          const folder = cannotHoldComment(f) ? topFolder(f.path) : null;
          const count = folder === null ? undefined : folders.get(folder);
          if (folder === null || count === undefined) return { file: f.path, line: null, message };
          return {
            file: f.path,
            line: null,
            message,
            suggestion: `Run \`farleft apply --reuse-toml --license <license> ${shellWord(folder)}\`: one REUSE.toml annotation covers ${folder}/, where ${count} images, media and other binary files have none (a sidecar each would be ${count} files)`,
          };
        }
        const line = prose[0]!.line ?? null;
        // Each notice's license: the one it names, or, for one that defers to a file ("…found in the
        // LICENSE file"), what the nearest such file holds.
        const read = prose.map((d) => {
          const name = seeLicenseFile(d.expression);
          if (name === null) return { expression: d.expression, said: d.field === 'text' ? `holds the text of ${d.expression}` : `names ${d.expression} in prose` };
          const found = licenseTextAbove(input.scan, f.path, name);
          if (found === null) return { expression: null, said: `defers to a ${name} file, and there is none in its folder or above` };
          return found.expression === null
            ? { expression: null, said: `defers to ${found.file}, whose text farleft does not name` }
            : { expression: found.expression, said: `defers to ${found.file}, which holds ${found.expression}` };
        });
        // A Perl file's notice stands in its POD, at its end (src/detect/pod-notice.ts): the tag still goes at the top.
        const inPod = prose.every((d) => d.field === 'pod');
        const said = `${inPod ? 'its POD' : 'its header'} ${read.map((r) => r.said).join(' and ')}; REUSE reads no prose`;
        // apply tags such a file only when it can tell every license its header gives.
        const named = read.every((r) => r.expression !== null) ? andAll(read.map((r) => r.expression!)) : null;
        if (named === null) return { file: f.path, line, message: `${message} (${said})`, suggestion: 'Add `SPDX-License-Identifier: <license>` in its header, beside the notice' };
        return {
          file: f.path,
          line,
          message: `${message} (${said})`,
          // apply tags a file whose notice names the license it is given (and leaves one that names another alone).
          suggestion: `Run \`farleft apply --license ${shellWord(named)} ${shellWord(f.path)}\`: it adds \`SPDX-License-Identifier: ${named}\` ${inPod ? 'at the top of the file' : 'above the notice'}`,
        };
      });
    return drafts;
  },
};

/** Top-level folders with this many media or binary files without licensing information get one REUSE.toml annotation as their fix. */
const BULK_FILES = 20;

/**
 * The top-level folders where at least BULK_FILES files that cannot hold a comment (images, audio,
 * fonts, binaries) have no licensing information: an icon theme, an album, a folder of photos.
 * For them one REUSE.toml annotation is the fix, not a header or sidecar each.
 */
function bulkFolders(files: readonly FileReport[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of files) {
    const top = topFolder(f.path);
    if (top !== null && cannotHoldComment(f)) counts.set(top, (counts.get(top) ?? 0) + 1);
  }
  for (const [name, count] of counts) if (count < BULK_FILES) counts.delete(name);
  return counts;
}

/** Images, audio, fonts and other binaries: files REUSE licenses with a sidecar or REUSE.toml, not a header. */
function cannotHoldComment(f: FileReport): boolean {
  return f.kind === 'binary' || formatOfPath(f.path) !== null;
}

function topFolder(path: string): string | null {
  const slash = path.indexOf('/');
  return slash > 0 ? path.slice(0, slash) : null;
}
