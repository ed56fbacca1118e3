// Placeholder: license notices in READMEs (in progress).
import { EMPTY_DETECTION, type Detector } from './types.js';

export const detector: Detector = {
  name: 'notice',
  accepts: () => false,
  detect: () => EMPTY_DETECTION,
};
