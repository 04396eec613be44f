/**
 * `x-timezone` on a contract field: the offset in which a `timestamp without
 * time zone` column holds its wall-clock times. Without it such a value is shown
 * without an offset (`2024-01-01T10:00:00.000`) and does not satisfy
 * `format: date-time`; with it the offset is appended (`Z` for UTC), so it does.
 * Values: `"UTC"`, `"Z"` or a fixed offset `"+01:00"` / `"-05:30"`. Zone names
 * such as `Europe/Berlin` are refused: daylight saving makes a wall-clock time
 * ambiguous, and the engines would have to agree on a zone database.
 */
export interface FixedOffset {
  /** The suffix written after the time: `Z` or `±HH:MM`. */
  suffix: string;
  /** Minutes east of UTC. */
  minutes: number;
}

export function parseTimezone(value: unknown): FixedOffset | undefined {
  if (value === 'UTC' || value === 'Z') return { suffix: 'Z', minutes: 0 };
  if (typeof value !== 'string') return undefined;
  const m = /^([+-])(\d\d):(\d\d)$/.exec(value);
  if (!m || Number(m[2]) > 23 || Number(m[3]) > 59) return undefined;
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return { suffix: value, minutes };
}

export const TIMEZONE_FIX =
  'write "x-timezone": "UTC" or a fixed offset such as "+01:00" (zone names like Europe/Berlin are not accepted)';

/**
 * A `timestamp without time zone` as records show it: the wall-clock time as
 * ISO-8601 with milliseconds, and the field's offset when it has one.
 */
export function renderLocalTimestamp(ms: number, offset: FixedOffset | undefined): string {
  const iso = new Date(ms).toISOString();
  return offset ? iso.slice(0, -1) + offset.suffix : iso.slice(0, -1);
}
