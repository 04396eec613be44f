import { describeValue, fieldGetter, isMissing } from '../field-path.js';
import type { RuleAccumulator } from '../result.js';
import type { AcceptedValuesRule } from '../types.js';
import { countingAccumulator, PASS, type CountingPartial } from './counting.js';

/** The value is one of `values` (strict equality); records without a value are skipped. */
export function acceptedValues(rule: AcceptedValuesRule): RuleAccumulator<CountingPartial> {
  const get = fieldGetter(rule.field);
  const accepted = new Set<unknown>(rule.values);
  const listed = rule.values.map((v) => JSON.stringify(v)).join(', ');
  return countingAccumulator(rule, (record) => {
    const value = get(record);
    if (isMissing(value) && !accepted.has(null)) return { skip: true };
    if (accepted.has(value ?? null)) return PASS;
    return { reason: `${rule.field} is ${describeValue(value)}, not one of ${listed}`, value };
  });
}
