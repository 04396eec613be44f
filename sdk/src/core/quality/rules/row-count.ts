import { ruleIdentity, type RuleAccumulator, type RuleResult } from '../result.js';
import type { RowCountRule } from '../types.js';

/** The number of records read (unparseable lines excluded) lies in `[min, max]`. */
export function rowCount(rule: RowCountRule): RuleAccumulator<number> {
  let batch = 0;
  let total = 0;
  return {
    rule,
    observe() {
      batch++;
      return undefined;
    },
    takePartial() {
      const partial = batch;
      batch = 0;
      return partial;
    },
    merge(partial) {
      total += partial;
      return [];
    },
    result(): RuleResult {
      const low = rule.min !== undefined && total < rule.min;
      const high = rule.max !== undefined && total > rule.max;
      const message = low
        ? `${total} records, fewer than the minimum ${rule.min}`
        : high
          ? `${total} records, more than the maximum ${rule.max}`
          : `${total} records`;
      return {
        ...ruleIdentity(rule),
        passed: !low && !high,
        checked: total,
        failed: low || high ? 1 : 0,
        examples: [],
        message,
      };
    },
  };
}
