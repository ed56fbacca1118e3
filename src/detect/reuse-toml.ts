// Placeholder: REUSE.toml annotations (in progress).
import { EMPTY_DETECTION, type Detector } from './types.js';

export const detector: Detector = {
  name: 'reuse-toml',
  accepts: () => false,
  detect: () => EMPTY_DETECTION,
};
