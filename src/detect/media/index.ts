// Placeholder: license metadata embedded in media files, routed by format (in progress).
import { EMPTY_DETECTION, type Detector } from '../types.js';

export const detector: Detector = {
  name: 'media',
  accepts: () => false,
  detect: () => EMPTY_DETECTION,
};
