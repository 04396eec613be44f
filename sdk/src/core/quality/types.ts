/**
 * Quality rules as written in `dataproduct.yaml` (`spec.outputs[].quality`,
 * ARCHITECTURE.md "The descriptor"). The descriptor's JSON Schema in
 * `contracts/` matches these shapes. Fields are JSON property names, dotted
 * for nesting (`address.city`).
 */
export type Severity = 'error' | 'warning';

interface RuleBase {
  /** `error` (default) fails `dmesh test`; `warning` is reported only. */
  severity?: Severity;
}

export interface NotNullRule extends RuleBase {
  rule: 'not_null';
  fields: string[];
}

/** One field, or several forming a composite key. */
export interface UniqueRule extends RuleBase {
  rule: 'unique';
  field?: string;
  fields?: string[];
}

export interface AcceptedValuesRule extends RuleBase {
  rule: 'accepted_values';
  field: string;
  values: (string | number | boolean | null)[];
}

export interface RangeRule extends RuleBase {
  rule: 'range';
  field: string;
  min?: number;
  max?: number;
}

export interface RegexRule extends RuleBase {
  rule: 'regex';
  field: string;
  pattern: string;
}

export interface RowCountRule extends RuleBase {
  rule: 'row_count';
  min?: number;
  max?: number;
}

export interface FreshnessRule extends RuleBase {
  rule: 'freshness';
  field: string;
  /** ISO-8601 duration, e.g. `PT2H`. */
  maxAge: string;
}

export interface RelationshipRule extends RuleBase {
  rule: 'relationship';
  field: string;
  /** `<domain>.<product>/<port>#<field>` */
  ref: string;
}

export type QualityRule =
  | NotNullRule
  | UniqueRule
  | AcceptedValuesRule
  | RangeRule
  | RegexRule
  | RowCountRule
  | FreshnessRule
  | RelationshipRule;

export type QualityRuleName = QualityRule['rule'];

export const QUALITY_RULE_NAMES: readonly QualityRuleName[] = [
  'not_null',
  'unique',
  'accepted_values',
  'range',
  'regex',
  'row_count',
  'freshness',
  'relationship',
];

// The descriptor's JSON Schema (contracts/) is the source of truth for these shapes; the
// types above are the reading view the evaluators use. This fails to compile when the
// schema admits a rule these types do not describe.
type SchemaRule = import('@dmesh/contracts').QualityRule;
type Describes<T, U> = [T] extends [U] ? true : false;
export const QUALITY_TYPES_MATCH_SCHEMA: Describes<SchemaRule, QualityRule> = true;
