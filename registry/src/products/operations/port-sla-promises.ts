import type { SlaPromise } from '@dmesh/sdk';
import type { EntityManager } from 'typeorm';
import type { PortPromise, PortRef } from '../products.types.js';

/** The SLA each port promises now; ports no version of their product has are left out. */
export async function portSlaPromises(manager: EntityManager, ports: readonly PortRef[]): Promise<PortPromise[]> {
  const rows: { product_id: string; port: string; sla: SlaPromise | null }[] = await manager.query(
    `SELECT k.product_id, k.port, pr.sla
       FROM unnest($1::text[], $2::text[]) AS k(product_id, port)
       JOIN LATERAL (
         SELECT o.sla
           FROM products p JOIN product_versions v ON v.product_id = p.id JOIN output_ports o ON o.version_id = v.id
          WHERE p.id = k.product_id AND o.name = k.port
          ORDER BY (v.version = p.latest_version) DESC, v.major DESC, v.minor DESC, v.patch DESC, v.id DESC
          LIMIT 1) pr ON true`,
    [ports.map((p) => p.productId), ports.map((p) => p.port)],
  );
  return rows.map((r) => ({ productId: r.product_id, port: r.port, promise: r.sla ?? null }));
}
