import type { Decimal } from '../../contract/decimal.js';
import { not, type Cond } from '../cond.js';
import type { JsonKind, ValueView, ViewOptions } from '../dialect.js';
import { integerModulus, moduliByExponent } from '../multiple.js';

/**
 * DuckDB column types as the streaming engine's Parquet reader (hyparquet,
 * `io/data/parquet.ts` `toJsonValue`) shows them — the mapping both engines must
 * share, checked by the property test over Parquet files:
 * - VARCHAR, UUID (lowercase text) → string; BLOB → string (UTF-8 decoded, judged in streaming);
 * - BOOLEAN → boolean; 8–32-bit integers → number;
 * - BIGINT/UBIGINT → number when |v| < 2^53, else the decimal digits as a string;
 * - FLOAT/DOUBLE → number; NaN and ±Infinity are JavaScript numbers but no JSON type for ajv (strict numbers);
 * - DECIMAL(p, s) → the double unscaled × 10^−s (hyparquet's arithmetic, not the nearest double);
 * - DATE → `YYYY-MM-DDT00:00:00.000Z`; TIMESTAMP WITH TIME ZONE → ISO-8601 with ms and `Z`;
 *   TIMESTAMP → the same without offset, or with the field's `x-timezone` offset;
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
  if (decimal) return doubleView(nativeType, decimalAsDouble(col, Number(decimal[1]), Number(decimal[2])));
  if (type === 'DATE')
    return timestampView(
      nativeType,
      `CAST(${col} AS TIMESTAMP)`,
      'Z',
      `${col} BETWEEN DATE '0000-01-01' AND DATE '9999-12-31'`,
    );
  if (type === 'TIMESTAMP WITH TIME ZONE')
    return timestampView(nativeType, col, 'Z', `${col} BETWEEN ${YEARS('TIMESTAMPTZ', '+00')}`);
  if (/^TIMESTAMP(_S|_MS|_NS)?$/.test(type))
    return timestampView(
      nativeType,
      col,
      options.timezone?.suffix ?? '',
      `${col} BETWEEN ${YEARS('TIMESTAMP', '')}`,
      options.timezone?.minutes,
    );
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

const SAFE = '9007199254740991';

function only(kind: JsonKind): (k: JsonKind) => Cond {
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
    epochMs: { sql: `CAST(${col} AS DOUBLE)`, invalid: not(safe) },
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
    epochMs: { sql: x, invalid: not(finite) },
  };
}

/**
 * hyparquet's DECIMAL: Number(unscaled) * 10 ** -scale, in double arithmetic.
 * Number() of the unscaled integer is its nearest double: a BIGINT cast for 18
 * digits, the digits' text read as a double beyond (DuckDB's HUGEINT cast may round twice).
 */
function decimalAsDouble(col: string, precision: number, scale: number): string {
  const integer = `CAST(${col} * ${10n ** BigInt(scale)} AS ${precision <= 18 ? 'BIGINT' : 'HUGEINT'})`;
  const unscaled = precision <= 18 ? `CAST(${integer} AS DOUBLE)` : `CAST(CAST(${integer} AS VARCHAR) AS DOUBLE)`;
  return scale === 0 ? unscaled : `(${unscaled} * CAST('${String(10 ** -scale)}' AS DOUBLE))`;
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

/** Years 0–9999 (a value a millisecond outside is called undecided, which is always safe). */
const YEARS = (type: string, zone: string) =>
  `${type} '0000-01-01 00:00:00${zone}' AND ${type} '9999-12-31 23:59:59.999999${zone}'`;

/**
 * Timestamps as ISO-8601 text with milliseconds (JavaScript's Date, which
 * truncates sub-millisecond digits toward zero); years outside 0–9999 are
 * written differently by Date and are left to the streaming engine.
 */
function timestampView(
  nativeType: string,
  ts: string,
  suffix: string,
  inRange: string,
  offsetMinutes?: number,
): ValueView {
  const ms = `epoch_ms(${ts})`;
  const naive = `make_timestamp(${ms} * 1000)`;
  const text = `strftime(${naive}, '%Y-%m-%dT%H:%M:%S.%g')${suffix ? ` || '${suffix}'` : ''}`;
  return {
    nativeType,
    is: only('string'),
    undecided: not(inRange),
    undecidedReason: 'timestamps outside the years 0–9999',
    text,
    key: ms,
    keyExact: true,
    keyText: text,
    format: (name) =>
      name === 'date-time' ? suffix === '' : ['date', 'time', 'uuid'].includes(name) ? true : undefined,
    ...(suffix !== '' && { epochMs: { sql: offsetMinutes ? `(${ms} - ${offsetMinutes * 60_000})` : ms } }),
  };
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
