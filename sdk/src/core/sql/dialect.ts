import type { Decimal } from '../contract/decimal.js';
import type { Cond } from './cond.js';
import type { RegexSyntax } from './regex/emit.js';
import type { Zone } from '../columnar/zone.js';

/**
 * The contract-to-SQL compiler is written once against this interface; an
 * engine (DuckDB, PostgreSQL, and later Spark SQL, Trino or a warehouse) is one
 * file implementing it. Every method must give exactly the meaning the
 * streaming engine gives the same record — where it cannot, it returns
 * undefined (or an `undecided` condition) and the check, or those rows, are
 * evaluated by the streaming engine instead. Five parts:
 * - types: how a column's native type appears in the records the streaming
 *   engine validates (`view`), and how to fetch a value for it (`fetch`);
 * - regex: the engine's regular-expression syntax (`regex`) and match operator;
 * - formats: the few string primitives format checks are built from;
 * - aggregates: conditional counts and the first failing rows of a check;
 * - identity: what names a row and orders the report (file + row, primary key).
 */
export interface SqlDialect {
  readonly name: string;
  ident(name: string): string;
  string(value: string): string;
  /** A finite double as a literal the engine reads back to the same double. */
  number(value: number): string;

  // types
  /** A wall-clock type (timestamp or time without time zone), shown with the field's `x-timezone`. */
  wallClock(nativeType: string): boolean;
  /** One column's non-null values as records show them; `column` is SQL naming the column. */
  view(column: string, nativeType: string, options: ViewOptions): ValueView;
  /** SQL selecting the value the engine's `io` side turns into the record's JSON value. */
  fetch(column: string, nativeType: string, options: ViewOptions): string;

  // regex
  readonly regex: RegexSyntax;
  regexMatch(text: string, pattern: string): string;

  // formats and strings
  /** Length in code points (what ajv's minLength/maxLength count). */
  charLength(text: string): string;
  /** Capture group `group` (1-based) of the first match, as text. */
  regexGroup(text: string, pattern: string, group: number): string;
  substring(text: string, from: number, length: number): string;
  toInteger(text: string): string;
  toDouble(text: string): string;
  /** Milliseconds since the epoch of text already checked to be `YYYY-MM-DDTHH:MM:SS[.f{1,6}]Z` with a valid date and time. */
  isoUtcMs(text: string): string;

  // aggregates
  countIf(cond: string): string;
  /** Appended to the per-row select under the aggregates so the planner computes each condition once (`OFFSET 0`). */
  readonly subqueryFence?: string;
  /**
   * The positions (`identity.position`) of the first `n` rows (by `identity.order`) meeting `cond`, as one
   * aggregate of the main statement; undefined: a query per failing check fetches them (an index keeps it cheap).
   */
  firstPositions?(cond: string, identity: RowIdentity, n: number): string;
  /** Distinct non-null values of a view's `key` (for `unique`). */
  countDistinct(key: string): string;
  /** The position of the first row (by order) holding the largest `value` among rows meeting `cond`; undefined: a query. */
  positionOfMax?(value: string, identity: RowIdentity, cond: string): string;

  // identity
  /** How rows are named and ordered (`primaryKey`: the contract's `x-primary-key` fields). */
  identity(primaryKey: string[]): RowIdentity;
}

/** What names a row in reports and dead letters, and the order they list rows in. */
export interface RowIdentity {
  /** SQL ordering rows (reports list them in this order). */
  order: string;
  /** SQL of a value naming one row, as it is handed to the engine's client and back (`positionIn`). */
  position: string;
  /** A condition selecting the rows at `positions` (values of `position` read back from the engine). */
  positionIn(positions: unknown[]): string;
  /** The 1-based line shown for the row (row number in its file); undefined: its rank by `order`. */
  line?: string;
  /** The file the row came from (multi-file sources). */
  file?: string;
  /** Primary-key columns shown for the row (tables). */
  key?: string[];
}

export interface ViewOptions {
  /** `x-timezone` of the field: the zone a wall-clock column's values were recorded in (`core/columnar/zone.ts`). */
  timezone?: Zone;
}

/** A check's verdict per row: fails, and rows SQL cannot decide (judged by the streaming engine). */
export interface DecidedCheck {
  fails: Cond;
  undecided?: Cond;
}

export type JsonKind = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';

/**
 * A column's non-null values, as the streaming engine's records hold them.
 * Members left undefined cannot be judged in SQL for this column: checks that
 * need them run in the streaming engine.
 */
export interface ValueView {
  nativeType: string;
  /** The value has this JSON type; a constant when the native type decides it for every row. */
  is(kind: JsonKind): Cond;
  /** A JSON `null` inside the column (JSON-typed columns); SQL NULL is handled by the caller. */
  jsonNull?: Cond;
  /** Why members are missing (`text`, `epochMs`, …), for the placement report. */
  missingReason?: string;
  /** Rows whose value this view cannot model: every check on the column sends them to streaming. */
  undecided?: Cond;
  /** Which rows `undecided` names, for the report (`years outside 0–9999`). */
  undecidedReason?: string;
  /** The value as text, where `is('string')`. */
  text?: string;
  /**
   * The value as a double, where `is('number')` — or `jsNumber`: ajv (strict
   * numbers) gives NaN and ±Infinity no JSON type, while the `range` rule
   * compares any JavaScript number and fails only NaN.
   */
  number?: string;
  /** The value is a JavaScript number, finite or not (default: `is('number')`). */
  jsNumber?: Cond;
  /** The value is NaN (the `range` rule fails it). */
  nan?: Cond;
  /** The value as a boolean, where `is('boolean')`. */
  bool?: string;
  /** `multipleOf` with dmesh's decimal meaning, where `is('number')`. */
  multipleOf?(divisor: Decimal): DecidedCheck | undefined;
  /** Grouping key, where `is` holds for the value's kind: equal keys exactly when the JSON values are equal. */
  key?: string;
  /** `key` stays exact on `undecided` rows (a timestamp's epoch compares right whatever its year). */
  keyExact?: boolean;
  /** `String(value)`: the text `relationship` compares. */
  keyText?: string;
  /** Milliseconds since the epoch, for `freshness`; `undecided` rows are parsed by the streaming engine. */
  epochMs?: DecidedValue;
  /** When the native type alone settles a `format` (a timestamp column is always a date-time): where it fails. */
  format?(name: string): Cond | undefined;
}

export interface DecidedValue {
  sql: string;
  /** Rows where `sql` is not the streaming engine's value. */
  undecided?: Cond;
  /** Rows where the value is not a timestamp at all. */
  invalid?: Cond;
}
