import type { EntityManager } from 'typeorm';

/**
 * Serialises index writes per product with the lock the publish pipeline
 * takes (re-entrant in its own transaction), in id order so two batches never
 * wait for each other in a circle.
 */
export async function lockProducts(tx: EntityManager, ids: readonly string[]): Promise<void> {
  await tx.query(
    `SELECT pg_advisory_xact_lock(hashtext(id)) FROM (SELECT DISTINCT id FROM unnest($1::text[]) id ORDER BY id) ids`,
    [ids],
  );
}
