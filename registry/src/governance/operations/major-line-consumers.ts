import type { EntityManager } from 'typeorm';

export interface LineConsumer {
  product: string;
  port: string;
  range: string;
  resolved: string | null;
  owner: { team: string; email: string };
}

/**
 * Products whose latest version reads `productId` and resolved it to a version
 * of `major` when it was published: the consumers still on that major line.
 */
export async function majorLineConsumers(manager: EntityManager, productId: string, major: number): Promise<LineConsumer[]> {
  const rows: { product_id: string; upstream_port: string; version_range: string; resolved_version: string | null; owner_team: string; owner_email: string }[] = await manager.query(
    `SELECT d.product_id, d.upstream_port, d.version_range, d.resolved_version, p.owner_team, p.owner_email
       FROM input_dependencies d
       JOIN products p ON p.id = d.product_id
       JOIN product_versions v ON v.id = d.version_id AND v.version = p.latest_version
      WHERE d.upstream_product_id = $1 AND split_part(d.resolved_version, '.', 1)::int = $2
      ORDER BY d.product_id, d.upstream_port`,
    [productId, major],
  );
  return rows.map((r) => ({ product: r.product_id, port: r.upstream_port, range: r.version_range, resolved: r.resolved_version, owner: { team: r.owner_team, email: r.owner_email } }));
}
