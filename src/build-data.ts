// `npm run build` runs this after tsc: it writes generated/ (the compiled catalog and
// the license-text index), which every command reads at run time.
import { generateCatalog } from './catalog/generate.js';
import { generateLicenseIndex } from './detect/license-text/build-index.js';

generateCatalog();
// The index reads generated/catalog.json (fingerprinted licenses, text groups): it comes second.
generateLicenseIndex();
