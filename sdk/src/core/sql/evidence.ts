import type { StreamPass } from './stream-pass.js';

/** A row shown in the report (an example or the newest row of a freshness rule), fetched with its whole record. */
export interface ShownRow {
  position: unknown;
  ord: number;
  line: number;
  file?: string;
  record: Record<string, unknown>;
}

/** What the engine read back for a compiled test; `report.ts` turns it into the report. */
export interface SqlEvidence {
  /** The main statement's row: counts as numbers, positions as arrays, maxima as numbers or null. */
  main: Record<string, unknown>;
  /** Rows at example positions, by `positionKey`. */
  shown: Map<string, ShownRow>;
  /** Per unique rule index: its first duplicate rows and the line each repeats. */
  duplicates: Map<number, { position: unknown; firstLine: number }[]>;
  stream?: StreamPass;
}

export function count(main: Record<string, unknown>, name: string): number {
  const v = main[name];
  return v === null || v === undefined ? 0 : Number(v);
}

export function positions(main: Record<string, unknown>, name: string): unknown[] {
  const v = main[name];
  return Array.isArray(v) ? v : [];
}
