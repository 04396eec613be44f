import { parseRelationshipRef } from '../../quality/rules/relationship.js';
import { uniqueFields } from '../../quality/rules/unique.js';
import type { RelationshipRule, RowCountRule, UniqueRule } from '../../quality/types.js';
import { and, not } from '../cond.js';
import { nestedReason, stream, type RuleContext, type RulePlan } from './rule-plan.js';

export function rowCountSql(rule: RowCountRule): RulePlan {
  return { kind: 'rows', rule };
}

/** `unique`: rows with every key field present, compared by the views' JSON-equality keys. */
export function uniqueSql(rule: UniqueRule, ctx: RuleContext): RulePlan {
  const keys: string[] = [];
  const present = [];
  for (const name of uniqueFields(rule)) {
    const field = ctx.field(name);
    if (!field) return stream(rule, nestedReason(name));
    const undecided = field.view.undecided !== undefined && field.view.undecided !== false;
    if (!field.view.key || (undecided && !field.view.keyExact))
      return stream(rule, `the ${field.view.nativeType} column ${name} has no exact SQL equality`);
    keys.push(field.view.key);
    present.push(field.value);
  }
  return { kind: 'unique', rule, key: keys.length === 1 ? keys[0] : `(${keys.join(', ')})`, checked: and(...present) };
}

/** `relationship`: the value's text (`String(value)`) is among the referenced keys, read by the same engine. */
export function relationshipSql(rule: RelationshipRule, ctx: RuleContext): RulePlan {
  const field = ctx.field(rule.field);
  if (!field) return stream(rule, nestedReason(rule.field));
  const { dataset, field: refField } = parseRelationshipRef(rule.ref);
  const ref = ctx.ref(dataset, refField);
  if (!ref) return stream(rule, `no reference data for ${dataset} in this engine`);
  const { view } = field;
  if (!view.keyText)
    return stream(
      rule,
      view.missingReason ?? `the ${view.nativeType} column's text differs from JavaScript's String()`,
    );
  const known = `${view.keyText} IN (SELECT k FROM ${ref})`;
  return {
    kind: 'count',
    rule,
    checked: field.value,
    fails: and(field.value, not(known)),
    undecided: view.undecided ?? false,
  };
}
