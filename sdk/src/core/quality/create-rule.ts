import type { RuleAccumulator } from './result.js';
import { acceptedValues } from './rules/accepted-values.js';
import { freshness } from './rules/freshness.js';
import { notNull } from './rules/not-null.js';
import { range } from './rules/range.js';
import { regex } from './rules/regex.js';
import { relationship, type RefValues } from './rules/relationship.js';
import { rowCount } from './rules/row-count.js';
import { unique } from './rules/unique.js';
import type { QualityRule } from './types.js';

/** A fresh accumulator for one rule; throws a message naming the rule when its parameters are unusable. */
export function createRuleAccumulator(rule: QualityRule, refValues?: RefValues): RuleAccumulator {
  switch (rule.rule) {
    case 'not_null':
      return notNull(rule);
    case 'unique':
      return unique(rule);
    case 'accepted_values':
      return acceptedValues(rule);
    case 'range':
      return range(rule);
    case 'regex':
      return regex(rule);
    case 'row_count':
      return rowCount(rule);
    case 'freshness':
      return freshness(rule);
    case 'relationship':
      return relationship(rule, refValues);
    default:
      throw new Error(
        `unknown quality rule ${JSON.stringify((rule as { rule?: unknown }).rule)}; use one of not_null, unique, accepted_values, range, regex, row_count, freshness, relationship`,
      );
  }
}
