import {
  MAX_EXAMPLES,
  pushExamples,
  ruleIdentity,
  type FailureExample,
  type RuleAccumulator,
  type RuleResult,
} from '../result.js';
import type { QualityRule } from '../types.js';

export interface CountingPartial {
  checked: number;
  failed: number;
  examples: FailureExample[];
}

/** A verdict on one record: skipped (no value to judge), passed, or failed with a reason. */
export type RecordVerdict = { skip: true } | { skip?: false; reason?: string; value?: unknown };

/** The verdict of a passing record, shared so the hot path allocates nothing. */
export const PASS: RecordVerdict = Object.freeze({});

/**
 * The shared accumulator for rules decided record by record (`not_null`,
 * `accepted_values`, `range`, `regex`): counts and the first examples merge by addition.
 */
export function countingAccumulator(
  rule: QualityRule,
  judge: (record: unknown) => RecordVerdict,
): RuleAccumulator<CountingPartial> {
  let batch: CountingPartial = { checked: 0, failed: 0, examples: [] };
  const total: CountingPartial = { checked: 0, failed: 0, examples: [] };
  return {
    rule,
    observe(record, line) {
      const verdict = judge(record);
      if (verdict.skip) return undefined;
      batch.checked++;
      if (verdict.reason === undefined) return undefined;
      batch.failed++;
      if (batch.examples.length < MAX_EXAMPLES)
        batch.examples.push({ line, message: verdict.reason, value: verdict.value, record });
      return verdict.reason;
    },
    takePartial() {
      const partial = batch;
      batch = { checked: 0, failed: 0, examples: [] };
      return partial;
    },
    merge(partial) {
      total.checked += partial.checked;
      total.failed += partial.failed;
      pushExamples(total.examples, partial.examples);
      return [];
    },
    result(): RuleResult {
      return {
        ...ruleIdentity(rule),
        passed: total.failed === 0,
        checked: total.checked,
        failed: total.failed,
        examples: total.examples,
      };
    },
  };
}
