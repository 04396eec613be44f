import type { EntityManager } from 'typeorm';
import type { Observation } from '@dmesh/contracts';
import type { PortKey } from './port-key.js';

/** Appends one observation to the port's history; observations are never edited. */
export async function insertObservation(
  manager: EntityManager,
  key: PortKey,
  o: Observation,
  reportedBy: string,
): Promise<string> {
  const [row] = await manager.query(
    `INSERT INTO sla_observations (product_id, port, observed_at, last_update, row_count, completeness, availability, quality, reported_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      key.productId,
      key.port,
      o.time,
      o.lastUpdate ?? null,
      o.rowCount ?? null,
      o.completeness ?? null,
      o.availability,
      JSON.stringify(o.quality ?? []),
      reportedBy,
    ],
  );
  return String(row.id);
}
