import {
  MAX_EXAMPLES,
  pushExamples,
  ruleIdentity,
  type FailureExample,
  type RecordFailure,
  type RuleAccumulator,
  type RuleResult,
} from '../result.js';
import type { QualityRule } from '../types.js';

/** Keys observed in one batch, in line order. */
export interface KeyedPartial {
  keys: string[];
  lines: number[];
}

/**
 * The shared accumulator for rules that need memory across the whole file
 * (`unique`, `relationship`). Observing only extracts a key; the verdict is
 * given by `judge` on the main thread while partials are merged in line order,
 * so a run with workers gives exactly the verdicts of a one-thread run. The
 * failing record is fetched back (`recordAt`) only for the first examples.
 */
export function keyedAccumulator(
  rule: QualityRule,
  keyOf: (record: unknown) => string | undefined,
  judge: (key: string, line: number) => string | undefined,
  valueOf: (key: string) => unknown,
): RuleAccumulator<KeyedPartial> {
  let batch: KeyedPartial = { keys: [], lines: [] };
  let checked = 0;
  let failed = 0;
  const examples: FailureExample[] = [];
  return {
    rule,
    observe(record, line) {
      const key = keyOf(record);
      if (key === undefined) return undefined;
      batch.keys.push(key);
      batch.lines.push(line);
      return undefined;
    },
    takePartial() {
      const partial = batch;
      batch = { keys: [], lines: [] };
      return partial;
    },
    merge(partial, recordAt): RecordFailure[] {
      const failures: RecordFailure[] = [];
      checked += partial.keys.length;
      for (let i = 0; i < partial.keys.length; i++) {
        const reason = judge(partial.keys[i], partial.lines[i]);
        if (reason === undefined) continue;
        const line = partial.lines[i];
        failed++;
        failures.push({ line, reason });
        if (examples.length < MAX_EXAMPLES) {
          pushExamples(examples, [{ line, message: reason, value: valueOf(partial.keys[i]), record: recordAt(line) }]);
        }
      }
      return failures;
    },
    result(): RuleResult {
      return { ...ruleIdentity(rule), passed: failed === 0, checked, failed, examples };
    },
  };
}
