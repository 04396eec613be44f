import type { QualityRule } from '../quality/types.js';
import { or, type Cond } from './cond.js';
import { planContract, type ContractPlan } from './contract-plan.js';
import type { RowIdentity, SqlDialect } from './dialect.js';
import { TimezoneError } from '../columnar/zone.js';
import { buildField, fieldContext, type Field, type FieldContext, type SourceColumn } from './fields.js';
import type { PlacedCheck } from './placement.js';
import { planRule, type RulePlan } from './rules/index.js';

export interface CompileInput {
  contract: unknown;
  rules: QualityRule[];
  /** The data's columns, as the engine describes them. */
  columns: SourceColumn[];
  /** SQL of the relation holding the rows (a table, or DuckDB's read_parquet). */
  relation: string;
  identity: RowIdentity;
  d: SqlDialect;
  /** Relations holding `relationship` reference keys (column `k`), by `<dataset>#<field>`. */
  refs?: Record<string, string>;
  /** Translated patterns the engine refused to compile (see `patterns`): judged in streaming instead. */
  refusedPatterns?: ReadonlySet<string>;
}

/** A data test compiled for one engine: the plans and the row conditions the statements are built from. */
export interface CompiledSqlTest extends CompileInput {
  contractPlan: ContractPlan;
  rulePlans: RulePlan[];
  /** Rows the streaming engine must see (undecided rows, stream-only checks, stream rules). */
  fetch: Cond;
  /** A decided SQL contract check fails. */
  contractFails: Cond;
  /** An error-level `not_null` rule decided in SQL fails (the record is not complete). */
  notNullFails: Cond;
  /** Top-level fields the record has, in column order (partition columns only where the contract names them). */
  recordFields: Field[];
  placement: PlacedCheck[];
  /** Every translated pattern the statements use (the engine checks it compiles them). */
  patterns: string[];
  /** How fetched values are presented (nulls and zones per field path). */
  fieldContext: FieldContext;
}

/** A contract the SQL compiler cannot read (an `x-timezone` that is no zone): exit code 2. */
export class SqlContractError extends Error {
  override name = 'SqlContractError';
}

export function compileSqlTest(input: CompileInput): CompiledSqlTest {
  return readingContract(() => compile(input));
}

/** Runs `read`, turning the contract's unknown `x-timezone` (`TimezoneError`) into a `SqlContractError`. */
export function readingContract<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof TimezoneError) throw new SqlContractError(`the contract's ${err.message}`);
    throw err;
  }
}

function compile(input: CompileInput): CompiledSqlTest {
  const patterns: string[] = [];
  const d = watchingPatterns(input.d, input.refusedPatterns ?? new Set(), patterns);
  const ctx = fieldContext(input.contract);
  const contractPlan = planContract(input.contract, input.columns, d, ctx);
  // in column order, as a reader of the file builds each record
  const byColumn = new Map(
    [...contractPlan.fields, ...contractPlan.extra].filter((f) => f.column).map((f) => [f.column!.name, f]),
  );
  const recordFields = input.columns.map((c) => byColumn.get(c.name)).filter((f): f is Field => f !== undefined);
  const fieldFor = (name: string): Field | undefined => {
    const known = recordFields.find((f) => f.name === name);
    if (known) return known;
    if (name.includes('.')) return undefined;
    return buildField(name, undefined, d, ctx);
  };
  const rulePlans = input.rules.map((rule) =>
    planRule(rule, { d, field: fieldFor, ref: (dataset, field) => input.refs?.[`${dataset}#${field}`] }),
  );
  const contractFails = or(...contractPlan.checks.map((c) => c.fails));
  const notNullFails = or(
    ...rulePlans
      .filter((p) => p.kind === 'count' && p.rule.rule === 'not_null' && (p.rule.severity ?? 'error') === 'error')
      .map((p) => (p as { fails: Cond }).fails),
  );
  return {
    ...input,
    d: input.d,
    contractPlan,
    rulePlans,
    fetch: fetchCondition(contractPlan, rulePlans),
    contractFails,
    notNullFails,
    recordFields,
    placement: [...contractPlan.placement, ...rulePlans.map(rulePlacement)],
    patterns,
    fieldContext: ctx,
  };
}

/** The dialect, recording each pattern it translates and declining those the engine refused. */
function watchingPatterns(d: SqlDialect, refused: ReadonlySet<string>, seen: string[]): SqlDialect {
  const accepts = (pattern: string) => {
    if (refused.has(pattern)) return false;
    if (!seen.includes(pattern)) seen.push(pattern);
    return d.regex.accepts?.(pattern) ?? true;
  };
  return { ...d, regex: { ...d.regex, accepts } };
}

function fetchCondition(contract: ContractPlan, rules: RulePlan[]): Cond {
  if (contract.whole) return true;
  return or(
    ...contract.stream.map((s) => or(s.undecided, s.streamOnly ? s.field.present : false)),
    ...rules.map((r) =>
      r.kind === 'stream' ? true : r.kind === 'count' || r.kind === 'freshness' ? r.undecided : false,
    ),
  );
}

function rulePlacement(plan: RulePlan): PlacedCheck {
  const r = plan.rule as { field?: string; fields?: string[]; ref?: string };
  const target = r.field ?? r.fields?.join(' + ') ?? '';
  const check = `rule ${plan.rule.rule}${target ? ` ${target}` : ''}${r.ref ? ` -> ${r.ref}` : ''}`;
  if (plan.kind === 'stream') return { check, engine: 'stream', reason: plan.reason };
  const undecided = plan.kind === 'count' || plan.kind === 'freshness' ? plan.undecided : false;
  return undecided === false
    ? { check, engine: 'sql' }
    : {
        check,
        engine: 'sql+stream',
        reason: `in streaming: ${(plan as { reason?: string }).reason ?? 'values SQL cannot read exactly'}`,
      };
}
