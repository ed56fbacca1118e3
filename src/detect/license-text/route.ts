// Which files hold license texts, from the path alone (cheap: asked for every file).
//   license  LICENSE, LICENCE, COPYING, UNLICENSE, LICENSES.txt, LICENSE-MIT, LICENSE.md,
//            COPYING.LESSER, MIT.LICENSE, Apache-2.0-LICENSE.txt, "Apache License.txt", a font's OFL.txt:
//            the whole file is license text
//   notice   NOTICE, COPYRIGHT, THIRD-PARTY-NOTICES, R's LICENSE.note: may hold license texts among attributions
//   reuse    every file directly in LICENSES/ or Licenses/: REUSE license files, named by id
// Never: source code or data that happens to be called license.go or notice.json, REUSE
// `.license` sidecars (cat.png.license), hidden files, and debian/copyright (a dep5 file).
import { sidecarTarget } from '../sidecar.js';

export type Role = 'license' | 'notice' | 'reuse';

export interface Route {
  readonly role: Role;
  /** The license id the file name suggests, as written (LICENSES/<id>.txt, LICENSE-<id>, <id>.LICENSE). */
  readonly name: string | null;
}

/** Extensions under which a license text is still text (a rendering of it). */
export const TEXT_EXTENSIONS = new Set(['txt', 'text', 'md', 'markdown', 'mdown', 'mkd', 'rst', 'html', 'htm', 'xhtml', 'adoc', 'asciidoc', 'org', 'textile', 'pod', 'rdoc', 'creole', 'wiki', 'mediawiki', '1st']);

/** Extensions of code, data and documents: license.go is code about licenses, not a license. */
const OTHER_EXTENSIONS = new Set(
  (
    'js mjs cjs jsx ts mts cts tsx vue svelte astro json json5 jsonc yml yaml toml xml ini cfg conf properties lock py pyi pyc rb erb go ' +
    'java kt kts scala groovy gradle c h cc cpp cxx hh hpp hxx cs fs fsx vb swift m mm rs php pl pm t sh bash zsh fish ps1 psm1 bat cmd ' +
    'lua r jl dart ex exs erl hrl hs lhs ml mli clj cljs cljc el lisp scm rkt nim zig v sv vhd sql css scss sass less styl ' +
    'tmpl tpl j2 jinja hbs mustache ejs twig liquid njk ipynb csv tsv tex sty cls bib proto graphql gql cmake mk make in am ' +
    'rtf doc docx odt pdf png jpg jpeg gif svg webp ico bmp tif tiff zip gz tgz bz2 xz zst 7z rar jar war class o a so dylib dll exe ' +
    'wasm map snap bak orig rej swp patch diff spdx sig asc pem ' +
    // package manifests and build files: license_finder.gemspec is a gem about licenses
    'gemspec nuspec podspec cabal nix rake gyp bzl sbt csproj fsproj vbproj sln'
  ).split(' '),
);

const STEMS: readonly { readonly test: RegExp; readonly role: Exclude<Role, 'reuse'> }[] = [
  // R's LICENSE.note: the licenses of the components a package includes (Writing R Extensions)
  { test: /^licen[cs]e[-_.]note$/, role: 'notice' },
  // LICENSE, LICENCE, LICENSES, UNLICENSE, LICENSE-MIT, LICENSE.GPL-3.0, licence_apache
  { test: /^(?:un)?licen[cs]es?\d{0,2}(?:[-_.][^/]{1,60})?$/, role: 'license' },
  // COPYING, COPYING3, COPYING.LESSER, COPYING-GPL
  { test: /^copying\d{0,2}(?:[-_.][^/]{1,60})?$/, role: 'license' },
  // MIT.LICENSE, Apache-2.0-LICENSE, mit_license, third-party-licenses, Open Sans' "Apache License.txt"
  { test: /^[^/]{1,60}[-_. ]licen[cs]es?$/, role: 'license' },
  // Fonts' OFL.txt (as SIL and Google Fonts name it), OFL-1.1.txt, the Ubuntu Font Licence's UFL.txt; not OFL-FAQ.txt
  { test: /^[ou]fl(?:[-_.]?\d[\d.]{0,8})?$/, role: 'license' },
  // NOTICE, NOTICES, COPYRIGHT, THIRD-PARTY-NOTICES, ThirdPartyNotices, third_party_notices.md
  { test: /^(?:notices?|copyright|third[-_]?party[-_]?notices?)(?:[-_.][^/]{1,60})?$/, role: 'notice' },
];

/** Folders of license texts named by id: REUSE's, and U-Boot's spelling. */
const LICENSE_FOLDERS: ReadonlySet<string> = new Set(['LICENSES', 'Licenses']);

/**
 * Whether a file lies in a folder of license texts (at any depth below it): it holds the text of a
 * license some files are under, not a statement of what the project is under.
 */
export function inLicenseFolder(path: string): boolean {
  const parts = path.split('/');
  return parts.slice(0, -1).some((p) => LICENSE_FOLDERS.has(p));
}

/**
 * A notice of what a work includes (NOTICE, THIRD-PARTY-NOTICES, R's LICENSE.note), or the license
 * texts of its dependencies (LICENSE-DEPENDENCIES.md, THIRD_PARTY_LICENSES): the licenses it holds
 * are its parts', not the work's own. (A COPYRIGHT file states the work's own.)
 */
export function describesParts(path: string, route: Route | null = routeLicenseFile(path)): boolean {
  if (!route) return false;
  if (route.role === 'notice') return !/^copyright/i.test(path.slice(path.lastIndexOf('/') + 1));
  return route.name !== null && PARTS_NAME.test(route.name);
}

const PARTS_NAME = /third[-_ ]?party|dependenc|vendor|bundled/i;

const NAME_AFTER = /^(?:un)?(?:licen[cs]es?|copying)[-_.](.+)$/i;
const NAME_BEFORE = /^(.+)[-_. ]licen[cs]es?$/i;

/** The route of a path, or null when the file is no license text. */
export function routeLicenseFile(path: string): Route | null {
  const slash = path.lastIndexOf('/');
  const base = path.slice(slash + 1);
  if (base === '' || base.startsWith('.') || sidecarTarget(path) !== null) return null;
  const ext = extensionOf(base).toLowerCase();
  if (OTHER_EXTENSIONS.has(ext) || path === 'debian/copyright' || path.endsWith('/debian/copyright')) return null;
  const stem = TEXT_EXTENSIONS.has(ext) ? base.slice(0, -ext.length - 1) : base;
  const dir = path.slice(path.lastIndexOf('/', slash - 1) + 1, Math.max(slash, 0));
  if (LICENSE_FOLDERS.has(dir)) return { role: 'reuse', name: stem };
  const lower = stem.toLowerCase();
  const route = STEMS.find((s) => s.test.test(lower));
  if (!route) return null;
  // A notice's name says what it is (LICENSE.note), not which license it holds.
  const name = route.role === 'notice' ? null : (NAME_AFTER.exec(stem)?.[1] ?? NAME_BEFORE.exec(stem)?.[1] ?? null);
  return { role: route.role, name };
}

function extensionOf(base: string): string {
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1) : '';
}
