import type { FormatDefinition } from 'ajv';
import type { AjvCore } from './ajv-types.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';

/**
 * `date-time`, `date`, `time` and `uuid` as ajv-formats' full mode defines them,
 * with a fast path for the shape real data has: ajv-formats splits the string on
 * a regular expression, matches two more and converts each capture, about a
 * microsecond per value, a third of a data test's contract work on the bench's
 * order records. Here the canonical shape (`2024-01-01T10:00:00.123Z`, a
 * 36-character uuid) is read character by character and judged with
 * ajv-formats' own rules (days per month, leap years, leap seconds, offsets);
 * every other string goes to ajv-formats itself. So the verdict is ajv-formats'
 * for every string, which test/contract/fast-formats.test.ts checks with
 * generated strings, and only its cost changes.
 */
export function addFastFormats(ajv: AjvCore): void {
  const full = fullFormats as unknown as Record<string, FormatDefinition<string> | RegExp>;
  const slow = (name: string): ((s: string) => boolean) => {
    const f = full[name];
    if (f instanceof RegExp) return (s) => f.test(s);
    const validate = f.validate;
    return typeof validate === 'function' ? (validate as (s: string) => boolean) : (s) => (validate as RegExp).test(s);
  };
  const compare = (name: string) => {
    const f = full[name];
    return f instanceof RegExp ? undefined : f.compare;
  };
  const define = (name: string, fast: (s: string) => boolean | undefined) => {
    const fallback = slow(name);
    const cmp = compare(name);
    ajv.addFormat(name, {
      type: 'string',
      validate: (s: string) => fast(s) ?? fallback(s),
      ...(cmp && { compare: cmp }),
    });
  };
  define('date-time', fastDateTime);
  define('date', fastDate);
  define('time', (s) => fastTime(s, 0));
  define('uuid', fastUuid);
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const two = twoDigits;

/** Two ASCII digits at `i` as a number, or -1. */
export function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** `YYYY-MM-DD` at 0 (length checked by the caller): the verdict, or undefined when not that shape. */
function dateAt(s: string): boolean | undefined {
  const century = two(s, 0);
  const yy = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  if (century < 0 || yy < 0 || month < 0 || day < 0 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45)
    return undefined;
  const year = century * 100 + yy;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month]);
}

export function fastDate(s: string): boolean | undefined {
  return s.length === 10 ? dateAt(s) : undefined;
}

export function fastDateTime(s: string): boolean | undefined {
  if (s.length < 20) return undefined;
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 116) return undefined; // T or t
  const date = dateAt(s);
  if (date === undefined) return undefined;
  const time = fastTime(s, 11);
  if (time === undefined) return undefined;
  return date && time;
}

/**
 * `hh:mm:ss[.f+](z|±hh[[:]mm])` from `at` to the end, with a required offset:
 * the verdict of ajv-formats' `time` (strict time zone), or undefined when not that shape.
 */
export function fastTime(s: string, at: number): boolean | undefined {
  const hr = two(s, at);
  const min = two(s, at + 3);
  let p = at + 6;
  const whole = two(s, p);
  if (hr < 0 || min < 0 || whole < 0 || s.charCodeAt(at + 2) !== 58 || s.charCodeAt(at + 5) !== 58) return undefined;
  p += 2;
  // Seconds as ajv-formats converts them, Number("ss.fff"), compared with 60 and 61 only. A fraction of
  // up to 12 digits cannot round ss.fff up to the next whole second, so whole seconds decide; a longer
  // one (59.99999999999999999 is 60) is converted as ajv-formats does.
  let sec = whole;
  if (s.charCodeAt(p) === 46) {
    const start = p;
    p++;
    while (p < s.length && s.charCodeAt(p) >= 48 && s.charCodeAt(p) <= 57) p++;
    if (p === start + 1) return undefined;
    if (p - start - 1 > 12) sec = Number(s.slice(at + 6, p));
  }
  const rest = s.length - p;
  const tz = s.charCodeAt(p);
  let tzSign = 1;
  let tzH = 0;
  let tzM = 0;
  if (tz === 90 || tz === 122) {
    if (rest !== 1) return undefined;
  } else if (tz === 43 || tz === 45) {
    tzSign = tz === 45 ? -1 : 1;
    tzH = two(s, p + 1);
    if (tzH < 0) return undefined;
    if (rest === 3) tzM = 0;
    else if (rest === 5) tzM = two(s, p + 3);
    else if (rest === 6 && s.charCodeAt(p + 3) === 58) tzM = two(s, p + 4);
    else return undefined;
    if (tzM < 0) return undefined;
  } else return undefined;
  if (tzH > 23 || tzM > 59) return false;
  if (hr <= 23 && min <= 59 && sec < 60) return true;
  // a leap second: 23:59:60 UTC only
  const utcMin = min - tzM * tzSign;
  const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
  return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
}

/** A 36-character uuid is judged here; other lengths (e.g. `urn:uuid:` prefixed) by ajv-formats. */
export function fastUuid(s: string): boolean | undefined {
  if (s.length !== 36) return undefined;
  for (let i = 0; i < 36; i++) {
    const c = s.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false;
    } else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return false;
  }
  return true;
}
