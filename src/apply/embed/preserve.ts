// No tag lost: node-taglib-sharp rewrites a file's whole tag block, so ExifTool (another
// reader) lists every tag before and after, and any that vanished fails the write. The
// fields farleft writes, and what describes the file rather than its tags, do not count.
import { exiftool } from './writers.js';

/** What describes the file or ExifTool itself, not the file's tags. */
const IGNORED_GROUPS = /^(?:System|File|ExifTool|Composite):/;
/** The fields farleft writes (replacing them is the point), and the handler box of MP4 metadata. */
const IGNORED_TAGS = /^(?:ID3v2:(?:Copyright|CopyrightURL|TermsOfUse|License|UserDefinedText)|Vorbis:(?:License|Copyright)|RIFF:Copyright|ItemList:Copyright|iTunes:LICENSE|QuickTime:Handler\w*)$/;

export type TagDump = ReadonlySet<string>;

/** Every tag ExifTool reads in a file (group:name, ID3 versions folded together). */
export async function tagDump(path: string): Promise<TagDump> {
  const et = await exiftool();
  const tags = (await et.readRaw(path, { readArgs: ['-G1', '-a', '-e'] })) as Record<string, unknown>;
  return new Set(Object.keys(tags).map((k) => k.replace(/^ID3v2_\d/, 'ID3v2')));
}

/** The tags of `before` that `after` no longer has. */
export function findLostTags(before: TagDump, after: TagDump): string[] {
  return [...before].filter((k) => !after.has(k) && !IGNORED_GROUPS.test(k) && !IGNORED_TAGS.test(k) && !/^(?:SourceFile|errors|warnings)$/.test(k));
}
