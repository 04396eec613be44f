import type { QualityRule, QualityRuleName, Severity } from './types.js';

/** At most this many examples are kept per rule and per contract violation kind. */
export const MAX_EXAMPLES = 5;

export interface FailureExample {
  line: number;
  message: string;
  /** The offending value (the key for `unique`/`relationship`). */
  value?: unknown;
  record?: unknown;
}

export interface RuleResult {
  rule: QualityRuleName;
  field?: string;
  fields?: string[];
  ref?: string;
  severity: Severity;
  passed: boolean;
  /** Records the rule judged (records without a value are skipped by every rule but `not_null`). */
  checked: number;
  /** Failing records; `row_count` and a stale `freshness` count the data set as one failure. */
  failed: number;
  examples: FailureExample[];
  /** Why a data-set-level rule failed, or what it measured. */
  message?: string;
  /** `freshness`: the newest timestamp seen, ISO-8601. */
  newest?: string;
}

/** A per-record failure decided by a rule, for the dead-letter file. */
export interface RecordFailure {
  line: number;
  reason: string;
}

/**
 * A streaming rule evaluator. In one thread: `observe` each record, then
 * `merge(takePartial())` and `result(now)`. With workers, worker-side instances
 * `observe` and `takePartial`; the main thread's instance `merge`s the partials
 * in line order, so results equal a one-thread run. Partials are structured-clone data.
 */
export interface RuleAccumulator<P = unknown> {
  readonly rule: QualityRule;
  /** Why the record fails this rule, or undefined (also when only `merge` can decide). */
  observe(record: unknown, line: number): string | undefined;
  takePartial(): P;
  /** Folds in a partial; returns failures decided only now (`unique`, `relationship`). */
  merge(partial: P, recordAt: (line: number) => unknown): RecordFailure[];
  result(now: Date): RuleResult;
}

export function ruleIdentity(rule: QualityRule): Pick<RuleResult, 'rule' | 'field' | 'fields' | 'ref' | 'severity'> {
  const r = rule as { field?: string; fields?: string[]; ref?: string };
  return {
    rule: rule.rule,
    ...(r.field !== undefined && { field: r.field }),
    ...(r.fields !== undefined && { fields: r.fields }),
    ...(r.ref !== undefined && { ref: r.ref }),
    severity: rule.severity ?? 'error',
  };
}

/** Keeps the examples with the lowest line numbers (partials arrive in line order). */
export function pushExamples(into: FailureExample[], more: FailureExample[]): void {
  for (const example of more) {
    if (into.length >= MAX_EXAMPLES) return;
    into.push(example);
  }
}
