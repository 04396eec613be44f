import { Injectable } from '@nestjs/common';
import { contentHash } from '@dmesh/sdk';
import { DataSource, type EntityManager } from 'typeorm';
import { ContractCache } from './contract-cache.js';

/**
 * Contracts are content-addressed: one row per canonical schema (by its hash),
 * shared by every port version that uses it. Only this service reads or
 * writes the `contracts` table.
 */
@Injectable()
export class ContractsService {
  private readonly cache = new ContractCache();

  constructor(private readonly dataSource: DataSource) {}

  /** Stores schemas not stored yet (in the caller's transaction); returns their hashes in order. */
  async store(tx: EntityManager, schemas: unknown[]): Promise<string[]> {
    const hashes = schemas.map((s) => contentHash(s));
    // Each new one once; one read earlier (cached) is stored already: an unchanged contract costs no statement.
    const fresh = hashes.flatMap((h, i) => (hashes.indexOf(h) === i && !this.cache.has(h) ? [i] : []));
    if (!fresh.length) return hashes;
    // json, not jsonb: the stored text keeps property order as the producer wrote it. One statement for all.
    await tx.query(
      `INSERT INTO contracts (hash, schema) SELECT * FROM unnest($1::text[], $2::json[]) ON CONFLICT (hash) DO NOTHING`,
      [fresh.map((i) => hashes[i]), fresh.map((i) => JSON.stringify(schemas[i]))],
    );
    return hashes;
  }

  /** Schemas by hash (hashes not stored are left out); shared and frozen: callers must not change them. */
  async schemasByHashes(
    hashes: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, unknown>> {
    const found = new Map<string, unknown>();
    const missing = [...new Set(hashes)].filter((hash) => {
      const schema = this.cache.get(hash);
      if (schema !== undefined) found.set(hash, schema);
      return schema === undefined;
    });
    if (!missing.length) return found;
    const rows: { hash: string; schema: unknown; bytes: number }[] = await manager.query(
      'SELECT hash, schema, octet_length(schema::text) AS bytes FROM contracts WHERE hash = ANY($1)',
      [missing],
    );
    for (const r of rows) {
      this.cache.set(r.hash, r.schema, r.bytes);
      found.set(r.hash, r.schema);
    }
    return found;
  }
}
