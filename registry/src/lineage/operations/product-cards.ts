import type { EntityManager } from 'typeorm';

export interface ProductCard { id: string; latest_version: string; owner_team: string; owner_email: string }

/** The few product columns a lineage node shows (one JSON text: a traversal asks for thousands). */
export async function productCards(manager: EntityManager, ids: string[]): Promise<ProductCard[]> {
  const [row] = await manager.query(
    `SELECT coalesce(json_agg(json_build_object('id', id, 'latest_version', latest_version, 'owner_team', owner_team, 'owner_email', owner_email)), '[]')::text AS cards
       FROM products WHERE id = ANY($1::text[])`,
    [ids],
  );
  return JSON.parse(row.cards) as ProductCard[];
}
