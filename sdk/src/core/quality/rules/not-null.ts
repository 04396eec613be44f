import { getField, isMissing } from '../field-path.js';
import type { RuleAccumulator } from '../result.js';
import type { NotNullRule } from '../types.js';
import { countingAccumulator, type CountingPartial } from './counting.js';

/** Every listed field has a value: absent and `null` fail; every record is checked. */
export function notNull(rule: NotNullRule): RuleAccumulator<CountingPartial> {
  return countingAccumulator(rule, (record) => {
    const missing = rule.fields.filter((field) => isMissing(getField(record, field)));
    if (missing.length === 0) return {};
    return { reason: `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} null or absent`, value: null };
  });
}
