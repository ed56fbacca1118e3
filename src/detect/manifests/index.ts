// Placeholder: package manifests, routed by file name (in progress).
import { EMPTY_DETECTION, type Detector } from '../types.js';

export const detector: Detector = {
  name: 'manifest',
  accepts: () => false,
  detect: () => EMPTY_DETECTION,
};
