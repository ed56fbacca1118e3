// The three writers, each writing a new temporary file and never the original: ExifTool
// (images, PDF, MP4) with `-o`, node-taglib-sharp (MP3, FLAC, Ogg, WAV) on a copy, and a
// small text edit for SVG. ExifTool runs as a perl process: allowed in apply, never in scan.
// Both libraries load on first use, so `canEmbed` and the scan never pay for them.
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ExifTool } from 'exiftool-vendored';
import type { Id3v2Tag, Id3v2UserTextInformationFrame, InfoTag, Mpeg4AppleTag as AppleTag, XiphComment } from 'node-taglib-sharp';
import { EXIFTOOL_TAGS, type PlannedField, type Target } from './plan.js';

// Both are CommonJS packages, loaded on first use and required rather than imported: the CLI bundle
// runs from V8's code cache, where import() has no loader to call (see src/cli/bundle.cts).
const requirePackage = <T>(name: string): T => createRequire(import.meta.url)(name) as T;

let exiftoolInstance: Promise<ExifTool> | null = null;

/** The shared ExifTool process pool (perl processes are slow to start: one pool per run). */
export function exiftool(): Promise<ExifTool> {
  exiftoolInstance ??= Promise.resolve(requirePackage<typeof import('exiftool-vendored')>('exiftool-vendored')).then(({ ExifTool }) => new ExifTool({ maxProcs: 2, taskTimeoutMillis: 120_000, minDelayBetweenSpawnMillis: 0 }));
  return exiftoolInstance;
}

/** Ends the ExifTool processes, if any were started. */
export async function endExiftool(): Promise<void> {
  const pending = exiftoolInstance;
  exiftoolInstance = null;
  if (pending) await (await pending).end();
}

/** Writes `fields` from `abs` into the new file `tmp`. Throws with ExifTool's own words when it did not. */
export async function writeWithExiftool(abs: string, tmp: string, fields: readonly PlannedField[]): Promise<void> {
  const tags: Record<string, string> = {};
  for (const f of fields) tags[EXIFTOOL_TAGS[f.field]!] = f.value;
  const args = ['-o', tmp];
  if (tags['IPTC:CopyrightNotice']) {
    // Mark the IPTC record as UTF-8 so that readers decode a non-ASCII notice right.
    tags['IPTC:CodedCharacterSet'] = 'UTF8';
    args.unshift('-charset', 'iptc=UTF8');
  }
  const et = await exiftool();
  const result = await et.write(abs, tags as never, { writeArgs: args });
  const warnings = (result.warnings ?? []).filter((w) => !/^\[minor\]/i.test(w));
  if (result.created + result.updated === 0) throw new Error(`ExifTool wrote nothing (${[...(result.warnings ?? [])].join('; ') || 'no reason given'})`);
  if (warnings.length) throw new Error(`ExifTool warned: ${warnings.join('; ')}`);
}

/** Copies `abs` to `tmp` and edits the copy's tags with node-taglib-sharp. */
export async function writeWithTaglib(abs: string, tmp: string, target: Target, fields: readonly PlannedField[]): Promise<void> {
  const taglib = requirePackage<typeof import('node-taglib-sharp')>('node-taglib-sharp');
  const { File, TagTypes } = taglib;
  copyFileSync(abs, tmp);
  const file = File.createFromPath(tmp);
  try {
    if (file.corruptionReasons.length) throw new Error(`node-taglib-sharp found the file damaged: ${file.corruptionReasons.join('; ')}`);
    const onDisk = file.tagTypesOnDisk;
    const value = (field: string): string | undefined => fields.find((f) => f.field === field)?.value;
    let wanted: number;
    if (target === 'mp3') {
      wanted = TagTypes.Id3v2;
      const tag = file.getTag(TagTypes.Id3v2, true) as Id3v2Tag;
      const WCOP = taglib.Id3v2FrameIdentifiers.WCOP!;
      const USER = taglib.Id3v2FrameIdentifiers.USER!;
      const url = value('ID3:WCOP');
      if (url) {
        tag.removeFrames(WCOP);
        const frame = taglib.Id3v2UrlLinkFrame.fromIdentity(WCOP);
        frame.text = [url];
        tag.addFrame(frame);
      }
      const terms = value('ID3:USER');
      if (terms) {
        tag.removeFrames(USER);
        const frame = taglib.Id3v2TermsOfUseFrame.fromFields('eng', taglib.StringType.UTF8);
        frame.text = terms;
        tag.addFrame(frame);
      }
      const notice = value('ID3:TCOP');
      if (notice) tag.copyright = notice;
      // A TXXX:LICENSE frame is a license field farleft does not write: it would contradict.
      for (const f of tag.getFramesByClassType<Id3v2UserTextInformationFrame>(taglib.Id3v2FrameClassType.UserTextInformationFrame))
        if (f.description.trim().toUpperCase() === 'LICENSE') tag.removeFrame(f);
    } else if (target === 'wav') {
      wanted = TagTypes.RiffInfo;
      (file.getTag(TagTypes.RiffInfo, true) as InfoTag).copyright = value('RIFF:ICOP')!;
    } else if (target === 'm4a') {
      wanted = TagTypes.Apple;
      const tag = file.getTag(TagTypes.Apple, true) as AppleTag;
      const url = value('MP4:iTunes:LICENSE');
      const notice = value('MP4:cprt');
      if (url) tag.setItunesStrings('com.apple.iTunes', 'LICENSE', url);
      if (notice) tag.copyright = notice;
    } else {
      wanted = TagTypes.Xiph;
      const tag = file.getTag(TagTypes.Xiph, true) as XiphComment;
      const url = value('Vorbis:LICENSE');
      const notice = value('Vorbis:COPYRIGHT');
      if (url) tag.setFieldAsStrings('LICENSE', url);
      if (notice) tag.setFieldAsStrings('COPYRIGHT', notice);
    }
    // node-taglib-sharp creates every tag type a format may hold (an ID3v1 for MP3; ID3v2,
    // DivX and MovieID chunks for WAV): keep only those on disk and the one written.
    file.removeTags(file.tagTypes & ~onDisk & ~wanted);
    file.save();
  } finally {
    file.dispose();
  }
}

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const ID = 'farleft-license';
const BLOCK_RE = /\n?<metadata id="farleft-license">[\s\S]*?<\/metadata>/;

/** The SVG's text with farleft's license block (re)placed first in the root element. */
export function writeSvgText(text: string, fields: readonly PlannedField[]): string {
  const value = (field: string): string | undefined => fields.find((f) => f.field === field)?.value;
  const root = /<(?:[A-Za-z_][\w.-]*:)?svg\b/.exec(text);
  const end = root ? text.indexOf('>', root.index) : -1;
  if (!root || end < 0 || text[end - 1] === '/') throw new Error('no <svg> root element to hold the metadata');
  const license = value('SVG-cc:license');
  const notice = value('SVG-dc:rights');
  const block =
    `\n<metadata id="${ID}"><rdf:RDF xmlns:rdf="${RDF}" xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
    `<cc:Work rdf:about="">${license ? `<cc:license rdf:resource="${escapeXml(license)}"/>` : ''}${notice ? `<dc:rights>${escapeXml(notice)}</dc:rights>` : ''}</cc:Work></rdf:RDF></metadata>`;
  const without = withoutSvgBlock(text);
  const at = without.indexOf('>', root.index) + 1;
  return without.slice(0, at) + block + without.slice(at);
}

/** The SVG without farleft's license block: what must not change. */
export function withoutSvgBlock(text: string): string {
  return text.replace(BLOCK_RE, '');
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
