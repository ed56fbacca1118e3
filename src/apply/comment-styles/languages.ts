// Which comment style each language uses, found by file name, extension (lower case) or
// the interpreter a shebang names. One row per language; the routing maps are built from
// these rows, and a test checks that no extension or name is claimed twice.
import type { StyleName } from './styles.js';

export interface Language {
  readonly name: string;
  readonly style: StyleName;
  readonly extensions?: readonly string[];
  /** Exact file names (case matters: `Makefile`, `.gitignore`). */
  readonly names?: readonly string[];
  /** Interpreters a shebang may name (`#!/usr/bin/env node`), without version digits. */
  readonly interpreters?: readonly string[];
}

export const LANGUAGES: readonly Language[] = [
  // /* */
  { name: 'C', style: 'c', extensions: ['c', 'h', 'c_shipped', 'h_shipped'] },
  { name: 'Lex / Yacc', style: 'c', extensions: ['l', 'lex', 'y', 'yacc'] },
  { name: 'Linker script', style: 'c', extensions: ['ld', 'lds'] },
  { name: 'C++', style: 'c', extensions: ['cc', 'cpp', 'cxx', 'c++', 'hh', 'hpp', 'hxx', 'h++', 'ipp', 'tpp', 'inl'] },
  { name: 'Objective-C', style: 'c', extensions: ['mm'] },
  { name: 'C#', style: 'c', extensions: ['cs', 'csx'] },
  { name: 'Java', style: 'c', extensions: ['java'] },
  { name: 'Groovy', style: 'c', extensions: ['groovy', 'gradle', 'gvy'], names: ['Jenkinsfile'] },
  { name: 'CSS', style: 'c', extensions: ['css'] },
  { name: 'Less', style: 'c', extensions: ['less'] },
  { name: 'CUDA', style: 'c', extensions: ['cu', 'cuh'] },
  { name: 'Shaders (GLSL, HLSL, Metal)', style: 'c', extensions: ['glsl', 'vert', 'frag', 'geom', 'comp', 'tesc', 'tese', 'hlsl', 'metal'] },
  { name: 'Verilog', style: 'c', extensions: ['v', 'sv', 'svh', 'vh'] },
  { name: 'Assembly (GNU as)', style: 'c', extensions: ['s'] },
  { name: 'Arduino', style: 'c', extensions: ['ino', 'pde'] },
  { name: 'Graphviz', style: 'c', extensions: ['dot', 'gv'] },
  // //
  { name: 'JavaScript', style: 'cpp', extensions: ['js', 'mjs', 'cjs', 'jsx'], interpreters: ['node', 'nodejs', 'deno', 'bun'] },
  { name: 'TypeScript', style: 'cpp', extensions: ['ts', 'mts', 'cts', 'tsx'], interpreters: ['ts-node', 'tsx'] },
  { name: 'JSON5 / JSON with comments', style: 'cpp', extensions: ['json5', 'jsonc'], names: ['.babelrc', '.jshintrc'] },
  { name: 'Go', style: 'cpp', extensions: ['go'], names: ['go.mod', 'go.work'] },
  // `//` as Linux and U-Boot write their headers (dtc reads C comments of both kinds).
  { name: 'Devicetree', style: 'cpp', extensions: ['dts', 'dtsi', 'dtso', 'its'] },
  { name: 'Coccinelle', style: 'cpp', extensions: ['cocci'] },
  { name: 'Rust', style: 'cpp', extensions: ['rs'] },
  { name: 'Kotlin', style: 'cpp', extensions: ['kt', 'kts'] },
  { name: 'Swift', style: 'cpp', extensions: ['swift'] },
  { name: 'Scala', style: 'cpp', extensions: ['scala', 'sc', 'sbt'] },
  { name: 'Dart', style: 'cpp', extensions: ['dart'] },
  { name: 'Zig', style: 'cpp', extensions: ['zig'] },
  { name: 'D', style: 'cpp', extensions: ['d'] },
  { name: 'F#', style: 'cpp', extensions: ['fs', 'fsi', 'fsx'] },
  { name: 'SCSS / Sass', style: 'cpp', extensions: ['scss', 'sass'] },
  { name: 'Stylus', style: 'cpp', extensions: ['styl'] },
  { name: 'Protocol Buffers', style: 'cpp', extensions: ['proto'] },
  { name: 'Thrift', style: 'cpp', extensions: ['thrift'] },
  { name: 'Solidity', style: 'cpp', extensions: ['sol'] },
  { name: 'Haxe', style: 'cpp', extensions: ['hx'] },
  { name: 'Typst', style: 'cpp', extensions: ['typ'] },
  { name: 'AsciiDoc', style: 'cpp', extensions: ['adoc', 'asciidoc'] },
  { name: 'Jsonnet', style: 'cpp', extensions: ['jsonnet', 'libsonnet'] },
  { name: 'CUE', style: 'cpp', extensions: ['cue'] },
  { name: 'Gleam', style: 'cpp', extensions: ['gleam'] },
  { name: 'Vala', style: 'cpp', extensions: ['vala'] },
  { name: 'QML', style: 'cpp', extensions: ['qml'] },
  { name: 'Odin', style: 'cpp', extensions: ['odin'] },
  { name: 'WGSL', style: 'cpp', extensions: ['wgsl'] },
  // #
  { name: 'Python', style: 'python', extensions: ['py', 'pyw', 'pyi', 'pyx', 'pxd'], names: ['SConstruct', 'SConscript', 'Snakefile'], interpreters: ['python', 'pypy'] },
  {
    name: 'Shell',
    style: 'python',
    extensions: ['sh', 'bash', 'zsh', 'ksh', 'fish', 'bats'],
    names: ['.bashrc', '.bash_profile', '.bash_logout', '.profile', '.zshrc', '.zprofile', '.zshenv', '.envrc', 'bash.bashrc', 'bash_completion', 'zshrc', 'zprofile', 'zshenv'],
    interpreters: ['sh', 'bash', 'zsh', 'ksh', 'mksh', 'dash', 'ash', 'fish', 'bats'],
  },
  { name: 'PowerShell', style: 'python', extensions: ['ps1', 'psm1', 'psd1'], interpreters: ['pwsh', 'powershell'] },
  {
    name: 'Ruby',
    style: 'python',
    extensions: ['rb', 'rake', 'gemspec', 'ru', 'rbi', 'rbs'],
    names: ['Gemfile', 'Rakefile', 'Vagrantfile', 'Podfile', 'Fastfile', 'Guardfile', 'Capfile', 'Brewfile', 'Dangerfile', '.irbrc', '.pryrc'],
    interpreters: ['ruby', 'jruby'],
  },
  { name: 'Perl', style: 'python', extensions: ['pl', 'pm', 't', 'psgi'], interpreters: ['perl'] },
  // Lines above a POD file's first command are not POD: `#` lines, as reuse-tool writes them.
  { name: 'POD', style: 'python', extensions: ['pod'] },
  { name: 'Raku', style: 'python', extensions: ['raku', 'rakumod', 'p6', 'pm6'], interpreters: ['raku', 'perl6'] },
  // An R package's NAMESPACE and inst/CITATION are R code too.
  { name: 'R', style: 'python', extensions: ['r'], names: ['.Rprofile', 'NAMESPACE', 'CITATION'], interpreters: ['Rscript'] },
  // R documentation (.Rd), Sweave (.Rnw) and R's "asis" vignettes: comments start with %, as in LaTeX.
  { name: 'R documentation and vignettes', style: 'tex', extensions: ['rd', 'rnw', 'asis'] },
  { name: 'Julia', style: 'python', extensions: ['jl'], interpreters: ['julia'] },
  { name: 'Nix', style: 'python', extensions: ['nix'], interpreters: ['nix-shell'] },
  { name: 'YAML', style: 'python', extensions: ['yaml', 'yml'], names: ['.clang-format', '.clang-tidy', '.yamllint'] },
  { name: 'TOML', style: 'python', extensions: ['toml'], names: ['Cargo.lock', 'poetry.lock', 'uv.lock', 'Pipfile'] },
  { name: 'Yarn lock file', style: 'python', names: ['yarn.lock'] },
  { name: 'Make', style: 'python', extensions: ['mk', 'mak', 'make'], names: ['Makefile', 'makefile', 'GNUmakefile', 'Justfile', 'justfile', '.justfile', 'Makevars', 'Makevars.win', 'Makevars.in'], interpreters: ['make'] },
  { name: 'Automake', style: 'python', extensions: ['am'] },
  { name: 'Dockerfile', style: 'python', extensions: ['dockerfile', 'containerfile'], names: ['Dockerfile', 'Containerfile'] },
  { name: 'CMake', style: 'python', extensions: ['cmake'], names: ['CMakeLists.txt'] },
  { name: 'Bazel / Starlark', style: 'python', extensions: ['bzl', 'bazel', 'star'], names: ['BUILD', 'WORKSPACE', 'MODULE.bazel', '.bazelrc', 'Tiltfile'] },
  // Chromium's GN and the GYP files of Node and V8: `#` comments (GYP and `.pyl` files are Python literals).
  { name: 'GN', style: 'python', extensions: ['gn', 'gni'] },
  { name: 'GYP', style: 'python', extensions: ['gyp', 'gypi', 'pyl'] },
  { name: 'Meson', style: 'python', names: ['meson.build', 'meson_options.txt', 'meson.options'] },
  { name: 'qmake', style: 'python', extensions: ['pro', 'pri'] },
  { name: 'Tcl', style: 'python', extensions: ['tcl', 'tk', 'exp'], interpreters: ['tclsh', 'wish', 'expect'] },
  { name: 'Awk', style: 'python', extensions: ['awk'], interpreters: ['awk', 'gawk', 'mawk', 'nawk'] },
  { name: 'sed', style: 'python', extensions: ['sed'], interpreters: ['sed'] },
  { name: 'Elixir', style: 'python', extensions: ['ex', 'exs'], interpreters: ['elixir'] },
  { name: 'Crystal', style: 'python', extensions: ['cr'], interpreters: ['crystal'] },
  { name: 'Nim', style: 'python', extensions: ['nim', 'nims', 'nimble'] },
  { name: 'CoffeeScript', style: 'python', extensions: ['coffee'], interpreters: ['coffee'] },
  { name: 'GDScript', style: 'python', extensions: ['gd'] },
  { name: 'Terraform / HCL', style: 'python', extensions: ['tf', 'tfvars', 'hcl'] },
  { name: 'GraphQL', style: 'python', extensions: ['graphql', 'gql'] },
  { name: 'Puppet', style: 'python', extensions: ['pp'] },
  { name: 'Cap’n Proto', style: 'python', extensions: ['capnp'] },
  { name: 'gettext', style: 'python', extensions: ['po', 'pot'], names: ['LINGUAS', 'POTFILES.in', 'POTFILES.skip'] },
  { name: 'OpenType feature files', style: 'python', extensions: ['fea'] },
  { name: 'Gherkin', style: 'python', extensions: ['feature'] },
  { name: 'Robot Framework', style: 'python', extensions: ['robot'] },
  { name: 'Nushell', style: 'python', extensions: ['nu'], interpreters: ['nu'] },
  { name: 'SPARQL / Turtle', style: 'python', extensions: ['rq', 'sparql', 'ttl'] },
  { name: 'RPM spec', style: 'python', extensions: ['spec'] },
  {
    name: 'Ignore files',
    style: 'python',
    names: ['.gitignore', '.dockerignore', '.npmignore', '.eslintignore', '.prettierignore', '.stylelintignore', '.hgignore', '.vscodeignore', '.helmignore'],
  },
  { name: 'Git metadata', style: 'python', names: ['.gitattributes', '.gitmodules', '.mailmap', 'CODEOWNERS', '.git-blame-ignore-revs'] },
  {
    name: 'Configuration files',
    style: 'python',
    extensions: ['conf', 'cnf', 'cfg', 'properties', 'env', 'desktop'],
    names: ['.env', '.htaccess', '.npmrc', '.yarnrc', '.flake8', '.pylintrc', '.coveragerc', '.browserslistrc', '.tool-versions', 'Procfile', 'Kconfig', 'robots.txt'],
  },
  // Unit, network and hardware-database files of systemd and udev (not `.rules`: polkit's are JavaScript).
  {
    name: 'systemd and udev',
    style: 'python',
    extensions: ['service', 'socket', 'timer', 'mount', 'automount', 'swap', 'target', 'slice', 'scope', 'path', 'nspawn', 'network', 'netdev', 'link', 'hwdb'],
  },
  // pip-tools compiles requirements.in into requirements.txt
  { name: 'pip requirements', style: 'python', names: ['requirements.txt', 'requirements-dev.txt', 'constraints.txt', 'requirements.in', 'requirements-dev.in', 'dev-requirements.in'] },
  // --
  { name: 'Haskell', style: 'sql', extensions: ['hs', 'hsc'], interpreters: ['runhaskell', 'runghc', 'stack'] },
  { name: 'Cabal', style: 'sql', extensions: ['cabal'], names: ['cabal.project'] },
  { name: 'Elm', style: 'sql', extensions: ['elm'] },
  { name: 'PureScript', style: 'sql', extensions: ['purs'] },
  { name: 'Idris', style: 'sql', extensions: ['idr'] },
  { name: 'Agda', style: 'sql', extensions: ['agda'] },
  { name: 'Dhall', style: 'sql', extensions: ['dhall'] },
  { name: 'SQL', style: 'sql', extensions: ['sql', 'psql', 'pgsql', 'pls', 'pks', 'pkb'] },
  { name: 'ASN.1', style: 'sql', extensions: ['asn1', 'asn'] },
  { name: 'Lua', style: 'sql', extensions: ['lua', 'rockspec'], interpreters: ['lua', 'luajit'] },
  { name: 'Ada', style: 'sql', extensions: ['adb', 'ads', 'ada', 'gpr'] },
  { name: 'VHDL', style: 'sql', extensions: ['vhd', 'vhdl'] },
  { name: 'AppleScript', style: 'sql', extensions: ['applescript'], interpreters: ['osascript'] },
  { name: 'Eiffel', style: 'sql', extensions: ['e'] },
  // ;; and ;
  { name: 'Emacs Lisp', style: 'lisp', extensions: ['el'], names: ['.emacs'], interpreters: ['emacs'] },
  { name: 'Common Lisp', style: 'lisp', extensions: ['lisp', 'lsp', 'asd'], interpreters: ['sbcl', 'clisp', 'ecl'] },
  { name: 'Scheme', style: 'lisp', extensions: ['scm', 'ss', 'sld'], interpreters: ['guile', 'scheme', 'csi', 'chicken'] },
  { name: 'Racket', style: 'lisp', extensions: ['rkt', 'rktl'], interpreters: ['racket'] },
  { name: 'Clojure', style: 'lisp', extensions: ['clj', 'cljs', 'cljc', 'edn'], interpreters: ['clojure', 'bb'] },
  { name: 'Fennel', style: 'lisp', extensions: ['fnl'], interpreters: ['fennel'] },
  { name: 'Hy', style: 'lisp', extensions: ['hy'], interpreters: ['hy'] },
  { name: 'WebAssembly text', style: 'lisp', extensions: ['wat', 'wast'] },
  { name: 'Assembly (NASM, MASM)', style: 'ini', extensions: ['asm', 'nasm'] },
  { name: 'LLVM IR', style: 'ini', extensions: ['ll'] },
  { name: 'INI', style: 'ini', extensions: ['ini', 'iss'], names: ['.editorconfig', '.gitconfig'] },
  { name: 'AutoHotkey', style: 'ini', extensions: ['ahk'] },
  { name: 'Godot resources', style: 'ini', extensions: ['tscn', 'tres'] },
  // % and %%
  { name: 'TeX / LaTeX', style: 'tex', extensions: ['tex', 'ltx', 'sty', 'cls', 'dtx', 'ins', 'bbx', 'cbx'] },
  // `.m` is MATLAB unless it reads as Objective-C (see CONTENT_RULES in index.ts).
  { name: 'MATLAB / Octave', style: 'tex', extensions: ['m'], interpreters: ['octave'] },
  { name: 'PostScript', style: 'tex', extensions: ['ps', 'eps'] },
  { name: 'LilyPond', style: 'tex', extensions: ['ly', 'ily'] },
  { name: 'Erlang', style: 'erlang', extensions: ['erl', 'hrl', 'escript'], names: ['rebar.config'], interpreters: ['escript'] },
  { name: 'Mermaid', style: 'erlang', extensions: ['mmd', 'mermaid'] },
  // <!-- -->
  { name: 'HTML', style: 'html', extensions: ['html', 'htm', 'xhtml', 'shtml'] },
  {
    name: 'XML',
    style: 'html',
    extensions: ['xml', 'xsd', 'xsl', 'xslt', 'wsdl', 'rss', 'atom', 'plist', 'xaml', 'axaml', 'fxml', 'kml', 'gpx', 'opml', 'xlf', 'xliff', 'rdf', 'owl', 'dita', 'ditamap', 'xul', 'jspx', 'dae', 'tmx'],
  },
  // A UFO font's glyphs (.glif), and the designspace and statmake files beside them: XML.
  { name: 'Font sources (UFO, designspace)', style: 'html', extensions: ['glif', 'designspace', 'stylespace'] },
  { name: 'MSBuild / NuGet', style: 'html', extensions: ['csproj', 'vbproj', 'fsproj', 'vcxproj', 'props', 'targets', 'nuspec', 'resx'] },
  { name: 'UI definitions (Qt, GTK, Android)', style: 'html', extensions: ['ui', 'glade', 'qrc', 'storyboard', 'xib'] },
  { name: 'Maven', style: 'html', extensions: ['pom'], names: ['pom.xml'] },
  { name: 'SVG', style: 'html', extensions: ['svg'] },
  { name: 'Markdown', style: 'html', extensions: ['md', 'markdown', 'mdown', 'mkd', 'mkdn', 'rmd', 'qmd'] },
  { name: 'Vue', style: 'html', extensions: ['vue'] },
  { name: 'Svelte', style: 'html', extensions: ['svelte'] },
  { name: 'Astro', style: 'html', extensions: ['astro'] },
  { name: 'MDX', style: 'mdx', extensions: ['mdx'] },
  // other block comments
  { name: 'Jinja / Nunjucks / Twig', style: 'jinja', extensions: ['j2', 'jinja', 'jinja2', 'njk', 'twig'] },
  { name: 'Handlebars / Mustache', style: 'handlebars', extensions: ['hbs', 'handlebars', 'mustache'] },
  { name: 'ASP.NET / JSP', style: 'aspx', extensions: ['aspx', 'ascx', 'ashx', 'asmx', 'master', 'jsp'] },
  { name: 'FreeMarker', style: 'ftl', extensions: ['ftl', 'ftlh', 'ftlx'] },
  { name: 'ERB / EJS', style: 'erb', extensions: ['erb', 'rhtml', 'ejs'] },
  { name: 'Velocity', style: 'velocity', extensions: ['vm', 'vtl'] },
  { name: 'OCaml', style: 'ocaml', extensions: ['ml', 'mli', 'mll', 'mly'], interpreters: ['ocaml'] },
  { name: 'Standard ML', style: 'ocaml', extensions: ['sml'] },
  { name: 'Pascal / Delphi', style: 'ocaml', extensions: ['pas', 'dpr', 'lpr', 'dpk'] },
  { name: 'Mathematica', style: 'ocaml', extensions: ['wl', 'wls'] },
  { name: 'XQuery', style: 'xquery', extensions: ['xq', 'xql', 'xqm', 'xquery', 'xqy'] },
  { name: 'BibTeX', style: 'bibtex', extensions: ['bib'] },
  // other line comments
  { name: 'Batch', style: 'bat', extensions: ['bat', 'cmd'] },
  { name: 'Visual Basic', style: 'vb', extensions: ['vb', 'vbs', 'bas', 'vba'] },
  { name: 'PlantUML', style: 'vb', extensions: ['puml', 'plantuml', 'iuml', 'pu'] },
  { name: 'man pages (roff)', style: 'man', extensions: ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'man', 'mdoc', 'roff', 'ms', 'me'] },
  { name: 'reStructuredText', style: 'rst', extensions: ['rst', 'rest'] },
  { name: 'Vim script', style: 'vim', extensions: ['vim'], names: ['.vimrc', '_vimrc', '.gvimrc', '.exrc'] },
  { name: 'M4 / Autoconf', style: 'm4', extensions: ['m4', 'ac'] },
  { name: 'Fortran', style: 'fortran', extensions: ['f', 'for', 'f77', 'f90', 'f95', 'f03', 'f08', 'fpp', 'ftn'] },
  { name: 'X resources', style: 'fortran', names: ['.Xresources', '.Xdefaults'] },
  { name: 'Forth', style: 'forth', extensions: ['4th', 'fth', 'forth'] },
  { name: 'Pug', style: 'pug', extensions: ['pug', 'jade'] },
  { name: 'PHP', style: 'php', extensions: ['php', 'phtml', 'php3', 'php4', 'php5', 'php7', 'php8', 'phps'], interpreters: ['php'] },
];

/**
 * Formats with no comment syntax (data, documents, media, archives, binaries): their
 * licensing goes into a `.license` sidecar. Values are what the file is, for messages.
 */
export const SIDECAR_EXTENSIONS: ReadonlyMap<string, string> = kinds({
  data: 'json jsonl ndjson geojson topojson har webmanifest ipynb map csv tsv psv txt text log patch diff lock',
  document: 'pdf doc docx xls xlsx ppt pptx odt ods odp odg epub rtf djvu',
  image: 'png apng jpg jpeg jpe jfif gif webp bmp ico icns cur tif tiff heic heif avif jxl psd xcf raw cr2 nef dng arw orf kra ora exr hdr tga dds svgz ai sketch fig xd',
  audio: 'mp3 ogg oga opus flac wav aac m4a wma aiff aif mid midi caf amr ape wv spx',
  video: 'mp4 m4v mkv webm mov avi wmv flv mpg mpeg ogv 3gp m2ts',
  font: 'ttf otf woff woff2 eot pfb ttc',
  archive: 'zip gz tgz bz2 xz zst lz lzma 7z rar tar jar war ear whl egg deb rpm apk dmg iso img cab',
  binary: 'exe dll so dylib a o lib class pyc pyo wasm bin dat db sqlite sqlite3 node pak jks keystore p12 pfx der crt cer pem key asc gpg',
  model: 'blend fbx glb gltf stl ply 3ds onnx pt safetensors h5 tflite npy npz pkl',
});

/** File names without comment syntax (a version number, checksums, prose without markup: the GNU standard files and their kin). */
export const SIDECAR_NAMES: ReadonlyMap<string, string> = kinds({
  data: 'go.sum Gemfile.lock composer.lock .nvmrc .node-version .python-version .ruby-version .bazelversion .gitkeep .keep',
  text: 'README AUTHORS CONTRIBUTORS CHANGELOG ChangeLog CHANGES NEWS NOTICE INSTALL TODO HISTORY THANKS MAINTAINERS VERSION FAQ BUGS KNOWN_BUGS HACKING CREDITS RELEASE-NOTES RELEASE_NOTES',
});

function kinds(table: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [kind, exts] of Object.entries(table)) for (const ext of exts.split(' ')) out.set(ext, kind);
  return out;
}
