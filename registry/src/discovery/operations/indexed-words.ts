import type { EntityManager } from 'typeorm';

/** The words each indexed product adds to the vocabulary (what a re-index must take back). */
export async function indexedWords(tx: EntityManager, ids: readonly string[]): Promise<Map<string, string[]>> {
  const rows: { product_id: string; words: string[] }[] = await tx.query(
    'SELECT product_id, words FROM search_documents WHERE product_id = ANY($1)',
    [ids],
  );
  return new Map(rows.map((r) => [r.product_id, r.words]));
}

/** Every indexed product id. */
export async function indexedIds(tx: EntityManager): Promise<string[]> {
  return (await tx.query('SELECT product_id FROM search_products')).map((r: { product_id: string }) => r.product_id);
}
