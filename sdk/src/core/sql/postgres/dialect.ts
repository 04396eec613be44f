import type { SqlDialect } from '../dialect.js';
import { isPlainAscii, type RegexSyntax } from '../regex/emit.js';
import { postgresView } from './views.js';

/** The session settings `to_jsonb` output depends on; the PostgreSQL engine sets them before any statement. */
export const POSTGRES_SESSION = [
  "SET TimeZone = 'UTC'",
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  'SET extra_float_digits = 1',
  'SET standard_conforming_strings = on',
];

const WORD = '[0-9A-Za-z_]';

/** PostgreSQL's Advanced Regular Expressions: `\b` is a backspace there, so word boundaries are spelled with lookaround. */
const ARE: RegexSyntax = {
  maxRepeat: 255,
  char: (cp) =>
    isPlainAscii(cp)
      ? String.fromCodePoint(cp)
      : cp <= 0xffff
        ? `\\u${Math.max(cp, 1).toString(16).padStart(4, '0')}` // NUL cannot occur in PostgreSQL text
        : `\\U${cp.toString(16).padStart(8, '0')}`,
  // \B is declined: JavaScript also tests it between the two halves of a surrogate pair (non-BMP characters)
  wordBoundary: (negated) => (negated ? undefined : `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`),
  nothing: '(?!)',
};

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const string = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * What the engine reads back for a column: dates, timestamps and times as
 * integers (days, microseconds since the epoch or since midnight, exact on every
 * PostgreSQL version) that `io/sql/postgres-values.ts` presents with
 * `core/columnar` (`infinity` as its text) — in one-dimensional arrays too, as a
 * JSON array of them —, bigint as its digits, anything else as `to_jsonb` makes it.
 */
function postgresFetch(column: string, nativeType: string): string {
  const type = nativeType.toLowerCase();
  const units = temporalUnits(type, column);
  if (units) return units;
  const element = /^(.+)\[\]$/.exec(type);
  const inner = element && temporalUnits(element[1], 'e');
  if (inner)
    return `(CASE WHEN array_ndims(${column}) = 1 THEN to_jsonb(ARRAY(SELECT ${inner} FROM unnest(${column}) WITH ORDINALITY AS u(e, o) ORDER BY o)) ELSE to_jsonb(${column}) END)`;
  if (type === 'bigint') return `${column}::text`;
  return `to_jsonb(${column})`;
}

/** A date, timestamp or time as the text of its integer units (`infinity` as it is), else undefined. */
function temporalUnits(type: string, column: string): string | undefined {
  const finite = (integer: string) =>
    `(CASE WHEN isfinite(${column}) THEN (${integer})::text ELSE ${column}::text END)`;
  if (type === 'date') return finite(`${column} - DATE '1970-01-01'`);
  if (/^timestamp(\(\d\))? with(out)? time zone$/.test(type))
    return finite(
      `(${column}::date - DATE '1970-01-01')::bigint * 86400000000 + round(extract(epoch FROM ${column}::time) * 1000000)::bigint`,
    );
  if (/^time(\(\d\))? without time zone$/.test(type))
    return `round(extract(epoch FROM ${column}) * 1000000)::bigint::text`;
  return undefined;
}

export const postgresDialect: SqlDialect = {
  name: 'postgres',
  ident,
  string,
  number: (value) => `'${String(value)}'::float8`,
  wallClock: (nativeType) => /^(timestamp|time)(\(\d\))? without time zone$/.test(nativeType),
  view: postgresView,
  fetch: postgresFetch,
  regex: ARE,
  regexMatch: (text, pattern) => `(${text} ~ ${string(pattern)})`,
  charLength: (text) => `char_length(${text})`,
  regexGroup: (text, pattern, group) => `(regexp_match(${text}, ${string(pattern)}))[${group}]`,
  substring: (text, from, length) => `substr(${text}, ${from}, ${length})`,
  toInteger: (text) => `(${text})::numeric`,
  toDouble: (text) => `(${text})::float8`,
  isoUtcMs: (text) => `floor(extract(epoch FROM (rtrim(${text}, 'Z'))::timestamp) * 1000)`,
  countIf: (cond) => `count(*) FILTER (WHERE ${cond})`,
  // without it the planner flattens the per-row select and evaluates each condition once per use
  subqueryFence: ' OFFSET 0',
  countDistinct: (key) => `count(DISTINCT ${key})`,
  identity: (primaryKey) => {
    const key = primaryKey.map(ident);
    const position = `jsonb_build_array(${key.join(', ')})`;
    return {
      order: key.join(', '),
      position,
      positionIn: (positions) =>
        positions.length
          ? `${position} IN (SELECT jsonb_array_elements(${string(JSON.stringify(positions))}::jsonb))`
          : 'FALSE',
      key,
    };
  },
};
