import type { Decimal } from '../../contract/decimal.js';
import { not, or, type Cond } from '../cond.js';
import { MAX_EPOCH_MS } from '../../quality/rules/freshness.js';
import type { JsonKind, ValueView, ViewOptions } from '../dialect.js';
import { decimalModulus, integerModulus, moduliByExponent } from '../multiple.js';
import { dateView, timestampView, timeView } from './temporal.js';

/**
 * DuckDB column types as the streaming engine's Parquet reader (hyparquet,
 * `io/data/parquet.ts` `toJsonValue`) shows them — the mapping both engines must
 * share, checked by the property test over Parquet files:
 * - VARCHAR, UUID (lowercase text) → string; BLOB → string (UTF-8 decoded, judged in streaming);
 * - BOOLEAN → boolean; 8–32-bit integers → number;
 * - BIGINT/UBIGINT → number when |v| < 2^53, else the decimal digits as a string;
 * - FLOAT/DOUBLE → number; NaN and ±Infinity are JavaScript numbers but no JSON type for ajv (strict numbers);
 * - DECIMAL(p, s) → the nearest double of its decimal text (`core/columnar/numbers.ts`);
 * - DATE, TIMESTAMP [WITH TIME ZONE], TIMESTAMP_NS, TIME → `core/columnar/time.ts`'s text (`temporal.ts`);
 * - LIST → array, STRUCT → object, JSON → its parsed value (their insides are judged in streaming);
 * - anything else: every check on the column runs in streaming.
 */
export function duckdbView(col: string, nativeType: string, options: ViewOptions): ValueView {
  const type = nativeType.toUpperCase();
  if (type === 'VARCHAR') return stringView(nativeType, col, col);
  if (type === 'UUID') return { ...stringView(nativeType, `CAST(${col} AS VARCHAR)`, col), format: uuidFormat };
  if (type === 'BLOB') return { nativeType, is: only('string') };
  if (type === 'BOOLEAN')
    return { nativeType, is: only('boolean'), bool: col, key: col, keyText: `CAST(${col} AS VARCHAR)` };
  if (/^U?(TINYINT|SMALLINT|INTEGER)$/.test(type)) return integerView(nativeType, col, true);
  if (/^U?BIGINT$/.test(type)) return integerView(nativeType, col, `${col} BETWEEN -${SAFE} AND ${SAFE}`);
  if (type === 'FLOAT' || type === 'DOUBLE') return doubleView(nativeType, `CAST(${col} AS DOUBLE)`);
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(type);
  if (decimal) return decimalView(nativeType, col, Number(decimal[1]), Number(decimal[2]));
  if (type === 'DATE') return dateView(nativeType, col);
  if (type === 'TIMESTAMP WITH TIME ZONE' || /^TIMESTAMP(_S|_MS|_NS)?$/.test(type))
    return timestampView(nativeType, col, options.timezone);
  if (type === 'TIME') return timeView(nativeType, col, options.timezone);
  if (type === 'JSON') return jsonView(nativeType, col);
  if (/\[\d*\]$/.test(type)) return { nativeType, is: only('array') };
  if (type.startsWith('STRUCT(')) return { nativeType, is: only('object') };
  return {
    nativeType,
    is: () => false,
    undecided: true,
    undecidedReason: `the ${nativeType} column is read by the streaming engine`,
  };
}

const SAFE = Number.MAX_SAFE_INTEGER;
/** The epoch milliseconds Date can hold: `freshness` fails a number beyond. */
export function only(kind: JsonKind): (k: JsonKind) => Cond {
  return (k) => k === kind;
}

function stringView(nativeType: string, text: string, key: string): ValueView {
  return { nativeType, is: only('string'), text, key, keyText: text };
}

function uuidFormat(name: string): Cond | undefined {
  return name === 'uuid' ? false : undefined;
}

function integerView(nativeType: string, col: string, safe: Cond): ValueView {
  const big = nativeType.toUpperCase().endsWith('BIGINT');
  return {
    nativeType,
    is: (k) => (k === 'number' || k === 'integer' ? safe : k === 'string' ? not(safe) : false),
    text: `CAST(${col} AS VARCHAR)`,
    number: `CAST(${col} AS DOUBLE)`,
    multipleOf: (divisor) => ({ fails: integerNotMultiple(big ? `CAST(${col} AS HUGEINT)` : col, divisor) }),
    key: col,
    keyText: `CAST(${col} AS VARCHAR)`,
    epochMs: { sql: `CAST(${col} AS DOUBLE)`, invalid: or(not(safe), `abs(${col}) > ${MAX_EPOCH_MS}`) },
  };
}

function integerNotMultiple(value: string, divisor: Decimal): string {
  const g = integerModulus(divisor);
  if (g === 1n) return 'FALSE';
  return g >= 2n ** 126n ? `${value} <> 0` : `${value} % CAST('${g}' AS HUGEINT) <> 0`;
}

/** Doubles: ajv (strict numbers) sees NaN and ±Infinity as no JSON type at all; they are JavaScript numbers still. */
function doubleView(nativeType: string, x: string): ValueView {
  const finite = `isfinite(${x})`;
  return {
    nativeType,
    is: (k) => (k === 'number' ? finite : k === 'integer' ? `${finite} AND ${x} = trunc(${x})` : false),
    number: x,
    jsNumber: true,
    nan: `isnan(${x})`,
    multipleOf: (divisor) => ({ fails: not(doubleIsMultiple(x, divisor)) }),
    // JSON.stringify writes every non-finite number as null: unique sees them as one value
    key: `CASE WHEN ${finite} THEN ${x} ELSE 'NaN'::DOUBLE END`,
    epochMs: { sql: x, invalid: `NOT (${finite} AND abs(${x}) <= ${MAX_EPOCH_MS})` },
  };
}

/**
 * A DECIMAL is the nearest double of its decimal text. Up to 15 digits DuckDB's
 * cast divides the exact unscaled integer by an exact power of ten (one correct
 * rounding), and the double's shortest text is the decimal itself, so
 * `multipleOf` is decided on the unscaled integer; wider decimals are read from
 * their text, and `multipleOf` from the double's text as for any double.
 */
function decimalView(nativeType: string, col: string, precision: number, scale: number): ValueView {
  if (precision > 15) return doubleView(nativeType, `CAST(CAST(${col} AS VARCHAR) AS DOUBLE)`);
  const view = doubleView(nativeType, `CAST(${col} AS DOUBLE)`);
  const unscaled = `CAST(${col} * ${10n ** BigInt(scale)} AS BIGINT)`;
  return {
    ...view,
    multipleOf: (divisor) => {
      const g = decimalModulus(divisor, scale);
      return { fails: g === 1n ? 'FALSE' : `${unscaled} % CAST('${g}' AS HUGEINT) <> 0` };
    },
  };
}

/**
 * The decimal of a double's shortest round-trip text (DuckDB's CAST to VARCHAR
 * writes the same digits as JavaScript's String) is a multiple of `divisor`:
 * digits D and exponent E are read from the text, then `multiple.ts` decides.
 */
function doubleIsMultiple(x: string, divisor: Decimal): string {
  const table = moduliByExponent(divisor);
  const e = divisor.exponent;
  const body =
    `list_transform([split_part(s, 'e', 1)], m -> list_transform([ltrim(replace(split_part(m, '.', 1), '-', '') || split_part(m, '.', 2), '0')], d -> ` +
    `list_transform([{'d': rtrim(d, '0'), 'j': COALESCE(TRY_CAST(split_part(s, 'e', 2) AS INTEGER), 0) - length(split_part(m, '.', 2)) + length(d) - length(rtrim(d, '0')) - (${e})}], ` +
    `v -> CASE WHEN v.d = '' THEN TRUE WHEN v.j < 0 THEN FALSE ELSE TRY_CAST(v.d AS BIGINT) % ${moduliCase('v.j', table)} = 0 END)[1])[1])[1]`;
  return `list_transform([CAST(${x} AS VARCHAR)], s -> ${body})[1]`;
}

function moduliCase(j: string, table: bigint[]): string {
  const last = table[table.length - 1];
  if (table.length === 1) return `CAST('${last}' AS HUGEINT)`;
  const whens = table.slice(0, -1).map((g, i) => `WHEN ${j} = ${i} THEN CAST('${g}' AS HUGEINT)`);
  return `(CASE ${whens.join(' ')} ELSE CAST('${last}' AS HUGEINT) END)`;
}

function jsonView(nativeType: string, col: string): ValueView {
  const t = `json_type(${col})`;
  const integral = `(${t} IN ('BIGINT', 'UBIGINT') OR (${t} = 'DOUBLE' AND CAST(${col} AS DOUBLE) = trunc(CAST(${col} AS DOUBLE))))`;
  const kinds: Record<JsonKind, string> = {
    string: `${t} = 'VARCHAR'`,
    number: `${t} IN ('BIGINT', 'UBIGINT', 'DOUBLE')`,
    integer: integral,
    boolean: `${t} = 'BOOLEAN'`,
    object: `${t} = 'OBJECT'`,
    array: `${t} = 'ARRAY'`,
  };
  return { nativeType, is: (k) => kinds[k], jsonNull: `${t} = 'NULL'` };
}
