import type { DuckDBConnection } from '@duckdb/node-api';
import { duckdbDialect } from '../../core/sql/duckdb/dialect.js';
import { SqlEngineError } from './engine.js';

/** One column of `parquet_schema()`: the file's own types and the type DuckDB reads it as. */
export interface ParquetColumnType {
  name: string;
  type: string | null;
  logicalType: string | null;
  convertedType: string | null;
  precision: number | null;
  duckdbType: string | null;
}

/**
 * Why DuckDB would read a Parquet column with other values than the streaming
 * reader shows (`core/columnar`), or undefined when it reads them exactly:
 * - INT96 timestamps (nanoseconds, an instant): DuckDB reads a TIMESTAMP without zone, in microseconds;
 * - TIMESTAMP and TIME in NANOS adjusted to UTC: DuckDB reads microseconds (TIMESTAMPTZ, TIMETZ);
 * - DECIMAL of more than 38 digits: DuckDB reads a DOUBLE.
 * Each reason says how to write the column so that both engines agree.
 */
export function lossyReason(c: ParquetColumnType): string | undefined {
  if (c.type === 'INT96')
    return 'an INT96 timestamp, which DuckDB reads without its nanoseconds and its zone; write it as a TIMESTAMP logical type';
  const utcNanos = /isAdjustedToUTC=1\b/.test(c.logicalType ?? '') && /NANOS=NanoSeconds\(\)/.test(c.logicalType ?? '');
  if (utcNanos && c.logicalType!.startsWith('TimestampType'))
    return 'a TIMESTAMP(NANOS) adjusted to UTC, which DuckDB reads in microseconds; write it in MICROS (or NANOS without UTC adjustment)';
  if (utcNanos && c.logicalType!.startsWith('TimeType'))
    return 'a TIME(NANOS) adjusted to UTC, which DuckDB reads in microseconds; write it in MICROS';
  if (c.convertedType === 'DECIMAL' && !/^DECIMAL/.test(c.duckdbType ?? ''))
    return `a DECIMAL of ${c.precision} digits, which DuckDB reads as ${c.duckdbType}; write it with at most 38 digits`;
  return undefined;
}

/**
 * Refuses data with a column DuckDB reads lossily (`lossyReason`): the SQL
 * engine's verdict would be about other values than the streaming engine's.
 */
export async function checkParquetFidelity(conn: DuckDBConnection, files: string[], label: string): Promise<void> {
  const list = `[${files.map(duckdbDialect.string).join(', ')}]`;
  const reader = await conn.runAndReadAll(
    `SELECT DISTINCT name, type, logical_type, converted_type, precision, duckdb_type FROM parquet_schema(${list})`,
  );
  for (const [name, type, logicalType, convertedType, precision, duckdbType] of reader.getRows()) {
    const reason = lossyReason({
      name: String(name),
      type: type === null ? null : String(type),
      logicalType: logicalType === null ? null : String(logicalType),
      convertedType: convertedType === null ? null : String(convertedType),
      precision: precision === null ? null : Number(precision),
      duckdbType: duckdbType === null ? null : String(duckdbType),
    });
    if (reason)
      throw new SqlEngineError(
        `${label}: column ${String(name)} is ${reason}, or test each file with --engine stream (the SQL engine would judge other values than the streaming engine)`,
      );
  }
}
