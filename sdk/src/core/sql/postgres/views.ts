import type { Decimal } from '../../contract/decimal.js';
import { not, or, type Cond } from '../cond.js';
import { MAX_EPOCH_MS } from '../../quality/rules/freshness.js';
import type { JsonKind, ValueView, ViewOptions } from '../dialect.js';
import { integerModulus } from '../multiple.js';
import { timestampView, timeView } from './temporal.js';

/**
 * PostgreSQL column types as records show them. A row's record is
 * `to_jsonb(row)` (session: TimeZone UTC, DateStyle ISO, IntervalStyle
 * postgres, extra_float_digits 1), read as columnar data: a NULL whose field
 * does not admit null is absent. So:
 * - text, varchar, enums, uuid → strings; character(n) keeps its padding;
 * - smallint/integer/real/double/numeric → the JSON number (JavaScript reads it
 *   as the nearest double: numeric as Parquet's DECIMAL); NaN and ±Infinity are
 *   the strings "NaN", "Infinity", "-Infinity";
 * - bigint → as Parquet's INT64: a number while safe, else its digits;
 * - date, timestamp [with time zone], time → as the same Parquet logical types
 *   (`core/columnar/time.ts`, `temporal.ts`); infinity stays `infinity`;
 *   BC dates and years past 9999 are left to the streaming engine;
 * - json/jsonb, arrays, composites, anything else → the JSON `to_jsonb` makes.
 */
export function postgresView(col: string, nativeType: string, options: ViewOptions): ValueView {
  const type = nativeType.toLowerCase();
  if (/^(text|character varying(\(\d+\))?|name|citext|enum)$/.test(type))
    return stringView(nativeType, type === 'enum' ? `${col}::text` : col);
  if (type === 'uuid')
    return { ...stringView(nativeType, `${col}::text`), format: (f) => (f === 'uuid' ? false : undefined) };
  if (type === 'boolean') return { nativeType, is: only('boolean'), bool: col, key: col, keyText: `${col}::text` };
  if (type === 'smallint' || type === 'integer')
    return numberView(nativeType, `${col}::float8`, 'TRUE', `${col}::text`);
  if (type === 'bigint') return bigintView(nativeType, col);
  if (type === 'real')
    return numberView(
      nativeType,
      `(CASE WHEN ${finite(col)} THEN ${col}::text::float8 END)`,
      finite(col),
      `${col}::text`,
    );
  if (type === 'double precision') return numberView(nativeType, col, finite(col), `${col}::text`);
  if (/^numeric(\(\d+(,\d+)?\))?$/.test(type)) return numericView(nativeType, col);
  if (type === 'date') return dateView(nativeType, col);
  if (/^timestamp(\(\d\))? with time zone$/.test(type)) return timestampView(nativeType, col, true, undefined);
  if (/^timestamp(\(\d\))? without time zone$/.test(type))
    return timestampView(nativeType, col, false, options.timezone);
  if (/^time(\(\d\))? without time zone$/.test(type)) return timeView(nativeType, col, options.timezone);
  return jsonView(nativeType, `to_jsonb(${col})`);
}

const only = (kind: JsonKind) => (k: JsonKind) => k === kind;
const finite = (col: string) => `${col} NOT IN ('NaN', 'Infinity', '-Infinity')`;

function stringView(nativeType: string, text: string): ValueView {
  return { nativeType, is: only('string'), text, key: text, keyText: text };
}

/** The value's decimal (JavaScript's shortest round-trip digits: `shortestDecimal`) is a multiple. */
function notMultiple(double: string, divisor: Decimal): string {
  const m = divisor.mantissa * (divisor.exponent >= 0 ? 10n ** BigInt(divisor.exponent) : 1n);
  const literal = divisor.exponent >= 0 ? `${m}` : `${divisor.mantissa}e${divisor.exponent}`;
  return `mod(${shortestDecimal(`(${double})::float8`)}, ${literal}::numeric) <> 0`;
}

/**
 * The exact decimal JavaScript's `String(x)` writes. float8's text output is
 * the same shortest round-trip form except at a tie: from 2^53 up, where
 * doubles are integers, a shorter decimal can lie exactly halfway between two
 * doubles and still read back as `x` (ties to even), which JavaScript writes
 * (2.119541713890427e16) and PostgreSQL does not (2.1195417138904272e16). So
 * above 2^53 the fewest significant digits that read back as `x` are searched.
 */
function shortestDecimal(d: string): string {
  const readsBack = 'CASE WHEN abs(r.c) <= 1.7976931348623157e308 THEN r.c::float8 = s.d ELSE false END';
  const candidates = 'generate_series(1, 16) AS k, LATERAL (SELECT round(s.t, k - 1 - s.e) AS c) AS r';
  const search = `(SELECT r.c FROM ${candidates} WHERE ${readsBack} ORDER BY k LIMIT 1)`;
  const tie = `(SELECT coalesce(${search}, s.t) FROM (SELECT ${d} AS d, ${d}::text::numeric AS t, floor(log(abs(${d}::text::numeric)))::int AS e) AS s)`;
  const plain = `abs(${d}) < 9007199254740992 OR ${d} IN ('NaN', 'Infinity', '-Infinity')`;
  return `(CASE WHEN ${plain} THEN ${d}::text::numeric ELSE ${tie} END)`;
}

/** A numeric type: `number` is the double JavaScript reads; `isNumber` the rows that are JSON numbers, not "NaN" text. */
function numberView(nativeType: string, number: string, isNumber: string, text: string): ValueView {
  return {
    nativeType,
    is: (k) =>
      k === 'number'
        ? isNumber
        : k === 'integer'
          ? `${isNumber} AND ${number} = trunc(${number})`
          : k === 'string'
            ? not(isNumber)
            : false,
    number,
    text,
    multipleOf: (divisor) => ({ fails: notMultiple(number, divisor) }),
    key: `CASE WHEN ${isNumber} THEN ${number}::text ELSE 's' || ${text} END`,
    keyText: isNumber === 'TRUE' ? text : undefined,
    epochMs: { sql: number, invalid: `NOT (${isNumber}) OR abs(${number}) > ${MAX_EPOCH_MS}` },
  };
}

const SAFE = Number.MAX_SAFE_INTEGER;

/** As Parquet's INT64: a JSON number while it is a safe integer, else its digits as a string. */
function bigintView(nativeType: string, col: string): ValueView {
  const safe = `${col} BETWEEN -${SAFE} AND ${SAFE}`;
  return {
    nativeType,
    is: (k) => (k === 'number' || k === 'integer' ? safe : k === 'string' ? not(safe) : false),
    text: `${col}::text`,
    number: `${col}::float8`,
    multipleOf: (divisor) => {
      const g = integerModulus(divisor);
      return { fails: g === 1n ? 'FALSE' : `${col}::numeric % ${g}::numeric <> 0` };
    },
    key: col,
    keyText: `${col}::text`,
    epochMs: { sql: `${col}::float8`, invalid: `NOT (${safe}) OR abs(${col}) > ${MAX_EPOCH_MS}` },
  };
}

function numericView(nativeType: string, col: string): ValueView {
  const inRange = `(${col} = 0 OR abs(${col}) BETWEEN 1e-300 AND 1e300)`;
  const isNumber = finite(col);
  const view = numberView(
    nativeType,
    `(CASE WHEN ${isNumber} AND ${inRange} THEN ${col}::float8 END)`,
    isNumber,
    `${col}::text`,
  );
  // numbers beyond the double range (JSON.parse makes them Infinity or 0) are judged in streaming
  return {
    ...view,
    undecided: `${isNumber} AND NOT ${inRange}`,
    undecidedReason: 'numbers beyond the range of a double',
    keyText: undefined,
  };
}

const AD_RANGE = (col: string, end: string) => `${col} BETWEEN '0001-01-01' AND '${end}'`;

function dateView(nativeType: string, col: string): ValueView {
  const inRange = AD_RANGE(col, '9999-12-31');
  return {
    nativeType,
    is: only('string'),
    undecided: `isfinite(${col}) AND NOT (${inRange})`,
    undecidedReason: 'dates BC or after 9999',
    text: `${col}::text`,
    key: col,
    keyExact: true,
    keyText: `${col}::text`,
    format: (f) => (f === 'date' ? `NOT (${inRange})` : ['date-time', 'time', 'uuid'].includes(f) ? true : undefined),
    epochMs: { sql: `(extract(epoch FROM ${col}) * 1000)`, invalid: `NOT isfinite(${col})` },
  };
}

/** Any other type: the value `to_jsonb` makes, typed per row. */
function jsonView(nativeType: string, json: string): ValueView {
  const t = `jsonb_typeof(${json})`;
  const num = `(${json} #>> '{}')::numeric`;
  const kinds: Record<JsonKind, Cond> = {
    string: `${t} = 'string'`,
    number: `${t} = 'number'`,
    integer: `${t} = 'number' AND (CASE WHEN ${t} = 'number' THEN ${num} = trunc(${num}) END)`,
    boolean: `${t} = 'boolean'`,
    object: `${t} = 'object'`,
    array: `${t} = 'array'`,
  };
  return {
    nativeType,
    is: (k) => kinds[k],
    jsonNull: `${t} = 'null'`,
    // a number whose double is not itself (more than 15 digits) may be integral for JavaScript only
    undecided: or(`${t} = 'number' AND length(${json} #>> '{}') > 15`),
    undecidedReason: 'numbers with more than 15 digits',
    text: `(CASE WHEN ${t} = 'string' THEN ${json} #>> '{}' END)`,
  };
}
