export type * from './types.js';
export { QUALITY_RULE_NAMES } from './types.js';
export {
  MAX_EXAMPLES,
  type FailureExample,
  type RuleResult,
  type RuleAccumulator,
  type RecordFailure,
} from './result.js';
export { createRuleAccumulator } from './create-rule.js';
export {
  BatchEvaluator,
  type BatchResult,
  type BatchOptions,
  type RejectEntry,
  type RejectReason,
  type BadInputExample,
} from './batch.js';
export { DataTestRun, type RunOptions } from './run.js';
export { type DataTestReport } from './report.js';
export { type ViolationGroup, type ViolationExample } from './contract-violations.js';
export { buildObservation, type DataObservation } from './observation.js';
export { validateRecords, refValuesFrom, type ValidateRecordsOptions } from './validate-records.js';
export { parseRelationshipRef, relationshipKey, type RefValues } from './rules/relationship.js';
export { parseDuration } from './duration.js';
export { getField } from './field-path.js';
