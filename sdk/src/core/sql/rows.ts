import type { Field } from './fields.js';

/** A row read back from an engine: where it is, and its fields' values already turned into JSON values. */
export interface FetchedRow {
  /** The engine's position value (`identity.position`). */
  position: unknown;
  /** What orders rows across the result (DuckDB: the position; PostgreSQL: the line). */
  ord: number;
  line: number;
  file?: string;
  /** Values per fetched field, `undefined` for SQL NULL. */
  values: unknown[];
  flags: Record<string, boolean>;
}

/** A map key for a position (bigint or JSON). */
export function positionKey(position: unknown): string {
  return typeof position === 'bigint' ? position.toString() : JSON.stringify(position);
}

/**
 * The record the streaming engine would see, from fetched values: columnar
 * null semantics (`fields.ts`) — a null is kept where the field admits null,
 * else the property is absent.
 */
export function recordOf(fields: Field[], values: unknown[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  fields.forEach((f, i) => {
    const v = values[i];
    if (v === undefined || v === null) {
      if (f.admitsNull) record[f.name] = null;
    } else record[f.name] = v;
  });
  return record;
}
