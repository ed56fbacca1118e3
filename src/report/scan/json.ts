// JSON output (schema 1): the result with its keys in a fixed order, so the same tree gives the
// same bytes; each file and each problem is one compact line (see ../json-lines.ts).
import type { RenderedScan } from '../../scan.js';
import { renderJsonLines } from '../json-lines.js';

/** Its files may be rendered already (scanForJson). */
export function renderScan(result: RenderedScan): Generator<string | Uint8Array> {
  const { files } = result;
  return 'pieces' in files ? renderJsonLines({ ...result, files: [] }, ['files', 'problems'], { files }) : renderJsonLines({ ...result, files }, ['files', 'problems']);
}
