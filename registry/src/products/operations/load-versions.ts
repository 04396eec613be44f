import type { EntityManager } from 'typeorm';
import type { DataProduct } from '@dmesh/sdk';
import type { StoredVersionRef } from '../publish/publish.types.js';

/** Every stored version of a product, oldest first by semver. */
export async function loadVersions(manager: EntityManager, productId: string): Promise<StoredVersionRef[]> {
  const rows: { id: string; version: string; content_hash: string; descriptor: DataProduct }[] = await manager.query(
    `SELECT id, version, content_hash, descriptor FROM product_versions
      WHERE product_id = $1 ORDER BY major, minor, patch, prerelease NULLS LAST, id`,
    [productId],
  );
  return rows.map((r) => ({
    id: String(r.id),
    version: r.version,
    contentHash: r.content_hash,
    descriptor: r.descriptor,
  }));
}

/** Contracts of every output port of the given stored versions, keyed by version id then port name. */
export async function loadPortContracts(
  manager: EntityManager,
  versionIds: string[],
): Promise<Map<string, Map<string, unknown>>> {
  const rows: { version_id: string; name: string; schema: unknown }[] = versionIds.length
    ? await manager.query(
        `SELECT p.version_id, p.name, c.schema FROM output_ports p JOIN contracts c ON c.hash = p.contract_hash WHERE p.version_id = ANY($1::bigint[])`,
        [versionIds],
      )
    : [];
  const out = new Map<string, Map<string, unknown>>();
  for (const r of rows) {
    const id = String(r.version_id);
    if (!out.has(id)) out.set(id, new Map());
    out.get(id)!.set(r.name, r.schema);
  }
  return out;
}
