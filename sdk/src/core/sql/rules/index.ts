import type { QualityRule } from '../../quality/types.js';
import { acceptedValuesSql, notNullSql, rangeSql, regexSql } from './counting.js';
import { freshnessSql } from './freshness.js';
import { relationshipSql, rowCountSql, uniqueSql } from './keyed.js';
import type { RuleContext, RulePlan } from './rule-plan.js';

export type { RuleContext, RulePlan } from './rule-plan.js';

/** Plans each quality rule in SQL where it can be decided exactly, else in streaming. */
export function planRule(rule: QualityRule, ctx: RuleContext): RulePlan {
  switch (rule.rule) {
    case 'not_null':
      return notNullSql(rule, ctx);
    case 'accepted_values':
      return acceptedValuesSql(rule, ctx);
    case 'range':
      return rangeSql(rule, ctx);
    case 'regex':
      return regexSql(rule, ctx);
    case 'row_count':
      return rowCountSql(rule);
    case 'unique':
      return uniqueSql(rule, ctx);
    case 'relationship':
      return relationshipSql(rule, ctx);
    case 'freshness':
      return freshnessSql(rule, ctx);
  }
}
