import { describeValue, getField, isMissing } from '../field-path.js';
import type { RuleAccumulator } from '../result.js';
import type { AcceptedValuesRule } from '../types.js';
import { countingAccumulator, type CountingPartial } from './counting.js';

/** The value is one of `values` (strict equality); records without a value are skipped. */
export function acceptedValues(rule: AcceptedValuesRule): RuleAccumulator<CountingPartial> {
  const accepted = new Set<unknown>(rule.values);
  const listed = rule.values.map((v) => JSON.stringify(v)).join(', ');
  return countingAccumulator(rule, (record) => {
    const value = getField(record, rule.field);
    if (isMissing(value) && !accepted.has(null)) return { skip: true };
    if (accepted.has(value ?? null)) return {};
    return { reason: `${rule.field} is ${describeValue(value)}, not one of ${listed}`, value };
  });
}
