import type { ParquetParsers } from 'hyparquet';

/**
 * Parquet dates and times as the strings JSON Schema formats describe
 * (ARCHITECTURE.md "Validating contracts and data"):
 * - DATE → `YYYY-MM-DD` (`format: date`);
 * - TIMESTAMP adjusted to UTC (and legacy TIMESTAMP_MILLIS/MICROS, INT96) →
 *   `YYYY-MM-DDTHH:MM:SS.sss[sss[sss]]Z` (`format: date-time`), milliseconds
 *   always, finer digits only when they are not zero;
 * - TIMESTAMP not adjusted to UTC (a wall-clock time, "timestamp without time
 *   zone") → the same without an offset, which `date-time` does not accept,
 *   unless the field says which zone the wall clock is in with `x-timezone`
 *   (`UTC`, `+02:00`, or an IANA name such as `Europe/Oslo`): then with that
 *   zone's offset at that time;
 * - TIME → `HH:MM:SS.sss…` with `Z` when adjusted to UTC (`format: time`), else
 *   without an offset unless `x-timezone` is `UTC` or a fixed offset.
 */
export const TIME_PARSERS: Partial<ParquetParsers> = {
  dateFromDays: (days) => new Date(days * 86_400_000).toISOString().slice(0, 10),
  timestampFromMilliseconds: (millis) => isoUtc(BigInt(millis), 1000n, 3),
  timestampFromMicroseconds: (micros) => isoUtc(BigInt(micros), 1_000_000n, 6),
  timestampFromNanoseconds: (nanos) => isoUtc(BigInt(nanos), 1_000_000_000n, 9),
};

/** `value` units of `1/perSecond` s since the epoch as an ISO-8601 UTC string. */
function isoUtc(value: bigint, perSecond: bigint, digits: number): string {
  let seconds = value / perSecond;
  let fraction = value % perSecond;
  if (fraction < 0n) {
    seconds -= 1n;
    fraction += perSecond;
  }
  const whole = new Date(Number(seconds) * 1000).toISOString();
  return `${whole.slice(0, whole.indexOf('.'))}${fractionDigits(fraction, digits)}Z`;
}

/** `.sss` at least, up to `digits` digits without trailing zeros past the milliseconds. */
function fractionDigits(fraction: bigint, digits: number): string {
  const text = fraction.toString().padStart(digits, '0').replace(/0+$/, '');
  return `.${text.padEnd(3, '0')}`;
}

/** A wall-clock timestamp (`…T10:00:00.000`) in `zone`, presented with that zone's offset. */
export function withZone(local: string, zone: string): string {
  const fixed = fixedOffset(zone);
  if (fixed !== undefined) return local + fixed;
  const wall = Date.parse(`${local.slice(0, 23)}Z`);
  if (Number.isNaN(wall)) return local;
  let offset = offsetAt(zone, wall);
  const second = offsetAt(zone, wall - offset);
  if (second !== offset) offset = second;
  return local + formatOffset(offset);
}

/** `Z` for UTC, the offset itself for `±HH:MM`, undefined for a zone name. */
export function fixedOffset(zone: string): string | undefined {
  if (/^(UTC|Z|Etc\/UTC|GMT)$/i.test(zone)) return 'Z';
  if (/^[+-](?:[01]\d|2[0-3]):[0-5]\d$/.test(zone)) return zone;
  return undefined;
}

/** Throws a message naming the field when `x-timezone` is neither a fixed offset nor a known IANA zone. */
export function checkZone(zone: unknown, field: string): string {
  if (typeof zone === 'string' && (fixedOffset(zone) !== undefined || knownZone(zone))) return zone;
  throw new Error(
    `x-timezone of ${field} is ${JSON.stringify(zone)}; write "UTC", an offset such as "+02:00", or an IANA zone such as "Europe/Oslo"`,
  );
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function knownZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC (ms) at `instant`. */
function offsetAt(zone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(instant))) parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

function formatOffset(ms: number): string {
  if (ms === 0) return 'Z';
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${ms < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** A Parquet TIME value (`unit` per second since midnight) as `HH:MM:SS.sss…`. */
export function timeOfDay(value: number | bigint, perSecond: bigint, digits: number): string {
  const units = BigInt(value);
  const seconds = Number(units / perSecond);
  const clock = new Date(seconds * 1000).toISOString().slice(11, 19);
  return clock + fractionDigits(units % perSecond, digits);
}
