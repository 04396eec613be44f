import type { SlaWindowSummary } from '@dmesh/sdk';
import type { EntityManager } from 'typeorm';
import { keyArrays, portKeyId, type PortKey } from './port-key.js';

export interface SlaInputs {
  key: PortKey;
  summary: SlaWindowSummary;
  /** Start of the port's open breach, if one is recorded. */
  openBreach: Date | null;
}

/**
 * What SLA status needs of this context's tables for many ports in one
 * statement (each port's promise comes from ProductsService): the window
 * summary (the SQL twin of `summarizeObservations` in the SDK: window
 * `from < observed_at <= to`, completeness weighted by row_count or 1) and
 * the open breach. Aggregating in SQL keeps a busy port (one observation a
 * minute is 10,080 rows a week) one row here.
 */
export async function loadSlaInputs(
  manager: EntityManager,
  keys: readonly PortKey[],
  from: Date,
  to: Date,
): Promise<Map<string, SlaInputs>> {
  const rows: Row[] = await manager.query(
    `SELECT k.product_id, k.port, s.observations, s.available, s.last_update, s.cw_sum, s.cw, s.newest, b.started_at AS open_breach
       FROM unnest($1::text[], $2::text[]) AS k(product_id, port)
       LEFT JOIN LATERAL (
         SELECT count(*)::int AS observations,
                (count(*) FILTER (WHERE availability))::int AS available,
                max(last_update) AS last_update,
                coalesce(sum(completeness * coalesce(row_count, 1)), 0)::float8 AS cw_sum,
                coalesce(sum(coalesce(row_count, 1)) FILTER (WHERE completeness IS NOT NULL), 0)::float8 AS cw,
                max(observed_at) AS newest
           FROM sla_observations s
          WHERE s.product_id = k.product_id AND s.port = k.port AND s.observed_at > $3 AND s.observed_at <= $4) s ON true
       LEFT JOIN sla_breaches b ON b.product_id = k.product_id AND b.port = k.port AND b.ended_at IS NULL`,
    [...keyArrays(keys), from, to],
  );
  return new Map(
    rows.map((r) => {
      const key = { productId: r.product_id, port: r.port };
      return [
        portKeyId(key),
        {
          key,
          summary: {
            observations: r.observations,
            available: r.available,
            lastUpdate: r.last_update ? r.last_update.getTime() : null,
            completenessWeightedSum: r.cw_sum,
            completenessWeight: r.cw,
            newestObservation: r.newest ? r.newest.getTime() : null,
          },
          openBreach: r.open_breach,
        },
      ];
    }),
  );
}

interface Row {
  product_id: string;
  port: string;
  observations: number;
  available: number;
  last_update: Date | null;
  cw_sum: number;
  cw: number;
  newest: Date | null;
  open_breach: Date | null;
}
