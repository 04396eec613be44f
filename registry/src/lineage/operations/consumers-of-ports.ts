import type { EntityManager } from 'typeorm';

export interface ConsumerRow {
  upstream_product_id: string;
  upstream_port: string;
  product_id: string;
  major: number;
  version_range: string;
  resolved_version: string | null;
  /** Upstream fields of this port that the consumer's field lineage reads (empty: it declares none). */
  fields_read: string[];
}

/** The current consumers of several ports at once, with the fields they read (owners: ProductsService.cards). */
export function consumersOfPorts(
  manager: EntityManager,
  ports: { product: string; port: string }[],
): Promise<ConsumerRow[]> {
  return manager.query(
    `SELECT i.upstream_product_id, i.upstream_port, i.product_id, i.major, i.version_range, i.resolved_version,
            coalesce((SELECT array_agg(DISTINCT f.upstream_field ORDER BY f.upstream_field) FROM lineage_current_fields f
                       WHERE f.product_id = i.product_id AND f.upstream_product_id = i.upstream_product_id AND f.upstream_port = i.upstream_port
                         AND f.major = i.major), '{}') AS fields_read
       FROM unnest($1::text[], $2::text[]) AS q(product, port)
       JOIN lineage_current_inputs i ON i.upstream_product_id = q.product AND i.upstream_port = q.port
      ORDER BY i.upstream_product_id, i.upstream_port, i.product_id, i.major`,
    [ports.map((p) => p.product), ports.map((p) => p.port)],
  );
}
