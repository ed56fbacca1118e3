// Placeholder: REUSE .reuse/dep5 (in progress).
import { EMPTY_DETECTION, type Detector } from './types.js';

export const detector: Detector = {
  name: 'dep5',
  accepts: () => false,
  detect: () => EMPTY_DETECTION,
};
