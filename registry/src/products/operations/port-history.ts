import type { EntityManager } from 'typeorm';
import type { PortVersion } from '../products.types.js';

/** Every published version of one output port (its mode and contract hash), oldest version first. */
export function portHistory(manager: EntityManager, product: string, port: string): Promise<PortVersion[]> {
  return manager.query(
    `SELECT v.version, v.major, o.compatibility, o.contract_hash AS "contractHash"
       FROM output_ports o JOIN product_versions v ON v.id = o.version_id
      WHERE o.product_id = $1 AND o.name = $2
      ORDER BY v.major, v.minor, v.patch, (v.prerelease IS NULL), v.id`,
    [product, port],
  );
}
