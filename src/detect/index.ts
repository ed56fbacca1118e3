// Every detector, in one ordered list: the order is the order their declarations are
// listed in a report. A test fails when a detector file is missing from this list.
import { detector as dep5 } from './dep5.js';
import { detector as headerNotice } from './header-notice.js';
import { detector as licenseText } from './license-text/detector.js';
import { detector as manifests } from './manifests/index.js';
import { detector as media } from './media/index.js';
import { detector as notice } from './notice.js';
import { detector as podNotice } from './pod-notice.js';
import { detector as reuseToml } from './reuse-toml.js';
import { detector as sidecar } from './sidecar.js';
import { detector as spdxTags } from './spdx-tags.js';
import { detection, EMPTY_DETECTION, type DetectContext, type Detection, type Detector, type FileInput } from './types.js';

export const DETECTORS: readonly Detector[] = [spdxTags, sidecar, reuseToml, dep5, licenseText, manifests, notice, media, headerNotice, podNotice];

/** Runs every detector that wants the file and merges what they found. */
export function detectFile(file: FileInput, ctx: DetectContext, detectors: readonly Detector[] = DETECTORS): Detection {
  const parts: Detection[] = [];
  for (const d of detectors) {
    if (!d.accepts(file.path, file.kind, ctx) || (d.fallback && parts.some((p) => p.declarations.length > 0))) continue;
    const part = d.detect(file, ctx);
    // Most detectors find nothing in most files (a photo without tags): only what found something is merged.
    if (part.declarations.length || part.copyrights.length || part.problems.length || part.annotations?.length) parts.push(part);
  }
  if (parts.length === 0) return EMPTY_DETECTION;
  if (parts.length === 1) return parts[0]!;
  return detection(
    parts.flatMap((p) => p.declarations),
    parts.flatMap((p) => p.copyrights),
    parts.flatMap((p) => p.problems),
    parts.flatMap((p) => p.annotations ?? []),
  );
}
