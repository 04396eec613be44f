import type { EntityManager } from 'typeorm';

export interface FieldEdgeRow {
  product_id: string;
  port: string;
  field: string;
  upstream_product_id: string;
  upstream_port: string;
  upstream_field: string;
}

/** Current field lineage whose both ends lie in `products` (the products a traversal reached). */
export function fieldEdgesAmong(manager: EntityManager, products: string[]): Promise<FieldEdgeRow[]> {
  return manager.query(
    `SELECT DISTINCT product_id, port, field, upstream_product_id, upstream_port, upstream_field
       FROM lineage_current_fields
      WHERE product_id = ANY($1::text[]) AND upstream_product_id = ANY($1::text[])
      ORDER BY upstream_product_id, upstream_port, upstream_field, product_id, port, field`,
    [products],
  );
}
