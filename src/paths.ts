import { fileURLToPath } from 'node:url';

// src/paths.ts compiles to dist/paths.js: one level below the package root either way.
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const GENERATED_DIR = fileURLToPath(new URL('../generated/', import.meta.url));
export const LICENSES_DIR = fileURLToPath(new URL('../licenses/', import.meta.url));
/**
 * The folder of the compiled modules (dist/), where the one-file bundle sits too: worker
 * threads run modules found from here, whichever of the two is running. From the TypeScript
 * sources (tests) it is src/, where no compiled worker is.
 */
export const MODULES_URL = new URL('./', import.meta.url);
