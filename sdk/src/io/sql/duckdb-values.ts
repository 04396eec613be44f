import type { Field } from '../../core/sql/fields.js';
import { renderLocalTimestamp } from '../../core/sql/timezone.js';
import { SqlEngineError } from './engine.js';

const decoder = new TextDecoder();

/**
 * A value DuckDB read back (`duckdbFetch`) as the streaming engine's Parquet
 * reader shows it (`io/data/parquet.ts`): the one mapping of `duckdbView`.
 */
export function duckdbToJson(value: unknown, field: Field): unknown {
  if (value === null || value === undefined) return undefined;
  const type = field.column?.nativeType.toUpperCase() ?? '';
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(type);
  if (decimal) return Number(value as bigint) * 10 ** -Number(decimal[2]);
  if (type === 'DATE' || type === 'TIMESTAMP WITH TIME ZONE') return new Date(Number(value)).toISOString();
  if (type.startsWith('TIMESTAMP')) return renderLocalTimestamp(Number(value), field.timezone);
  if (type === 'TIME') return Number(value);
  if (type === 'JSON' || /\[\d*\]$/.test(type) || type.startsWith('STRUCT(')) return JSON.parse(value as string);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'object' && value !== null && 'bytes' in value)
    return decoder.decode((value as { bytes: Uint8Array }).bytes);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new SqlEngineError(
    `column ${field.name} has type ${field.column?.nativeType}, which the SQL engine cannot show as the streaming engine does; test it with --engine stream`,
  );
}

/** DuckDB's list and struct values of a result row as plain arrays and objects. */
export function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if ('items' in value) return (value as { items: unknown[] }).items.map(plain);
  if ('entries' in value) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries((value as { entries: Record<string, unknown> }).entries)) out[k] = plain(v);
    return out;
  }
  return value;
}
