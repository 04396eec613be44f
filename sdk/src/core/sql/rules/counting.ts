import type { AcceptedValuesRule, NotNullRule, RangeRule, RegexRule } from '../../quality/types.js';
import { and, not, or, type Cond } from '../cond.js';
import { valueIn } from '../keywords/enum.js';
import { translatePattern } from '../regex/emit.js';
import { nestedReason, stream, type RuleContext, type RulePlan } from './rule-plan.js';

/** `not_null`: every record is checked; a field that is null or absent fails it. */
export function notNullSql(rule: NotNullRule, ctx: RuleContext): RulePlan {
  const missing: Cond[] = [];
  for (const name of rule.fields) {
    const field = ctx.field(name);
    if (!field) return stream(rule, nestedReason(name));
    missing.push(not(field.value));
  }
  return { kind: 'count', rule, checked: true, fails: or(...missing), undecided: false };
}

/** `accepted_values`: strict equality with scalars, as `enum`; a missing value passes when null is listed. */
export function acceptedValuesSql(rule: AcceptedValuesRule, ctx: RuleContext): RulePlan {
  const field = ctx.field(rule.field);
  if (!field) return stream(rule, nestedReason(rule.field));
  const match = valueIn(field, rule.values, ctx.d);
  if (!('cond' in match)) return stream(rule, 'stream' in match ? match.stream : '');
  const checked = rule.values.includes(null) ? true : field.value;
  return {
    kind: 'count',
    rule,
    checked,
    fails: and(field.value, not(match.cond)),
    undecided: field.view.undecided ?? false,
    reason: field.view.undecidedReason,
  };
}

/** `range`: a value that is not a JavaScript number, or NaN, fails; ±Infinity compare; bounds are inclusive. */
export function rangeSql(rule: RangeRule, ctx: RuleContext): RulePlan {
  const field = ctx.field(rule.field);
  if (!field) return stream(rule, nestedReason(rule.field));
  const { view } = field;
  const isNumber = view.jsNumber ?? view.is('number');
  if (isNumber !== false && !view.number) return stream(rule, `the ${view.nativeType} column has no exact SQL number`);
  const n = view.number ?? 'NULL';
  const outside = or(
    rule.min !== undefined ? `${n} < ${ctx.d.number(rule.min)}` : false,
    rule.max !== undefined ? `${n} > ${ctx.d.number(rule.max)}` : false,
  );
  const fails = and(field.value, or(not(isNumber), view.nan ?? false, and(isNumber, outside)));
  return {
    kind: 'count',
    rule,
    checked: field.value,
    fails,
    undecided: view.undecided ?? false,
    reason: view.undecidedReason,
  };
}

/** `regex`: a search with `pattern`, translated as a contract `pattern` is; a non-string fails. */
export function regexSql(rule: RegexRule, ctx: RuleContext): RulePlan {
  const field = ctx.field(rule.field);
  if (!field) return stream(rule, nestedReason(rule.field));
  const { view } = field;
  const translated = translatePattern(rule.pattern, ctx.d.regex);
  if (!translated.ok) return stream(rule, translated.reason);
  if (view.is('string') !== false && !view.text)
    return stream(rule, view.missingReason ?? `the ${view.nativeType} column has no exact SQL text`);
  const matches = view.text ? and(view.is('string'), ctx.d.regexMatch(view.text, translated.pattern)) : false;
  return {
    kind: 'count',
    rule,
    checked: field.value,
    fails: and(field.value, not(matches)),
    undecided: view.undecided ?? false,
  };
}
