import { createSafeRegExp } from '../../regex/safe-regexp.js';
import { describeValue, fieldGetter, isMissing } from '../field-path.js';
import type { RuleAccumulator } from '../result.js';
import type { RegexRule } from '../types.js';
import { countingAccumulator, PASS, type CountingPartial } from './counting.js';

/**
 * The string value contains a match of `pattern` (JSON Schema `pattern`
 * semantics: unanchored unless the pattern says `^…$`). Compiled through
 * `createSafeRegExp`, so a crafted pattern cannot stall the run.
 */
export function regex(rule: RegexRule): RuleAccumulator<CountingPartial> {
  const get = fieldGetter(rule.field);
  const matcher = createSafeRegExp(rule.pattern, 'u');
  return countingAccumulator(rule, (record) => {
    const value = get(record);
    if (isMissing(value)) return { skip: true };
    if (typeof value !== 'string') return { reason: `${rule.field} is ${describeValue(value)}, not a string`, value };
    if (matcher.test(value)) return PASS;
    return { reason: `${rule.field} ${describeValue(value)} does not match ${rule.pattern}`, value };
  });
}
