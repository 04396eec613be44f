import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { compileContract } from '../contract/compile.js';
import { groupPath } from '../quality/contract-violations.js';
import { createRuleAccumulator } from '../quality/create-rule.js';
import type { RuleAccumulator } from '../quality/result.js';
import type { RefValues } from '../quality/rules/relationship.js';
import type { CompiledSqlTest } from './compile.js';
import type { Field } from './fields.js';
import { positionKey, recordOf, type FetchedRow } from './rows.js';

/** A contract violation found by the streaming pass, with where it was seen first. */
export interface SeenViolation {
  path: string;
  keyword: string;
  count: number;
  /** The first rows with it, in row order. */
  examples: { row: FetchedRow; record: unknown; error: ErrorObject }[];
}

/**
 * The streaming engine's share of a SQL data test: the rows SQL cannot decide,
 * the keywords and rules it cannot translate. Each fetched row is judged with
 * the same compiled validators and rule evaluators `dmesh test --engine stream`
 * uses, so both engines give one verdict.
 */
export class StreamPass {
  readonly fields: Field[];
  readonly violations = new Map<string, SeenViolation>();
  /** Accumulators by rule index, for rules judged (wholly or for some rows) here. */
  readonly rules = new Map<number, RuleAccumulator>();
  failed = 0;
  complete = 0;
  rows = 0;
  /** Positions of rows an error-level check failed here (for the dead letters), capped. */
  readonly rejected: unknown[] = [];
  /** Why `unique`/`relationship` judged here failed a rejected row (by `positionKey`): only known across rows. */
  readonly keyedReasons = new Map<string, { rule: number; message: string }[]>();
  /** The row each record handed to a rule came from (examples are ordered by it). */
  readonly rowOf = new WeakMap<object, FetchedRow>();
  private batch: { row: FetchedRow; record: Record<string, unknown> }[] = [];
  private readonly residuals: { full?: ValidateFunction; streamOnly?: ValidateFunction }[];

  constructor(
    private readonly t: CompiledSqlTest,
    private readonly fullValidate: ValidateFunction,
    refValues: RefValues,
    private readonly rejectCap = 0,
  ) {
    this.fields = neededFields(t);
    const root = t.contract as Record<string, unknown>;
    const wrap = (name: string, schema: unknown) =>
      compileContract({
        ...(root.$schema !== undefined && { $schema: root.$schema }),
        ...t.contractPlan.defs,
        properties: { [name]: schema },
      }).validate;
    this.residuals = t.contractPlan.stream.map((s) => ({
      ...(s.undecided !== false && { full: wrap(s.field.name, s.full) }),
      ...(s.streamOnly && { streamOnly: wrap(s.field.name, s.streamOnly) }),
    }));
    t.rulePlans.forEach((p, j) => {
      if (p.kind === 'stream' || p.kind === 'count' || p.kind === 'freshness')
        this.rules.set(j, createRuleAccumulator(p.rule, refValues));
    });
  }

  observe(row: FetchedRow): void {
    this.rows++;
    const record = recordOf(this.fields, row.values);
    this.rowOf.set(record, row);
    const errors = this.contractErrors(row, record);
    const kinds = new Set<string>();
    for (const e of errors) this.see(row, record, e, kinds);
    let incomplete = row.flags.sql_incomplete || errors.length > 0;
    let rejected = errors.length > 0;
    for (const [j, acc] of this.rules) {
      const plan = this.t.rulePlans[j];
      if (plan.kind !== 'stream' && !row.flags[`r${j}_undecided`]) continue;
      const failure = acc.observe(record, row.line);
      if (failure !== undefined) this.show(j, row);
      const error = (plan.rule.severity ?? 'error') === 'error';
      if (failure !== undefined && error) {
        rejected = true;
        if (plan.rule.rule === 'not_null') incomplete = true;
      }
    }
    if (row.flags.sql_fail || errors.length > 0) this.failed++;
    if (!incomplete) this.complete++;
    if (rejected && this.rejected.length < this.rejectCap) this.rejected.push(row.position);
    this.batch.push({ row, record });
    if (this.batch.length >= 10_000) this.flush();
  }

  /** Folds keyed rules (`unique`, `relationship` in streaming) for the rows seen since the last flush. */
  flush(): void {
    const byLine = new Map(this.batch.map((b) => [b.row.line, b.record]));
    for (const [j, acc] of this.rules) {
      if (!isKeyed(this.t.rulePlans[j].rule.rule)) continue; // counting rules keep one partial to the end
      const failures = acc.merge(acc.takePartial(), (line) => byLine.get(line));
      if ((this.t.rulePlans[j].rule.severity ?? 'error') !== 'error') continue;
      for (const f of failures) {
        const hit = this.batch.find((b) => b.row.line === f.line);
        if (hit) this.show(j, hit.row);
        if (!hit || (this.rejected.length >= this.rejectCap && !this.rejected.includes(hit.row.position))) continue;
        if (!this.rejected.includes(hit.row.position)) this.rejected.push(hit.row.position);
        const key = positionKey(hit.row.position);
        this.keyedReasons.set(key, [...(this.keyedReasons.get(key) ?? []), { rule: j, message: f.reason }]);
      }
    }
    this.batch = [];
  }

  /**
   * Rows whose whole record a report example needs (the pass fetches only the
   * columns it judges): the first few failures per rule and per violation kind.
   */
  readonly shownPositions: unknown[] = [];
  private readonly shownPerCheck = new Map<string, number>();

  private show(check: string | number, row: FetchedRow): void {
    const n = this.shownPerCheck.get(String(check)) ?? 0;
    if (n >= 5) return;
    this.shownPerCheck.set(String(check), n + 1);
    this.shownPositions.push(row.position);
  }

  private contractErrors(row: FetchedRow, record: Record<string, unknown>): ErrorObject[] {
    if (this.t.contractPlan.whole) return this.fullValidate(record) ? [] : [...(this.fullValidate.errors ?? [])];
    const errors: ErrorObject[] = [];
    this.t.contractPlan.stream.forEach((s, i) => {
      const name = s.field.name;
      if (!Object.prototype.hasOwnProperty.call(record, name)) return;
      const validate = row.flags[`p${i}_undecided`] ? this.residuals[i].full : this.residuals[i].streamOnly;
      if (validate && !validate({ [name]: record[name] })) errors.push(...(validate.errors ?? []));
    });
    return errors;
  }

  /** One count per record and kind (`kinds`: the kinds this record already has), as `ContractViolations` counts. */
  private see(row: FetchedRow, record: unknown, error: ErrorObject, kinds: Set<string>): void {
    const path = groupPath(error.instancePath);
    const key = `${path} ${error.keyword}`;
    if (kinds.has(key)) return;
    kinds.add(key);
    let seen = this.violations.get(key);
    if (!seen) this.violations.set(key, (seen = { path, keyword: error.keyword, count: 0, examples: [] }));
    seen.count++;
    if (seen.examples.length < 5) {
      seen.examples.push({ row, record, error });
      this.show(key, row);
    }
  }
}

/** Rules decided only when partials merge (they remember keys across rows). */
export function isKeyed(rule: string): boolean {
  return rule === 'unique' || rule === 'relationship';
}

/** The fields the streaming pass fetches: every record field for a whole-contract check, else the ones it judges. */
export function neededFields(t: CompiledSqlTest): Field[] {
  if (t.contractPlan.whole) return t.recordFields;
  const names = new Set(t.contractPlan.stream.map((s) => s.field.name));
  t.rulePlans.forEach((p) => {
    if (p.kind === 'count' || p.kind === 'freshness' || p.kind === 'stream')
      for (const f of ruleFieldNames(p.rule as { field?: string; fields?: string[] })) names.add(f);
  });
  return t.recordFields.filter((f) => names.has(f.name) || [...names].some((n) => n.startsWith(`${f.name}.`)));
}

function ruleFieldNames(rule: { field?: string; fields?: string[] }): string[] {
  return [...(rule.fields ?? []), ...(rule.field !== undefined ? [rule.field] : [])];
}
