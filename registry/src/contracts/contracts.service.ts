import { Injectable } from '@nestjs/common';
import { contentHash } from '@dmesh/sdk';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Contracts are content-addressed: one row per canonical schema (by its hash),
 * shared by every port version that uses it. Only this service reads or
 * writes the `contracts` table.
 */
@Injectable()
export class ContractsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores schemas not stored yet (in the caller's transaction); returns their hashes in order. */
  async store(tx: EntityManager, schemas: unknown[]): Promise<string[]> {
    const hashes = schemas.map((s) => contentHash(s));
    for (const [i, schema] of schemas.entries()) {
      // json, not jsonb: the stored text keeps property order as the producer wrote it.
      await tx.query(`INSERT INTO contracts (hash, schema) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING`, [
        hashes[i],
        JSON.stringify(schema),
      ]);
    }
    return hashes;
  }

  /** Schemas by hash (hashes not stored are left out). */
  async schemasByHashes(
    hashes: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, unknown>> {
    if (!hashes.length) return new Map();
    const rows: { hash: string; schema: unknown }[] = await manager.query(
      'SELECT hash, schema FROM contracts WHERE hash = ANY($1)',
      [[...new Set(hashes)]],
    );
    return new Map(rows.map((r) => [r.hash, r.schema]));
  }
}
