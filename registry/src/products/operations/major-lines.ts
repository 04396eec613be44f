import type { EntityManager } from 'typeorm';
import type { LockedLine } from '../products.types.js';

/** A major line, locked for a lifecycle change: the product's advisory lock serialises it with publishes. */
export async function lockMajorLine(
  tx: EntityManager,
  productId: string,
  major: number,
): Promise<LockedLine | undefined> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [productId]);
  const [line]: LockedLine[] = await tx.query(
    `SELECT product_id AS "productId", major, state, to_char(sunset, 'YYYY-MM-DD') AS sunset, deprecated_at AS "deprecatedAt", reason
       FROM major_lines WHERE product_id = $1 AND major = $2`,
    [productId, major],
  );
  return line;
}

/** Deprecates a line; the first deprecation's time is kept (the deprecation window counts from it). */
export async function markDeprecated(
  tx: EntityManager,
  productId: string,
  major: number,
  change: { sunset: string; reason: string; at: Date },
): Promise<void> {
  await tx.query(
    `UPDATE major_lines SET state = 'deprecated', sunset = $3, reason = $4, deprecated_at = coalesce(deprecated_at, $5), changed_at = now()
      WHERE product_id = $1 AND major = $2`,
    [productId, major, change.sunset, change.reason, change.at],
  );
}

export async function markRetired(tx: EntityManager, productId: string, major: number): Promise<void> {
  await tx.query(`UPDATE major_lines SET state = 'retired', changed_at = now() WHERE product_id = $1 AND major = $2`, [
    productId,
    major,
  ]);
}
