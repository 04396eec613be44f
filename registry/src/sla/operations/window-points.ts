import type { SlaObservationPoint } from '@dmesh/sdk';
import type { EntityManager } from 'typeorm';
import { keyArrays, portKeyId, type PortKey } from './port-key.js';

/**
 * What SLA status needs of every observation of many ports that any window
 * from `since` on can hold (observed after `since` minus the window), by port:
 * the input of a status timeline.
 */
export async function windowPoints(
  manager: EntityManager,
  keys: readonly PortKey[],
  after: Date,
): Promise<Map<string, SlaObservationPoint[]>> {
  const rows: (SlaObservationPoint & { product_id: string; port: string; row_count: string | null })[] =
    await manager.query(
      `SELECT s.product_id, s.port, s.observed_at AS time, s.last_update AS "lastUpdate", s.row_count,
              s.completeness, s.availability
         FROM unnest($1::text[], $2::text[]) AS k(product_id, port)
         JOIN sla_observations s ON s.product_id = k.product_id AND s.port = k.port AND s.observed_at > $3`,
      [...keyArrays(keys), after],
    );
  const byPort = new Map<string, SlaObservationPoint[]>(keys.map((k) => [portKeyId(k), []]));
  for (const r of rows) {
    byPort.get(portKeyId({ productId: r.product_id, port: r.port }))?.push({
      time: r.time,
      lastUpdate: r.lastUpdate,
      rowCount: r.row_count === null ? null : Number(r.row_count),
      completeness: r.completeness,
      availability: r.availability,
    });
  }
  return byPort;
}
