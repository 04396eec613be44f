import type { Zone } from '../../columnar/zone.js';
import type { ValueView } from '../dialect.js';
import { namedZoneReason, trimFraction } from '../temporal-text.js';

/**
 * PostgreSQL timestamps and times as `core/columnar` presents the same Parquet
 * logical types (the session's TimeZone is UTC): milliseconds always, finer
 * digits only when not zero, `Z` for `timestamp with time zone`, the field's
 * fixed `x-timezone` offset for a wall-clock column. `infinity` stays as
 * PostgreSQL writes it; BC and years past 9999 are left to the streaming engine.
 */
const AD_RANGE = (col: string, end: string) => `${col} BETWEEN '0001-01-01' AND '${end}'`;

/** `utc`: timestamp with time zone; else a wall-clock timestamp in `zone`. */
export function timestampView(nativeType: string, col: string, utc: boolean, zone: Zone | undefined): ValueView {
  const inRange = AD_RANGE(col, '9999-12-31 23:59:59.999999');
  const local = trimFraction(`to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.US')`);
  const suffix = utc ? 'Z' : zone?.kind === 'fixed' ? zone.suffix : zone ? undefined : '';
  const text =
    suffix === undefined
      ? undefined
      : `(CASE WHEN isfinite(${col}) THEN ${local} || '${suffix}' ELSE ${col}::text END)`;
  const ms = `floor(extract(epoch FROM ${col}) * 1000)`;
  const offsetMs = zone?.kind === 'fixed' ? zone.minutes * 60_000 : 0;
  return {
    nativeType,
    is: (k) => k === 'string',
    undecided: `isfinite(${col}) AND NOT (${inRange})`,
    undecidedReason: 'timestamps BC or after 9999',
    ...(text && { text, keyText: text }),
    key: col,
    keyExact: true,
    format: (f) =>
      f === 'date-time'
        ? !utc && !zone
          ? true
          : `NOT isfinite(${col})`
        : ['date', 'time', 'uuid'].includes(f)
          ? true
          : undefined,
    ...(suffix !== undefined && {
      epochMs: { sql: offsetMs ? `(${ms} - ${offsetMs})` : ms, invalid: `NOT isfinite(${col})` },
    }),
    ...(suffix === undefined && { missingReason: namedZoneReason(zone) }),
  };
}

/** `time without time zone`: a wall-clock time of day, with the field's fixed `x-timezone` offset. */
export function timeView(nativeType: string, col: string, zone: Zone | undefined): ValueView {
  const suffix = zone?.kind === 'fixed' ? zone.suffix : '';
  const local = trimFraction(`to_char(DATE '2000-01-01' + ${col}, 'HH24:MI:SS.US')`);
  const text = suffix ? `(${local} || '${suffix}')` : local;
  return {
    nativeType,
    is: (k) => k === 'string',
    undecided: `${col} = '24:00:00'`,
    undecidedReason: 'times at 24:00:00',
    text,
    key: col,
    keyExact: true,
    keyText: text,
    format: (f) => (f === 'time' ? suffix === '' : ['date', 'date-time', 'uuid'].includes(f) ? true : undefined),
  };
}
