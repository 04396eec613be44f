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
  return rows.map((r) => ({ id: String(r.id), version: r.version, contentHash: r.content_hash, descriptor: r.descriptor }));
}

/** Published versions of a product whose major line is not retired (what an input range may resolve to). */
export async function loadResolvableVersions(manager: EntityManager, productId: string): Promise<string[]> {
  const rows: { version: string }[] = await manager.query(
    `SELECT v.version FROM product_versions v
       LEFT JOIN major_lines m ON m.product_id = v.product_id AND m.major = v.major
      WHERE v.product_id = $1 AND coalesce(m.state, 'active') <> 'retired'`,
    [productId],
  );
  return rows.map((r) => r.version);
}

/** Output ports (name and contract) of one stored version. */
export async function loadPorts(manager: EntityManager, productId: string, version: string): Promise<{ name: string; schema: unknown }[]> {
  return manager.query(
    `SELECT p.name, c.schema FROM output_ports p
       JOIN product_versions v ON v.id = p.version_id
       JOIN contracts c ON c.hash = p.contract_hash
      WHERE v.product_id = $1 AND v.version = $2 ORDER BY p.name`,
    [productId, version],
  );
}

/** Contracts of every output port of the given stored versions, keyed by version id then port name. */
export async function loadPortContracts(manager: EntityManager, versionIds: string[]): Promise<Map<string, Map<string, unknown>>> {
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
