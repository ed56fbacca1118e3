// Python core metadata (PKG-INFO in an sdist or .egg-info, METADATA in a .dist-info):
// `License-Expression` (PEP 639, an SPDX expression) wins; otherwise `License` (free text;
// setuptools writes "UNKNOWN" when there is none) and `Classifier: License :: ...`, which
// a License at least as confident overrules (their ambiguities are then not warned about).
// `License-File` only names files, which the license-text detector reads on their own.
import { readHeaders } from './headers.js';
import { declareClassifiers } from './trove.js';
import type { ManifestOutput, Reading } from './shared.js';

export function readPkgInfo(text: string, out: ManifestOutput): void {
  const headers = readHeaders(text);
  // Not core metadata (some other file called METADATA): nothing to read.
  if (!headers.some((h) => h.name === 'Metadata-Version')) return;
  const expression = headers.find((h) => h.name === 'License-Expression');
  if (expression) return out.license({ field: 'License-Expression', value: expression.value, line: expression.line });
  const license = headers.find((h) => h.name === 'License');
  let reading: Reading | null = null;
  if (license && !/^(?:UNKNOWN|)$/i.test(license.value.trim())) {
    reading = out.read({ field: 'License', value: license.value, line: license.line });
    out.declare('License', [reading], license.line);
  }
  const classifiers = headers.filter((h) => h.name === 'Classifier').map((h) => ({ field: 'Classifier', value: h.value, line: h.line }));
  declareClassifiers('Classifier', classifiers, out, { field: 'License', reading });
}
