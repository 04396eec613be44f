import { describeValue, fieldGetter, isMissing } from '../field-path.js';
import type { RuleAccumulator } from '../result.js';
import type { RangeRule } from '../types.js';
import { countingAccumulator, PASS, type CountingPartial } from './counting.js';

/** `min <= value <= max` (both inclusive, both optional); a non-number value fails. */
export function range(rule: RangeRule): RuleAccumulator<CountingPartial> {
  const get = fieldGetter(rule.field);
  return countingAccumulator(rule, (record) => {
    const value = get(record);
    if (isMissing(value)) return { skip: true };
    if (typeof value !== 'number' || Number.isNaN(value))
      return { reason: `${rule.field} is ${describeValue(value)}, not a number`, value };
    if (rule.min !== undefined && value < rule.min)
      return { reason: `${rule.field} is ${value}, below the minimum ${rule.min}`, value };
    if (rule.max !== undefined && value > rule.max)
      return { reason: `${rule.field} is ${value}, above the maximum ${rule.max}`, value };
    return PASS;
  });
}
