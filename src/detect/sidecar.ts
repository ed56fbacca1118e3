// Placeholder: REUSE .license sidecars (in progress).
import { EMPTY_DETECTION, type Detector } from './types.js';

export const detector: Detector = {
  name: 'sidecar',
  accepts: () => false,
  detect: () => EMPTY_DETECTION,
};
