import { compatibilityRule } from './rules/compatibility.js';
import { deprecationWindowRule } from './rules/deprecation-window.js';
import { documentationRule } from './rules/documentation.js';
import { lineageIntegrityRule } from './rules/lineage-integrity.js';
import { namingRule } from './rules/naming.js';
import { piiClassificationRule } from './rules/pii-classification.js';
import { slaFeasibilityRule } from './rules/sla-feasibility.js';
import { slaMinimumsRule } from './rules/sla-minimums.js';
import type { BuiltInRule, BuiltInRuleType } from './types.js';

export const BUILT_IN: Record<BuiltInRuleType, BuiltInRule<any>> = {
  compatibility: compatibilityRule,
  documentation: documentationRule,
  naming: namingRule,
  'pii-classification': piiClassificationRule,
  'lineage-integrity': lineageIntegrityRule,
  'sla-minimums': slaMinimumsRule,
  'deprecation-window': deprecationWindowRule,
  'sla-feasibility': slaFeasibilityRule,
};

/** A built-in's parameters with its defaults filled in (nested tier objects merge per tier). */
export function effectiveParams(type: BuiltInRuleType, params: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...BUILT_IN[type].defaults, ...params };
}
