import type { EntityManager } from 'typeorm';

export interface ProductCard {
  id: string;
  latest_version: string;
  owner_team: string;
  owner_email: string;
}

export const CARDS_SQL = `
  SELECT coalesce(string_agg(id || E'\\t' || latest_version || E'\\t' || owner_team || E'\\t' || owner_email, E'\\n'), '') AS cards
    FROM products WHERE id = ANY($1::text[])`;

/**
 * The few product columns a lineage node shows, as one text of tab-separated
 * lines (a traversal asks for thousands; json_build_object per row took 8 ms
 * for 1,800 products, this 2 ms). Every column is schema-bound to a pattern
 * without whitespace: id, semver, kebab-case team, email.
 */
export async function productCards(manager: EntityManager, ids: string[]): Promise<ProductCard[]> {
  const [row] = await manager.query(CARDS_SQL, [ids]);
  const text = row.cards as string;
  if (!text) return [];
  return text.split('\n').map((line) => {
    const [id, latest_version, owner_team, owner_email] = line.split('\t');
    return { id, latest_version, owner_team, owner_email };
  });
}
