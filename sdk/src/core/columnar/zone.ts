import { annotationAt, ITEMS } from '../quality/schema-walk.js';

/**
 * `x-timezone` on a contract field: the zone a wall-clock value (a timestamp
 * or time without time zone) was recorded in. `UTC` (also `Z`, `GMT`,
 * `Etc/UTC`, any case), a fixed offset `±HH:MM`, or an IANA zone name such as
 * `Europe/Oslo` (the offset in force at that wall-clock time, from the
 * runtime's time-zone database). Anything else stops a data test with exit 2.
 */
export type Zone = { kind: 'fixed'; suffix: string; minutes: number } | { kind: 'named'; name: string };

export const ZONE_FIX = 'write "UTC", an offset such as "+02:00", or an IANA zone such as "Europe/Oslo"';

/** A contract's `x-timezone` that is neither a fixed offset nor a zone the runtime knows. */
export class TimezoneError extends Error {
  override name = 'TimezoneError';
}

export function parseZone(value: unknown): Zone | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^(UTC|Z|Etc\/UTC|GMT)$/i.test(value)) return { kind: 'fixed', suffix: 'Z', minutes: 0 };
  const m = /^([+-])([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (m) return { kind: 'fixed', suffix: value, minutes: (m[1] === '-' ? -1 : 1) * (+m[2] * 60 + +m[3]) };
  return knownZone(value) ? { kind: 'named', name: value } : undefined;
}

/** The `x-timezone` of the field at `path` (through references and combinators); throws `TimezoneError` naming it. */
export function zoneAt(contract: unknown, path: readonly string[]): Zone | undefined {
  const value = annotationAt(contract, path, 'x-timezone');
  if (value === undefined) return undefined;
  const zone = parseZone(value);
  if (zone) return zone;
  const field = path.filter((p) => p !== ITEMS).join('.');
  throw new TimezoneError(`x-timezone of ${field} is ${JSON.stringify(value)}; ${ZONE_FIX}`);
}

/** A wall-clock timestamp (`…T10:00:00.000`) recorded in `zone`, with that zone's offset at that time. */
export function withZone(local: string, zone: Zone): string {
  if (zone.kind === 'fixed') return local + zone.suffix;
  const wall = Date.parse(`${local.slice(0, 23)}Z`);
  if (Number.isNaN(wall)) return local;
  let offset = offsetAt(zone.name, wall);
  const second = offsetAt(zone.name, wall - offset);
  if (second !== offset) offset = second;
  return local + formatOffset(offset);
}

/** The offset a time of day gets: its fixed `x-timezone` offset; none for a zone name (a time has no date to ask it). */
export function timeSuffix(zone: Zone | undefined): string {
  return zone?.kind === 'fixed' ? zone.suffix : '';
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
