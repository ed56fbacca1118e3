// Package manifests: one detector that routes each file to its format's reader by one table
// of file names and one of extensions. Every reader hands its license fields to the shared
// interpreter (shared.ts); declarations have source 'manifest', the field they were read
// from, and scope 'project' for a manifest at the root, 'package' below it.
import { isUtf8 } from 'node:buffer';
import { EMPTY_DETECTION, type Detector, type FileInput } from '../types.js';
import { readCargoToml } from './cargo-toml.js';
import { readComposerJson } from './composer-json.js';
import { readCpanMetaJson, readCpanMetaYml } from './cpan-meta.js';
import { readGemspec } from './gemspec.js';
import { readNuspec } from './nuspec.js';
import { readPackageJson } from './package-json.js';
import { readPkgInfo } from './pkg-info.js';
import { readPyprojectToml } from './pyproject-toml.js';
import { readRDescription } from './r-description.js';
import { readSetupCfg } from './setup-cfg.js';
import { readManifest, type ManifestReader } from './shared.js';

/** Exact file names (case matters: Cargo and npm read only these spellings). */
export const MANIFEST_NAMES: ReadonlyMap<string, ManifestReader> = new Map([
  ['package.json', readPackageJson],
  ['composer.json', readComposerJson],
  ['Cargo.toml', readCargoToml],
  ['pyproject.toml', readPyprojectToml],
  ['setup.cfg', readSetupCfg],
  ['PKG-INFO', readPkgInfo],
  ['METADATA', readPkgInfo],
  ['DESCRIPTION', readRDescription],
  ['META.json', readCpanMetaJson],
  ['META.yml', readCpanMetaYml],
]);

/** File name extensions. */
export const MANIFEST_EXTENSIONS: ReadonlyMap<string, ManifestReader> = new Map([
  ['.gemspec', readGemspec],
  ['.nuspec', readNuspec],
]);

export function readerFor(path: string): ManifestReader | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return MANIFEST_NAMES.get(name) ?? (dot > 0 ? MANIFEST_EXTENSIONS.get(name.slice(dot)) : undefined);
}

/**
 * Readers of formats whose text may hold a NUL byte: RubyGems writes an installed gemspec's
 * `# stub:` line with its require paths joined by NUL (Gem::Specification#to_ruby), and the
 * walker, by Git's rule, calls such a file binary.
 */
const NUL_IN_TEXT: ReadonlySet<ManifestReader> = new Set([readGemspec]);

export const detector: Detector = {
  name: 'manifest',
  accepts: (path, kind) => {
    const reader = readerFor(path);
    return reader !== undefined && (kind === 'text' || NUL_IN_TEXT.has(reader));
  },
  detect(file, ctx) {
    const reader = readerFor(file.path);
    const input = file.kind === 'text' ? file : utf8Text(file);
    return reader && input ? readManifest(input, ctx, reader) : EMPTY_DETECTION;
  },
};

/** A "binary" file as UTF-8 text, when its bytes are UTF-8 (a NUL is); null otherwise. */
function utf8Text(file: FileInput): FileInput | null {
  if (!isUtf8(file.bytes)) return null;
  const text = new TextDecoder('utf-8').decode(file.bytes);
  const { path, size, bytes } = file;
  return { path, kind: 'text', size, text, bytes, encoding: 'utf-8', complete: size <= bytes.length, rest: () => [] };
}
