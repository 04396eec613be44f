import type { EntityManager } from 'typeorm';
import type { PortKey } from './port-key.js';

/**
 * Opens a breach unless the port already has an open one. The partial unique
 * index (one open breach per port) makes this the single winner among
 * concurrent callers: the others wait for its commit and insert nothing.
 * Returns true when this call opened it (and so must record the event).
 */
export async function openBreach(
  manager: EntityManager,
  key: PortKey,
  startedAt: Date,
  reasons: unknown[],
): Promise<boolean> {
  const rows = await manager.query(
    `INSERT INTO sla_breaches (product_id, port, started_at, reasons) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING started_at`,
    [key.productId, key.port, startedAt, JSON.stringify(reasons)],
  );
  return rows.length === 1;
}

/** Closes the port's open breach; returns its start when this call closed it. */
export async function closeBreach(manager: EntityManager, key: PortKey, endedAt: Date): Promise<Date | undefined> {
  const [rows] = await manager.query(
    `UPDATE sla_breaches SET ended_at = $3 WHERE product_id = $1 AND port = $2 AND ended_at IS NULL RETURNING started_at`,
    [key.productId, key.port, endedAt],
  );
  return rows?.[0]?.started_at;
}
