/**
 * Dates and times of columnar data (Parquet logical types, the same types in
 * DuckDB and PostgreSQL) as the strings JSON Schema formats describe — the one
 * rendering both data-test engines use (ARCHITECTURE.md "Validating contracts
 * and data"):
 * - a date → `YYYY-MM-DD` (`format: date`);
 * - an instant (a timestamp adjusted to UTC) → `YYYY-MM-DDTHH:MM:SS.sss[sss[sss]]Z`
 *   (`format: date-time`): milliseconds always, finer digits only when they are not zero;
 * - a wall-clock timestamp (without time zone) → the same without an offset (see `zone.ts`);
 * - a time of day → `HH:MM:SS.sss…`.
 * Years outside 0–9999 are written as JavaScript's Date writes them (`+010000-01-01`,
 * `-000001-12-31`), also beyond Date's range, so no value makes a reader throw.
 */

const DAY_MS = 86_400_000;
/** Date's range: ±100,000,000 days around the epoch. */
const DATE_DAYS = 100_000_000;
const MAX_SECONDS = BigInt(DATE_DAYS) * 86_400n;

/** Days since 1970-01-01 as `YYYY-MM-DD`. */
export function isoDate(days: number | bigint): string {
  const n = Number(days);
  if (Math.abs(n) <= DATE_DAYS) {
    const iso = new Date(n * DAY_MS).toISOString();
    return iso.slice(0, iso.indexOf('T'));
  }
  return civilDate(BigInt(days));
}

/** `value` units of `1/perSecond` s since the epoch as a wall-clock `YYYY-MM-DDTHH:MM:SS.sss…` (no offset). */
export function isoLocal(value: bigint | number, perSecond: bigint): string {
  const units = BigInt(value);
  let seconds = units / perSecond;
  let fraction = units % perSecond;
  if (fraction < 0n) {
    seconds -= 1n;
    fraction += perSecond;
  }
  const fractionText = fractionDigits(fraction, perSecond);
  if (seconds >= -MAX_SECONDS && seconds <= MAX_SECONDS) {
    const whole = new Date(Number(seconds) * 1000).toISOString();
    return whole.slice(0, whole.lastIndexOf('.')) + fractionText;
  }
  const days = floorDiv(seconds, 86_400n);
  return `${isoDate(days)}T${clock(Number(seconds - days * 86_400n))}${fractionText}`;
}

/** `value` units of `1/perSecond` s since the epoch as an ISO-8601 UTC instant (`…Z`). */
export function isoInstant(value: bigint | number, perSecond: bigint): string {
  return `${isoLocal(value, perSecond)}Z`;
}

/** A time of day (`value` units of `1/perSecond` s since midnight) as `HH:MM:SS.sss…`; 24:00:00 stays 24:00:00. */
export function timeOfDay(value: bigint | number, perSecond: bigint): string {
  const units = BigInt(value);
  return clock(Number(units / perSecond)) + fractionDigits(units % perSecond, perSecond);
}

/** Units per second → the digits a fraction has at most (3, 6 or 9). */
function digitsOf(perSecond: bigint): number {
  return perSecond.toString().length - 1;
}

/** `.sss` at least, up to the unit's digits, without trailing zeros past the milliseconds. */
function fractionDigits(fraction: bigint, perSecond: bigint): string {
  const digits = digitsOf(perSecond);
  if (digits === 0) return '.000';
  const text = fraction.toString().padStart(digits, '0').replace(/0+$/, '');
  return `.${text.padEnd(3, '0')}`;
}

function clock(seconds: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b < 0n ? q - 1n : q;
}

/** A date beyond Date's range, by the proleptic Gregorian calendar (H. Hinnant's days-to-civil). */
export function civilDate(days: bigint): string {
  const z = days + 719_468n;
  const era = floorDiv(z, 146_097n);
  const doe = z - era * 146_097n;
  const yoe = (doe - doe / 1_460n + doe / 36_524n - doe / 146_096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const day = doy - (153n * mp + 2n) / 5n + 1n;
  const month = mp < 10n ? mp + 3n : mp - 9n;
  const year = yoe + era * 400n + (month <= 2n ? 1n : 0n);
  const two = (n: bigint) => n.toString().padStart(2, '0');
  return `${isoYear(year)}-${two(month)}-${two(day)}`;
}

/** Years as Date writes them: four digits for 0–9999, else a sign and at least six. */
function isoYear(year: bigint): string {
  if (year >= 0n && year <= 9999n) return year.toString().padStart(4, '0');
  return (year < 0n ? '-' : '+') + (year < 0n ? -year : year).toString().padStart(6, '0');
}
