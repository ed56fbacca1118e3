// Cargo.toml: `package.license` (an SPDX expression; crates before 2018 wrote `/` for OR,
// which the name mapper reads with a note) and `package.license-file`, read as
// `SEE LICENSE IN <path>` like npm's form, so the resolver links it to that file's text.
// A workspace root's `[workspace.package]` license is declared too; a member's
// `license.workspace = true` inherits it from the root manifest, which is read on its own.
import { at, isRecord, readToml, tomlKeyLine, type ManifestOutput } from './shared.js';

export function readCargoToml(text: string, out: ManifestOutput): void {
  const data = readToml(text, out);
  if (!data) return;
  for (const table of ['package', 'workspace.package']) {
    const t = at(data, table);
    if (!isRecord(t)) continue;
    for (const key of ['license', 'license-file'] as const) {
      const value = t[key];
      const field = `${table}.${key}`;
      const line = tomlKeyLine(text, table, key);
      if (typeof value === 'string') {
        if (key === 'license') out.license({ field, value, line, slashIsOr: true });
        else out.declare(field, [out.readFile({ field, value, line })], line);
      } else if (isRecord(value) && value.workspace === true) {
        out.problem('workspace-license', 'note', line, `${field} is inherited from the workspace root's [workspace.package] ${key}`, 'The root Cargo.toml declares it; nothing to change here');
      } else if (value !== undefined) {
        out.problem('invalid-license-field', 'warning', line, `${field} is ${JSON.stringify(value)}, not a string`, `Write ${key} = "MIT OR Apache-2.0" (an SPDX expression)`);
      }
    }
  }
}
