import { int64Value } from '../../core/columnar/numbers.js';
import { presentTime, presentTimestamp } from '../../core/columnar/present.js';
import { isoDate } from '../../core/columnar/time.js';
import type { Zone } from '../../core/columnar/zone.js';
import { ITEMS } from '../../core/quality/schema-walk.js';
import { readingContract } from '../../core/sql/compile.js';
import type { Field, FieldContext } from '../../core/sql/fields.js';

const US = 1_000_000n;
const INTEGER = /^-?\d+$/;

/**
 * A value PostgreSQL read back (`postgresFetch`) as the same Parquet logical
 * type shows it in the streaming engine: dates, timestamps and times by
 * `core/columnar` (`infinity` stays text), in one-dimensional arrays too (their
 * `x-timezone` is the items'), bigint as a number while safe, else its digits;
 * anything else is the JSON `to_jsonb` made (numeric: the nearest double of its
 * decimal text, as Parquet's DECIMAL).
 */
export function postgresToJson(value: unknown, field: Field, ctx: FieldContext): unknown {
  if (value === null || value === undefined) return undefined;
  const type = field.column?.nativeType.toLowerCase() ?? '';
  const element = /^(.+)\[\]$/.exec(type);
  if (element && Array.isArray(value)) {
    const zone = readingContract(() => ctx.zone([field.name, ITEMS]));
    return value.map((v) => (v === null ? null : present(v, element[1], zone)));
  }
  return present(value, type, field.timezone);
}

function present(value: unknown, type: string, zone: Zone | undefined): unknown {
  if (typeof value !== 'string' || !INTEGER.test(value)) return value;
  if (type === 'date') return isoDate(Number(value));
  if (/^timestamp(\(\d\))? with time zone$/.test(type)) return presentTimestamp(BigInt(value), US, true);
  if (/^timestamp(\(\d\))? without time zone$/.test(type)) return presentTimestamp(BigInt(value), US, false, zone);
  if (/^time(\(\d\))? without time zone$/.test(type)) return presentTime(BigInt(value), US, false, zone);
  if (type === 'bigint') return int64Value(BigInt(value));
  return value;
}
