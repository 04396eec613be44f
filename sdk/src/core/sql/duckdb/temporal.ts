import type { Zone } from '../../columnar/zone.js';
import type { ValueView } from '../dialect.js';
import { namedZoneReason, trimFraction } from '../temporal-text.js';

/**
 * DuckDB dates, timestamps and times as `core/columnar` presents them (the
 * streaming engine's Parquet reader): the text is built in SQL and proven equal
 * by the property test. Years outside 0001–9999 and times at 24:00 are written
 * differently by DuckDB and are left to the streaming engine. A wall-clock
 * column whose `x-timezone` is a zone name has no SQL text: the offset of each
 * time comes from the runtime's time-zone database, which DuckDB's ICU need
 * not share, so the checks that read the text run in the streaming engine.
 */
const FIRST_SECOND = -62_135_596_800n; // 0001-01-01T00:00:00Z
const END_SECOND = 253_402_300_800n; // 10000-01-01T00:00:00Z

export function dateView(nativeType: string, col: string): ValueView {
  const text = `strftime(${col}, '%Y-%m-%d')`;
  return {
    nativeType,
    is: (k) => k === 'string',
    undecided: `NOT (${col} BETWEEN DATE '0001-01-01' AND DATE '9999-12-31')`,
    undecidedReason: 'dates outside the years 0001–9999',
    text,
    key: col,
    keyExact: true,
    keyText: text,
    format: (name) => (name === 'date' ? false : ['date-time', 'time', 'uuid'].includes(name) ? true : undefined),
    epochMs: { sql: `(CASE WHEN isfinite(${col}) THEN (${col} - DATE '1970-01-01') * 86400000 END)` },
  };
}

/** TIMESTAMP, TIMESTAMP_NS (and _MS, _S) are wall-clock times; TIMESTAMP WITH TIME ZONE an instant (`Z`). */
export function timestampView(nativeType: string, col: string, zone: Zone | undefined): ValueView {
  const type = nativeType.toUpperCase();
  const utc = type === 'TIMESTAMP WITH TIME ZONE';
  const ns = type === 'TIMESTAMP_NS';
  const perSecond = ns ? 1_000_000_000n : 1_000_000n;
  const units = ns ? `epoch_ns(${col})` : `epoch_us(${col})`;
  // an instant's UTC wall clock, whatever the session's TimeZone
  const wall = utc ? `make_timestamp(epoch_us(${col}))` : col;
  const local = trimFraction(`strftime(${wall}, '%Y-%m-%dT%H:%M:%S.${ns ? '%n' : '%f'}')`);
  const suffix = utc ? 'Z' : zone?.kind === 'fixed' ? zone.suffix : zone ? undefined : '';
  const text = suffix === undefined ? undefined : suffix ? `(${local} || '${suffix}')` : local;
  const perMs = perSecond / 1000n;
  const ms = `((${units} - ((${units} % ${perMs}) + ${perMs}) % ${perMs}) // ${perMs})`;
  const offsetMs = zone?.kind === 'fixed' ? zone.minutes * 60_000 : 0;
  return {
    nativeType,
    is: (k) => k === 'string',
    undecided: `NOT COALESCE(${units} BETWEEN ${FIRST_SECOND * perSecond} AND ${END_SECOND * perSecond - 1n}, FALSE)`,
    undecidedReason: 'timestamps outside the years 0001–9999',
    ...(text && { text, keyText: text }),
    key: col,
    keyExact: true,
    format: (name) =>
      name === 'date-time' ? !utc && !zone : ['date', 'time', 'uuid'].includes(name) ? true : undefined,
    ...(suffix !== undefined && { epochMs: { sql: offsetMs ? `(${ms} - ${offsetMs})` : ms } }),
    ...(suffix === undefined && { missingReason: namedZoneReason(zone) }),
  };
}

/** TIME: a wall-clock time of day, with the field's fixed `x-timezone` offset (a zone name gives none). */
export function timeView(nativeType: string, col: string, zone: Zone | undefined): ValueView {
  const us = `epoch_us(${col})`;
  const suffix = zone?.kind === 'fixed' ? zone.suffix : '';
  const local = trimFraction(`strftime(make_timestamp(${us}), '%H:%M:%S.%f')`);
  const text = suffix ? `(${local} || '${suffix}')` : local;
  return {
    nativeType,
    is: (k) => k === 'string',
    undecided: `${us} >= 86400000000`,
    undecidedReason: 'times at 24:00:00',
    text,
    key: col,
    keyExact: true,
    keyText: text,
    format: (name) =>
      name === 'time' ? suffix === '' : ['date', 'date-time', 'uuid'].includes(name) ? true : undefined,
  };
}
