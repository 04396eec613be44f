import type { EntityManager } from 'typeorm';
import type { DataProduct } from '@dmesh/sdk';
import type { StoredVersionRef } from '../../publish/stage-results.js';

/** Every stored version of a product, oldest first by semver, with each output port's contract hash. */
export async function loadVersions(manager: EntityManager, productId: string): Promise<StoredVersionRef[]> {
  const rows: {
    id: string;
    version: string;
    content_hash: string;
    descriptor: DataProduct;
    port_contracts: Record<string, string>;
  }[] = await manager.query(
    `SELECT v.id, v.version, v.content_hash, v.descriptor,
            coalesce((SELECT jsonb_object_agg(o.name, o.contract_hash) FROM output_ports o WHERE o.version_id = v.id), '{}') AS port_contracts
       FROM product_versions v
      WHERE v.product_id = $1 ORDER BY v.major, v.minor, v.patch, v.prerelease NULLS LAST, v.id`,
    [productId],
  );
  return rows.map((r) => ({
    id: String(r.id),
    version: r.version,
    contentHash: r.content_hash,
    descriptor: r.descriptor,
    portContracts: r.port_contracts,
  }));
}
