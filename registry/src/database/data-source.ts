import { DataSource } from 'typeorm';
import { ApiTokenEntity } from '../auth/api-token.entity.js';
import { EventEntity } from '../audit/event.entity.js';
import { InitialCatalog1763800000000 } from './migrations/1763800000000-initial-catalog.js';
import { Sla1763800200000 } from './migrations/1763800200000-sla.js';
import { Lineage1763800100000 } from './migrations/1763800100000-lineage.js';
import { Governance1763800300000 } from './migrations/1763800300000-governance.js';
import { LineageWalkOrder1763800400000 } from './migrations/1763800400000-lineage-walk-order.js';
import { SearchReadModel1763800500000 } from './migrations/1763800500000-search-read-model.js';

/** The tables read through TypeORM repositories; every other table is read with typed SQL by its owning context. */
export const ENTITIES = [ApiTokenEntity, EventEntity];
export const MIGRATIONS = [
  InitialCatalog1763800000000,
  Lineage1763800100000,
  Sla1763800200000,
  Governance1763800300000,
  LineageWalkOrder1763800400000,
  SearchReadModel1763800500000,
];

/** Migrations are explicit and hand-reviewed; `synchronize` is never on. */
export function createDataSource(url: string, options: { poolSize?: number } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    poolSize: options.poolSize ?? 10,
    applicationName: 'dmesh-registry',
  });
}

export async function openDatabase(url: string): Promise<DataSource> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}
