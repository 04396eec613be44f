import { decimalNumber, int64Value } from '../../core/columnar/numbers.js';
import { presentTime, presentTimestamp } from '../../core/columnar/present.js';
import { isoDate } from '../../core/columnar/time.js';
import { ITEMS } from '../../core/quality/schema-walk.js';
import { readingContract } from '../../core/sql/compile.js';
import type { Field, FieldContext } from '../../core/sql/fields.js';
import { MAP_VALUE } from '../data/parquet-values.js';
import { SqlEngineError } from './engine.js';

const decoder = new TextDecoder();
const US = 1_000_000n;
const DAY_US = 86_400_000_000n;

/**
 * A value DuckDB read back (`duckdbFetch`: the column itself, typed by
 * DuckDB's client) as the streaming engine's Parquet reader shows it: dates,
 * times and decimals by `core/columnar`, JSON parsed, 64-bit integers as numbers while
 * safe, and inside structs the same null rule as at the top (`ctx`), list
 * elements and map values keeping their nulls.
 */
export function duckdbToJson(value: unknown, field: Field, ctx: FieldContext): unknown {
  if (value === null || value === undefined) return undefined;
  // fetched as text (`duckdbFetch`); the Parquet reader parses a JSON column the same way
  if (field.column?.nativeType.toUpperCase() === 'JSON') return JSON.parse(value as string);
  try {
    // a nested field's x-timezone is first read here: one that is no zone is the contract's error
    return readingContract(() => present(value, [field.name], ctx));
  } catch (err) {
    if (!(err instanceof UnknownValue)) throw err;
    throw new SqlEngineError(
      `column ${field.name} has type ${field.column?.nativeType}, which the SQL engine cannot show as the streaming engine does; test it with --engine stream`,
    );
  }
}

class UnknownValue extends Error {}

function present(value: unknown, path: string[], ctx: FieldContext): unknown {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return int64Value(value);
  if (Array.isArray(value)) return value.map((x) => (x === null ? null : present(x, [...path, ITEMS], ctx)));
  if (typeof value !== 'object' || value === null) throw new UnknownValue();
  const leaf = temporal(value, path, ctx);
  if (leaf !== undefined) return leaf;
  const kind = value.constructor.name;
  if (kind === 'DuckDBDecimalValue') {
    const d = value as { value: bigint; scale: number };
    return decimalNumber(d.value, d.scale);
  }
  if (kind === 'DuckDBListValue' || kind === 'DuckDBArrayValue')
    return present((value as { items: unknown[] }).items, path, ctx);
  if (kind === 'DuckDBMapValue') return presentMap(value as { entries: { key: unknown; value: unknown }[] }, path, ctx);
  if (kind === 'DuckDBStructValue') return presentStruct((value as { entries: object }).entries, path, ctx);
  if (kind === 'DuckDBBlobValue') return decoder.decode((value as { bytes: Uint8Array }).bytes);
  if (kind === 'DuckDBUUIDValue') return String(value);
  if (kind === 'Object') return presentStruct(value, path, ctx);
  throw new UnknownValue();
}

/** A struct's fields: a null stays where the contract accepts null there, else the field is absent. */
function presentStruct(entries: object, path: string[], ctx: FieldContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entries)) {
    const at = [...path, k];
    if (v === null || v === undefined) {
      if (ctx.allowsNull(at)) out[k] = null;
    } else out[k] = present(v, at, ctx);
  }
  return out;
}

function presentMap(map: { entries: { key: unknown; value: unknown }[] }, path: string[], ctx: FieldContext) {
  const out: Record<string, unknown> = {};
  for (const { key, value } of map.entries)
    out[String(present(key, [...path, MAP_VALUE], ctx))] =
      value === null ? null : present(value, [...path, MAP_VALUE], ctx);
  return out;
}

/** DuckDB's date and time values, or undefined for any other value. */
function temporal(value: object, path: string[], ctx: FieldContext): string | undefined {
  const v = value as { days?: number; micros?: bigint; nanos?: bigint; millis?: bigint; seconds?: bigint };
  switch (value.constructor.name) {
    case 'DuckDBDateValue':
      return isoDate(v.days!);
    case 'DuckDBTimestampTZValue':
      return presentTimestamp(v.micros!, US, true);
    case 'DuckDBTimestampValue':
      return presentTimestamp(v.micros!, US, false, ctx.zone(path));
    case 'DuckDBTimestampNanosecondsValue':
      return presentTimestamp(v.nanos!, 1_000_000_000n, false, ctx.zone(path));
    case 'DuckDBTimestampMillisecondsValue':
      return presentTimestamp(v.millis!, 1000n, false, ctx.zone(path));
    case 'DuckDBTimestampSecondsValue':
      return presentTimestamp(v.seconds!, 1n, false, ctx.zone(path));
    case 'DuckDBTimeValue':
      return presentTime(v.micros!, US, false, ctx.zone(path));
    case 'DuckDBTimeNSValue':
      return presentTime(v.nanos!, 1_000_000_000n, false, ctx.zone(path));
    case 'DuckDBTimeTZValue': {
      // Parquet's TIME adjusted to UTC: the time in UTC
      const tz = value as { micros: bigint; offset: number };
      const utc = (((tz.micros - BigInt(tz.offset) * US) % DAY_US) + DAY_US) % DAY_US;
      return presentTime(utc, US, true);
    }
    default:
      return undefined;
  }
}

/** DuckDB's list and struct values of a result row as plain arrays and objects (maps and leaves stay typed). */
export function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if ('items' in value) return (value as { items: unknown[] }).items.map(plain);
  if ('entries' in value && !Array.isArray((value as { entries: unknown }).entries)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries((value as { entries: Record<string, unknown> }).entries)) out[k] = plain(v);
    return out;
  }
  return value;
}
