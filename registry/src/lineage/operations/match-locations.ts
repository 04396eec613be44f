import type { EntityManager } from 'typeorm';

/** Output ports (current versions) whose normalised location is one of `keys`. */
export function portsAtLocations(
  manager: EntityManager,
  keys: string[],
): Promise<{ location_key: string; product_id: string; port: string }[]> {
  return manager.query(
    'SELECT DISTINCT location_key, product_id, port FROM lineage_port_locations WHERE location_key = ANY($1::text[]) ORDER BY location_key, product_id, port',
    [keys],
  );
}
