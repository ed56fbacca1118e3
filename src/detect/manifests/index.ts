// Package manifests: one detector that routes each file to its format's reader by one table
// of file names and one of extensions. Every reader hands its license fields to the shared
// interpreter (shared.ts); declarations have source 'manifest', the field they were read
// from, and scope 'project' for a manifest at the root, 'package' below it.
import { EMPTY_DETECTION, type Detector } from '../types.js';
import { readCargoToml } from './cargo-toml.js';
import { readComposerJson } from './composer-json.js';
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

export const detector: Detector = {
  name: 'manifest',
  accepts: (path, kind) => kind === 'text' && readerFor(path) !== undefined,
  detect(file, ctx) {
    const reader = readerFor(file.path);
    return reader ? readManifest(file, ctx, reader) : EMPTY_DETECTION;
  },
};
