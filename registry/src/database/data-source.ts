import { DataSource } from 'typeorm';
import { ApiTokenEntity } from '../auth/api-token.entity.js';
import { EventEntity } from '../audit/event.entity.js';
import { InitialCatalog1763800000000 } from './migrations/1763800000000-initial-catalog.js';
import { Sla1763800200000 } from './migrations/1763800200000-sla.js';
import { Lineage1763800100000 } from './migrations/1763800100000-lineage.js';
import { Governance1763800300000 } from './migrations/1763800300000-governance.js';
import { LineageWalkOrder1763800400000 } from './migrations/1763800400000-lineage-walk-order.js';
import { SearchReadModel1763800700000 } from './migrations/1763800700000-search-read-model.js';
import { Access1763800500000 } from './migrations/1763800500000-access.js';
import { ExternalConsumers1763800600000 } from './migrations/1763800600000-external-consumers.js';
import { DEFAULT_POOL_LIMITS, poolOptions, type PoolLimits } from './pool-options.js';

/** The tables read through TypeORM repositories; every other table is read with typed SQL by its owning context. */
export const ENTITIES = [ApiTokenEntity, EventEntity];
export const MIGRATIONS = [
  InitialCatalog1763800000000,
  Lineage1763800100000,
  Sla1763800200000,
  Governance1763800300000,
  LineageWalkOrder1763800400000,
  Access1763800500000,
  ExternalConsumers1763800600000,
  SearchReadModel1763800700000,
];

/**
 * Migrations are explicit and hand-reviewed; `synchronize` is never on. The
 * pool bounds each request's database work (pool-options.ts); `limits: false`
 * is a pool without bounds, for migrations, which may run long on a big catalog.
 */
export function createDataSource(url: string, options: { poolSize?: number; limits?: PoolLimits | false } = {}) {
  const limits = options.limits === false ? undefined : { ...DEFAULT_POOL_LIMITS, ...options.limits };
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    ...(limits && poolOptions(limits)),
    poolSize: options.poolSize ?? limits?.poolSize ?? 1,
    applicationName: 'dmesh-registry',
  });
}

/** Brings the schema up to date on its own connection, then opens the bounded pool the registry serves with. */
export async function openDatabase(url: string, limits: Partial<PoolLimits> = {}): Promise<DataSource> {
  const migrator = createDataSource(url, { limits: false });
  await migrator.initialize();
  try {
    await migrator.runMigrations();
  } finally {
    await migrator.destroy();
  }
  const dataSource = createDataSource(url, { limits: { ...DEFAULT_POOL_LIMITS, ...limits } });
  await dataSource.initialize();
  return dataSource;
}
