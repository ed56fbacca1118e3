// Every deps output format, in one map: the --format choices derive from its keys.
import type { ColorSupportLevel } from 'chalk';
import type { DepsResult } from '../../deps/types.js';
import * as csv from './csv.js';
import * as cyclonedx from './cyclonedx.js';
import * as json from './json.js';
import * as markdown from './markdown.js';
import * as notice from './notice.js';
import * as spdx from './spdx.js';
import * as text from './text.js';

export interface DepsRenderOptions {
  /** Colour level as chalk counts it (0 = none). */
  readonly color: ColorSupportLevel;
  readonly verbose: boolean;
  /** ISO 8601 UTC timestamp for SBOM documents. */
  readonly created: string;
}

export const DEPS_FORMATS = {
  text: (r: DepsResult, o: DepsRenderOptions) => text.render(r, o),
  json: (r: DepsResult) => json.render(r),
  csv: (r: DepsResult) => csv.render(r),
  markdown: (r: DepsResult) => markdown.render(r),
  notice: (r: DepsResult) => notice.render(r),
  spdx: (r: DepsResult, o: DepsRenderOptions) => spdx.render(r, o),
  cyclonedx: (r: DepsResult, o: DepsRenderOptions) => cyclonedx.render(r, o),
} satisfies Record<string, (r: DepsResult, o: DepsRenderOptions) => string>;

export type DepsFormat = keyof typeof DEPS_FORMATS;
