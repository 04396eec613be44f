import type { FreshnessRule } from '../../quality/types.js';
import { and, not, or, type Cond } from '../cond.js';
import type { SqlDialect } from '../dialect.js';
import type { Field } from '../fields.js';
import { emit } from '../regex/emit.js';
import { parseRegex } from '../regex/parse.js';
import { nestedReason, stream, type RuleContext, type RulePlan } from './rule-plan.js';

/**
 * `freshness`: the newest timestamp of `field`. Typed timestamp columns and
 * numbers (epoch milliseconds) are read in SQL; text in the canonical UTC form
 * `YYYY-MM-DDTHH:MM:SS[.ffffff]Z` with a valid date is read in SQL, text not
 * starting with a date fails, and every other text is parsed by the streaming
 * engine (JavaScript's Date.parse decides it).
 */
export function freshnessSql(rule: FreshnessRule, ctx: RuleContext): RulePlan {
  const field = ctx.field(rule.field);
  if (!field) return stream(rule, nestedReason(rule.field));
  const { view } = field;
  const undecidedView = view.undecided ?? false;
  if (view.epochMs) {
    const invalid = and(field.value, view.epochMs.invalid ?? false);
    const undecided = or(undecidedView, view.epochMs.undecided ?? false);
    const valid = and(field.value, not(invalid), not(undecided));
    return {
      kind: 'freshness',
      rule,
      ms: view.epochMs.sql,
      valid,
      invalid: and(invalid, not(undecided)),
      undecided,
      reason: view.undecidedReason,
    };
  }
  if (view.is('string') === false)
    return { kind: 'freshness', rule, ms: 'NULL', valid: false, invalid: field.value, undecided: undecidedView };
  if (!view.text || view.is('string') !== true)
    return stream(rule, view.missingReason ?? `the ${view.nativeType} column holds more than text`);
  return stringFreshness(rule, field, view.text, ctx.d, undecidedView);
}

const CANONICAL = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,6})?Z$';

function stringFreshness(
  rule: FreshnessRule,
  field: Field,
  text: string,
  d: SqlDialect,
  undecidedView: Cond,
): RulePlan {
  const re = (source: string) => d.regexMatch(text, emit(parseRegex(source, 'ecmascript'), d.regex));
  const two = (at: number) => d.toInteger(d.substring(text, at, 2));
  const year = d.toInteger(d.substring(text, 1, 4));
  const leap = `(${year} % 4 = 0 AND (${year} % 100 <> 0 OR ${year} % 400 = 0))`;
  const last = `CASE WHEN ${two(6)} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN ${two(6)} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
  const fieldsOk = `${two(6)} BETWEEN 1 AND 12 AND ${two(9)} BETWEEN 1 AND ${last} AND ${two(12)} <= 23 AND ${two(15)} <= 59 AND ${two(18)} <= 59`;
  const canonical = `(CASE WHEN ${re(CANONICAL)} THEN ${fieldsOk} ELSE FALSE END)`;
  const invalid = and(field.value, not(re('^\\d{4}-\\d{2}-\\d{2}')), not(undecidedView));
  const valid = and(field.value, canonical, not(undecidedView));
  const undecided = and(field.value, not(valid), not(invalid));
  return {
    kind: 'freshness',
    rule,
    ms: `(CASE WHEN ${canonical} THEN ${d.isoUtcMs(text)} END)`,
    valid,
    invalid,
    undecided,
  };
}
