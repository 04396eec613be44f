import type { EntityManager } from 'typeorm';
import { keyArrays, portKeyId, type PortKey } from './port-key.js';

export interface ObservationRow {
  id: string;
  product_id: string;
  port: string;
  observed_at: Date;
  last_update: Date | null;
  row_count: string | null;
  completeness: number | null;
  availability: boolean;
  quality: unknown[];
  reported_by: string;
}

/** Observations of many ports with `from <= observed_at < to`, oldest first; at most `limit` (the newest) per port. */
export async function observationHistory(
  manager: EntityManager,
  keys: readonly PortKey[],
  from: Date,
  to: Date,
  limit: number,
): Promise<Map<string, ObservationRow[]>> {
  const rows: ObservationRow[] = await manager.query(
    `SELECT h.* FROM unnest($1::text[], $2::text[]) AS k(product_id, port)
       CROSS JOIN LATERAL (
         SELECT * FROM sla_observations s
          WHERE s.product_id = k.product_id AND s.port = k.port AND s.observed_at >= $3 AND s.observed_at < $4
          ORDER BY s.observed_at DESC, s.id DESC LIMIT $5) h
      ORDER BY h.product_id, h.port, h.observed_at, h.id`,
    [...keyArrays(keys), from, to, limit],
  );
  const byPort = new Map<string, ObservationRow[]>(keys.map((k) => [portKeyId(k), []]));
  for (const row of rows) byPort.get(portKeyId({ productId: row.product_id, port: row.port }))?.push(row);
  return byPort;
}
