import type { EntityManager } from 'typeorm';
import { tsQueryText, type SearchText } from '../search/search-text.js';

export interface MatchedField {
  productId: string;
  port: string;
  path: string;
}

/**
 * The fields of the given products whose name or description has any word of
 * the text (what `dmesh search` shows as "matched field"); at most `limit` a product.
 */
export async function matchedFields(
  tx: EntityManager,
  ids: readonly string[],
  text: SearchText,
  limit = 3,
): Promise<MatchedField[]> {
  const rows: { product_id: string; port: string; path: string }[] = await tx.query(
    `SELECT product_id, port, path FROM (
       SELECT f.product_id, f.port, f.path,
              row_number() OVER (PARTITION BY f.product_id ORDER BY (f.name = ANY($3)) DESC, f.port, f.path) AS k
         FROM search_fields f
        WHERE f.product_id = ANY($1)
          AND (f.dvec || to_tsvector('english', f.path)) @@ to_tsquery('english', $2::text)) m
      WHERE k <= $4 ORDER BY product_id, k`,
    [ids, tsQueryText(text, '|'), text.terms, limit],
  );
  return rows.map((r) => ({ productId: r.product_id, port: r.port, path: r.path }));
}
