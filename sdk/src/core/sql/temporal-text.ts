import type { Zone } from '../columnar/zone.js';

/**
 * What both dialects' temporal views share: the fraction rule of
 * `core/columnar/time.ts` as a regex over `….ffffff[fff]` text (milliseconds
 * always, finer digits only when not zero: `.999500` → `.9995`, `.000000` →
 * `.000`; RE2 and PostgreSQL read it alike), and why a wall-clock column in a
 * named zone has no SQL text.
 */
export const trimFraction = (text: string): string => `regexp_replace(${text}, '(\\.\\d{3}\\d*?)0+$', '\\1')`;

export function namedZoneReason(zone: Zone | undefined): string {
  const name = zone?.kind === 'named' ? zone.name : '';
  return `x-timezone ${name} is a zone name: each time's offset comes from the streaming engine's time-zone database`;
}
