// Placeholder: license files identified by full text (in progress).
import { EMPTY_DETECTION, type Detector } from '../types.js';

export const detector: Detector = {
  name: 'license-text',
  accepts: () => false,
  detect: () => EMPTY_DETECTION,
};
