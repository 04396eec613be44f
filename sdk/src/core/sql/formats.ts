import { fullFormats } from 'ajv-formats/dist/formats.js';
import { and, or, type Cond } from './cond.js';
import type { SqlDialect } from './dialect.js';
import { foldAsciiCase } from './regex/case-fold.js';
import { emit } from './regex/emit.js';
import { parseRegex } from './regex/parse.js';

/**
 * `format` checks with ajv-formats' full-mode meaning, built from the dialect's
 * regex and string primitives. Regex-only formats (uuid, email, ipv4) translate
 * ajv-formats' own expressions; date, time and date-time add its calendar and
 * leap-second rules. Every other format is judged by the streaming engine.
 * A check is written `CASE WHEN <shape> THEN <ranges> ELSE FALSE END` so numbers
 * are read only from text of the right shape.
 */
export const SQL_FORMATS = ['date', 'time', 'date-time', 'uuid', 'email', 'ipv4'] as const;

/** The condition under which `text` (a string) fails `format`, or undefined when SQL cannot judge it. */
export function formatFails(name: string, text: string, d: SqlDialect): Cond | undefined {
  const valid = formatValid(name, text, d);
  return valid === undefined ? undefined : `NOT (${valid})`;
}

function formatValid(name: string, t: string, d: SqlDialect): string | undefined {
  switch (name) {
    case 'date':
      return guarded(d, t, '^\\d{4}-\\d{2}-\\d{2}$', dateOk(d, t));
    case 'time':
      return guarded(d, t, TIME, timeOk(d, t, TIME, 1));
    case 'date-time':
      return guarded(d, t, DATE_TIME, `${dateOk(d, t)} AND ${timeOk(d, t, DATE_TIME, 12)}`);
    case 'uuid':
    case 'email':
    case 'ipv4':
      return d.regexMatch(t, ajvFormatPattern(name, d));
    default:
      return undefined;
  }
}

// ajv-formats' TIME, with the time zone required (full mode's strict `time`), `z` of either case
const TIME_BODY = '(\\d\\d):(\\d\\d):(\\d\\d(?:\\.\\d+)?)([zZ]|([+-])(\\d\\d)(?::?(\\d\\d))?)$';
const TIME = '^' + TIME_BODY;
// ajv-formats splits a date-time at `t`, `T` or any JavaScript whitespace and wants exactly two parts
const DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}[tT\\s]' + TIME_BODY;

function pattern(source: string, d: SqlDialect): string {
  return emit(parseRegex(source, 'ecmascript'), d.regex, true);
}

function guarded(d: SqlDialect, t: string, shape: string, ranges: string): string {
  return `(CASE WHEN ${d.regexMatch(t, pattern(shape, d))} THEN ${ranges} ELSE FALSE END)`;
}

function ajvFormatPattern(name: string, d: SqlDialect): string {
  const re = (fullFormats as unknown as Record<string, RegExp>)[name];
  const node = parseRegex(re.source, 'ecmascript');
  return emit(re.flags.includes('i') ? foldAsciiCase(node) : node, d.regex);
}

/** ajv-formats' `date`: month 1–12, day within the month (leap years by the Gregorian rule). */
function dateOk(d: SqlDialect, t: string): string {
  const year = d.toInteger(d.substring(t, 1, 4));
  const month = d.toInteger(d.substring(t, 6, 2));
  const day = d.toInteger(d.substring(t, 9, 2));
  const leap = `(${year} % 4 = 0 AND (${year} % 100 <> 0 OR ${year} % 400 = 0))`;
  const last = `CASE WHEN ${month} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN ${month} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
  return `(${month} BETWEEN 1 AND 12 AND ${day} >= 1 AND ${day} <= ${last})`;
}

/**
 * ajv-formats' strict `time` on the time at 1-based position `at`: the offset's
 * hours ≤ 23 and minutes ≤ 59; then either an ordinary time (seconds, as a
 * number, below 60) or a leap second at 23:59 UTC (seconds below 61).
 */
function timeOk(d: SqlDialect, t: string, shape: string, at: number): string {
  const hr = d.toInteger(d.substring(t, at, 2));
  const min = d.toInteger(d.substring(t, at + 3, 2));
  const group = (n: number) => d.regexGroup(t, pattern(shape, d), n);
  const sec = d.toDouble(group(3));
  const sign = `(CASE WHEN ${group(5)} = '-' THEN -1 ELSE 1 END)`;
  const tzH = `COALESCE(${d.toInteger(group(6))}, 0)`;
  const tzM = `COALESCE(${d.toInteger(group(7))}, 0)`;
  const utcMin = `(${min} - ${tzM} * ${sign})`;
  const utcHr = `(${hr} - ${tzH} * ${sign} - CASE WHEN ${utcMin} < 0 THEN 1 ELSE 0 END)`;
  const ordinary = and(`${hr} <= 23`, `${min} <= 59`, `${sec} < 60`);
  const leap = and(`${utcHr} IN (23, -1)`, `${utcMin} IN (59, -1)`, `${sec} < 61`);
  return `(${tzH} <= 23 AND ${tzM} <= 59 AND (${or(ordinary, leap)}))`;
}
