import type { EntityManager } from 'typeorm';

export interface PortContractRow {
  version: string;
  major: number;
  compatibility: string;
  schema: unknown;
}

/** Every published contract of one output port, oldest version first. */
export function portContracts(manager: EntityManager, product: string, port: string): Promise<PortContractRow[]> {
  return manager.query(
    `SELECT v.version, v.major, o.compatibility, c.schema
       FROM output_ports o JOIN product_versions v ON v.id = o.version_id JOIN contracts c ON c.hash = o.contract_hash
      WHERE o.product_id = $1 AND o.name = $2
      ORDER BY v.major, v.minor, v.patch, (v.prerelease IS NULL), v.id`,
    [product, port],
  );
}
