import { fieldGetter, isMissing } from '../field-path.js';
import type { RuleAccumulator } from '../result.js';
import type { NotNullRule } from '../types.js';
import { countingAccumulator, PASS, type CountingPartial } from './counting.js';

/** Every listed field has a value: absent and `null` fail; every record is checked. */
export function notNull(rule: NotNullRule): RuleAccumulator<CountingPartial> {
  const getters = rule.fields.map(fieldGetter);
  return countingAccumulator(rule, (record) => {
    let ok = true;
    for (const get of getters) if (isMissing(get(record))) ok = false;
    if (ok) return PASS;
    const missing = rule.fields.filter((_, i) => isMissing(getters[i](record)));
    return { reason: `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} null or absent`, value: null };
  });
}
