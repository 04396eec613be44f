import type { EntityManager } from 'typeorm';
import type { ProductCard } from '../products.types.js';

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
    const [id, latestVersion, ownerTeam, ownerEmail] = line.split('\t');
    return { id, latestVersion, ownerTeam, ownerEmail };
  });
}
