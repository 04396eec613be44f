import type { RowIdentity, SqlDialect } from '../../core/sql/dialect.js';
import type { Field, FieldContext, SourceColumn } from '../../core/sql/fields.js';

/** Setup problems of the SQL engine (DuckDB missing, no primary key, a bad location): exit code 2. */
export class SqlEngineError extends Error {
  override name = 'SqlEngineError';
}

/** One data source opened in one SQL engine: what the runner needs from DuckDB or PostgreSQL. */
export interface SqlEngine {
  readonly dialect: SqlDialect;
  /** What the report names as the data (files, or the table). */
  readonly label: string;
  /** `parquet`, `postgres`. */
  readonly format: string;
  /** SQL of the relation holding the rows. */
  readonly relation: string;
  /** Threads the engine runs a statement on. */
  readonly threads: number;
  /** The data spans several files (examples then name theirs). */
  readonly multiFile: boolean;
  readonly columns: SourceColumn[];
  identity(primaryKey: string[]): RowIdentity;
  /** Runs a statement and returns its rows (small results). */
  all(sql: string): Promise<Record<string, unknown>[]>;
  /** Runs a statement and hands its rows over in order, a batch at a time. */
  each(sql: string, onRows: (rows: Record<string, unknown>[]) => void): Promise<void>;
  /** A fetched value as the JSON value records hold (`core/columnar`'s presentation, nested nulls by `ctx`). */
  toJson(value: unknown, field: Field, ctx: FieldContext): unknown;
  /** Makes `keys` available as a one-column relation (`k`, text) and returns its SQL. */
  registerKeys(keys: Set<string>): Promise<string>;
  close(): Promise<void>;
}
