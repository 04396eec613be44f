import type { EntityManager } from 'typeorm';

/** Distinct products whose latest version has an input on any port of each product (search ranks by it). */
export async function consumerCounts(manager: EntityManager, ids: readonly string[]): Promise<Map<string, number>> {
  const rows: { id: string; consumers: number }[] = await manager.query(
    `SELECT d.upstream_product_id AS id, count(DISTINCT d.product_id)::int AS consumers
       FROM input_dependencies d JOIN products p ON p.id = d.product_id
       JOIN product_versions v ON v.id = d.version_id AND v.version = p.latest_version
      WHERE d.upstream_product_id = ANY($1)
      GROUP BY d.upstream_product_id`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.consumers]));
}
