import type { EntityManager } from 'typeorm';

export interface ProductCard { id: string; latest_version: string; owner_team: string; owner_email: string }

/** The few product columns a lineage node shows. */
export function productCards(manager: EntityManager, ids: string[]): Promise<ProductCard[]> {
  return manager.query('SELECT id, latest_version, owner_team, owner_email FROM products WHERE id = ANY($1::text[])', [ids]);
}
