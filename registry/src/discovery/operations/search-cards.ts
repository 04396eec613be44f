import type { EntityManager } from 'typeorm';
import { worstSlaStatus } from '../index/sla-masks.js';
import type { LifecycleStatus, SlaStatusName } from '../search/search-request.js';

export interface SearchCard {
  status: LifecycleStatus;
  slaStatus: SlaStatusName;
  consumers: number;
}

/** What search knows of products beyond their metadata (lifecycle, SLA status now, consumers), by id. */
export async function searchCards(
  tx: EntityManager,
  ids: readonly string[],
  now: Date,
): Promise<Map<string, SearchCard>> {
  const rows: { product_id: string; status: LifecycleStatus; consumers: number; mask: number }[] = await tx.query(
    `SELECT product_id, status, consumers, sla_masks[width_bucket($2::timestamptz, sla_at)] AS mask
       FROM search_products WHERE product_id = ANY($1)`,
    [ids, now.toISOString()],
  );
  return new Map(
    rows.map((r) => [r.product_id, { status: r.status, slaStatus: worstSlaStatus(r.mask), consumers: r.consumers }]),
  );
}
