import { isoLocal, timeOfDay } from './time.js';
import { timeSuffix, withZone, type Zone } from './zone.js';

/**
 * How a timestamp or time column's value is presented, decided once per
 * column from its type (adjusted to UTC or not) and the field's `x-timezone`:
 * an instant ends in `Z`; a wall-clock value has no offset unless the field
 * names its zone. Every reader (Parquet, DuckDB, PostgreSQL) calls these.
 */
export function presentTimestamp(units: bigint | number, perSecond: bigint, utc: boolean, zone?: Zone): string {
  return zonedLocal(isoLocal(units, perSecond), utc, zone);
}

/** A wall-clock timestamp's text (`…T10:00:00.000`) with the offset its column and zone give it. */
export function zonedLocal(local: string, utc: boolean, zone?: Zone): string {
  if (utc) return `${local}Z`;
  return zone ? withZone(local, zone) : local;
}

/** A time of day with `Z` when adjusted to UTC, else the fixed `x-timezone` offset (a zone name gives none). */
export function presentTime(units: bigint | number, perSecond: bigint, utc: boolean, zone?: Zone): string {
  return timeOfDay(units, perSecond) + (utc ? 'Z' : timeSuffix(zone));
}
