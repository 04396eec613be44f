import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/database/data-source.js';

const TEMPLATE_DB = 'dmesh_template';

export interface TestDatabase {
  /** The runtime role's URL (what the registry's pool uses). */
  url: string;
  /** The table owner's URL (what migrations use). */
  ownerUrl: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template, opened as the runtime role: each test file gets its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DMESH_TEST_PG_URL;
  if (!serverUrl)
    throw new Error(
      'DMESH_TEST_PG_URL is not set: run the registry tests through jest (globalSetup starts PostgreSQL)',
    );
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  const ownerUrl = serverUrl.replace(/\/postgres$/, `/${name}`);
  const url = (process.env.DMESH_TEST_PG_RUNTIME_URL ?? serverUrl).replace(/\/postgres$/, `/${name}`);
  const dataSource = createDataSource(url, { poolSize: 5 });
  await dataSource.initialize();
  return {
    url,
    ownerUrl,
    dataSource,
    drop: async () => {
      await dataSource.destroy();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
