import type { QualityRule } from '../../quality/types.js';
import type { Cond } from '../cond.js';
import type { SqlDialect } from '../dialect.js';
import type { Field } from '../fields.js';

/** A quality rule in SQL, or why the streaming engine evaluates it. */
export type RulePlan =
  /** Decided row by row: `checked` rows are judged, `fails` fail; `undecided` rows are judged in streaming. */
  | { kind: 'count'; rule: QualityRule; checked: Cond; fails: Cond; undecided: Cond; reason?: string }
  | { kind: 'rows'; rule: QualityRule }
  /** No two `checked` rows share `key` (a view key, or a row of keys). */
  | { kind: 'unique'; rule: QualityRule; key: string; checked: Cond }
  | { kind: 'freshness'; rule: QualityRule; ms: string; valid: Cond; invalid: Cond; undecided: Cond; reason?: string }
  | { kind: 'stream'; rule: QualityRule; reason: string };

export interface RuleContext {
  d: SqlDialect;
  /** The record's top-level field named exactly `name`; undefined for a dotted path into a nested value. */
  field(name: string): Field | undefined;
  /** A one-column relation (`k`, text) of the values a `relationship` rule refers to, keyed as `String(value)`. */
  ref(dataset: string, field: string): string | undefined;
}

export const stream = (rule: QualityRule, reason: string): RulePlan => ({ kind: 'stream', rule, reason });

export function nestedReason(name: string): string {
  return `${name} is a path into a nested value`;
}
