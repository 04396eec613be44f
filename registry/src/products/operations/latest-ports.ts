import type { EntityManager } from 'typeorm';
import type { PortRef } from '../products.types.js';

/** Every output port of every product's latest version (what the SLA search filter looks at). */
export async function latestPorts(manager: EntityManager): Promise<PortRef[]> {
  const rows: { product_id: string; name: string }[] = await manager.query(
    `SELECT o.product_id, o.name
       FROM products p JOIN product_versions v ON v.product_id = p.id AND v.version = p.latest_version
       JOIN output_ports o ON o.version_id = v.id
      ORDER BY o.product_id, o.name`,
  );
  return rows.map((r) => ({ productId: r.product_id, port: r.name }));
}
