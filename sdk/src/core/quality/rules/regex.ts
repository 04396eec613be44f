import { createSafeRegExp } from '../../regex/safe-regexp.js';
import { describeValue, getField, isMissing } from '../field-path.js';
import type { RuleAccumulator } from '../result.js';
import type { RegexRule } from '../types.js';
import { countingAccumulator, type CountingPartial } from './counting.js';

/**
 * The string value contains a match of `pattern` (JSON Schema `pattern`
 * semantics: unanchored unless the pattern says `^…$`). Compiled through
 * `createSafeRegExp`, so a crafted pattern cannot stall the run.
 */
export function regex(rule: RegexRule): RuleAccumulator<CountingPartial> {
  const matcher = createSafeRegExp(rule.pattern, 'u');
  return countingAccumulator(rule, (record) => {
    const value = getField(record, rule.field);
    if (isMissing(value)) return { skip: true };
    if (typeof value !== 'string') return { reason: `${rule.field} is ${describeValue(value)}, not a string`, value };
    if (matcher.test(value)) return {};
    return { reason: `${rule.field} ${describeValue(value)} does not match ${rule.pattern}`, value };
  });
}
