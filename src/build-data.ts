// `npm run build` runs this after tsc: it writes generated/ (the compiled catalog and
// the license-text index), which every command reads at run time.
import { generateCatalog } from './catalog/generate.js';

generateCatalog();
await (await import('./detect/license-text/build-index.js')).generateLicenseIndex();
