// Every detector, in one ordered list: the order is the order their declarations are
// listed in a report. A test fails when a detector file is missing from this list.
import { detector as dep5 } from './dep5.js';
import { detector as licenseText } from './license-text/detector.js';
import { detector as manifests } from './manifests/index.js';
import { detector as notice } from './notice.js';
import { detector as reuseToml } from './reuse-toml.js';
import { detector as sidecar } from './sidecar.js';
import { detector as spdxTags } from './spdx-tags.js';
import type { Detector } from './types.js';

export const DETECTORS: readonly Detector[] = [spdxTags, sidecar, reuseToml, dep5, licenseText, manifests, notice];
