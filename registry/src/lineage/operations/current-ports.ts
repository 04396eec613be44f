import type { EntityManager } from 'typeorm';

/** The output ports of the products' current versions. */
export function currentPorts(manager: EntityManager, products: string[]): Promise<{ product_id: string; port: string }[]> {
  return manager.query('SELECT DISTINCT product_id, port FROM lineage_port_locations WHERE product_id = ANY($1::text[]) ORDER BY product_id, port', [products]);
}
