import type { EntityManager } from 'typeorm';

/**
 * Removes one read of a consumer, or all of them (`port` absent); a consumer
 * left without reads is removed with its last one. Returns how many reads went.
 */
export async function removeExternalReads(
  tx: EntityManager,
  consumer: { domain: string; name: string },
  port?: { product: string; port: string },
): Promise<number> {
  const removed: unknown[] = await tx.query(
    `DELETE FROM lineage_external_reads
      WHERE domain = $1 AND name = $2 AND ($3::text IS NULL OR (upstream_product_id = $3 AND upstream_port = $4))
      RETURNING 1`,
    [consumer.domain, consumer.name, port?.product ?? null, port?.port ?? null],
  );
  await tx.query(
    `DELETE FROM lineage_external_consumers c
      WHERE c.domain = $1 AND c.name = $2
        AND NOT EXISTS (SELECT 1 FROM lineage_external_reads r WHERE r.domain = c.domain AND r.name = c.name)`,
    [consumer.domain, consumer.name],
  );
  return removed.length;
}
