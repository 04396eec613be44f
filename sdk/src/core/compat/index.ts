export { checkCompatibility } from './check.js';
export { readerImpact, type ReaderImpact } from './reader-impact.js';
export { declaresField } from './field-paths.js';
export { CHANGE_CODES, type ChangeCode } from './codes.js';
export {
  COMPATIBILITY_MODES,
  isCompatibilityMode,
  isStricterOrEqualMode,
  type CompatibilityChange,
  type CompatibilityMode,
  type CompatibilityOptions,
  type CompatibilityReport,
  type RequiredBump,
} from './types.js';
